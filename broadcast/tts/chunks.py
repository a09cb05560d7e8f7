"""Cutting text into requests of at most N characters for engines that limit them (gtts: 100).

Cuts fall at sentence ends first, then at clause marks; neighbouring pieces are then joined
again while they fit, so the fewest requests are sent. A clause still too long (one without
punctuation) is cut between words into the fewest parts that fit, chosen in this order:

1. no cut between the two syllables of a common two-syllable word ("kế | hoạch"), from
   ``two_syllable_words.txt``, made from the corpus;
2. no part under three syllables (a one- or two-syllable tail sounds cut off);
3. parts of near-equal length, a cut before a function word ("| của", "| và", "| để") rather
   than elsewhere, not after one ("của |"), and not inside a number read out ("hai | mươi").

Never inside a word: a single "word" longer than the limit, which spoken text does not produce,
is cut by force. A mark that is not a word ("…", "–", a lone quote) goes with its neighbour, so
no request is punctuation only (gTTS drops such a piece and the endpoint has nothing to say).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

WORDS_FILE = Path(__file__).with_name("two_syllable_words.txt")
# Words a phrase starts with: a cut before one is where a speaker would pause.
FUNCTION_WORDS = frozenset({
    "và", "của", "các", "những", "để", "trong", "với", "theo", "cho", "được", "về", "từ", "tại",
    "hoặc", "nhằm", "đến", "tới", "trên", "dưới", "mà", "nhưng", "do", "bởi", "vì", "nếu", "khi",
    "thì", "sau", "trước", "là", "như", "ở",
})
# The words of a number read out (speech.numbers): a cut inside one splits the number.
NUMBER_WORDS = frozenset({
    "không", "một", "hai", "ba", "bốn", "năm", "lăm", "sáu", "bảy", "tám", "chín", "mười",
    "mươi", "mốt", "tư", "trăm", "nghìn", "ngàn", "linh", "lẻ", "triệu", "tỷ", "tỉ", "phẩy",
    "rưỡi",
})
MIN_SYLLABLES = 3
# Costs in characters of length away from an equal split.
NOT_BEFORE_FUNCTION = 20
AFTER_FUNCTION = 20
INSIDE_NUMBER = 40

SENTENCE_MARKS = ".!?…"
CLAUSE_MARKS = ",;:"
CLOSERS = "\"'”’»)]"
OPENERS = "\"'“‘«([–—-"
DASHES = "–—-"


def split_requests(text: str, limit: int = 100) -> list[str]:
    """``text`` as pieces of at most ``limit`` characters, in order, whose words are the text's
    (whitespace made single spaces). A text with nothing to say (only marks) gives no piece."""
    units = _forced(_units(text.split()), limit)
    pieces = [piece for sentence in _runs(units, _ends_sentence)
              for piece in _fit(sentence, limit)]
    return [piece for piece in _join(pieces, limit) if speakable(piece)]


def speakable(text: str) -> bool:
    """Whether ``text`` has a letter or digit: something a voice can say."""
    return any(ch.isalnum() for ch in text)


@lru_cache(maxsize=1)
def two_syllable_words() -> frozenset[tuple[str, str]]:
    """The common two-syllable words, as (first syllable, second syllable), lower case."""
    pairs = set()
    for line in WORDS_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        first, second = _fold(line).split()  # a line that is not two syllables: ValueError
        pairs.add((first, second))
    return frozenset(pairs)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def _units(tokens: list[str]) -> list[str]:
    """Tokens with the marks that are not words attached: an opening mark (dash, opening
    bracket or quote) to the word after it, any other to the word before it. Every unit but
    a text's only one has exactly one word."""
    units: list[str] = []
    waiting: list[str] = []  # opening marks waiting for their word
    for token in tokens:
        if speakable(token):
            units.append(" ".join([*waiting, token]))
            waiting = []
        elif units and not waiting and not _opens(token):
            units[-1] += " " + token
        else:
            waiting.append(token)
    if waiting and units:
        units[-1] = " ".join([units[-1], *waiting])
    elif waiting:
        units.append(" ".join(waiting))
    return units


def _opens(token: str) -> bool:
    return all(ch in OPENERS for ch in token)


def _forced(units: list[str], limit: int) -> list[str]:
    """Units longer than the limit (no space to cut at) cut into pieces of ``limit``."""
    out: list[str] = []
    for unit in units:
        while len(unit) > limit:
            out.append(unit[:limit])
            unit = unit[limit:]
        out.append(unit)
    return out


def _ends_sentence(units: list[str], i: int) -> bool:
    """Whether a sentence ends between ``units[i - 1]`` and ``units[i]``."""
    return units[i - 1].rstrip(CLOSERS).endswith(tuple(SENTENCE_MARKS))


def _ends_clause(units: list[str], i: int) -> bool:
    return (_ends_sentence(units, i) or units[i - 1].rstrip(CLOSERS).endswith(
        tuple(CLAUSE_MARKS)) or (units[i][:1] in DASHES and units[i][1:2] == " "))


