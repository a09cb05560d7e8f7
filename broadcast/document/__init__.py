"""The Directive model and its parser for Vietnamese administrative documents as officers
really receive them: clean files, and copies of portal pages, legal sites, Word and PDF.

A directive follows the layout of Nghị định 30/2020/NĐ-CP: issuing body, Quốc hiệu and Tiêu ngữ,
Số/ký hiệu, place and date, kind and subject (trích yếu), Kính gửi, body, closing formula,
Nơi nhận and the signature block. Reading happens in stages that each do one thing, and every
line of the input is accounted for:

1. ``chrome``: lines of the page around the document (menus, counters, metadata tables, URLs);
2. ``layout``: repaired lines (flattened headers split, split words joined, glued words
   unglued, look-alike letters);
3. ``zones``: the header found wherever it starts, then subject, addressees, text, recipients,
   signer; what lies before and after the document is dropped;
4. ``fields``: each field read from its zone.

``analyse`` returns the Directive and the ledger (every piece with its part); ``parse`` the
Directive alone. Nothing here reads files: ``sources`` does.
"""

from __future__ import annotations

from broadcast.document import fields, layout, zones
from broadcast.document.body import Para, walk
from broadcast.document.model import PARTS, Block, Directive, Dropped, Piece, Reading, Signer
from broadcast.document.patterns import KIND_NAMES, KIND_WORDS, SYMBOL_KINDS
from broadcast.sources import SourceText

__all__ = ["KIND_NAMES", "KIND_WORDS", "PARTS", "SYMBOL_KINDS", "Block", "Directive", "Dropped",
           "Para",
           "Piece", "Reading", "Signer", "analyse", "paragraphs", "parse", "walk"]


def analyse(source: SourceText | str) -> Reading:
    """Read a document's text: its Directive and the part every piece of it went to."""
    text = source.text if isinstance(source, SourceText) else source
    lines, pieces = layout.pieces(text)
    start, end, subject_from = zones.assign(pieces)
    doc = fields.read(pieces, start, end, subject_from, "\n".join(lines))
    doc.source = source.path if isinstance(source, SourceText) else ""
    return Reading(doc, pieces)


def parse(source: SourceText | str) -> Directive:
    """Parse a document's text into a Directive. Never fails: unknown layouts give kind 'other'."""
    return analyse(source).directive


def paragraphs(text: str) -> list[Para]:
    """The blocks of a text between blank lines, Markdown removed, each with its lines."""
    out: list[Para] = []
    for piece in layout.pieces(text)[1]:
        if out and not piece.gap:
            out[-1].text += " " + piece.text
            out[-1].lines.append(piece.text)
            out[-1].pieces.append(piece)
        else:
            out.append(Para(piece.text, [piece.text], piece.heading, [piece]))
    return out
