"""Sound out through miniaudio, driven by the player's model: the device asks for frames, we
hand it the samples at the model's position (silence while paused) scaled by the volume, and
move the position by what was handed. Without a device the UI's clock moves it instead.
"""

from __future__ import annotations

import audioop  # the stdlib module, or audioop-lts from Python 3.13 (pydub needs it too)
import contextlib
import logging
import os
import sys

from broadcast.player.model import Player

log = logging.getLogger(__name__)


class Output:
    def __init__(self, pcm: bytes, rate: int, player: Player) -> None:
        self.pcm = pcm  # 16-bit little-endian mono
        self.rate = rate
        self.player = player
        self.device = None

    def start(self) -> str:
        """Open the default device and play; "" on success, else why not (one line)."""
        try:
            import miniaudio
        except ImportError:
            return "thiếu gói miniaudio"
        try:
            with _quiet_stderr():
                self.device = miniaudio.PlaybackDevice(
                    output_format=miniaudio.SampleFormat.SIGNED16, nchannels=1,
                    sample_rate=self.rate, buffersize_msec=80, app_name="broadcast")
                feed = self._frames()
                next(feed)
                self.device.start(feed)
        except Exception as exc:  # miniaudio raises its own error types per backend
            log.info("no sound device: %s", exc)
            self.close()
            return "không mở được thiết bị âm thanh"
        return ""

    def close(self) -> None:
        if self.device is not None:
            with contextlib.suppress(Exception):
                self.device.close()
            self.device = None

    def _frames(self):
        frames = yield b""
        while True:
            frames = yield self.chunk(frames)

    def chunk(self, frames: int) -> bytes:
        """The next ``frames`` samples to play, and the position moved past them."""
        player = self.player
        with player.lock:
            if player.paused or player.finished:
                return bytes(2 * frames)
            start = 2 * int(player.position_ms * self.rate / 1000)
            part = self.pcm[start:start + 2 * frames]
            player.advance(len(part) / 2 * 1000 / self.rate)
            volume = player.volume
        out = part if volume == 1.0 else audioop.mul(part, 2, volume)  # clips, never wraps
        return out + bytes(2 * frames - len(out))


@contextlib.contextmanager
def _quiet_stderr():
    """Sound libraries (ALSA) print their complaints straight to file descriptor 2, which
    would scribble over the screen; keep them off it while the device opens."""
    try:
        fd = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):
        yield
        return
    saved = os.dup(fd)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), fd)
            yield
    finally:
        os.dup2(saved, fd)
        os.close(saved)
