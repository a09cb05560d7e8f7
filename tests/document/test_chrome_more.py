"""Where the page's lines end and the document's begin: a web address with a few words around it
(at most 20 characters and 5 words in all), and menu items inside table pipes."""

import pytest

from broadcast.document import chrome

URL = "https://tanlap.gov.vn/van-ban/tb-21"


@pytest.mark.parametrize(("line", "why"), [
    (f"Toàn văn Kế hoạch: {URL}", "địa chỉ web"),  # 19 characters around it, 5 words
    (f"Toàn văn Thông báo: {URL}", "địa chỉ web"),  # 20 characters, 5 words
    (f"Toàn văn Quyết định: {URL}", None),  # 21 characters: a sentence that names an address
    (f"Xem văn bản gốc ở: {URL}", None),  # 19 characters, but 6 words
])
def test_a_web_address_with_few_words_around_it_is_the_pages(line, why):
    assert chrome.reason(line) == why


@pytest.mark.parametrize("line", [
    "| Chia sẻ |", "| In trang |", "Xem thêm", "| Xem thêm |", "Xem tiếp", "| Xem chi tiết",
])
def test_menu_items_inside_table_pipes_are_the_pages(line):
    assert chrome.reason(line) == "nút, mục của trang"
