import datetime as dt

import pytest

from broadcast import document, sources
from broadcast.config import Commune
from broadcast.errors import BroadcastError
from broadcast.script import normal_case, render, sections_of, template_dirs, when
from tests.conftest import FIXTURES

DAY = dt.date(2025, 9, 5)


@pytest.fixture(autouse=True)
def _own_approval_key(tmp_path, monkeypatch):
    """Approvals are sealed with a key in a folder of the test's own."""
    monkeypatch.setenv("BROADCAST_CONFIG", str(tmp_path / "config"))


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
    assert footer and [s.kind for s in footer] == ["approval"] * len(footer)
    assert script.sections[-len(footer) - 1].spoken
    printed = script.printed()
    assert "Tân An, ngày 05 tháng 9 năm 2025" in printed
    assert "Phê duyệt của lãnh đạo" in printed and "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" in printed
    assert "(chưa phê duyệt)" in printed and "Ghi chú: (thực hiện phát" in printed
    assert "Phê duyệt" not in " ".join(s.text for s in script.spoken_sections())
    assert script.commune == "phường Tân An"


def test_user_template_folder_wins(tmp_path):
    (tmp_path / "cong-van.md.j2").write_text(
        "# BẢN TIN {{ commune.name | upper }}\n\n{{ directive.subject }}\n", encoding="utf-8")
    script = render(letter(), Commune.from_text("Phúc Lộc"), DAY, user_dir=tmp_path)
    assert script.title == "BẢN TIN PHÚC LỘC"
    assert template_dirs(tmp_path)[0] == tmp_path


def test_missing_variable_names_template_and_variable(tmp_path):
    (tmp_path / "cong-van.md.j2").write_text("# X {{ signer_name }}\n", encoding="utf-8")
    with pytest.raises(BroadcastError, match="cong-van.md.j2.*signer_name"):
        render(letter(), Commune.from_text("Phúc Lộc"), DAY, user_dir=tmp_path)


def test_missing_template_names_searched_folders(tmp_path):
    with pytest.raises(BroadcastError, match="khong-co.j2"):
        render(letter(), Commune.from_text("Phúc Lộc"), DAY, template="khong-co.j2",
               user_dir=tmp_path)


