"""Reader for Markdown and plain-text notices."""

from __future__ import annotations

import logging
import unicodedata

from broadcast.errors import BroadcastError
from broadcast.sources import legacy

log = logging.getLogger(__name__)

FORMAT = "text"
SUFFIXES = (".md", ".markdown", ".txt", ".text")


def read(data: bytes, name: str) -> str:
    """Decode UTF-8 text (with or without BOM), or TCVN3/VNI text saved as ANSI, then clean it."""
    if b"\x00" in data:
        raise BroadcastError(
            f"Tệp '{name}' không phải tệp văn bản (có dữ liệu nhị phân). "
            "Hãy lưu văn bản thành tệp .md hoặc .txt."
        )
    try:
        return clean(data.decode("utf-8-sig"), name)
    except UnicodeDecodeError as exc:
        # Bytes typed with TCVN3 or VNI fonts and saved as ANSI text read as cp1252 characters.
        ansi = data.decode("cp1252", errors="replace").replace("\ufffd", "")
        return clean(ansi, name, bad_byte=exc.start)


def clean(text: str, name: str, bad_byte: int | None = None) -> str:
    """The hygiene every format gets: TCVN3/VNI converted to Unicode, NFC, Unix line ends.
    ``bad_byte`` says the text is a fallback decoding of non-UTF-8 bytes: it must be legacy."""
    encoding = legacy.detect(text)
    if encoding:
        log.info("%s: converting %s text to Unicode", name, encoding)
        text = legacy.to_unicode(text, encoding)
    elif bad_byte is not None:
        raise BroadcastError(
            f"Tệp '{name}' không phải văn bản UTF-8 (lỗi ở byte thứ {bad_byte}) và cũng "
            "không phải bảng mã TCVN3 hay VNI. Hãy mở tệp và lưu lại với bảng mã UTF-8."
        )
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise BroadcastError(f"Tệp '{name}' trống, không có nội dung để đọc.")
    return text
