"""The monthly program: opening, each bài separated by a short jingle, closing — one MP3, plus
each bài's own MP3 and a schedule sheet, all under <out>/<YYYY-MM>/.

Beside the flow like the feed: it runs the pipeline's arrows for every source, then assembles
and masters the whole program once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from broadcast import script as scripts
from broadcast.audio import AudioSegment, bed, jingles, music, tags
from broadcast.audio.mastering import Loudness
from broadcast.audio.program import Program, assemble, repeat_offsets
from broadcast.config import Commune
from broadcast.errors import BroadcastError
from broadcast.pipeline import (
    DRAFT_SUFFIX,
    DRAFT_TITLE,
    BuildOptions,
    BuildResult,
    EngineChoice,
    Music,
    Progress,
    Reading,
    captions,
    choose_engine,
    finish,
    is_draft,
    master_to,
    prepare,
    read_script,
    ready_engine,
    stage_manifest,
    stage_text,
)
from broadcast.speech import Segment, spoken_segments
from broadcast.speech.rules import strip_markdown
from broadcast.tts import voice_label
from broadcast.writers import srt, staged

SEPARATOR_GAP_MS = 800  # silence after the separator jingle, before the next bài


@dataclass
class Part:
    """One row of the schedule: where it lies in the program (ms) and the bài's own file."""

    kind: str  # opening, bai, closing
    title: str
    start_ms: int
    end_ms: int
    source: str = ""
    mp3: str = ""
    own_s: float = 0.0


@dataclass
class MonthResult:
    mp3: str
    manifest: str
    schedule: str
    captions: str
    duration_s: float
    loudness: Loudness
    parts: list[Part] = field(default_factory=list)
    bai: list[BuildResult] = field(default_factory=list)


def parse_month(text: str) -> dt.date:
    """'2024-07' → 1 July 2024."""
    try:
        year, month = (int(p) for p in text.split("-"))
        return dt.date(year, month, 1)
    except ValueError as exc:
        raise BroadcastError(f"Tháng '{text}' không đúng dạng NĂM-THÁNG, ví dụ 2024-07.") from exc


def default_date(month: dt.date, today: dt.date | None = None) -> dt.date:
    """The broadcast date printed on the month's new scripts: today within the month, else
    the month's first day."""
    today = today or dt.date.today()
    return today if (today.year, today.month) == (month.year, month.month) else month


def build_month(month: dt.date, sources: list[str | Path], options: BuildOptions,
                progress: Progress | None = None,
                choice: EngineChoice | None = None) -> MonthResult:
    if not sources:
        raise BroadcastError("Chương trình tháng cần ít nhất một văn bản hoặc bài.")
    choice = choice or choose_engine(options)
    engine = ready_engine(options, choice)
    tunes = Music.load(options)
    separator = (music.load(options.separator, "nhạc ngắt giữa các bài") if options.separator
                 else jingles.default_separator())
    prepared = [_prepared(source, options, month) for source in sources]  # all checked first
    readings = [read_script(script, segments, options, engine, choice, step)
                for (script, segments), step in zip(prepared, _steps(prepared, progress),
                                                     strict=True)]
    results = [finish(r, options, tunes, engine, choice) for r in readings]
    commune = options.commune or Commune.from_text(readings[0].script.commune)
    words = scripts.program_words(commune, month, [r.script for r in readings],
                                  options.template_dir)
    opening, closing = (read_script(None, spoken_segments(sections, options.speech,
                                                          options.profile.pauses),
                                    options, engine, choice) for sections in words)
    pieces, marks = _pieces(opening, readings, closing, separator)
    program = assemble(pieces, tunes.intro, tunes.outro, options.profile.program)
    parts = _parts(program, marks, readings, results)
    draft = any(is_draft(r.script, options) for r in readings)
    said = replace(choice, voice=choice.voice or engine.default_voice)  # named in the sheet
    return _write(month, commune, program, tunes, parts, results, options, engine.name, said,
                  [opening, *readings, closing], draft)


