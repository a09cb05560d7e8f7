"""Assembling intro + speech (+ pauses) + outro into one program, and repeating it."""

from __future__ import annotations

from dataclasses import dataclass, field

from broadcast.audio import AudioSegment, pcm


@dataclass(frozen=True)
class Layout:
    """Gaps and fades around the speech and repetition of the whole program, in milliseconds."""

    after_intro: int = 700
    before_outro: int = 900
    fade_in: int = 0
    fade_out: int = 300
    repeat: int = 1
    repeat_gap: int = 0


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

    @property
    def speech_span(self) -> tuple[int, int]:
        """From the first spoken word to the last."""
        return (self.cues[0][0], self.cues[-1][1]) if self.cues else (0, 0)


def assemble(
    parts: list[tuple[AudioSegment, int]],
    intro: AudioSegment,
    outro: AudioSegment,
    layout: Layout | None = None,
) -> Program:
    """Speech parts, each (audio, pause after in ms), between the intro and outro jingles."""
    layout = layout or Layout()
    rate, channels = intro.frame_rate, intro.channels
    if layout.fade_in:
        intro = intro.fade_in(min(layout.fade_in, len(intro)))
    if layout.fade_out:
        outro = outro.fade_out(min(layout.fade_out, len(outro)))
    width = 2 * channels
    pieces = [intro.raw_data, _silence(layout.after_intro, rate, channels)]
    frames = intro_end = sum(len(p) for p in pieces) // width
    cues = []
    for audio, pause in parts:
        data = audio.set_frame_rate(rate).set_channels(channels).raw_data
        silence = _silence(pause, rate, channels)
        cues.append((_ms(frames, rate), _ms(frames + len(data) // width, rate)))
        pieces += [data, silence]
        frames += (len(data) + len(silence)) // width
    pieces += [_silence(layout.before_outro, rate, channels), outro.raw_data]
    audio = pcm(b"".join(pieces), rate, channels)
    return Program(audio, len(intro), _ms(frames - intro_end, rate), len(outro), cues)


def _ms(frames: int, rate: int) -> int:
    return round(frames * 1000 / rate)


def _silence(ms: int, rate: int, channels: int) -> bytes:
    return b"\x00\x00" * channels * (rate * ms // 1000)


def repeat_offsets(duration_ms: int, layout: Layout) -> list[int]:
    """Where each repetition of a program of ``duration_ms`` starts."""
    return [i * (duration_ms + layout.repeat_gap) for i in range(layout.repeat)]


def repeated(audio: AudioSegment, layout: Layout) -> AudioSegment:
    """The program ``layout.repeat`` times, ``layout.repeat_gap`` ms of silence between."""
    if layout.repeat <= 1:
        return audio
    gap = _silence(layout.repeat_gap, audio.frame_rate, audio.channels)
    data = gap.join([audio.raw_data] * layout.repeat)
    return pcm(data, audio.frame_rate, audio.channels)
