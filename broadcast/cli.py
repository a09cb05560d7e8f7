"""Command line: wires the pipeline's arrows together, reports, and turns errors into exit codes.

A BroadcastError is printed as one Vietnamese line on stderr with exit code 2; any other
exception is a bug: one line asking for --debug, which shows the traceback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import json
import logging
import sys
from pathlib import Path

import typer

from broadcast import __version__
from broadcast.errors import BroadcastError
from broadcast.web import command as web_command

app = typer.Typer(
    name="broadcast",
    help="Chuyển văn bản chỉ đạo (thông báo, kế hoạch, công văn) thành bài tuyên truyền "
    "và tệp MP3 phát trên đài truyền thanh, loa kéo.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
_state = {"debug": False}


@app.callback()
def _root(
    debug: bool = typer.Option(False, "--debug", help="Hiện chi tiết kỹ thuật khi có lỗi."),
    version: bool = typer.Option(False, "--version", help="Hiện phiên bản rồi thoát."),
) -> None:
    _state["debug"] = debug
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    logging.captureWarnings(True)  # Python warnings of libraries become log records too
    if not debug:  # a library's warning means nothing to a user: only --debug shows it
        for handler in logging.getLogger().handlers:
            handler.addFilter(lambda record: record.name.split(".")[0] == "broadcast")
    if version:
        typer.echo(f"broadcast {__version__}")
        raise typer.Exit()


def _parse_date(text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise BroadcastError(f"Ngày '{text}' không đúng dạng NĂM-THÁNG-NGÀY, ví dụ 2024-07-04.") \
            from exc


class _Bar:
    """A progress bar on stderr, created when the total is first known."""

    def __init__(self, label: str) -> None:
        self.label, self.bar, self.done = label, None, 0

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = typer.progressbar(length=total, label=self.label, file=sys.stderr,
                                         show_pos=True)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


NOTICE = typer.Argument(..., help="Tệp văn bản chỉ đạo (.docx, .pdf, .html, .md hoặc .txt).")
DIALECT_HELP = "Giọng vùng khi đọc số: bac (nghìn, linh, hai mươi tư) hoặc nam (ngàn, lẻ, bốn)."


def _speech_options(dialect: str, mung: bool, read_symbols: bool, drop_labels: bool,
                    lexicon: Path | None, abbreviations: dict[str, str] | None = None):
    """How to read: the options given, broadcast.toml's [abbreviations], then --lexicon's."""
    from broadcast import sources
    from broadcast.speech import SpeechOptions
    from broadcast.speech.lexicon import Entry, parse_table

    extra = {word: (Entry(said),) for word, said in (abbreviations or {}).items()}
    if lexicon:
        extra.update(parse_table(sources.read_plain(lexicon), str(lexicon)))
    return SpeechOptions(dialect=dialect, mung=mung, read_symbols=read_symbols,
                         drop_labels=drop_labels, extra_abbreviations=extra)


DIALECT = typer.Option(None, "--dialect", help=DIALECT_HELP + " Mặc định bac.")
MUNG = typer.Option(True, "--mung/--no-mung",
                    help='Đọc "mùng" trước ngày 1 đến 10 ("mùng năm tháng tư"); mặc định có.')
SYMBOLS = typer.Option(False, "--read-symbols",
                       help="Đọc cả ký hiệu văn bản (QĐ-UBND → Quyết định Ủy ban nhân dân).")
DROP_LABELS = typer.Option(False, "--drop-labels",
                           help="Không đọc số thứ tự mục (I., 1., a) …).")
LEXICON = typer.Option(None, "--lexicon",
                       help="Tệp từ viết tắt riêng: mỗi dòng 'VIẾT TẮT<Tab>cách đọc'.")


ENGINE_HELP = ("Bộ đọc: auto (giọng tự nhiên nhất hiện có: korva, piper, gtts, cuối cùng "
               "espeak), korva (KorvaTTS, tự nhiên, không cần mạng), piper (giọng nơ-ron, không "
               "cần mạng), gtts (Google, cần mạng) hoặc espeak (giọng máy, chỉ để nghe thử). "
               "Mặc định theo broadcast.toml, không có thì auto.")
VOICE_HELP = ("Giọng: korva khanh_vy, bao_kim … (broadcast voices list); piper tên giọng đã cài "
              "hoặc đường dẫn tệp .onnx; espeak vi, vi-VN-x-central, vi-VN-x-south; gtts vi.")
CONFIG = typer.Option(None, "--config", help="Tệp cấu hình (mặc định: broadcast.toml ở thư mục "
                      "hiện tại nếu có).")
PROFILE_HELP = ("Hồ sơ âm thanh: dai-truyen-thanh (đài truyền thanh) hoặc loa-keo (loa kéo, "
                "loa nén); hoặc đường dẫn tệp .toml. Xem: broadcast profiles.")
ENGINE = typer.Option(None, "--engine", "-e", help=ENGINE_HELP)
PROFILE = typer.Option(None, "--profile", "-p", help=PROFILE_HELP + " Mặc định theo "
                       "broadcast.toml, không có thì dai-truyen-thanh.")


COMMUNE_HELP = 'Tên xã, ví dụ "Phúc Lộc" (mặc định theo broadcast.toml).'
OUT_HELP = "Thư mục kết quả (mặc định theo broadcast.toml, không có thì audio_out)."
DATE_HELP = "Ngày phát NĂM-THÁNG-NGÀY (mặc định hôm nay)."
TEMPLATES_HELP = "Thư mục mẫu riêng (ưu tiên hơn mẫu có sẵn)."
ITEMS_HELP = "Đọc các mục đánh số: so (1., 2. …) hoặc thu-tu (Thứ nhất, Thứ hai …)."
COMMUNE = typer.Option(None, "--commune", "-c", help=COMMUNE_HELP)
OUT = typer.Option(None, "--out", "-o", help=OUT_HELP)
DATE = typer.Option(None, "--date", help=DATE_HELP)
TEMPLATES = typer.Option(None, "--templates", help=TEMPLATES_HELP)
ITEMS = typer.Option(None, "--items", help=ITEMS_HELP)
DRAFT = typer.Option(False, "--draft", help="Dựng cả bài chưa phê duyệt; tên tệp và thẻ MP3 "
                     "ghi DRAFT (bản nháp, không dùng để phát).")
FORCE_HELP = ("Vẫn dựng khi văn bản chưa được hiểu hết (một dòng đầu văn bản hay của trang web "
              "sẽ bị đọc lên).")


@app.command()
def build(
    notice: str = typer.Argument(..., help="Văn bản chỉ đạo (.docx, .pdf, .html, .md, .txt), "
                                 "hoặc bài đã soạn bằng 'broadcast draft' và đã phê duyệt."),
    commune: str = COMMUNE,
    engine: str = ENGINE,
    voice: str = typer.Option(None, "--voice", help=VOICE_HELP),
    out: Path = OUT,
    date: str = DATE,
    template_dir: Path = TEMPLATES,
    items: str = ITEMS,
    dialect: str = DIALECT,
    mung: bool = MUNG,
    read_symbols: bool = SYMBOLS,
    drop_labels: bool = DROP_LABELS,
    lexicon: Path = LEXICON,
    profile: str = PROFILE,
    speed: float = typer.Option(None, "--speed", help="Tốc độ đọc từ 0.8 đến 1.3 (1 = bình "
                                "thường), không đổi cao độ giọng."),
    intro: Path = typer.Option(None, "--intro", help="Tệp nhạc hiệu mở đầu (mp3, wav, m4a, ogg)."),
    outro: Path = typer.Option(None, "--outro", help="Tệp nhạc hiệu kết thúc."),
    bed: Path = typer.Option(None, "--bed", help="Tệp nhạc nền, tự hạ nhỏ khi đang đọc."),
    repeat: int = typer.Option(None, "--repeat", help="Phát cả chương trình mấy lần trong tệp "
                               "(mặc định theo hồ sơ)."),
    draft: bool = DRAFT,
    config: Path = CONFIG,
    no_cache: bool = typer.Option(False, "--no-cache", help="Đọc lại mọi câu, không dùng bộ "
                                  "nhớ đệm các câu đã đọc."),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
) -> None:
    """Dựng bài tuyên truyền và tệp MP3 từ một văn bản chỉ đạo hoặc một bài đã duyệt."""
    from broadcast.config import load_settings

    settings = load_settings(config)
    options = _options(settings, commune=commune, engine=engine, voice=voice, out=out,
                       date=date, template_dir=template_dir, items=items,
                       speech=(dialect, mung, read_symbols, drop_labels, lexicon),
                       profile=profile, speed=speed, repeat=repeat,
                       music=(intro, outro, bed, None), cache=not no_cache, draft=draft,
                       force=force)
    _report(_run_build(notice, options))


def _options(settings, *, commune=None, engine=None, voice=None, out=None, date=None,
             template_dir=None, items=None, speech=(None, True, False, False, None),
             profile=None, speed=None, repeat=None, music=(None, None, None, None), cache=True,
             draft=False, force=False):
    """BuildOptions from the command line, falling back to broadcast.toml, then defaults."""
    from broadcast import profiles
    from broadcast.pipeline import BuildOptions
    from broadcast.script import Approval, ScriptOptions

    defaults = settings.build
    chosen = profiles.load(profile or defaults.profile).with_speed(
        speed if speed is not None else defaults.speed).with_repeat(repeat)
    intro, outro, bed, separator = music
    signer = settings.signer
    return BuildOptions(
        commune=settings.commune_for(commune) if commune or settings.commune else None,
        engine=engine, voice=voice, out_dir=out or defaults.out or Path("audio_out"),
        broadcast_date=_parse_date(date), template_dir=template_dir or defaults.templates,
        script=ScriptOptions(items=_items(items or defaults.items)),
        approval=Approval(authority=signer.authority, title=signer.title, note=defaults.note),
        speech=_speech_options(*_dialect(speech, defaults.dialect), settings.abbreviations),
        profile=chosen, intro=intro or defaults.intro, outro=outro or defaults.outro,
        bed=bed or defaults.bed, separator=separator or defaults.separator,
        voices=settings.voice, cache=cache, draft=draft, force=force)


def _dialect(speech: tuple, default: str | None) -> tuple:
    dialect, *rest = speech
    return (dialect or default or "bac", *rest)


def _items(value: str) -> str:
    from broadcast.config import ITEM_STYLES

    if value not in ITEM_STYLES:
        raise BroadcastError(f"--items '{value}' không hợp lệ: chọn so (1., 2. …) hoặc thu-tu "
                             "(Thứ nhất, Thứ hai …).")
    return value


def _run_build(notice: str, options):
    from broadcast.pipeline import build as run_build

    return _with_progress(options, lambda bar, choice: run_build(notice, options, progress=bar,
                                                                  choice=choice))


def _with_progress(options, job):
    """Run ``job(bar, choice)`` with a progress bar, saying which engine --engine auto chose."""
    from broadcast.pipeline import choose_engine

    choice = choose_engine(options)
    bar = _Bar("Đang tổng hợp giọng đọc")

    def progress(done: int, total: int) -> None:
        if bar.bar is None and choice.reason:  # once the document was read without a problem
            voice = f", giọng {choice.voice}" if choice.voice else ""
            typer.echo(f"Bộ đọc: {choice.engine}{voice} ({choice.reason}).")
        bar(done, total)

    try:
        return job(progress, choice)
    finally:
        bar.close()


def _report(result) -> None:
    typer.echo(f"Đã dựng xong: {result.title}")
    length = _mmss(result.duration_s)
    loud = result.loudness
    typer.echo(f"  Tệp âm thanh : {result.mp3} ({length}, bộ đọc {result.engine}, "
               f"hồ sơ {result.profile})")
    typer.echo(f"  Độ to        : {loud.integrated:.1f} LUFS, đỉnh thực {loud.true_peak:.1f} dBTP")
    typer.echo(f"  Bài in       : {result.script}")
    typer.echo(f"  Phụ đề       : {result.captions}")
    typer.echo(f"  Lời đọc      : {result.spoken}")
    if result.repaired:
        typer.echo(f"  Đã thay      : bộ tệp cũ cùng tên không khớp nhau ({result.repaired} khác "
                   "bản ghi .json: lần dựng trước bị ngắt giữa chừng)")
    if result.cache_hits:
        typer.echo(f"  Bộ nhớ đệm   : {result.cache_hits}/{result.segments} câu đã đọc từ trước")
    if result.spelled:
        typer.echo(f"  Đọc từng chữ : {_spelled(result.spelled)}")
    _robotic_note(result.engine)


def _robotic_note(engine: str) -> None:
    """One line after a build that used a voice listeners find hard to follow."""
    from broadcast.tts import ROBOTIC, ROBOTIC_NOTE

    if engine in ROBOTIC:
        typer.echo(f"Lưu ý: {ROBOTIC_NOTE}")


@app.command()
def init(
    commune: str = typer.Option(None, "--commune", "-c", help='Tên xã, ví dụ "Phúc Lộc".'),
    kind: str = typer.Option(None, "--kind", help="xã, phường hoặc thị trấn."),
    district: str = typer.Option(None, "--district", help='Huyện, ví dụ "huyện Ba Bể".'),
    province: str = typer.Option(None, "--province", help='Tỉnh, ví dụ "tỉnh Bắc Kạn".'),
    radio: str = typer.Option(None, "--radio", help="Tên đài (mặc định: Đài truyền thanh xã …)."),
    officer: str = typer.Option(None, "--officer", help="Cán bộ phụ trách đài."),
    signer_authority: str = typer.Option(None, "--signer-authority",
                                         help='Dòng thẩm quyền, mặc định "TM. ỦY BAN NHÂN DÂN".'),
    signer_title: str = typer.Option(None, "--signer-title", help='Mặc định "CHỦ TỊCH".'),
    signer_name: str = typer.Option(None, "--signer-name", help="Họ tên lãnh đạo duyệt bài."),
    engine: str = typer.Option(None, "--engine", "-e", help="Bộ đọc mặc định: auto (giọng tự "
                               "nhiên nhất hiện có), korva, piper, gtts hoặc espeak."),
    voice: str = typer.Option(None, "--voice", help=VOICE_HELP),
    profile: str = typer.Option(None, "--profile", "-p", help=PROFILE_HELP),
    speed: str = typer.Option(None, "--speed", help="Tốc độ đọc 0.8 … 1.3."),
    intro: str = typer.Option(None, "--intro", help="Tệp nhạc hiệu mở đầu."),
    outro: str = typer.Option(None, "--outro", help="Tệp nhạc hiệu kết thúc."),
    bed: str = typer.Option(None, "--bed", help="Tệp nhạc nền."),
    abbreviation: list[str] = typer.Option(None, "--abbreviation", help="Từ viết tắt riêng, "
                                           "dạng VIẾT TẮT=cách đọc (dùng nhiều lần được)."),
    respelling: list[str] = typer.Option(None, "--respelling", help="Tên riêng khó đọc, dạng "
                                         "Tên=cách đọc (dùng nhiều lần được)."),
    config: Path = typer.Option(Path("broadcast.toml"), "--config", help="Tệp sẽ tạo."),
    force: bool = typer.Option(False, "--force", help="Ghi đè tệp cấu hình đã có."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Không hỏi: mục nào không cho thì "
                             "dùng giá trị mặc định."),
) -> None:
    """Tạo broadcast.toml: thông tin xã, người duyệt, giọng đọc, nhạc hiệu (hỏi từng mục)."""
    from broadcast import wizard
    from broadcast.config import config_text, settings_from, tomllib
    from broadcast.writers import staged

    if config.exists() and not force:
        raise BroadcastError(f"Đã có tệp '{config}'. Sửa trực tiếp tệp đó, hoặc thêm --force để "
                             "tạo lại từ đầu.")
    given = {"commune": commune, "kind": kind, "district": district, "province": province,
             "radio": radio, "officer": officer, "signer_authority": signer_authority,
             "signer_title": signer_title, "signer_name": signer_name, "engine": engine,
             "voice": voice, "profile": profile, "speed": speed, "intro": intro,
             "outro": outro, "bed": bed,
             "abbreviations": "; ".join(abbreviation) if abbreviation else None,
             "respellings": "; ".join(respelling) if respelling else None}
    interactive = sys.stdin.isatty() and not yes
    if interactive:
        typer.echo("Tạo tệp cấu hình broadcast.toml. Nhấn Enter để dùng giá trị trong [ngoặc].")
    values = wizard.collect(given, _ask if interactive else None, _init_checks(),
                            tell=lambda message: typer.echo(f"  {message}"))
    text = config_text(wizard.answers_from(values, config.resolve().parent))
    settings_from(tomllib.loads(text), config)  # what we write must read back
    with staged(config.resolve().parent) as stage:
        stage(config.name).write_text(text, encoding="utf-8")
    typer.echo(f"Đã tạo {config} cho {values['kind']} {values['commune']}.")
    typer.echo("Từ nay: broadcast draft VĂN-BẢN → sửa bài → broadcast approve BÀI → "
               "broadcast build BÀI")
    _offer_korva(values["engine"], interactive)


def _offer_korva(engine: str, interactive: bool) -> None:
    """After init: a natural offline voice when there is none yet (downloaded only if the
    officer agrees and the hub answers; otherwise the command to do it later)."""
    from broadcast.tts import korva_assets as korva

    if engine not in ("auto", "korva") or korva.installed_voices(korva.assets_dir()):
        return
    later = "broadcast voices download korva"
    if korva.package_missing():
        typer.echo(f"Giọng tự nhiên không cần mạng: pip install \".[korva]\" rồi {later}")
        return
    if not interactive or not korva.hub_reachable():
        typer.echo(f"Chưa có giọng tự nhiên trên máy: khi có mạng, chạy {later} "
                   f"(khoảng {korva.DOWNLOAD_MB} MB, một lần).")
        return
    if typer.confirm(f"Tải giọng đọc tự nhiên KorvaTTS (khoảng {korva.DOWNLOAD_MB} MB, một lần) "
                     "ngay bây giờ?", default=True):
        _download_korva(force=False)


def _ask(question: str, default: str) -> str:
    return typer.prompt(question, default=default, show_default=bool(default))


def _init_checks() -> dict:
    from broadcast import wizard

    return {"kind": wizard.check_kind, "commune": wizard.check_commune,
            "engine": _check_engine, "profile": _check_profile, "speed": wizard.check_speed,
            "intro": _check_music("nhạc hiệu mở đầu"), "outro": _check_music("nhạc hiệu kết thúc"),
            "bed": _check_music("nhạc nền"), "abbreviations": wizard.pairs,
            "respellings": wizard.pairs}


def _check_engine(value: str) -> str:
    from broadcast.tts import AUTO, ENGINES

    if value not in (*ENGINES, AUTO):
        raise BroadcastError(f"Bộ đọc '{value}' không có: chọn {', '.join(ENGINES)} hoặc {AUTO}.")
    return value


def _check_profile(value: str) -> str:
    from broadcast import profiles

    profiles.load(value)
    return value


def _check_music(role: str):
    def check(value: str) -> str:
        from broadcast.audio import music

        if value:
            music.load(value, role)
        return value
    return check


@app.command()
def draft(
    notice: str = NOTICE,
    commune: str = COMMUNE,
    out: Path = OUT,
    date: str = DATE,
    template_dir: Path = TEMPLATES,
    items: str = ITEMS,
    config: Path = CONFIG,
    force: bool = typer.Option(False, "--force", help="Ghi đè bài nháp đã có (mất phần đã "
                               "sửa); soạn cả khi văn bản chưa được hiểu hết."),
) -> None:
    """Soạn bài tuyên truyền từ văn bản thành tệp .md để sửa, trình duyệt rồi dựng."""
    from broadcast.config import load_settings
    from broadcast.pipeline import write_draft

    options = _options(load_settings(config), commune=commune, out=out, date=date,
                       template_dir=template_dir, items=items, force=force)
    path, script = write_draft(notice, options, overwrite=force)
    typer.echo(f"Đã soạn bài: {path}")
    typer.echo(f"  {script.title}")
    typer.echo(f"Sửa bài nếu cần, trình lãnh đạo duyệt, rồi chạy:\n"
               f"  broadcast approve {_quoted(path)} --by \"Họ tên\"{_flags(config=config)}\n"
               f"  broadcast build {_quoted(path)}{_flags(out=out, config=config)}")


def _quoted(path) -> str:
    """A path as a shell reads it back (double quotes: the same on Windows)."""
    return '"' + str(path).replace('"', '\\"') + '"'


def _flags(**given) -> str:
    """' --out "…" --config "…"' for the options that were given, to repeat them."""
    return "".join(f" --{name} {_quoted(value)}" for name, value in given.items() if value)


@app.command()
def approve(
    script_file: Path = typer.Argument(..., metavar="BÀI", help="Tệp bài .md soạn bằng "
                                       "'broadcast draft'."),
    by: str = typer.Option(None, "--by", help="Họ tên lãnh đạo phê duyệt (mặc định: [signer] "
                           "name trong broadcast.toml)."),
    date: str = typer.Option(None, "--date", help="Ngày duyệt NĂM-THÁNG-NGÀY (mặc định hôm nay)."),
    template_dir: Path = TEMPLATES,
    config: Path = CONFIG,
) -> None:
    """Ghi nhận lãnh đạo đã phê duyệt bài (người duyệt, ngày duyệt); in kèm bản .docx."""
    from broadcast.config import load_settings
    from broadcast.pipeline import approve_file

    settings = load_settings(config)
    name = by or settings.signer.name
    if not name:
        raise BroadcastError("Cần tên người phê duyệt: thêm --by \"Họ tên\" (hoặc ghi [signer] "
                             "name trong broadcast.toml).")
    script, docx = approve_file(script_file, name, _parse_date(date),
                                template_dir or settings.build.templates)
    typer.echo(f"Đã ghi phê duyệt: {script.approval.by}, ngày {script.approval.on}.")
    typer.echo(f"  Bài: {script_file}\n  Bản in: {docx}")
    typer.echo(f"Dựng bài để phát: broadcast build {_quoted(script_file)}"
               f"{_flags(out=_out_of(script_file, script.date), config=config)}")


def _out_of(script_file: Path, day: str) -> Path | None:
    """The output folder a script drafted into <out>/<YYYY-MM>/ belongs to."""
    folder = script_file.parent
    return folder.parent if folder.name == day[:7] else None


@app.command()
def month(
    month_text: str = typer.Argument(..., metavar="THÁNG", help="Tháng phát, ví dụ 2024-07."),
    notices: list[str] = typer.Argument(..., metavar="VĂN-BẢN...", help="Các văn bản hoặc bài "
                                        "đã duyệt, theo thứ tự phát."),
    commune: str = COMMUNE,
    engine: str = ENGINE,
    out: Path = OUT,
    date: str = typer.Option(None, "--date", help="Ngày phát in trên các bài soạn từ văn bản "
                             "(mặc định: hôm nay nếu trong tháng, không thì ngày đầu tháng)."),
    profile: str = PROFILE,
    separator: Path = typer.Option(None, "--separator", help="Tệp nhạc ngắt giữa các bài "
                                   "(mặc định: tiếng chuông ngắn có sẵn)."),
    draft: bool = DRAFT,
    config: Path = CONFIG,
) -> None:
    """Dựng chương trình phát thanh tháng: mở đầu, các bài ngăn bởi nhạc ngắt, kết thúc."""
    from broadcast.config import load_settings
    from broadcast.month import build_month, default_date, parse_month

    first = parse_month(month_text)
    options = _options(load_settings(config), commune=commune, engine=engine, out=out,
                       date=date or default_date(first).isoformat(), profile=profile,
                       music=(None, None, None, separator), draft=draft)
    result = _with_progress(options, lambda bar, choice: build_month(
        first, notices, options, progress=bar, choice=choice))
    typer.echo(f"Đã dựng chương trình tháng {first.month}/{first.year}: {len(result.bai)} bài, "
               f"{_mmss(result.duration_s)}")
    typer.echo(f"  Chương trình : {result.mp3}")
    typer.echo(f"  Lịch phát    : {result.schedule}")
    for n, bai in enumerate(result.bai, 1):
        typer.echo(f"  Bài {n}        : {bai.mp3} ({_mmss(bai.duration_s)})")
    if result.bai:
        _robotic_note(result.bai[0].engine)


@app.command()
def preview(
    file: Path = typer.Argument(..., help="Tệp MP3 đã dựng (có tệp .json đi kèm thì hiện lời "
                                "đọc), hoặc một văn bản chỉ đạo: dựng trước rồi nghe."),
    no_audio: bool = typer.Option(False, "--no-audio", help="Không phát ra loa (qua SSH, máy "
                                  "không có loa): lời vẫn chạy theo đồng hồ."),
    commune: str = typer.Option(None, "--commune", "-c", help="Tên xã, khi FILE là văn bản "
                                "(mặc định theo broadcast.toml)."),
    engine: str = ENGINE,
    profile: str = PROFILE,
    out: Path = OUT,
    config: Path = CONFIG,
) -> None:
    """Nghe thử bài trong cửa sổ dòng lệnh, lời đọc chạy theo."""
    from broadcast import player

    if file.suffix.lower() != ".mp3" and file.is_file():
        file = Path(_build_for_preview(file, commune, engine, profile, out, config).mp3)
    _check_outputs(file)
    track, pcm = player.load(file)
    player.play(track, pcm, audio=not no_audio)


def _check_outputs(mp3: Path) -> None:
    """Refuse an MP3 whose manifest describes other files (a build stopped half-way)."""
    from broadcast.writers import mismatch

    manifest = mp3.with_suffix(".json")
    wrong = mismatch(manifest) if mp3.is_file() and manifest.is_file() else ""
    if wrong:
        raise BroadcastError(f"'{mp3.name}' không khớp với bản ghi '{manifest.name}' ({wrong} đã "
                             "khác khi dựng: lần dựng trước bị ngắt giữa chừng). Dựng lại bài "
                             "rồi nghe.")


def _build_for_preview(notice: Path, commune: str | None, engine: str | None,
                       profile: str | None, out: Path | None, config: Path | None):
    from broadcast.config import load_settings

    settings = load_settings(config)
    # A listening test: an unapproved script may be heard, and is then marked DRAFT.
    options = _options(settings, commune=commune, engine=engine, out=out, profile=profile,
                       draft=True)
    result = _run_build(str(notice), options)
    _report(result)
    return result


@app.command()
def feed(
    sources: list[str] = typer.Argument(..., metavar="NGUỒN...", help="Địa chỉ nguồn tin RSS/"
                                        "Atom (http://, https://) hoặc tệp RSS/Atom trên máy."),
    commune: str = COMMUNE,
    engine: str = ENGINE,
    profile: str = PROFILE,
    out: Path = OUT,
    match: str = typer.Option(None, "--match", help="Chỉ lấy mục có tiêu đề hoặc chuyên mục "
                              "khớp biểu thức này (mặc định: thông báo, kết luận, kế hoạch, "
                              "công văn, chỉ thị, quyết định)."),
    since: str = typer.Option(None, "--since", help="Bỏ qua mục đăng trước ngày NĂM-THÁNG-NGÀY."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Chỉ cho biết sẽ dựng mục nào; không "
                                 "tải văn bản, không dựng, không ghi gì."),
    retry: bool = typer.Option(False, "--retry", help="Thử lại ngay các mục lỗi, không chờ."),
    state: Path = typer.Option(None, "--state", help="Tệp trạng thái (mặc định: feed.sqlite3 "
                               "trong thư mục kết quả)."),
    watch: bool = typer.Option(False, "--watch", help="Chạy mãi, đọc lại sau mỗi --interval."),
    interval: str = typer.Option("30m", "--interval", help="Khoảng cách giữa hai lần đọc khi "
                                 "--watch: 30m, 2h, 90s."),
    wait: bool = typer.Option(False, "--wait", help="Nếu đang có lần chạy khác thì chờ nó xong "
                              "(mặc định: dừng ngay)."),
    timeout: float = typer.Option(30.0, "--timeout", help="Số giây chờ máy chủ trả lời."),
    max_mb: float = typer.Option(20.0, "--max-mb", help="Giới hạn mỗi tệp tải về, MB."),
    as_json: bool = typer.Option(False, "--json", help="In kết quả dạng JSON (cho chương "
                                 "trình khác đọc)."),
    config: Path = CONFIG,
) -> None:
    """Đọc nguồn tin văn bản mới, dựng bản nháp bài cho từng văn bản, báo bài chờ duyệt."""
    from broadcast import feed as feeds
    from broadcast.config import load_settings, require_commune
    from broadcast.pipeline import choose_engine

    settings = load_settings(config)
    options = _options(settings, commune=commune, engine=engine, out=out, profile=profile)
    require_commune(options.commune)  # before any download, not once per entry
    feed_options = feeds.FeedOptions(
        out_dir=options.out_dir, state_file=state, match=match or feeds.DEFAULT_MATCH,
        since=_parse_date(since) if since else None, dry_run=dry_run, retry_now=retry,
        wait=wait, fetch=_fetch_settings(timeout, max_mb))
    feeds.compile_match(feed_options.match)
    seconds = feeds.parse_interval(interval) if watch else 0
    choice = None if dry_run else choose_engine(options)
    builder = feeds.draft_builder(options, choice)
    say = _stderr_line

    def once() -> int:
        report = feeds.run(sources, feed_options, builder, say=say)
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if as_json
                   else _feed_table(report))
        if choice and not as_json and report.counts()["built"]:
            _robotic_note(choice.engine)
        return 1 if report.failed else 0

    if watch:
        feeds.watch(once, seconds, say)  # until Ctrl+C
        return
    raise typer.Exit(once())


def _fetch_settings(timeout: float, max_mb: float):
    from broadcast.feed import FetchSettings

    if not timeout > 0 or not max_mb > 0:
        raise BroadcastError("--timeout và --max-mb phải là số dương.")
    return FetchSettings(read_timeout=timeout, connect_timeout=min(10.0, timeout),
                         max_bytes=int(max_mb * 1e6))


def _stderr_line(text: str) -> None:
    typer.echo(text, err=True)


FEED_LABELS = {"built": "ĐÃ DỰNG", "failed": "LỖI", "skipped": "BỎ QUA",
               "unchanged": "ĐÃ CÓ", "waiting": "CHỜ THỬ LẠI", "would-build": "SẼ DỰNG"}
FEED_FEEDS = {"read": "đã đọc", "unchanged": "không đổi", "empty": "trống", "failed": "LỖI"}


def _feed_table(report) -> str:
    lines = []
    for source in report.feeds:
        lines.append(f"Nguồn tin {source.source} — {FEED_FEEDS[source.outcome]}: "
                     f"{source.message}")
        for e in (e for e in report.entries if e.feed == source.source):
            if e.outcome == "unchanged" or e.seen_before:  # counted below, told before
                continue
            detail = e.outputs.get("mp3", "") if e.outcome == "built" else e.reason
            lines.append(f"  {FEED_LABELS[e.outcome]:<12} {_clip(e.title, 60):<60}  {detail}")
    counts = report.counts()
    lines.append("Tổng: " + ", ".join(f"{counts[k]} {FEED_LABELS[k].lower()}"
                                      for k in FEED_LABELS if counts[k]) + "." if any(
        counts.values()) else "Tổng: không có mục nào.")
    waiting = [e.outputs["script"] for e in report.entries if e.outcome == "built"]
    if waiting:
        lines.append("Bài chờ phê duyệt (sửa nếu cần, rồi broadcast approve BÀI --by \"Họ tên\"):")
        lines += [f"  {path}" for path in waiting]
    return "\n".join(lines)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _mmss(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes} phút {secs:02d} giây"


@app.command()
def parse(
    notice: str = NOTICE,
    as_json: bool = typer.Option(False, "--json", help="In toàn bộ cấu trúc dạng JSON."),
) -> None:
    """Đọc văn bản và cho biết các phần nhận ra được (loại, số, ngày, các mục, người ký…)."""
    from broadcast import document, sources

    directive = document.parse(sources.read(notice))
    typer.echo(directive.to_json() if as_json else _summary(directive))


SHOWN_DROPPED = 12


def _summary(d) -> str:
    """What was found, what was not, and what was set aside as the page around it."""
    rows = [(label, value) for label, value in _found(d) if value]
    lines = [f"{label:17}: {value}" for label, value in rows]
    missing = [label.lower() for label, value in _found(d) if not value and label in EXPECTED]
    if missing:
        lines.append(f"{'Không tìm thấy':17}: {', '.join(missing)}")
    if d.dropped:
        lines.append(f"Bỏ qua, không đọc ({len(d.dropped)} dòng của trang web hoặc sau chữ ký):")
        lines += [f"  dòng {x.line}: {_clip(x.text, 70)} — {x.why}"
                  for x in d.dropped[:SHOWN_DROPPED]]
        if len(d.dropped) > SHOWN_DROPPED:
            lines.append(f"  … và {len(d.dropped) - SHOWN_DROPPED} dòng nữa (xem --json)")
    return "\n".join(lines)


# The fields an officer expects of any directive; the others are shown only when present.
EXPECTED = ("Loại văn bản", "Số, ký hiệu", "Cơ quan ban hành", "Nơi, ngày", "Trích yếu",
            "Nội dung", "Người ký")


def _found(d) -> list[tuple[str, str]]:
    from broadcast.document import walk

    blocks = list(walk(d.body))
    deadlines = sorted({x for b in blocks for x in b.deadlines})
    parent = f" (thuộc {d.issuer_parent})" if d.issuer_parent else ""
    content = f"{sum(b.type != 'paragraph' for b in blocks)} mục, {len(blocks)} khối" \
        if blocks else ("chỉ có đoạn văn" if d.preamble or d.closing else "")
    return [
        ("Loại văn bản", d.kind_name if d.kind != "other" or d.kind_word else ""),
        ("Số, ký hiệu", f"{d.number or '(trống)'}/{d.symbol}" if d.symbol else d.number),
        ("Cơ quan ban hành", d.issuer + parent if d.issuer else ""),
        ("Nơi, ngày", ", ".join(x for x in (d.place, d.date or "") if x)),
        ("Trích yếu", d.subject),
        ("Kính gửi", "; ".join(d.addressees)),
        ("Phần mở đầu", f"{len(d.preamble)} đoạn" if d.preamble else ""),
        ("Nội dung", content),
        ("Hạn chót", ", ".join(deadlines)),
        ("Cuộc họp", f"{d.meeting['date'] or ''} — chủ trì: {d.meeting['chair']}"
         if d.meeting else ""),
        ("Nơi nhận", f"{len(d.recipients)} nơi" if d.recipients else ""),
        ("Người ký", _signer_line(d.signer) if d.signer else ""),
    ]


def _signer_line(signer) -> str:
    behalf = f"{signer.on_behalf} / " if signer.on_behalf else ""
    return " ".join(x for x in (signer.authority, behalf + signer.title, "—", signer.name) if x)


@app.command("profiles")
def list_profiles() -> None:
    """Liệt kê các hồ sơ âm thanh và nơi đặt hồ sơ riêng."""
    from broadcast import profiles

    for name in profiles.available():
        chosen = profiles.load(name)
        typer.echo(f"{name:<18} {chosen.description}")
        typer.echo(f"{'':<18} tệp: {chosen.path}")
    folders = ", ".join(str(d) for d in profiles.profile_dirs())
    typer.echo(f"Hồ sơ riêng (cùng tên sẽ thay khóa của hồ sơ có sẵn) đặt trong: {folders}")


@app.command()
def engines() -> None:
    """Liệt kê các bộ đọc, cho biết bộ nào dùng được và vì sao."""
    from broadcast.tts import list_engines

    for name, description, status in list_engines():
        mark = "dùng được" if status else "chưa dùng được"
        about = f" — {description}" if description else ""
        typer.echo(f"{name:8} {mark}: {status.reason}{about}")


voices_app = typer.Typer(help="Giọng đọc: xem các giọng (KorvaTTS, piper), tải giọng, nghe thử.",
                         no_args_is_help=True, rich_markup_mode=None)
app.add_typer(voices_app, name="voices")
cache_app = typer.Typer(help="Bộ nhớ đệm các câu đã đọc (dựng lại bài chỉ đọc câu mới).",
                        no_args_is_help=True, rich_markup_mode=None)
app.add_typer(cache_app, name="cache")


@voices_app.command("list")
def voices_list() -> None:
    """Liệt kê các giọng KorvaTTS và piper: đã cài hay chưa, và cách tải."""
    from broadcast.tts import voices

    typer.echo(f"Thư mục giọng: {voices.voices_dir()}")
    _korva_list()
    _piper_list()


def _korva_list() -> None:
    from broadcast.tts import korva_assets as korva

    installed = korva.installed_voices(korva.assets_dir())
    typer.echo("KorvaTTS (--engine korva): giọng tự nhiên, không cần mạng")
    for v in korva.VOICES.values():
        state = "đã cài" if v.name in installed else "chưa cài"
        typer.echo(f"  {v.name:<13} {v.label:<12} {v.gender:<4} {state}")
    for name in sorted(set(installed) - set(korva.VOICES)):
        typer.echo(f"  {name:<13} {'':<12} {'':<4} đã cài")
    problem = korva.package_missing()
    if problem:
        typer.echo(f"  Chưa dùng được: {problem}")
    elif not installed:
        typer.echo(f"  Tải cả mười giọng (khoảng {korva.DOWNLOAD_MB} MB, một lần): "
                   "broadcast voices download korva")


def _piper_list() -> None:
    from broadcast.tts import voices

    found = voices.installed()
    typer.echo("piper (--engine piper): giọng nơ-ron, không cần mạng")
    for v in found:
        typer.echo(f"  {v.name:<28} đã cài  {v.language:<6} {v.sample_rate} Hz, "
                   f"{v.size_bytes / 1e6:.0f} MB")
    names = {v.name for v in found}
    for name, about in voices.VIETNAMESE.items():
        if name not in names:
            typer.echo(f"  {name:<28} chưa cài — {about}")
    if not any(v.vietnamese for v in found):
        typer.echo(f"  Cài giọng tiếng Việt: broadcast voices download {voices.DEFAULT_VOICE}")


@voices_app.command("download")
def voices_download(
    name: str = typer.Argument(..., help="korva (cả mười giọng KorvaTTS), hoặc tên giọng piper, "
                               "ví dụ vi_VN-vais1000-medium."),
    force: bool = typer.Option(False, "--force", help="Tải lại dù đã có."),
) -> None:
    """Tải giọng KorvaTTS (korva) hoặc một giọng piper (cần mạng internet, một lần)."""
    from broadcast.tts import voices

    if name == "korva":
        _download_korva(force)
        return
    typer.echo(f"Đang tải giọng {name} về {voices.voices_dir()} …")
    got = voices.download(name, force=force)
    typer.echo(f"Đã cài giọng {got.name} ({got.language}, {got.sample_rate} Hz, "
               f"{got.size_bytes / 1e6:.0f} MB). Dùng: --engine piper --voice {got.name}")


def _download_korva(force: bool) -> None:
    from broadcast.tts import korva_assets as korva

    typer.echo(f"Đang tải giọng KorvaTTS từ {korva.repo()} về {korva.assets_dir()} …")
    names = korva.installed_voices(korva.download(force=force))
    typer.echo(f"Đã cài KorvaTTS, {len(names)} giọng: {', '.join(names)}. Từ nay auto chọn "
               f"korva; giọng khác: --engine korva --voice {names[-1]}")


@voices_app.command("say")
def voices_say(
    text: str = typer.Argument(..., help="Câu đọc thử."),
    engine: str = ENGINE,
    voice: str = typer.Option(None, "--voice", help=VOICE_HELP),
    out: Path = typer.Option(None, "--out", "-o", help="Ghi ra tệp .wav hoặc .mp3 thay vì phát "
                             "ra loa."),
    config: Path = CONFIG,
) -> None:
    """Đọc thử một câu bằng một bộ đọc và giọng: phát ra loa, hoặc ghi ra tệp (--out)."""
    from broadcast.config import load_settings
    from broadcast.pipeline import choose_engine, ready_engine

    if out is not None and out.suffix.lower() not in (".wav", ".mp3"):
        raise BroadcastError(f"--out '{out}': chỉ ghi được tệp .wav hoặc .mp3.")
    settings = load_settings(config)
    options = _options(settings, engine=engine, voice=voice)
    choice = choose_engine(options)
    ready = ready_engine(options, choice)
    typer.echo(f"Bộ đọc: {choice.engine}, giọng {choice.voice or ready.default_voice}"
               f"{f' ({choice.reason})' if choice.reason else ''}.")
    sample = _sample(text, options, ready, choice.voice, settings)
    if out is not None:
        _write_sample(sample, out)
        typer.echo(f"Đã ghi {out} ({len(sample) / 1000:.1f} giây).")
    else:
        _play(sample)
    _robotic_note(choice.engine)


def _sample(text: str, options, engine, voice: str | None, settings):
    """The text read as a build reads it (spoken form, respellings), as an AudioSegment."""
    from broadcast.pipeline import to_segment
    from broadcast.speech import explain
    from broadcast.tts.respell import respell

    spoken = explain(text, options.speech).spoken
    if not spoken.strip():
        raise BroadcastError("Không có chữ nào để đọc thử.")
    said = respell(spoken, settings.voice.respellings_for(engine.name))
    return to_segment(engine.synthesize(said, voice))


def _write_sample(sample, out: Path) -> None:
    from broadcast.audio import ffmpeg
    from broadcast.writers import staged

    with staged(out.resolve().parent) as stage:
        temp = stage(out.name)
        if out.suffix.lower() == ".mp3":
            ffmpeg.encode_mp3(sample, temp)
        else:
            sample.export(str(temp), format="wav")


def _play(sample) -> None:
    """Play the sample on the default sound device (the player's output), returning when it
    has been heard."""
    import time

    from broadcast.player.model import Player, Track
    from broadcast.player.sound import Output

    mono = sample.set_channels(1).set_sample_width(2)
    player = Player(Track("", len(mono)))
    output = Output(mono.raw_data, mono.frame_rate, player)
    reason = output.start()
    if reason:
        raise BroadcastError(f"Không phát được ra loa ({reason}). Ghi ra tệp để nghe: thêm "
                             "--out mau.wav")
    try:
        while not player.finished:
            time.sleep(0.05)
        time.sleep(0.3)  # what the device still holds in its buffer
    finally:
        output.close()


@cache_app.command("info")
def cache_info() -> None:
    """Cho biết bộ nhớ đệm ở đâu, có bao nhiêu câu, chiếm bao nhiêu chỗ."""
    from broadcast.tts.cache import SegmentCache

    info = SegmentCache().info()
    typer.echo(f"Thư mục : {info.folder}")
    typer.echo(f"Số câu  : {info.entries}")
    typer.echo(f"Dung lượng: {info.size_bytes / 1e6:.1f} MB")


@cache_app.command("clear")
def cache_clear() -> None:
    """Xóa hết các câu đã đọc trong bộ nhớ đệm."""
    from broadcast.tts.cache import SegmentCache

    info = SegmentCache().clear()
    typer.echo(f"Đã xóa {info.entries} câu ({_size(info.size_bytes)}) trong {info.folder}.")


def _size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.1f} KB"


app.command("web")(web_command.web)  # the local page (broadcast/web); its modules load on use


@app.command()
def normalize(
    text: str = typer.Argument(..., help="Câu cần chuyển sang lời đọc."),
    dialect: str = DIALECT,
    mung: bool = MUNG,
    read_symbols: bool = SYMBOLS,
    drop_labels: bool = DROP_LABELS,
    lexicon: Path = LEXICON,
    config: Path = CONFIG,
    explain: bool = typer.Option(False, "--explain",
                                 help="Kể từng bước đổi chữ và các chữ viết tắt phải đánh vần."),
) -> None:
    """In cách đọc thành lời của một đoạn văn bản (giống khi dựng bài)."""
    from broadcast.config import load_settings
    from broadcast.speech import explain as explain_text

    settings = load_settings(config)
    options = _speech_options(*_dialect((dialect, mung, read_symbols, drop_labels, lexicon),
                                        settings.build.dialect), settings.abbreviations)
    result = explain_text(text, options)
    typer.echo(result.spoken)
    if explain:
        _explain(result)


def _explain(result) -> None:
    for step in result.steps:
        typer.echo(f"  {step.rule}: {step.before} → {step.after}")
    if result.spelled:
        typer.echo(f"Đọc từng chữ: {_spelled(result.spelled)}")


def _spelled(tokens) -> str:
    """The acronyms read letter by letter, and what the officer can do about them."""
    return (f"{', '.join(tokens)} (chưa có trong bảng viết tắt; "
            "thêm cách đọc vào [abbreviations] trong broadcast.toml)")


# Typer raises click's exceptions (its own vendored copy in recent versions): find that module.
_click_errors = importlib.import_module(typer.BadParameter.__module__)
# typer >= 0.29 vendors a click without Abort: naming a missing class in an except clause would
# turn every unexpected error into a traceback, so look it up once with a harmless fallback.
_ABORT = getattr(_click_errors, "Abort", KeyboardInterrupt)
USAGE_MESSAGES = {
    _click_errors.NoSuchOption: "Không có tùy chọn {name}.",
    _click_errors.MissingParameter: "Thiếu {name}.",
    _click_errors.BadParameter: "Giá trị không hợp lệ cho {name}.",
}


def _usage_line(exc: Exception) -> str:
    for kind, template in USAGE_MESSAGES.items():
        if isinstance(exc, kind):
            param = getattr(exc, "param", None)
            name = getattr(exc, "option_name", None) or (
                "/".join(param.opts) if param is not None and param.opts else "tham số")
            if param is not None and not param.opts:
                name = (param.name or "tham số").upper()
            return template.format(name=name)
    return f"Lệnh không hợp lệ: {exc.format_message()}"


def main(argv: list[str] | None = None) -> None:
    """Entry point for the console script and ``python -m broadcast``."""
    from broadcast import interrupts

    _utf8_when_redirected()
    before = interrupts.install()
    try:
        _run(argv)
    finally:
        interrupts.restore(before)


def _run(argv: list[str] | None) -> None:
    try:
        code = app(args=argv, standalone_mode=False)
    except BroadcastError as exc:
        _fail(exc, f"Lỗi: {exc.message}", 2)
    except _click_errors.UsageError as exc:
        _fail(exc, f"Lỗi: {_usage_line(exc)} Xem thêm: broadcast --help", 2)
    except (_ABORT, KeyboardInterrupt):
        _fail(None, "Đã dừng.", _stopped_code())
    except Exception as exc:  # a bug: say so in one line, details with --debug
        _fail(exc, f"Lỗi ngoài dự kiến ({type(exc).__name__}: {exc}). "
              "Chạy lại với --debug để xem chi tiết và báo cho nhóm phát triển.", 1)
    else:
        if code == 130:  # typer turns Ctrl+C into this return value when not standalone
            _fail(None, "Đã dừng.", _stopped_code())
        if code:  # a command's own exit code (feed: 1 when an entry failed)
            sys.exit(code)


def _stopped_code() -> int:
    """128 + the signal that stopped the run: 130 Ctrl+C, 143 SIGTERM, 129 SIGHUP."""
    from broadcast import interrupts

    return 128 + (interrupts.received() or 2)


def _utf8_when_redirected() -> None:
    """A scheduled run writes into a log file: UTF-8 there, never the ANSI code page Windows
    would pick (which cannot write Vietnamese and would crash the run)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding != "utf8" and not stream.isatty() and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(encoding="utf-8", errors="replace")


def _fail(exc: BaseException | None, line: str, code: int) -> None:
    if exc is not None and _state["debug"]:
        import traceback

        traceback.print_exception(exc)
    typer.echo(line, err=True)
    sys.exit(code)
