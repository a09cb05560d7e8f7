"""The user's own jingles and music bed: any file ffmpeg reads, checked before any synthesis."""

from __future__ import annotations

import logging
from pathlib import Path

from broadcast.audio import AudioSegment, ffmpeg
from broadcast.errors import BroadcastError

log = logging.getLogger(__name__)
MIN_MS = 200


def load(path: str | Path, role: str) -> AudioSegment:
    """Decode the ``role`` file (e.g. 'nhạc hiệu mở đầu') to the program's PCM, or say why not."""
    path = Path(path)
    if not path.is_file():
        raise BroadcastError(f"Không tìm thấy tệp {role} '{path}'.")
    try:
        audio = ffmpeg.decode(path, what=f"tệp {role}")
    except BroadcastError as exc:
        log.debug("decoding %s failed: %s", path, exc)
        raise BroadcastError(
            f"Không đọc được tệp {role} '{path}': tệp hỏng hoặc không phải âm thanh "
            "(dùng mp3, wav, m4a, ogg)."
        ) from exc
    if len(audio) < MIN_MS or audio.max_dBFS == float("-inf"):
        raise BroadcastError(f"Tệp {role} '{path}' không có âm thanh nào.")
    return audio
