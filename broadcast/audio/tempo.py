"""Speaking speed: tempo changed without changing pitch (ffmpeg's atempo, WSOLA)."""

from __future__ import annotations

from broadcast.audio import AudioSegment, ffmpeg
from broadcast.errors import BroadcastError

MIN_SPEED, MAX_SPEED = 0.8, 1.3


def check_speed(speed: float) -> float:
    if not MIN_SPEED <= speed <= MAX_SPEED:
        raise BroadcastError(
            f"Tốc độ đọc {speed:g} không hợp lệ: chọn từ {MIN_SPEED:g} (chậm) đến {MAX_SPEED:g} "
            "(nhanh), 1 là bình thường."
        )
    return speed


def change_speed(audio: AudioSegment, speed: float) -> AudioSegment:
    """``audio`` played ``speed`` times as fast, same pitch. 1.0 returns it unchanged."""
    check_speed(speed)
    if speed == 1.0 or len(audio) == 0:
        return audio
    return ffmpeg.filtered(audio, [f"atempo={speed:g}"], "tốc độ đọc")[0]
