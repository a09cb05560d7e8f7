"""Writing outputs safely: every file goes to a temporary name in its folder and is renamed into
place only when all of them are written, so a reader never sees a half-written MP3 and a failed
build leaves nothing behind."""

from __future__ import annotations

import contextlib
import re
import textwrap
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from broadcast.errors import BroadcastError


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


@contextlib.contextmanager
def staged(folder: Path) -> Iterator[Callable[[str], Path]]:
    """Yield ``stage(name) -> temporary path``; on success rename all into place, else clean up."""
    created = _missing_parents(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BroadcastError(f"Không tạo được thư mục '{folder}': {exc.strerror or exc}.") from exc
    temps: dict[Path, Path] = {}

    def stage(name: str) -> Path:
        temp = folder / f".{name}.{uuid.uuid4().hex[:8]}.tmp"
        temps[folder / name] = temp
        return temp

    try:
        yield stage
        for final, temp in temps.items():
            temp.replace(final)
    except BaseException:
        for temp in temps.values():
            with contextlib.suppress(OSError):
                temp.unlink()
        for path in created:
            with contextlib.suppress(OSError):
                path.rmdir()
        raise


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
