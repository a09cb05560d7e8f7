"""The values the parser produces: the Directive (what later stages read) and the ledger of
pieces (which part of the document every input line went to)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from broadcast.document.patterns import FORMULA, KIND_NAMES

# Every piece of the input ends in exactly one of these parts.
HEADER_PARTS = ("issuer", "national", "number", "place_date", "mark", "kind", "subject",
                "authority", "addressees", "reference")
CONTENT_PARTS = ("preamble", "body", "closing")
FOOTER_PARTS = ("recipients", "signer")
PARTS = HEADER_PARTS + CONTENT_PARTS + FOOTER_PARTS + ("dropped",)


@dataclass
class Block:
    """One piece of the body: heading, paragraph, numbered item or bullet."""

    type: str
    text: str
    label: str = ""
    children: list[Block] = field(default_factory=list)
    deadlines: list[str] = field(default_factory=list)


@dataclass
class Signer:
    authority: str = ""
    on_behalf: str = ""
    title: str = ""
    name: str = ""


@dataclass
class Dropped:
    """A line of the input that is not part of the document (never read aloud)."""

    line: int  # 1-based, as an editor counts
    text: str
    why: str


@dataclass
class Directive:
    """A parsed administrative document."""

    kind: str = "other"
    number: str = ""
    symbol: str = ""
    issuer: str = ""
    place: str = ""
    date: str | None = None
    title: str = ""
    subject: str = ""
    addressees: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    closing: str = ""
    recipients: list[str] = field(default_factory=list)
    signer: Signer | None = None
    meeting: dict | None = None
    source: str = ""
    issuer_parent: str = ""  # "UBND HUYỆN HÒN ĐẤT" over "VĂN PHÒNG HĐND VÀ UBND"
    kind_word: str = ""  # the document's own kind word when it has no kind of ours ("Công điện")
    dropped: list[Dropped] = field(default_factory=list)  # the page around it, never read

    @property
    def kind_name(self) -> str:
        if self.kind == "other" and self.kind_word:
            return self.kind_word
        return KIND_NAMES.get(self.kind, KIND_NAMES["other"])

    @property
    def closing_is_formula(self) -> bool:
        """True when the closing only says who is told (nothing for the public to hear)."""
        return bool(FORMULA.search(self.closing))

    def to_dict(self) -> dict:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


@dataclass
class Piece:
    """A piece of the input after layout repair: a whole line, part of a flattened line, or
    lines joined back together. ``lines`` are the 0-based input lines it came from."""

    lines: tuple[int, ...]
    text: str
    heading: bool = False  # a Markdown heading mark ("## THÔNG BÁO")
    gap: bool = False  # a blank line before it
    part: str = ""
    why: str = ""  # for a dropped piece: the reason, in Vietnamese

    @property
    def line(self) -> int:
        return self.lines[0]


@dataclass
class Reading:
    """What ``analyse`` returns: the Directive and the ledger of every piece of the input."""

    directive: Directive
    pieces: list[Piece]

    def parts(self) -> dict[int, list[str]]:
        """Input line → the parts its pieces went to."""
        out: dict[int, list[str]] = {}
        for piece in self.pieces:
            for line in piece.lines:
                out.setdefault(line, []).append(piece.part)
        return out
