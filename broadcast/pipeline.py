"""build(): the arrows of the flow in order — file → Directive → Script → Segments → speech →
Program → files on disk. Progress is reported through a callback; nothing here prints."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from broadcast import document, sources
from broadcast.audio import AudioSegment, ffmpeg, jingles
from broadcast.audio.program import Program, assemble, master
from broadcast.config import Commune
from broadcast.errors import BroadcastError
from broadcast.script import DEFAULT_TEMPLATE, Script, render
from broadcast.speech import Segment, SpeechOptions, spoken_segments
from broadcast.tts import DEFAULT_ENGINE, Audio, Engine, get_engine
from broadcast.writers import slugify, staged

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass
class BuildOptions:
    commune: Commune
    engine: str = DEFAULT_ENGINE
    voice: str | None = None
    out_dir: Path = Path("audio_out")
    broadcast_date: dt.date = field(default_factory=dt.date.today)
    template: str = DEFAULT_TEMPLATE
    template_dir: Path | None = None
    speech: SpeechOptions = field(default_factory=SpeechOptions)
    bitrate: str = "128k"


@dataclass
class BuildResult:
    title: str
    mp3: str
    script: str
    spoken: str
    manifest: str
    engine: str
    segments: int
    duration_s: float
    speech_s: float


def prepare(source: str | Path, options: BuildOptions) -> tuple[Script, list[Segment]]:
    """File → Script → Segments (everything before synthesis)."""
    directive = document.parse(sources.read(source))
    if not directive.body and not directive.preamble:
        raise BroadcastError(f"Không tìm thấy nội dung nào để đọc trong '{source}'.")
    script = render(directive, options.commune, options.broadcast_date, options.template,
                    options.template_dir)
    return script, spoken_segments(script.spoken_sections(), options.speech)


def to_segment(audio: Audio) -> AudioSegment:
    if audio.format == "pcm_s16le":
        return ffmpeg.from_pcm(audio.data, audio.sample_rate, audio.channels)
    return ffmpeg.decode(audio.data, what=f"âm thanh {audio.format} của bộ đọc")


def synthesize(engine: Engine, segments: list[Segment], voice: str | None,
               progress: Progress | None = None) -> list[tuple[AudioSegment, int]]:
    parts = []
    for done, seg in enumerate(segments, 1):
        parts.append((to_segment(engine.synthesize(seg.spoken, voice)), seg.pause_ms))
        if progress:
            progress(done, len(segments))
    return parts


def manifest(script: Script, segments: list[Segment], program: Program, engine: Engine,
             voice: str | None) -> dict:
    cues = [dict(asdict(seg), start=start / 1000, end=end / 1000)
            for seg, (start, end) in zip(segments, program.cues, strict=True)]
    return {
        "title": script.title, "source": script.source, "commune": script.commune,
        "date": script.date, "template": script.template, "engine": engine.name,
        "voice": voice or engine.default_voice, "duration": program.duration_ms / 1000,
        "intro": program.intro_ms / 1000, "speech": program.speech_ms / 1000,
        "outro": program.outro_ms / 1000, "segments": cues,
    }


def build(source: str | Path, options: BuildOptions,
          progress: Progress | None = None) -> BuildResult:
    engine = get_engine(options.engine)
    script, segments = prepare(source, options)
    if not segments:
        raise BroadcastError(f"Bài từ '{source}' không có câu nào để đọc.")
    parts = synthesize(engine, segments, options.voice, progress)
    program = assemble(parts, jingles.default_intro(), jingles.default_outro())
    folder = Path(options.out_dir) / options.broadcast_date.strftime("%Y-%m")
    slug = slugify(script.topic)
    tags = {"title": script.title, "artist": options.commune.radio,
            "album": f"Bài tuyên truyền tháng {options.broadcast_date:%m/%Y}",
            "date": options.broadcast_date.isoformat(), "comment": Path(str(source)).name}
    with staged(folder) as stage:
        ffmpeg.encode_mp3(master(program.audio), stage(f"{slug}.mp3"), options.bitrate, tags)
        stage_text(stage(f"{slug}.txt"), script.printed())
        stage_text(stage(f"{slug}.spoken.txt"), "\n".join(s.spoken for s in segments) + "\n")
        data = manifest(script, segments, program, engine, options.voice)
        stage_text(stage(f"{slug}.json"), json.dumps(data, ensure_ascii=False, indent=2))
    return BuildResult(
        title=script.title, mp3=str(folder / f"{slug}.mp3"), script=str(folder / f"{slug}.txt"),
        spoken=str(folder / f"{slug}.spoken.txt"), manifest=str(folder / f"{slug}.json"),
        engine=engine.name, segments=len(segments), duration_s=program.duration_ms / 1000,
        speech_s=program.speech_ms / 1000,
    )


def stage_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
