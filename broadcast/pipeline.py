"""build(): the arrows of the flow in order — file → Directive → Script → Segments → speech →
Program → files on disk. Progress is reported through a callback; nothing here prints."""

from __future__ import annotations

import datetime as dt
import glob
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from broadcast import document, sources, writers
from broadcast import script as scripts
from broadcast.audio import AudioSegment, bed, ffmpeg, jingles, music, tags
from broadcast.audio.mastering import Loudness, master
from broadcast.audio.program import Program, assemble, repeat_offsets, repeated
from broadcast.audio.tempo import change_speed
from broadcast.config import Commune, VoiceSettings, engine_of_voice, require_commune
from broadcast.document.guard import find_leak
from broadcast.errors import BroadcastError
from broadcast.profiles import DEFAULT_PROFILE, Profile
from broadcast.script import Approval, Script, ScriptOptions, render
from broadcast.speech import Segment, SpeechOptions, spoken_segments, unknown_acronyms
from broadcast.speech.rules import strip_markdown
from broadcast.tts import AUTO, DEFAULT_ENGINE, Audio, Engine, get_engine, voice_label
from broadcast.tts.batch import Spoken, synthesize_all
from broadcast.tts.cache import SegmentCache
from broadcast.tts.respell import respell
from broadcast.writers import digest, slugify, srt, staged, write_docx

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass
class BuildOptions:
    commune: Commune | None = None  # None: an edited script's own commune
    engine: str | None = None  # None: broadcast.toml's [voice] engine, else DEFAULT_ENGINE (auto)
    voice: str | None = None
    out_dir: Path = Path("audio_out")
    broadcast_date: dt.date = field(default_factory=dt.date.today)
    template: str | None = None  # None: the template of the directive's kind
    template_dir: Path | None = None
    script: ScriptOptions = field(default_factory=ScriptOptions)
    approval: Approval = field(default_factory=Approval)  # signer and note of new scripts
    draft: bool = False  # build an unapproved script, marked DRAFT
    speech: SpeechOptions = field(default_factory=SpeechOptions)
    profile: Profile = field(default_factory=Profile)
    intro: Path | None = None
    outro: Path | None = None
    bed: Path | None = None
    separator: Path | None = None  # between the bài of a monthly program
    voices: VoiceSettings = field(default_factory=VoiceSettings)
    cache: bool = True
    cache_dir: Path | None = None  # None: the user cache folder
    force: bool = False  # read a document even when the guard finds a header or page line in it


@dataclass(frozen=True)
class EngineChoice:
    """The engine and voice a build uses, and why (for --engine auto)."""

    engine: str
    voice: str | None
    reason: str = ""


def choose_engine(options: BuildOptions) -> EngineChoice:
    """Resolve the engine (``auto`` too) and the voice: the command line first, then
    broadcast.toml, then the defaults."""
    name = options.engine or options.voices.engine or DEFAULT_ENGINE
    if name == AUTO and options.voice and options.engine != AUTO:
        name = engine_of_voice(options.voice)  # --voice alone names its engine
    if name == AUTO:
        from broadcast.tts import auto

        if options.voice:
            raise BroadcastError("--voice chỉ dùng cùng một bộ đọc cụ thể (--engine korva, "
                                 "piper, gtts hoặc espeak). Với auto, đặt giọng cho từng bộ đọc "
                                 "trong broadcast.toml, ví dụ [voice.korva] voice = \"khanh_vy\" "
                                 "hoặc [voice.piper] voice = \"…\".")
        picked = auto.choose(options.voices.engines, options.voices.voices)
        return EngineChoice(picked.engine, picked.voice or _voice_for(picked.engine, options),
                            picked.reason)
    return EngineChoice(name, _voice_for(name, options))


def _voice_for(engine: str, options: BuildOptions) -> str | None:
    return options.voice or options.voices.voices.get(engine)


@dataclass
class BuildResult:
    title: str
    mp3: str
    script: str
    spoken: str
    manifest: str
    captions: str
    engine: str
    profile: str
    segments: int
    duration_s: float
    speech_s: float
    loudness: Loudness
    cache_hits: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    repaired: str = ""  # the earlier outputs under this name did not match their manifest
    spelled: tuple[str, ...] = ()  # all-caps tokens read letter by letter: not in the table


