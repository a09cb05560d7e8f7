"""Reader for Markdown and plain-text notices."""

from __future__ import annotations

import logging
import unicodedata

from broadcast.errors import BroadcastError
from broadcast.sources import legacy

log = logging.getLogger(__name__)

FORMAT = "text"
SUFFIXES = (".md", ".markdown", ".txt", ".text")


def _legacy_bytes(data: bytes) -> str | None:
    """Bytes typed with TCVN3 or VNI fonts and saved as ANSI text, as cp1252 characters."""
    text = data.decode("cp1252", errors="replace").replace("\ufffd", "")
    return text if legacy.detect(text) else None


def read(data: bytes, name: str) -> str:
    """Decode UTF-8 text (with or without BOM), or TCVN3/VNI legacy text converted to Unicode;
    NFC-normalized, with Unix line ends."""
    if b"\x00" in data:
        raise BroadcastError(
            f"Tệp '{name}' không phải tệp văn bản (có dữ liệu nhị phân). "
            "Hãy lưu văn bản thành tệp .md hoặc .txt."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = _legacy_bytes(data)
        if text is None:
            raise BroadcastError(
                f"Tệp '{name}' không phải văn bản UTF-8 (lỗi ở byte thứ {exc.start}) và cũng "
                "không phải bảng mã TCVN3 hay VNI. Hãy mở tệp và lưu lại với bảng mã UTF-8."
            ) from exc
    encoding = legacy.detect(text)
    if encoding:
        log.info("%s: converting %s text to Unicode", name, encoding)
        text = legacy.to_unicode(text, encoding)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise BroadcastError(f"Tệp '{name}' trống, không có nội dung để đọc.")
    return text
