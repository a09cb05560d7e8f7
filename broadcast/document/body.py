"""The document's text: pieces → paragraphs (wrapped lines joined, page breaks mended) → the
tree of headings, items, bullets and paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from broadcast.document.model import Block, Piece
from broadcast.document.patterns import (
    ARTICLE,
    BULLET,
    CHAPTER,
    DEADLINE,
    LETTERED,
    MARKER,
    NUMBERED,
    OPENER,
    ROMAN,
    TERMINAL,
    is_caps,
    iso_date,
    words,
)

BARE_LABEL = re.compile(r"^(?:Điều\s+\d{1,3}|Chương\s+[IVXL\d]+|[IVXL]{1,5}|\d{1,2}(?:\.\d{1,2})*|"
                        r"[a-zđ])\s*[.:)\-–]?$")


@dataclass
class Para:
    """A paragraph of the text and the pieces it was made of."""

    text: str
    lines: list[str]
    marked_heading: bool = False
    pieces: list[Piece] = field(default_factory=list)


WRAP_WIDTH = 140  # characters: a line longer than this was a whole paragraph, not wrapped


def _wrapped(prev: str, piece: Piece, last: str = "") -> bool:
    """Does ``piece`` continue the paragraph that ends with ``prev`` (whose last line is
    ``last``): a wrapped line, a sentence cut by a page break, rather than a new paragraph?"""
    text = piece.text
    if BARE_LABEL.match(prev):  # "Điều 1." on its own line, its text below
        return not MARKER.match(text)
    if MARKER.match(text) or piece.heading or not prev:
        return False
    if text[:1].islower() or not (text[:1].isalpha() or text[:1] in "“\"'"):
        # "… trong năm" / "2015 tình hình …", "(108.263), …", "ngày 17/01/2023 …"
        return not prev.endswith((".", "!", "?")) or prev.endswith(("TP.", "v.v."))
    if TERMINAL.search(prev) or piece.gap or is_caps(text) != is_caps(prev):
        return False
    if OPENER.match(text) and not _runs_on(prev):  # "… Kỷ Hợi 2019" / "Theo đó, các hoạt động …"
        return False
    return _runs_on(prev) or (words(prev) >= 8 and len(last or prev) <= WRAP_WIDTH)


# Words a sentence does not end with: a long line ending with one was cut by a page break.
_RUNS_ON = (
    "của và các những theo tại với cho về trong được là có để do từ đến ở như hoặc hay nhưng mà "
    "thì khi sau trước trên dưới giữa bằng số ngày tháng năm đã sẽ đang cần phải")
RUNS_ON = frozenset(_RUNS_ON.split())


def _runs_on(prev: str) -> bool:
    """'…, trực tuyến,' / 'TTHC …', '… ngày 17/01/2023 của' / 'UBND huyện; …'."""
    last = prev.split()[-1]
    return last.endswith(",") or last in RUNS_ON


def paragraphs_of(pieces: list[Piece]) -> list[Para]:
    """Paragraphs of the text: wrapped lines joined, a new paragraph at a label or a blank line
    (unless a sentence runs on over it)."""
    out: list[Para] = []
    for piece in pieces:
        if out and _wrapped(out[-1].text, piece, out[-1].lines[-1]):
            last = out[-1]
            last.text = f"{last.text} {piece.text}"
            last.lines.append(piece.text)
            last.pieces.append(piece)
        else:
            out.append(Para(piece.text, [piece.text], piece.heading, [piece]))
    return out


def deadlines(text: str) -> list[str]:
    return [iso_date(y, m, d) for d, m, y in DEADLINE.findall(text)]


def _is_heading(text: str, marked: bool) -> bool:
    return marked or (words(text) <= 14 and not re.search(r"[.;]$", text))


def block_of(para: Para) -> tuple[int, Block]:
    """(nesting level, block) for one paragraph; smaller level = higher in the tree."""
    text = para.text
    for level, pattern in ((1, CHAPTER), (1, ROMAN), (2, ARTICLE), (2, NUMBERED), (3, LETTERED)):
        match = pattern.match(text)
        if match:
            label, rest = match["label"], match["text"].strip()
            kind = "heading" if level == 1 or _is_heading(rest, para.marked_heading) else "item"
            level += label.count(".") if pattern is NUMBERED else 0
            return level, Block(kind, rest, label, deadlines=deadlines(rest))
    match = BULLET.match(text)
    if match:
        return 9, Block("bullet", match["text"].strip(), deadlines=deadlines(text))
    if para.marked_heading:
        return 1, Block("heading", text)
    return 10, Block("paragraph", text, deadlines=deadlines(text))


def build_tree(paras: list[Para]) -> tuple[list[Para], list[Block]]:
    """The paragraphs before the first labelled block (the preamble) and the tree of the rest."""
    preamble: list[Para] = []
    roots: list[Block] = []
    stack: list[tuple[int, Block]] = []
    for para in paras:
        level, block = block_of(para)
        if block.type == "paragraph" and not stack and not roots:
            preamble.append(para)
            continue
        while stack and (stack[-1][0] >= level or (level == 10 and stack[-1][0] == 9)):
            stack.pop()
        (stack[-1][1].children if stack else roots).append(block)
        if level < 10:
            stack.append((level, block))
    return preamble, roots


def walk(blocks: list[Block]):
    """Yield every block of a tree, depth first, in reading order."""
    for block in blocks:
        yield block
        yield from walk(block.children)
