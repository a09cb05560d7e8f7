"""Reading numbers aloud in Vietnamese, the way an announcer says them.

Northern usage by default (nghìn, linh, hai mươi tư); ``SOUTH`` gives ngàn, lẻ, hai mươi bốn.
"""

from __future__ import annotations

from dataclasses import dataclass

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
MAX_NUMBER = 10**15
ORDINALS = {1: "nhất", 4: "tư"}


@dataclass(frozen=True)
class Dialect:
    """Words that differ between Northern and Southern announcers."""

    thousand: str = "nghìn"
    zero_tens: str = "linh"
    four_after_tens: str = "tư"


NORTH = Dialect()
SOUTH = Dialect(thousand="ngàn", zero_tens="lẻ", four_after_tens="bốn")


def _tens_units(tens: int, units: int, dialect: Dialect) -> list[str]:
    """Words for the last two digits of a group, given that something stands before them."""
    if tens == 0:
        return [] if units == 0 else [dialect.zero_tens, DIGITS[units]]
    words = ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    if units == 1:
        words.append("một" if tens == 1 else "mốt")
    elif units == 4:
        words.append("bốn" if tens == 1 else dialect.four_after_tens)
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(DIGITS[units])
    return words


def _group(n: int, full: bool, dialect: Dialect) -> list[str]:
    """Words for 0 < n < 1000. ``full`` reads a zero hundreds digit ("không trăm")."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    if hundreds == 0 and not full:
        if tens == 0:
            return [DIGITS[units]]
        return _tens_units(tens, units, dialect)
    return [DIGITS[hundreds], "trăm", *_tens_units(tens, units, dialect)]


def _below_billion(n: int, full: bool, dialect: Dialect) -> list[str]:
    words: list[str] = []
    for scale, name in ((10**6, "triệu"), (10**3, dialect.thousand), (1, "")):
        part, n = divmod(n, scale)
        if part:
            words += _group(part, full, dialect)
            if name:
                words.append(name)
            full = True
    return words


def _words(n: int, full: bool, dialect: Dialect) -> list[str]:
    billions, rest = divmod(n, 10**9)
    if not billions:
        return _below_billion(rest, full, dialect)
    words = [*_words(billions, full, dialect), "tỷ"]
    if rest:
        words += _below_billion(rest, True, dialect)
    return words


def read_int(n: int, dialect: Dialect = NORTH) -> str:
    """2024 → 'hai nghìn không trăm hai mươi tư'; 105 → 'một trăm linh năm'."""
    if n < 0:
        return "âm " + read_int(-n, dialect)
    if n > MAX_NUMBER:
        return read_digits(str(n))
    if n == 0:
        return "không"
    return " ".join(_words(n, False, dialect))


def read_digits(digits: str) -> str:
    """'0905' → 'không chín không năm' (phone numbers, long codes)."""
    return " ".join(DIGITS[int(d)] for d in digits if d.isdigit())


def read_fraction_digits(digits: str, dialect: Dialect = NORTH) -> str:
    """The part after the decimal comma: '96' → 'chín mươi sáu', '05' → 'không năm'."""
    if len(digits) > 3:
        return read_digits(digits)
    stripped = digits.lstrip("0")
    zeros = ["không"] * (len(digits) - len(stripped))
    return " ".join([*zeros, read_int(int(stripped), dialect)] if stripped else zeros)


def read_decimal(integer: str, fraction: str, dialect: Dialect = NORTH) -> str:
    """('85', '96') → 'tám mươi lăm phẩy chín mươi sáu'."""
    whole = read_int(int(integer or "0"), dialect)
    if not fraction:
        return whole
    return f"{whole} phẩy {read_fraction_digits(fraction, dialect)}"


ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_value(token: str) -> int | None:
    """'XIV' → 14; None for anything that is not a well-formed numeral below 100 ('IIII', 'vi')."""
    if not token or any(ch not in ROMAN_VALUES for ch in token):
        return None
    values = [ROMAN_VALUES[ch] for ch in token]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v
                for i, v in enumerate(values))
    return total if 0 < total < 100 and _to_roman(total) == token else None


def _to_roman(n: int) -> str:
    out = ""
    for value, sym in ((90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                       (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out += sym * count
    return out


def read_ordinal(n: int, dialect: Dialect = NORTH) -> str:
    """1 → 'nhất', 4 → 'tư', 2 → 'hai' (after 'thứ')."""
    return ORDINALS.get(n, read_int(n, dialect))