@dataclass
class Music:
    """The jingles and the optional bed, decoded before any synthesis so a bad file fails fast."""

    intro: AudioSegment
    outro: AudioSegment
    bed: AudioSegment | None = None

    @classmethod
    def load(cls, options: BuildOptions) -> Music:
        return cls(
            music.load(options.intro, "nhạc hiệu mở đầu") if options.intro
            else jingles.default_intro(),
            music.load(options.outro, "nhạc hiệu kết thúc") if options.outro
            else jingles.default_outro(),
            music.load(options.bed, "nhạc nền") if options.bed else None,
        )


def prepare(source: str | Path, options: BuildOptions) -> tuple[Script, list[Segment]]:
    """File → Script → Segments (everything before synthesis). An edited script file is used
    as it is, and only when approved (or when a draft is asked for)."""
    text = sources.read(source)
    if scripts.is_script_file(text.text):
        script = scripts.from_markdown(text.text, str(source), options.template_dir)
        if not options.draft:
            scripts.check_approved(script)
        elif not scripts.seal_holds(script):  # built as the draft it is, marked DRAFT
            script = replace(script, approval=replace(script.approval, status=scripts.DRAFT))
    else:
        script = draft_script(text, options)
    segments = spoken_segments(script.spoken_sections(), options.speech,
                               options.profile.pauses)
    if not segments:
        raise BroadcastError(f"Bài từ '{source}' không có câu nào để đọc.")
    return script, segments


def draft_script(text: sources.SourceText, options: BuildOptions) -> Script:
    """A directive's text → its script, through the template of its kind."""
    commune = require_commune(options.commune)
    directive = document.parse(text)
    if not directive.body and not directive.preamble and not directive.closing:
        raise BroadcastError(f"Không tìm thấy nội dung nào để đọc trong '{text.path}'.")
    script = replace(render(directive, commune, options.broadcast_date, options.template,
                            options.template_dir, options.script, options.approval),
                     source_hash=scripts.source_hash(text.text))
    if not options.force:
        guard(script, directive, text.path)
    return script


def guard(script: Script, directive: document.Directive, where: str) -> None:
    """Refuse a script that would read a header or the page around the document aloud."""
    leak = find_leak([s.text for s in script.spoken_sections()], directive)
    if leak:
        raise BroadcastError(
            f"Văn bản '{where}' chưa được hiểu đúng: \"{leak.line}\" ({leak.what}) sẽ bị đọc "
            f"lên. Kiểm tra bằng: broadcast parse \"{where}\"; nếu vẫn muốn dựng, thêm --force.")


def to_segment(audio: Audio) -> AudioSegment:
    if audio.format == "pcm_s16le":
        return ffmpeg.from_pcm(audio.data, audio.sample_rate, audio.channels)
    return ffmpeg.decode(audio.data, what=f"âm thanh {audio.format} của bộ đọc")


def synthesize(engine: Engine, segments: list[Segment], voice: str | None,
               cache: SegmentCache | None = None, table: dict[str, str] | None = None,
               progress: Progress | None = None) -> list[Spoken]:
    """Each segment's speech (through the cache), after the engine's respellings."""
    texts = [respell(seg.spoken, table or {}) for seg in segments]
    return synthesize_all(engine, texts, voice, cache, progress)


def paced(spoken: list[Spoken], segments: list[Segment],
          speed: float = 1.0) -> list[tuple[AudioSegment, int]]:
    """Each segment's speech at ``speed``, with the pause that follows it."""
    return [(change_speed(to_segment(s.audio), speed), seg.pause_ms)
            for s, seg in zip(spoken, segments, strict=True)]


def captions(segments: list[Segment], cues: list[tuple[int, int]],
             offsets: list[int]) -> list[tuple]:
    """(start ms, end ms, printed text) of every spoken segment at its cue, in every
    repetition."""
    return [(offset + start, offset + end, strip_markdown(seg.text))
            for offset in offsets
            for seg, (start, end) in zip(segments, cues, strict=True)]