def _steps(prepared: list, progress: Progress | None) -> list[Progress | None]:
    """One progress callback per bài, counting on from the bài before: one bar for the month."""
    if progress is None:
        return [None] * len(prepared)
    total = sum(len(segments) for _, segments in prepared)
    starts = [sum(len(segments) for _, segments in prepared[:n]) for n in range(len(prepared))]
    return [lambda done, _total, start=start: progress(start + done, total) for start in starts]


def _prepared(source, options: BuildOptions, month: dt.date):
    script, segments = prepare(source, options)
    if not options.draft and not script.approval.approved:
        raise BroadcastError(
            f"'{source}' chưa phải bài đã được phê duyệt: chương trình tháng chỉ gồm bài đã duyệt. "
            f"Soạn bài bằng broadcast draft \"{source}\", trình duyệt rồi chạy broadcast approve; "
            "hoặc thêm --draft để dựng chương trình nháp (ghi DRAFT).")
    if script.date[:7] != f"{month:%Y-%m}":
        raise BroadcastError(f"Bài '{source}' có ngày phát {script.date}, không thuộc tháng "
                             f"{month.month}/{month.year}. Soạn lại bài với --date trong tháng.")
    return script, segments


def _pieces(opening: Reading, readings: list[Reading], closing: Reading,
            separator: AudioSegment) -> tuple[list[tuple[AudioSegment, int]], list[int]]:
    """The program's parts in order, and the index of the separator that starts each bài and
    the closing."""
    pieces, marks = list(opening.parts), []
    for reading in [*readings, closing]:
        marks.append(len(pieces))
        pieces.append((separator, SEPARATOR_GAP_MS))
        pieces += reading.parts
    return pieces, marks


def _parts(program: Program, marks: list[int], readings: list[Reading],
           results: list[BuildResult]) -> list[Part]:
    """Rows that tile the program: opening from 0, each bài from the jingle before it, the
    closing to the end. Bounds are whole seconds, so the rows add up to the total exactly."""
    bounds = [0] + [_second(program.cues[i][0]) for i in marks] + [_second(program.duration_ms)]
    rows = [Part("opening", "Mở đầu chương trình", bounds[0], bounds[1])]
    for n, (reading, result) in enumerate(zip(readings, results, strict=True), 1):
        rows.append(Part("bai", reading.script.title, bounds[n], bounds[n + 1],
                         source=reading.script.script_file or reading.script.source,
                         mp3=result.mp3, own_s=result.duration_s))
    rows.append(Part("closing", "Kết thúc chương trình", bounds[-2], bounds[-1]))
    return rows


def _second(ms: int) -> int:
    return round(ms / 1000) * 1000


def names(out_dir: Path, month: dt.date, draft: bool = False) -> dict[str, Path]:
    """The program's files; a program holding an unapproved bài says DRAFT like the bài."""
    folder = Path(out_dir) / f"{month:%Y-%m}"
    mark = DRAFT_SUFFIX if draft else ""
    stem = f"chuong-trinh-thang-{month:%m-%Y}{mark}"
    return {".mp3": folder / f"{stem}.mp3", ".json": folder / f"{stem}.json",
            ".srt": folder / f"{stem}.srt",
            ".md": folder / f"lich-phat-thang-{month:%m-%Y}{mark}.md"}


def _write(month: dt.date, commune, program: Program, tunes: Music, parts: list[Part],
           results: list[BuildResult], options: BuildOptions, engine: str,
           choice: EngineChoice, readings: list[Reading], draft: bool) -> MonthResult:
    profile = options.profile
    files = names(options.out_dir, month, draft)
    title = (DRAFT_TITLE if draft else "") + \
        f"CHƯƠNG TRÌNH PHÁT THANH THÁNG {month.month}/{month.year}"
    mixed = bed.mix(program, tunes.bed, profile.bed) if tunes.bed else program.audio
    offsets = repeat_offsets(program.duration_ms, profile.program)
    spoken, cues = _speech_cues(program, readings)
    voice = voice_label(engine, choice.voice)
    with staged(files[".mp3"].parent) as stage:
        loudness = master_to(stage(files[".mp3"].name), mixed, profile, tags.Tags(
            title=title, artist=commune.radio, album=f"Chương trình tháng {month:%m/%Y}",
            date=f"{month:%Y-%m}", comment=f"{len(results)} bài — bộ đọc {voice}"))
        stage_text(stage(files[".srt"].name), srt(captions(spoken, cues, offsets)))
        stage_text(stage(files[".md"].name), schedule_sheet(title, commune, files[".mp3"],
                                                            parts, offsets, voice))
        data = _manifest(title, month, commune, program, parts, offsets, spoken, cues, engine,
                         choice, profile, loudness)
        data["draft"] = draft
        stage_manifest(stage, files[".json"].name, data)
    return MonthResult(str(files[".mp3"]), str(files[".json"]), str(files[".md"]),
                       str(files[".srt"]), data["durations"]["total"], loudness, parts, results)


