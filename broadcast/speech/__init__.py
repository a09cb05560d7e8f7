"""Spoken Vietnamese: turn printed text into what the announcer says, and cut it into segments.

``pipeline()`` returns the ordered tuple of rules; a caller may pass its own tuple to
``normalize()``. Each step is logged at debug level.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial

from broadcast.errors import BroadcastError
from broadcast.speech import codes, rules
from broadcast.speech.lexicon import Lexicon, default_lexicon
from broadcast.speech.numbers import NORTH, SOUTH, Dialect
from broadcast.speech.segments import Pauses, Segment, segment

log = logging.getLogger(__name__)

Rule = Callable[[str], str]
DIALECTS = ("bac", "nam")


@dataclass(frozen=True)
class SpeechOptions:
    """How to read: dialect ('bac' or 'nam'), 'mùng' before days 1–10, document symbols read
    or dropped, item labels read or dropped, and the user's own abbreviations."""

    dialect: str = "bac"
    mung: bool = True
    read_symbols: bool = False
    drop_labels: bool = False
    extra_abbreviations: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.dialect not in DIALECTS:
            raise BroadcastError(
                f"Giọng vùng '{self.dialect}' không hợp lệ; chọn một trong: {', '.join(DIALECTS)}."
            )

    @property
    def words(self) -> Dialect:
        return SOUTH if self.dialect == "nam" else NORTH


def pipeline(options: SpeechOptions | None = None) -> tuple[Rule, ...]:
    """The default ordered rules, with data and options bound."""
    options = options or SpeechOptions()
    d = options.words
    lexicon: Lexicon = default_lexicon().extended(options.extra_abbreviations)
    return (
        rules.strip_markdown,
        rules.tidy_spacing,
        rules.read_web_addresses,
        rules.drop_end_marks,
        rules.drop_acronym_after_expansion,
        partial(rules.read_item_labels, dialect=d, drop=options.drop_labels),
        partial(rules.read_standard_codes, dialect=d),
        partial(codes.read_plates, dialect=d),
        codes.read_identifiers,
        codes.read_phone_numbers,
        partial(codes.read_roads, dialect=d),
        partial(rules.read_legal_codes, read_symbols=options.read_symbols, lexicon=lexicon,
                dialect=d),
        codes.read_unit_rates,
        partial(rules.expand_abbreviations, lexicon=lexicon),
        rules.lowercase_caps_runs,
        partial(rules.read_dates, mung=options.mung, dialect=d),
        partial(rules.read_times, dialect=d),
        partial(rules.read_ranges, dialect=d),
        rules.read_percent,
        partial(rules.read_fractions, dialect=d),
        partial(rules.read_ordinals, dialect=d),
        partial(codes.read_mixed_codes, dialect=d),
        partial(rules.read_roman_numerals, dialect=d),
        rules.read_units,
        codes.read_clause_letters,
        rules.spell_unknown_acronyms,
        partial(rules.read_numbers, dialect=d),
        rules.read_symbols,
        rules.tidy_punctuation,
    )


def _name(rule: Rule) -> str:
    return getattr(rule, "__name__", None) or getattr(getattr(rule, "func", None), "__name__",
                                                       type(rule).__name__)


def normalize(text: str, steps: Sequence[Rule] | None = None) -> str:
    """Printed text → spoken text."""
    return _normalize(text, steps if steps is not None else pipeline())[0]


def _normalize(text: str, steps: Sequence[Rule],
               trace: list[Step] | None = None) -> tuple[str, tuple[str, ...]]:
    """(spoken text, tokens spelled letter by letter); each change appended to ``trace``."""
    tracing = log.isEnabledFor(logging.DEBUG)
    spelled: list[str] = []
    for rule in steps:
        if rule is rules.spell_unknown_acronyms:
            spelled += rules.spelled_acronyms(text)
        before, text = text, rule(text)
        if text != before:
            if trace is not None:
                trace.append(Step(_name(rule), before, text))
            if tracing:
                log.debug("%s: %r → %r", _name(rule), before, text)
    return text[:1].upper() + text[1:], tuple(dict.fromkeys(spelled))


@dataclass(frozen=True)
class Step:
    """One rule that changed the text, for ``broadcast normalize --explain``."""

    rule: str
    before: str
    after: str


@dataclass(frozen=True)
class Explanation:
    spoken: str
    steps: tuple[Step, ...]
    spelled: tuple[str, ...]  # all-caps tokens read letter by letter: candidates for the table


def explain(text: str, options: SpeechOptions | None = None) -> Explanation:
    """What each rule did to ``text`` and which tokens fell back to letter names."""
    trace: list[Step] = []
    spoken, spelled = _normalize(text, pipeline(options), trace)
    return Explanation(spoken, tuple(trace), spelled)


def unknown_acronyms(segments: Sequence[Segment]) -> list[str]:
    """Every token the voice spells letter by letter in ``segments``, in order, once each
    (noted while they were normalized: nothing is read twice)."""
    return list(dict.fromkeys(token for s in segments for token in s.spelled))


def spoken_segments(
    sections, options: SpeechOptions | None = None, pauses: Pauses | None = None
) -> list[Segment]:
    """Script sections → segments, each normalized with the pipeline for ``options``."""
    steps = pipeline(options)
    return segment(sections, lambda text: _normalize(text, steps), pauses)
