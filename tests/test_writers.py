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


def test_srt_numbers_times_and_wraps():
    from broadcast.writers import srt

    text = srt([(3_700, 5_250, "Kính thưa bà con"),
                (3_725_001, 3_730_000, "Một câu rất dài " * 8)])
    blocks = text.strip().split("\n\n")
    assert blocks[0] == "1\n00:00:03,700 --> 00:00:05,250\nKính thưa bà con"
    lines = blocks[1].split("\n")
    assert lines[:2] == ["2", "01:02:05,001 --> 01:02:10,000"]
    assert len(lines) > 3 and all(len(line) <= 60 for line in lines[2:])
    assert " ".join(lines[2:]) == ("Một câu rất dài " * 8).strip()
