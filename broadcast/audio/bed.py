"""A music bed under the whole program: faded in under the intro, ducked while speech plays,
back up under the outro, faded out at the end.

The speech's position is known exactly (the program's cues), so ducking follows it directly
instead of guessing it from the signal as a side-chain compressor would.
"""

from __future__ import annotations

from dataclasses import dataclass

from broadcast.audio import AudioSegment
from broadcast.audio.mastering import loudness
from broadcast.audio.program import Program

LOOP_CROSSFADE_MS = 60
HEADROOM_DB = 6.0  # so the sum cannot clip; mastering sets the final level


@dataclass(frozen=True)
class BedSettings:
    """level: the bed's loudness against the speech (LU) when not ducked; duck: how much lower
    (dB) it goes while speech plays; attack/release: ramps around the speech (ms); fade: fade in
    at the start and out at the end (ms)."""

    level: float = -8.0
    duck: float = 18.0
    attack: int = 500
    release: int = 1000
    fade: int = 2000


def looped(bed: AudioSegment, length_ms: int) -> AudioSegment:
    """``bed`` repeated (with a short crossfade at each seam) to exactly ``length_ms``, built
    in one join: time and memory in proportion to the length, whatever the number of seams."""
    if len(bed) >= length_ms:
        return bed[:length_ms]
    fade = min(LOOP_CROSSFADE_MS, len(bed) // 4)
    if fade <= 0:
        return bed._spawn(bed.raw_data * (length_ms // max(1, len(bed)) + 1))[:length_ms]
    # bed.append(bed, crossfade=fade), repeated, is: head, then (seam, middle) again and again
    seam = bed[-fade:].append(bed[:fade], crossfade=fade)
    head, middle = bed[:-fade], bed[fade:-fade]
    step = len(seam) + len(middle)
    repeats = max(0, -(-(length_ms - len(head)) // max(1, step)))
    data = b"".join([head.raw_data, *[seam.raw_data + middle.raw_data] * repeats])
    return bed._spawn(data)[:length_ms]


def _ducked(bed: AudioSegment, start: int, end: int, settings: BedSettings) -> AudioSegment:
    """Gain envelope: 0 dB, ramp down to -duck before ``start``, back up after ``end``."""
    down_from = max(0, start - settings.attack)
    up_to = min(len(bed), end + settings.release)
    return (bed[:down_from] + _ramp(bed[down_from:start], 0.0, -settings.duck)
            + bed[start:end].apply_gain(-settings.duck)
            + _ramp(bed[end:up_to], -settings.duck, 0.0) + bed[up_to:])


def _ramp(part: AudioSegment, from_gain: float, to_gain: float) -> AudioSegment:
    if len(part) == 0:
        return part
    return part.fade(from_gain=from_gain, to_gain=to_gain, start=0, end=len(part))


def mix(program: Program, bed: AudioSegment, settings: BedSettings) -> AudioSegment:
    """The program with ``bed`` under it, its level set against the program's own loudness."""
    length = len(program.audio)
    bed = looped(bed, length)
    bed = bed.apply_gain(loudness(program.audio) + settings.level - loudness(bed))
    start, end = program.speech_span
    if end > start:
        bed = _ducked(bed, start, end, settings)
    fade = min(settings.fade, length // 3)
    bed = bed.fade_in(fade).fade_out(fade)
    return program.audio.apply_gain(-HEADROOM_DB).overlay(bed.apply_gain(-HEADROOM_DB))
