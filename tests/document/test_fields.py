"""Fields read from their zones: place and date in every form, the issuer from one or two lines
or from who decides, a repost's identification from its lead or source line, kinds of our
"other", the signature with or without its name."""

import pytest

from broadcast import document
from broadcast.document import fields
from broadcast.document.fields import body_only
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
    ("Hà Nội ngày 15 tháng 8 năm 2018.", "Hà Nội", "2018-08-15"),
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


LIST_PAGE = (
    "• Phường Tân Lập thông báo cấm thả rông chó, mèo\n• Thời gian đăng: 11/04/2025 03:18:08 PM\n"
    "• Hiện nay tình trạng thả rông chó, mèo nơi công cộng vẫn phổ biến ở các tổ dân phố.\n"
    "• Để phòng chống bệnh dại. Ngày 10-4-2025, Phường Tân Lập ban hành Thông báo số 12/TB-UBND "
    "về cấm thả rông chó, mèo trên địa bàn phường.\n• Tác giả: Lò Mạnh\n")
PARTY_REPOST = (
    "Công tác Đảng\nHướng dẫn tuyên truyền các ngày lễ lớn năm 2019\nNgày đăng 07/01/2019 | 14:09\n"
    "Nhằm tuyên truyền sâu rộng truyền thống lịch sử, văn hóa, cách mạng của dân tộc ta.\n"
    "Phòng Văn hóa và Thông tin đăng tải Hướng dẫn số 35-HD/BTG ngày 25/12/2018 của Ban Tuyên "
    "giáo Quận ủy.\nBAN TUYÊN GIÁO QUẬN ỦY\n")
LATER_OTHER = (
    "Tin tức\nTăng cường phòng chống sốt xuất huyết\n"
    "Hiện nay số ca mắc sốt xuất huyết trên địa bàn huyện tăng nhanh so với cùng kỳ.\n"
    "Thực hiện chỉ đạo của tỉnh, UBND huyện đã ban hành Kế hoạch số 45/KH-UBND về phòng chống "
    "dịch bệnh.\nCác xã ra quân diệt lăng quăng vào sáng thứ Bảy hằng tuần.\n")


