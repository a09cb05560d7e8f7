"""Abbreviation data: loading the shipped table and matching its entries in text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from broadcast.errors import BroadcastError

DATA_FILE = "abbreviations.tsv"


def parse_table(text: str, origin: str = DATA_FILE) -> dict[str, str]:
    """Read 'ABBR<TAB>spoken' lines; '#' starts a comment line."""
    table: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].strip() or not parts[1].strip():
            raise BroadcastError(
                f"Dòng {number} của '{origin}' sai dạng: cần 'VIẾT TẮT<Tab>cách đọc'."
            )
        table[parts[0].strip()] = parts[1].strip()
    return table


@dataclass(frozen=True)
class Lexicon:
    """Abbreviations and their spoken forms; users add entries from their commune profile."""

    entries: dict[str, str] = field(default_factory=dict)

    def extended(self, more: dict[str, str]) -> Lexicon:
        return Lexicon({**self.entries, **more})

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        if not self.entries:
            return None
        keys = sorted(self.entries, key=len, reverse=True)
        alternatives = "|".join(re.escape(k) for k in keys)
        return re.compile(rf"(?<![\w&/.-])(?:{alternatives})(?![\w&]|-\w|/\w)")

    def __contains__(self, token: str) -> bool:
        return token in self.entries

    def expand(self, text: str) -> str:
        if self.pattern is None:
            return text
        return self.pattern.sub(lambda m: self.entries[m.group(0)], text)

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.entries.items())))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    data = resources.files("broadcast.speech").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return Lexicon(parse_table(data))
