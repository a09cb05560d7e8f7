"""Spoken-form rules: small pure functions ``str -> str``, each named after what it fixes.

They run in the order of ``broadcast.speech.pipeline()``. Rules that need data or options take
them as keyword arguments with defaults, so the pipeline binds them with ``functools.partial``.
"""

from __future__ import annotations

import re

from broadcast.speech.codes import issuer, letter_name
from broadcast.speech.dates import read_dates, read_ranges, read_times  # noqa: F401 (rule API)
from broadcast.speech.lexicon import UPPER_VI, Lexicon, default_lexicon, syllables
from broadcast.speech.numbers import (
    NORTH,
    Dialect,
    read_decimal,
    read_digits,
    read_int,
    read_ordinal,
    roman_value,
)

ROMAN_CONTEXT = (r"(?:đợt|khóa|khoá|kỳ|lần|phần|chương|mục|giai đoạn|quý|hạng|loại|cấp|thứ"
                 r"|báo động|nhiệm kỳ|cấp độ|vùng|khu vực|cao điểm)")
UNITS = {
    "km2": "ki lô mét vuông", "km²": "ki lô mét vuông", "km": "ki lô mét",
    "m2": "mét vuông", "m²": "mét vuông", "m3": "mét khối", "m³": "mét khối",
    "cm": "xăng ti mét", "mm": "mi li mét", "m": "mét", "ha": "héc ta", "kg": "ki lô gam",
    "°C": "độ xê", "độ C": "độ xê", "km/h": "ki lô mét mỗi giờ", "tr.đ": "triệu đồng",
    "VNĐ": "đồng", "VND": "đồng", "đ": "đồng", "ml": "mi li lít", "l": "lít",
    "mg": "mi li gam", "g": "gam",
}

UNIT_PATTERN = re.compile(
    rf"(\d)\s*({'|'.join(re.escape(k) for k in sorted(UNITS, key=len, reverse=True))})(?![\w²³])"
)


def strip_markdown(text: str) -> str:
    """Drop Markdown marks: '**4.** Thủ trưởng' → '4. Thủ trưởng', '[a](url)' → 'a'."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s*#{1,6}\s*", "", text, flags=re.M)
    text = re.sub(r"^\s*[*+]\s+", "- ", text, flags=re.M)
    text = text.replace("*", "").replace("`", "")
    return re.sub(r"(?<!\w)__?(\S.*?\S)__?(?!\w)", r"\1", text)


def tidy_spacing(text: str) -> str:
    """Join codes split by stray spaces ('14,591 /17' → '14,591/17', 'Số: 137 /KH')."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"(\d)\s+/\s*(?=[\d" + UPPER_VI + r"])", r"\1/", text)
    text = re.sub(r"\b([Ss]ố)\s*:\s*(?=\d)", r"\1 ", text)
    text = re.sub(r"(\d)\s+[-–]\s+(?=[A-ZĐ]{2,}[A-Za-zĐđ]*/)", r"\1-", text)
    text = re.sub(r"(\d)(?=(?:giờ|tháng|ngày|năm|phút)\b)", r"\1 ", text)
    return re.sub(r"\s+([,.;:!?])", r"\1", text)


WEB_WORDS = {"gov": "gờ o vê", "vn": "vê en", "com": "com", "www": "vê kép vê kép vê kép",
             "org": "o rờ gờ", "net": "nét", "edu": "e đu", "info": "in phô", "mail": "meo",
             "gmail": "gờ meo", "zalo": "da lô", "facebook": "phây búc"}
WEB_MARKS = {".": "chấm", "@": "a còng", "/": "gạch chéo", "-": "gạch ngang", "_": "gạch dưới",
             ":": "hai chấm"}
SYLLABLE = re.compile(r"^(ngh|ng|gh|gi|kh|ph|th|tr|ch|nh|qu|[bcdđghklmnprstvx])?[aeiouy]{1,3}"
                      r"(ng|nh|ch|[cmnptiuoy])?$")
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
URL = (r"(?:https?://)?(?:[\w-]+\.)+(?:vn|com|org|net|gov|edu|info)\b"
       r"(?:/[\w./?=&%-]*[\w/])?")


