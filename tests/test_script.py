import datetime as dt

import pytest

from broadcast import document, sources
from broadcast.config import Commune
from broadcast.errors import BroadcastError
from broadcast.script import normal_case, render, sections_of, template_dirs, when
from tests.conftest import FIXTURES

DAY = dt.date(2025, 9, 5)


def letter():
    return document.parse(sources.read(FIXTURES / "cong-van-nho.txt"))


def test_render_has_the_shape_of_a_bai_tuyen_truyen():
    script = render(letter(), Commune.from_text("Phúc Lộc"), DAY)
    kinds = [s.kind for s in script.sections]
    assert kinds[0] == "title"
    assert script.title == "BÀI TUYÊN TRUYỀN VỀ TỔ CHỨC TIÊM PHÒNG DẠI CHO CHÓ, MÈO NĂM 2025"
    spoken = " ".join(s.text for s in script.spoken_sections())
    assert "sau đây là nội dung tuyên truyền của Ủy ban nhân dân xã Phúc Lộc" in spoken
    assert "Ngày 03/9/2025, UBND xã An Phú đã ban hành công văn" in spoken
    assert "1. Trưởng các thôn thông báo" in spoken and "2. Trạm Y tế xã" in spoken
    assert "- Mức thu: 15.000 đồng/liều." in spoken
    assert spoken.rstrip().endswith("đã chú ý lắng nghe!")
    for absent in ("Nơi nhận", "Kính gửi", "Võ Văn Tâm", "CỘNG HÒA", "Số: 12"):
        assert absent not in script.printed()


def test_footer_is_printed_but_not_spoken():
    script = render(letter(), Commune.from_text("phường Tân An"), DAY)
    footer = [s for s in script.sections if not s.spoken]
    assert [s.kind for s in footer] == ["footer"] * len(footer)
    printed = script.printed()
    assert "Tân An, ngày 05 tháng 9 năm 2025" in printed
    assert "Phê duyệt của lãnh đạo" in printed
    assert "Phê duyệt" not in " ".join(s.text for s in script.spoken_sections())
    assert script.commune == "phường Tân An"


def test_user_template_folder_wins(tmp_path):
    (tmp_path / "bai-tuyen-truyen.md.j2").write_text(
        "# BẢN TIN {{ commune.name | upper }}\n\n{{ directive.subject }}\n", encoding="utf-8")
    script = render(letter(), Commune.from_text("Phúc Lộc"), DAY, user_dir=tmp_path)
    assert script.title == "BẢN TIN PHÚC LỘC"
    assert template_dirs(tmp_path)[0] == tmp_path


def test_missing_variable_names_template_and_variable(tmp_path):
    (tmp_path / "bai-tuyen-truyen.md.j2").write_text("# X {{ signer_name }}\n", encoding="utf-8")
    with pytest.raises(BroadcastError, match="bai-tuyen-truyen.md.j2.*signer_name"):
        render(letter(), Commune.from_text("Phúc Lộc"), DAY, user_dir=tmp_path)


def test_missing_template_names_searched_folders(tmp_path):
    with pytest.raises(BroadcastError, match="khong-co.j2"):
        render(letter(), Commune.from_text("Phúc Lộc"), DAY, template="khong-co.j2",
               user_dir=tmp_path)


def test_sandbox_blocks_unsafe_attribute_access(tmp_path):
    (tmp_path / "bai-tuyen-truyen.md.j2").write_text(
        "# {{ directive.__class__.__init__.__globals__ }}\n", encoding="utf-8")
    with pytest.raises(Exception, match="unsafe|không có"):
        render(letter(), Commune.from_text("Phúc Lộc"), DAY, user_dir=tmp_path)


def test_sections_of_reads_markup():
    text = "# TIÊU ĐỀ\n\n## I. Mục\n\n1. Việc một\n\n- Ý\n\nĐoạn.\n---\nChữ ký\n"
    assert [(s.kind, s.spoken) for s in sections_of(text)] == [
        ("title", True), ("heading", True), ("item", True), ("bullet", True),
        ("paragraph", True), ("footer", False)]


@pytest.mark.parametrize(("given", "expected"), [
    ("ỦY BAN NHÂN DÂN HUYỆN ĐỨC THỌ", "Ủy ban nhân dân huyện Đức Thọ"),
    ("Ủy ban nhân dân huyện Krông Nô", "Ủy ban nhân dân huyện Krông Nô"),
    ("UBND XÃ AN PHÚ", "UBND xã An Phú"),
])
def test_normal_case(given, expected):
    assert normal_case(given) == expected


@pytest.mark.parametrize(("iso", "expected"), [
    ("2024-03-20", "Ngày 20/3/2024"), ("2023-10", "Tháng 10/2023"), (None, "Vừa qua"),
])
def test_when(iso, expected):
    assert when(iso) == expected


@pytest.mark.parametrize("bad", ["", "   ", "x" * 80])
def test_bad_commune_name(bad):
    with pytest.raises(BroadcastError, match="Tên xã"):
        Commune.from_text(bad)
