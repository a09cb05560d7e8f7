"""Fields read from their zones: place and date in every form, the issuer from one or two lines
or from who decides, a repost's identification from its lead or source line, kinds of our
"other", the signature with or without its name."""

import pytest

from broadcast import document
from broadcast.document import fields
from broadcast.document.model import Directive, Piece


def marked(part: str, *texts: str) -> list[Piece]:
    return [Piece((i,), text, part=part) for i, text in enumerate(texts)]


@pytest.mark.parametrize(("line", "place", "date"), [
    ("Tân Lập, ngày 08/5/2025", "Tân Lập", "2025-05-08"),
    ("Xuân Lộc, ngày 5 tháng 3 năm 2024", "Xuân Lộc", "2024-03-05"),
    # the capitals of the issuer's column glued before the place are not the place
    ("THÀNH PHỐ VINH Vinh, ngày 5 tháng 3 năm 2024", "Vinh", "2024-03-05"),
    ("HUYỆN KỲ ANH Kỳ Anh, ngày 13 tháng 9 năm 2018", "Kỳ Anh", "2018-09-13"),
    # but the abbreviated unit of a town is
    ("TP. Hà Tĩnh, ngày 04 tháng 6 năm 2019", "TP. Hà Tĩnh", "2019-06-04"),
    ("TX. Kỳ Anh, ngày 13 tháng 9 năm 2018", "TX. Kỳ Anh", "2018-09-13"),
    ("TT. Phố Châu, ngày 2 tháng 1 năm 2025", "TT. Phố Châu", "2025-01-02"),
    ("Hà Nội ngày 15 tháng 8 năm 2018", "Hà Nội", "2018-08-15"),  # the comma lost
    ("ngày 17 tháng 9 năm 2013", "", "2013-09-17"),  # a công điện's date alone
    ("Vào hồi 10 giờ 00 ngày 11/10/2013", "", "2013-10-11"),
])
def test_read_place_date(line, place, date):
    doc = Directive()
    fields.read_place_date(doc, marked("place_date", line))
    assert (doc.place, doc.date) == (place, date)


@pytest.mark.parametrize(("issuer", "authority", "name", "parent"), [
    # a table cell on one line: the office under its parent
    (["UBND HUYỆN KỲ ANH PHÒNG Y TẾ"], [], "PHÒNG Y TẾ", "UBND HUYỆN KỲ ANH"),
    (["UBND HUYỆN HÒN ĐẤT VĂN PHÒNG HĐND VÀ UBND"], [], "VĂN PHÒNG HĐND VÀ UBND",
     "UBND HUYỆN HÒN ĐẤT"),
    # two lines of one name
    (["ỦY BAN NHÂN DÂN", "HUYỆN ĐỨC THỌ"], [], "ỦY BAN NHÂN DÂN HUYỆN ĐỨC THỌ", ""),
    # the unit lost under the issuer: who decides names it
    (["ỦY BAN NHÂN DÂN"], ["CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA"],
     "ỦY BAN NHÂN DÂN TỈNH SƠN LA", ""),
])
def test_read_issuer(issuer, authority, name, parent):
    doc = Directive()
    fields.read_issuer(doc, marked("issuer", *issuer) + marked("authority", *authority))
    assert (doc.issuer, doc.issuer_parent) == (name, parent)


NOTICE_BODY = ("UBND xã Tân Lập thông báo lịch tiêm phòng dại cho chó, mèo tại nhà văn hóa các "
               "thôn từ ngày 15/5/2025 đến ngày 20/5/2025./.\n")


def test_an_issuer_without_its_unit_is_named_from_the_place_and_the_text():
    doc = document.parse("ỦY BAN NHÂN DÂN\nSố: 21/TB-UBND\nTân Lập, ngày 8 tháng 5 năm 2025\n"
                         "THÔNG BÁO\nVề việc tổ chức tiêm phòng dại cho chó, mèo\n" + NOTICE_BODY)
    assert doc.issuer == "Ủy ban nhân dân xã Tân Lập"