def _web_part(part: str) -> str:
    if part in WEB_MARKS:
        return WEB_MARKS[part]
    if part.lower() in WEB_WORDS:
        return WEB_WORDS[part.lower()]
    if part.isdigit():
        return read_digits(part) if len(part) > 3 else read_int(int(part))
    if len(part) <= 4 and not SYLLABLE.match(part.lower()):
        return " ".join(letter_name(ch) for ch in part)
    return part


def read_web_addresses(text: str) -> str:
    """'ubnd@phucloc.gov.vn' → 'u bê en dê a còng phucloc chấm gờ o vê chấm vê en';
    'https://dichvucong.gov.vn' → 'dichvucong chấm gờ o vê chấm vê en'."""
    def repl(m: re.Match[str]) -> str:
        address = re.sub(r"^https?://", "", m[0]).split("/")[0]  # the page's path is not read
        parts = [p for p in re.split(r"([./@:_-])", address) if p]
        return " ".join(_web_part(p) for p in parts)
    return re.sub(rf"(?<![\w@.]){EMAIL}|(?<![\w@./]){URL}", repl, text)


def drop_end_marks(text: str) -> str:
    """The '/.' that closes a document is not read: 'thực hiện./.' → 'thực hiện.'."""
    return re.sub(r"\.?/\.?(?=\s*$)", ".", text)


def drop_acronym_after_expansion(text: str) -> str:
    """'Chỉ số Cải cách hành chính (PAR INDEX)' → 'Chỉ số Cải cách hành chính'."""
    return re.sub(r"(?<=[a-zđà-ỹ,])\s*\(\s*[A-ZĐ][A-ZĐ0-9&\-, ]*[A-ZĐ0-9]\s*\)", "", text)


LABEL = re.compile(r"^(?:[IVXL]{1,6}\.|\d{1,2}(?:\.\d{1,2})*\.?(?=\s)|[a-zđ]\)|[-+•–])\s+")


# Names that keep their capital after "Thứ nhất, " whatever follows them.
KEEPS_CAPITAL = re.compile(r"^(?:Ủy\s+ban|Uỷ\s+ban|Hội\s+đồng|Mặt\s+trận|Đảng|Nhà\s+nước|"
                           r"Chính\s+phủ|Quốc\s+hội|Công\s+an|Bác\s+Hồ|Tổ\s+quốc)\b")


def _common_word(text: str) -> str:
    """'Các xã kiện toàn …' → 'các xã kiện toàn …' after 'Thứ nhất, '; an acronym ('UBND'), a
    name of two capitalized words ('Phòng Nội vụ', 'Hà Nội') or a body ('Ủy ban …') stays."""
    first, *rest = text.split(" ", 2)
    capitalized = [w for w in (first, *rest[:1]) if w[:1].isupper()]
    if (sum(c.isupper() for c in first) != 1 or not first[1:].islower() or len(capitalized) > 1
            or KEEPS_CAPITAL.match(text)):
        return text
    return text[:1].lower() + text[1:]


# 'X. Sơn Tây, H. Hương Sơn': 'X.' before a place name (words each capitalized, up to a
# comma or the end) is the commune ('xã'), not part ten; a heading goes on in small letters.
_NAME_WORD = f"[{UPPER_VI}][^\\s{UPPER_VI},.;:()]+"
COMMUNE_LABEL = re.compile(rf"^X\.\s+(?={_NAME_WORD}(?:\s*,|(?:\s+{_NAME_WORD})+\s*(?:[,;)]|$)))")


