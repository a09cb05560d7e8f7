"""Zones: what a piece looks like on its own (a sentence, a title, a kind word in a title), where
a repost without a header starts (its title among a page's headlines), the addressees under
"Kính gửi", and where the signature starts under a bài's date line."""

import pytest

from broadcast import document
from broadcast.document.model import Piece
from broadcast.document.zones import is_name, is_sentence, is_title, shape, title_kind


def piece(text: str, heading: bool = False) -> Piece:
    return Piece((0,), text, heading)


SENTENCE = "Các hộ gia đình đưa chó, mèo đến tiêm phòng tại nhà văn hóa thôn."
RUN_ON = " ".join(["các hộ gia đình đưa chó, mèo đi tiêm phòng"] * 4)  # 40 words, no stop


@pytest.mark.parametrize(("kind", "sentence"), [
    ("chrome", False), ("dien", False), ("kinh_gui", False), ("number", False),
    ("place_date", False), ("national", False), ("text", True), ("caps", True),
])
def test_what_kind_of_piece_can_be_a_sentence(kind, sentence):
    assert is_sentence(piece(SENTENCE), kind) is sentence


@pytest.mark.parametrize(("text", "heading", "sentence"), [
    ("Bà con đưa chó đi tiêm.", False, True),  # six words and a stop
    ("Bà con đưa chó tiêm.", False, False),  # five
    (SENTENCE, True, False),  # a Markdown heading is never running text
    ("Vì sao phải tiêm phòng dại cho chó, mèo hằng năm?", False, False),  # a question: a title
    ("Tiêm phòng dại cho chó, mèo: bà con cần biết những gì...", False, False),  # cut short
    ("Tiêm phòng dại cho chó, mèo: bà con cần biết những gì…", False, False),
    ("Thực hiện Kế hoạch của UBND huyện về", False, True),  # an opener and eight words
    ("Thực hiện Kế hoạch của UBND huyện", False, False),  # seven
    (RUN_ON, False, True),  # forty words without a stop
    (RUN_ON.rsplit(" ", 1)[0], False, False),  # thirty-nine
])
def test_is_sentence(text, heading, sentence):
    assert is_sentence(piece(text, heading), "text") is sentence


def test_a_labelled_piece_is_always_text():
    assert is_sentence(piece("1. Thời gian tiêm phòng"), "marker") is True


@pytest.mark.parametrize("kind", ["chrome", "marker", "number", "place_date", "national"])
def test_pieces_that_are_never_a_title(kind):
    assert is_title(piece("Xã Tân Lập ra quân tiêm phòng dại"), kind) is False


@pytest.mark.parametrize(("text", "title"), [
    ("Tiêm phòng", True), ("Tiêm", False),  # two words at least
    (" ".join(["Tiêm"] * 60), True), (" ".join(["Tiêm"] * 61), False),  # sixty at most
    ("tiêm phòng dại cho chó, mèo", False),  # a capital or a quotation mark first
    ("“Chung tay vì môi trường xanh”", True),
    ("Lịch tiêm phòng dại:", False), ("Lịch tiêm phòng dại.", False),  # not ending as text does
    ("Lịch tiêm phòng dại,", False), ("Lịch tiêm phòng dại;", False),
    ("Lịch tiêm phòng dại...", True), ("Lịch tiêm phòng dại…", True),  # a page cut it short
])
def test_is_title(text, title):
    assert is_title(piece(text), "text") is title


@pytest.mark.parametrize(("text", "found"), [
    ("Thông báo Xét tuyển viên chức năm 2025", ("THÔNG BÁO", "Xét tuyển viên chức năm 2025")),
    ("Thông báo - lịch tiếp công dân tháng 5", ("THÔNG BÁO", "Lịch tiếp công dân tháng 5")),
    ("Kế hoạch tổ chức Tết Trồng cây", ("KẾ HOẠCH", "Tổ chức Tết Trồng cây")),
    ("Thông báo", None),  # nothing after the kind word
    ("Thông tin về lịch tiêm phòng", None),
])
def test_title_kind(text, found):
    assert title_kind(text) == found


# ---------------------------------------------------------------- reposts without a header


def parts(text: str) -> list[tuple[str, str]]:
    return [(p.text, p.part) for p in document.analyse(text).pieces]


TEXT = ("Sáng ngày 8/5, UBND xã Tân Lập tổ chức ra quân tiêm phòng dại cho chó, mèo tại các "
        "thôn.\nĐợt tiêm phòng kéo dài đến hết ngày 20/5/2025, mỗi liều vắc xin giá 15.000 đồng.\n")
TITLE = "Xã Tân Lập ra quân tiêm phòng dại cho chó, mèo"


