"""Written for the ear: office language left out of what is read, short titles, the issuer as
people say it — each rule by a table, then every corpus document and fixture as a whole."""

import datetime as dt
import re

import pytest

from broadcast import document, ear, sources
from broadcast.config import Commune
from broadcast.document import Block, Directive
from broadcast.script import render
from tests.conftest import CORPUS, FIXTURES, SAMPLE
from tests.document.shapes import SHAPES

DAY = dt.date(2024, 7, 4)
PHUC_LOC = Commune.from_text("Phúc Lộc")


@pytest.mark.parametrize(("given", "expected"), [
    ("UBND xã thông báo để nhân dân biết, thực hiện./.", ""),
    ("Vậy UBND xã thông báo tới toàn thể cán bộ và nhân dân trong xã biết và thực hiện.", ""),
    ("UBND huyện báo để đơn vị, địa phương biết, triển khai thực hiện./", ""),
    ("Yêu cầu các cơ quan, phòng, ban, ngành, đơn vị, UBND các xã, thị trấn chỉ đạo triển khai "
     "thực hiện kịp thời, có hiệu quả.", ""),
    ("Đề nghị các thôn thực hiện nghiêm túc.", ""),
    ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc đề nghị báo cáo về UBND huyện (qua "
     "Phòng Nội vụ) để chỉ đạo.", ""),
    ("Chánh Văn phòng, Thủ trưởng các cơ quan chịu trách nhiệm thi hành Quyết định này.", ""),
    ("Chi tiết văn bản xem tại đây: CT05UBND", ""),
    # what tells the people something stays
    ("Đề nghị bà con không thả rông gia súc và thực hiện nghiêm túc.",
     "Đề nghị bà con không thả rông gia súc và thực hiện nghiêm túc."),
    ("Yêu cầu các hộ dân không đốt rơm rạ trên đồng ruộng.",
     "Yêu cầu các hộ dân không đốt rơm rạ trên đồng ruộng."),
    ("Trong quá trình thực hiện, nếu có khó khăn, bà con liên hệ số điện thoại 0212.3850.123.",
     "Trong quá trình thực hiện, nếu có khó khăn, bà con liên hệ số điện thoại 0212.3850.123."),
    ("Tiêm phòng từ 7 giờ. UBND xã thông báo để nhân dân biết, thực hiện./.",
     "Tiêm phòng từ 7 giờ."),
    ("Quyết định này có hiệu lực kể từ ngày ký.", "Quyết định này có hiệu lực kể từ ngày ký."),
])
def test_drop_formulas(given, expected):
    assert ear.drop_formulas(given) == expected


@pytest.mark.parametrize(("rule", "given", "expected"), [
    (ear.drop_attachment_notes, "Giao Sở phối hợp./. (Đính kèm Công văn số 847/UBND-VX1 ngày "
     "22/3/2011)", "Giao Sở phối hợp./."),
    (ear.drop_attachment_notes, "Thời gian tiếp dân: thứ Năm hằng tuần. (Có lịch cụ thể kèm theo)",
     "Thời gian tiếp dân: thứ Năm hằng tuần."),
    (ear.drop_attachment_notes, "Đạt 90% (tăng 5%).", "Đạt 90% (tăng 5%)."),
    (ear.drop_abbreviation_notes, "Kế hoạch số 12/KH-UBND (sau đây viết tắt là Kế hoạch của huyện)"
     " được triển khai.", "Kế hoạch số 12/KH-UBND được triển khai."),
    (ear.drop_abbreviation_notes, "Chương trình (gọi tắt là Chương trình 135) hỗ trợ.",
     "Chương trình hỗ trợ."),
    (ear.plain_web_addresses, "tại địa chỉ http://sonla.gov.vn/hoi-dap và www.dichvucong.gov.vn",
     "tại địa chỉ sonla.gov.vn/hoi-dap và dichvucong.gov.vn"),
])
def test_sentence_rules(rule, given, expected):
    assert rule(given) == expected


