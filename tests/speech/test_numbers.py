import pytest
from hypothesis import given
from hypothesis import strategies as st

from broadcast.speech.numbers import SOUTH, read_decimal, read_int, read_ordinal

TABLE = [
    (0, "không"), (1, "một"), (4, "bốn"), (5, "năm"), (10, "mười"), (11, "mười một"),
    (14, "mười bốn"), (15, "mười lăm"), (20, "hai mươi"), (21, "hai mươi mốt"),
    (24, "hai mươi tư"), (25, "hai mươi lăm"), (55, "năm mươi lăm"), (85, "tám mươi lăm"),
    (100, "một trăm"), (101, "một trăm linh một"), (105, "một trăm linh năm"),
    (110, "một trăm mười"), (115, "một trăm mười lăm"), (151, "một trăm năm mươi mốt"),
    (1000, "một nghìn"), (1005, "một nghìn không trăm linh năm"),
    (1010, "một nghìn không trăm mười"), (1218, "một nghìn hai trăm mười tám"),
    (2015, "hai nghìn không trăm mười lăm"), (2024, "hai nghìn không trăm hai mươi tư"),
    (2115, "hai nghìn một trăm mười lăm"), (9001, "chín nghìn không trăm linh một"),
    (10000, "mười nghìn"), (21000, "hai mươi mốt nghìn"),
    (1_000_001, "một triệu không trăm linh một"),
    (1_500_000, "một triệu năm trăm nghìn"),
    (2_005_000, "hai triệu không trăm linh năm nghìn"),
    (1_000_000_000, "một tỷ"), (1_000_000_005, "một tỷ không trăm linh năm"),
    (1_234_000_000_000, "một nghìn hai trăm ba mươi tư tỷ"),
    (10**15, "một triệu tỷ"), (-5, "âm năm"),
]


@pytest.mark.parametrize(("number", "words"), TABLE)
def test_read_int_table(number, words):
    assert read_int(number) == words


@pytest.mark.parametrize(("number", "words"), [
    (2024, "hai ngàn không trăm hai mươi bốn"), (105, "một trăm lẻ năm"),
    (34, "ba mươi bốn"), (15, "mười lăm"),
])
def test_read_int_south(number, words):
    assert read_int(number, SOUTH) == words


@pytest.mark.parametrize(("integer", "fraction", "words"), [
    ("85", "96", "tám mươi lăm phẩy chín mươi sáu"),
    ("14", "591", "mười bốn phẩy năm trăm chín mươi mốt"),
    ("0", "12", "không phẩy mười hai"),
    ("7", "5", "bảy phẩy năm"),
    ("0", "05", "không phẩy không năm"),
])
def test_read_decimal(integer, fraction, words):
    assert read_decimal(integer, fraction) == words


@pytest.mark.parametrize(("n", "word"), [(1, "nhất"), (2, "hai"), (4, "tư"), (10, "mười")])
def test_read_ordinal(n, word):
    assert read_ordinal(n) == word


# An independent reference, written digit by digit over a zero-padded string.
UNITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _ref_three(h: int, t: int, u: int, leading: bool) -> list[str]:
    out = [] if leading and h == 0 else [UNITS[h], "trăm"]
    if t == 0 and u == 0:
        return out
    if t == 0:
        return [*out, "linh", UNITS[u]] if out else [UNITS[u]]
    out += ["mười"] if t == 1 else [UNITS[t], "mươi"]
    if u == 0:
        return out
    special = {5: "lăm", 1: "mốt" if t > 1 else "một", 4: "tư" if t > 1 else "bốn"}
    return [*out, special.get(u, UNITS[u])]


def reference(n: int) -> str:
    if n == 0:
        return "không"
    big, small = divmod(n, 10**9)
    words = [*reference(big).split(), "tỷ"] if big else []
    padded = f"{small:09d}"
    for i, name in enumerate(("triệu", "nghìn", "")):
        h, t, u = (int(c) for c in padded[3 * i: 3 * i + 3])
        if h == t == u == 0:
            continue
        words += _ref_three(h, t, u, leading=not words) + ([name] if name else [])
    return " ".join(words)


@given(st.integers(min_value=0, max_value=10**15))
def test_read_int_matches_reference(n):
    assert read_int(n) == reference(n)


@given(st.integers(min_value=0, max_value=2_000_000))
def test_read_int_small_matches_reference(n):
    assert read_int(n) == reference(n)


@pytest.mark.parametrize(("token", "value"), [
    ("I", 1), ("IV", 4), ("XIV", 14), ("XL", 40), ("XCIX", 99),
    ("IIII", None), ("VX", None), ("vi", None), ("3", None), ("", None), ("C", None),
])
def test_roman_value_reads_only_well_formed_numerals(token, value):
    from broadcast.speech.numbers import roman_value

    assert roman_value(token) == value
