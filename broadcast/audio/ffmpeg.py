"""The ffmpeg binary: from PATH, else the one imageio-ffmpeg ships. Never ffprobe.

Decoding always goes through ffmpeg to raw 16-bit PCM, handed to pydub as samples.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from broadcast.audio import CHANNELS, RATE, AudioSegment
from broadcast.errors import BroadcastError


@lru_cache(maxsize=1)
def ffmpeg_exe() -> str:
    found = shutil.which("ffmpeg")
    if found:
        return found
    try:
        import imageio_ffmpeg

        return imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError) as exc:
        raise BroadcastError(
            "Không tìm thấy ffmpeg. Hãy cài lại công cụ (pip install imageio-ffmpeg)."
        ) from exc


def run(args: list[str], data: bytes | None = None, what: str = "âm thanh") -> bytes:
    """Run ffmpeg quietly; its error becomes a BroadcastError about ``what``."""
    cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", *args]
    try:
        done = subprocess.run(cmd, input=data, capture_output=True, check=False,
                              stdin=None if data is not None else subprocess.DEVNULL)
    except OSError as exc:
        raise BroadcastError(f"Không chạy được ffmpeg ({exc}).") from exc
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise BroadcastError(f"ffmpeg không xử lý được {what}: {detail[-1] if detail else '?'}")
    return done.stdout


def decode(source: bytes | str | Path, what: str = "âm thanh", rate: int = RATE,
           channels: int = CHANNELS) -> AudioSegment:
    """Any format ffmpeg reads (bytes or a file) → 16-bit PCM AudioSegment."""
    if isinstance(source, bytes):
        args, data = ["-i", "pipe:0"], source
    else:
        args, data = ["-i", str(source)], None
    pcm = run([*args, "-vn", "-f", "s16le", "-acodec", "pcm_s16le", "-ac", str(channels),
               "-ar", str(rate), "pipe:1"], data, what)
    return AudioSegment(data=pcm, sample_width=2, frame_rate=rate, channels=channels)


def from_pcm(pcm: bytes, sample_rate: int, channels: int = 1) -> AudioSegment:
    """Raw 16-bit PCM → AudioSegment at the program's rate and channel count."""
    segment = AudioSegment(data=pcm, sample_width=2, frame_rate=sample_rate, channels=channels)
    return segment.set_frame_rate(RATE).set_channels(CHANNELS)


def encode_mp3(audio: AudioSegment, dest: str | Path, bitrate: str = "128k",
               tags: dict[str, str] | None = None) -> None:
    """Write ``audio`` as a CBR MP3 with ID3v2 tags to ``dest`` (any file name)."""
    meta: list[str] = []
    for key, value in (tags or {}).items():
        meta += ["-metadata", f"{key}={value}"]
    run(["-f", "s16le", "-ar", str(audio.frame_rate), "-ac", str(audio.channels), "-i", "pipe:0",
         "-codec:a", "libmp3lame", "-b:a", bitrate, "-id3v2_version", "3", *meta,
         "-f", "mp3", "-y", str(dest)], audio.raw_data, "tệp MP3")
