"""Reader for Markdown and plain-text notices."""

from __future__ import annotations

import unicodedata

from broadcast.errors import BroadcastError

FORMAT = "text"
SUFFIXES = (".md", ".markdown", ".txt", ".text")


def read(data: bytes, name: str) -> str:
    """Decode UTF-8 text (with or without BOM), NFC-normalized, with Unix line ends."""
    if b"\x00" in data:
        raise BroadcastError(
            f"Tệp '{name}' không phải tệp văn bản (có dữ liệu nhị phân). "
            "Hãy lưu văn bản thành tệp .md hoặc .txt."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BroadcastError(
            f"Tệp '{name}' không phải văn bản UTF-8 (lỗi ở byte thứ {exc.start}). "
            "Hãy mở tệp và lưu lại với bảng mã UTF-8."
        ) from exc
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise BroadcastError(f"Tệp '{name}' trống, không có nội dung để đọc.")
    return text
