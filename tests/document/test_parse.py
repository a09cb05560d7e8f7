import pytest

from broadcast import document, sources
from tests.conftest import FIXTURES, corpus_file


def parse_corpus(name):
    return document.parse(sources.read(corpus_file(name)))


def labels(blocks):
    return [(b.type, b.label) for b in document.walk(blocks) if b.label]


def test_cong_van_duc_tho():
    doc = parse_corpus("cong-van-don-doc-duc-tho-2023.md")
    assert (doc.kind, doc.number, doc.symbol) == ("cong_van", "", "UBND-NV")
    assert doc.place == "Đức Thọ" and doc.date == "2023-10"
    assert doc.issuer == "ỦY BAN NHÂN DÂN HUYỆN ĐỨC THỌ"
    assert doc.subject.startswith("đơn đốc thực hiện hoàn thành kế hoạch cải cách")
    assert doc.subject.endswith("năm 2023")
    assert doc.addressees == ["Các cơ quan, phòng, ban, ngành, đơn vị",
                              "Ủy ban nhân dân các xã, thị trấn"]
    assert len(doc.preamble) == 2 and doc.preamble[0].startswith("Thực hiện Kế hoạch")
    assert [b.label for b in doc.body] == ["1", "2", "3", "4", "5", "6", "7"]
    assert "lưu ý chuẩn bị đầy đủ các tài liệu kiểm chứng" in doc.body[0].children[0].text
    assert doc.closing.startswith("Yêu cầu các cơ quan") and doc.closing.endswith("hướng dẫn.")
    assert "Chủ tịch UBND huyện. Trong quá trình" in doc.closing
    assert doc.recipients[0] == "Như trên" and doc.recipients[-1] == "Lưu: VT, NV"
    assert (doc.signer.authority, doc.signer.title, doc.signer.name) == (
        "TM.", "CHỦ TỊCH", "Trần Hoài Đức")


def test_ke_hoach_krong_no():
    doc = parse_corpus("ke-hoach-krong-no-2024.md")
    assert (doc.kind, doc.symbol, doc.place, doc.date) == (
        "ke_hoach", "KH-UBND", "Krông Nô", "2024-03-20")
    assert doc.subject.startswith("Duy trì, cải thiện và nâng cao Chỉ số")
    assert doc.issuer == "Ủy ban nhân dân huyện Krông Nô"
    assert doc.preamble == []
    assert [(b.type, b.label) for b in doc.body] == [("heading", "I"), ("heading", "II")]
    assert labels(doc.body[1].children) == [
        ("heading", "1"), ("heading", "2"), ("heading", "a"), ("heading", "b"), ("item", "3"),
        ("heading", "4"), ("item", "a"), ("heading", "b"), ("item", "c")]
    bullets = [b for b in document.walk(doc.body) if b.type == "bullet"]
    assert len(bullets) == 8 + 2 + 3 + 3 + 4 + 3
    assert len(doc.recipients) == 8
    assert (doc.signer.authority, doc.signer.title, doc.signer.name) == (
        "", "CHỦ TỊCH", "Bùi Ngọc Sơn")


def test_thong_bao_kon_ray():
    doc = parse_corpus("thong-bao-ket-luan-kon-ray-2024.md")
    assert doc.kind == "thong_bao" and doc.date is None
    assert doc.subject.startswith("Kết luận của đồng chí Phó Chủ tịch UBND huyện")
    assert len(doc.preamble) == 4 and doc.preamble[0].startswith("Chiều ngày 26/6/2024")
    assert [(b.type, b.label) for b in doc.body] == [("heading", "I"), ("heading", "II")]
    solutions = doc.body[1].children
    assert [b.label for b in solutions if b.label] == ["1", "2", "3", "4"]
    deadlines = [d for b in document.walk(doc.body) for d in b.deadlines]
    assert deadlines == ["2024-07-10", "2024-07-10", "2024-06-30"]
    assert doc.closing_is_formula
    assert (doc.signer.authority, doc.signer.on_behalf, doc.signer.title, doc.signer.name) == (
        "TL.", "CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Trần Khắc Hà")
    assert len(doc.recipients) == 4
    assert doc.meeting["date"] == "2024-06-26"
    assert doc.meeting["chair"] == "Đinh Thị Hồng Thu - Phó Chủ tịch UBND huyện"
    assert doc.meeting["heard"].startswith("Lãnh đạo Phòng Nội Vụ huyện thông qua báo cáo")


def test_meeting_of_the_sample_notice_and_none_for_a_plan():
    from tests.conftest import SAMPLE

    sample = document.parse(sources.read(SAMPLE))
    assert sample.meeting == {"date": "2025-04-02", "chair": "Nguyễn Văn Bình, Chủ tịch UBND huyện",
                              "heard": ""}
    assert parse_corpus("ke-hoach-krong-no-2024.md").meeting is None


def test_own_plain_text_letter():
    doc = document.parse(sources.read(FIXTURES / "cong-van-nho.txt"))
    assert (doc.kind, doc.number, doc.symbol, doc.date) == ("cong_van", "12", "UBND-VP",
                                                            "2025-09-03")
    assert doc.issuer == "UBND XÃ AN PHÚ" and doc.place == "An Phú"
    assert doc.subject == "tổ chức tiêm phòng dại cho chó, mèo năm 2025"
    assert doc.addressees == ["Trưởng các thôn, ấp"]
    assert [b.label for b in doc.body] == ["1", "2"]
    assert doc.body[1].children[0].type == "bullet"
    assert doc.closing == "Đề nghị các thôn thực hiện nghiêm túc."
    assert doc.recipients == ["Như trên", "Lưu: VT"]
    assert doc.signer.authority == "KT." and doc.signer.name == "Võ Văn Tâm"
    assert doc.signer.on_behalf == "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"
    assert doc.signer.title == "PHÓ CHỦ TỊCH"


