"""What the readers agree to read: sizes, archive expansion, pages. A file over a limit is
refused before it is parsed, with one line that names the limit.

The values are module-level so that a caller (a test, a future option) can lower or raise them;
every reader looks them up when it runs, never at import time.
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager

from broadcast.errors import BroadcastError

MB = 1024 * 1024
MAX_INPUT_BYTES = 50 * MB  # a district's notice is a few hundred kB even as a scanned PDF
MAX_UNPACKED_BYTES = 100 * MB  # everything inside a .docx (or any zip), uncompressed
MAX_RATIO = 100  # uncompressed / compressed for one member larger than RATIO_FLOOR
RATIO_FLOOR = 1 * MB  # small members (styles, a tiny XML) may compress any amount
MAX_MEMBERS = 10_000
MAX_PDF_PAGES = 300


def megabytes(n: int) -> str:
    return f"{n / MB:g} MB"


def check_size(size: int, name: str) -> None:
    if size > MAX_INPUT_BYTES:
        raise BroadcastError(
            f"Tệp '{name}' lớn {megabytes(size)}, quá giới hạn {megabytes(MAX_INPUT_BYTES)} "
            "cho một văn bản; hãy kiểm tra đúng tệp chưa (văn bản thường chỉ vài trăm kB)."
        )


def check_zip(data: bytes, name: str, what: str = "tệp nén") -> None:
    """Refuse a zip (a .docx is one) whose members would unpack past the limits, using the
    sizes its directory declares (zipfile never reads past a member's declared size, and a
    member that lies about it fails its CRC check)."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise BroadcastError(f"Tệp '{name}' không mở được như {what} (tệp nén bị hỏng).") \
            from exc
    if len(members) > MAX_MEMBERS:
        raise BroadcastError(f"Tệp '{name}' chứa {len(members)} tệp con, quá giới hạn "
                             f"{MAX_MEMBERS}; đây không phải {what} bình thường.")
    total = 0
    for member in members:
        total += member.file_size
        if total > MAX_UNPACKED_BYTES:
            raise BroadcastError(
                f"Tệp '{name}' giải nén ra hơn {megabytes(MAX_UNPACKED_BYTES)} (giới hạn cho "
                f"{what}); có thể là tệp độc hại (zip bomb), không mở."
            )
        ratio = member.file_size / max(1, member.compress_size)
        if member.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise BroadcastError(
                f"Tệp '{name}' có phần '{member.filename}' nén {ratio:.0f} lần (giới hạn "
                f"{MAX_RATIO} lần); có thể là tệp độc hại (zip bomb), không mở."
            )


class _Demote(logging.Filter):
    """Record a library's warnings at debug level: they reach the --debug log, never the
    terminal of a user who cannot act on 'discarding data: None'."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.ERROR:
            return True
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        # Handlers below the root usually have no level of their own: only a debug run keeps it.
        return logging.getLogger().isEnabledFor(logging.DEBUG)


_DEMOTE = _Demote()


@contextmanager
def quiet_libraries(*prefixes: str) -> Iterator[None]:
    """While a third-party parser runs, its warnings (from any of its modules' loggers) are
    debug records, kept only when the root logger takes debug records (--debug)."""
    manager = logging.Logger.manager
    touched = []
    for logger_name in [*prefixes, *manager.loggerDict]:
        if logger_name.split(".")[0] in prefixes:
            logger = logging.getLogger(logger_name)
            if _DEMOTE not in logger.filters:
                logger.addFilter(_DEMOTE)
                touched.append(logger)
    try:
        yield
    finally:
        for logger in touched:
            logger.removeFilter(_DEMOTE)