@pytest.mark.parametrize(("subject", "topic"), [
    ("Kết luận của đồng chí Phó Chủ tịch UBND huyện tại Hội nghị trực tuyến đánh giá công tác "
     "cải cách hành chính năm 2023 và kết quả 6 tháng đầu năm, phương hướng, nhiệm vụ 6 tháng "
     "cuối năm 2024", "Cải cách hành chính"),
    ("Ý kiến kết luận của Phó Chủ tịch UBND huyện Đỗ Văn Tân tại Hội nghị tổng kết công tác cải "
     "cách hành chính năm 2017", "Cải cách hành chính năm 2017"),
    ("Duy trì, cải thiện và nâng cao Chỉ số cải cách hành chính huyện Krông Nô năm 2024",
     "Chỉ số cải cách hành chính huyện Krông Nô năm 2024"),
    ("Triển khai thực hiện Nghị quyết số 13-NQ/TU ngày 06/9/2023 Của Ban Thường vụ Tỉnh ủy khóa "
     "XX về Chuyển đổi số tỉnh Quảng Ngãi Đến năm 2025, định hướng đến năm 2030",
     "Chuyển đổi số tỉnh Quảng Ngãi"),
    ("Kết luận của Phó Chủ tịch UBND huyện Lâm Văn Tường tại cuộc họp về phòng, chống hạn hán, "
     "xâm nhập mặn và bảo đảm nước sinh hoạt cho người dân vùng ven biển trong mùa khô năm 2025",
     "Phòng, chống hạn hán, xâm nhập mặn"),
    ("Lịch tiếp công dân của Chủ tịch UBND xã Phù Ninh năm 2022", "Lịch tiếp công dân năm 2022"),
    ("Khẩn của UBND huyện về cơn bão số 8", "Cơn bão số 8"),
    ("V/v tổ chức Tết Trồng cây", "Tổ chức Tết Trồng cây"),
    ("Tổ chức tuyên truyền phục vụ Tết Nguyên đán Tân Sửu 2021",
     "Tổ chức tuyên truyền phục vụ Tết Nguyên đán Tân Sửu 2021"),
    ("Tổ chức Hội thi xe tuyên truyền lưu động chào mừng 190 năm thành lập tỉnh, 80 năm thành "
     "lập Đảng bộ tỉnh và 25 năm tái lập tỉnh Hưng Yên",
     "Hội thi xe tuyên truyền lưu động chào mừng 190 năm thành lập tỉnh"),
    ("V/v hưởng ứng lời kêu gọi “ Toàn dân tham gia ủng hộ phòng chống dịch Covid -19”",
     "Hưởng ứng lời kêu gọi “Toàn dân tham gia ủng hộ phòng chống dịch Covid -19”"),
    ("Hưởng ứng cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” trên "
     "địa bàn xã năm 2025", "Hưởng ứng cuộc vận động Toàn dân đoàn kết xây dựng nông thôn mới"),
    ('Cuộc vận động "Người Việt Nam ưu tiên dùng hàng Việt Nam" năm 2025',
     'Cuộc vận động "Người Việt Nam ưu tiên dùng hàng Việt Nam" năm 2025'),
    # no break in the phrase: the whole of it rather than a word cut in two
    ("Tuyên truyền và tổ chức các hoạt động kỷ niệm 47 năm ngày giải phóng hoàn toàn miền Nam",
     "Tuyên truyền và tổ chức các hoạt động kỷ niệm 47 năm ngày giải phóng hoàn toàn miền Nam"),
    # a full stop ends the first topic
    ("Các hoạt động kỷ niệm 90 năm ngày thành lập Đảng Cộng sản Việt Nam. Chuẩn bị công tác đón "
     "Xuân Canh Tý", "Các hoạt động kỷ niệm 90 năm ngày thành lập Đảng Cộng sản Việt Nam"),
    # longer than any title: cut at its last whole word, never on one that waits for more
    (" ".join(["Tuyên truyền"] + ["phòng chống dịch bệnh trên đàn gia súc gia cầm"] * 3),
     " ".join(["Tuyên truyền"] + ["phòng chống dịch bệnh trên đàn gia súc gia cầm"]
              + ["phòng chống dịch bệnh trên đàn gia súc"])),
])
def test_short_title(subject, topic):
    assert ear.short_title(Directive(subject=subject)) == topic


