import pytest

from broadcast.writers import slugify, staged


@pytest.mark.parametrize(("title", "slug"), [
    ("Kế hoạch Duy trì CCHC năm 2024", "ke-hoach-duy-tri-cchc-nam-2024"),
    ("ĐƠN ĐỐC THỰC HIỆN: 7/2024!", "don-doc-thuc-hien-7-2024"),
    ("***", "bai-tuyen-truyen"),
    ("a" * 30 + " " + "b" * 40, "a" * 30),
])
def test_slugify(title, slug):
    assert slugify(title) == slug


def test_staged_renames_all_on_success(tmp_path):
    folder = tmp_path / "out" / "2024-07"
    with staged(folder) as stage:
        stage("a.txt").write_text("1")
        stage("b.txt").write_text("2")
        assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == []
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "b.txt"]


def test_staged_leaves_nothing_on_failure(tmp_path):
    folder = tmp_path / "out" / "2024-07"
    with pytest.raises(RuntimeError), staged(folder) as stage:
        stage("a.txt").write_text("1")
        raise RuntimeError("encode failed")
    assert list(tmp_path.iterdir()) == []
