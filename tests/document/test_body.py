"""The text of a document: pieces joined into paragraphs (a wrapped line goes on, a new
sentence, a label, a heading or a blank line starts anew) and the paragraphs built into the tree
of headings, items, bullets and paragraphs, with their deadlines."""

import pytest

from broadcast.document.body import build_tree, paragraphs_of
from broadcast.document.model import Piece


def piece(text: str, gap: bool = False, heading: bool = False) -> Piece:
    return Piece((0,), text, heading, gap)


def texts(*pieces: Piece) -> list[str]:
    return [p.text for p in paragraphs_of(list(pieces))]


WHOLE = ("Các cơ quan, đơn vị, địa phương rà soát tiến độ thực hiện các mục tiêu, nhiệm vụ cải "
         "cách hành chính năm 2023 và báo cáo kết quả")  # longer than a wrapped line, no stop
AT_WIDTH = (WHOLE + " theo kế hoạch")[:140]  # exactly as long as a wrapped line may be
LONG = "Thực hiện chỉ đạo của UBND huyện về phòng, chống bệnh dại năm 2025"  # 14 words, no stop


@pytest.mark.parametrize(("pieces", "expected"), [
    # a line cut in the middle of a sentence goes on, whatever starts the next line
    ([piece("Các hộ gia đình chủ động tiêm"), piece("phòng cho đàn chó, mèo.")],
     ["Các hộ gia đình chủ động tiêm phòng cho đàn chó, mèo."]),
    ([piece("Tổng số hộ tham gia"), piece("120 hộ, đạt 95% kế hoạch.")],
     ["Tổng số hộ tham gia 120 hộ, đạt 95% kế hoạch."]),
    ([piece("Các loại vật nuôi như chó, mèo, v.v."), piece("đều phải được tiêm phòng dại.")],
     ["Các loại vật nuôi như chó, mèo, v.v. đều phải được tiêm phòng dại."]),
    ([piece("Đoàn kiểm tra liên ngành của TP."),
      piece("(gồm Công an, Y tế, Quản lý thị trường) làm việc tại các cơ sở.")],
     ["Đoàn kiểm tra liên ngành của TP. (gồm Công an, Y tế, Quản lý thị trường) làm việc tại "
      "các cơ sở."]),
    # after a finished sentence, a line in small letters or a bracket starts anew
    ([piece("Các thôn hoàn thành việc tiêm phòng trước ngày 30/5/2025."),
      piece("(Có danh sách các thôn kèm theo)")],
     ["Các thôn hoàn thành việc tiêm phòng trước ngày 30/5/2025.",
      "(Có danh sách các thôn kèm theo)"]),
    ([piece("Hãy đưa chó, mèo đi tiêm phòng để bảo vệ cả gia đình mình!"),
      piece("(Ảnh: cán bộ thú y tiêm phòng tại thôn Đông)")],
     ["Hãy đưa chó, mèo đi tiêm phòng để bảo vệ cả gia đình mình!",
      "(Ảnh: cán bộ thú y tiêm phòng tại thôn Đông)"]),
    ([piece("Vì sao phải tiêm phòng dại cho chó, mèo hằng năm?"),
      piece("(Theo Trung tâm Y tế huyện)")],
     ["Vì sao phải tiêm phòng dại cho chó, mèo hằng năm?", "(Theo Trung tâm Y tế huyện)"]),
    # a capital goes on a line of eight words or more that did not end its sentence …
    ([piece("Các hộ đưa chó, mèo đến tiêm tại"), piece("Nhà văn hóa thôn Đông.")],
     ["Các hộ đưa chó, mèo đến tiêm tại Nhà văn hóa thôn Đông."]),
    ([piece("Các hộ đưa chó, mèo đến tiêm phòng"), piece("Nhà văn hóa thôn Đông.")],
     ["Các hộ đưa chó, mèo đến tiêm phòng Nhà văn hóa thôn Đông."]),  # eight words
    # … a line as long as a wrapped line goes on, one a character longer was a whole paragraph
    ([piece(AT_WIDTH), piece("Thôn Đông tiêm vào sáng thứ Hai.")],
     [AT_WIDTH + " Thôn Đông tiêm vào sáng thứ Hai."]),
    ([piece(AT_WIDTH + "a"), piece("Thôn Đông tiêm vào sáng thứ Hai.")],
     [AT_WIDTH + "a", "Thôn Đông tiêm vào sáng thứ Hai."]),
    # … not a line of seven words (a title, a label's words) …
    ([piece("Lịch tiêm phòng dại cho chó, mèo"), piece("Nhà văn hóa thôn Đông.")],
     ["Lịch tiêm phòng dại cho chó, mèo", "Nhà văn hóa thôn Đông."]),
    # … unless it ends with a word no sentence ends with
    ([piece("Thực hiện Kế hoạch của huyện và"), piece("Chỉ thị số 31/CT-UBND của tỉnh.")],
     ["Thực hiện Kế hoạch của huyện và Chỉ thị số 31/CT-UBND của tỉnh."]),
    # … nor after a blank line, a colon, a change between capitals and small letters
    ([piece(LONG), piece("Ủy ban nhân dân xã thông báo lịch tiêm phòng như sau:", gap=True)],
     [LONG, "Ủy ban nhân dân xã thông báo lịch tiêm phòng như sau:"]),
    ([piece(LONG), piece("Ở các thôn, tổ dân phố tổ chức tiêm vào buổi sáng.", gap=True)],
     [LONG, "Ở các thôn, tổ dân phố tổ chức tiêm vào buổi sáng."]),
    ([piece("Ủy ban nhân dân xã Tân Lập thông báo lịch tiêm phòng như sau:"),
      piece("Thôn Đông tiêm vào sáng thứ Hai, thôn Tây vào sáng thứ Ba.")],
     ["Ủy ban nhân dân xã Tân Lập thông báo lịch tiêm phòng như sau:",
      "Thôn Đông tiêm vào sáng thứ Hai, thôn Tây vào sáng thứ Ba."]),
    ([piece(LONG), piece("KẾT QUẢ THỰC HIỆN")], [LONG, "KẾT QUẢ THỰC HIỆN"]),
    # a quotation opening a new paragraph after a blank line
    ([piece("Hưởng ứng Ngày Môi trường thế giới 5/6 năm 2025"),
      piece("“Chấm dứt ô nhiễm nhựa” là chủ đề của năm nay.", gap=True)],
     ["Hưởng ứng Ngày Môi trường thế giới 5/6 năm 2025",
      "“Chấm dứt ô nhiễm nhựa” là chủ đề của năm nay."]),
    # a line longer than a wrapped line was a whole paragraph: a capital after it starts anew …
    ([piece(WHOLE + " theo quy định"), piece("Thôn Đông tiêm vào sáng thứ Hai.")],
     [WHOLE + " theo quy định", "Thôn Đông tiêm vào sáng thứ Hai."]),
    # … unless a page break cut its sentence after a comma or a word no sentence ends with
    ([piece(WHOLE + " trên các cổng trực tuyến,"), piece("TTHC giao dịch thanh toán trực tuyến.")],
     [WHOLE + " trên các cổng trực tuyến, TTHC giao dịch thanh toán trực tuyến."]),
    ([piece(WHOLE + " ngày 17/01/2023 của"), piece("UBND huyện; đồng thời tham mưu.")],
     [WHOLE + " ngày 17/01/2023 của UBND huyện; đồng thời tham mưu."]),
    # a sentence that opens a paragraph starts anew after a line without its full stop
    ([piece(LONG), piece("Theo đó, các hộ đưa chó, mèo đi tiêm phòng tại nhà văn hóa thôn.")],
     [LONG, "Theo đó, các hộ đưa chó, mèo đi tiêm phòng tại nhà văn hóa thôn."]),
    # a Markdown heading is its own paragraph
    ([piece(LONG), piece("Kết quả tiêm phòng đợt 1", heading=True)],
     [LONG, "Kết quả tiêm phòng đợt 1"]),
    # a bare label takes the text below it
    ([piece("Điều 1."), piece("Ban hành kèm theo Quyết định này Quy chế tiếp nhận phản ánh.")],
     ["Điều 1. Ban hành kèm theo Quyết định này Quy chế tiếp nhận phản ánh."]),
])
def test_pieces_become_paragraphs(pieces, expected):
    assert texts(*pieces) == expected


