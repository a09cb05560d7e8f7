"""Typed settings: the commune a broadcast is made for, and broadcast.toml (commune, signer,
build defaults, voice, abbreviations and respellings), each value checked with an error naming
the key and the expected form."""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from broadcast.errors import BroadcastError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

COMMUNE_KINDS = ("xã", "phường", "thị trấn")
ITEM_STYLES = ("so", "thu-tu")  # "1. …" or "Thứ nhất, …"
DEFAULT_NOTE = "thực hiện phát trên đài truyền thanh và loa kéo đến các thôn"


@dataclass(frozen=True)
class Commune:
    """The commune (xã, phường or thị trấn) whose radio airs the broadcast."""

    name: str
    kind: str = "xã"
    district: str = ""  # "huyện Ba Bể"
    province: str = ""  # "tỉnh Bắc Kạn"
    radio_name: str = ""  # when the station is not called "Đài truyền thanh <commune>"
    officer: str = ""

    @classmethod
    def from_text(cls, text: str) -> Commune:
        """'Phúc Lộc' → xã Phúc Lộc; 'phường Tân An' → phường Tân An."""
        cleaned = " ".join(text.split())
        match = re.match(rf"^({'|'.join(COMMUNE_KINDS)})\s+(.+)$", cleaned, re.I)
        kind, name = (match[1].lower(), match[2]) if match else ("xã", cleaned)
        if not name or not re.search(r"\w", name) or len(name) > 60:
            raise BroadcastError(
                f"Tên xã '{text}' không hợp lệ. Hãy ghi tên xã, ví dụ --commune \"Phúc Lộc\"."
            )
        return cls(name=name, kind=kind)

    def renamed(self, text: str) -> Commune:
        """Another commune named on the command line: the district and province stay, a radio
        name given for the configured commune does not."""
        other = Commune.from_text(text)
        if (other.name, other.kind) == (self.name, self.kind):
            return self
        return replace(self, name=other.name, kind=other.kind, radio_name="")

    @property
    def full_name(self) -> str:
        return f"{self.kind} {self.name}"

    @property
    def authority(self) -> str:
        return f"Ủy ban nhân dân {self.full_name}"

    @property
    def radio(self) -> str:
        return self.radio_name or f"Đài truyền thanh {self.full_name}"


@dataclass(frozen=True)
class Signer:
    """Who signs the approval block of the printed script."""

    authority: str = "TM. ỦY BAN NHÂN DÂN"
    title: str = "CHỦ TỊCH"
    name: str = ""


@dataclass(frozen=True)
class BuildDefaults:
    """[build]: what a build uses when the command line does not say."""

    profile: str | None = None
    speed: float | None = None
    out: Path | None = None
    intro: Path | None = None
    outro: Path | None = None
    bed: Path | None = None
    separator: Path | None = None  # the short jingle between the bài of a monthly program
    templates: Path | None = None
    items: str = "so"
    note: str = DEFAULT_NOTE
    dialect: str | None = None


CONFIG_NAME = "broadcast.toml"
SECTIONS = ("commune", "signer", "build", "voice", "abbreviations", "respellings", "web")
WEB_KEYS = {"password": "the page's password, needed to open it to other computers"}
ALL_ENGINES = "*"


@dataclass(frozen=True)
class VoiceSettings:
    """[voice] and [respellings] of broadcast.toml: which engine, which voice, how it reads."""

    engine: str | None = None
    voices: dict[str, str] = field(default_factory=dict)  # engine → voice
    engines: dict[str, dict] = field(default_factory=dict)  # engine → its settings
    respellings: dict[str, dict[str, str]] = field(default_factory=dict)  # engine or * → table

    def respellings_for(self, engine: str) -> dict[str, str]:
        return {**self.respellings.get(ALL_ENGINES, {}), **self.respellings.get(engine, {})}


