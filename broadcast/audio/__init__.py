"""Audio: locating ffmpeg, decoding and encoding, jingles, assembling and mastering a program."""

import warnings

with warnings.catch_warnings():
    # pydub warns at import when ffmpeg is not on PATH; we never let pydub call ffmpeg itself.
    warnings.simplefilter("ignore", RuntimeWarning)
    warnings.simplefilter("ignore", DeprecationWarning)  # pydub imports audioop (3.11, 3.12)
    from pydub import AudioSegment  # noqa: F401

RATE = 44100
CHANNELS = 1


def pcm(data: bytes, rate: int = RATE, channels: int = CHANNELS) -> AudioSegment:
    """16-bit little-endian PCM bytes as an AudioSegment."""
    return AudioSegment(data=data, sample_width=2, frame_rate=rate, channels=channels)
