"""Reader for Markdown and plain-text notices."""

from __future__ import annotations

import codecs
import logging
import unicodedata

from broadcast.errors import BroadcastError
from broadcast.sources import legacy

log = logging.getLogger(__name__)

FORMAT = "text"
SUFFIXES = (".md", ".markdown", ".txt", ".text")

# Longest first: a UTF-32-LE BOM starts with the UTF-16-LE one.
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"))
BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\xd0\xcf\x11\xe0",
                b"MZ", b"\x7fELF", b"ID3", b"RIFF", b"OggS", b"fLaC", b"\x1f\x8b")


def unicode_encoding(data: bytes) -> tuple[str, int] | None:
    """(codec, BOM length) for text that says or shows it is UTF-8/16/32: a byte order mark,
    or UTF-16 without one (Notepad's 'Unicode'), told by the zero high bytes of its ASCII
    letters, spaces and line ends."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even, odd = sample[0:pairs * 2:2].count(0), sample[1:pairs * 2:2].count(0)
    if odd >= pairs * 0.3 and even <= pairs * 0.02:
        return "utf-16-le", 0
    if even >= pairs * 0.3 and odd <= pairs * 0.02:
        return "utf-16-be", 0
    return None


def decode(data: bytes, name: str) -> tuple[str, int | None]:
    """The text and, when it is a fallback reading of bytes that are not Unicode, the first
    bad byte (the text must then be TCVN3 or VNI)."""
    found = None if data.startswith(BINARY_MAGIC) else unicode_encoding(data)
    if found:
        codec, skip = found
        try:
            return data[skip:].decode(codec), None
        except UnicodeDecodeError as exc:
            raise BroadcastError(
                f"Tệp '{name}' là văn bản {codec.upper()} nhưng hỏng ở byte thứ "
                f"{exc.start + skip}. Hãy mở tệp và lưu lại với bảng mã UTF-8."
            ) from exc
    if data.startswith(BINARY_MAGIC) or b"\x00" in data:
        raise BroadcastError(
            f"Tệp '{name}' không phải tệp văn bản (có dữ liệu nhị phân, không phải UTF-8 hay "
            "UTF-16). Hãy lưu văn bản thành tệp .md hoặc .txt."
        )
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        # Bytes typed with TCVN3 or VNI fonts and saved as ANSI text read as cp1252 characters.
        return data.decode("cp1252", errors="replace").replace("\ufffd", ""), exc.start


def read(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16/32 (with BOM, or UTF-16 without), or
    TCVN3/VNI text saved as ANSI, then clean it."""
    text, bad_byte = decode(data, name)
    return clean(text, name, bad_byte=bad_byte)


def clean(text: str, name: str, bad_byte: int | None = None) -> str:
    """The hygiene every format gets: TCVN3/VNI converted to Unicode, NFC, Unix line ends.
    ``bad_byte`` says the text is a fallback decoding of non-UTF-8 bytes: it must be legacy."""
    encoding = legacy.detect(text)
    if encoding:
        log.info("%s: converting %s text to Unicode", name, encoding)
        text = legacy.to_unicode(text, encoding)
    elif bad_byte is not None:
        raise BroadcastError(
            f"Tệp '{name}' không phải văn bản UTF-8 hay UTF-16 (lỗi ở byte thứ {bad_byte}) và "
            "cũng không phải bảng mã TCVN3 hay VNI. Hãy mở tệp và lưu lại với bảng mã UTF-8."
        )
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise BroadcastError(f"Tệp '{name}' trống, không có nội dung để đọc.")
    return text