def test_text_without_structure_still_parses():
    doc = document.parse("Bà con lưu ý giữ gìn vệ sinh.\n\nMọi người cùng thực hiện.")
    assert doc.kind == "other"
    assert doc.preamble == ["Bà con lưu ý giữ gìn vệ sinh.", "Mọi người cùng thực hiện."]
    assert doc.signer is None


@pytest.mark.parametrize(("line", "number", "symbol"), [
    ("Số: 45/TB-UBND", "45", "TB-UBND"), ("Số: /UBND-NV", "", "UBND-NV"),
    ("Số:  179 /KH-UBND", "179", "KH-UBND"), ("Số 12-NQ/TU", "12", "NQ/TU"),
])
def test_number_header_variants(line, number, symbol):
    doc = document.parse(f"{line}\n\nTHÔNG BÁO\n\nVề việc X\n\nNội dung.")
    assert (doc.number, doc.symbol) == (number, symbol)


def test_json_round_trip_keeps_every_field():
    import json

    doc = document.parse(sources.read(FIXTURES / "cong-van-nho.txt"))
    data = json.loads(doc.to_json())
    for key in ("kind", "number", "symbol", "issuer", "place", "date", "title", "subject",
                "addressees", "preamble", "body", "closing", "recipients", "signer", "meeting"):
        assert key in data


@pytest.mark.parametrize(("line", "place", "date"), [
    ("Hà Nội, ngày 05 tháng 3 năm 2024", "Hà Nội", "2024-03-05"),
    ("Đức Thọ, ngày tháng 10 năm 2023", "Đức Thọ", "2023-10"),
    ("Krông Nô, ngày     tháng     năm 2024", "Krông Nô", "2024"),
    ("Phúc Lộc, ngày 4 tháng 7 năm 2024", "Phúc Lộc", "2024-07-04"),
    ("*Kon Rẫy, ngày 28 tháng 6 năm 2024*", "Kon Rẫy", "2024-06-28"),
])
def test_place_and_date_variants(line, place, date):
    doc = document.parse(f"Số: 1/TB-UBND\n\n{line}\n\nTHÔNG BÁO\n\nVề việc X\n\nNội dung.")
    assert (doc.place, doc.date) == (place, date)


@pytest.mark.parametrize(("header", "kind", "subject"), [
    ("KẾ HOẠCH\n\nTuyên truyền phòng chống dịch bệnh năm 2025", "ke_hoach",
     "Tuyên truyền phòng chống dịch bệnh năm 2025"),
    ("## THÔNG BÁO\n\n### Kết luận của Chủ tịch UBND xã", "thong_bao",
     "Kết luận của Chủ tịch UBND xã"),
    ("KẾ HOẠCH TUYÊN TRUYỀN CÔNG TÁC PCCC NĂM 2025", "ke_hoach",
     "Tuyên truyền công tác PCCC năm 2025"),
    ("Số: /UBND-VP\n\nV/v tổ chức Tết Trồng cây", "cong_van", "tổ chức Tết Trồng cây"),
    ("CHỈ THỊ\n\nVề tăng cường phòng cháy rừng", "chi_thi", "Về tăng cường phòng cháy rừng"),
    ("QUYẾT ĐỊNH\n\nVề việc thành lập Tổ công tác", "quyet_dinh",
     "Về việc thành lập Tổ công tác"),
    ("Số: 88/BC-UBND\n\nBáo cáo kết quả", "bao_cao", ""),
    ("Thông báo lịch tiêm chủng tháng 5", "thong_bao", "Lịch tiêm chủng tháng 5"),
])
def test_kind_and_subject_variants(header, kind, subject):
    doc = document.parse(f"{header}\n\nNội dung thứ nhất của văn bản.")
    assert doc.kind == kind
    if subject:
        assert doc.subject == subject


@pytest.mark.parametrize(("lines", "authority", "title", "name"), [
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn A", "TM.", "CHỦ TỊCH", "Nguyễn Văn A"),
    ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n**Lê Thị B**", "KT.", "PHÓ CHỦ TỊCH", "Lê Thị B"),
    ("TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\n\nTRẦN VĂN C", "TL.", "CHÁNH VĂN PHÒNG", "Trần Văn C"),
    ("CHỦ TỊCH\n\nBùi Ngọc Sơn", "", "CHỦ TỊCH", "Bùi Ngọc Sơn"),
])
def test_signature_variants(lines, authority, title, name):
    doc = document.parse(f"THÔNG BÁO\n\nVề X\n\n1. Việc một.\n\nNơi nhận:\n- Lưu: VT.\n\n{lines}")
    assert (doc.signer.authority, doc.signer.title, doc.signer.name) == (authority, title, name)
    assert [b.label for b in doc.body] == ["1"]


def test_stray_spaces_in_codes_are_closed():
    text = "CÔNG VĂN\n\nVề X\n\nTheo Kế hoạch số: 137 /KH-UBND và Văn bản 2115/ UBND-NV."
    doc = document.parse(text)
    assert "137/KH-UBND" in doc.preamble[0] and "2115/UBND-NV" in doc.preamble[0]
