"""Reader for Word (.docx) files: paragraphs and table cells in document order, with the list
numbers Word draws itself ("1.", "a)", "II."), bold kept as Markdown and headings marked."""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Iterator

from broadcast.errors import BroadcastError
from broadcast.sources.limits import check_zip, quiet_libraries

log = logging.getLogger(__name__)

FORMAT = "docx"
SUFFIXES = (".docx",)
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
         (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    out = ""
    for value, sym in ROMAN:
        count, n = divmod(n, value)
        out += sym * count
    return out


def _format(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return chr(ord("a") + (n - 1) % 26)
    if fmt == "upperLetter":
        return chr(ord("A") + (n - 1) % 26)
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    return str(n)


class _Numbering:
    """Word's automatic list numbers, computed from numbering.xml as paragraphs are read."""

    def __init__(self, document) -> None:
        from docx.oxml.ns import qn

        self.qn = qn
        self.levels: dict[tuple[str, str], tuple[str, str, int]] = {}
        self.counters: dict[tuple[str, str], int] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract = {a.get(qn("w:abstractNumId")): a for a in root.iter(qn("w:abstractNum"))}
        for num in root.iter(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            definition = abstract.get(ref.get(qn("w:val"))) if ref is not None else None
            for lvl in definition.iter(qn("w:lvl")) if definition is not None else ():
                key = (num.get(qn("w:numId")), lvl.get(qn("w:ilvl")))
                self.levels[key] = (self._val(lvl, "w:numFmt", "decimal"),
                                    self._val(lvl, "w:lvlText", ""),
                                    int(self._val(lvl, "w:start", "1")))

    def _val(self, element, tag: str, default: str) -> str:
        child = element.find(self.qn(tag))
        return child.get(self.qn("w:val")) if child is not None else default

    @staticmethod
    def _num_pr(paragraph):
        """The paragraph's own list settings, else those of its style (List Number, …)."""
        for element in (paragraph._p, getattr(paragraph.style, "element", None)):
            ppr = getattr(element, "pPr", None)
            if ppr is not None and ppr.numPr is not None and ppr.numPr.numId is not None:
                return ppr.numPr
        return None

    def label(self, paragraph) -> str:
        num_pr = self._num_pr(paragraph)
        if num_pr is None:
            return ""
        num_id = str(num_pr.numId.val)
        ilvl = str(num_pr.ilvl.val) if num_pr.ilvl is not None else "0"
        fmt, text, start = self.levels.get((num_id, ilvl), ("decimal", "%1.", 1))
        if fmt == "bullet":
            return "-"
        key = (num_id, ilvl)
        self.counters[key] = self.counters.get(key, start - 1) + 1
        for deeper in [k for k in self.counters if k[0] == num_id and k[1] > ilvl]:
            del self.counters[deeper]
        value = _format(self.counters[key], fmt)
        return (text or "%1.").replace(f"%{int(ilvl) + 1}", value).split("%")[0].strip()


def _paragraph_text(paragraph, numbering: _Numbering) -> str:
    parts = []
    for run in paragraph.runs:
        text = run.text
        if run.bold and text.strip():
            lead, core, tail = text[: len(text) - len(text.lstrip())], text.strip(), \
                text[len(text.rstrip()):]
            text = f"{lead}**{core}**{tail}"
        parts.append(text)
    text = "".join(parts).strip() or paragraph.text.strip()
    if not text:
        return ""
    label = numbering.label(paragraph)
    style = (paragraph.style.name or "") if paragraph.style is not None else ""
    prefix = "#" * int(style[-1]) + " " if style.startswith("Heading") and style[-1:].isdigit() \
        else ""
    return f"{prefix}{label} {text}".strip() if label else prefix + text


def _blocks(document) -> Iterator[object]:
    """Paragraphs of the body and of table cells, in reading order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, document)
        elif tag == "tbl":
            seen: set[int] = set()
            for row in Table(child, document).rows:
                for cell in row.cells:
                    if id(cell._tc) not in seen:  # a merged cell is listed once per grid slot
                        seen.add(id(cell._tc))
                        yield from cell.paragraphs


def read(data: bytes, name: str) -> str:
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - a dependency, but say so if missing
        raise BroadcastError("Cần gói python-docx để đọc tệp Word (pip install python-docx).") \
            from exc
    from lxml import etree

    check_zip(data, name, "tệp Word (.docx)")  # before any XML is parsed
    try:
        with quiet_libraries("docx"):
            document = docx.Document(io.BytesIO(data))
            numbering = _Numbering(document)
            paragraphs = [_paragraph_text(p, numbering) for p in _blocks(document)]
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError, etree.LxmlError) as exc:
        log.debug("%s: python-docx failed", name, exc_info=True)
        raise BroadcastError(f"Tệp '{name}' không mở được như tệp Word (.docx): "
                             f"{_reason(exc)}.") from exc
    text = "\n\n".join(p for p in paragraphs if p)
    if not text.strip():
        raise BroadcastError(f"Tệp Word '{name}' không có chữ nào để đọc.")
    return text


def _reason(exc: Exception) -> str:
    """A parser's complaint, short: 'Resource limit exceeded', 'Bad CRC-32', a missing part."""
    if isinstance(exc, KeyError):
        return f"thiếu phần {exc.args[0] if exc.args else ''}".strip()
    return " ".join(str(exc).split())[:160] or type(exc).__name__