@pytest.mark.parametrize(("page", "dropped"), [
    # headlines of other news above the article's own title
    ("Trang chủ\nTin tức - Sự kiện\nHội nghị sơ kết công tác 6 tháng đầu năm\n"
     "Bão số 3 gây thiệt hại nặng tại các xã ven biển\n" + TITLE + "\n08/05/2025 10:21\n" + TEXT
     + "Đánh giá\nTin liên quan\n",
     ["Trang chủ", "Tin tức - Sự kiện", "Hội nghị sơ kết công tác 6 tháng đầu năm",
      "Bão số 3 gây thiệt hại nặng tại các xã ven biển", "08/05/2025 10:21", "Đánh giá",
      "Tin liên quan"]),
    # a question and a headline cut short are titles of other articles, not the text
    ("Trang chủ\nVì sao phải tiêm phòng dại cho chó, mèo hằng năm?\n"
     "Tiêm phòng dại cho chó, mèo: bà con cần biết những gì...\n" + TITLE + "\n" + TEXT,
     ["Trang chủ", "Vì sao phải tiêm phòng dại cho chó, mèo hằng năm?",
      "Tiêm phòng dại cho chó, mèo: bà con cần biết những gì..."]),
])
def test_a_reposts_title_is_found_among_the_pages_headlines(page, dropped):
    got = parts(page)
    assert [text for text, part in got if part == "dropped"] == dropped
    assert [text for text, part in got if part == "subject"] == [TITLE]
    assert [part for _, part in got if part not in ("dropped", "subject")] == [
        "preamble", "preamble"]
    doc = document.parse(page)
    assert doc.subject == TITLE and doc.issuer == "UBND xã Tân Lập"


def test_a_reposts_text_may_start_with_its_first_item():
    got = parts("Trang chủ\nLịch tiêm phòng dại đợt 1 năm 2025\n"
                "1. Thôn Đông: sáng ngày 15/5/2025 tại nhà văn hóa thôn.\n"
                "2. Thôn Tây: sáng ngày 16/5/2025 tại nhà văn hóa thôn.\n")
    assert [part for _, part in got] == ["dropped", "subject", "body", "body"]


def test_the_title_under_a_pages_kind_word_and_site_name():
    got = parts("THÔNG BÁO\nCổng thông tin điện tử xã Tân Lập\n"
                "Lịch tiếp công dân định kỳ tháng 5 năm 2025\n"
                "Ủy ban nhân dân xã Tân Lập thông báo lịch tiếp công dân định kỳ tháng 5 năm 2025 "
                "như sau:\n1. Ngày 15/5/2025: Chủ tịch UBND xã tiếp công dân tại trụ sở.\n")
    assert [part for _, part in got] == ["kind", "dropped", "subject", "preamble", "body"]


def test_a_reposted_letter_title_then_kinh_gui():
    got = parts("Trang chủ\nVề việc tăng cường phòng, chống dịch sốt xuất huyết\nKính gửi:\n"
                "- Trạm Y tế các xã;\n- Ủy ban nhân dân các xã, thị trấn.\n"
                "Trước tình hình sốt xuất huyết tăng cao, Chủ tịch UBND huyện yêu cầu các đơn vị "
                "diệt lăng quăng mỗi tuần một lần.\n")
    assert [part for _, part in got] == [
        "dropped", "subject", "addressees", "addressees", "addressees", "preamble"]


# ---------------------------------------------------------------- addressees

LETTER = ("ỦY BAN NHÂN DÂN\nHUYỆN CHÂU THÀNH\nSố: 476/UBND-VP\n"
          "V/v tăng cường phòng, chống sốt xuất huyết\nChâu Thành, ngày 14 tháng 6 năm 2017\n")
ORDER = ("Trước tình hình sốt xuất huyết tăng cao, Chủ tịch UBND huyện yêu cầu các đơn vị diệt "
         "lăng quăng, phát quang bụi rậm mỗi tuần một lần.\n")


@pytest.mark.parametrize(("kinh_gui", "addressees"), [
    # one line that ends with a full stop: nothing under it is an addressee
    ("Kính gửi: Trưởng Trạm Y tế các xã, thị trấn.\n", ["Trưởng Trạm Y tế các xã, thị trấn"]),
    # short lines without marks under an empty "Kính gửi:"
    ("Kính gửi:\nTrạm Y tế các xã\nỦy ban nhân dân các xã, thị trấn\n",
     ["Trạm Y tế các xã", "Ủy ban nhân dân các xã, thị trấn"]),
    # bullets, up to a long one that is the text's
    ("Kính gửi:\n- Trạm Y tế các xã;\n- Ủy ban nhân dân các xã, thị trấn.\n- Căn cứ tình hình "
     "thực tế, các đơn vị chủ động xây dựng kế hoạch diệt lăng quăng, bọ gậy tại các khu dân cư, "
     "trường học, chợ, cơ quan và báo cáo kết quả về Trung tâm Y tế huyện trước ngày 30 hằng "
     "tháng.\n", ["Trạm Y tế các xã", "Ủy ban nhân dân các xã, thị trấn"]),
])
def test_addressees_under_kinh_gui(kinh_gui, addressees):
    doc = document.parse(LETTER + kinh_gui + ORDER)
    assert doc.addressees == addressees
    assert ORDER.strip() in [*doc.preamble, *(b.text for b in document.walk(doc.body))]


