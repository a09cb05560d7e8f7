"""Readers: turn a file's bytes into plain text. One reader per format, chosen by suffix."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from broadcast.errors import BroadcastError
from broadcast.sources import docx_reader as _docx
from broadcast.sources import html_reader as _html
from broadcast.sources import pdf_reader as _pdf
from broadcast.sources import text as _text


@dataclass(frozen=True)
class SourceText:
    """The text of one input document and where it came from."""

    path: str
    format: str
    text: str


# suffix -> (format name, reader). A reader takes bytes and the path (for messages).
READERS = {
    suffix: (module.FORMAT, module.read)
    for module in (_text, _docx, _html, _pdf)
    for suffix in module.SUFFIXES
}


def supported_suffixes() -> list[str]:
    return sorted(READERS)


def _bytes_of(p: Path) -> bytes:
    if not p.exists():
        raise BroadcastError(f"Không tìm thấy tệp '{p}'. Hãy kiểm tra lại đường dẫn.")
    if p.is_dir():
        raise BroadcastError(f"'{p}' là một thư mục, không phải tệp văn bản. Hãy chỉ ra một tệp.")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise BroadcastError(f"Không đọc được tệp '{p}': {exc.strerror or exc}.") from exc


def read_plain(path: str | Path) -> str:
    """A UTF-8 text file of any suffix (a user's abbreviation list, for instance)."""
    return _text.read(_bytes_of(Path(path)), str(path))


def sniff(data: bytes) -> str | None:
    """The suffix that the content says, whatever the file is called."""
    head = data[:1024].lstrip().lower()
    if data.startswith(b"%PDF-"):
        return ".pdf"
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:4096]:
        return ".docx"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return ".html"
    return None


def read(path: str | Path) -> SourceText:
    """Read a document file into text, or raise BroadcastError naming the file and the problem.
    The reader is chosen by content (PDF, Word, HTML) first, then by suffix."""
    p = Path(path)
    return read_data(_bytes_of(p), str(p), p.suffix)


def read_data(data: bytes, name: str, suffix: str = "") -> SourceText:
    """A document's bytes (a download, say) into text; ``name`` is what messages and the
    SourceText call it, ``suffix`` the format to assume when the content does not say."""
    suffix = sniff(data) or suffix.lower()
    if suffix not in READERS:
        known = ", ".join(supported_suffixes())
        raise BroadcastError(
            f"Tệp '{name}' có định dạng '{suffix or 'không đuôi'}' chưa được hỗ trợ; "
            f"các định dạng đọc được: {known}."
        )
    fmt, reader = READERS[suffix]
    text = reader(data, name)
    if fmt != _text.FORMAT:  # the text reader cleans already; the others get the same hygiene
        text = _text.clean(text, name)
    return SourceText(path=name, format=fmt, text=text)