def test_a_paragraph_keeps_its_lines_and_pieces():
    first, second = piece("Các hộ gia đình chủ động tiêm"), piece("phòng cho đàn chó, mèo.")
    (para,) = paragraphs_of([first, second])
    assert para.lines == ["Các hộ gia đình chủ động tiêm", "phòng cho đàn chó, mèo."]
    assert para.pieces == [first, second]


def tree(*pieces: Piece):
    preamble, roots = build_tree(paragraphs_of(list(pieces)))
    return [p.text for p in preamble], roots


def shape(blocks) -> list:
    """(type, label, children) of a tree, for comparison."""
    return [(b.type, b.label, shape(b.children)) for b in blocks]


@pytest.mark.parametrize(("lines", "expected"), [
    # a chapter holds its articles
    (["Chương I. QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh", "Điều 2. Đối tượng áp dụng",
      "Chương II. TỔ CHỨC THỰC HIỆN"],
     [("heading", "Chương I", [("heading", "Điều 1", []), ("heading", "Điều 2", [])]),
      ("heading", "Chương II", [])]),
    # a part in Roman numerals holds its numbered items
    (["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu", "II. NỘI DUNG"],
     [("heading", "I", [("heading", "1", []), ("heading", "2", [])]),
      ("heading", "II", [])]),
    # an article holds its lettered points
    (["Điều 1. Phạm vi điều chỉnh", "a) Việc tiếp nhận phản ánh, kiến nghị của người dân.",
      "b) Việc trả lời phản ánh, kiến nghị.", "Điều 2. Hiệu lực thi hành"],
     [("heading", "Điều 1", [("item", "a", []), ("item", "b", [])]),
      ("heading", "Điều 2", [])]),
    # an item holds its lettered points
    (["1. Thời gian tiêm phòng", "a) Đợt 1 từ ngày 15/5/2025 đến ngày 20/5/2025.",
      "b) Đợt 2 từ ngày 15/10/2025 đến ngày 20/10/2025.", "2. Địa điểm tiêm phòng"],
     [("heading", "1", [("item", "a", []), ("item", "b", [])]), ("heading", "2", [])]),
    # sub-items one level down, then back up
    (["1. Tiêm phòng", "1.1. Tiêm cho chó, mèo nuôi tại hộ gia đình.",
      "1.2. Tiêm bổ sung cho chó, mèo mới nuôi.", "2. Vệ sinh chuồng trại"],
     [("heading", "1", [("item", "1.1", []), ("item", "1.2", [])]), ("heading", "2", [])]),
])
def test_labelled_paragraphs_nest(lines, expected):
    preamble, roots = tree(*(piece(line) for line in lines))
    assert preamble == []
    assert shape(roots) == expected