def test_the_sender_above_a_cong_diens_dien_line_is_not_read():
    text = ("UBND HUYỆN KỲ ANH\nSố: 14/CĐ-BCH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nKỳ Anh, ngày 13 tháng 9 năm 2018\nCÔNG ĐIỆN\n"
            "Về việc chủ động ứng phó với bão số 5\nBAN CHỈ HUY PCTT VÀ TKCN HUYỆN KỲ ANH\n"
            "ĐIỆN:\nChủ tịch UBND các xã\nTrưởng các phòng, ban huyện\n"
            "Theo dự báo, bão số 5 sẽ đổ bộ vào đất liền đêm nay, các xã khẩn trương kêu gọi tàu "
            "thuyền vào nơi tránh trú an toàn./.\n")
    got = dict(parts(text))
    assert got["BAN CHỈ HUY PCTT VÀ TKCN HUYỆN KỲ ANH"] not in ("preamble", "body", "closing",
                                                                  "subject")
    assert got["ĐIỆN:"] == got["Chủ tịch UBND các xã"] == "addressees"
    assert got["Trưởng các phòng, ban huyện"] == "addressees"


# ---------------------------------------------------------------- the signature of a bài

BAI = ("Kính thưa bà con nhân dân!\nHưởng ứng Tháng hành động vì môi trường, UBND xã Phúc Lộc phát "
       "động tổng vệ sinh vào sáng Chủ nhật ngày 7/7/2024.\nBài tuyên truyền của UBND xã Phúc Lộc "
       "đến đây là hết, xin cảm ơn bà con đã chú ý lắng nghe!\n")


@pytest.mark.parametrize("date_line", ["Ngày 04/7/2024", "Phúc Lộc, ngày 4 tháng 7 năm 2024"])
def test_a_date_line_above_the_signature_belongs_to_it(date_line):
    text = (BAI + date_line + "\nPhê duyệt của lãnh đạo\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n"
            "Nông Văn Nhượng\nGhi chú: (thực hiện phát trên đài truyền thanh và loa kéo đến các "
            "thôn)\n")
    got = parts(text)
    assert [part for _, part in got] == ["preamble"] * 3 + ["signer"] * 5 + ["dropped"]
    doc = document.parse(text)
    assert (doc.signer.authority, doc.signer.title, doc.signer.name) == (
        "TM.", "CHỦ TỊCH", "Nông Văn Nhượng")


def test_a_title_with_a_name_under_it_starts_the_signature():
    got = parts("THÔNG BÁO\nVề việc tổ chức tiêm phòng dại cho chó, mèo\n"
                "UBND xã Tân Lập thông báo lịch tiêm phòng dại cho chó, mèo tại nhà văn hóa các "
                "thôn từ ngày 15/5/2025 đến ngày 20/5/2025.\nCHỦ TỊCH\nNông Văn Nhượng\n")
    assert [part for _, part in got] == ["kind", "subject", "preamble", "signer", "signer"]


# ---------------------------------------------------------------- the header


def test_a_table_flattened_column_after_column():
    got = parts("ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\n-------\nTHÔNG BÁO\n"
                "Về việc tổ chức tiêm phòng dại cho chó, mèo\n-------\n"
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 21/TB-UBND\n"
                "Tân Lập, ngày 8 tháng 5 năm 2025\nKHẨN\nThực hiện Kế hoạch số 45/KH-UBND ngày "
                "2/4/2025 của UBND huyện về phòng, chống bệnh dại, UBND xã thông báo như sau:\n"
                "1. Thời gian tiêm: từ ngày 15/5/2025 đến ngày 20/5/2025.\n")
    assert [part for _, part in got] == [
        "issuer", "issuer", "dropped", "kind", "subject", "dropped", "national", "national",
        "number", "place_date", "mark", "preamble", "body"]


def test_a_cong_diens_sending_time_is_its_date():
    text = ("UBND HUYỆN KỲ ANH\nSố: 02/CĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nVào hồi 10 giờ 00 ngày 11/10/2013\nCÔNG ĐIỆN\n"
            "Về việc khẩn trương ứng phó với bão số 11\n"
            "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN KỲ ANH điện:\n- Chủ tịch UBND các xã;\n"
            "- Trưởng các phòng, ban huyện.\nBão số 11 đang tiến nhanh vào đất liền, các xã khẩn "
            "trương sơ tán dân ra khỏi vùng nguy hiểm./.\n")
    assert [part for _, part in parts(text)] == [
        "issuer", "number", "national", "national", "place_date", "kind", "subject",
        "addressees", "addressees", "addressees", "closing"]
    assert document.parse(text).date == "2013-10-11"


NOTICE_HEAD = ("ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nSố: 21/TB-UBND\nTân Lập, ngày 8 tháng 5 năm 2025\n"
               "THÔNG BÁO\n")
OPENING = "Thực hiện Kế hoạch số 45/KH-UBND của UBND huyện, UBND xã thông báo như sau:\n"