@dataclass(frozen=True)
class Settings:
    path: Path | None = None
    voice: VoiceSettings = field(default_factory=VoiceSettings)
    commune: Commune | None = None
    signer: Signer = field(default_factory=Signer)
    build: BuildDefaults = field(default_factory=BuildDefaults)
    abbreviations: dict[str, str] = field(default_factory=dict)

    def commune_for(self, text: str | None) -> Commune:
        """The commune named on the command line (``text``), else broadcast.toml's."""
        if text:
            return self.commune.renamed(text) if self.commune else Commune.from_text(text)
        return require_commune(self.commune)


def require_commune(commune: Commune | None) -> Commune:
    """The commune, or the one error that says how to name it."""
    if commune is None:
        raise BroadcastError("Chưa biết tên xã: thêm --commune \"Tên xã\", hoặc chạy "
                             "'broadcast init' một lần để lưu thông tin xã vào broadcast.toml.")
    return commune


def load_settings(path: Path | None = None) -> Settings:
    """``path``, else ./broadcast.toml when present, else defaults."""
    if path is None:
        if not Path(CONFIG_NAME).is_file():
            return Settings()
        path = Path(CONFIG_NAME)
    path = Path(path)
    if not path.is_file():
        raise BroadcastError(f"Không có tệp cấu hình '{path}'. Tạo bằng lệnh: broadcast init")
    return settings_from(read_toml(path, "tệp cấu hình"), path)


def settings_from(table: dict, path: Path) -> Settings:
    """A parsed broadcast.toml → Settings; relative file names are taken from its folder."""
    unknown = sorted(set(table) - set(SECTIONS))
    if unknown:
        raise BroadcastError(f"{path}: không có mục '{unknown[0]}'. Các mục dùng được: "
                             f"{', '.join(SECTIONS)}.")
    voice = VoiceSettings(**_voice(table.get("voice", {}), path),
                          respellings=_respellings(table.get("respellings", {}), path))
    _check_engines(voice, path)
    build = _build(table.get("build", {}), path)
    _check_files(build, path)
    _strings(table.get("web", {}), path, "web", WEB_KEYS)  # read by broadcast.web
    return Settings(
        path, voice,
        commune=_commune(table["commune"], path) if "commune" in table else None,
        signer=Signer(**_strings(table.get("signer", {}), path, "signer", Signer)),
        build=build,
        abbreviations=_word_table(table.get("abbreviations", {}), path, "abbreviations",
                                  '"HTX" = "hợp tác xã"'),
    )


# ---------------------------------------------------------------- checked against what exists

MUSIC_KEYS = {"intro": "nhạc hiệu mở đầu", "outro": "nhạc hiệu kết thúc", "bed": "nhạc nền",
              "separator": "nhạc ngắt"}
PIPER_NAME = re.compile(r"^[a-z]{2,3}_[A-Z]{2}-[\w.]+-(?:x_low|low|medium|high)$")


def _check_files(build: BuildDefaults, path: Path) -> None:
    """[build] names folders and files that must be there: the templates folder, music."""
    if build.templates is not None and not build.templates.is_dir():
        raise BroadcastError(f"{path}: khóa 'build.templates' chỉ tới thư mục mẫu "
                             f"'{build.templates}' nhưng thư mục đó không có. Hãy tạo thư mục "
                             "(chép mẫu có sẵn vào để sửa) hoặc bỏ dòng templates.")
    for key, about in MUSIC_KEYS.items():
        music = getattr(build, key)
        if music is not None and not music.is_file():
            raise BroadcastError(f"{path}: khóa 'build.{key}' ({about}) chỉ tới tệp '{music}' "
                                 "nhưng không có tệp đó. Hãy sửa đường dẫn hoặc bỏ dòng này.")