def test_a_paragraph_after_a_bullet_belongs_to_the_item_not_to_the_bullet():
    preamble, roots = tree(
        piece("Ủy ban nhân dân xã thông báo như sau:"),
        piece("1. Các thôn thực hiện:"),
        piece("- Lập danh sách hộ nuôi chó, mèo;"),
        piece("Việc tiêm phòng là bắt buộc đối với mọi hộ nuôi chó, mèo trên địa bàn xã.",
              gap=True))
    assert preamble == ["Ủy ban nhân dân xã thông báo như sau:"]
    assert shape(roots) == [("heading", "1", [("bullet", "", []), ("paragraph", "", [])])]


def test_a_paragraph_after_an_item_stays_in_it():
    _, roots = tree(piece("1. Thời gian tiêm phòng"),
                    piece("Buổi sáng từ 7 giờ đến 10 giờ, buổi chiều từ 14 giờ đến 16 giờ.",
                          gap=True))
    assert shape(roots) == [("heading", "1", [("paragraph", "", [])])]


def test_a_marked_heading_without_label_heads_the_items_below_it():
    _, roots = tree(piece("Kết quả tiêm phòng đợt 1", heading=True),
                    piece("1. Thôn Đông tiêm 120 con chó, 45 con mèo."),
                    piece("2. Thôn Tây tiêm 98 con chó, 30 con mèo."))
    assert shape(roots) == [("heading", "", [("item", "1", []), ("item", "2", [])])]
    assert roots[0].text == "Kết quả tiêm phòng đợt 1"


@pytest.mark.parametrize(("text", "heading", "kind"), [
    ("1. Thời gian tiêm phòng", False, "heading"),  # short, no full stop
    ("1. Thời gian: buổi sáng từ 7 giờ đến 10 giờ.", False, "item"),  # a full stop
    ("1. Các thôn lập danh sách hộ nuôi chó, mèo;", False, "item"),  # a semicolon
    # fourteen words without a stop is still a heading; fifteen is an item
    ("1. Tổ chức tiêm phòng cho cả đàn chó mèo nuôi trên địa bàn xã", False, "heading"),
    ("1. Tổ chức tiêm phòng cho cả đàn chó mèo nuôi trên địa bàn các xã", False, "item"),
    # a Markdown heading is a heading however it ends
    ("2. Các thôn rà soát, lập danh sách hộ nuôi chó, mèo và thông báo lịch tiêm đến từng hộ;",
     True, "heading"),
    # a part in Roman numerals is a heading however long
    ("II. Các thôn rà soát, lập danh sách hộ nuôi chó, mèo và thông báo lịch tiêm đến từng hộ.",
     False, "heading"),
])
def test_heading_or_item(text, heading, kind):
    _, roots = tree(piece(text, heading=heading))
    assert roots[0].type == kind


def test_a_bullet_keeps_its_text_without_the_dash_and_its_deadline():
    _, roots = tree(piece("1. Thời gian báo cáo"),
                    piece("-   Các thôn báo cáo kết quả trước ngày 30/5/2025."))
    bullet = roots[0].children[0]
    assert (bullet.type, bullet.text, bullet.deadlines) == (
        "bullet", "Các thôn báo cáo kết quả trước ngày 30/5/2025.", ["2025-05-30"])


def test_an_item_keeps_every_deadline_it_names():
    _, roots = tree(piece("1. Các thôn nộp danh sách chậm nhất là ngày 5/6/2025 và báo cáo "
                          "hạn chót ngày 10/6/2025."))
    assert roots[0].deadlines == ["2025-06-05", "2025-06-10"]


def test_a_paragraph_keeps_its_text_and_deadlines():
    text = "Mọi hộ nuôi chó, mèo hoàn thành việc tiêm phòng trước ngày 20/5/2025."
    _, roots = tree(piece("1. Thời gian tiêm phòng"), piece(text, gap=True))
    para = roots[0].children[0]
    assert (para.type, para.text, para.deadlines) == ("paragraph", text, ["2025-05-20"])