@pytest.mark.parametrize(("lines", "subject", "text"), [
    # the trích yếu wrapped over two lines, in small letters or in capitals
    ("Về việc tổ chức tiêm phòng dại cho chó, mèo\nđợt 1 năm 2025\n" + OPENING,
     "Về việc tổ chức tiêm phòng dại cho chó, mèo đợt 1 năm 2025", [OPENING.strip()]),
    ("TỔ CHỨC TIÊM PHÒNG DẠI CHO CHÓ, MÈO\nĐỢT 1 NĂM 2025\n" + OPENING,
     "Tổ chức tiêm phòng dại cho chó, mèo đợt 1 năm 2025", [OPENING.strip()]),
    # capitals then small letters: the text has started
    ("TỔ CHỨC TIÊM PHÒNG DẠI CHO CHÓ, MÈO\n"
     "Đợt tiêm phòng kéo dài đến hết tháng 5 năm 2025 tại các thôn\n",
     "Tổ chức tiêm phòng dại cho chó, mèo",
     ["Đợt tiêm phòng kéo dài đến hết tháng 5 năm 2025 tại các thôn"]),
    # a long line after a blank line
    ("Về việc tổ chức tiêm phòng dại cho chó, mèo\n\nĐợt tiêm phòng dại năm nay kéo dài đến hết "
     "ngày 20/5/2025 tại nhà văn hóa các thôn trong toàn xã, bà con lưu ý\n",
     "Về việc tổ chức tiêm phòng dại cho chó, mèo",
     ["Đợt tiêm phòng dại năm nay kéo dài đến hết ngày 20/5/2025 tại nhà văn hóa các thôn trong "
      "toàn xã, bà con lưu ý"]),
    # a whole sentence right under the kind word is text, not a trích yếu
    ("UBND xã Tân Lập thông báo lịch tiêm phòng dại cho chó, mèo đợt 1 năm 2025.\n",
     "", ["UBND xã Tân Lập thông báo lịch tiêm phòng dại cho chó, mèo đợt 1 năm 2025."]),
])
def test_where_the_subject_ends_and_the_text_begins(lines, subject, text):
    doc = document.parse(NOTICE_HEAD + lines)
    assert doc.subject == subject
    assert doc.preamble == text


@pytest.mark.parametrize(("line", "subject"), [
    ("TĂNG CƯỜNG PHÒNG, CHỐNG BỆNH DẠI NĂM 2025", "Tăng cường phòng, chống bệnh dại năm 2025"),
    ("Về tăng cường phòng, chống bệnh dại năm 2025",
     "Về tăng cường phòng, chống bệnh dại năm 2025"),
])
def test_a_subject_without_a_kind_word_after_the_header(line, subject):
    text = ("ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nSố: 21/UBND\nTân Lập, ngày 8 tháng 5 năm 2025\n" + line
            + "\nThực hiện Kế hoạch số 45/KH-UBND ngày 2/4/2025 của UBND huyện về phòng, chống "
            "bệnh dại, UBND xã thông báo như sau:\n1. Thời gian tiêm: từ ngày 15/5/2025 đến ngày "
            "20/5/2025.\n")
    got = parts(text)
    assert [part for _, part in got] == [
        "issuer", "issuer", "number", "place_date", "subject", "preamble", "body"]
    doc = document.parse(text)
    assert (doc.subject, doc.issuer) == (subject, "ỦY BAN NHÂN DÂN XÃ TÂN LẬP")


def test_who_decides_over_two_lines_above_can_cu():
    got = parts("QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác phòng, chống dịch\nCHỦ TỊCH\n"
                "ỦY BAN NHÂN DÂN XÃ TÂN LẬP\nCăn cứ Luật Tổ chức chính quyền địa phương năm 2015;\n"
                "QUYẾT ĐỊNH:\nĐiều 1. Thành lập Tổ công tác phòng, chống dịch của xã.\n")
    assert [part for _, part in got] == [
        "kind", "subject", "authority", "authority", "preamble", "preamble", "body"]


# ---------------------------------------------------------------- the footer and after the text

CLOSING = ("UBND xã Tân Lập thông báo lịch tiêm phòng dại cho chó, mèo tại nhà văn hóa các thôn từ "
           "ngày 15/5/2025 đến ngày 20/5/2025")
NOTICE = NOTICE_HEAD + "Về việc tổ chức tiêm phòng dại cho chó, mèo\n"


def test_the_footer_recipients_signer_and_the_page_after_the_name():
    reading = document.analyse(NOTICE + CLOSING + "./.\nNơi nhận:\n- Như trên;\n"
                               "Thường trực Đảng ủy xã;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\n"
                               "CHỦ TỊCH\n(Đã ký)\nTRẦN VĂN CƯỜNG\nChia sẻ\nTin cùng chuyên mục\n"
                               "Xã Tân Lập ra quân dọn vệ sinh môi trường\n")
    assert [p.part for p in reading.pieces][6:] == [
        "closing", "recipients", "recipients", "recipients", "recipients", "signer", "signer",
        "signer", "signer", "dropped", "dropped", "dropped"]
    dropped = reading.directive.dropped
    assert [d.text for d in dropped] == [
        "Chia sẻ", "Tin cùng chuyên mục", "Xã Tân Lập ra quân dọn vệ sinh môi trường"]
    assert (dropped[0].why, dropped[-1].why) == ("nút, mục của trang", "sau chữ ký, hết văn bản")
    assert reading.directive.recipients == ["Như trên", "Thường trực Đảng ủy xã", "Lưu: VT"]
    assert reading.directive.signer.name == "Trần Văn Cường"