def _check_engines(voice: VoiceSettings, path: Path) -> None:
    """[voice]: the engine, each [voice.X] section and [respellings.X] table name an engine
    that exists, each engine's settings are ones it takes, each voice one it has."""
    # The engine table only (no engine is imported by it); tts imports nothing of config.
    from broadcast import tts

    names = list(tts.ENGINES)
    known = ", ".join(names)
    if voice.engine is not None and voice.engine not in (*names, tts.AUTO):
        raise BroadcastError(f"{path}: khóa 'voice.engine' là '{voice.engine}' nhưng không có "
                             f"bộ đọc đó. Các bộ đọc: {known}, hoặc {tts.AUTO}.")
    sections = [(f"voice.{n}", n) for n in voice.engines] + \
        [(f"respellings.{n}", n) for n in voice.respellings if n != ALL_ENGINES]
    for section, name in sections:
        if name not in names:
            raise BroadcastError(f"{path}: mục [{section}] nói về bộ đọc '{name}' nhưng không "
                                 f"có bộ đọc đó. Các bộ đọc: {known}.")
    for name, values in voice.engines.items():
        try:
            cls = tts.engine_class(name)
        except ImportError:  # pragma: no cover - an engine whose module cannot load
            continue
        try:
            tts.check_settings(name, cls, values)
        except BroadcastError as exc:
            raise BroadcastError(f"{path}: mục [voice.{name}]: {exc.message}") from exc
    for name, chosen in voice.voices.items():
        problem = voice_problem(name, chosen)
        if problem:
            raise BroadcastError(f"{path}: khóa 'voice.{name}.voice': {problem}")


def voice_problem(engine: str, voice: str) -> str | None:
    """Why ``voice`` is not a voice of ``engine`` (None when it is, or cannot be told here)."""
    if engine == "espeak":
        from broadcast.tts.espeak import VOICES

        if voice not in VOICES:
            return (f"espeak-ng không có giọng '{voice}'; các giọng tiếng Việt: "
                    f"{', '.join(VOICES)}.")
    elif engine == "gtts":
        try:
            from broadcast.tts.gtts_engine import language

            language(voice)
        except ImportError:  # gTTS not installed: the build says so
            return None
        except BroadcastError as exc:
            return exc.message
    elif engine == "korva":
        return _korva_problem(voice)
    elif engine == "piper":
        if voice.endswith(".onnx") or "/" in voice or "\\" in voice:
            if not Path(voice).expanduser().is_file():
                return f"không có tệp giọng piper '{voice}'."
        elif not PIPER_NAME.match(voice):
            return (f"'{voice}' không phải tên giọng piper (dạng vi_VN-vais1000-medium); xem "
                    "các giọng bằng lệnh: broadcast voices")
    return None


def engine_of_voice(voice: str) -> str:
    """The engine a voice given alone belongs to (espeak's 'vi' before gtts's)."""
    for engine in ("korva", "espeak", "piper"):
        if voice_problem(engine, voice) is None:
            return engine
    raise BroadcastError(f"Không biết giọng '{voice}' thuộc bộ đọc nào: thêm --engine (korva, "
                         "piper, gtts hoặc espeak). Xem các giọng: broadcast voices list")


def _korva_problem(voice: str) -> str | None:
    from broadcast.tts import korva_assets

    if voice in korva_assets.VOICES or voice in korva_assets.installed_voices(
            korva_assets.assets_dir()):
        return None
    return f"KorvaTTS không có giọng '{voice}'; các giọng: {', '.join(korva_assets.VOICES)}."


def names_a_file(text: str) -> bool:
    """A profile given as a .toml file (or any path) rather than by name."""
    return text.endswith(".toml") or "/" in text or "\\" in text


MAX_TOML_BYTES = 1024 * 1024
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"))


