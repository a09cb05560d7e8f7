"""Identifiers read the way a listener expects: telephone numbers, roads, mixed letter-and-digit
codes, unit rates ('đồng/hộ'), clause letters and the issuer of a law.

Each rule is ``str -> str`` with its table beside it; the conventions are in docs/speech.md.
"""

from __future__ import annotations

import re

from broadcast.speech.numbers import NORTH, Dialect, read_digits, read_int, roman_value

# Letter names announcers use on air: short, without the school's second syllable.
LETTER_NAMES = {
    "A": "a", "B": "bê", "C": "xê", "D": "dê", "Đ": "đê", "E": "e", "F": "ép", "G": "gờ",
    "H": "hát", "I": "i", "J": "gi", "K": "ca", "L": "e lờ", "M": "em", "N": "en", "O": "o",
    "P": "pê", "Q": "quy", "R": "e rờ", "S": "ét", "T": "tê", "U": "u", "V": "vê", "W": "vê kép",
    "X": "ích", "Y": "i", "Z": "dét",
}


def letter_name(letter: str) -> str:
    return LETTER_NAMES.get(letter.upper(), letter)


# --- telephone numbers -------------------------------------------------------------------------

PHONE_WORDS = (r"(?i:gọi|điện\s+thoại|SĐT|ĐT\s*:|ĐTDĐ|đường\s+dây\s+nóng|tổng\s+đài|hotline"
               r"|liên\s+hệ|số\s+máy|fax|zalo)")
# Words that may stand between the cue and the number ('gọi ngay 114', 'điện thoại số: 0239…').
PHONE_FILLER = (r"(?:\s*(?:ngay|đến|tới|cho|số|qua|theo|miễn\s+phí|cố\s+định|di\s+động|"
                r"trực|liên\s+hệ|\(\d{2,4}\)|:|,)\s*)*")
GROUPED = r"\+?\d+(?:[ .\-]\d+)*"
EMERGENCY = r"11[1-6]"
EMERGENCY_CUES = re.compile(r"(?i:gọi|cứu|cấp cứu|cảnh sát|công an|cháy|khẩn|đường dây|tổng đài"
                            r"|hotline|liên hệ|số điện thoại|PCCC|CNCH)")
# After an emergency number, these words do not make it a count ('113 hộ' is a count).
NOT_A_COUNT = re.compile(r"\s+(?:hoặc|hay|và|để|khi|ngay|nếu|miễn|trong|khẩn|[(–-])"
                         r"|\s*(?:[^\w\s]|$)")


def _phone_groups(number: str) -> str:
    number = re.sub(r"^\+84[ .-]?", "0", number).lstrip("+")
    groups = [g for g in re.split(r"[ .\-]", number) if g]
    return ", ".join(read_digits(g) if g.isdigit() else g for g in groups)