def test_the_pages_lines_after_a_text_without_footer_are_dropped():
    reading = document.analyse(
        NOTICE + CLOSING + ".\nLượt xem: 12\nMọi thắc mắc xin liên hệ cán bộ thú y xã qua số điện "
        "thoại 0912.345.678.\nP.TH\nĐánh giá\nBài viết cùng chuyên mục\n")
    assert reading.directive.preamble == [
        CLOSING + ".", "Mọi thắc mắc xin liên hệ cán bộ thú y xã qua số điện thoại 0912.345.678."]
    assert [(d.text, d.why) for d in reading.directive.dropped] == [
        ("Lượt xem: 12", "bộ đếm"), ("P.TH", "trang web sau văn bản"),
        ("Đánh giá", "nút, mục của trang"),
        ("Bài viết cùng chuyên mục", "chữ của trang xem tài liệu")]


@pytest.mark.parametrize(("last", "dropped"), [
    ("Thanh Hà", True),  # a byline: a short name
    ("THANH HÀ", True),
    ("Theo Trung tâm Y tế huyện", True),
    ("Bà con lưu ý,", False),  # a sentence cut short is the text's
    ("Hotline 0912.345.678", False),  # a number is the text's
    ("BAN CHỈ ĐẠO XÃ TÂN LẬP", False),  # capitals of more than two words
])
def test_which_short_last_lines_are_the_pages(last, dropped):
    got = parts(NOTICE + CLOSING + ".\n" + last + "\n")
    assert (got[-1][1] == "dropped") is dropped


def test_a_line_that_only_names_the_reposted_document_is_its_reference():
    got = parts("Tin chỉ đạo điều hành\n22/04/2021\nTriển khai tuyên truyền kỷ niệm ngày thành lập "
                "tỉnh\nThực hiện Hướng dẫn số 06-HD/HU của Huyện ủy, Ủy ban nhân dân huyện Côn Đảo "
                "có ý kiến như sau:\n1. Phòng Văn hóa và Thông tin chủ trì tuyên truyền.\n"
                "Công văn số 1150/UBND-VP ngày 22/04/2021 của UBND huyện Côn Đảo\n")
    assert [part for _, part in got] == [
        "dropped", "dropped", "subject", "preamble", "body", "reference"]


MENU = ["Trang chủ", "Giới thiệu", "Tin mới", "Hỏi đáp", "Liên hệ", "Sơ đồ cổng", "Tìm kiếm",
        "Đăng nhập", "Thư viện ảnh", "Video", "Tiện ích", "Đường dây nóng", "Lượt xem: 120"]


def test_a_portals_banner_far_above_the_header_is_the_pages():
    reading = document.analyse(
        "UBND XÃ TÂN LẬP\n" + "\n".join(MENU) + "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nSố: 21/TB-UBND\n"
        "Tân Lập, ngày 8 tháng 5 năm 2025\nTHÔNG BÁO\nVề việc tổ chức tiêm phòng dại cho chó, "
        "mèo\n" + CLOSING + "./.\n")
    assert [p.part for p in reading.pieces] == ["dropped"] * 14 + [
        "national", "national", "issuer", "issuer", "number", "place_date", "kind", "subject",
        "closing"]
    assert reading.directive.dropped[0].why == "trang web trước văn bản"
    assert reading.directive.issuer == "ỦY BAN NHÂN DÂN XÃ TÂN LẬP"


def test_a_place_date_line_right_above_the_kind_word_starts_the_header():
    got = parts("Mai Châu, ngày 19 tháng 12 năm 2019\nTHƯ NGỎ\n"
                "Vận động hỗ trợ kinh phí tổ chức Tết cho hộ nghèo\nTrong những năm qua, việc "
                "chăm lo Tết cho hộ nghèo đã được nhân dân đồng tình ủng hộ.\n")
    assert [part for _, part in got] == ["place_date", "kind", "subject", "preamble"]


# ---------------------------------------------------------------- one piece on its own

SHAPES_OF_PIECES = [
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "national"),
    ("Cộng hòa xã hội chủ nghĩa Việt Nam", "national"),
    ("- Độc lập - Tự do - Hạnh phúc -", "national"),
    ("ĐẢNG CỘNG SẢN VIỆT NAM", "national"), ("* ĐẢNG CỘNG SẢN VIỆT NAM *", "national"),
    ("KHẨN", "mark"), ("HỎA TỐC", "mark"),
    ("Số: 21/TB-UBND", "number"), ("Số:", "number"),
    ("Vào hồi 10 giờ 00 ngày 11/10/2013", "time"), ("Ngày 04/7/2024.", "time"),
    ("ngày 5 tháng 7 năm 2024", "time"),
    ("Tân Lập, ngày 8 tháng 5 năm 2025.", "place_date"),
    ("Hà Nội ngày 15 tháng 8 năm 2018.", "place_date"),
    ("Kính gửi: Trưởng các thôn.", "kinh_gui"), ("Nơi nhận:", "noi_nhan"),
    ("(Nguồn: Công văn số 1150/UBND-VP)", "source"),
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN KỲ ANH điện:", "dien"),
    ("BAN CHỈ HUY PHÒNG, CHỐNG THIÊN TAI VÀ TÌM KIẾM CỨU NẠN HUYỆN KỲ ANH điện:", "dien"),
    ("TM. ỦY BAN NHÂN DÂN", "authority"), ("KÍNH THƯ", "salutation"), ("THÔNG BÁO", "kind"),
    ("PHÓ CHỦ TỊCH", "title"), ("ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "issuer"), ("XÃ TÂN LẬP", "unit"),
    ("I. MỤC ĐÍCH, YÊU CẦU", "marker"), ("NỘI DUNG TUYÊN TRUYỀN", "caps"),
    ("V/v tổ chức Tết Trồng cây", "vv"), ("1. Thời gian tiêm phòng", "marker"),
    ("Nguyễn Văn An", "name"), ("Bà con lưu ý giữ vệ sinh.", "text"),
]


