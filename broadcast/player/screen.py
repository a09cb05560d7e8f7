"""One frame of the preview as lines of text with ANSI styles, for any terminal size.

``render`` is pure (state in, lines out) so the layout is tested without a terminal; ``Screen``
writes frames in place (cursor home, each line cleared to its end), which does not flicker.
"""

from __future__ import annotations

import re
import shutil
import sys
import textwrap
from typing import TextIO

from broadcast.player.model import Player

BOLD, DIM, REVERSE, RESET = "\x1b[1m", "\x1b[2m", "\x1b[7m", "\x1b[0m"
HIGHLIGHT = "\x1b[1;33m"  # bold yellow: the spoken text being read
HELP = ("Phím: cách tạm dừng/tiếp · ←/→ tua 5 giây · n/p câu sau/trước · +/− âm lượng · "
        "r từ đầu · q thoát")
SHORT_HELP = "cách dừng · ←/→ tua · n/p câu · +/− to nhỏ · r đầu · q thoát"
MIN_WIDTH, MIN_HEIGHT = 20, 6  # smaller: one line asks for a bigger window
COMPACT_HEIGHT = 12  # below this: one title line, no details line, no blank lines, short help
TOO_SMALL = "Cửa sổ nhỏ quá: cần ít nhất 20×6"
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def clock(ms: float) -> str:
    seconds = int(ms // 1000)
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def wrap(text: str, width: int, lines: int, indent: str = "") -> list[str]:
    """``text`` wrapped to ``width``, at most ``lines`` lines, the last one ending in … if cut."""
    if lines <= 0:
        return []
    text = CONTROL.sub(" ", text)  # a manifest's text never moves the cursor or clears lines
    out = textwrap.wrap(" ".join(text.split()), width, initial_indent=indent,
                        subsequent_indent=" " * len(indent)) or [indent.rstrip()]
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][:max(0, width - 1)].rstrip() + "…"
    return out


def progress_bar(player: Player, width: int) -> str:
    total = player.track.duration_ms or 1
    times = f" {clock(player.position_ms)} / {clock(total)}"
    state = "  ⏸ Tạm dừng" if player.paused else ("  ■ Hết bài" if player.finished
                                                    else "  ▶ Đang phát")
    volume = f"  Âm lượng {round(player.volume * 100)}%"
    tail = times + state + volume
    if len(tail) + 8 > width:
        tail = times
    inner = max(4, width - len(tail) - 2)
    filled = round(inner * min(1.0, player.position_ms / total))
    return "[" + "█" * filled + "░" * (inner - filled) + "]" + tail


def render(player: Player, width: int, height: int, notice: str = "") -> list[str]:
    """The frame: header, progress, previous / current / next segment, help. Never more than
    ``height`` lines, never a line wider than ``width`` (styles aside), from 20×6 up; a
    smaller window gets one line saying so."""
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        return [TOO_SMALL[:max(0, width)]][:max(0, height)]
    compact = height < COMPACT_HEIGHT
    track = player.track
    with player.lock:
        header = [BOLD + line + RESET
                  for line in wrap(track.title or track.path, width, 1 if compact else 2)]
        where = " · ".join(x for x in (track.commune, f"bộ đọc {track.engine}" if track.engine
                                       else "", f"hồ sơ {track.profile}" if track.profile else "",
                                       track.loudness) if x)
        details = [DIM + s + RESET for s in wrap(where, width, 1)] if where and not compact \
            else []
        gap = [] if compact else [""]
        top = [*header, *details, *(wrap(notice, width, 1) if notice else []), *gap,
               progress_bar(player, width), *gap]
        bottom = [*gap, *[DIM + line + RESET for line in _help(width, compact)]]
        room = height - len(top) - len(bottom)
        return top + _body(player, width, room) + bottom


def _help(width: int, compact: bool = False) -> list[str]:
    if compact:
        return wrap(SHORT_HELP, width, 1)
    full = wrap(HELP, width, 3)
    return full if len(full) <= 2 else wrap(SHORT_HELP, width, 2)


def _body(player: Player, width: int, room: int) -> list[str]:
    """The segments: the current one (printed, then spoken) and the counter always; the
    previous and next ones, dimmed, when there is room."""
    track = player.track
    if not track.cues:
        note = track.note or "Không có lời đọc kèm theo tệp này."
        return _fit([DIM + line + RESET for line in wrap(note, width, 2)], room)
    index = player.current
    counter = f"Câu {index + 1 if index is not None else 0}/{len(track.cues)}"[:width]
    if index is None:
        main = [*[DIM + s + RESET for s in wrap("(nhạc hiệu mở đầu)", width, 1, "   ")],
                *[DIM + s + RESET for s in wrap(track.cues[0].text, width, 2, "   ")]]
        return _fit(_with_room(main, [], [], counter, room), room)
    cue = track.cues[index]
    lines_each = max(1, (room - 6) // 2)
    style = BOLD if player.speaking else ""
    main = [*[style + s + RESET for s in wrap(cue.text, width, lines_each, "▶  ")],
            *[HIGHLIGHT + s + RESET for s in wrap(cue.spoken, width, lines_each, "   Đọc: ")]]
    before = [DIM + s + RESET for s in wrap(track.cues[index - 1].text, width, 1, "   ")] \
        if index > 0 else [""]
    after = [DIM + s + RESET for s in wrap(track.cues[index + 1].text, width, 1, "   ")] \
        if index + 1 < len(track.cues) else [""]
    return _fit(_with_room(main, before, after, counter, room), room)


def _with_room(main: list[str], before: list[str], after: list[str], counter: str,
               room: int) -> list[str]:
    """Counter and main block first; neighbours (with a blank line each) while they fit."""
    main = main[:max(1, room - 1)]
    lines = [*main, counter]
    if before and len(lines) + len(before) + 1 <= room:
        lines = [*before, "", *lines]
    if after and len(lines) + len(after) + 1 <= room:
        lines = [*lines[:-1], "", *after, counter]
    if len(lines) + 1 <= room:
        lines.insert(-1, "")
    return lines


def _fit(lines: list[str], room: int) -> list[str]:
    return (lines + [""] * room)[:room] if room > 0 else []


class Screen:
    """The terminal: alternate screen, hidden cursor, frames drawn in place, restored on exit."""

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out or sys.stdout

    def __enter__(self) -> Screen:
        _enable_vt_on_windows()
        self.out.write("\x1b[?1049h\x1b[?25l\x1b[H\x1b[2J")
        self.out.flush()
        return self

    def __exit__(self, *exc) -> None:
        self.out.write(RESET + "\x1b[?25h\x1b[?1049l")
        self.out.flush()

    @staticmethod
    def size() -> tuple[int, int]:
        size = shutil.get_terminal_size((80, 24))
        return size.columns, size.lines

    def draw(self, lines: list[str]) -> None:
        self.out.write("\x1b[H" + "\r\n".join(line + RESET + "\x1b[K" for line in lines)
                       + "\x1b[J")
        self.out.flush()


def _enable_vt_on_windows() -> None:
    """Windows consoles understand these escape sequences only once asked to."""
    if sys.platform != "win32":
        return
    import ctypes  # pragma: no cover - Windows only

    kernel32 = ctypes.windll.kernel32
    handle = kernel32.GetStdHandle(-11)  # standard output
    mode = ctypes.c_uint32()
    if kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
        kernel32.SetConsoleMode(handle, mode.value | 0x0004)  # ENABLE_VIRTUAL_TERMINAL_PROCESSING
