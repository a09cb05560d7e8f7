"""The project's own jingles, synthesized: bell-like notes, a rising call for the intro and a
falling one for the outro. Deterministic, a few seconds each, never silence."""

from __future__ import annotations

import math
from array import array
from functools import lru_cache

from broadcast.audio import CHANNELS, RATE, AudioSegment

SYNTH_RATE = 22050
# (start seconds, frequency Hz, length seconds)
INTRO_NOTES = ((0.0, 523.25, 1.2), (0.22, 659.25, 1.2), (0.44, 783.99, 1.4),
               (0.66, 1046.5, 2.2), (0.66, 523.25, 2.2))
OUTRO_NOTES = ((0.0, 1046.5, 1.2), (0.25, 783.99, 1.2), (0.5, 659.25, 1.4),
               (0.75, 523.25, 2.2), (0.75, 392.0, 2.2))
PARTIALS = ((1.0, 1.0), (2.0, 0.35), (3.0, 0.12), (4.2, 0.05))


def _bell(samples: list[float], start: float, freq: float, length: float) -> None:
    first = int(start * SYNTH_RATE)
    count = int(length * SYNTH_RATE)
    attack = int(0.01 * SYNTH_RATE)
    for i in range(count):
        t = i / SYNTH_RATE
        envelope = min(1.0, i / attack) * math.exp(-3.2 * t / length)
        value = sum(a * math.sin(2 * math.pi * freq * m * t) for m, a in PARTIALS)
        samples[first + i] += envelope * value


def _render(notes: tuple[tuple[float, float, float], ...], peak: float = 0.7) -> AudioSegment:
    total = max(start + length for start, _, length in notes)
    samples = [0.0] * (int(total * SYNTH_RATE) + 1)
    for note in notes:
        _bell(samples, *note)
    scale = peak * 32767 / max(abs(s) for s in samples)
    pcm = array("h", (int(s * scale) for s in samples))
    segment = AudioSegment(data=pcm.tobytes(), sample_width=2, frame_rate=SYNTH_RATE, channels=1)
    return segment.set_frame_rate(RATE).set_channels(CHANNELS).fade_out(150)


@lru_cache(maxsize=1)
def default_intro() -> AudioSegment:
    return _render(INTRO_NOTES)


@lru_cache(maxsize=1)
def default_outro() -> AudioSegment:
    return _render(OUTRO_NOTES)


SEPARATOR_NOTES = ((0.0, 783.99, 0.9), (0.18, 1046.5, 1.1))


@lru_cache(maxsize=1)
def default_separator() -> AudioSegment:
    """The short two-note chime between the bài of a monthly program (about 1.3 s)."""
    return _render(SEPARATOR_NOTES, peak=0.6)