@pytest.mark.parametrize(("text", "kind"), SHAPES_OF_PIECES)
def test_shape_of_a_piece(text, kind):
    assert shape(piece(text)) == kind


def test_a_piece_of_the_page_is_chrome_whatever_it_says():
    assert shape(Piece((0,), "Lượt xem: 12", why="bộ đếm")) == "chrome"


@pytest.mark.parametrize(("text", "name"), [
    ("Nguyễn Văn An", True), ("Lê Hải", True), ("TRẦN VĂN CƯỜNG", True),
    ("Tôn Nữ Thị Ngọc Hà Anh", True), ("Tôn Nữ Thị Ngọc Hà Anh Thư", False),  # up to six words
    ("An", False), ("Nguyễn Văn An (đã ký)", True), ("Đã ký: Lê Văn Hải", True),
    ("CHỦ TỊCH", False), ("Chủ tịch UBND", False), ("ỦY BAN NHÂN DÂN", False),
    ("UBND XÃ TÂN LẬP", False), ("SỞ Y TẾ", False), ("Thôn 3 Tân Lập", False),
    ("Các thôn tổ chức", False),
])
def test_is_name(text, name):
    assert is_name(text) is name


def test_a_title_line_the_subject_let_go_right_above_kinh_gui():
    got = parts("ỦY BAN NHÂN DÂN\nHUYỆN CHÂU THÀNH\nSố: 476/UBND-VP\nCÔNG VĂN\n"
                "TĂNG CƯỜNG PHÒNG, CHỐNG DỊCH SỐT XUẤT HUYẾT\nTrên địa bàn huyện năm 2025\n"
                "Kính gửi: Ủy ban nhân dân các xã, thị trấn.\nTrước tình hình sốt xuất huyết tăng "
                "cao, Chủ tịch UBND huyện yêu cầu các đơn vị diệt lăng quăng mỗi tuần một lần.\n")
    assert [part for _, part in got] == [
        "issuer", "issuer", "number", "kind", "subject", "subject", "addressees", "preamble"]


def test_issuer_lines_with_rules_between_them_above_the_number():
    got = parts("Trang chủ\nỦY BAN NHÂN DÂN\n-------\nXÃ TÂN LẬP\n|\nSố: 21/TB-UBND\n"
                "Tân Lập, ngày 8 tháng 5 năm 2025\nTHÔNG BÁO\n"
                "Về việc tổ chức tiêm phòng dại cho chó, mèo\n" + CLOSING + "./.\n")
    assert [part for _, part in got] == [
        "dropped", "issuer", "dropped", "issuer", "dropped", "number", "place_date", "kind",
        "subject", "closing"]


def test_a_unit_line_above_the_number_is_the_issuer():
    # the copy lost "ỦY BAN NHÂN DÂN"; the unit line above "Số:" is still the header's
    got = parts("Trang chủ\nXÃ TÂN LẬP\n-------\nSố: 21/TB-UBND\nTân Lập, ngày 8 tháng 5 năm "
                "2025\nTHÔNG BÁO\nVề việc tổ chức tiêm phòng dại cho chó, mèo\n" + CLOSING
                + "./.\n")
    assert [part for _, part in got] == [
        "dropped", "issuer", "dropped", "number", "place_date", "kind", "subject", "closing"]


def test_a_kind_line_right_above_the_number_starts_the_header():
    got = parts("Trang chủ\nCÔNG ĐIỆN\n-------\nSố: 02/CĐ-UBND\n"
                "Kỳ Anh, ngày 11 tháng 10 năm 2013\n")
    assert [part for _, part in got] == ["dropped", "kind", "dropped", "number", "place_date"]


LETTER_HEAD = ("ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nSố: 21/UBND\nTân Lập, ngày 8 tháng 5 năm 2025\n")


@pytest.mark.parametrize(("line", "part"), [
    # a long trích yếu that starts with "Về" and has no full stop
    ("Về tăng cường công tác phòng, chống bệnh dại cho đàn chó, mèo nuôi trong các hộ gia đình "
     "trên địa bàn xã năm 2025", "subject"),
    # a sentence that starts with "Về" is the text
    ("Về phía các thôn, đề nghị Trưởng thôn tổ chức tuyên truyền sâu rộng đến từng hộ gia đình "
     "để nhân dân biết.", "preamble"),
])
def test_a_line_starting_with_ve_after_the_header(line, part):
    got = parts(LETTER_HEAD + line + "\n1. Thời gian tiêm: từ ngày 15/5/2025.\n")
    assert got[4] == (line, part)


