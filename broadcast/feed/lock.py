"""One feed run at a time per state file: an operating-system lock on a file beside it, which
the system releases when the process ends, even killed (no stale lock to clean up)."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from broadcast.errors import BroadcastError

POLL_S = 0.5


class Busy(BroadcastError):
    """Another run holds the lock."""


class RunLock:
    def __init__(self, state: Path, wait: bool = False,
                 on_wait: Callable[[str], None] | None = None) -> None:
        self.state, self.wait, self.on_wait = state, wait, on_wait
        self.path = state.with_name(state.name + ".lock")
        self.file = None

    def __enter__(self) -> RunLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.file = open(self.path, "a+b")  # noqa: SIM115 - held until __exit__
        told = False
        while not _try_lock(self.file):
            holder = _holder(self.path)
            if not self.wait:
                self.file.close()
                raise Busy(f"Một lần chạy khác{holder} đang đọc nguồn tin với cùng tệp trạng "
                           f"thái '{self.state}'; lần này dừng. Thêm --wait để "
                           "chờ lần kia xong rồi chạy.")
            if not told and self.on_wait:
                self.on_wait(f"Đang chờ lần chạy khác{holder} xong …")
                told = True
            time.sleep(POLL_S)
        self.file.seek(0)
        self.file.truncate()
        self.file.write(str(os.getpid()).encode())
        self.file.flush()
        return self

    def __exit__(self, *exc) -> None:
        if self.file is not None:
            self.file.seek(0)
            self.file.truncate()
            _unlock(self.file)
            self.file.close()
            self.file = None


def _holder(path: Path) -> str:
    try:
        pid = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (tiến trình {pid})" if pid.isdigit() else ""


if sys.platform == "win32":
    import msvcrt

    def _try_lock(file) -> bool:
        file.seek(0)
        try:
            msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(file) -> None:
        file.seek(0)
        with contextlib.suppress(OSError):
            msvcrt.locking(file.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(file) -> bool:
        try:
            fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(file) -> None:
        fcntl.flock(file.fileno(), fcntl.LOCK_UN)