def _runs(units: list[str], boundary) -> list[list[str]]:
    bounds = [0, *(i for i in range(1, len(units)) if boundary(units, i)), len(units)]
    return [units[a:b] for a, b in pairwise(bounds)]


def _fit(units: list[str], limit: int) -> list[str]:
    if len(" ".join(units)) <= limit:
        return [" ".join(units)]
    clauses = _runs(units, _ends_clause)
    if len(clauses) > 1:
        return [piece for clause in clauses for piece in _fit(clause, limit)]
    return [" ".join(part) for part in _balanced(units, limit)]


def _join(pieces: list[str], limit: int) -> list[str]:
    joined: list[str] = []
    for piece in pieces:
        if joined and len(joined[-1]) + 1 + len(piece) <= limit:
            joined[-1] = f"{joined[-1]} {piece}"
        else:
            joined.append(piece)
    return joined


def _balanced(units: list[str], limit: int) -> list[list[str]]:
    """A clause cut between words into the fewest parts of at most ``limit`` characters that
    break no two-syllable word and leave no part under three syllables (as far as possible),
    then as equal in length as the preferences for the cut places allow."""
    clause = _Clause(units, limit)
    return clause.best_split(clause.fewest_parts())


NO_CUT = (0, 0)  # the first part starts the clause: no cut before it
NOTHING = (0, 0, 0)


class _Clause:
    """A clause too long for one request. Its parts are units[start:end]; the cut before a part
    that does not start the clause is ``cuts[start]``: (1 if it breaks a two-syllable word,
    its cost in characters)."""

    def __init__(self, units: list[str], limit: int) -> None:
        self.units = units
        self.limit = limit
        words = two_syllable_words()
        self.cuts = {}
        for i in range(1, len(units)):
            left, right = _syllable(units[i - 1]), _syllable(units[i])
            self.cuts[i] = (int((left, right) in words), _cut_cost(left, right))

    def starts(self, end: int) -> list[tuple[int, int]]:
        """(start, length) of the parts ending at ``end`` that fit the limit, shortest first
        (the one-unit part always fits: no unit is longer than the limit)."""
        size = len(self.units[end - 1])
        found = [(end - 1, size)]
        for start in range(end - 2, -1, -1):
            size += 1 + len(self.units[start])
            if size > self.limit:
                break
            found.append((start, size))
        return found

    def part(self, start: int, end: int, size: int, share: float) -> tuple[int, int, float]:
        """What a part costs: (two-syllable word broken by the cut before it, whether it has
        fewer than three syllables, its distance from ``share`` plus the cost of that cut)."""
        broken, cost = self.cuts.get(start, NO_CUT)
        return broken, int(end - start < MIN_SYLLABLES), abs(size - share) + cost

    def fewest_parts(self) -> int:
        """The number of parts of the split with the fewest faults, then the fewest parts."""
        best = {0: NOTHING}  # end: (broken, short, parts) of the best split of units[:end]
        for end in range(1, len(self.units) + 1):
            best[end] = min(_plus(best[start], (*self.part(start, end, size, size)[:2], 1))
                            for start, size in self.starts(end))
        return best[len(self.units)][2]

    def best_split(self, parts: int) -> list[list[str]]:
        """The split into ``parts`` parts with the fewest faults, then the lowest cost: each
        part's distance from an equal share of the length, plus the costs of the cuts."""
        share = len(" ".join(self.units)) / parts
        layer = {0: (NOTHING, ())}  # end: (cost, starts) of the best split of units[:end]
        for _ in range(parts):
            following: dict[int, tuple] = {}
            for end in range(1, len(self.units) + 1):
                for start, size in self.starts(end):
                    if start in layer:
                        total = _plus(layer[start][0], self.part(start, end, size, share))
                        if end not in following or total < following[end][0]:
                            following[end] = (total, (*layer[start][1], start))
            layer = following
        bounds = (*layer[len(self.units)][1], len(self.units))
        return [self.units[a:b] for a, b in pairwise(bounds)]


def _plus(a: tuple, b: tuple) -> tuple:
    return a[0] + b[0], a[1] + b[1], a[2] + b[2]


def _syllable(unit: str) -> str:
    """A unit's word, without its marks, in lower case ('' for a unit of marks only)."""
    return "".join(_fold(word.strip(OPENERS + CLOSERS + SENTENCE_MARKS + CLAUSE_MARKS))
                   for word in unit.split() if speakable(word))


def _cut_cost(left: str, right: str) -> int:
    """What a cut between two syllables costs: nothing before a function word, more after
    one and inside a number read out."""
    cost = 0 if right in FUNCTION_WORDS else NOT_BEFORE_FUNCTION
    if left in FUNCTION_WORDS:
        cost += AFTER_FUNCTION
    if left in NUMBER_WORDS and right in NUMBER_WORDS:
        cost += INSIDE_NUMBER
    return cost
