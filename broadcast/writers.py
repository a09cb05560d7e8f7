"""Writing outputs safely: every file goes to a temporary name in its folder and is renamed into
place only when all of them are written, the manifest last, so a reader never sees a
half-written MP3 and a failed build leaves nothing behind. A name belongs to one document: the
manifest (or the script file) beside it records which source owns it."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import textwrap
import time
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from broadcast import interrupts
from broadcast.errors import BroadcastError

log = logging.getLogger(__name__)


def slugify(text: str, max_len: int = 60) -> str:
    """'Kế hoạch Duy trì CCHC năm 2024' → 'ke-hoach-duy-tri-cchc-nam-2024' (ASCII, safe)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0]
    return slug or "bai-tuyen-truyen"


def _missing_parents(folder: Path) -> list[Path]:
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    return missing


# ---------------------------------------------------------------- temporary files

# '.<name>.<pid>-<6 hex>.tmp'; the pid tells whether the build that wrote it is still running.
TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)-[0-9a-f]{6}\.tmp$")
OLD_TEMP = re.compile(r"^\..+\.[0-9a-f]{8}\.tmp$")  # before the pid was in the name
STALE_AFTER_S = 6 * 3600  # a temporary file this old is stale whoever wrote it


def temp_name(name: str) -> str:
    return f".{name}.{os.getpid()}-{uuid.uuid4().hex[:6]}.tmp"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":  # no safe probe: only the age decides
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def is_stale(path: Path, now: float | None = None) -> bool:
    """A temporary file left by a build that is gone (its process ended, or it is old)."""
    match = TEMP.match(path.name)
    if not match and not OLD_TEMP.match(path.name):
        return False
    try:
        age = (now or time.time()) - path.stat().st_mtime
    except OSError:
        return False
    return age > STALE_AFTER_S or (match is not None and not _alive(int(match["pid"])))


def remove_stale(folder: Path) -> int:
    """Delete the stale temporary files in ``folder``; how many."""
    removed = 0
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            if path.is_file() and is_stale(path):
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed += 1
                    log.info("removed a stale temporary file %s", path)
    return removed