@pytest.mark.parametrize(("issuer", "parent", "said"), [
    ("VĂN PHÒNG HĐND VÀ UBND", "UBND HUYỆN HÒN ĐẤT", "Văn phòng HĐND và UBND huyện Hòn Đất"),
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH",
     "Sở Giáo dục và Đào tạo thành phố Hồ Chí Minh"),
    ("ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH", "", "Ủy ban nhân dân huyện Châu Thành"),
    ("TỈNH ỦY THỪA THIÊN HUẾ", "", "Tỉnh ủy Thừa Thiên Huế"),
    ("UBND xã Tân Lập", "", "UBND xã Tân Lập"), ("", "", ""),
    ("BAN THƯỜNG TRỰC", "ỦY BAN MTTQ VIỆT NAM XÃ TÙNG CHÂU",
     "Ban Thường trực Ủy ban MTTQ Việt Nam xã Tùng Châu"),
])
def test_issuer_as_people_say_it(issuer, parent, said):
    assert ear.issuer_name(Directive(issuer=issuer, issuer_parent=parent)) == said


def test_a_decision_reads_what_was_decided_not_its_legal_basis():
    decision = document.parse(sources.read(FIXTURES / "quyet-dinh-xa.md"))
    aired = ear.for_air(decision)
    assert aired.preamble == []
    assert [b.label for b in aired.body] == ["Điều 1", "Điều 2", "Điều 3"]
    laws = Directive(body=[Block("bullet", "Luật Công nghệ thông tin ngày 29/6/2006;"),
                           Block("bullet", "Nghị quyết số 57-NQ/TW ngày 22/12/2024;"),
                           Block("heading", "MỤC TIÊU", "I")])
    assert [b.label for b in ear.for_air(laws).body] == ["I"]


def test_a_repost_lead_that_names_the_document_is_said_once():
    repost = document.parse(SHAPES["a repost identified by its lead"][0])
    assert repost.preamble[0].startswith("Ngày 08/5/2025, UBND xã Tân Lập ban hành")
    assert not ear.for_air(repost).preamble or not ear.for_air(repost).preamble[0].startswith(
        "Ngày 08/5/2025")


@pytest.mark.parametrize("lead", [
    # the lead says what is asked, and no trích yếu was found for the bài's own lead to say
    "Chủ tịch UBND TP Hà Nội vừa ký ban hành Công điện số 14/CĐ-UBND yêu cầu các sở, ngành và "
    "chủ tịch UBND các phường, xã chủ động ứng phó với siêu bão, mưa lớn, lũ quét, sạt lở đất.",
    # the lead says much more than its trích yếu
    "Ngày 16/01/2019, UBND huyện Phú Lộc đã ban hành Kế hoạch số 169/KH-UBND về việc tổ chức các "
    "hoạt động mừng Đảng, mừng Xuân; các hoạt động tập trung vào tuyên truyền chào mừng kỷ niệm "
    "89 năm Ngày thành lập Đảng, tổ chức các hoạt động văn hóa, thể dục thể thao, trò chơi dân "
    "gian, giải trí vui xuân phù hợp với truyền thống của từng địa phương như giao hữu bóng đá, "
    "đua thuyền, kéo co.",
])
def test_a_repost_lead_that_says_more_than_who_issued_it_is_kept(lead):
    aired = ear.for_air(document.parse("Tin tức\n" + lead + "\n"))
    assert lead in [*aired.preamble, aired.closing]


def test_a_paragraph_after_its_legal_basis_keeps_what_it_says():
    said = ear.after_basis("Căn cứ Luật Thú y ngày 19/6/2015; Kế hoạch số 45/KH-UBND. Ngày "
                           "8/5/2025, xã tổ chức tiêm phòng.")
    assert said == "Ngày 8/5/2025, xã tổ chức tiêm phòng."
    assert ear.after_basis("Căn cứ Luật Thú y ngày 19/6/2015;") == ""
    assert ear.after_basis("Xã tổ chức tiêm phòng. Căn cứ …") == "Xã tổ chức tiêm phòng. Căn cứ …"


def test_a_one_paragraph_repost_is_said_by_the_lead_alone():
    repost = document.parse(SHAPES["a one-paragraph repost whose second sentence names it"][0])
    assert repost.closing.startswith("Căn cứ Kế hoạch số 45/KH-UBND")
    aired = ear.for_air(repost)
    assert (aired.preamble, aired.body, aired.closing) == ([], [], "")


# ---------------------------------------------------------------- every document as a whole

