"""Letter case of Vietnamese administrative text: a heading in capitals read as a sentence,
with acronyms ('UBND', 'CCHC') and place names ('huyện Đức Thọ') kept."""

from __future__ import annotations

import re

from broadcast.document.patterns import UNIT_WORDS, is_caps

# A plain Vietnamese syllable in capitals without marks ('BAN', 'QUY', 'KHAI') is a word, not
# an acronym.
SYLLABLE = re.compile(r"^(NGH|NG|GH|GI|KH|PH|TH|TR|CH|NH|QU|[BCDĐGHKLMNPRSTVX])?[AEIOUY]{1,3}"
                      r"(NG|NH|CH|[CMNPTIUOY])?$")
# Words that end a place name after its unit: "huyện Krông Nô năm 2023".
NAME_STOP = (r"(?:(?:năm|và|về|của|tại|trong|theo|đến|cho|giai|với|nhằm|trên|dưới|thuộc|lần|"
             r"đợt|từ|các|là|để|khi|sau|trước|tháng|ngày)\b|(?:văn\s+phòng|ủy\s+ban|uỷ\s+ban|"
             r"hội\s+đồng|ban\s+(?:chỉ|thường|chấp|quản|tổ)|đảng\s+(?:ủy|uỷ|bộ))\b)")


def is_acronym(word: str) -> bool:
    """'UBND', 'HĐND' are acronyms; 'BAN', 'AN' (plain syllables without marks) are words."""
    core = word.strip(",.;:()“”\"'")
    return bool(re.fullmatch(r"[A-ZĐ&]{2,8}", core)) and not SYLLABLE.match(core)


def _names(lowered: str) -> str:
    """'huyện đức thọ' → 'huyện Đức Thọ': the words after a unit are its name."""
    units = "|".join(sorted(UNIT_WORDS, key=len, reverse=True))
    word = rf"(?!{NAME_STOP})[^\W\d_]+"
    return re.sub(rf"\b({units})\s+({word}(?:\s+{word})*)",
                  lambda m: f"{m[1]} {m[2].title()}", lowered)


def normal_case(text: str) -> str:
    """'ỦY BAN NHÂN DÂN HUYỆN ĐỨC THỌ' → 'Ủy ban nhân dân huyện Đức Thọ', 'UBND XÃ AN PHÚ' →
    'UBND xã An Phú'; text already in mixed case is kept."""
    if not is_caps(text):
        return text
    lowered = " ".join(w if is_acronym(w) else w.lower() for w in text.split())
    lowered = _names(lowered)
    return lowered[:1].upper() + lowered[1:]