def toml_text(data: bytes) -> str:
    """A settings file as Windows editors save it: UTF-8 with or without a BOM, or UTF-16
    (Notepad's 'Unicode', with a BOM or without one). UnicodeDecodeError for anything else."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec)
    half = len(data) // 2
    if half and data[1::2].count(0) > half * 0.3 and not data[0::2].count(0):
        return data.decode("utf-16-le")
    if half and data[0::2].count(0) > half * 0.3 and not data[1::2].count(0):
        return data.decode("utf-16-be")
    return data.decode("utf-8")


def read_toml(path: Path, what: str) -> dict:
    """The TOML file's table; ``what`` names it in the error ("tệp cấu hình")."""
    try:
        if not path.is_file():  # a FIFO or a device would block or never end
            raise BroadcastError(f"{what.capitalize()} '{path}' không phải tệp thường.")
        if path.stat().st_size > MAX_TOML_BYTES:
            raise BroadcastError(f"{what.capitalize()} '{path}' lớn hơn "
                                 f"{MAX_TOML_BYTES // 1024} kB; đây không phải tệp cấu hình.")
        text = toml_text(path.read_bytes())
    except OSError as exc:
        raise BroadcastError(f"Không đọc được {what} '{path}': {exc.strerror or exc}.") from exc
    except UnicodeDecodeError as exc:
        raise BroadcastError(f"{what.capitalize()} '{path}' không phải văn bản UTF-8 hay UTF-16 "
                             f"(lỗi ở byte thứ {exc.start}); hãy lưu lại với bảng mã UTF-8.") \
            from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise BroadcastError(f"{what.capitalize()} '{path}' sai cú pháp TOML: {exc}.") from exc


COMMUNE_KEYS = {"name": "name", "kind": "kind", "district": "district",
                "province": "province", "radio": "radio_name", "officer": "officer"}


def _commune(table: dict, path: Path) -> Commune:
    _need(isinstance(table, dict), path, "commune", "một mục [commune]")
    values = _strings(table, path, "commune", COMMUNE_KEYS)
    name = values.get("name", "")
    _need(bool(name.strip()) and len(name) <= 60, path, "commune.name",
          'tên xã trong ngoặc kép, ví dụ name = "Phúc Lộc"')
    kind = values.get("kind", "xã").lower()
    _need(kind in COMMUNE_KINDS, path, "commune.kind",
          f"một trong: {', '.join(repr(k) for k in COMMUNE_KINDS)}")
    return Commune(**{COMMUNE_KEYS[k]: v.strip() for k, v in values.items()} | {"kind": kind})


def _strings(table: dict, path: Path, section: str, keys) -> dict[str, str]:
    """The section's values, each a string, no key outside ``keys`` (names or a dataclass)."""
    _need(isinstance(table, dict), path, section, f"một mục [{section}]")
    allowed = list(keys) if isinstance(keys, dict) else list(keys.__dataclass_fields__)
    for key, value in table.items():
        if key not in allowed:
            raise BroadcastError(f"{path}: mục [{section}] không có khóa '{key}'. Các khóa dùng "
                                 f"được: {', '.join(allowed)}.")
        _need(isinstance(value, str), path, f"{section}.{key}", "chữ trong ngoặc kép")
    return dict(table)


BUILD_TEXT = ("profile", "items", "note", "dialect")
BUILD_PATHS = ("out", "intro", "outro", "bed", "separator", "templates")


def _build(table: dict, path: Path) -> BuildDefaults:
    _need(isinstance(table, dict), path, "build", "một mục [build]")
    speed = table.get("speed")
    _need(speed is None or (isinstance(speed, int | float) and not isinstance(speed, bool)
                            and 0.8 <= speed <= 1.3),
          path, "build.speed", "một số từ 0.8 đến 1.3, ví dụ speed = 1.0")
    values = _strings({k: v for k, v in table.items() if k != "speed"}, path, "build",
                      dict.fromkeys(BUILD_TEXT + BUILD_PATHS))
    _need(values.get("items", "so") in ITEM_STYLES, path, "build.items",
          '"so" (đọc 1., 2. …) hoặc "thu-tu" (đọc Thứ nhất, Thứ hai …)')
    _need(values.get("dialect", "bac") in ("bac", "nam"), path, "build.dialect",
          '"bac" hoặc "nam"')
    paths = {k: path.parent / values.pop(k) for k in BUILD_PATHS if values.get(k)}
    if names_a_file(values.get("profile", "")):
        values["profile"] = str(path.parent / values["profile"])
    return BuildDefaults(speed=float(speed) if speed is not None else None,
                         **{k: v for k, v in values.items() if v}, **paths)