def read_item_labels(text: str, *, dialect: Dialect = NORTH, drop: bool = False) -> str:
    """Leading labels read as words: 'II. Giải pháp' → 'Phần thứ hai. Giải pháp',
    '3. Khắc phục' → 'Thứ ba, Khắc phục', 'a) Mục đích' → 'Mục đích', '- Tăng' → 'Tăng'.
    With ``drop`` every label is left out: '3. Khắc phục' → 'Khắc phục'."""
    if drop:
        label = LABEL.match(text)
        return text[label.end():] if label and not re.match(r"^\d{3,}", text) else text
    if COMMUNE_LABEL.match(text):
        return text
    roman = re.match(r"^([IVXL]{1,6})\.\s+", text)
    sub = re.match(r"^([IVXL]{1,6})\.(\d{1,2}(?:\.\d{1,2})*)\.?\s+", text)
    if sub and roman_value(sub[1]):
        parts = [str(roman_value(sub[1])), *sub[2].split(".")]
        return f"Mục {' chấm '.join(read_int(int(p), dialect) for p in parts)}. {text[sub.end():]}"
    if roman and roman_value(roman[1]):
        return f"Phần thứ {read_ordinal(roman_value(roman[1]), dialect)}. {text[roman.end():]}"
    number = re.match(r"^(\d{1,2})\.(?!\d)\s*", text)
    if number:
        return f"Thứ {read_ordinal(int(number[1]), dialect)}, {_common_word(text[number.end():])}"
    nested = re.match(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+", text)
    if nested:
        parts = " chấm ".join(read_int(int(p), dialect) for p in nested[1].split("."))
        return f"Mục {parts}. {text[nested.end():]}"
    return re.sub(r"^(?:[a-zđ]\)|[-+•–])\s+", "", text)


def read_standard_codes(text: str, *, dialect: Dialect = NORTH) -> str:
    """'TCVN ISO 9001:2015' → 'TCVN ISO chín nghìn không trăm linh một năm hai nghìn ...'."""
    def repl(m: re.Match[str]) -> str:
        return f"{m[1]} {read_int(int(m[2]), dialect)} năm {read_int(int(m[3]), dialect)}"
    return re.sub(r"\b(ISO|TCVN|QCVN|IEC)\s+(\d{3,5}):(\d{4})\b", repl, text)


CAPS = "A-ZĐƯƠÔĂÂÊ"
SYMBOL = rf"[{CAPS}][A-Za-z{CAPS}đ]*\d{{0,2}}(?:[-/&][{CAPS}][A-Za-z{CAPS}đ]*\d{{0,2}})*"


def read_legal_codes(
    text: str, *, read_symbols: bool = False, lexicon: Lexicon | None = None,
    dialect: Dialect = NORTH,
) -> str:
    """'151/QĐ-UBND' → 'một trăm năm mươi mốt', '12-NQ/TU' → 'mười hai',
    '30/2020/NĐ-CP' → 'ba mươi năm hai nghìn không trăm hai mươi'. The symbol is dropped, or
    read through the lexicon when ``read_symbols``; never spelled letter by letter."""
    lexicon = lexicon or default_lexicon()

    def repl(m: re.Match[str]) -> str:
        spoken = read_int(int(m["num"]), dialect)
        spoken += f" {letter_name(m['sfx'])}" if m["sfx"] else ""
        if m["year"]:
            spoken += " năm " + read_int(int(m["year"]), dialect)
        if read_symbols:
            parts = re.split(r"[-/&]", m["sym"])
            return spoken + " " + " ".join(lexicon.spoken(p) if p in lexicon else p for p in parts)
        return spoken + issuer(m["sym"], m.string[m.end():], dialect)

    pattern = (rf"\b(?P<num>\d{{1,5}})(?P<sfx>[a-zđ]?)(?:/(?P<year>(?:19|20)\d\d))?[/-]"
               rf"(?P<sym>{SYMBOL})(?![\w])")
    return re.sub(pattern, lambda m: repl(m) if _has_two_letters(m["sym"]) else m[0], text)


def _has_two_letters(symbol: str) -> bool:
    return sum(ch.isupper() for ch in symbol) >= 2


def expand_abbreviations(text: str, *, lexicon: Lexicon | None = None) -> str:
    """'UBND huyện' → 'Ủy ban nhân dân huyện', 'HĐND&UBND' → 'Hội đồng nhân dân và Ủy ban ...'."""
    return (lexicon or default_lexicon()).expand(text)


def lowercase_caps_runs(text: str) -> str:
    """All-caps runs of words (headings, titles) in normal case: 'CHỈ SỐ CẢI CÁCH' → 'chỉ số
    cải cách'. A lone word of plain capitals ('SIPAS', 'XYZ') is an acronym and stays."""
    word = rf"[{UPPER_VI}]+"
    run = re.compile(rf"\b{word}(?:[\s,\-–]+{word})*\b")

    def repl(m: re.Match[str]) -> str:
        chunk = m.group(0)
        if re.fullmatch(r"[A-ZĐ]+", chunk) or len(chunk) == 1:
            return chunk
        lowered = re.sub(rf"[{UPPER_VI}]+", _lower_word, chunk)
        return _keep_roman(chunk, lowered)

    return run.sub(repl, text)


def _lower_word(m: re.Match[str]) -> str:
    """A word of a heading in normal case; an acronym inside it ('CNH, HĐH', 'VH-XH') stays for
    the lexicon's and the spelling rule's sake."""
    word = m[0]
    if re.fullmatch(r"[A-ZĐ]{2,}", word) and not syllables(word.lower()) and word not in "IVXL":
        return word
    return word.lower()


def _keep_roman(caps: str, lower: str) -> str:
    """'PHẦN II' → 'phần II', 'LẦN THỨ XIII,' → 'lần thứ XIII,': a numeral after its context
    word stays a numeral; 'VI PHẠM' is a word and is lowered."""
    pattern = rf"\b({ROMAN_CONTEXT})\s+([ivxl]{{1,6}})(?=\s*$|\s*[.,:;)–-])"
    return re.sub(pattern, lambda m: f"{m[1]} {m[2].upper()}" if roman_value(m[2].upper())
                  else m[0], lower)


NUM = r"\d+(?:[.,]\d+)*"


def read_percent(text: str) -> str:
    """'69,46%' and '100 %' → '69,46 phần trăm' (the number is read by read_numbers)."""
    return re.sub(rf"({NUM})\s*%", r"\1 phần trăm", text)


# 'hơn 1/3 số hộ': a common fraction is 'một phần ba'; a share of a count is '… trên …'.
COMMON_FRACTIONS = {"1/2": "một phần hai", "1/3": "một phần ba", "2/3": "hai phần ba",
                    "1/4": "một phần tư", "3/4": "ba phần tư"}


def read_fractions(text: str, *, dialect: Dialect = NORTH) -> str:
    """'85,96/100 điểm' → '… trên một trăm điểm'; 'thứ 1/8' → 'thứ nhất trên tám';
    '½ ngày' → 'nửa ngày'."""
    text = re.sub(r"(?<!\d)½", "nửa", text).replace("¼", "một phần tư").replace("¾", "ba phần tư")
    text = re.sub(r"\b([Tt]hứ)\s+(\d{1,2})\s*/\s*(\d+)\b",
                  lambda m: f"{m[1]} {read_ordinal(int(m[2]), dialect)} trên {m[3]}", text)
    text = re.sub(r"(?<![\w/.,])([123])\s*/\s*([234])(?![\w/]|[.,]\d)",
                  lambda m: COMMON_FRACTIONS.get(m[0].replace(" ", ""), m[0]), text)
    return re.sub(rf"(?<![\w/]){NUM}(?:\s*/\s*{NUM})+(?![\w/])",
                  lambda m: re.sub(r"\s*/\s*", " trên ", m[0]), text)


DAY = r"(?:T[2-7]|CN|Chủ nhật)"  # 'CN' may already be 'Chủ nhật' (the lexicon runs first)
WEEKDAY_LIST = re.compile(rf"(?<![\w/]){DAY}(?:\s*(?:[-–,]|và|đến)\s*{DAY})+(?![\w/])"
                          r"|\b(?:ngày|sáng|chiều|tối|vào) T[2-7]\b")


def _weekdays(run: str, dialect: Dialect) -> str:
    run = re.sub(r"\s*[-–]\s*", " đến ", run).replace("CN", "Chủ nhật")
    return re.sub(r"T([2-7])", lambda m: f"thứ {read_ordinal(int(m[1]), dialect)}", run)


def read_ordinals(text: str, *, dialect: Dialect = NORTH) -> str:
    """'thứ 4' → 'thứ tư', 'lần thứ 1' → 'lần thứ nhất', 'Ngã 4' → 'Ngã tư', 'Thứ 2, 4, 6' →
    'Thứ hai, tư, sáu', 'T2-T6' → 'thứ hai đến thứ sáu', 'T7, CN' → 'thứ bảy, Chủ nhật'."""
    text = WEEKDAY_LIST.sub(lambda m: _weekdays(m[0], dialect), text)
    text = re.sub(r"\b([Tt]hứ\s+[2-7])((?:\s*(?:,|và|hoặc)\s*[2-8](?!\d))+)",
                  lambda m: m[1] + re.sub(r"[2-8]", lambda d: read_ordinal(int(d[0]), dialect),
                                          m[2]), text)
    text = re.sub(r"\b([Nn]gã)\s+([3-6])\b(?![.,/]\d)",
                  lambda m: f"{m[1]} {read_ordinal(int(m[2]), dialect)}", text)
    return re.sub(r"\b([Tt]hứ)\s+(\d{1,3})\b(?![.,]\d)",
                  lambda m: f"{m[1]} {read_ordinal(int(m[2]), dialect)}", text)


def read_roman_numerals(text: str, *, dialect: Dialect = NORTH) -> str:
    """'đợt I năm 2023' → 'đợt một năm 2023', 'quý II' → 'quý hai', 'khóa XV' → 'khóa mười lăm'."""
    def repl(m: re.Match[str]) -> str:
        value = roman_value(m[2])
        return f"{m[1]} {read_int(value, dialect)}" if value else m[0]
    return re.sub(rf"\b((?i:{ROMAN_CONTEXT}))\s+([IVXL]{{1,6}})\b", repl, text)


def read_units(text: str) -> str:
    """'5 km' → '5 ki lô mét', '30°C' → '30 độ C', '500.000đ' → '500.000 đồng'."""
    return UNIT_PATTERN.sub(lambda m: f"{m[1]} {UNITS[m[2]]}", text)


# Capitals glued after a word count too ("vềUBND" pasted from a PDF).
UNKNOWN_ACRONYM = re.compile(rf"(?<![{UPPER_VI}0-9_])[A-ZĐ]{{2,}}(?![\w])")


def spell_unknown_acronyms(text: str) -> str:
    """Acronyms not in the lexicon are spelled with the letter names announcers use: 'XYZ' →
    'ích i dét'. Only tokens of plain capitals (and Đ) count, not words like 'LƯU'. A roman
    numeral reads its number, a token whose letters make syllables reads as a word."""
    return UNKNOWN_ACRONYM.sub(_spelled, text)


def _spelled(m: re.Match[str]) -> str:
    glued = m.start() > 0 and m.string[m.start() - 1].isalpha()  # 'vềUBND' pasted from a PDF
    return (" " if glued else "") + _acronym(m[0])[0]


def _acronym(token: str) -> tuple[str, bool]:
    """(spoken form, whether it was spelled letter by letter)."""
    if re.fullmatch(r"[IVXL]{2,6}", token) and roman_value(token):
        return read_int(roman_value(token)), False  # 'báo động III': a numeral on its own
    parts = syllables(token.lower())
    if parts and len(token) >= 3:  # 'NARI', 'MANGKHUT', 'BAN': a word, not letters
        return " ".join(parts).capitalize(), False
    return " ".join(letter_name(ch) for ch in token), True


def spelled_acronyms(text: str) -> list[str]:
    """The tokens ``spell_unknown_acronyms`` spells letter by letter in ``text``, once each."""
    found = (t for t in UNKNOWN_ACRONYM.findall(text) if _acronym(t)[1])
    return list(dict.fromkeys(found))


def read_numbers(text: str, *, dialect: Dialect = NORTH) -> str:
    """Digits to words: '1.500.000' → 'một triệu năm trăm nghìn', '85,96' → 'tám mươi lăm
    phẩy chín mươi sáu', '09' → 'chín', '-5' → 'âm năm', '0912345678' read digit by digit."""
    def grouped(m: re.Match[str]) -> str:
        integer, _, fraction = m[1].replace(".", "").partition(",")
        return read_decimal(integer, fraction, dialect)

    def plain(m: re.Match[str]) -> str:
        digits = m[2]
        if (digits.startswith("0") and len(digits) >= 4) or len(digits) > 15:
            return m[1] + read_digits(digits)
        return m[1] + read_int(int(digits), dialect)

    text = re.sub(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?)(?![\d.])", grouped, text)
    text = re.sub(r"(?<![\w.,])(\d+),(\d+)(?![\d,])",
                  lambda m: read_decimal(m[1], m[2], dialect), text)
    text = re.sub(r"(?<![\w.,])(\d)\.0(?![\d.])", lambda m: read_int(int(m[1])) + " chấm không",
                  text)
    text = re.sub(r"(?<![\w.,])(\d+)\.(\d{1,2})(?![\d])",
                  lambda m: read_decimal(m[1], m[2], dialect), text)
    text = re.sub(r"(?:(?<=\s)|(?<=^)|(?<=\())-(?=\d)", "âm ", text)
    return re.sub(r"(^|[^\d])(\d+)", plain, text)


def read_symbols(text: str) -> str:
    """Symbols a voice cannot read: '&' → 'và', '+' → 'cộng', '@' → 'a còng', dashes between
    words → comma, quotes and brackets dropped, '...' → '.', 'Nam/Nữ' → 'Nam hoặc Nữ'."""
    text = text.replace("&", " và ").replace("→", " đến ").replace("@", " a còng ")
    text = text.replace("%", " phần trăm")
    text = re.sub(r"(?<=\w)\s*\+\s*(?=\w)", " cộng ", text)
    text = re.sub(r"\s+[-–—]+\s*|\s*[-–—]+\s+", ", ", text)
    text = re.sub(r"[“”\"‘’«»]", "", text)
    text = re.sub(r"\s*[)\]}]\s*$", "", text)  # a bracket closing the line adds no pause
    text = re.sub(r"[()\[\]{}]|\s\|\s", ", ", text)
    text = re.sub(r"\.{2,}|…", ".", text)
    text = re.sub(r"\b(và|hay)\s*/\s*(hoặc)\b", r"\1 \2", text)
    text = re.sub(r"(?<=\w)/(?=\w)", " hoặc ", text)
    text = re.sub(r"(?<=\w)-(?=\w)", " ", text)
    return re.sub(r"[/\\|*_#~^<>=]", " ", text)


def _strongest_mark(m: re.Match[str]) -> str:
    return next(mark for mark in ";:," if mark in m[0])


def tidy_punctuation(text: str) -> str:
    """Clean what earlier rules leave: ' ,' → ',', ',,' → ',', ', .' → '.', double spaces."""
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"[,;:](?:\s*[,;:])+", _strongest_mark, text)
    text = re.sub(r"[,;:]\s*([.!?])", r"\1", text)
    text = re.sub(r"^[\s,;:.]+", "", text)
    text = re.sub(r"([.!?]\s+)(\w)", lambda m: m[1] + m[2].upper(), text)
    return re.sub(r"([,;:])(?=\S)", r"\1 ", text).strip()