def _speech_cues(program: Program,
                 readings: list[Reading]) -> tuple[list[Segment], list[tuple[int, int]]]:
    """Every spoken segment of the program and its cue, skipping the separators' cues."""
    cues = iter(program.cues)
    segments, spans = [], []
    for n, reading in enumerate(readings):
        if n:
            next(cues)  # the separator before this reading
        segments += reading.segments
        spans += [next(cues) for _ in reading.segments]
    return segments, spans


def _manifest(title: str, month: dt.date, commune, program: Program, parts: list[Part],
              offsets: list[int], spoken: list[Segment], cues: list[tuple[int, int]],
              engine: str, choice: EngineChoice, profile, loudness: Loudness) -> dict:
    return {
        "title": title, "commune": commune.full_name, "month": f"{month:%Y-%m}",
        "engine": engine, "voice": choice.voice, "profile": {"name": profile.name},
        "parts": [dict(asdict(p), start=p.start_ms / 1000, end=p.end_ms / 1000) for p in parts],
        "bai": [{"title": p.title, "source": p.source, "mp3": p.mp3, "duration": p.own_s}
                for p in parts if p.kind == "bai"],
        "durations": {"program": program.duration_ms / 1000, "intro": program.intro_ms / 1000,
                      "outro": program.outro_ms / 1000,
                      "total": (offsets[-1] + program.duration_ms) / 1000},
        "repeats": [o / 1000 for o in offsets],
        "loudness": {**asdict(loudness), "target": profile.mastering.loudness},
        "segments": [{"start": a / 1000, "end": b / 1000, "text": strip_markdown(seg.text),
                      "spoken": seg.spoken} for seg, (a, b) in zip(spoken, cues, strict=True)],
    }


def clock(ms: int) -> str:
    """90 000 ms → '1:30', 3 725 000 → '1:02:05'."""
    hours, rest = divmod(round(ms / 1000), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def schedule_sheet(title: str, commune, mp3: Path, parts: list[Part],
                   offsets: list[int], voice: str = "") -> str:
    """The schedule as a Markdown table: each part's start and length, and the total; the
    engine and voice that read it (``voice``, from tts.voice_label)."""
    rows = ["| STT | Nội dung | Bắt đầu | Thời lượng | Tệp riêng |", "|---:|---|---:|---:|---|"]
    number = 0
    for p in parts:
        number += p.kind == "bai"
        own = f"{Path(p.mp3).name} ({clock(round(p.own_s * 1000))})" if p.mp3 else ""
        label = str(number) if p.kind == "bai" else ""
        rows.append(f"| {label} | {p.title} | {clock(p.start_ms)} | "
                    f"{clock(p.end_ms - p.start_ms)} | {own} |")
    total = parts[-1].end_ms
    rows.append(f"|  | **Tổng thời lượng** |  | **{clock(total)}** |  |")
    times = (f" Tệp phát {len(offsets)} lần liên tiếp, dài {clock(offsets[-1] + total)}."
             if len(offsets) > 1 else "")
    reader = f" Bộ đọc: {voice}." if voice else ""
    return (f"# Lịch phát — {title}\n\n{commune.radio}. Tệp chương trình: "
            f"`{mp3.name}`.{times}{reader}\n\n" + "\n".join(rows) + "\n")