def _voice(table: dict, path: Path) -> dict:
    _need(isinstance(table, dict), path, "voice", "một mục [voice]")
    engine = table.get("engine")
    _need(engine is None or isinstance(engine, str), path, "voice.engine",
          'tên bộ đọc, ví dụ engine = "auto"')
    voices, engines = {}, {}
    for name, section in table.items():
        if name == "engine":
            continue
        _need(isinstance(section, dict), path, f"voice.{name}",
              f"một mục [voice.{name}] với thiết lập của bộ đọc {name}")
        settings = dict(section)
        voice = settings.pop("voice", None)
        _need(voice is None or isinstance(voice, str), path, f"voice.{name}.voice",
              "tên giọng trong ngoặc kép")
        if voice:
            voices[name] = voice
        engines[name] = settings
    return {"engine": engine, "voices": voices, "engines": engines}


RESPELL_EXAMPLE = '"Kon Rẫy" = "Con Rẫy"'


def _respellings(table: dict, path: Path) -> dict[str, dict[str, str]]:
    _need(isinstance(table, dict), path, "respellings", "một mục [respellings]")
    result: dict[str, dict[str, str]] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            result[key] = _word_table(value, path, f"respellings.{key}", RESPELL_EXAMPLE)
        else:
            result.setdefault(ALL_ENGINES, {}).update(
                _word_table({key: value}, path, "respellings", RESPELL_EXAMPLE))
    return result


def _word_table(table: dict, path: Path, section: str, example: str) -> dict[str, str]:
    """A table of word → how it is said, every value a non-empty string."""
    _need(isinstance(table, dict), path, section, f"một mục [{section}]")
    for word, said in table.items():
        _need(isinstance(said, str) and bool(said.strip()), path, f"{section}.{word}",
              f"cách đọc trong ngoặc kép, ví dụ {example}")
    return dict(table)


def _need(ok: bool, path: Path, key: str, expected: str) -> None:
    if not ok:
        raise BroadcastError(f"{path}: khóa '{key}' phải là {expected}.")


# ---------------------------------------------------------------- broadcast init


@dataclass(frozen=True)
class Answers:
    """What `broadcast init` asked; everything broadcast.toml starts with."""

    commune: Commune
    signer: Signer = field(default_factory=Signer)
    engine: str = "auto"
    voice: str = ""
    profile: str = "dai-truyen-thanh"
    speed: float = 1.0
    intro: str = ""
    outro: str = ""
    bed: str = ""
    abbreviations: dict[str, str] = field(default_factory=dict)
    respellings: dict[str, str] = field(default_factory=dict)


