"""``broadcast preview``: play a built broadcast in the terminal with its script following.

``load`` decodes the MP3 and reads the manifest beside it; ``play`` runs the screen, the keys
and the sound (or a clock when there is no sound device) until q, or the end when no keyboard.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TextIO

from broadcast.audio import RATE, ffmpeg
from broadcast.errors import BroadcastError
from broadcast.player.keys import Keys
from broadcast.player.model import Player, Track, manifest_beside
from broadcast.player.screen import Screen, render
from broadcast.player.sound import Output

FPS = 15
NO_TEXT = "Không có tệp .json của bản dựng đi kèm: chỉ nghe, không có lời để hiện."


def load(path: Path) -> tuple[Track, bytes]:
    """The track (script from the manifest beside it, if any) and its 16-bit mono PCM."""
    if not path.is_file():
        raise BroadcastError(f"Không thấy tệp '{path}'.")
    pcm = ffmpeg.decode(path, what=f"tệp '{path.name}'").raw_data
    if not pcm:
        raise BroadcastError(f"Tệp '{path.name}' không có âm thanh nào để nghe.")
    duration_ms = round(len(pcm) / 2 * 1000 / RATE)
    manifest = manifest_beside(path)
    if manifest is None:
        return Track(str(path), duration_ms, title=path.stem, note=NO_TEXT), pcm
    return Track.from_manifest(path, duration_ms, manifest), pcm


def play(track: Track, pcm: bytes, audio: bool = True, out: TextIO | None = None,
         keys: Keys | None = None) -> None:
    player = Player(track)
    output = Output(pcm, RATE, player)
    reason = output.start() if audio else ""
    notice = ("Đang chạy không có âm thanh (--no-audio): lời chạy theo đồng hồ." if not audio
              else f"Không có âm thanh ({reason}): lời chạy theo đồng hồ." if reason else "")
    try:
        with Screen(out) as screen, (keys or Keys()) as keyboard:
            _loop(player, screen, keyboard, notice, clocked=output.device is None)
    finally:
        output.close()


def _loop(player: Player, screen: Screen, keyboard: Keys, notice: str, clocked: bool) -> None:
    last = time.monotonic()
    while True:
        width, height = screen.size()
        screen.draw(render(player, width, height, notice))
        key = keyboard.read(1 / FPS)
        now = time.monotonic()
        if clocked:
            player.advance((now - last) * 1000)
        last = now
        if key and not player.handle(key):
            return
        if player.finished and not keyboard.interactive:
            screen.draw(render(player, *screen.size(), notice))
            return