def test_who_decides_with_its_unit_on_a_line_of_its_own():
    got = parts("QUYẾT ĐỊNH\nVề việc ban hành Quy chế tiếp nhận phản ánh, kiến nghị\n"
                "CHỦ TỊCH ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\n"
                "Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;\nQUYẾT ĐỊNH:\n"
                "Điều 1. Ban hành kèm theo Quyết định này Quy chế tiếp nhận phản ánh, kiến nghị.\n")
    assert [part for _, part in got] == [
        "kind", "subject", "authority", "authority", "preamble", "preamble", "body"]


def test_addressees_ending_with_a_comma_or_a_semicolon():
    doc = document.parse(LETTER + "Kính gửi:\nTrạm Y tế các xã,\nỦy ban nhân dân các xã, thị "
                         "trấn;\n" + ORDER)
    assert doc.addressees == ["Trạm Y tế các xã", "Ủy ban nhân dân các xã, thị trấn"]
    assert doc.preamble == [ORDER.strip()]


def test_the_kind_of_an_outline_for_the_loudspeakers_and_its_subject_below():
    doc = document.parse(
        "Thứ ba - 13/06/2023 00:37 42 0\nĐỀ CƯƠNG TUYÊN TRUYỀN\nKỷ niệm 75 năm Ngày Chủ tịch "
        "Hồ Chí Minh\nra Lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2023)\n\n"
        "I. Hoàn cảnh ra đời\nSau Cách mạng tháng Tám năm 1945, thực dân Pháp quay lại.\n")
    assert (doc.kind, doc.kind_word) == ("other", "Đề cương tuyên truyền")
    assert doc.subject == ("Kỷ niệm 75 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái "
                           "quốc (11/6/1948 - 11/6/2023)")


def test_a_citation_on_its_own_line_in_a_documents_text_is_read():
    """A narrow page wrapped 'Chỉ thị số 31/CT-UBND ngày 05/11/2021' onto its own line inside
    a plan with a header: it is the plan's text, not the identification of a repost."""
    doc = document.parse(
        "ỦY BAN NHÂN DÂN\nXÃ TÂN LẬP\nSố: 35/KH-UBND\nTân Lập, ngày 27 tháng 01 năm 2022\n"
        "KẾ HOẠCH\nPhòng, chống dịch bệnh năm 2022\n\nThực hiện Kế hoạch của huyện và\n"
        "Chỉ thị số 31/CT-UBND ngày 05/11/2021\ncủa Chủ tịch UBND tỉnh, UBND xã xây dựng kế "
        "hoạch như sau:\n\n1. Tuyên truyền trên loa truyền thanh của xã.\n")
    assert doc.preamble == ["Thực hiện Kế hoạch của huyện và Chỉ thị số 31/CT-UBND ngày "
                            "05/11/2021 của Chủ tịch UBND tỉnh, UBND xã xây dựng kế hoạch như sau:"]


def test_an_issuer_whose_name_is_under_it_without_its_unit_and_a_kind_line_of_the_sender():
    doc = document.parse(
        "ỦY BAN NHÂN DÂN\n\nTÙNG CHÂU\n\n   Số: 06/TB -UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
        "NAM\n\nĐộc lập – Tự do – Hạnh phúc\n\nTùng Châu, ngày 21 tháng 02 năm 2022\n\nTHÔNG BÁO "
        "CỦA UBND XÃ\n\nVề việc phòng chống đói rét cho đàn gia súc\n\n Kính gửi: Toàn thể bà con "
        "nhân dân\n\n"
        "Thực hiện hướng dẫn của huyện, UBND xã thông báo một số nội dung sau:\n\n- Chăn nuôi kín "
        "gió, không chăn thả gia súc khi nhiệt độ xuống thấp.\n")
    assert (doc.issuer, doc.number, doc.place, doc.date) == (
        "ỦY BAN NHÂN DÂN TÙNG CHÂU", "06", "Tùng Châu", "2022-02-21")
    assert doc.subject == "Về việc phòng chống đói rét cho đàn gia súc"
    assert doc.addressees == ["Toàn thể bà con nhân dân"]


def test_the_headline_is_the_title_right_above_the_posting_time_not_a_subheading():
    doc = document.parse(
        "menu_WAR_portlet_INSTANCE_BKyHxt47kQOK\nThay đổi thời gian thu gom rác sinh hoạt trên địa "
        "bàn phường năm 2022\nĐăng ngày 06-10-2022 09:51\n\nThời gian thu gom, vận chuyển rác sinh "
        "hoạt\n\nBắt đầu từ ngày 05/10/2022, Xí nghiệp Môi trường thu gom rác vào buổi tối.\n"
        "- Đối với các kiệt, hẻm: thu gom từ 19h00 đến 21h00.\n")
    assert doc.subject == "Thay đổi thời gian thu gom rác sinh hoạt trên địa bàn phường năm 2022"
    assert doc.preamble[0] == "Thời gian thu gom, vận chuyển rác sinh hoạt"


