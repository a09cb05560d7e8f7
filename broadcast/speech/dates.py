"""Dates, times and ranges read aloud: '26/6/2024', 'Quốc khánh 2/9', '15-22/5', '7h00-11h00',
'23:23:18', '2-3m', '20112020'. The conventions are in docs/speech.md."""

from __future__ import annotations

import calendar
import re

from broadcast.speech.numbers import NORTH, Dialect, read_int, roman_value

MONTHS = {1: "một", 4: "tư"}
# A word right before 'd/m' that makes it a date, not a share ('Sáng 10/8', 'Quốc khánh 2/9').
DATE_CUES = (r"(?i:ngày|sáng|trưa|chiều|tối|đêm|hôm|từ|đến|tới|trước|sau|lễ|dịp|tết|khánh|niệm"
             r"|mùng|mồng|hết|đầu|cuối|giữa|vào|hạn|tức|thứ\s+\w+|nhật|\()")
# Streets and squares named after a date: 'đường 3/2' is 'đường ba tháng hai', without 'mùng'.
STREET_CUES = r"(?i:đường|phố|quảng\s+trường|cầu|ngõ|hẻm)"
DM = r"\d{1,2}/\d{1,2}(?:/\d{4})?"
HALF_DAY = {"SA": "sáng", "AM": "sáng", "CH": "chiều", "PM": "chiều"}


def _month_word(month: int, dialect: Dialect) -> str:
    return MONTHS.get(month, read_int(month, dialect))


def _day_words(day: int, mung: bool, dialect: Dialect) -> str:
    prefix = "mùng " if mung and day <= 10 else ""
    return prefix + read_int(day, dialect)


def _date_words(day: int, month: int, year: int | None, mung: bool, dialect: Dialect) -> str:
    """(5, 6, 2024) → 'mùng năm tháng sáu năm hai nghìn không trăm hai mươi tư'."""
    spoken = f"{_day_words(day, mung, dialect)} tháng {_month_word(month, dialect)}"
    return spoken + (f" năm {read_int(year, dialect)}" if year is not None else "")


def _valid_date(day: int, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year or 2024, month)[1]


def _quarters(text: str, dialect: Dialect) -> str:
    """'quý II/2024' → 'quý hai năm hai nghìn …'."""
    def repl(m: re.Match[str]) -> str:
        quarter = roman_value(m[2]) or int(m[2])
        return f"{m[1]} {read_int(quarter, dialect)} năm {read_int(int(m[3]), dialect)}"
    return re.sub(r"\b([Qq]uý)\s+(IV|I{1,3}|[1-4])\s*/\s*(\d{4})\b", repl, text)


def _date_ranges(text: str) -> str:
    """The dash between two dates reads 'đến': '(19/5/1890 - 19/5/2024)'."""
    return re.sub(rf"(?<![\d/])({DM})\s*[-–]\s*({DM})(?![\d/])", r"\1 đến \2", text)


def _day_ranges(text: str, mung: bool, dialect: Dialect) -> str:
    """'15-22/5' → 'mười lăm đến hai mươi hai tháng năm'."""
    def repl(m: re.Match[str]) -> str:
        low, high, month = int(m["a"]), int(m["b"]), int(m["m"])
        if not (low < high and _valid_date(high, month, None)):
            return m[0]
        year = int(m["y"]) if m["y"] else None
        lead = _lead(m.string[max(0, m.start() - 20): m.start()])
        return (f"{lead}{_day_words(low, mung, dialect)} đến "
                f"{_date_words(high, month, year, mung, dialect)}")
    return re.sub(r"(?<![\d/.,])(?P<a>\d{1,2})\s*[-–]\s*(?P<b>\d{1,2})/(?P<m>\d{1,2})"
                  r"(?:/(?P<y>\d{4}))?(?![\d/])", repl, text)


def _full_dates(text: str, mung: bool, dialect: Dialect) -> str:
    """'26/6/2024', '5-7-2024', '15.01.2025' → 'ngày … tháng … năm …'."""
    def repl(m: re.Match[str]) -> str:
        day, month, year = int(m["d"]), int(m["m"]), int(m["y"])
        if not (1 <= day <= 31 and 1 <= month <= 12):  # '29/02/2023' is still read as a date
            return m[0]
        lead = "" if m["pre"] else "ngày "
        return f"{m['pre'] or ''}{lead}{_date_words(day, month, year, mung, dialect)}"
    return re.sub(r"(?P<pre>\b[Nn]gày\s+)?(?<![\d/.,-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})"
                  r"(?P=sep)(?P<y>(?:1[89]|20)\d\d)(?![\d/])", repl, text)


def _iso_dates(text: str, mung: bool, dialect: Dialect) -> str:
    """'2025-05-15' (a page's time stamp) → 'ngày mười lăm tháng năm năm …'."""
    def repl(m: re.Match[str]) -> str:
        year, month, day = int(m[1]), int(m[2]), int(m[3])
        if not _valid_date(day, month, year):
            return m[0]
        return f"ngày {_date_words(day, month, year, mung, dialect)}"
    return re.sub(r"(?<![\d/.-])((?:19|20)\d\d)-(\d\d)-(\d\d)(?![\d/-])", repl, text)


