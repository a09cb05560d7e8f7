"""The ffmpeg binary: from PATH, else the one imageio-ffmpeg ships. Never ffprobe.

Decoding always goes through ffmpeg to raw 16-bit PCM, handed to pydub as samples.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from broadcast.audio import CHANNELS, RATE, AudioSegment, pcm
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
    return _call(args, data, what, "error").stdout


def report(args: list[str], data: bytes | None = None, what: str = "âm thanh") -> str:
    """Run ffmpeg and return what it logs at info level (filter summaries such as ebur128)."""
    return run_with_report(args, data, what)[1]


def run_with_report(args: list[str], data: bytes | None = None,
                    what: str = "âm thanh") -> tuple[bytes, str]:
    """Run ffmpeg; what it writes to stdout and what it logs at info level."""
    done = _call(["-nostats", *args], data, what, "info")
    return done.stdout, done.stderr.decode("utf-8", "replace")


def pcm_input(audio: AudioSegment) -> list[str]:
    """ffmpeg arguments reading ``audio``'s raw PCM from standard input."""
    return ["-f", "s16le", "-ar", str(audio.frame_rate), "-ac", str(audio.channels),
            "-i", "pipe:0"]


def filtered(audio: AudioSegment, chain: list[str], what: str) -> tuple[AudioSegment, str]:
    """``audio`` through the filter ``chain``, same rate and channels; and ffmpeg's info log."""
    args = [*pcm_input(audio), "-af", ",".join(chain), "-f", "s16le", "-acodec", "pcm_s16le",
            "pipe:1"]
    out, log = run_with_report(args, audio.raw_data, what)
    return pcm(out, audio.frame_rate, audio.channels), log


def _call(args: list[str], data: bytes | None, what: str,
          level: str) -> subprocess.CompletedProcess:
    cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", level, *args]
    try:
        done = subprocess.run(cmd, input=data, capture_output=True, check=False,
                              stdin=None if data is not None else subprocess.DEVNULL)
    except OSError as exc:
        raise BroadcastError(f"Không chạy được ffmpeg ({exc}).") from exc
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise BroadcastError(f"ffmpeg không xử lý được {what}: {detail[-1] if detail else '?'}")
    return done


def decode(source: bytes | str | Path, what: str = "âm thanh", rate: int = RATE,
           channels: int = CHANNELS, max_ms: int | None = None) -> AudioSegment:
    """Any format ffmpeg reads (bytes or a file) → 16-bit PCM AudioSegment; with ``max_ms``
    ffmpeg stops after that much audio (a two-hour file costs no more than its first minutes)."""
    if isinstance(source, bytes):
        args, data = ["-i", "pipe:0"], source
    else:
        args, data = ["-i", str(source)], None
    limit = ["-t", f"{max_ms / 1000:.3f}"] if max_ms is not None else []
    out = run([*args, "-vn", *limit, "-f", "s16le", "-acodec", "pcm_s16le", "-ac", str(channels),
               "-ar", str(rate), "pipe:1"], data, what)
    return pcm(out, rate, channels)


def from_pcm(data: bytes, sample_rate: int, channels: int = 1) -> AudioSegment:
    """Raw 16-bit PCM → AudioSegment at the program's rate and channel count."""
    return pcm(data, sample_rate, channels).set_frame_rate(RATE).set_channels(CHANNELS)


@dataclass(frozen=True)
class Encoding:
    """MP3 settings: constant bitrate in kbit/s and sample rate in Hz."""

    bitrate: int = 128
    sample_rate: int = RATE


def encode_mp3(audio: AudioSegment, dest: str | Path, encoding: Encoding | None = None) -> Path:
    """Write ``audio`` as a CBR MP3 to ``dest`` (any file name), without tags. LAME's best
    quality setting: at low bitrates it overshoots the true peak far less."""
    encoding = encoding or Encoding()
    run([*pcm_input(audio), "-ar", str(encoding.sample_rate), "-codec:a", "libmp3lame",
         "-b:a", f"{encoding.bitrate}k", "-compression_level", "0", "-map_metadata", "-1",
         "-write_xing", "1", "-f", "mp3", "-y", str(dest)], audio.raw_data, "tệp MP3")
    return Path(dest)
