"""Abbreviation data: loading the shipped table and matching its entries in text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from broadcast.errors import BroadcastError

DATA_FILE = "abbreviations.tsv"


MARK = "▮"
WINDOW = 40


@dataclass(frozen=True)
class Entry:
    """One reading of an abbreviation; ``context`` (a regex around ▮) limits where it applies."""

    spoken: str
    context: str = ""


def parse_table(text: str, origin: str = DATA_FILE) -> dict[str, tuple[Entry, ...]]:
    """Read 'ABBR<TAB>spoken[<TAB>context]' lines; '#' starts a comment line."""
    table: dict[str, tuple[Entry, ...]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) < 2 or not parts[0] or not parts[1]:
            raise BroadcastError(
                f"Dòng {number} của '{origin}' sai dạng: cần 'VIẾT TẮT<Tab>cách đọc'."
            )
        context = parts[2] if len(parts) > 2 else ""
        try:
            re.compile(context)
        except re.error as exc:
            raise BroadcastError(f"Dòng {number} của '{origin}': ngữ cảnh sai ({exc}).") from exc
        table[parts[0]] = (*table.get(parts[0], ()), Entry(parts[1], context))
    return table


def _as_entries(value: str | tuple[Entry, ...]) -> tuple[Entry, ...]:
    return (Entry(value),) if isinstance(value, str) else tuple(value)


@dataclass(frozen=True)
class Lexicon:
    """Abbreviations and their spoken forms; users add entries from their commune profile."""

    entries: dict[str, tuple[Entry, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        fixed = {k: _as_entries(v) for k, v in self.entries.items()}
        object.__setattr__(self, "entries", fixed)

    def extended(self, more: dict[str, str | tuple[Entry, ...]]) -> Lexicon:
        """A lexicon where ``more`` replaces or adds entries (user additions win)."""
        return Lexicon({**self.entries, **{k: _as_entries(v) for k, v in more.items()}})

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        if not self.entries:
            return None
        keys = sorted(self.entries, key=len, reverse=True)
        # A key ending in a period ('TT.', 'TP.') may be glued to the name after it.
        words = "|".join(re.escape(k) + ("" if k.endswith(".") else r"(?!\w|-\w|/\d)")
                         for k in keys)
        # 'CMND/CCCD', 'TH&THCS': two entries joined by a mark are both read; a symbol after a
        # number ('12/KH') is a document code, read by the rule for those.
        return re.compile(rf"(?<![\w.-])(?<!\d/)(?:{words})")

    def __contains__(self, token: str) -> bool:
        return token in self.entries

    def spoken(self, token: str, before: str = "", after: str = "") -> str:
        """The reading of ``token`` given the text before and after it."""
        window = before[-WINDOW:] + MARK + after[:WINDOW]
        for entry in self.entries[token]:
            if not entry.context or re.search(entry.context, window):
                return entry.spoken
        return self.entries[token][-1].spoken

    def expand(self, text: str) -> str:
        if self.pattern is None:
            return text
        return self.pattern.sub(self._reading, text)

    def _reading(self, m: re.Match[str]) -> str:
        before, after = m.string[: m.start()], m.string[m.end():]
        if _word_of_a_heading(m[0], before, after):
            return m[0]
        spoken = self.spoken(m[0], before, after)
        glued = m[0].endswith(".") and after[:1].isalnum() and spoken != m[0]
        return spoken + " " if glued else spoken  # "TT.Hương Khê": a space after the word


ONSET = r"(?:ngh|ng|gh|gi|kh|ph|th|tr|ch|nh|qu|[bcdđghklmnprstvx])"
SYLLABLE_RUN = re.compile(rf"{ONSET}?[aeiouy]{{1,3}}(?:(?:ng|nh|ch|[cmnpt])(?![aeiouy]))?")
ACCENTED = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
UPPER_VI = "A-ZĐ" + ACCENTED  # every Vietnamese capital, for a character class
ACCENTED_CAPS = re.compile(f"[{ACCENTED}]")


def syllables(word: str) -> list[str]:
    """'mangkhut' → ['mang', 'khut']; [] when the letters do not make syllables ('ubnd')."""
    parts = SYLLABLE_RUN.findall(word)
    return parts if "".join(parts) == word else []


def _word_of_a_heading(token: str, before: str, after: str) -> bool:
    """'CA' in 'CHƯƠNG TRÌNH CA NHẠC' is a word of a heading in capitals, not 'công an': an
    entry that is also a syllable is left alone beside a capitalised word with tone marks."""
    if not token.isalpha() or not token.isupper() or len(syllables(token.lower())) != 1:
        return False
    near = re.findall(r"\S+", before[-20:])[-1:] + re.findall(r"\S+", after[:20])[:1]
    return any(word.isupper() and ACCENTED_CAPS.search(word) for word in near)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    data = resources.files("broadcast.speech").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return Lexicon(parse_table(data))