def _is_phone(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    first = re.match(r"\+?\d+", number)[0]
    if len(first) < 3 or re.search(r"\d{1,2}[.-]\d{1,2}[.-](?:19|20)\d\d", number):
        return False  # '06-10-2022 09' is a date and an hour
    return (digits.startswith("0") and 9 <= len(digits) <= 11) or bool(
        re.match(r"(?:1800|1900)\d{4,6}$", digits)) or number.startswith("+84")


IDENTIFIER_CUES = (r"(?i:mã\s+số\s+thuế|MST|số\s+tài\s+khoản|STK|tài\s+khoản(?:\s+số)?|số\s+CCCD"
                   r"|số\s+CMND|số\s+định\s+danh(?:\s+cá\s+nhân)?|mã\s+hồ\s+sơ|mã\s+số)")


def read_identifiers(text: str) -> str:
    """'mã số thuế 3000123456' → '… ba không không không một hai ba bốn năm sáu': a number
    that names something is read digit by digit, in its written groups."""
    return re.sub(rf"(?P<cue>{IDENTIFIER_CUES}\s*:?\s*)(?P<num>\d[\d .\-]*\d)(?![\d/])",
                  lambda m: m["cue"] + _phone_groups(m["num"]) if len(re.sub(r"\D", "",
                  m["num"])) >= 6 else m[0], text)


def read_phone_numbers(text: str) -> str:
    """'0239.3855.567' → 'không hai ba chín, ba tám năm năm, năm sáu bảy'; 'gọi ngay 114' →
    'gọi ngay một một bốn'; 'đường dây nóng 1900 9095' → '… một chín không không, chín …'."""
    text = re.sub(r"\((0\d{1,3})\)\s*[.-]?\s*(\d{3,4}[ .]?\d{3,4})(?![\d/])",
                  lambda m: f"{read_digits(m[1])}, {_phone_groups(m[2])}", text)
    cue = rf"(?P<cue>(?:{PHONE_WORDS}){PHONE_FILLER}\s*)"
    text = re.sub(rf"{cue}(?P<num>{GROUPED})(?![\d/])",
                  lambda m: m["cue"] + _phone_groups(m["num"])
                  if not _date_or_amount(m["num"]) else m[0], text)
    text = re.sub(rf"(?<![\w.,/])(?P<num>{GROUPED})(?![\w/]|[.,]\d)",
                  lambda m: _phone_groups(m["num"]) if _is_phone(m["num"]) else m[0], text)
    return re.sub(rf"(?<![\w.,/]){EMERGENCY}(?![\w/.,]\d|\d)", _emergency, text)


def _date_or_amount(number: str) -> bool:
    """'gọi 2 lần' or 'liên hệ 1.500.000 đồng': not a telephone number."""
    digits = re.sub(r"\D", "", number)
    return len(digits) < 3 or bool(re.fullmatch(r"\d{1,3}(?:\.\d{3})+", number))


def _emergency(m: re.Match[str]) -> str:
    before, after = m.string[max(0, m.start() - 40): m.start()], m.string[m.end():]
    if EMERGENCY_CUES.search(before) and NOT_A_COUNT.match(after):
        return read_digits(m[0])
    return m[0]


# --- roads ---------------------------------------------------------------------------------------

ROADS = {"QL": "quốc lộ", "ĐT": "đường tỉnh", "TL": "tỉnh lộ", "HL": "hương lộ",
         "ĐH": "đường huyện", "ĐX": "đường xã", "ĐCT": "đường cao tốc"}


def read_roads(text: str, *, dialect: Dialect = NORTH) -> str:
    """'QL1A' → 'quốc lộ một a', 'ĐT 741' → 'đường tỉnh bảy trăm bốn mươi mốt'. 'ĐT' followed by
    a telephone number is not a road (telephone numbers were read before)."""
    def repl(m: re.Match[str]) -> str:
        kind = m["kind"] or m.groupdict().get("kind2")
        spoken = f"{ROADS[kind]} {read_int(int(m['num']), dialect)}"
        return spoken + (f" {letter_name(m['suffix'])}" if m["suffix"] else "")
    kinds = "|".join(sorted(ROADS, key=len, reverse=True))
    # Glued, only 'QL14' or with a period ('ĐT.741'): 'ĐT100' is a rice variety, 'CT01' a form.
    glued = (rf"(?<![\w/.-])(?:(?P<kind>QL|TL|HL)|(?P<kind2>{kinds})\.)(?P<num>\d{{1,3}})"
             r"(?P<suffix>[A-Z]?)(?![\w/])")
    spaced = (r"(?<![\w/.-])(?P<kind>QL|ĐT|TL|HL|ĐH)\.?\s+(?P<num>\d{1,3})(?P<suffix>[A-Z]?)"
              r"(?![\w/]|[.,]\d)")
    text = re.sub(spaced, repl, re.sub(glued, repl, text))
    return re.sub(r"(?<![\w/])K[Mm]\s?(\d{1,4})(?:\s?\+\s?(\d{1,3}))?(?![\w/.,]\d|\w)",
                  _milestone, text)


def _milestone(m: re.Match[str]) -> str:
    """'Km 12+500' → 'ki lô mét mười hai cộng năm trăm', 'cầu Km5' → 'cầu ki lô mét năm'."""
    spoken = f"ki lô mét {read_int(int(m[1]))}"
    return spoken + (f" cộng {read_int(int(m[2]))}" if m[2] else "")


# --- vehicle plates -------------------------------------------------------------------------------

PLATE = re.compile(r"(?P<cue>\b(?:[Bb]iển\s+(?:số|kiểm\s+soát)|BKS)\s*:?\s*)(?P<area>\d{2})"
                   r"(?P<series>[A-ZĐ]{1,2}\d?)\s*[-–]?\s*(?P<num>\d{3}\.\d{2}|\d{4,5})(?![\d.])")


def read_plates(text: str, *, dialect: Dialect = NORTH) -> str:
    """'biển số 66A - 071.76' → 'biển số sáu mươi sáu a, không bảy một chấm bảy sáu'."""
    def repl(m: re.Match[str]) -> str:
        series = " ".join(_code_part(p, dialect) for p in re.findall(r"\d+|[A-ZĐ]", m["series"]))
        number = " chấm ".join(read_digits(p) for p in m["num"].split("."))
        return f"{m['cue']}{read_int(int(m['area']), dialect)} {series}, {number}"
    return PLATE.sub(repl, text)


# --- codes of letters and digits ------------------------------------------------------------

MIXED = re.compile(r"(?<![\w/.-])(?=[A-ZĐ0-9/]*\d)(?=[0-9/]*[A-ZĐ])[A-ZĐ0-9]+(?:/[A-ZĐ0-9]+)*"
                   r"(?![\w/-])")


def _code_part(part: str, dialect: Dialect) -> str:
    if part.isdigit():
        short = len(part) <= 4 and not (part.startswith("0") and len(part) > 1)
        return read_int(int(part), dialect) if short else read_digits(part)  # 'CT01': không một
    return " ".join(letter_name(ch) for ch in part)


def read_mixed_codes(text: str, *, dialect: Dialect = NORTH) -> str:
    """'H5N1' → 'hát năm en một', 'A/H5N1' → 'a hát năm en một', 'F0' → 'ép không',
    'II.3' (a section of part II) → 'hai chấm ba'."""
    def repl(m: re.Match[str]) -> str:
        parts = re.findall(r"\d+|[A-ZĐ]", m[0])
        return " ".join(_code_part(p, dialect) for p in parts)

    def section(m: re.Match[str]) -> str:
        value = roman_value(m[1])
        return _dotted(f"{value}.{m[2]}", dialect) if value and value <= MAX_SECTION else m[0]

    text = re.sub(rf"\b({SECTION_WORDS})\s+(\d{{1,2}}(?:\.\d{{1,2}})+)\.?(?![\d]|[.,]\d)",
                  lambda m: f"{m[1]} {_dotted(m[2], dialect)}", text)
    text = re.sub(r"(?<![\w.,])\d{1,2}(?:\.\d{1,2}){2,}(?![\w]|[.,]\d)",
                  lambda m: _dotted(m[0], dialect), text)
    # 'Điều 9a', 'số 12b': a number with a letter after it (not a unit: 10g, 5m, 2h, 3l)
    text = re.sub(r"(?<![\w.,])(\d{1,4})([abcdefiknopqrtuvxyđ])(?!\w)",
                  lambda m: f"{read_int(int(m[1]), dialect)} {letter_name(m[2])}", text)
    text = re.sub(r"(?<![\w.])([IVX]{1,4})\.(\d{1,2}(?:\.\d{1,2})*)(?![\w]|\.\d)", section, text)
    return MIXED.sub(repl, text)


SECTION_WORDS = (r"[Mm]ục|[Pp]hần|[Tt]iểu\s+mục|[Cc]hương|[Đđ]iều|[Kk]hoản|[Nn]ội\s+dung|[Bb]iểu"
                 r"|[Pp]hụ\s+lục|[Tt]iết")


def _dotted(number: str, dialect: Dialect) -> str:
    """'2.3.1' → 'hai chấm ba chấm một'."""
    return " chấm ".join(read_int(int(p), dialect) for p in number.split("."))


MAX_SECTION = 12  # 'II.3' is a section of part II; parts run from I to XII


# --- unit rates ----------------------------------------------------------------------------------

PER = {"hộ gia đình": "hộ gia đình", "nhân khẩu": "nhân khẩu", "học sinh": "học sinh",
       "hộ": "hộ", "người": "người", "năm": "năm", "tháng": "tháng", "tuần": "tuần",
       "ngày": "ngày", "đêm": "đêm", "giờ": "giờ", "phút": "phút", "lượt": "lượt",
       "buổi": "buổi", "lần": "lần", "con": "con", "khẩu": "khẩu", "suất": "suất", "vụ": "vụ",
       "sào": "sào", "mẫu": "mẫu", "cháu": "cháu", "trẻ": "trẻ", "lớp": "lớp", "ca": "ca",
       "đợt": "đợt", "quý": "quý", "kỳ": "kỳ", "chiếc": "chiếc", "cái": "cái", "bộ": "bộ",
       "hồ sơ": "hồ sơ", "thửa": "thửa", "km2": "ki lô mét vuông", "km²": "ki lô mét vuông",
       "ha": "héc ta", "m2": "mét vuông", "m²": "mét vuông", "m3": "mét khối",
       "m³": "mét khối", "km": "ki lô mét", "kg": "ki lô gam", "tấn": "tấn", "tạ": "tạ",
       "lít": "lít", "l": "lít", "m": "mét", "s": "giây", "h": "giờ", "giây": "giây",
       "lọ": "lọ", "viên": "viên", "liều": "liều", "chai": "chai", "bao": "bao", "gói": "gói",
       "hộp": "hộp", "thùng": "thùng", "túi": "túi", "bình": "bình", "xe": "xe", "chuyến": "chuyến",
       "cây": "cây", "căn": "căn", "bữa": "bữa", "tiết": "tiết", "trận": "trận", "km/h": "giờ",
       "đầu người": "đầu người", "tổ chức": "tổ chức", "cơ sở": "cơ sở", "đơn vị": "đơn vị",
       "ml": "mi li lít", "mg": "mi li gam", "g": "gam", "cm": "xăng ti mét"}
# Words that are measures themselves: 'lượt/người' is a rate even without a number before it.
MEASURES = {"đồng", "tạ", "tấn", "kg", "lượt", "buổi", "lần", "km", "m", "m2", "m3", "ha",
            "lít", "suất", "cây", "con", "triệu", "nghìn", "tỷ"}
MONEY = r"(?:đồng|USD|VNĐ|VND|triệu|nghìn|tỷ)"


def _rate_context(m: re.Match[str]) -> bool:
    if m["left"] in MEASURES:
        return True
    before = m.string[max(0, m.start() - 24): m.start()]
    return bool(re.search(r"\d|mỗi", before))


def read_unit_rates(text: str) -> str:
    """'1.500.000 đồng/hộ' → '… đồng mỗi hộ', '62,5 tạ/ha' → '… tạ mỗi héc ta',
    '15 kg gạo/người/tháng' → '… gạo mỗi người mỗi tháng', '2.500 m3/s' → '… m3 mỗi giây'."""
    def repl(m: re.Match[str]) -> str:
        if not _rate_context(m):
            return m[0]
        tail = re.findall(rf"/\s*({PER_ALTERNATIVES})", m["rest"])
        return m["left"] + "".join(f" mỗi {PER[t]}" for t in tail)

    # 'đồng/tổ chức/tháng': any payer between money and another rate
    text = re.sub(rf"\b({MONEY})\s?/\s?(?!{PER_ALTERNATIVES}\b)([a-zà-ỹđ]+(?:\s[a-zà-ỹđ]+)?)"
                  r"(?=\s?/)", r"\1 mỗi \2", text)
    return RATE.sub(repl, text)


PER_ALTERNATIVES = "|".join(re.escape(k) for k in sorted(PER, key=len, reverse=True))
RATE = re.compile(rf"(?P<left>[^\W\d_][\w²³]*)(?P<rest>(?:\s?/\s?(?:{PER_ALTERNATIVES})"
                  r"(?![\w²³]))+)")


# --- clause letters ------------------------------------------------------------------------------

CLAUSE_WORDS = r"(?:[Đđ]iểm|[Tt]iết|[Mm]ục|[Kk]hoản|[Pp]hụ\s+lục|[Bb]iểu|[Mm]ẫu|[Nn]hóm|[Hh]ạng)"


def read_clause_letters(text: str) -> str:
    """'điểm b khoản 2' → 'điểm bê khoản 2'; 'điểm a, b và c' → 'điểm a, bê và xê'; 'Phụ lục B'."""
    def letters(m: re.Match[str]) -> str:
        return re.sub(r"(?<![\w])[a-zđA-ZĐ](?![\w])", lambda x: letter_name(x[0]), m[0])
    one = r"[a-zđA-ZĐ](?=[\s,.;:)]|$)"
    return re.sub(rf"\b{CLAUSE_WORDS}\s+{one}(?:(?:\s*,\s*|\s+(?:và|hoặc)\s+){one})*",
                  letters, text)


# --- issuers of laws and the government's acts ---------------------------------------------------

ISSUERS = (
    (re.compile(r"^UBTVQH(\d{1,2})$"), "của Ủy ban Thường vụ Quốc hội khóa {n}"),
    (re.compile(r"^QH(\d{1,2})$"), "của Quốc hội khóa {n}"),
    (re.compile(r"^(?:NĐ|NQ|QĐ|CT)?CP$"), "của Chính phủ"),
    (re.compile(r"^(?:QĐ|CT)?TTg$"), "của Thủ tướng Chính phủ"),
)


def issuer(symbol: str, following: str, dialect: Dialect = NORTH) -> str:
    """'QH13' → 'của Quốc hội khóa mười ba', 'NĐ-CP' → 'của Chính phủ'; '' when the symbol
    names no such issuer or the sentence names it right after the code."""
    last = re.split(r"[-/&]", symbol)[-1]
    for pattern, spoken in ISSUERS:
        m = pattern.match(last)
        if m:
            words = spoken.format(n=read_int(int(m[1]), dialect) if m.groups() else "")
            body = words.removeprefix("của ").split(" khóa")[0]
            named = re.match(rf"[^.;:]{{0,60}}?\bcủa\s+{body}", following)
            return "" if named else " " + words
    return ""
