"""The user's own jingles and music bed: any file ffmpeg reads, checked before any synthesis.

A jingle (intro, outro, the separator of a monthly program) is a few minutes at most: a longer
file is refused, and ffmpeg never decodes more than the limit to find out. A bed may be any
length: only its first ``BED_READ_MS`` are decoded, and they are looped under the program.
"""

from __future__ import annotations

import logging
from pathlib import Path

from broadcast.audio import AudioSegment, ffmpeg
from broadcast.errors import BroadcastError

log = logging.getLogger(__name__)
MIN_MS = 200
JINGLE_MAX_MS = 3 * 60_000
BED_READ_MS = 10 * 60_000
BED_ROLE = "nhạc nền"


def load(path: str | Path, role: str, bed: bool | None = None) -> AudioSegment:
    """Decode the ``role`` file (e.g. 'nhạc hiệu mở đầu') to the program's PCM, or say why not.
    ``bed`` (default: the role is 'nhạc nền') reads a bed of any length, else a jingle of at
    most ``JINGLE_MAX_MS``."""
    path = Path(path)
    bed = role.startswith(BED_ROLE) if bed is None else bed
    if not path.is_file():
        raise BroadcastError(f"Không tìm thấy tệp {role} '{path}'.")
    limit = BED_READ_MS if bed else JINGLE_MAX_MS + 1000  # a jingle over the limit shows it
    try:
        audio = ffmpeg.decode(path, what=f"tệp {role}", max_ms=limit)
    except BroadcastError as exc:
        log.debug("decoding %s failed: %s", path, exc)
        raise BroadcastError(
            f"Không đọc được tệp {role} '{path}': tệp hỏng hoặc không phải âm thanh "
            "(dùng mp3, wav, m4a, ogg)."
        ) from exc
    if not bed and len(audio) > JINGLE_MAX_MS:
        raise BroadcastError(
            f"Tệp {role} '{path}' dài hơn {_duration(JINGLE_MAX_MS)}, giới hạn cho nhạc "
            "hiệu; hãy cắt ngắn tệp (nhạc dài để làm nhạc nền thì khai báo là nhạc nền)."
        )
    if bed and len(audio) >= BED_READ_MS:
        log.info("%s: only the first %d minutes of the bed are used (looped)", path,
                 BED_READ_MS // 60_000)
    if len(audio) < MIN_MS or audio.max_dBFS == float("-inf"):
        raise BroadcastError(f"Tệp {role} '{path}' không có âm thanh nào.")
    return audio


def _duration(ms: int) -> str:
    return f"{ms / 60_000:g} phút" if ms >= 60_000 else f"{ms / 1000:g} giây"
