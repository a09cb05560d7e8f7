"""The guard before synthesis: a document that was not understood must not be read on air.

Nothing of a header (Quốc hiệu, Tiêu ngữ, "Số:", "Kính gửi:", "Nơi nhận:", a signer's authority
line) and nothing of the page around the document (a line the parser dropped, a counter, a
menu) may be in the spoken text. ``find_leak`` names the first such line and what it is."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from broadcast.document import chrome
from broadcast.document.model import Directive
from broadcast.document.patterns import QUOC_HIEU_LINE, folded, words

# Header markers, matched on the text with its accents taken off, so a header typed without
# them ("CONG HOA XA HOI", "So: 12/TB-UBND") is caught too.
MARKERS = (
    ("Quốc hiệu", re.compile(r"C?ONG\s*HOA\s*XA\s*HOI\s*CHU\s*NGHIA")),
    ("Tiêu ngữ", re.compile(r"Doc\s*lap\s*[-–—−]\s*Tu\s*do\s*[-–—−]\s*Hanh\s*phuc", re.I)),
    ("số, ký hiệu văn bản", re.compile(r"(?:^|\n)\s*So\s*:\s*\d*\s*/\s*[A-Z]")),
    ("dòng Kính gửi", re.compile(r"(?:^|\n|[.!?]\s)\s*Kinh\s+gui\s*:", re.I)),
    ("dòng Nơi nhận", re.compile(r"Noi\s+nhan\s*:", re.I)),
    ("khối chữ ký", re.compile(r"(?:^|\n)\s*(?:TM|KT|TL|TUQ)\s*\.\s*[A-Z]{2,}")),
    ("bộ đếm của trang", re.compile(r"Luot\s+(?:xem|truy\s+cap)\s*:?\s*\d|Hom\s+nay\s*:\s*\d",
                                    re.I)),
)


def plain(text: str) -> str:
    """The text without its accents ('Số: 12' → 'So: 12'), same length as the original."""
    text = unicodedata.normalize("NFC", text).replace("Đ", "D").replace("đ", "d")
    return "".join(unicodedata.normalize("NFD", ch)[0] for ch in text)


MIN_WORDS = 4  # a dropped line this long found word for word in the speech is the page's


@dataclass(frozen=True)
class Leak:
    line: str  # the spoken text that should not be there
    what: str  # what it is, in Vietnamese


def _clip(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# Vietnamese words of one letter; any other lone letter is a piece of a broken word.
ONE_LETTER_WORDS = set("ởýừàạồôơêaeouáóòả")
DAMAGED_SHARE = 0.05  # of all words: a PDF whose font lost its accented letters ("C NG HOÀ")
DAMAGED_MIN = 12


TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng


def _broken(token: str) -> bool:
    """A lone letter that is no word ('T C'), or a syllable with two tone marks ('LỦẬN')."""
    if len(token) == 1:
        return token.isalpha() and token.lower() not in ONE_LETTER_WORDS
    return sum(ch in TONES for ch in unicodedata.normalize("NFD", token)) > 1


def damaged(text: str) -> str | None:
    """A sample of text whose accented letters a PDF lost or scrambled ('U BAN DÂN T C',
    'KẾT LỦẬN … CỦÀ'), or None."""
    tokens = text.split()
    lone = [i for i, t in enumerate(tokens) if _broken(t)]
    if len(lone) >= DAMAGED_MIN and len(lone) >= DAMAGED_SHARE * len(tokens):
        return " ".join(tokens[max(0, lone[0] - 3): lone[0] + 8])
    return None


def find_leak(spoken: list[str], directive: Directive | None = None) -> Leak | None:
    """The first header part or page line found in the spoken paragraphs, or None."""
    sample = damaged(" ".join(spoken))
    if sample:
        return Leak(_clip(sample), "chữ bị mất hoặc sai dấu, thường do chép từ PDF lỗi phông")
    for paragraph in spoken:
        for what, pattern in MARKERS:
            match = pattern.search(plain(paragraph))
            if match:
                return Leak(_clip(paragraph[match.start():].strip()), what)
        if QUOC_HIEU_LINE.fullmatch(paragraph.strip()):
            return Leak(_clip(paragraph), "Quốc hiệu")
        why = chrome.reason(paragraph)
        if why and re.search(r"[^\W\d_]", paragraph):
            return Leak(_clip(paragraph), f"của trang web ({why})")
    return _dropped_leak(spoken, directive) if directive else None


def _dropped_leak(spoken: list[str], directive: Directive) -> Leak | None:
    """A line the parser set aside (the page's) that is read aloud word for word anyway."""
    text = " ".join(" ".join(spoken).split())
    own = folded(f"{directive.kind_name} {directive.subject}")
    for dropped in directive.dropped:
        line = " ".join(dropped.text.split())
        if words(line) < MIN_WORDS or not re.search(r"[^\W\d_]{2}", line):
            continue
        if folded(line) in own or own in folded(line):  # the page's title repeats the document's
            continue
        if line in text:
            return Leak(_clip(line), "dòng của trang web quanh văn bản")
    return None