# Words around 'a/b' that make it a share, not a date ('đạt 9/10 tiêu chí', '2/3 số hộ').
SHARE_BEFORE = re.compile(r"(?i:đạt|được|chiếm|có|tỷ\s+lệ|khoảng|hơn|gần|trên|dưới|còn|với|là"
                          r"|bằng|tổng\s+số|điểm|trực|hoạt\s+động|phục\s+vụ|lớp|tổ|số|nhà|hẻm"
                          r"|kiệt|ngách|ngõ\s+số|khu\s+phố|ấp|thứ|hạng)\s*$")
SHARE_AFTER = re.compile(r"\s*(?:số|tổng|tiêu\s+chí|chỉ\s+tiêu|xã|phường|thị\s+trấn|thôn|tổ|hộ"
                         r"|người|đơn\s+vị|trường|điểm|cơ\s+quan|huyện|tỉnh|thành\s+viên"
                         r"|đại\s+biểu|ý\s+kiến|nội\s+dung|lượt|học\s+sinh|cán\s+bộ|phiếu"
                         r"|câu|môn|lớp|nhiệm\s+vụ|dự\s+án|công\s+trình|hồ\s+sơ|thủ\s+tục"
                         r"|phần|diện\s+tích|dân\s+số|ca|mẫu|chỉ\s+số)\b")
SMALL_SHARES = {(1, 2), (1, 3), (2, 3), (1, 4), (3, 4), (24, 7)}


def _is_day_month(m: re.Match[str]) -> bool:
    """A 'd/m' without a year is a date when a date word is before it, another date beside it;
    it is a share when a share's words are around it ('đạt 9/10 tiêu chí', '1/3 số hộ',
    'trực 24/7') or it is a common fraction; otherwise a date, as notices mostly mean."""
    before, after = m.string[max(0, m.start() - 30): m.start()], m.string[m.end():]
    if re.search(rf"(?:{DATE_CUES}|{STREET_CUES})\s*$", before):
        return True
    if re.search(r"\b[Nn]gày\b[^,.;:()]{0,30}$", before) or re.match(r"\s*âm lịch", after):
        return True
    if re.search(r"\d{1,2}/\d{1,2}\s*(?:,|và|hoặc|đến|tới|-|–)\s*$", before):
        return True
    if re.match(r"\s*(?:đến|tới|-|–|và|hoặc)\s*\d{1,2}/\d{1,2}", after):
        return True
    share = (SHARE_BEFORE.search(before) or SHARE_AFTER.match(after)
             or (int(m["d"]), int(m["m"])) in SMALL_SHARES)
    return not share


def _lead(before: str, street: object = None) -> str:
    """'ngày ' before a date that does not already follow it (nor names a street)."""
    return "" if street or re.search(r"[Nn]gày\s*$", before) else "ngày "


def _day_months(text: str, mung: bool, dialect: Dialect) -> str:
    """'Quốc khánh 2/9' → 'Quốc khánh mùng hai tháng chín'; '9/10 tiêu chí' stays a share."""
    def repl(m: re.Match[str]) -> str:
        day, month = int(m["d"]), int(m["m"])
        if not _valid_date(day, month, None) or not _is_day_month(m):
            return m[0]
        before = m.string[max(0, m.start() - 20): m.start()]
        street = re.search(rf"{STREET_CUES}\s*$", before)
        return (f"{_lead(before, street)}"
                f"{_date_words(day, month, None, mung and not street, dialect)}")
    return re.sub(r"(?<![\d/.,])(?<!\d[-–])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?![\d/]|[.,]\d)", repl,
                  text)


def _dashed_day_months(text: str, mung: bool, dialect: Dialect) -> str:
    """'ngày 8-3' → 'ngày mùng tám tháng ba'; 'Quốc tế thiếu nhi 1-6' likewise; '5-7 ngày' is
    a range and stays for read_ranges."""
    def repl(m: re.Match[str]) -> str:
        day, month = int(m["d"]), int(m["m"])
        if not _valid_date(day, month, None):
            return m[0]
        lead = "ngày " if m["cue"].lower().strip() != "ngày" else ""
        return f"{m['cue']}{lead}{_date_words(day, month, None, mung, dialect)}"
    cue = r"(?P<cue>\b(?:[Nn]gày|[Tt]hiếu\s+nhi|[Pp]hụ\s+nữ|[Ll]ao\s+động|[Qq]uốc\s+khánh)\s+)"
    return re.sub(rf"{cue}(?P<d>\d{{1,2}})-(?P<m>\d{{1,2}})(?![\d/-]|\s*(?:ngày|tháng|năm)\b)",
                  repl, text)


