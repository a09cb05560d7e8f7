"""Legacy Vietnamese encodings: TCVN3 (ABC, the .Vn fonts) and VNI-Windows.

Text typed with those fonts reaches us as Latin-1/cp1252 characters ("Th«ng b¸o" for TCVN3,
"Thoâng baùo" for VNI), either as raw bytes that are not UTF-8 or already decoded inside a UTF-8
file. ``detect`` tells which encoding a text is in; ``to_unicode`` converts it.
"""

from __future__ import annotations

import re
import unicodedata

# TCVN3 (ABC): one byte per letter. Lowercase toned letters; capitals with tone marks used the
# same codes in the "H" fonts (.VnTimeH), so they come back as lowercase.
_TCVN3_LOWER = (
    "àµ á¸ ả¶ ã· ạ¹ ă¨ ằ» ắ¾ ẳ¼ ẵ½ ặÆ â© ầÇ ấÊ ẩÈ ẫÉ ậË đ® èÌ éÐ ẻÎ ẽÏ ẹÑ êª ềÒ ếÕ ểÓ ễÔ "
    "ệÖ ì× íÝ ỉØ ĩÜ ịÞ òß óã ỏá õâ ọä ô« ồå ốè ổæ ỗç ộé ơ¬ ờê ớí ởë ỡì ợî ùï úó ủñ ũò ụô "
    "ư\u00ad ừõ ứø ửö ữ÷ ựù ỳú ýý ỷû ỹü ỵþ Ă¡ Â¢ Đ§ Ê£ Ô¤ Ơ¥ Ư¦"
)
TCVN3 = {pair[1]: pair[0] for pair in _TCVN3_LOWER.split()}
# Characters that only TCVN3 text contains (never VNI, rare in Western text).
TCVN3_ONLY = set("µ¸¶·¹¨»¾¼½©®ª«¬\u00ad¡¢§£¤¥¦")

# VNI-Windows: a base letter followed by a mark character.
TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
HAT_TONES = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
BREVE_TONES = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303",
               "ë": "\u0323"}
SINGLE = {"í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ñ": "đ", "ô": "ơ",
          "ö": "ư"}


def _compose(*parts: str) -> str:
    return unicodedata.normalize("NFC", "".join(parts))


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for upper in (False, True):
        case = str.upper if upper else (lambda s: s)
        for base in "aeouy":
            for mark, tone in TONES.items():
                table[case(base + mark)] = case(_compose(base, tone))
        for base in ("ô", "ö"):  # ơ and ư take the plain tone marks too
            for mark, tone in TONES.items():
                table[case(base + mark)] = case(_compose(SINGLE[base], tone))
        for base, hat in (("a", "\u0302"), ("e", "\u0302"), ("o", "\u0302")):
            for mark, tone in HAT_TONES.items():
                table[case(base + mark)] = case(_compose(base, hat, tone))
        for mark, tone in BREVE_TONES.items():
            table[case("a" + mark)] = case(_compose("a", "\u0306", tone))
        for mark, letter in SINGLE.items():
            table[case(mark)] = case(letter)
    return table


VNI = _vni_table()
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, VNI), key=len, reverse=True)))
_VNI_PAIRS = re.compile(r"[aeouyAEOUYôöÔÖ][ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]")


def detect(text: str) -> str | None:
    """'tcvn3', 'vni', or None when the text is ordinary Unicode (or not Vietnamese)."""
    letters = sum(ch.isalpha() for ch in text) or 1
    extended = sum(0x100 <= ord(ch) <= 0x1EFF for ch in text)
    if extended > letters * 0.01:
        return None  # real Unicode Vietnamese letters are present
    tcvn = sum(ch in TCVN3_ONLY for ch in text)
    vni = len(_VNI_PAIRS.findall(text))
    if max(tcvn, vni) < max(3, letters * 0.01):
        return None
    return "tcvn3" if tcvn >= vni else "vni"


def to_unicode(text: str, encoding: str) -> str:
    if encoding == "tcvn3":
        return "".join(TCVN3.get(ch, ch) for ch in text)
    if encoding == "vni":
        return _VNI_PATTERN.sub(lambda m: VNI[m[0]], text)
    raise ValueError(encoding)