class Stage:
    """``stage(name) -> temporary path`` inside one folder; ``files()`` maps each final name
    to its temporary file, in the order staged."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.temps = folder, {}

    def __call__(self, name: str) -> Path:
        temp = self.folder / temp_name(name)
        self.temps[self.folder / name] = temp
        return temp

    def files(self) -> dict[str, Path]:
        return {final.name: temp for final, temp in self.temps.items()}


@contextlib.contextmanager
def staged(folder: Path) -> Iterator[Stage]:
    """Yield a Stage; on success rename every file into place in the order staged (the
    manifest is staged last), else delete them. Stale temporary files are removed first."""
    created = _missing_parents(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BroadcastError(f"Không tạo được thư mục '{folder}': {exc.strerror or exc}.") from exc
    remove_stale(folder)
    stage = Stage(folder)
    try:
        yield stage
        with interrupts.critical():  # a stop waits until every file is in place
            for final, temp in stage.temps.items():
                temp.replace(final)
    except BaseException:
        for temp in stage.temps.values():
            with contextlib.suppress(OSError):
                temp.unlink()
        for path in created:
            with contextlib.suppress(OSError):
                path.rmdir()
        raise


def digest(path: Path) -> dict:
    """Size and SHA-256 of a file, as a manifest records them."""
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return {"bytes": path.stat().st_size, "sha256": sha.hexdigest()}


def mismatch(manifest: Path) -> str:
    """'' when every file the manifest lists is there as it was written; else which is not."""
    try:
        files = json.loads(manifest.read_text(encoding="utf-8")).get("files") or {}
    except (OSError, ValueError, AttributeError):
        return manifest.name
    for name, expected in files.items():
        path = manifest.with_name(name)
        try:
            if digest(path) != expected:
                return name
        except OSError:
            return name
    return ""


# ---------------------------------------------------------------- names and their owners


def read_json(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def claim(folder: Path, stem: str, owns: Callable[[Path], bool | None],
          taken: Callable[[Path, str], bool]) -> str:
    """The name for a document: ``stem`` itself, or ``stem-2``, ``stem-3`` …: the first its
    owner already holds, else the first nobody holds. ``owns(folder / name)`` says whether a
    name is this document's (None: nobody's), ``taken`` whether any file uses it."""
    free = ""
    for n in range(1, 1000):
        name = stem if n == 1 else f"{stem}-{n}"
        owner = owns(folder / name)
        if owner:
            return name
        if owner is None and not taken(folder, name):
            free = free or name
            if n > 1 and not any(taken(folder, f"{stem}-{m}") for m in range(n + 1, n + 3)):
                break
    return free or f"{stem}-{uuid.uuid4().hex[:6]}"


CAPTION_WIDTH = 60


def srt(cues: list[tuple[int, int, str]]) -> str:
    """SubRip captions from (start ms, end ms, text), numbered from 1."""
    blocks = []
    for number, (start, end, text) in enumerate(cues, 1):
        lines = textwrap.wrap(" ".join(text.split()), CAPTION_WIDTH) or [""]
        blocks.append(f"{number}\n{_srt_time(start)} --> {_srt_time(end)}\n" + "\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _srt_time(ms: int) -> str:
    hours, rest = divmod(int(ms), 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d},{millis:03d}"


# ---------------------------------------------------------------- print-ready .docx

FONT = "Times New Roman"


def write_docx(path: Path, script) -> None:
    """The script in the administrative layout (A4, Times New Roman 14, margins 2/2/3/1.5 cm):
    issuer and national motto side by side, place and date, title, the body, then the approval
    block on the right and the broadcast note. An unapproved script says so on top."""
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(14)
    style.element.rPr.rFonts.set(_qn("w:eastAsia"), FONT)
    _heading_table(doc, script)
    if not script.approval.approved:
        _para(doc, "BẢN NHÁP — CHƯA PHÊ DUYỆT", align="center", bold=True)
    for s in script.sections:
        if s.kind == "title":
            _para(doc, s.text, align="center", bold=True, before=12, after=12)
        elif s.spoken:
            _para(doc, s.text, align="justify", bold=s.kind == "heading", indent=True)
    _approval_block(doc, script)
    doc.save(str(path))


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _para(container, text: str, align: str = "left", bold: bool = False, italic: bool = False,
          indent: bool = False, before: int = 0, after: int = 6):
    from docx.shared import Cm, Pt

    para = container.add_paragraph()
    fmt = para.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if indent:
        fmt.first_line_indent = Cm(1)
    return _runs(para, text, align, bold, italic)


def _runs(para, text: str, align: str, bold: bool = False, italic: bool = False):
    """``text`` into ``para``, its line breaks kept, aligned left/center/right/justify."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    para.alignment = getattr(WD_ALIGN_PARAGRAPH, align.upper())
    for number, line in enumerate(text.split("\n")):
        if number:
            para.add_run().add_break()
        run = para.add_run(line)
        run.bold, run.italic = bold, italic
    return para


def _heading_table(doc, script) -> None:
    """UBND XÃ … | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM, then the place and date line."""
    from broadcast.script import long_date

    left, right = doc.add_table(rows=1, cols=2).rows[0].cells
    _runs(left.paragraphs[0], f"ỦY BAN NHÂN DÂN\n{script.commune.upper()}", "center", bold=True)
    _runs(right.paragraphs[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
          "center", bold=True)
    _para(doc, f"{script.place}, {long_date(_date(script.date))}", align="right", italic=True,
          before=6)


def _approval_block(doc, script) -> None:
    a = script.approval
    note, sign = doc.add_table(rows=1, cols=2).rows[0].cells
    _runs(note.paragraphs[0], f"Ghi chú: ({a.note})", "left", italic=True)
    _runs(sign.paragraphs[0], "Phê duyệt của lãnh đạo", "center")
    _runs(sign.add_paragraph(), f"{a.authority}\n{a.title}", "center", bold=True)
    if a.approved and a.on:
        _runs(sign.add_paragraph(), f"(đã duyệt ngày {_date(a.on):%d/%m/%Y})", "center")
    sign.add_paragraph()
    _runs(sign.add_paragraph(), a.by if a.approved else "(chưa phê duyệt)", "center", bold=True)


def _date(iso: str):
    import datetime as dt

    return dt.date.fromisoformat(iso)
