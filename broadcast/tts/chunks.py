"""Cutting text into requests of at most N characters for engines that limit them (gtts: 100).

Cuts fall at sentence ends first, then at clause marks, then between words; never inside a word
(a single "word" longer than the limit, which spoken text does not produce, is cut by force).
Neighbouring pieces are then joined again while they fit, so the fewest requests are sent.
"""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
CLAUSE_END = re.compile(r"(?<=[,;:])\s+|\s+(?=[–—-]\s)")


def split_requests(text: str, limit: int = 100) -> list[str]:
    """``text`` as pieces of at most ``limit`` characters, in order, whose words are the text's."""
    text = " ".join(text.split())
    if not text:
        return []
    pieces = [part for sentence in SENTENCE_END.split(text)
              for part in _fit(sentence, limit)]
    return _join(pieces, limit)


def _fit(text: str, limit: int) -> list[str]:
    if len(text) <= limit:
        return [text]
    clauses = CLAUSE_END.split(text)
    if len(clauses) > 1:
        return [piece for clause in clauses for piece in _fit(clause, limit)]
    return _words(text, limit)


def _words(text: str, limit: int) -> list[str]:
    pieces: list[str] = []
    current = ""
    for word in text.split(" "):
        while len(word) > limit:  # no space to cut at: only possible for a run-on token
            if current:
                pieces.append(current)
                current = ""
            pieces.append(word[:limit])
            word = word[limit:]
        if current and len(current) + 1 + len(word) > limit:
            pieces.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        pieces.append(current)
    return pieces


def _join(pieces: list[str], limit: int) -> list[str]:
    joined: list[str] = []
    for piece in pieces:
        if joined and len(joined[-1]) + 1 + len(piece) <= limit:
            joined[-1] = f"{joined[-1]} {piece}"
        else:
            joined.append(piece)
    return joined
