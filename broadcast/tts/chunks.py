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
        syllables = _fold(line).split()
        if len(syllables) == 2 and not line.startswith("#"):
            pairs.add((syllables[0], syllables[1]))
    return frozenset(pairs)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def _units(tokens: list[str]) -> list[str]:
    """Tokens with the marks that are not words attached: an opening mark (dash, opening
    bracket or quote) to the word after it, any other to the word before it."""
    units: list[str] = []
    waiting = ""  # opening marks waiting for their word
    for token in tokens:
        if speakable(token):
            units.append(f"{waiting} {token}" if waiting else token)
            waiting = ""
        elif units and not waiting and not _opens(token):
            units[-1] = f"{units[-1]} {token}"
        else:
            waiting = f"{waiting} {token}" if waiting else token
    if waiting and units:
        units[-1] = f"{units[-1]} {waiting}"
    elif waiting:
        units.append(waiting)
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
    runs: list[list[str]] = []
    start = 0
    for i in range(1, len(units)):
        if boundary(units, i):
            runs.append(units[start:i])
            start = i
    if units:
        runs.append(units[start:])
    return runs


def _fit(units: list[str], limit: int) -> list[str]:
    if _length(units) <= limit:
        return [" ".join(units)]
    clauses = _runs(units, _ends_clause)
    if len(clauses) > 1:
        return [piece for clause in clauses for piece in _fit(clause, limit)]
    return [" ".join(part) for part in _balanced(units, limit)]


def _length(units: list[str]) -> int:
    return sum(len(unit) for unit in units) + len(units) - 1


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
    parts = clause.fewest_parts()
    return clause.best_split(parts)


class _Clause:
    def __init__(self, units: list[str], limit: int) -> None:
        self.units = units
        self.limit = limit
        self.ends = [0]  # ends[i]: characters of units[:i] with the spaces between them
        for unit in units:
            self.ends.append(self.ends[-1] + len(unit) + 1)
        words = two_syllable_words()
        self.broken = [0] + [int((_last(units[i - 1]), _first(units[i])) in words)
                             for i in range(1, len(units))]
        self.soft = [0] + [_cut_cost(units[i - 1], units[i]) for i in range(1, len(units))]

    def span(self, start: int, end: int) -> int:
        return self.ends[end] - self.ends[start] - 1

    def starts(self, end: int) -> range:
        """The starts of the parts ending at ``end`` that fit the limit (at least the one-unit
        part: units are never longer than the limit)."""
        start = end - 1
        while start > 0 and self.span(start - 1, end) <= self.limit:
            start -= 1
        return range(start, end)

    def faults(self, start: int, end: int) -> tuple[int, int]:
        """(two-syllable words broken at the part's start, whether the part is too short)."""
        return self.broken[start], int(end - start < MIN_SYLLABLES)

    def fewest_parts(self) -> int:
        """The number of parts of the split with the fewest faults, then the fewest parts."""
        best: list[tuple[int, int, int]] = [(0, 0, 0)]
        for end in range(1, len(self.units) + 1):
            best.append(min(_add(best[start], (*self.faults(start, end), 1))
                            for start in self.starts(end)))
        return best[-1][2]

    def best_split(self, parts: int) -> list[list[str]]:
        """The split into ``parts`` parts with the fewest faults, then the lowest cost: the
        distance of each part's length from an equal share, plus the costs of the cut places."""
        n = len(self.units)
        share = self.span(0, n) / parts
        inf = (n + 1, n + 1, float("inf"))
        cost = [[inf] * (n + 1) for _ in range(parts + 1)]
        back = [[0] * (n + 1) for _ in range(parts + 1)]
        cost[0][0] = (0, 0, 0.0)
        for count in range(1, parts + 1):
            for end in range(count, n + 1):
                for start in self.starts(end):
                    if cost[count - 1][start] == inf:
                        continue
                    shape = abs(self.span(start, end) - share) + self.soft[start]
                    total = _add(cost[count - 1][start], (*self.faults(start, end), shape))
                    if total < cost[count][end]:
                        cost[count][end], back[count][end] = total, start
        bounds = [n]
        for count in range(parts, 0, -1):
            bounds.append(back[count][bounds[-1]])
        bounds.reverse()
        return [self.units[a:b] for a, b in pairwise(bounds)]


def _add(a: tuple, b: tuple) -> tuple:
    return tuple(x + y for x, y in zip(a, b, strict=True))


def _syllables(unit: str) -> list[str]:
    return [_fold(word.strip(OPENERS + CLOSERS + SENTENCE_MARKS + CLAUSE_MARKS))
            for word in unit.split(" ") if speakable(word)]


def _first(unit: str) -> str:
    found = _syllables(unit)
    return found[0] if found else ""


def _last(unit: str) -> str:
    found = _syllables(unit)
    return found[-1] if found else ""


def _cut_cost(before: str, after: str) -> int:
    """What a cut between two words costs: nothing before a function word, more after one
    and inside a number read out."""
    left, right = _last(before), _first(after)
    cost = 0 if right in FUNCTION_WORDS else NOT_BEFORE_FUNCTION
    if left in FUNCTION_WORDS:
        cost += AFTER_FUNCTION
    if left in NUMBER_WORDS and right in NUMBER_WORDS:
        cost += INSIDE_NUMBER
    return cost