@pytest.mark.parametrize(("last", "dropped"), [
    ("btv chiminh", True),  # the editor's login under a repost
    ("và nhân dân.", False),  # the end of a sentence in small letters is the text's
    ("xin cảm ơn", False),
])
def test_a_login_under_a_repost_is_the_pages_not_the_end_of_a_sentence(last, dropped):
    doc = document.parse("Tin tức\nXã tổ chức hội nghị đối thoại với nhân dân\n\nUBND xã trân "
                         "trọng kính mời toàn thể cán bộ, đảng viên tham dự hội nghị đối thoại\n"
                         f"{last}\n")
    assert any(d.text == last for d in doc.dropped) == dropped


def test_under_a_kind_line_the_body_above_a_posting_time_is_not_the_subject():
    doc = document.parse(
        "THÔNG BÁO\nUBND xã Minh Đức\n2025-07-28T11:07:49+07:00\nTrang thông tin điện tử xã Minh "
        "Đức\nThứ hai - 28/07/2025 11:07\nVề việc thu gom rác thải sinh hoạt trên địa bàn xã\n"
        "Thực hiện kế hoạch bảo vệ môi trường, Trung tâm Dịch vụ tổng hợp xã thông báo lịch thu "
        "gom rác thải sinh hoạt như sau:\n+ Thời gian thu gom: từ ngày 29 tháng 07 năm 2025.\n")
    assert doc.subject.endswith("thu gom rác thải sinh hoạt trên địa bàn xã")
    assert not doc.subject.startswith("UBND")


def test_a_page_lead_repeated_by_the_document_below_its_own_kind_line_is_the_pages():
    lead = ("Thực hiện Công văn số 1285/UBND-NN của Ủy ban nhân dân huyện, Ủy ban nhân dân xã "
            "thông báo lịch tiêm phòng dại như sau:")
    doc = document.parse(
        f"image banner\nTHÔNG BÁO Về việc tiêm phòng dại cho đàn chó, mèo\nLượt xem: 3\n{lead}\n\n"
        f"THÔNG BÁO\n\nVề việc tiêm phòng dại\n\ncho đàn chó, mèo nuôi trên địa bàn xã\n\n"
        f"{lead}\n\n"
        "1. Thời gian thực hiện: từ ngày 17/5/2024 đến ngày 21/5/2024.\n")
    assert doc.kind == "thong_bao"
    assert doc.subject == "Về việc tiêm phòng dại cho đàn chó, mèo nuôi trên địa bàn xã"
    assert doc.preamble == [lead]  # said once
    assert [d.line for d in doc.dropped] == [1, 2, 3, 4]


def test_a_cong_dien_sent_by_a_body_over_a_bare_dien_line_to_a_line_of_bodies():
    doc = document.parse(
        "UBND HUYỆN BỐ TRẠCH\nBAN CHỈ HUY PCLB&TKCN\nSố: 16/CĐ-BCH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
        "NAM\nĐộc lập - Tự do - Hạnh phúc\nBố Trạch, ngày 13 tháng 10 năm 2013\nCÔNG ĐIỆN\n"
        "Vào hồi 14 giờ 00/ ngày 13/10/2013\nBAN CHỈ HUY PCLB&TKCN HUYỆN BỐ TRẠCH\nĐIỆN:\n"
        "Chủ tịch UBND các xã, thị trấn, Thủ trưởng các ban, ngành, đoàn thể\n\nTheo bản tin của "
        "Trung tâm dự báo khí tượng thủy văn, bão số 11 đang tiến vào đất liền.\n")
    assert doc.addressees == ["Chủ tịch UBND các xã, thị trấn, Thủ trưởng các ban, ngành, đoàn thể"]
    assert doc.preamble[0].startswith("Theo bản tin")


def test_a_kind_line_with_its_subject_in_capitals_under_it_keeps_that_subject():
    """Not a page's category word over its headline: 'VỀ …' right under it is the subject."""
    doc = document.parse(
        "THÔNG BÁO\nVỀ LỊCH TRÌNH THU GOM RÁC THẢI NĂM 2018\nKHU VỰC XÃ MỸ TRÀ\n\n\nSTT\n\n"
        "Thời gian\n\nLộ trình thu gom\n\n1. Tuyến xe ép rác chạy xoay vòng các tuyến trong xã.\n")
    assert doc.subject == "Về lịch trình thu gom rác thải năm 2018 khu vực xã Mỹ Trà"


def test_the_body_that_wrote_a_repost_under_it_signs_it():
    doc = document.parse("Cảnh báo nguy cơ cháy rừng\n\nTheo dự báo, toàn bộ diện tích rừng trên "
                         "các đồi núi trong huyện đang ở cấp cực kỳ nguy hiểm.\n\nVăn phòng Ban "
                         "Chỉ đạo Tỉnh An Giang\n")
    parts = document.analyse("Cảnh báo nguy cơ cháy rừng\n\nTheo dự báo, rừng đang ở cấp cực kỳ "
                             "nguy hiểm.\n\nVăn phòng Ban Chỉ đạo Tỉnh An Giang\n").pieces
    assert parts[-1].part == "signer"
    assert doc.preamble == ["Theo dự báo, toàn bộ diện tích rừng trên các đồi núi trong huyện "
                            "đang ở cấp cực kỳ nguy hiểm."]
