"""Single key presses from the terminal, without Enter: termios on Unix, msvcrt on Windows.

``read(timeout)`` returns one name: a printable character, "left"/"right", or "" when nothing
was pressed. Without a terminal on stdin (a pipe, CI) no key ever comes.
"""

from __future__ import annotations

import os
import sys
import time

ARROWS = {"C": "right", "D": "left"}          # ESC [ C / ESC [ D
WINDOWS_ARROWS = {"M": "right", "K": "left"}  # \xe0 M / \xe0 K


class Keys:
    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stdin
        self.interactive = bool(self.stream) and self.stream.isatty()
        self._saved = None

    def __enter__(self) -> Keys:
        if self.interactive and os.name != "nt":
            import termios
            import tty

            fd = self.stream.fileno()
            self._saved = termios.tcgetattr(fd)
            tty.setcbreak(fd)
        return self

    def __exit__(self, *exc) -> None:
        if self._saved is not None:
            import termios

            termios.tcsetattr(self.stream.fileno(), termios.TCSADRAIN, self._saved)

    def read(self, timeout: float) -> str:
        if not self.interactive:
            time.sleep(timeout)
            return ""
        return self._read_windows(timeout) if os.name == "nt" else self._read_unix(timeout)

    def _read_unix(self, timeout: float) -> str:
        import select

        fd = self.stream.fileno()
        if not select.select([fd], [], [], timeout)[0]:
            return ""
        char = os.read(fd, 1).decode("utf-8", "replace")
        if char != "\x1b":
            return char
        sequence = ""
        while select.select([fd], [], [], 0.02)[0] and len(sequence) < 5:
            sequence += os.read(fd, 1).decode("utf-8", "replace")
            if sequence[-1:].isalpha() or sequence[-1:] == "~":
                break
        return ARROWS.get(sequence[-1:], "") if sequence.startswith("[") else ""

    def _read_windows(self, timeout: float) -> str:  # pragma: no cover - Windows only
        import msvcrt

        deadline = time.monotonic() + timeout
        while not msvcrt.kbhit():
            if time.monotonic() >= deadline:
                return ""
            time.sleep(0.01)
        char = msvcrt.getwch()
        if char in ("\x00", "\xe0"):
            return WINDOWS_ARROWS.get(msvcrt.getwch(), "")
        return char