def read_dates(text: str, *, mung: bool = False, dialect: Dialect = NORTH) -> str:
    """'26/6/2024' → 'ngày hai mươi sáu tháng sáu năm hai nghìn không trăm hai mươi tư';
    'tháng 7/2024' → 'tháng bảy năm ...'; 'tháng 4' → 'tháng tư'; '14/14' is not a date."""
    def month_year(m: re.Match[str]) -> str:
        month = int(m["m"])
        if not 1 <= month <= 12:
            return m[0]
        year = f" năm {read_int(int(m['y']), dialect)}" if m["y"] else ""
        return f"{m['pre']}{_month_word(month, dialect)}{year}"

    text = _date_ranges(_quarters(text, dialect))
    text = _full_dates(_day_ranges(_iso_dates(text, mung, dialect), mung, dialect), mung, dialect)
    text = _dashed_day_months(_day_months(text, mung, dialect), mung, dialect)
    text = re.sub(r"(?P<pre>\b[Nn]gày\s+)(?P<d>\d{1,2})(?=\s+tháng\s+\d|\s*[;,(]|\s*$"
                  r"|\s+(?:đến|và|-|–)\s+(?:ngày\b|\d))",
                  lambda m: m["pre"] + _day_words(int(m["d"]), mung, dialect), text)
    return re.sub(r"(?P<pre>\b[Tt]háng\s+)(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4})\b)?(?![\d,.]\d)",
                  month_year, text)


TIME = r"\d{1,2}(?:\s?h\s?\d{2}|h|g\d{2}|:\d{2})'?"
CLOCK = r"\d{1,2} giờ(?: \d{1,2})?(?: phút)?"


def read_times(text: str, *, dialect: Dialect = NORTH) -> str:
    """'7h30', '7g30' → 'bảy giờ ba mươi phút', '14:00' → 'mười bốn giờ', '23:23:18' → '… giờ
    … phút … giây', '11:20:00 SA' → '… sáng', '7h00-11h00' → 'bảy giờ đến mười một giờ'."""
    def repl(m: re.Match[str]) -> str:
        hour, minute, second = int(m["h"]), int(m["min"] or 0), int(m["s"] or 0)
        if hour > 24 or minute > 59 or second > 59:
            return m[0]
        spoken = f"{read_int(hour, dialect)} giờ"
        spoken += f" {read_int(minute, dialect)} phút" if minute or second else ""
        spoken += f" {read_int(second, dialect)} giây" if second else ""
        return spoken + (f" {HALF_DAY[m['half']]}" if m["half"] else "")

    text = re.sub(rf"(?<![\w:])({TIME})\s*[-–]\s*({TIME})(?![\w:])", r"\1 đến \2", text)
    text = re.sub(rf"(?<![\w:])({CLOCK})\s*[-–]\s*({CLOCK})(?![\w:])", r"\1 đến \2", text)
    text = re.sub(r"\b(\d{1,2}) giờ (\d{2})\b(?!\s*phút)(?![.,]\d)",
                  _clock, text)
    half = r"(?:\s?(?P<half>SA|CH|AM|PM)\b)?"
    clock = r"\b(?P<h>[01]?\d|2[0-4]):(?P<min>[0-5]\d)(?::(?P<s>[0-5]\d)(?:\.\d+)?)?\b"
    text = re.sub(clock + half, repl, text)
    text = re.sub(r"\b(?P<h>\d{1,2})g(?P<min>\d{2})(?P<s>)(?P<half>)(?![\w])", repl, text)
    return re.sub(r"\b(?P<h>\d{1,2})\s?h\s?(?P<min>\d{2})?(?P<s>)(?P<half>)(?:'|p|ph)?(?![\w])",
                  repl, text)


def _clock(m: re.Match[str]) -> str:
    """'7 giờ 30' → '7 giờ 30 phút', '10 giờ 00' → '10 giờ'."""
    minute = int(m[2])
    if minute > 59:
        return m[0]
    return f"{m[1]} giờ" + (f" {minute} phút" if minute else "")


NUM = r"\d+(?:[.,]\d+)*"
GLUED_UNIT = r"(?:km2|km²|km|m2|m²|m3|m³|cm|mm|m|ha|kg|°C|%|ml|l|đ)"


def _amount(text: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        text = text.replace(".", "")
    return float(text.replace(",", "."))


def read_ranges(text: str, *, dialect: Dialect = NORTH) -> str:
    """'2021-2030' → '2021 đến 2030', '2-3m' → '2 đến 3m', '38-39°C', '20112020' (two years
    glued together) → '2011 đến 2020'. The numbers are read by later rules."""
    def repl(m: re.Match[str]) -> str:
        return f"{m[1]} đến {m[2]}" if _amount(m[1]) < _amount(m[2]) else m[0]

    def years(m: re.Match[str]) -> str:
        low, high = int(m[1]), int(m[2])
        return f"{m[1]} đến {m[2]}" if 0 < high - low <= 50 else m[0]

    text = re.sub(rf"(?<![\w/.,-])({NUM})\s*[-–]\s*({NUM})(?={GLUED_UNIT}?(?![\w/-]|[.,]\d))",
                  repl, text)
    return re.sub(r"(?<![\w.,/])((?:19|20)\d\d)((?:19|20)\d\d)(?![\w.,/])", years, text)