def toml_string(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    import json

    return json.dumps(text, ensure_ascii=False)


def _korva_lines() -> tuple[tuple[str, str], ...]:
    """The commented [voice.korva] section: its voices and settings from the engine itself."""
    from broadcast.tts.korva_assets import DEFAULT_VOICE, VOICES
    from broadcast.tts.korva_engine import DEFAULT_SEED, DEFAULT_SPEED, DEFAULT_STEPS, KorvaEngine

    def named(gender: str) -> str:
        return ", ".join(v.name for v in VOICES.values() if v.gender == gender)

    (slow, fast), (few, most) = (KorvaEngine.settings_ranges[k] for k in ("speed", "steps"))
    return (
        ("", ""), ("# [voice.korva]", "giọng KorvaTTS (tải: broadcast voices download korva)"),
        (f'# voice = "{DEFAULT_VOICE}"', f"{named('nữ')} (nữ); {named('nam')} (nam)"),
        (f"# speed = {DEFAULT_SPEED}", f"tốc độ của giọng, {slow} … {fast:g}"),
        (f"# steps = {DEFAULT_STEPS}", f"số bước khử nhiễu, {few} … {most} (ít hơn: nhanh hơn, "
                                       "kém hơn)"),
        (f"# seed = {DEFAULT_SEED}", "hạt giống: cùng số thì cùng câu đọc y như nhau"),
    )


def _voice_section(a: Answers) -> str:
    """The engine whose section takes the voice answered (with auto: the voice's own)."""
    return engine_of_voice(a.voice) if a.engine == "auto" else a.engine


def config_text(a: Answers) -> str:
    """broadcast.toml for the answers, every key explained (in Vietnamese) for later edits."""
    c, s, q = a.commune, a.signer, toml_string
    lines = [
        (f"# Cấu hình của broadcast cho {c.full_name}. Tạo bằng 'broadcast init'; sửa được "
         "bằng tay.", ""),
        ("# Tùy chọn trên dòng lệnh (--commune, --engine, --profile …) được ưu tiên hơn tệp "
         "này.", ""), ("", ""),
        ("[commune]", ""), (f"kind = {q(c.kind)}", "xã, phường hoặc thị trấn"),
        (f"name = {q(c.name)}", ""), (f"district = {q(c.district)}", 'ví dụ "huyện Ba Bể"'),
        (f"province = {q(c.province)}", 'ví dụ "tỉnh Bắc Kạn"'), (f"radio = {q(c.radio)}", ""),
        (f"officer = {q(c.officer)}", "cán bộ văn hóa - thông tin phụ trách"), ("", ""),
        ("[signer]", "khối ký duyệt in ở cuối bài"), (f"authority = {q(s.authority)}", ""),
        (f"title = {q(s.title)}", ""),
        (f"name = {q(s.name)}", "người duyệt mặc định của 'broadcast approve'"), ("", ""),
        ("[build]", ""),
        (f"profile = {q(a.profile)}", "dai-truyen-thanh, loa-keo hoặc tệp .toml"),
        (f"speed = {float(a.speed)}", "tốc độ đọc 0.8 … 1.3"),
        ('items = "so"', 'mục đánh số: "so" (1., 2.) hoặc "thu-tu" (Thứ nhất …)'),
        (f"note = {q(DEFAULT_NOTE)}", ""), ('out = "audio_out"', "thư mục kết quả"),
        ('# templates = "mau-rieng"', "thư mục mẫu riêng (chép mẫu có sẵn vào để sửa)"),
        ('# separator = "nhac-ngat.mp3"', "nhạc ngắt giữa các bài của chương trình tháng"),
        *[(f"{key} = {q(value)}" if value else f'# {key} = "{key}.mp3"', about)
          for key, value, about in (("intro", a.intro, "nhạc hiệu mở đầu"),
                                    ("outro", a.outro, "nhạc hiệu kết thúc"),
                                    ("bed", a.bed, "nhạc nền"))],
        ("", ""), ("[voice]", ""),
        (f"engine = {q(a.engine)}", "auto (giọng tự nhiên nhất hiện có), korva, piper, gtts "
         "hoặc espeak"),
        *([("", ""), (f"[voice.{_voice_section(a)}]", ""), (f"voice = {q(a.voice)}", "")]
          if a.voice else []),
        *(_korva_lines() if not (a.voice and _voice_section(a) == "korva") else []),
        ("", ""), ("[abbreviations]", 'từ viết tắt riêng: "VIẾT TẮT" = "cách đọc"'),
        *[(f"{q(k)} = {q(v)}", "") for k, v in a.abbreviations.items()],
        ("", ""), ("[respellings]", 'tên riêng khó đọc: "Tên" = "cách đọc cho bộ đọc"'),
        *[(f"{q(k)} = {q(v)}", "") for k, v in a.respellings.items()],
    ]
    return "".join(f"{line:<34} # {about}\n" if about else f"{line}\n" for line, about in lines)
