"""The guard's finer points: accents taken off letter for letter, the quoted line clipped at 80
characters, the sample of a text a PDF damaged, and which dropped lines of the page count as
read aloud."""

import pytest

from broadcast.document import Directive, Dropped
from broadcast.document.guard import damaged, find_leak, plain

DAMAGED_WHAT = "chữ bị mất hoặc sai dấu, thường do chép từ PDF lỗi phông"
PAGE_WHAT = "dòng của trang web quanh văn bản"

# A Quốc hiệu whose font lost its accented letters: 11 words, 4 of them lone letters (C, H, I, T).
LOST = "C NG HOÀ XÃ H I CH NGHĨA VI T NAM"
# An ordinary sentence of 10 words, none of them broken.
FINE = "Bà con thực hiện tốt việc tiêm phòng gia súc."


@pytest.mark.parametrize(("text", "expected"), [
    ("Số: 12/QĐ-UBND", "So: 12/QD-UBND"),
    ("Độc lập - Tự do - Hạnh phúc", "Doc lap - Tu do - Hanh phuc"),
    ("đường làng ngõ xóm", "duong lang ngo xom"),
    ("TM. ĐẢNG ỦY XÃ", "TM. DANG UY XA"),
])
def test_plain_takes_the_accents_off_letter_for_letter(text, expected):
    assert plain(text) == expected
    assert len(plain(text)) == len(text)


@pytest.mark.parametrize(("text", "what"), [
    ("TM. ĐẢNG ỦY", "khối chữ ký"),  # the body's name starts with Đ
    ("Số: 05/ĐA-UBND", "số, ký hiệu văn bản"),  # an Đề án's code starts with Đ
    ("độc lập – tự do – hạnh phúc", "Tiêu ngữ"),  # typed in small letters
    ("Cộng hòa xã hội chủ nghĩa Việt Nam", "Quốc hiệu"),  # a whole line, not in capitals
])
def test_markers_with_d_bar_or_in_small_letters_are_leaks(text, what):
    leak = find_leak(["Kính thưa bà con và các bạn.", text])
    assert leak is not None and (leak.what, leak.line) == (what, text)


def test_a_quoc_hieu_line_is_quoted_with_its_spacing_tidied():
    leak = find_leak(["  Cộng hòa   xã hội chủ nghĩa Việt Nam "])
    assert leak is not None
    assert (leak.what, leak.line) == ("Quốc hiệu", "Cộng hòa xã hội chủ nghĩa Việt Nam")


RECIPIENTS_80 = "Nơi nhận: - Như trên; - Thường trực HĐND huyện; - Các thôn, tổ dân phố; - Lưu VT"
RECIPIENTS_81 = RECIPIENTS_80 + "."


def test_a_leak_of_80_characters_is_quoted_whole():
    assert len(RECIPIENTS_80) == 80
    leak = find_leak([RECIPIENTS_80])
    assert leak is not None and leak.line == RECIPIENTS_80


def test_a_longer_leak_is_clipped_to_80_characters_with_an_ellipsis():
    assert len(RECIPIENTS_81) == 81
    leak = find_leak([RECIPIENTS_81])
    assert leak is not None and leak.what == "dòng Nơi nhận"
    assert len(leak.line) == 80 and leak.line.endswith("…")
    assert leak.line[:-1] == RECIPIENTS_81[:79]


def _words(text: str) -> int:
    return len(text.split())


THANKS = "Xin trân trọng cảm ơn bà con."  # 7 words


@pytest.mark.parametrize(("fine", "is_damaged"), [
    (20, True),  # 12 broken words of 33 + 200 + 7 = 240: exactly 5%, exactly 12
    (21, False),  # 12 broken words of 250: under 5%
])
def test_a_damaged_text_has_at_least_12_broken_words_and_5_percent(fine, is_damaged):
    text = " ".join([LOST] * 3 + [FINE] * fine + [THANKS])
    assert _words(text) == 33 + 10 * fine + 7
    assert bool(damaged(text)) is is_damaged


def test_fewer_than_12_broken_words_is_not_damage_even_in_a_short_text():
    text = f"{LOST} {LOST} T do – H nh phúc"  # 8 + 2 = 10 broken words of 28
    assert damaged(text) is None


@pytest.mark.parametrize(("text", "sample"), [
    # the first broken word is the first word: the sample starts there, 8 words long
    (" ".join([LOST] * 3), "C NG HOÀ XÃ H I CH NGHĨA"),
    # three words before the first broken one, and eight from it
    ("Hà Nội, ngày 08 tháng 11 năm 2006 " + " ".join([LOST] * 3),
     "11 năm 2006 C NG HOÀ XÃ H I CH NGHĨA"),
])
def test_the_sample_of_a_damaged_text_is_around_its_first_broken_word(text, sample):
    assert damaged(text) == sample


def test_find_leak_names_a_damaged_text_across_paragraphs():
    leak = find_leak(["Kính thưa bà con", " ".join([LOST] * 3)])
    assert leak is not None and leak.what == DAMAGED_WHAT
    assert leak.line == "thưa bà con C NG HOÀ XÃ H I CH NGHĨA"


def _notice(*dropped: str) -> Directive:
    return Directive(kind="thong_bao",
                     subject="Tổ chức tiêm phòng dại cho chó, mèo đợt 1 năm 2025",
                     dropped=[Dropped(i + 1, text, "trang web trước văn bản")
                              for i, text in enumerate(dropped)])


MENU = "Tin hoạt động xã"  # 4 words
HEADLINE = "Xã Tân Lập ra quân tổng vệ sinh môi trường"


@pytest.mark.parametrize(("dropped", "spoken", "leaks"), [
    # a page line of three words is too short to tell from the text's own words
    (["Văn bản mới"], ["Văn bản mới của huyện yêu cầu các thôn thực hiện ngay."], None),
    # four words is enough
    ([MENU], [f"Bà con thân mến, {MENU} tuần này có ba nội dung chính."], MENU),
    # a short line first does not end the search
    (["Văn bản mới", HEADLINE], [f"{HEADLINE} vào sáng chủ nhật."], HEADLINE),
    # read over two paragraphs, still read aloud word for word
    ([HEADLINE], ["Xã Tân Lập ra quân", "tổng vệ sinh môi trường vào sáng chủ nhật."], HEADLINE),
    # the page's title is part of the document's own title: not a leak …
    (["Tổ chức tiêm phòng dại cho chó, mèo"],
     ["Tổ chức tiêm phòng dại cho chó, mèo tại nhà văn hóa các thôn."], None),
    # … nor is a page title that holds the whole of it and more
    (["Thông báo tổ chức tiêm phòng dại cho chó, mèo đợt 1 năm 2025 - Cổng thông tin xã"],
     ["Thông báo tổ chức tiêm phòng dại cho chó, mèo đợt 1 năm 2025 - Cổng thông tin xã."],
     None),
    # and such a title before a real page line does not end the search
    (["Tổ chức tiêm phòng dại cho chó, mèo", HEADLINE], [f"{HEADLINE} vào sáng chủ nhật."],
     HEADLINE),
])
def test_which_dropped_lines_read_aloud_are_leaks(dropped, spoken, leaks):
    leak = find_leak(spoken, _notice(*dropped))
    if leaks is None:
        assert leak is None
    else:
        assert leak is not None and (leak.what, leak.line) == (PAGE_WHAT, leaks)


def test_dropped_lines_are_not_looked_at_without_the_directive():
    assert find_leak([f"{HEADLINE} vào sáng chủ nhật."]) is None
    assert find_leak([f"{HEADLINE} vào sáng chủ nhật."], _notice(HEADLINE)) is not None
