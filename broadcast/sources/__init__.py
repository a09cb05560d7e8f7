"""Readers: turn a file's bytes into plain text. One reader per format, chosen by suffix."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from broadcast.errors import BroadcastError
from broadcast.sources import docx_reader as _docx
from broadcast.sources import html_reader as _html
from broadcast.sources import limits
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
    """The file's bytes: a regular file (or a link to one) only, never more than the input
    limit. Opened without blocking, so a FIFO is refused instead of waited on forever."""
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError as exc:
        raise BroadcastError(f"Không tìm thấy tệp '{p}'. Hãy kiểm tra lại đường dẫn.") from exc
    except IsADirectoryError as exc:
        raise _directory(p) from exc
    except OSError as exc:
        if p.is_dir():  # Windows cannot open a folder at all
            raise _directory(p) from exc
        raise BroadcastError(f"Không đọc được tệp '{p}': {exc.strerror or exc}.") from exc
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise _directory(p)
        raise BroadcastError(f"'{p}' không phải tệp thường (là {_kind(info.st_mode)}); chỉ đọc "
                             "được tệp văn bản lưu trên đĩa.")
    with os.fdopen(fd, "rb") as stream:
        limits.check_size(info.st_size, str(p))
        try:
            data = stream.read(limits.MAX_INPUT_BYTES + 1)
        except OSError as exc:
            raise BroadcastError(f"Không đọc được tệp '{p}': {exc.strerror or exc}.") from exc
    limits.check_size(len(data), str(p))  # a file that grew while being read
    return data


def _directory(p: Path) -> BroadcastError:
    return BroadcastError(f"'{p}' là một thư mục, không phải tệp văn bản. Hãy chỉ ra một tệp.")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "một đường ống FIFO"
    if stat.S_ISSOCK(mode):
        return "một socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "một thiết bị"
    return "một tệp đặc biệt"


URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):(//|/)")
LOCAL_SCHEMES = ("file",)
WEB_SCHEMES = ("http", "https")


def local_path(source: str | Path) -> Path:
    """The file a command line names: a path, or a file: URL; an address on the web or with
    another scheme (ftp://, smb://, …) is refused with one line."""
    if isinstance(source, Path):
        return source
    match = URL.match(source)
    if not match:
        return Path(source)
    scheme = match[1].lower()
    if scheme in LOCAL_SCHEMES:
        parts = urlsplit(source)
        host = "" if parts.netloc.lower() in ("", "localhost") else parts.netloc
        if host and not host.endswith(":"):
            host = "/" + host
        return Path(url2pathname(host + unquote(parts.path)))
    if scheme in WEB_SCHEMES:
        raise BroadcastError(f"'{source}' là địa chỉ web: hãy tải tệp về máy rồi chỉ ra tệp đó "
                             "(hoặc dùng lệnh broadcast feed cho nguồn tin).")
    raise BroadcastError(f"Không đọc được '{source}': địa chỉ '{scheme}://' không được hỗ trợ; "
                         "chỉ dùng đường dẫn tệp, file://, http:// hoặc https://.")


def read_plain(path: str | Path) -> str:
    """A UTF-8 text file of any suffix (a user's abbreviation list, for instance)."""
    return _text.read(_bytes_of(local_path(path)), str(path))


def sniff(data: bytes) -> str | None:
    """The suffix that the content says, whatever the file is called."""
    found = _text.unicode_encoding(data[:4096])
    if found:  # a UTF-16 page says '<html' in two-byte letters, and a BOM may come first
        codec, skip = found
        data = data[skip:skip + 4096].decode(codec, "ignore").encode()
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
    p = local_path(path)
    return read_data(_bytes_of(p), str(p), p.suffix)


def read_data(data: bytes, name: str, suffix: str = "") -> SourceText:
    """A document's bytes (a download, say) into text; ``name`` is what messages and the
    SourceText call it, ``suffix`` the format to assume when the content does not say."""
    limits.check_size(len(data), name)
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
