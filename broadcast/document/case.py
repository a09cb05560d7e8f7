"""Letter case of Vietnamese administrative text: a heading in capitals read as a sentence,
with acronyms ('UBND', 'CCHC') and place names ('huyện Đức Thọ') kept."""

from __future__ import annotations

import re

from broadcast.document.patterns import UNIT_WORDS_RE, is_caps

# A plain Vietnamese syllable in capitals without marks ('BAN', 'QUY', 'KHAI') is a word, not
# an acronym.
SYLLABLE = re.compile(r"^(NGH|NG|GH|GI|KH|PH|TH|TR|CH|NH|QU|[BCDĐGHKLMNPRSTVX])?[AEIOUY]{1,3}"
                      r"(NG|NH|CH|[CMNPTIUOY])?$")
# Words that end a place name after its unit: "huyện Krông Nô năm 2023".
NAME_STOP = (r"(?:(?:năm|và|về|của|tại|trong|theo|đến|cho|giai|với|nhằm|trên|dưới|thuộc|lần|"
             r"đợt|từ|các|là|để|khi|sau|trước|tháng|ngày|ủy|uỷ)\b|(?:văn\s+phòng|ủy\s+ban|uỷ\s+ban|"
             r"hội\s+đồng|ban\s+(?:chỉ|thường|chấp|quản|tổ)|đảng\s+(?:ủy|uỷ|bộ))\b)")


def is_acronym(word: str) -> bool:
    """'UBND', 'HĐND' are acronyms; 'BAN', 'AN' (plain syllables without marks) are words."""
    core = word.strip(",.;:()“”\"'")
    return bool(re.fullmatch(r"[A-ZĐ&]{2,12}", core)) and not SYLLABLE.match(core)


def _names(lowered: str) -> str:
    """'huyện đức thọ' → 'huyện Đức Thọ': the words after a unit are its name."""
    word = rf"(?!{NAME_STOP})[^\W\d_]+"
    return re.sub(rf"\b({UNIT_WORDS_RE})\s+((?:ủy|uỷ)\s+)?({word}(?:\s+{word})*)",
                  lambda m: f"{m[1]} {m[2] or ''}{m[3].title()}", lowered)


# Names of the state that keep their capitals in a sentence.
ADMIN_NAMES = ("Cộng hòa xã hội chủ nghĩa Việt Nam", "Ủy ban nhân dân", "Uỷ ban nhân dân",
               "Hội đồng nhân dân",
               "Ủy ban Mặt trận Tổ quốc Việt Nam", "Mặt trận Tổ quốc", "Thủ tướng Chính phủ",
               "Chính phủ", "Quốc hội", "Bộ Chính trị", "Ban Chấp hành Trung ương", "Trung ương",
               "Nhà nước", "Tổ quốc", "Bác Hồ", "Chủ tịch Hồ Chí Minh", "Việt Nam",
               "Tết Nguyên đán", "Đảng Cộng sản Việt Nam", "Quân đội nhân dân", "Công an nhân dân",
               "Tết Dương lịch", "Giáng sinh", "Quốc khánh", "Tết Trung thu", "Thủ đô Hà Nội",
               "mừng Đảng", "mừng Xuân", "Ngày Quốc tế")
# A year of the sixty-year cycle after 'Tết', 'Xuân', 'năm': 'Xuân Giáp Thìn'.
CAN_CHI = re.compile(r"\b(tết|xuân|năm|đán)\s+(giáp|ất|bính|đinh|mậu|kỷ|canh|tân|nhâm|quý)\s+"
                     r"(tý|sửu|dần|mão|mẹo|thìn|tỵ|tị|ngọ|mùi|thân|dậu|tuất|hợi)\b", re.I)


def _mostly_caps(text: str) -> bool:
    tokens = [t for t in text.split() if re.search(r"[^\W\d_]", t)]
    return bool(tokens) and sum(is_caps(t) for t in tokens) >= 0.8 * len(tokens)


def normal_case(text: str, names=()) -> str:
    """'ỦY BAN NHÂN DÂN HUYỆN ĐỨC THỌ' → 'Ủy ban nhân dân huyện Đức Thọ', 'UBND XÃ AN PHÚ' →
    'UBND xã An Phú'; codes ('41/2022/NQ-HĐND'), the state's names and known ``names`` keep
    their capitals; text already in mixed case is kept."""
    if not _mostly_caps(text):
        return text
    lowered = " ".join(w if is_acronym(w) or re.search(r"\d|/", w) or not is_caps(w)
                       else w.lower() for w in text.split())
    lowered = restore_names(_names(lowered), (*names, *ADMIN_NAMES))
    lowered = CAN_CHI.sub(lambda m: f"{m[1]} {m[2].capitalize()} {m[3].capitalize()}", lowered)
    return lowered[:1].upper() + lowered[1:]


# The words that start a body's name; the word after them (and after "và") is capitalized:
# "Sở Giáo dục và Đào tạo", "Ban Chỉ huy …", "Trung tâm Văn hóa - Thông tin và Thể thao".
BODY_TYPES = ("Sở", "Phòng", "Ban", "Trung tâm", "Chi cục", "Cục", "Trạm", "Bệnh viện",
              "Trường", "Hạt", "Đài", "Viện", "Tổng cục", "Bộ")


def body_case(name: str) -> str:
    """A body's name as it is written in a sentence: 'SỞ GIÁO DỤC VÀ ĐÀO TẠO' → 'Sở Giáo dục
    và Đào tạo', 'VĂN PHÒNG HĐND VÀ UBND' → 'Văn phòng HĐND và UBND'."""
    was_caps = is_caps(name)
    name = normal_case(name)
    head = next((t for t in sorted(BODY_TYPES, key=len, reverse=True)
                 if name.startswith(t + " ")), None)
    if not was_caps or not head:
        return name
    rest = re.sub(r"(^|\s(?:và|-|–)\s)(\w)", lambda m: m[1] + m[2].upper(), name[len(head) + 1:])
    return f"{head} {rest}"


UNIT_WORD = re.compile(r"(?<!\w)" + UNIT_WORDS_RE + r"\s", re.I)
NAME_RUN = re.compile(r"(?<![\w.])(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s+|-)){1,5}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+")


def proper_names(text: str) -> list[str]:
    """Runs of capitalized words in mixed-case text ('Krông Nô', 'Đinh Thị Hồng Thu', 'Phòng
    Nội vụ'): names whose capitals a heading in capitals lost."""
    found = {" ".join(m[0].split()) for m in NAME_RUN.finditer(text)
             if all(w[:1].isupper() and not w.isupper() for w in m[0].split())
             and not UNIT_WORD.search(m[0])}  # "(Tại) Phường Ba Đình": a unit word is no name
    return sorted(found, key=len, reverse=True)


def restore_names(text: str, names) -> str:
    """'tỉnh đắk lắk' → 'tỉnh Đắk Lắk' when 'Đắk Lắk' is a known name."""
    for name in names:
        # "Cục Chăn nuôi" is not the end of "chi cục chăn nuôi"
        text = re.sub(r"(?<!\w)(?<!chi )(?<!tổng )" + re.escape(name) + r"(?!\w)", name, text,
                      flags=re.I)
    return text
