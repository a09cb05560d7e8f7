"""Per-engine respellings: words an engine misreads, written the way it reads them right.

Applied to the spoken text just before synthesis, so the script and the .spoken.txt keep the
real spelling; each engine gets its own table (espeak needs different help than piper).
Whole words only, case-insensitive, longest first ("Kon Rẫy" before "Kon").
"""

from __future__ import annotations

import re
from functools import lru_cache


def respell(text: str, table: dict[str, str]) -> str:
    if not table:
        return text
    pattern, lookup = _compiled(tuple(sorted(table.items())))
    return pattern.sub(lambda m: lookup[m[0].casefold()], text)


@lru_cache(maxsize=32)
def _compiled(items: tuple[tuple[str, str], ...]) -> tuple[re.Pattern, dict[str, str]]:
    lookup = {" ".join(word.split()).casefold(): said for word, said in items}
    words = sorted(lookup, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    return pattern, _Spaces(lookup)


class _Spaces(dict):
    """Looks a match up with its inner whitespace collapsed."""

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(" ".join(key.split()))
