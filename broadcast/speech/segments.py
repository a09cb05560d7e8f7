"""Cutting a script into spoken segments (sentences, or clauses of long sentences) with pauses."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

# Tokens that end with a period but do not end a sentence.
NO_BREAK_BEFORE_DOT = {"TP", "Tp", "TM", "KT", "TL", "TS", "ThS", "PGS", "GS", "BS", "St", "v.v",
                       "Q", "TT", "P"}
LABEL = re.compile(r"^(?:[IVXL]{1,6}\.|\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\)|[-+•–]|Điều \d{1,3}\.)\s+")
LONG_SENTENCE = 220
MIN_CLAUSE = 50
# How far back from a period to look for the word it closes: bounded, so splitting stays linear.
WORD_WINDOW = 40


class SectionLike(Protocol):
    kind: str
    text: str


@dataclass(frozen=True)
class Pauses:
    """Silence after a segment, in milliseconds, chosen by the structure it ends."""

    title: int = 1200
    heading: int = 900
    block: int = 650
    sentence: int = 350
    clause: int = 200

    def after(self, kind: str, last_of_section: bool) -> int:
        if kind in ("title", "heading"):
            return self.title if kind == "title" else self.heading
        return self.block if last_of_section else self.sentence


@dataclass
class Segment:
    """One piece of speech: the printed text, what the voice says, and the pause after it."""

    index: int
    kind: str
    text: str
    spoken: str
    pause_ms: int
    spelled: tuple[str, ...] = ()  # all-caps tokens the voice reads letter by letter


def _ends_sentence(before: str) -> bool:
    """Whether the period after ``before`` (the text just before it) ends a sentence."""
    word = re.search(r"([\w.]+)$", before)
    return not (word and word[1] in NO_BREAK_BEFORE_DOT)


def split_sentences(text: str) -> list[str]:
    """Split at . ! ? … followed by a capital letter; a leading label ('1.', 'II.') stays."""
    label = LABEL.match(text)
    head, body = (text[: label.end()], text[label.end():]) if label else ("", text)
    pieces, start = [], 0
    for m in re.finditer(r"[.!?…]+[\"”)]?\s+", body):
        nxt = body[m.end(): m.end() + 1]
        before = body[max(0, m.start() - WORD_WINDOW): m.start()]
        if (nxt.isupper() or nxt in "-–\"“") and _ends_sentence(before):
            pieces.append(body[start: m.end()].strip())
            start = m.end()
    pieces.append(body[start:].strip())
    pieces = [p for p in pieces if p]
    if head and pieces:
        pieces[0] = head + pieces[0]
    return pieces or ([head.strip()] if head.strip() else [])


def split_clauses(sentence: str, limit: int = LONG_SENTENCE) -> list[str]:
    """A long sentence is cut at ';' (then ':', then ',') into clauses of reasonable length; a
    clause still over twice the limit (a run-on without punctuation) is cut between words into
    near-equal parts, so no segment grows with the document."""
    if len(sentence) <= limit:
        return [sentence]
    for mark in (";", ":", ","):
        parts = [p.strip() for p in re.split(rf"(?<={mark})\s+", sentence) if p.strip()]
        if len(parts) > 1:
            return [cut for part in _merge_short(parts) for cut in _cut_words(part, limit)]
    return _cut_words(sentence, limit)


def _cut_words(clause: str, limit: int) -> list[str]:
    """Near-equal runs of whole words, each at most about ``limit`` characters."""
    if len(clause) <= 2 * limit:
        return [clause]
    words = clause.split()
    count = -(-len(clause) // limit)
    size = -(-len(words) // count)
    return [" ".join(words[i: i + size]) for i in range(0, len(words), size)]


def _merge_short(parts: list[str]) -> list[str]:
    merged: list[str] = []
    for part in parts:
        if merged and (len(merged[-1]) < MIN_CLAUSE or len(part) < MIN_CLAUSE):
            merged[-1] = f"{merged[-1]} {part}"
        else:
            merged.append(part)
    return merged


def segment(
    sections: Iterable[SectionLike],
    normalize: Callable[[str], tuple[str, tuple[str, ...]]],
    pauses: Pauses | None = None,
) -> list[Segment]:
    """Sections (kind, printed text) → spoken segments with the pause after each;
    ``normalize`` gives a piece's spoken form and the tokens it spelled letter by letter."""
    pauses = pauses or Pauses()
    out: list[Segment] = []
    for section in sections:
        pieces = _pieces(section.text)
        for i, (piece, clause_end) in enumerate(pieces):
            spoken, spelled = normalize(piece)
            if not re.search(r"\w", spoken):
                continue
            last = i == len(pieces) - 1
            pause = pauses.clause if clause_end and not last else pauses.after(section.kind, last)
            out.append(Segment(len(out), section.kind, piece, spoken, pause, spelled))
    return out


def _pieces(text: str) -> Sequence[tuple[str, bool]]:
    """(piece, ends_mid_sentence) for every clause of every sentence."""
    out: list[tuple[str, bool]] = []
    for sentence in split_sentences(" ".join(text.split())):
        clauses = split_clauses(sentence)
        out += [(c, j < len(clauses) - 1) for j, c in enumerate(clauses)]
    return out
