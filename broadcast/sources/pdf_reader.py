"""Reader for PDF files with a text layer (pypdf). Lines are reflowed into paragraphs; a scanned
PDF (images only) is refused with a message that it needs OCR first."""

from __future__ import annotations

import io
import logging
import re

from broadcast.errors import BroadcastError
from broadcast.sources import limits
from broadcast.sources.limits import quiet_libraries

log = logging.getLogger(__name__)

FORMAT = "pdf"
SUFFIXES = (".pdf",)
MARKER = re.compile(
    r"^(?:[-+•*–]\s|\d{1,2}(?:\.\d{1,2})*\.\s|[IVXL]{1,6}\.\s|[a-zđ]\)\s|Điều\s+\d)"
)
HEADER_PART = re.compile(r"^(?:Số\s*:|Kính gửi|Nơi nhận|V/v|CỘNG HÒA|Độc lập|TM\.|KT\.|TL\.)")
MIN_CHARS_PER_PAGE = 20
FULL_LINE = 0.85  # a line this close to the longest lines was wrapped, not ended
WRAP_MIN = 40  # characters: shorter lines (titles, a signature block) were ended by hand


def _is_caps(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _starts_paragraph(prev: str, line: str, full: int) -> bool:
    """A label, a header part, a change between capitals and normal text, or a sentence that
    ends on a line shorter than a full one (the last line of a paragraph) starts a new one."""
    if MARKER.match(line) or HEADER_PART.match(line) or _is_caps(line) != _is_caps(prev):
        return True
    ends = bool(re.search(r"[.:;!?]$", prev)) and line[:1].isupper()
    return ends and len(prev) < FULL_LINE * full


def reflow(lines: list[str]) -> str:
    """Visual lines → paragraphs separated by blank lines. A line that fills the width was
    wrapped and goes on with a space into a word in lower case or after a full stop; otherwise
    the line break stays (a title over the text, a signature or issuer block stays one line per
    part; the document parser decides whether a capital goes on a sentence)."""
    paragraphs: list[str] = []
    lengths = sorted(len(" ".join(line.split())) for line in lines if line.strip())
    full = lengths[int(len(lengths) * 0.9)] if lengths else 0
    prev = ""
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            prev = ""
            continue
        if paragraphs and prev and not _starts_paragraph(prev, line, full):
            full_line = len(prev) >= max(FULL_LINE * full, WRAP_MIN)
            goes_on = not line[:1].isupper() or bool(re.search(r"[.;:!?]$", prev))
            paragraphs[-1] += (" " if full_line and goes_on else "\n") + line
        else:
            paragraphs.append(line)
        prev = line
    return "\n\n".join(paragraphs)


def read(data: bytes, name: str) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import LimitReachedError, PdfReadError, PdfStreamError
    except ImportError as exc:  # pragma: no cover - a dependency, but say so if missing
        raise BroadcastError("Cần gói pypdf để đọc tệp PDF (pip install pypdf).") from exc
    try:
        with quiet_libraries("pypdf"):
            reader = PdfReader(io.BytesIO(data))
            count = len(reader.pages)
            if count > limits.MAX_PDF_PAGES:
                raise BroadcastError(
                    f"Tệp PDF '{name}' có {count} trang, quá giới hạn {limits.MAX_PDF_PAGES} "
                    "trang cho một văn bản; hãy tách riêng phần cần đọc thành tệp khác."
                )
            pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, PdfStreamError, ValueError, KeyError, OSError, TypeError,
            AttributeError, IndexError, RecursionError, LimitReachedError) as exc:
        log.debug("%s: pypdf failed", name, exc_info=True)
        reason = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise BroadcastError(f"Tệp '{name}' không mở được như tệp PDF ({reason}).") from exc
    if sum(len(p.strip()) for p in pages) < MIN_CHARS_PER_PAGE * max(1, len(pages)):
        raise BroadcastError(
            f"Tệp PDF '{name}' không có lớp chữ (có lẽ là bản quét); cần nhận dạng chữ (OCR) "
            "trước, hoặc dùng bản Word của văn bản."
        )
    return reflow("\n".join(pages).splitlines())