def test_sandbox_blocks_unsafe_attribute_access(tmp_path):
    (tmp_path / "cong-van.md.j2").write_text(
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


# ---------------------------------------------------------------- templates per kind

from broadcast.document import Block, Directive  # noqa: E402
from broadcast.script import (  # noqa: E402
    APPROVED,
    ScriptOptions,
    approve,
    check_approved,
    from_markdown,
    is_script_file,
    join_list,
    lcfirst,
    ordinal,
    person,
    template_for,
    to_markdown,
)
from tests.conftest import CORPUS  # noqa: E402


def corpus(name):
    path = CORPUS / name
    if not path.exists():
        pytest.skip("../shared/corpus not available")
    return document.parse(sources.read(path))


@pytest.mark.parametrize(("name", "template"), [
    ("thong-bao-ket-luan-kon-ray-2024.md", "thong-bao-ket-luan.md.j2"),
    ("ke-hoach-krong-no-2024.md", "ke-hoach.md.j2"),
    ("cong-van-don-doc-duc-tho-2023.md", "cong-van.md.j2"),
    ("bai-tuyen-truyen-phuc-loc-2024-07.md", "bai-tuyen-truyen.md.j2"),
])
def test_each_corpus_kind_gets_its_template(name, template):
    directive = corpus(name)
    assert template_for(directive) == template
    script = render(directive, Commune.from_text("Phúc Lộc"), DAY)
    assert script.template == template
    assert len(script.spoken_sections()) > 5


def test_a_decision_uses_the_generic_template():
    decision = document.parse(sources.read(FIXTURES / "quyet-dinh-xa.md"))
    assert decision.kind == "quyet_dinh" and template_for(decision) == "chung.md.j2"


def test_plan_lead_names_its_parts():
    script = render(corpus("ke-hoach-krong-no-2024.md"), Commune.from_text("Phúc Lộc"), DAY)
    lead = script.spoken_sections()[2].text
    assert "Kế hoạch gồm hai phần: chỉ số cải cách hành chính huyện Krông Nô năm 2023; kế " \
           "hoạch cải thiện, nâng cao chỉ số CCHC huyện Krông Nô năm 2024." in lead


def test_letter_lead_says_who_must_act_without_reciting_an_office_list():
    script = render(corpus("cong-van-don-doc-duc-tho-2023.md"), Commune.from_text("Phúc Lộc"),
                    DAY)
    lead = script.spoken_sections()[2].text
    assert lead == ("Tháng 10/2023, Ủy ban nhân dân huyện Đức Thọ đã ban hành công văn về việc "
                    "đơn đốc thực hiện hoàn thành kế hoạch cải cách hành chính năm 2023, gửi các "
                    "cơ quan, đơn vị liên quan.")


def test_a_letter_to_the_people_says_so():
    letter = Directive(kind="cong_van", subject="tiêm phòng dại", issuer="UBND XÃ AN PHÚ",
                       addressees=["Nhân dân trong xã", "Các hộ gia đình nuôi chó, mèo"],
                       body=[Block("item", "Mang chó đi tiêm.", "1")])
    lead = render(letter, Commune.from_text("Phúc Lộc"), DAY).spoken_sections()[2].text
    assert lead == ("Vừa qua, UBND xã An Phú đã ban hành công văn về việc tiêm phòng dại, gửi "
                    "nhân dân trong xã và các hộ gia đình nuôi chó, mèo. Công văn đề nghị thực "
                    "hiện các nội dung sau:")


@pytest.mark.parametrize(("title", "intro"), [
    ("Thông báo kết luận của Chủ tịch UBND xã tại cuộc họp", "Nội dung kết luận như sau:"),
    ("Thông báo lịch trình thu gom rác thải năm 2018", "Nội dung thông báo như sau:"),
])
def test_a_notice_without_a_lead_in_introduces_what_it_is(title, intro):
    notice = Directive(kind="thong_bao", title=title, subject=title[10:],
                       body=[Block("item", "Tuyến xe ép rác chạy từ 15 giờ 30.", "1")])
    texts = [s.text for s in render(notice, Commune.from_text("Phúc Lộc"), DAY).spoken_sections()]
    assert intro in texts
    assert texts[texts.index(intro) + 1] == "1. Tuyến xe ép rác chạy từ 15 giờ 30."


def test_conclusion_notice_introduces_the_conclusions_after_the_meeting():
    notice = Directive(kind="thong_bao", title="Thông báo kết luận của Chủ tịch UBND huyện tại "
                       "hội nghị sơ kết", preamble=["Ngày 5/7/2024, UBND huyện tổ chức hội nghị."],
                       body=[Block("item", "Các xã rà soát hộ nghèo.", "1")],
                       meeting={"date": "2024-07-05", "chair": "Lê Văn A - Chủ tịch UBND huyện",
                                "heard": ""})
    texts = [s.text for s in render(notice, Commune.from_text("Phúc Lộc"), DAY).spoken_sections()]
    at = texts.index("Ngày 5/7/2024, UBND huyện tổ chức hội nghị.")
    assert texts[at + 1] == ("Đồng chí Lê Văn A, Chủ tịch UBND huyện, chủ trì hội nghị, đã kết "
                             "luận như sau:")
    assert texts[at + 2] == "1. Các xã rà soát hộ nghèo."


def test_items_read_as_ordinals_when_asked():
    plain = render(letter(), Commune.from_text("Phúc Lộc"), DAY)
    words = render(letter(), Commune.from_text("Phúc Lộc"), DAY,
                   options=ScriptOptions(items="thu-tu"))
    assert "1. Trưởng các thôn thông báo" in plain.printed()
    printed = words.printed()
    assert "Thứ nhất, trưởng các thôn thông báo" in printed
    assert "Thứ hai, Trạm Y tế xã phối hợp" in printed and "1. Trưởng" not in printed


@pytest.mark.parametrize(("label", "expected"), [
    ("1", "Thứ nhất"), ("2", "Thứ hai"), ("4", "Thứ tư"), ("10", "Thứ mười"), ("12", "Thứ 12"),
])
def test_ordinal(label, expected):
    assert ordinal(label) == expected


@pytest.mark.parametrize(("given", "expected"), [
    ("Các cơ quan", "các cơ quan"), ("UBND các xã", "UBND các xã"), ("Thông báo", "thông báo"),
    ("HĐND xã", "HĐND xã"), ("Ủy ban nhân dân các xã", "Ủy ban nhân dân các xã"),
    ("Trạm Y tế xã", "Trạm Y tế xã"), ("Bà con", "bà con"), ("", ""),
])
def test_lcfirst(given, expected):
    assert lcfirst(given) == expected


def test_join_list_and_person():
    assert join_list(["a", "b", "c"]) == "a, b và c" and join_list(["a"]) == "a"
    assert person("Đinh Thị Hồng Thu – Phó Chủ tịch UBND huyện") == \
        "Đinh Thị Hồng Thu, Phó Chủ tịch UBND huyện"


def test_user_footer_template_wins(tmp_path):
    (tmp_path / "_ky-duyet.md.j2").write_text(
        "Duyệt: {{ approval.by or 'chưa' }} — {{ approval.note }}\n", encoding="utf-8")
    script = render(letter(), Commune.from_text("Phúc Lộc"), DAY, user_dir=tmp_path)
    assert script.printed().rstrip().endswith("Duyệt: chưa — thực hiện phát trên đài truyền "
                                              "thanh và loa kéo đến các thôn)".rstrip(")"))


def test_missing_variable_in_an_inherited_block_names_it(tmp_path):
    (tmp_path / "cong-van.md.j2").write_text(
        '{% extends "_khung.md.j2" %}{% block lead %}{{ directive.nguoi_ky }}{% endblock %}',
        encoding="utf-8")
    with pytest.raises(BroadcastError, match="cong-van.md.j2.*nguoi_ky"):
        render(letter(), Commune.from_text("Phúc Lộc"), DAY, user_dir=tmp_path)


# ---------------------------------------------------------------- the editable file, approval


def drafted():
    return render(letter(), Commune.from_text("Phúc Lộc"), DAY)


def test_markdown_round_trip_keeps_what_is_read():
    script = drafted()
    text = to_markdown(script)
    assert is_script_file(text) and not is_script_file(sources.read(
        FIXTURES / "cong-van-nho.txt").text)
    back = from_markdown(text, "bai.md")
    assert back.title == script.title and back.commune == "xã Phúc Lộc"
    assert [(s.kind, s.text) for s in back.spoken_sections()] == \
        [(s.kind, s.text) for s in script.spoken_sections()]
    assert back.approval == script.approval and back.printed() == script.printed()
    assert "Phê duyệt" not in text


def test_a_templates_own_printed_part_stays_printed(tmp_path):
    (tmp_path / "cong-van.md.j2").write_text("# TIN\n\nĐọc.\n---\nChỉ in.\n", encoding="utf-8")
    script = render(letter(), Commune.from_text("Phúc Lộc"), DAY, user_dir=tmp_path)
    back = from_markdown(to_markdown(script), "bai.md")
    assert [s.text for s in back.spoken_sections()] == ["TIN", "Đọc."]
    assert "Chỉ in." in back.printed() and back.printed() == script.printed()


def test_unapproved_script_is_refused_and_approval_is_recorded():
    script = from_markdown(to_markdown(drafted()), "bai.md")
    with pytest.raises(BroadcastError, match="chưa được phê duyệt.*broadcast approve"):
        check_approved(script)
    approved = approve(script, "Nông Văn Nhượng", dt.date(2025, 9, 6))
    check_approved(approved)
    again = from_markdown(to_markdown(approved), "bai.md")
    assert again.approval.status == APPROVED and again.approval.by == "Nông Văn Nhượng"
    assert again.approval.on == "2025-09-06"
    check_approved(again)
    printed = again.printed()
    assert printed.rstrip().endswith("Ghi chú: (thực hiện phát trên đài truyền thanh và loa kéo "
                                     "đến các thôn)")
    assert "\n\nNông Văn Nhượng\n\n" in printed and "(chưa phê duyệt)" not in printed


def test_an_edit_after_approval_voids_it():
    approved = to_markdown(approve(drafted(), "Nông Văn Nhượng", DAY))
    edited = approved.replace("Trạm Y tế xã phối hợp", "Trạm Y tế xã chủ trì, phối hợp")
    assert edited != approved
    with pytest.raises(BroadcastError, match="đã bị sửa sau khi được phê duyệt"):
        check_approved(from_markdown(edited, "bai.md"))
    reflowed = approved.replace("Trạm Y tế xã phối hợp", "Trạm Y tế xã\nphối hợp")
    check_approved(from_markdown(reflowed, "bai.md"))


@pytest.mark.parametrize(("change", "message"), [
    (lambda t: t.replace("status: draft", "status: ok"), "'status' phải là draft"),
    (lambda t: t.replace("status: draft", "status: draft\nnguoi: X"), "dòng .*nguoi: X"),
    (lambda t: t.replace("date: 2025-09-05", "date: 5/9/2025"), "'date' phải là ngày phát"),
    (lambda t: t.replace("commune: xã Phúc Lộc\n", ""), "thiếu khóa 'commune'"),
    (lambda t: t.replace("status: draft", "status: draft\nversion: hai"), "'version' phải là"),
    (lambda t: t.replace("status: draft", "status: draft\nversion: 0"), "'version' phải là"),
])
def test_bad_front_matter_is_named(change, message):
    with pytest.raises(BroadcastError, match=message):
        from_markdown(change(to_markdown(drafted())), "bai.md")


def test_a_later_version_keeps_its_number_and_its_own_file_names(tmp_path):
    from dataclasses import replace

    from broadcast.pipeline import BuildOptions, output_names, script_path

    first = drafted()
    assert "version" not in to_markdown(first)  # version 1 is not written at all
    second = from_markdown(to_markdown(replace(first, version=2)), "bai.md")
    assert second.version == 2
    options = BuildOptions(out_dir=tmp_path, draft=True)
    assert output_names(options, second)[".mp3"].name == \
        output_names(options, first)[".mp3"].name.replace("-DRAFT", "-v2-DRAFT")
    assert script_path(options, second).name == script_path(options, first).stem + "-v2.md"
