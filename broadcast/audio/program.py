"""Assembling intro + speech (+ pauses) + outro into one program, and mastering it."""

from __future__ import annotations

from dataclasses import dataclass, field

from broadcast.audio import AudioSegment


@dataclass(frozen=True)
class Gaps:
    """Silences around the speech, in milliseconds."""

    after_intro: int = 700
    before_outro: int = 900


@dataclass
class Program:
    """The assembled broadcast and where each speech part lies in it (milliseconds)."""

    audio: AudioSegment
    intro_ms: int
    speech_ms: int
    outro_ms: int
    cues: list[tuple[int, int]] = field(default_factory=list)

    @property
    def duration_ms(self) -> int:
        return len(self.audio)


def assemble(
    parts: list[tuple[AudioSegment, int]],
    intro: AudioSegment,
    outro: AudioSegment,
    gaps: Gaps | None = None,
) -> Program:
    """Speech parts, each (audio, pause after in ms), between the intro and outro jingles."""
    gaps = gaps or Gaps()
    rate, channels = intro.frame_rate, intro.channels
    pieces: list[bytes] = [intro.raw_data, _silence(gaps.after_intro, rate, channels)]
    cursor = len(intro) + gaps.after_intro
    cues = []
    for audio, pause in parts:
        audio = audio.set_frame_rate(rate).set_channels(channels)
        cues.append((cursor, cursor + len(audio)))
        pieces += [audio.raw_data, _silence(pause, rate, channels)]
        cursor += len(audio) + pause
    speech_ms = cursor - len(intro) - gaps.after_intro
    pieces += [_silence(gaps.before_outro, rate, channels), outro.raw_data]
    audio = AudioSegment(data=b"".join(pieces), sample_width=2, frame_rate=rate,
                         channels=channels)
    return Program(audio, len(intro), speech_ms, len(outro), cues)


def _silence(ms: int, rate: int, channels: int) -> bytes:
    return b"\x00\x00" * channels * (rate * ms // 1000)


def master(audio: AudioSegment, peak_dbfs: float = -1.0) -> AudioSegment:
    """Bring the program's peak to ``peak_dbfs`` so quiet engines are as loud as loud ones."""
    if audio.max_dBFS == float("-inf"):
        return audio
    return audio.apply_gain(peak_dbfs - audio.max_dBFS)