def manifest(script: Script, segments: list[Segment], program: Program, engine: Engine,
             choice: EngineChoice, options: BuildOptions, loudness: Loudness,
             offsets: list[int], spoken: list[Spoken]) -> dict:
    voice = choice.voice or engine.default_voice
    profile = options.profile
    cues = [dict(asdict(seg), start=start / 1000, end=end / 1000, engine=engine.name,
                 voice=voice, cached=said.cached,
                 **({"respelled": said.text} if said.text != seg.spoken else {}))
            for seg, (start, end), said in zip(segments, program.cues, spoken, strict=True)]
    return {
        "title": script.title, "commune": script.commune, "date": script.date,
        "approval": {"status": script.approval.status, "by": script.approval.by or None,
                     "on": script.approval.on or None, "draft": is_draft(script, options),
                     "script_file": script.script_file or None},
        "name": stem_of(script, options), "source": {"file": script.source,
                                                     "document": script.reference,
                                                     "hash": scripts.owner(script)},
        "template": script.template, "engine": engine.name, "voice": voice,
        "engine_reason": choice.reason or None,
        "cache": {"used": options.cache, "hits": sum(s.cached for s in spoken),
                  "synthesized": sum(not s.cached for s in spoken)},
        "profile": {"name": profile.name, "speed": profile.speed,
                    "settings": asdict(profile)},
        "music": {"intro": _name(options.intro), "outro": _name(options.outro),
                  "bed": _name(options.bed) if options.bed else None},
        "durations": {"program": program.duration_ms / 1000, "intro": program.intro_ms / 1000,
                      "speech": program.speech_ms / 1000, "outro": program.outro_ms / 1000,
                      "total": (offsets[-1] + program.duration_ms) / 1000},
        "repeats": [offset / 1000 for offset in offsets],
        "loudness": {**asdict(loudness), "target": profile.mastering.loudness,
                     "true_peak_limit": profile.mastering.true_peak},
        "segments": cues,
    }


def _name(path: Path | None) -> str:
    return str(path) if path else "(mặc định)"


def _tags(script: Script, options: BuildOptions, choice: EngineChoice,
          engine: Engine) -> tags.Tags:
    day = dt.date.fromisoformat(script.date)
    comment = f"{script.reference or Path(str(script.source)).name} — bộ đọc " \
              f"{voice_label(engine.name, choice.voice or engine.default_voice)}"
    if is_draft(script, options):
        comment = f"DRAFT — bản nháp, chưa phê duyệt. {comment}"
    return tags.Tags(title=(DRAFT_TITLE if is_draft(script, options) else "") + script.title,
                     artist=radio_of(script, options.commune),
                     album=f"Bài tuyên truyền tháng {day:%m/%Y}", date=script.date,
                     comment=comment)


DRAFT_TITLE, DRAFT_SUFFIX = "[DRAFT] ", "-DRAFT"  # in the tags and file names of a draft


def is_draft(script: Script, options: BuildOptions) -> bool:
    """An unapproved script built on purpose (--draft): its files and tags say DRAFT."""
    return options.draft and not script.approval.approved


def radio_of(script: Script, commune: Commune | None) -> str:
    """The station's name: the configured commune's, when the script is for that commune."""
    if commune is not None and commune.full_name == script.commune:
        return commune.radio
    return f"Đài truyền thanh {script.commune}"