def test_a_signature_whose_name_the_copy_lost_keeps_its_title():
    doc = document.parse("ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nSố: 21/TB-UBND\n"
                         "Tân Lập, ngày 8 tháng 5 năm 2025\nTHÔNG BÁO\n"
                         "Về việc tổ chức tiêm phòng dại cho chó, mèo\n" + NOTICE_BODY
                         + "Nơi nhận:\n- Các thôn;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n")
    assert doc.signer is not None
    assert (doc.signer.authority, doc.signer.on_behalf, doc.signer.title, doc.signer.name) == (
        "TM.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "")


def test_a_name_in_capitals_under_a_letter_is_the_signers():
    doc = document.parse("UỶ BAN NHÂN DÂN HUYỆN MAI CHÂU\nMai Châu, ngày 19 tháng 12 năm 2019\n"
                         "THƯ NGỎ\nVận động hỗ trợ kinh phí tổ chức Tết cho hộ nghèo\n"
                         "Trong những năm qua, việc chăm lo Tết cho hộ nghèo đã được nhân dân "
                         "đồng tình ủng hộ.\nKÍNH THƯ\nPHÓ CHỦ TỊCH UBND HUYỆN\nPHẠM VĂN HOÀN\n")
    assert (doc.kind, doc.kind_name) == ("other", "Thư ngỏ")
    assert (doc.signer.title, doc.signer.name) == ("PHÓ CHỦ TỊCH UBND HUYỆN", "Phạm Văn Hoàn")


@pytest.mark.parametrize(("word", "kind_name"), [
    ("HƯỚNG DẪN", "Hướng dẫn"), ("THƯ KÊU GỌI", "Thư kêu gọi"), ("KẾ HOẠCH", "Kế hoạch"),
])
def test_the_kind_line_names_the_kind(word, kind_name):
    doc = document.parse("UBND HUYỆN KỲ ANH PHÒNG Y TẾ\nKỳ Anh, ngày 2 tháng 3 năm 2025\n"
                         f"{word}\nPhòng, chống sốt xuất huyết trong mùa mưa năm 2025\n\n"
                         "Trước diễn biến phức tạp của dịch sốt xuất huyết, các xã tổ chức ra quân "
                         "diệt lăng quăng, bọ gậy mỗi tuần một lần./.\nTRƯỞNG PHÒNG\n"
                         "Nguyễn Văn An\n")
    assert doc.kind_name == kind_name
    assert (doc.issuer, doc.issuer_parent) == ("PHÒNG Y TẾ", "UBND HUYỆN KỲ ANH")
    assert (doc.signer.title, doc.signer.name) == ("TRƯỞNG PHÒNG", "Nguyễn Văn An")


# ---------------------------------------------------------------- reposts

LEAD_WITH_YEAR = (
    "Tin tức\nHà Tĩnh phê duyệt phương án ứng phó bão mạnh\n"
    "Ngày 04/6/2019, UBND tỉnh Hà Tĩnh đã ban hành Quyết định số 1669/2019/QĐ-UBND về việc phê "
    "duyệt phương án ứng phó với bão mạnh, siêu bão.\n"
    "Theo đó, các địa phương chủ động sơ tán dân ra khỏi vùng nguy hiểm trước khi bão đổ bộ.\n")
SOURCE_LINE = (
    "Tin chỉ đạo điều hành\nTăng cường phòng, chống dịch sốt xuất huyết\n"
    "Các xã, thị trấn tổ chức ra quân diệt lăng quăng, bọ gậy vào sáng thứ Bảy hằng tuần.\n"
    "Trạm Y tế các xã giám sát chặt chẽ các ca sốt, kịp thời báo cáo về Trung tâm Y tế huyện.\n"
    "(Nguồn: Công văn số 1150/UBND-VP ngày 22/04/2021 của {who} huyện Côn Đảo)\n")
LETTER = (
    "Tin tức\nKỳ Anh vận động hỗ trợ người dân vùng lũ\n"
    "Ngày 22/11/2022, Ban vận động Quỹ Vì người nghèo huyện Kỳ Anh đã có Thư ngỏ số 01/TN-BVĐ về "
    "việc vận động ủng hộ người dân vùng lũ.\n"
    "Mỗi cán bộ, công chức ủng hộ ít nhất một ngày lương.\n")
NO_TITLE = (
    "Trang chủ\nNgày 08/5/2025, UBND xã Tân Lập ban hành Thông báo số 21/TB-UBND về việc tổ chức "
    "tiêm phòng dại cho chó, mèo đợt 1 năm 2025.\n"
    "1. Thời gian tiêm: từ ngày 15/5/2025 đến ngày 20/5/2025.\n"
    "2. Địa điểm: nhà văn hóa các thôn.\n")


@pytest.mark.parametrize(("text", "expected"), [
    # a code with its year: the number is the first part, the symbol the last
    (LEAD_WITH_YEAR, {"kind": "quyet_dinh", "number": "1669", "symbol": "QĐ-UBND",
                      "date": "2019-06-04", "issuer": "UBND tỉnh Hà Tĩnh",
                      "subject": "phê duyệt phương án ứng phó với bão mạnh, siêu bão"}),
    # the source line names the issuer, with or without its chairman
    (SOURCE_LINE.format(who="UBND"), {"kind": "cong_van", "number": "1150", "symbol": "UBND-VP",
                                      "date": "2021-04-22", "issuer": "UBND huyện Côn Đảo"}),
    (SOURCE_LINE.format(who="Chủ tịch UBND"), {"issuer": "UBND huyện Côn Đảo"}),
    # the kind the lead names wins over a code we do not know
    (LETTER, {"kind": "other", "kind_word": "Thư ngỏ", "number": "01", "symbol": "TN-BVĐ",
              "date": "2022-11-22", "subject": "vận động ủng hộ người dân vùng lũ"}),
    # without a title, the lead's trích yếu is the subject
    (NO_TITLE, {"kind": "thong_bao", "number": "21", "symbol": "TB-UBND", "date": "2025-05-08",
                "issuer": "UBND xã Tân Lập",
                "subject": "tổ chức tiêm phòng dại cho chó, mèo đợt 1 năm 2025"}),
])
def test_a_repost_is_identified_by_its_lead_or_source_line(text, expected):
    doc = document.parse(text)
    assert {key: getattr(doc, key) for key in expected} == expected