@pytest.mark.parametrize(("text", "expected"), [
    # a page that sets its lines as a list; the lead in its second paragraph, a dashed date
    (LIST_PAGE, {"kind": "thong_bao", "number": "12", "symbol": "TB-UBND", "date": "2025-04-10",
                 "issuer": "Phường Tân Lập", "dropped": 2}),
    # a Party body's number ("35-HD/BTG"), posted by an office, signed by the body's name
    (PARTY_REPOST, {"kind": "other", "kind_word": "Hướng dẫn", "number": "35",
                    "symbol": "HD/BTG", "date": "2018-12-25",
                    "issuer": "Ban Tuyên giáo Quận ủy", "dropped": 2}),
    ("Tin tức\nTuyên truyền kỷ niệm 130 năm Ngày sinh Chủ tịch Hồ Chí Minh\nBan Tuyên giáo Tỉnh "
     "ủy Trà Vinh vừa ban hành Công văn số 1510-CV/BTGTU, về việc tuyên truyền kỷ niệm 130 năm "
     "Ngày sinh Chủ tịch Hồ Chí Minh.\n",
     {"kind": "cong_van", "number": "1510", "symbol": "CV/BTGTU"}),
    # the lead names who it was sent to before its V/v; a Cục issues it
    ("Cục Bảo vệ thực vật vừa có công văn số 1066/BVTV-QLT ngày 03/5/2019 gửi các Sở Nông "
     "nghiệp & PTNT các tỉnh, thành phố V/v Sử dụng tạm thời thuốc phòng trừ sâu keo mùa thu. "
     "Theo đó, các Sở triển khai một số nội dung sau:\nNội dung chi tiết: Công văn số "
     "1066/BVTV-QLT\n",
     {"kind": "cong_van", "number": "1066", "symbol": "BVTV-QLT", "date": "2019-05-03",
      "issuer": "Cục Bảo vệ thực vật", "dropped": 1,
      "subject": "Sử dụng tạm thời thuốc phòng trừ sâu keo mùa thu"}),
    # a page's headline starting with 'Hướng dẫn' is a topic: the lead says it is a công văn
    ("Văn bản mới\nHướng dẫn kỹ thuật phân loại chất thải rắn sinh hoạt\nNgày 02/11/2023, Bộ "
     "Tài nguyên và Môi trường ban hành Công văn 9368/BTNMT-KSONMT về việc hướng dẫn kỹ thuật "
     "phân loại chất thải rắn sinh hoạt.\n",
     {"kind": "cong_van", "kind_word": "", "number": "9368", "date": "2023-11-02",
      "issuer": "Bộ Tài nguyên và Môi trường"}),
    # "Số" in capitals, a space after the Party number's hyphen, its trích yếu after a comma
    ("Ngày 5/1/2017, Ban Tuyên giáo Trung ương đã ban hành hướng dẫn Số 21- HD/BTGTW, hướng "
     "dẫn tuyên truyền kỷ niệm các ngày lễ lớn trong năm 2017.\nI. MỤC ĐÍCH, YÊU CẦU\n",
     {"number": "21", "symbol": "HD/BTGTW", "date": "2017-01-05",
      "subject": "hướng dẫn tuyên truyền kỷ niệm các ngày lễ lớn trong năm 2017"}),
    # a number without its ký hiệu, a date without a year
    ("Tin tức\nHướng dẫn nội dung tuyên truyền tháng 9\nNgày 27/8, Đảng ủy Văn phòng UBND tỉnh "
     "ban hành Công văn số 468 về việc hướng dẫn nội dung tuyên truyền tháng 9.\nChi tiết văn "
     "bản xem tại đây\n",
     {"kind": "cong_van", "number": "468", "symbol": "", "date": None,
      "issuer": "Đảng ủy Văn phòng UBND tỉnh", "dropped": 2}),
    # a lead cut short by the page ('…') is still the text; a lead without a number gives the
    # kind and the trích yếu; a file's name glued after a sentence is the page's
    ("UBND xã vừa ban hành Kế hoạch triển khai \"Tháng hành động vì an toàn thực phẩm\" trên "
     "địa bàn xã năm 2021,với chủ đề: “Đảm bảo an toàn thực phẩm”, với mục tiêu: tăng cường "
     "công tác truyền thông, thông tin chính xác, kịp thời, toàn diện, có trách nhiệm, trung "
     "thực các vấn đề liên quan đến an toàn thực phẩm. Đề cao vai trò, trách nhiệm của các "
     "doanh nghiệp...\nĐược biết, Kế hoạch thực hiện trên toàn địa bàn xã. KH 107.signed.pdf\n",
     {"kind": "ke_hoach", "issuer": "UBND xã", "dropped": 1,
      "subject": "triển khai \"Tháng hành động vì an toàn thực phẩm\" trên địa bàn xã năm 2021"}),
    # a ký hiệu alone as the page's title, a V/v line ending with a full stop, a signed file
    ("UBND-KTHT\n\nĐăng lúc: 11/05/2024 (GMT+7)\n\nV/v không phơi lúa, rơm rạ trên các tuyến "
     "đường.\n\nHiện nay, người dân các địa phương trên địa bàn huyện đã bắt đầu thu hoạch lúa.\n"
     "Cv-khong-phoi-lua_signed(10.05.2024_13h51p25)_signed.pdf\n",
     {"kind": "cong_van", "number": "", "symbol": "UBND-KTHT", "dropped": 2,
      "subject": "không phơi lúa, rơm rạ trên các tuyến đường"}),
    # a headline that says who gives notice, its posting time glued after it
    ("UBND xã Vĩnh Hưng thông báo về việc niêm yết danh sách cử tri 03/02/2026 11:08\nCăn cứ "
     "các quy định hiện hành về bầu cử, UBND xã niêm yết danh sách cử tri tại nhà văn hóa.\n",
     {"kind": "thong_bao", "issuer": "UBND xã Vĩnh Hưng", "dropped": 1,
      "subject": "niêm yết danh sách cử tri"}),
    # the number, ký hiệu and date a page's link glued after the text
    ("V/v tăng cường phòng, chống dịch Covid-19\n\nTrước tình hình dịch Covid-19 vẫn diễn biến "
     "phức tạp, Ủy ban nhân dân huyện yêu cầu các xã thực hiện tốt một số nội dung sau: "
     "37/UBND-VP ngày 10/1/2022\n",
     {"number": "37", "symbol": "UBND-VP", "date": "2022-01-10",
      "preamble": ["Trước tình hình dịch Covid-19 vẫn diễn biến phức tạp, Ủy ban nhân dân huyện "
                   "yêu cầu các xã thực hiện tốt một số nội dung sau:"]}),
    # what a decision does, right after its number; the page's print line and QR code
    ("Print Thứ bảy, 08/02/2020 17:16 Gốc\n\nNgày 7/2/2020, UBND thành phố ban hành Quyết định "
     "số 268/QĐ-UBND công bố hết dịch tả lợn châu Phi trên địa bàn ba huyện.\n\nQuyết định có "
     "hiệu lực kể từ ngày ký.\n\nQR Code\n",
     {"kind": "quyet_dinh", "number": "268", "date": "2020-02-07", "dropped": 2,
      "subject": "công bố hết dịch tả lợn châu Phi trên địa bàn ba huyện"}),
    # the page's section, then its headline ending with a full stop over a text that opens
    ("Tin chỉ đạo điều hành\n  26/02/2021\n\nTuyên truyền cuộc bầu cử đại biểu Quốc hội khóa XV "
     "và bầu cử đại biểu Hội đồng nhân dân các cấp.\n\nThực hiện Công văn số 67/TTCS-TTTH của "
     "Cục Thông tin cơ sở, Sở đề nghị các huyện tuyên truyền như sau:\n\n1. Xây dựng kế hoạch "
     "tuyên truyền.\n\n(Nguồn: Từ Công văn số 169/STTTT-TTBCXB)\n",
     {"kind": "cong_van", "number": "169", "symbol": "STTTT-TTBCXB", "dropped": 2,
      "subject": "Tuyên truyền cuộc bầu cử đại biểu Quốc hội khóa XV và bầu cử đại biểu Hội "
                 "đồng nhân dân các cấp"}),
    # a source line whose trích yếu follows the date without a comma
    ("Khu phố 3, phường 1\n\nKết luận: Giao UBND thành phố kiểm tra, xem xét.\n\n(Theo Thông báo "
     "số 229/TB-UBND ngày 30/11/2022 Kết luận tiếp công dân định kỳ tháng 11/2022)\n",
     {"kind": "thong_bao", "number": "229", "date": "2022-11-30",
      "subject": "Kết luận tiếp công dân định kỳ tháng 11/2022"}),
    # a source line without brackets under the text, its day written wrong ('129/8/2019')
    ("Thông báo về việc hoãn lễ hội đua thuyền\n\nDo ảnh hưởng của bão số 4, UBND huyện hoãn "
     "tổ chức Lễ hội đua thuyền truyền thống trên sông Kiến Giang.\n\nTheo Thông báo số "
     "247/TB-UBND ngày 129/8/2019 của UBND huyện Quảng Ninh\n",
     {"kind": "thong_bao", "number": "247", "symbol": "TB-UBND", "date": None,
      "issuer": "UBND huyện Quảng Ninh"}),
    # "Trong nội dung Công văn số …" opens a lead that names its own document
    ("Còn 9 quận, huyện chưa nộp Quỹ\n\nHNP - Trong nội dung Công văn số 14/QPCTT, ban hành ngày "
     "9-12, Quỹ Phòng, chống thiên tai thành phố đề nghị các quận, huyện nộp quỹ.\n",
     {"kind": "cong_van", "number": "14", "symbol": "QPCTT", "dropped": 1}),
    # a sentence that starts from another document ('Thực hiện …') does not name this one
    (LATER_OTHER, {"kind": "other", "number": "", "symbol": "", "date": None}),
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
    got = {key: getattr(doc, key) for key in expected}
    if "dropped" in got:
        got["dropped"] = len(doc.dropped)
    assert got == expected


@pytest.mark.parametrize(("text", "expected"), [
    # no trích yếu in the document itself: the page's line naming this very number gives it,
    # not the line above it that names another công điện
    ("Công điện số 13/CĐ-BCH V/v ứng phó với bão số 4\n"
     "Công điện số 14/CĐ-BCH V/v chủ động ứng phó với bão số 5\n"
     "UBND HUYỆN KỲ ANH\nBAN CHỈ HUY PCTT VÀ TKCN\nSố: 14/CĐ-BCH\n"
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Kỳ Anh, ngày 13 tháng 9 năm 2018\nBAN CHỈ HUY PCTT VÀ TKCN HUYỆN KỲ ANH điện:\n"
     "- Chủ tịch UBND các xã;\n- Trưởng các phòng, ban huyện.\n"
     "Theo dự báo, bão số 5 sẽ đổ bộ vào đất liền đêm nay, các xã khẩn trương kêu gọi tàu "
     "thuyền vào nơi tránh trú an toàn./.\n",
     {"kind": "other", "kind_word": "Công điện", "number": "14", "symbol": "CĐ-BCH",
      "issuer": "BAN CHỈ HUY PCTT VÀ TKCN", "issuer_parent": "UBND HUYỆN KỲ ANH",
      "subject": "chủ động ứng phó với bão số 5",
      "addressees": ["Chủ tịch UBND các xã", "Trưởng các phòng, ban huyện"]}),
    # a công điện without its header: who sends it is the issuer, and it is a Công điện
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN KỲ ANH điện:\n- Chủ tịch UBND các xã;\n"
     "- Trưởng các phòng, ban huyện.\nTheo dự báo, bão số 5 sẽ đổ bộ vào đất liền đêm nay, các "
     "xã khẩn trương kêu gọi tàu thuyền vào nơi tránh trú an toàn./.\n",
     {"kind": "other", "kind_word": "Công điện", "issuer": "ỦY BAN NHÂN DÂN HUYỆN KỲ ANH",
      "title": "Công điện"}),
    # a body's long name over two lines, the second not a body of its own
    ("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN\nTỈNH HÀ TĨNH\nSố: 45/TB-SNN\n"
     "Hà Tĩnh, ngày 2 tháng 3 năm 2025\nTHÔNG BÁO\nLịch thời vụ gieo cấy lúa vụ Hè Thu năm 2025\n"
     "\nCác địa phương bố trí gieo cấy tập trung trong khung lịch thời vụ, không gieo cấy trước "
     "ngày 15/4/2025./.\n",
     {"issuer": "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN TỈNH HÀ TĨNH", "issuer_parent": "",
      "title": "Thông báo lịch thời vụ gieo cấy lúa vụ Hè Thu năm 2025"}),
    # a parent body over two lines
    ("ỦY BAN NHÂN DÂN\nHUYỆN HÒN ĐẤT\nVĂN PHÒNG HĐND VÀ UBND\nSố: 215/TB-VP\n"
     "Hòn Đất, ngày 12 tháng 3 năm 2025\nTHÔNG BÁO\nLịch tiếp công dân tháng 4 năm 2025\n\n"
     "Lãnh đạo UBND huyện tiếp công dân vào ngày 15 hằng tháng tại Trụ sở tiếp công dân./.\n",
     {"issuer": "VĂN PHÒNG HĐND VÀ UBND", "issuer_parent": "ỦY BAN NHÂN DÂN HUYỆN HÒN ĐẤT"}),
    # a lead that names another paper of the same body and day: the header's date stays
    ("ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nSố: 21/TB-UBND\nTân Lập, ngày 10 tháng 5 năm 2025\nTHÔNG BÁO\n"
     "Về việc ra quân tổng vệ sinh môi trường\n\nNgày 08/5/2025, UBND xã Tân Lập đã có Kế hoạch "
     "số 12/KH-UBND về tổ chức ra quân tổng vệ sinh môi trường. Nay UBND xã thông báo lịch ra "
     "quân tới các thôn.\n1. Thời gian: 7 giờ sáng Chủ nhật, ngày 18/5/2025.\n",
     {"kind": "thong_bao", "number": "21", "symbol": "TB-UBND", "date": "2025-05-10"}),
    # a lead dated in words
    ("Tin tức\nKỳ Anh vận động hỗ trợ người dân vùng lũ\nNgày 22 tháng 11 năm 2022, Ban vận động "
     "Quỹ Vì người nghèo huyện Kỳ Anh đã có Thư ngỏ số 01/TN-BVĐ về việc vận động ủng hộ người "
     "dân vùng lũ.\nMỗi cán bộ, công chức ủng hộ ít nhất một ngày lương.\n",
     {"date": "2022-11-22", "issuer": "Ban vận động Quỹ Vì người nghèo huyện Kỳ Anh",
      "title": "Thư ngỏ vận động ủng hộ người dân vùng lũ"}),
    # a page title that is the citation itself
    ("Tin tức\nThông báo số 21/TB-UBND về việc tổ chức tiêm phòng dại cho chó, mèo năm 2025\n"
     "Để phòng, chống bệnh dại, các hộ gia đình đưa chó, mèo đến tiêm phòng tại nhà văn hóa "
     "thôn.\nMỗi liều vắc xin giá 15.000 đồng, hộ nghèo được miễn phí.\n",
     {"kind": "thong_bao", "number": "21", "symbol": "TB-UBND",
      "subject": "tổ chức tiêm phòng dại cho chó, mèo năm 2025"}),
    # a finished bài without its title line is a bài
    ("Kính thưa toàn thể bà con nhân dân trong xã!\nNgày 5 tháng 6 hằng năm là Ngày Môi trường "
     "thế giới. Mỗi người hãy cùng thu gom rác thải, trồng thêm cây xanh quanh nhà.\n",
     {"kind": "bai_tuyen_truyen", "title": "Bài tuyên truyền"}),
    # a Markdown heading that starts with its kind word
    ("Trang chủ\n## Thông báo lịch tiếp công dân tháng 5 năm 2025\n"
     "Ủy ban nhân dân xã Tân Đoàn thông báo lịch tiếp công dân định kỳ tháng 5 năm 2025 như "
     "sau:\n1. Ngày 15/5/2025: Chủ tịch UBND xã tiếp công dân tại trụ sở.\n",
     {"kind": "thong_bao", "subject": "Lịch tiếp công dân tháng 5 năm 2025",
      "issuer": "Ủy ban nhân dân xã Tân Đoàn"}),
])
def test_more_documents_give_their_fields(text, expected):
    doc = document.parse(text)
    assert {key: getattr(doc, key) for key in expected} == expected


@pytest.mark.parametrize(("given", "title"), [
    ({"kind": "thong_bao", "subject": "Kết luận của Chủ tịch UBND xã"},
     "Thông báo kết luận của Chủ tịch UBND xã"),
    ({"kind": "cong_van", "subject": "tổ chức Tết Trồng cây"},
     "Công văn về việc tổ chức Tết Trồng cây"),
    ({"kind": "cong_van", "subject": "V/v tổ chức Tết Trồng cây"},
     "Công văn về việc tổ chức Tết Trồng cây"),
    ({"kind": "thong_bao", "subject": "V/v tạm dừng tiếp công dân"},
     "Thông báo về việc tạm dừng tiếp công dân"),
    ({"kind": "other", "subject": "lịch tiếp công dân tháng 5 năm 2025"},
     "Lịch tiếp công dân tháng 5 năm 2025"),
    ({"kind": "other", "subject": "Về việc phòng, chống bão số 5"},
     "Văn bản về phòng, chống bão số 5"),
    ({"kind": "other", "kind_word": "Công điện",
      "subject": "Về việc chủ động ứng phó với bão số 5"},
     "Công điện về việc chủ động ứng phó với bão số 5"),
    ({"kind": "thong_bao", "subject": ""}, "Thông báo"),
])
def test_title_of(given, title):
    assert fields.title_of(Directive(**given)) == title


@pytest.mark.parametrize(("symbol", "kind", "kind_word"), [
    ("CĐ-UBND", "other", "Công điện"),
    ("NQ/TU", "other", "Nghị quyết"),
    ("TB-UBND", "thong_bao", ""),
    ("UBND-VP", "cong_van", ""),
    ("GGT-UBND", "other", ""),  # a giấy giới thiệu: a kind of ours without a name for it
])
def test_the_kind_a_symbol_names(symbol, kind, kind_word):
    doc = document.parse(f"Số: 12/{symbol}\n\nCác thôn triển khai thực hiện ngay trong tuần.")
    assert (doc.kind, doc.kind_word) == (kind, kind_word)


def test_a_vv_line_without_a_symbol_makes_a_cong_van():
    doc = document.parse("ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nTân Lập, ngày 3 tháng 1 năm 2025\n"
                         "V/v tổ chức Tết Trồng cây Xuân Ất Tỵ 2025\nKính gửi: Trưởng các thôn.\n"
                         "UBND xã đề nghị các thôn tổ chức trồng cây xanh tại nhà văn hóa và ven "
                         "đường làng./.\n")
    assert (doc.kind, doc.symbol, doc.subject) == (
        "cong_van", "", "tổ chức Tết Trồng cây Xuân Ất Tỵ 2025")
    assert doc.title == "Công văn về việc tổ chức Tết Trồng cây Xuân Ất Tỵ 2025"
    assert doc.addressees == ["Trưởng các thôn"]


HEAD = ("ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nSố: 21/TB-UBND\nTân Lập, ngày 8 tháng 5 năm 2025\nTHÔNG BÁO\n"
        "Về việc tổ chức tiêm phòng dại cho chó, mèo\n")


@pytest.mark.parametrize(("footer", "signer", "recipients"), [
    ("Nơi nhận:\n- Như trên;\n- Xã đội;\n- Lưu: VT.\nT/M ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n"
     "Nguyễn Văn An (đã ký)\n",
     ("TM.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"), ["Như trên", "Xã đội", "Lưu: VT"]),
    ("K/T CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐã ký: Lê Văn Hải\n",
     ("KT.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Hải"), []),
    # "THAY MẶT …" over the title is not who the signer signs for
    ("THAY MẶT BAN THƯỜNG TRỰC\nPHÓ CHỦ TỊCH\nLê Văn Hải\n",
     ("", "", "PHÓ CHỦ TỊCH", "Lê Văn Hải"), []),
    # a name alone under the recipients
    ("Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTrần Văn Bình\n", ("", "", "", "Trần Văn Bình"),
     ["Như trên", "Lưu: VT"]),
])
def test_signature_and_recipients(footer, signer, recipients):
    doc = document.parse(HEAD + NOTICE_BODY + footer)
    got = doc.signer and (doc.signer.authority, doc.signer.on_behalf, doc.signer.title,
                          doc.signer.name)
    assert (got, doc.recipients) == (signer, recipients)


def test_kinh_thu_over_a_letters_signer_is_not_who_it_signs_for():
    doc = document.parse("UỶ BAN NHÂN DÂN HUYỆN MAI CHÂU\nMai Châu, ngày 19 tháng 12 năm 2019\n"
                         "THƯ NGỎ\nVận động hỗ trợ kinh phí tổ chức Tết cho hộ nghèo\n"
                         "Trong những năm qua, việc chăm lo Tết cho hộ nghèo đã được nhân dân "
                         "đồng tình ủng hộ.\nKÍNH THƯ\nPHÓ CHỦ TỊCH UBND HUYỆN\nPhạm Văn Hoàn\n")
    assert doc.signer.on_behalf == ""


def test_addressees_listed_on_the_kinh_gui_line():
    doc = document.parse("ỦY BAN NHÂN DÂN\nHUYỆN CHÂU THÀNH\nSố: 476/UBND-VP\n"
                         "V/v tăng cường phòng, chống sốt xuất huyết\n"
                         "Châu Thành, ngày 14 tháng 6 năm 2017\n"
                         "Kính gửi: - Trạm Y tế các xã; - Xã đội các xã, thị trấn.\n"
                         "Trước tình hình sốt xuất huyết tăng cao, Chủ tịch UBND huyện yêu cầu các "
                         "đơn vị diệt lăng quăng mỗi tuần một lần./.\n")
    assert doc.addressees == ["Trạm Y tế các xã", "Xã đội các xã, thị trấn"]


def test_every_piece_learns_its_part_and_dropped_lines_keep_their_line_number():
    reading = document.analyse(
        "Trang chủ\nLượt xem: 12\n" + HEAD + "\nThực hiện Kế hoạch số 45/KH-UBND của UBND huyện "
        "về phòng, chống bệnh dại, UBND xã thông báo như sau:\n1. Thời gian tiêm: từ ngày "
        "15/5/2025 đến ngày 20/5/2025.\nUBND xã thông báo để nhân dân biết, thực hiện./.\n")
    assert [p.part for p in reading.pieces] == [
        "dropped", "dropped", "issuer", "issuer", "number", "place_date", "kind", "subject",
        "preamble", "body", "closing"]
    assert [(d.line, d.text, d.why) for d in reading.directive.dropped] == [
        (1, "Trang chủ", "nút, mục của trang"), (2, "Lượt xem: 12", "bộ đếm")]


CONCLUSION = "THÔNG BÁO\nKết luận của Chủ tịch UBND xã tại cuộc họp giao ban tháng 5\n\n"


@pytest.mark.parametrize(("preamble", "meeting"), [
    # what was heard, up to the opinions of the others; a dash in the chair's line made plain
    (["Chiều ngày 26/5/2025, đồng chí Nguyễn Văn Bình – Chủ tịch UBND xã chủ trì cuộc họp giao "
      "ban. Sau khi nghe các ban, ngành báo cáo kết quả công tác tháng 5 và ý kiến của các đại "
      "biểu dự họp, Chủ tịch UBND xã kết luận như sau:"],
     {"date": "2025-05-26", "chair": "Nguyễn Văn Bình - Chủ tịch UBND xã",
      "heard": "các ban, ngành báo cáo kết quả công tác tháng 5"}),
    # the date in the second paragraph
    (["Thực hiện Chương trình công tác tháng 5 năm 2025 của UBND xã.",
      "Ngày 26/5/2025, đồng chí Nguyễn Văn Bình – Chủ tịch UBND xã chủ trì cuộc họp giao ban."],
     {"date": "2025-05-26", "chair": "Nguyễn Văn Bình - Chủ tịch UBND xã", "heard": ""}),
    # no date at all
    (["Đồng chí Nguyễn Văn Bình – Chủ tịch UBND xã chủ trì cuộc họp giao ban các thôn."],
     {"date": None, "chair": "Nguyễn Văn Bình - Chủ tịch UBND xã", "heard": ""}),
])
def test_the_meeting_a_notice_concludes(preamble, meeting):
    doc = document.parse(CONCLUSION + "\n\n".join(preamble)
                         + "\n\n1. Các thôn hoàn thành thu gom rác thải trước ngày 30/5/2025.\n")
    assert doc.preamble == preamble
    assert doc.meeting == meeting


@pytest.mark.parametrize(("lead", "issuer"), [
    # the body that speaks, after the legal basis of the first sentence
    ("Thực hiện Luật Tiếp công dân năm 2013; Ủy ban nhân dân xã Tân Đoàn thông báo lịch tiếp "
     "công dân định kỳ như sau:", "Ủy ban nhân dân xã Tân Đoàn"),
    ("Thực hiện Luật Tiếp công dân năm 2013, Ủy ban nhân dân xã Tân Đoàn tổ chức tiếp công dân "
     "định kỳ như sau:", "Ủy ban nhân dân xã Tân Đoàn"),
    # "UBND xã" without its name says nothing of who it is
    ("Thực hiện Luật Tiếp công dân năm 2013; UBND xã thông báo lịch tiếp công dân định kỳ như "
     "sau:", ""),
    # other bodies of a commune speak too
    ("Nhằm phòng ngừa tội phạm lừa đảo trên không gian mạng, Công an xã Cẩm Lạc xây dựng lịch "
     "tiếp công dân như sau:", "Công an xã Cẩm Lạc"),
    ("Để nhân dân biết, Hội Nông dân xã Tân Đoàn thông báo lịch tiếp công dân như sau:",
     "Hội Nông dân xã Tân Đoàn"),
])
def test_the_issuer_a_reposts_text_names(lead, issuer):
    doc = document.parse("Trang chủ\n## Thông báo lịch tiếp công dân tháng 5 năm 2025\n" + lead
                         + "\n1. Ngày 15/5/2025: Chủ tịch UBND xã tiếp công dân tại trụ sở.\n")
    assert (doc.kind, doc.subject, doc.issuer) == (
        "thong_bao", "Lịch tiếp công dân tháng 5 năm 2025", issuer)


@pytest.mark.parametrize(("text", "expected"), [
    # who sends a công điện, in small letters
    ("Chủ tịch UBND huyện Kỳ Anh điện:\n- Chủ tịch UBND các xã;\n- Trưởng các phòng, ban huyện.\n"
     "Theo dự báo, bão số 5 sẽ đổ bộ vào đất liền đêm nay, các xã khẩn trương kêu gọi tàu thuyền "
     "vào nơi tránh trú an toàn./.\n",
     {"kind_word": "Công điện", "issuer": "UBND huyện Kỳ Anh"}),
    # a lead's body without a place is still who issued it
    ("Tin tức\nKỳ Anh vận động hỗ trợ người dân vùng lũ\nNgày 22/11/2022, Ban vận động Quỹ Vì "
     "người nghèo đã có Thư ngỏ số 01/TN-BVĐ về việc vận động ủng hộ người dân vùng lũ.\n"
     "Mỗi cán bộ, công chức ủng hộ ít nhất một ngày lương.\n",
     {"issuer": "Ban vận động Quỹ Vì người nghèo", "number": "01", "date": "2022-11-22"}),
    # the body that "ra thông báo" after the legal basis
    ("Trang chủ\n## Thông báo lịch tiếp công dân tháng 5 năm 2025\nThực hiện Luật Tiếp công dân "
     "năm 2013; Ủy ban nhân dân xã Tân Đoàn ra thông báo lịch tiếp công dân định kỳ như sau:\n"
     "1. Ngày 15/5/2025: Chủ tịch UBND xã tiếp công dân tại trụ sở.\n",
     {"issuer": "Ủy ban nhân dân xã Tân Đoàn"}),
    # a paper the lead says was received is another body's, not the one reposted
    ("Tin tức\nTân Lập triển khai phòng, chống sốt xuất huyết\nNgày 5/5/2025, UBND xã Tân Lập "
     "nhận được Công văn số 1150/UBND-VP của UBND huyện về việc tăng cường phòng, chống sốt xuất "
     "huyết.\nXã đã tổ chức ra quân diệt lăng quăng tại các thôn.\n",
     {"number": "", "symbol": "", "subject": "Tân Lập triển khai phòng, chống sốt xuất huyết"}),
])
def test_who_issued_a_repost_or_a_cong_dien(text, expected):
    doc = document.parse(text)
    assert {key: getattr(doc, key) for key in expected} == expected


@pytest.mark.parametrize(("who", "body"), [
    ("UBND xã Chí Minh trân trọng", "UBND xã Chí Minh"),  # the sentence goes on after the name
    ("UBND TP Hà Nội Trần Sỹ Thanh", "UBND TP Hà Nội"),  # the chairman who signed it
    ("UBND huyện Hoàng Su Phì", "UBND huyện Hoàng Su Phì"),  # a place that starts like a name
    ("UBND huyện Lê Thủy", "UBND huyện Lê Thủy"),
    ("Ban Tuyên giáo Tỉnh ủy Trà Vinh", "Ban Tuyên giáo Tỉnh ủy Trà Vinh"),
    ("UBND tỉnh Bà Rịa - Vũng Tàu", "UBND tỉnh Bà Rịa - Vũng Tàu"),
    ("UBND huyện", "UBND huyện"),
])
def test_a_leads_body_without_the_words_after_it(who, body):
    assert body_only(who) == body