class Stopwatch:
    """Seconds spent per stage (BuildResult.timings, reported by the benchmark)."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}
        self._stage, self._start = "", 0.0

    def __call__(self, stage: str) -> None:
        now = time.perf_counter()
        if self._stage:
            self.times[self._stage] = self.times.get(self._stage, 0.0) + now - self._start
        self._stage, self._start = stage, now

    def stop(self) -> dict[str, float]:
        self("")
        return {k: round(v, 3) for k, v in self.times.items()}


def ready_engine(options: BuildOptions, choice: EngineChoice) -> Engine:
    """The chosen engine with its broadcast.toml settings, its voice loaded (fails fast)."""
    engine = get_engine(choice.engine, **options.voices.engines.get(choice.engine, {}))
    engine.load(choice.voice)
    return engine


@dataclass
class Reading:
    """One bài read aloud: its script (None for a program's own words), segments and each
    segment's paced speech."""

    script: Script | None
    segments: list[Segment]
    spoken: list[Spoken]
    parts: list[tuple[AudioSegment, int]]


def read_script(script: Script | None, segments: list[Segment], options: BuildOptions,
                engine: Engine,
                choice: EngineChoice, progress: Progress | None = None) -> Reading:
    """Segments → speech (through the cache), paced at the profile's speed."""
    cache = SegmentCache(options.cache_dir) if options.cache else None
    spoken = synthesize(engine, segments, choice.voice, cache,
                        options.voices.respellings_for(engine.name), progress)
    return Reading(script, segments, spoken, paced(spoken, segments, options.profile.speed))


def build(source: str | Path, options: BuildOptions, progress: Progress | None = None,
          choice: EngineChoice | None = None) -> BuildResult:
    clock = Stopwatch()
    clock("prepare")
    choice = choice or choose_engine(options)
    engine = ready_engine(options, choice)
    tunes = Music.load(options)
    script, segments = prepare(source, options)
    if not script.approval.approved:  # a directive built straight away: nobody approved it,
        options = replace(options, draft=True)  # so its files and tags say DRAFT
    clock("synthesis")
    reading = read_script(script, segments, options, engine, choice, progress)
    return finish(reading, options, tunes, engine, choice, clock)


def finish(reading: Reading, options: BuildOptions, tunes: Music, engine: Engine,
           choice: EngineChoice, clock: Stopwatch | None = None) -> BuildResult:
    """One bài's program: jingles, bed, mastering, and every output file written at once."""
    clock = clock or Stopwatch()
    clock("assembly")
    script, segments, profile = reading.script, reading.segments, options.profile
    program = assemble(reading.parts, tunes.intro, tunes.outro, profile.program)
    mixed = bed.mix(program, tunes.bed, profile.bed) if tunes.bed else program.audio
    names = output_names(options, script)
    repaired = broken_outputs(names[".json"])
    offsets = repeat_offsets(program.duration_ms, profile.program)
    clock("mastering")
    with staged(names[".mp3"].parent) as stage:
        loudness = master_to(stage(names[".mp3"].name), mixed, profile, _tags(script, options,
                                                                                 choice, engine))
        clock("writing")
        stage_text(stage(names[".srt"].name), srt(captions(segments, program.cues, offsets)))
        stage_text(stage(names[".txt"].name), script.printed())
        stage_text(stage(names[".spoken.txt"].name), "\n".join(s.spoken for s in segments) + "\n")
        write_docx(stage(names[".docx"].name), script)
        data = manifest(script, segments, program, engine, choice, options, loudness, offsets,
                        reading.spoken)
        stage_manifest(stage, names[".json"].name, data)
    return BuildResult(
        title=script.title, mp3=str(names[".mp3"]), script=str(names[".txt"]),
        spoken=str(names[".spoken.txt"]), manifest=str(names[".json"]),
        captions=str(names[".srt"]), engine=engine.name, profile=profile.name,
        segments=len(segments), duration_s=data["durations"]["total"],
        speech_s=program.speech_ms / 1000, loudness=loudness,
        cache_hits=data["cache"]["hits"], timings=clock.stop(), repaired=repaired,
        spelled=tuple(unknown_acronyms(segments)),
    )


def stage_manifest(stage: writers.Stage, name: str, data: dict) -> None:
    """The manifest, staged last, with the size and hash of every file staged before it."""
    data["files"] = {final: digest(temp) for final, temp in stage.files().items()}
    stage_text(stage(name), json.dumps(data, ensure_ascii=False, indent=2))


def broken_outputs(manifest_path: Path) -> str:
    """The file of an earlier build under this name that does not match its manifest (a build
    stopped while its files were put in place); '' when they agree."""
    if not manifest_path.exists():
        return ""
    wrong = writers.mismatch(manifest_path)
    if wrong:
        log.warning("%s does not match its manifest %s; rebuilding", wrong, manifest_path)
    return wrong


def master_to(mp3: Path, audio: AudioSegment, profile: Profile, mp3_tags: tags.Tags) -> Loudness:
    """Master ``audio`` for the profile, repeat it, encode it to ``mp3`` and tag it."""
    loudness = master(audio, profile.mastering, lambda mastered: ffmpeg.encode_mp3(
        repeated(mastered, profile.program), mp3, profile.encoding))
    tags.write(mp3, mp3_tags)
    return loudness


def output_names(options: BuildOptions, script: Script) -> dict[str, Path]:
    folder = Path(options.out_dir) / script.date[:7]
    slug = stem_of(script, options)
    if options.profile.name != DEFAULT_PROFILE:
        slug = f"{slug}-{slugify(options.profile.name)}"
    if is_draft(script, options):
        slug += DRAFT_SUFFIX
    return {kind: folder / f"{slug}{kind}" for kind in OUTPUTS}


OUTPUTS = (".mp3", ".srt", ".txt", ".spoken.txt", ".json", ".docx")


def identity(script: Script) -> str:
    """'54-tb-vp' from the reference's number and symbol, else its date ('26-6-2024')."""
    number = re.search(r"\bsố\s+(\S+)", script.reference)
    if number:
        return slugify(number[1], 24)
    day = re.search(r"\bngày\s+(\d{1,2}/\d{1,2}/\d{4})", script.reference)
    return slugify(day[1], 24) if day else ""


def base_stem(script: Script) -> str:
    """'54-tb-vp-cai-cach-hanh-chinh': the document's number (or date), then its short title."""
    ident = identity(script)
    topic = slugify(script.topic, 60 - len(ident))
    stem = f"{ident}-{topic}" if ident else topic
    return f"{stem}-v{script.version}" if script.version > 1 else stem


def stem_of(script: Script, options: BuildOptions) -> str:
    """The script's name in its month's folder: its own, never another document's."""
    folder = Path(options.out_dir) / script.date[:7]
    return writers.claim(folder, base_stem(script), lambda base: owns(base, script), _taken)


CLAIMS = (".md", ".mp3", ".json", DRAFT_SUFFIX + ".mp3", DRAFT_SUFFIX + ".json")


def _taken(folder: Path, name: str) -> bool:
    return any((folder / f"{name}{suffix}").exists() for suffix in CLAIMS)


def owns(base: Path, script: Script) -> bool | None:
    """Whether the files named ``base`` are this script's document's (None: there are none
    that say whose they are)."""
    mine = scripts.owner(script)
    draft_file = base.with_name(base.name + ".md")
    claims = [_script_owner(draft_file, script)] if draft_file.exists() else []
    for path in base.parent.glob(f"{glob.escape(base.name)}*.json"):
        claims.append(_manifest_owner(path, base.name, script))
    claims = [c for c in claims if c is not None]
    return (mine in claims or True in claims) if claims else None


def _script_owner(path: Path, script: Script) -> str | bool | None:
    if script.script_file and _same_file(path, Path(script.script_file)):
        return True
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    found = re.search(r"^source_hash\s*:\s*(\S+)", text[:4000], re.M)
    return found[1] if found else False


def _manifest_owner(path: Path, name: str, script: Script) -> str | bool | None:
    data = writers.read_json(path)
    if data is None or "title" not in data or "segments" not in data:
        return None  # not a build's manifest
    if "name" in data:
        return data["source"].get("hash", False) if data["name"] == name else None
    if path.stem not in (name, name + DRAFT_SUFFIX):
        return None
    source = data.get("source") or {}
    legacy = (source.get("file"), source.get("document")) == (script.source, script.reference)
    return legacy or False


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def stage_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- draft and approval


def write_draft(source: str | Path, options: BuildOptions,
                overwrite: bool = False) -> tuple[Path, Script]:
    """A directive → the editable script file, beside where its broadcast will be built."""
    text = sources.read(source)
    if scripts.is_script_file(text.text):
        raise BroadcastError(f"'{source}' đã là bài soạn sẵn: sửa trực tiếp tệp đó, duyệt bằng "
                             "broadcast approve, dựng bằng broadcast build.")
    script = draft_script(text, options)
    return write_script(script, options, overwrite), script


def script_path(options: BuildOptions, script: Script) -> Path:
    """Where a script's editable file goes: beside its broadcast, named like it."""
    return output_names(replace(options, draft=False), script)[".mp3"].with_suffix(".md")


def write_script(script: Script, options: BuildOptions, overwrite: bool = False) -> Path:
    path = script_path(options, script)
    if path.exists() and not overwrite:
        raise BroadcastError(f"Đã có bài '{path}' (có thể đã được sửa). Mở tệp đó để sửa tiếp, "
                             "hoặc thêm --force để soạn lại từ đầu.")
    with staged(path.parent) as stage:
        stage_text(stage(path.name), scripts.to_markdown(script))
    return path


def approve_file(path: Path, by: str, on: dt.date,
                 user_dir: Path | None = None) -> tuple[Script, Path]:
    """Record the approval in the script file and print it to a .docx beside it."""
    script = scripts.from_markdown(sources.read(path).text, str(path), user_dir)
    approved = scripts.approve(script, by, on, user_dir)
    docx = path.with_suffix(".docx")
    with staged(path.parent) as stage:
        stage_text(stage(path.name), scripts.to_markdown(approved))
        write_docx(stage(docx.name), approved)
    return approved, docx