KIND_WORD = re.compile(r"^BÀI TUYÊN TRUYỀN VỀ (?:THÔNG BÁO|KẾ HOẠCH|CÔNG VĂN|QUYẾT ĐỊNH|CHỈ THỊ|"
                       r"V/V|VỀ VIỆC|KẾT LUẬN CỦA|Ý KIẾN KẾT LUẬN)")
FORMULAS = re.compile(r"^Căn cứ|biết,? (?:và )?(?:thực hiện|triển khai)|\(Đính kèm|viết tắt là|"
                      r"thi hành Quyết định này", re.I | re.M)


def documents():
    found = [*sorted(CORPUS.glob("*.md")), *sorted((CORPUS / "real").glob("*.txt"))]
    return [*found, SAMPLE, *sorted(FIXTURES.glob("*.*"))]


def drafts():
    out = [(p.name, sources.read(p).text) for p in documents()]
    return out + [(name, text) for name, (text, _) in SHAPES.items()]


@pytest.mark.parametrize(("name", "text"), drafts(), ids=[n for n, _ in drafts()])
def test_a_draft_reads_like_a_bai(name, text):
    doc = document.parse(text)
    script = render(doc, PHUC_LOC, DAY)
    spoken = [s.text for s in script.spoken_sections()]
    title = spoken[0]
    if doc.kind != "bai_tuyen_truyen":
        topic = title.removeprefix("BÀI TUYÊN TRUYỀN VỀ ")
        assert len(re.findall(r"\w+", topic)) <= 16, title
        assert not KIND_WORD.match(title), title
        assert not doc.signer or not doc.signer.name or doc.signer.name.upper() not in title
        lead = spoken[2]
        assert re.search(r"[.:]$", lead) and " ,"not in lead and "  " not in lead, lead
        if doc.issuer:
            assert ear.issuer_name(doc) in lead
    assert not FORMULAS.search("\n".join(spoken[3:])), name
    for sentence in re.findall(r"Thứ (?:nhất|hai|ba|tư|năm), (\S+ \S+)", "\n".join(spoken)):
        first, second = sentence.split()
        assert not (first[:1].isupper() and first[1:].islower() and second.islower()
                    and first not in ("Đảng",)), sentence


def test_names_keep_their_capitals():
    plan = document.parse(sources.read(CORPUS / "ke-hoach-krong-no-2024.md")) if (
        CORPUS / "ke-hoach-krong-no-2024.md").exists() else pytest.skip("no corpus")
    text = "\n".join(s.text for s in render(plan, PHUC_LOC, DAY).sections)
    assert "Krông Nô" in text and "krông nô" not in text.lower().replace("krông nô", "")
    assert "I. Chỉ số cải cách hành chính huyện Krông Nô năm 2023" in text  # a heading


def finished_bai():
    own = ("Bài tuyên truyền hưởng ứng Ngày Môi trường thế giới 5/6/2025\n\nKính thưa bà con và "
           "các bạn!\n\nNgày 5 tháng 6 hằng năm là Ngày Môi trường thế giới.\n\n1. Thu gom rác "
           "thải đúng nơi quy định.\n\n2. Hạn chế dùng túi ni lông.\n\nBài tuyên truyền đến đây là "
           "hết, xin cảm ơn bà con đã lắng nghe!\n")
    out = [("own", own)]
    corpus = CORPUS / "bai-tuyen-truyen-phuc-loc-2024-07.md"
    if corpus.exists():
        out.append(("phuc-loc", corpus.read_text(encoding="utf-8")))
    return out


@pytest.mark.parametrize(("name", "text"), finished_bai(), ids=[n for n, _ in finished_bai()])
def test_a_finished_bai_is_read_as_it_is(name, text):
    doc = document.parse(text)
    assert doc.kind == "bai_tuyen_truyen"
    spoken = [s.text for s in render(doc, PHUC_LOC, DAY).spoken_sections()]
    paragraphs = [" ".join(p.text.replace("*", "").split()) for p in document.paragraphs(text)]
    words = [" ".join(s.removeprefix("# ").split()) for s in spoken]
    assert words[0].upper() == paragraphs[0].upper()
    assert words[1:] == paragraphs[1: len(words)]
    assert sum(w.startswith("Kính thưa") for w in words) == 1
