"""Rendering the bài tuyên truyền (the printed script a leader approves) from a Directive.

Templates are Jinja2 files in ``scripts_templates/``; a user folder given at render time is
searched first, so an officer can copy a template there and edit it. Rendering is sandboxed and
strict: a variable the template uses but nobody gave is an error naming both.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import jinja2

from broadcast import ear, sandbox, seal
from broadcast.config import DEFAULT_NOTE, Commune
from broadcast.document import Directive, walk
from broadcast.document.case import normal_case, proper_names
from broadcast.document.patterns import UNIT_WORDS_RE, UP
from broadcast.errors import BroadcastError


@dataclass
class Section:
    """A paragraph of the script. ``spoken`` is False for what is printed but never read aloud."""

    kind: str
    text: str
    spoken: bool = True


DRAFT, APPROVED = "draft", "approved"
STATUSES = (DRAFT, APPROVED)


@dataclass(frozen=True)
class Approval:
    """Who approved the script and when; the signer block and broadcast note printed below it.
    ``hash`` is the seal (broadcast.seal) over what was approved (an edit afterwards voids it)."""

    status: str = DRAFT
    by: str = ""
    on: str = ""
    hash: str = ""
    authority: str = "TM. ỦY BAN NHÂN DÂN"
    title: str = "CHỦ TỊCH"
    note: str = DEFAULT_NOTE

    @property
    def approved(self) -> bool:
        return self.status == APPROVED


@dataclass
class Script:
    title: str
    topic: str
    commune: str
    date: str
    template: str
    source: str
    reference: str = ""
    sections: list[Section] = field(default_factory=list)
    kind: str = ""
    approval: Approval = field(default_factory=Approval)
    script_file: str = ""  # the edited file it was read from, if any
    short_title: str = ""  # the topic: the month opening, the schedule, file names
    version: int = 1  # a changed notice's later bài (from the feed) are versions 2, 3, …
    source_hash: str = ""  # the content hash of the source document: it owns the file names

    def spoken_sections(self) -> list[Section]:
        return [s for s in self.sections if s.spoken]

    @property
    def place(self) -> str:
        """The commune's name, for the place-and-date line ("Phúc Lộc, ngày …")."""
        return Commune.from_text(self.commune).name

    def printed(self) -> str:
        """The script as the leader reads and signs it."""
        return "\n\n".join(s.text for s in self.sections).strip() + "\n"

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)


def template_dirs(user_dir: str | Path | None = None) -> list[Path]:
    """Where templates are looked up, first match wins: user folder, then the built-ins."""
    here = Path(__file__).resolve().parent
    builtin = [p for p in (here / "scripts_templates", here.parent / "scripts_templates")
               if p.is_dir()][:1]
    return ([Path(user_dir)] if user_dir else []) + builtin


# ---------------------------------------------------------------- filters


# Names that keep their capital inside a sentence whatever follows them.
PROPER = re.compile(r"^(?:Ủy ban|Uỷ ban|Hội đồng|Mặt trận|Đảng|Nhà nước|Chính phủ|Quốc hội|"
                    r"Công an|Quân đội|Bác Hồ|Tổ quốc|Huyện ủy|Tỉnh ủy|Thành ủy)\b")
# Words that name a body only when a name follows: "Trạm Y tế", "Phòng Nội vụ" (but "phòng
# chống", "hội nghị").
BODY_WORDS = re.compile(r"^(?:Ban|Phòng|Sở|Bộ|Hội|Trạm|Trường|Bệnh viện|Văn phòng|Trung tâm|"
                        r"Chi cục|Chi nhánh|Đoàn|Cục|Hạt|Đài)\s+(?=[" + UP + "])")


def lcfirst(text: str) -> str:
    """'Các cơ quan' → 'các cơ quan', 'Phòng chống bão' → 'phòng chống bão'; an acronym
    ('UBND'), a body's name ('Ủy ban nhân dân', 'Trạm Y tế') or a person's or a place's name
    ('Hà Nội') keeps its capital."""
    first, *rest = text.split(" ", 2)
    named = len(rest) >= 1 and rest[0][:1].isupper() and rest[0][1:].islower() and \
        first[1:].islower()
    if sum(c.isupper() for c in first) > 1 or PROPER.match(text) or BODY_WORDS.match(text) \
            or (named and not re.match(r"^(?:Các|Những|Toàn|Mỗi|Mọi|Tất|Thứ)\b", text)):
        return text
    return text[:1].lower() + text[1:]


ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")
COUNTS = ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười")


def ordinal(label: str | int) -> str:
    """'1' → 'Thứ nhất', '4' → 'Thứ tư', '12' → 'Thứ 12' (read 'thứ mười hai' later)."""
    n = int(label)
    return f"Thứ {ORDINALS[n - 1]}" if 1 <= n <= len(ORDINALS) else f"Thứ {n}"


def count_word(n: int) -> str:
    return COUNTS[n - 1] if 1 <= n <= len(COUNTS) else str(n)


def join_list(items) -> str:
    """['a', 'b', 'c'] → 'a, b và c'."""
    items = [str(i) for i in items]
    return ", ".join(items[:-1]) + " và " + items[-1] if len(items) > 1 else "".join(items)


def person(text: str) -> str:
    """'Đinh Thị Hồng Thu - Phó Chủ tịch UBND huyện' → 'Đinh Thị Hồng Thu, Phó Chủ tịch UBND
    huyện'."""
    return re.sub(r"\s*[-–—]\s*", ", ", text.strip(), count=1)


def trim_colon(text: str) -> str:
    return text.rstrip(" :.")


def is_ordinal_label(label: str) -> bool:
    return bool(re.fullmatch(r"\d{1,2}", label or ""))


def is_ending_with_colon(text: str) -> bool:
    return text.rstrip().endswith(":")


def when(iso: str | None) -> str:
    """'2024-03-20' → 'Ngày 20/3/2024', '2023-10' → 'Tháng 10/2023', None → 'Vừa qua'."""
    if not iso:
        return "Vừa qua"
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return f"Ngày {parts[2]:02d}/{parts[1]}/{parts[0]}"
    if len(parts) == 2:
        return f"Tháng {parts[1]}/{parts[0]}"
    return f"Năm {parts[0]}"


def long_date(day: dt.date) -> str:
    return f"ngày {day.day:02d} tháng {day.month} năm {day.year}"


@jinja2.pass_context
def _normal_case(context, text: str) -> str:
    """normal_case that keeps the capitals of the document's and the commune's names."""
    return normal_case(text, context.get("names", ()))


def people(addressees: list[str]) -> list[str]:
    """The addressees when they are the people ('Nhân dân trong xã', 'các hộ gia đình …'); an
    office's list of offices is not for the air (the template says who instead)."""
    if addressees and all(ear.PEOPLE.search(a) for a in addressees):
        return [lcfirst(a) for a in addressees]
    return []


FILTERS = {"normal_case": _normal_case, "lcfirst": lcfirst, "issuer_name": ear.issuer_name,
           "people": people, "when": when, "long_date": long_date,
           "ordinal": ordinal, "count_word": count_word, "join_list": join_list,
           "person": person, "trim_colon": trim_colon}
TESTS = {"ordinal_label": is_ordinal_label, "ending_with_colon": is_ending_with_colon}


def environment(user_dir: str | Path | None = None) -> sandbox.LimitedEnvironment:
    env = sandbox.environment(template_dirs(user_dir), undefined=jinja2.StrictUndefined,
                              trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(FILTERS)
    env.tests.update(TESTS)
    return env


# ---------------------------------------------------------------- render


def _render_text(name: str, context: dict, user_dir: str | Path | None) -> str:
    searched = ", ".join(str(p) for p in template_dirs(user_dir))
    try:
        return environment(user_dir).get_template(name).render(**context)
    except jinja2.TemplateNotFound as exc:
        raise BroadcastError(f"Không tìm thấy mẫu '{name}' (đã tìm trong: {searched}).") from exc
    except jinja2.UndefinedError as exc:
        raise BroadcastError(
            f"Mẫu '{name}' dùng một biến không có: {exc.message}. Hãy sửa mẫu hoặc bổ sung biến."
        ) from exc
    except jinja2.TemplateSyntaxError as exc:
        raise BroadcastError(
            f"Mẫu '{exc.name or name}' sai cú pháp ở dòng {exc.lineno}: {exc.message}."
        ) from exc


def _kind_of(paragraph: str) -> tuple[str, str]:
    if paragraph.startswith("## "):
        return "heading", paragraph[3:].strip()
    if paragraph.startswith("# "):
        return "title", paragraph[2:].strip()
    if re.match(r"^(?:\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\))\s", paragraph):
        return "item", paragraph
    if re.match(r"^[-+•]\s", paragraph):
        return "bullet", paragraph
    return "paragraph", paragraph


def sections_of(text: str) -> list[Section]:
    """Rendered template text → sections. Everything after a '---' line is printed only."""
    parts = re.split(r"^---\s*$", text, maxsplit=1, flags=re.M)
    body, footer = parts[0], parts[1] if len(parts) > 1 else ""
    out = []
    for chunk in re.split(r"\n\s*\n", body):
        if chunk.strip():
            kind, clean = _kind_of(" ".join(chunk.split()))
            out.append(Section(kind, clean))
    return out + printed_only(footer, "footer")


def printed_only(text: str, kind: str) -> list[Section]:
    """Blank-line separated blocks that are printed, never spoken; their line breaks kept."""
    return [Section(kind, chunk.strip(), spoken=False)
            for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]


KIND_TEMPLATES = {"thong_bao": "thong-bao-ket-luan.md.j2", "ke_hoach": "ke-hoach.md.j2",
                  "cong_van": "cong-van.md.j2", "bai_tuyen_truyen": "bai-tuyen-truyen.md.j2"}
GENERIC_TEMPLATE = "chung.md.j2"
FOOTER_TEMPLATE = "_ky-duyet.md.j2"


def template_for(directive: Directive) -> str:
    """The template of the directive's kind (thông báo, kế hoạch, công văn), else the generic."""
    return KIND_TEMPLATES.get(directive.kind, GENERIC_TEMPLATE)


@dataclass(frozen=True)
class ScriptOptions:
    """Choices a template reads as ``options``: items as "1. …" ("so") or "Thứ nhất, …"."""

    items: str = "so"


def render(
    directive: Directive,
    commune: Commune,
    broadcast_date: dt.date,
    template: str | None = None,
    user_dir: str | Path | None = None,
    options: ScriptOptions | None = None,
    approval: Approval | None = None,
) -> Script:
    """Directive + commune → Script, through the template of its kind (or the one named)."""
    template = template or template_for(directive)
    short = ear.short_title(directive)
    context = {"directive": ear.for_air(directive), "original": directive, "commune": commune,
               "broadcast_date": broadcast_date, "options": options or ScriptOptions(),
               "short_title": short, "names": names_of(directive, commune)}
    sections = [replace(s, text=ear.plain_web_addresses(s.text)) if s.spoken else s
                for s in sections_of(_render_text(template, context, user_dir))]
    script = Script(title="", topic="", commune=commune.full_name,
                    date=broadcast_date.isoformat(), template=template, source=directive.source,
                    reference=reference(directive), kind=directive.kind,
                    approval=approval or Approval(), short_title=short)
    return with_footer(_titled(script, sections, template), user_dir)


def names_of(directive: Directive, commune: Commune) -> list[str]:
    """Names whose capitals a line in capitals lost: those the document writes in mixed case,
    and the commune's own."""
    texts = [directive.subject, *directive.preamble, directive.closing,
             *(b.text for b in walk(directive.body))]
    own = [re.sub(r"^" + UNIT_WORDS_RE + r"\s+", "", n, flags=re.I)
           for n in (commune.name, commune.district, commune.province) if n]
    return sorted({*proper_names(" ".join(texts)), *own}, key=len, reverse=True)


def _titled(script: Script, sections: list[Section], where: str) -> Script:
    titles = [s.text for s in sections if s.kind == "title"]
    if not titles:
        raise BroadcastError(f"'{where}' không có dòng tiêu đề (dòng bắt đầu bằng '# ').")
    topic = script.short_title or re.sub(r"^BÀI TUYÊN TRUYỀN\s*(VỀ\s*)?", "", titles[0]).strip() \
        or titles[0]
    return replace(script, title=titles[0], topic=topic, sections=sections)


def with_footer(script: Script, user_dir: str | Path | None = None) -> Script:
    """The script with its printed-only block (date, approval, signer, note) rendered anew
    from its approval; a template's own '---' part is kept before it."""
    context = {"commune": Commune.from_text(script.commune), "approval": script.approval,
               "broadcast_date": dt.date.fromisoformat(script.date)}
    footer = printed_only(_render_text(FOOTER_TEMPLATE, context, user_dir), "approval")
    kept = [s for s in script.sections if s.kind != "approval"]
    return replace(script, sections=kept + footer)


# ---------------------------------------------------------------- the editable script file

FRONT_KEYS = ("title", "short_title", "commune", "source", "source_hash", "document", "kind",
              "template", "date", "status", "approved_by", "approved_on", "approved_hash",
              "signer_authority", "signer_title", "note", "version")
FRONT_HELP = ("# Bài tuyên truyền để sửa. Sửa phần nội dung bên dưới dòng '---' thứ hai.\n"
              "# short_title: tên ngắn của bài, dùng trong lời mở đầu chương trình tháng, lịch "
              "phát và tên tệp (sửa được).\n"
              "# Duyệt xong chạy: broadcast approve TỆP --by \"Họ tên\"; rồi: broadcast build "
              "TỆP\n")


def to_markdown(script: Script) -> str:
    """The editable file: a small front matter, then what is read aloud."""
    a = script.approval
    values: dict = {
        "title": script.title, "short_title": script.short_title or script.topic,
        "commune": script.commune, "source": script.source, "source_hash": script.source_hash,
        "document": script.reference, "kind": script.kind, "template": script.template,
        "date": script.date, "status": a.status, "approved_by": a.by, "approved_on": a.on,
        "approved_hash": a.hash, "signer_authority": a.authority, "signer_title": a.title,
        "note": a.note}
    if not script.source_hash:
        del values["source_hash"]
    if script.version > 1:
        values["version"] = script.version
    front = "".join(f"{k}: {' '.join(str(values[k]).split())}\n" for k in FRONT_KEYS
                    if k in values)
    return f"---\n{FRONT_HELP}{front}---\n\n{body_text(script)}"


def body_text(script: Script) -> str:
    """What the officer edits: the spoken part, then a template's own printed-only part after a
    '---' line (the approval block is not in it: it is rendered from the front matter)."""
    marks = {"title": "# ", "heading": "## "}
    spoken = [marks.get(s.kind, "") + s.text for s in script.sections if s.spoken]
    printed = [s.text for s in script.sections if not s.spoken and s.kind != "approval"]
    return "\n\n".join(spoken + (["---", *printed] if printed else [])) + "\n"


FRONT = re.compile(r"\A\ufeff?---[ \t]*\n(?P<front>.*?)^---[ \t]*\n(?P<body>.*)\Z", re.S | re.M)


# Lines only a script file's front matter has: a file holding one was a script, even when its
# front matter was broken or a line of it deleted, and is never read aloud as a directive.
SCRIPT_MARKS = re.compile(r"^\s*(?:#\s*Bài tuyên truyền để sửa|(?:status|approved_by|approved_on|"
                          r"approved_hash|source_hash|short_title|signer_authority|signer_title)"
                          r"\s*:)", re.M)


def is_script_file(text: str) -> bool:
    """True for an editable script (a front matter, whole or broken), not a directive."""
    match = FRONT.match(text)
    head = match["front"] if match else text[:4000]
    return bool(SCRIPT_MARKS.search(head))


def from_markdown(text: str, source: str, user_dir: str | Path | None = None) -> Script:
    """An edited script file → Script; a bad front matter names the line and the key."""
    match = FRONT.match(text)
    if not match:
        raise BroadcastError(f"'{source}' không phải bài tuyên truyền để sửa, hoặc phần đầu của "
                             "bài (giữa hai dòng '---' ở đầu tệp) đã bị hỏng. Sửa lại hai dòng "
                             f"'---' rồi trình duyệt lại: broadcast approve \"{source}\" --by "
                             "\"Họ tên\"; hoặc soạn lại bằng: broadcast draft VĂN-BẢN")
    front = _front_matter(match["front"], source)
    approval = Approval(status=front.get("status", ""), by=front.get("approved_by", ""),
                        on=front.get("approved_on", ""), hash=front.get("approved_hash", ""),
                        authority=front.get("signer_authority", Approval.authority),
                        title=front.get("signer_title", Approval.title),
                        note=front.get("note", Approval.note))
    _check_front(front, approval, source)
    script = Script(title="", topic="", commune=front["commune"], date=front["date"],
                    template=front.get("template", ""), source=front.get("source", ""),
                    reference=front.get("document", ""), kind=front.get("kind", ""),
                    approval=approval, script_file=source, version=_version(front, source),
                    short_title=front.get("short_title", ""),
                    source_hash=front.get("source_hash", ""))
    return with_footer(_titled(script, sections_of(match["body"]), source), user_dir)


def _front_matter(text: str, source: str) -> dict[str, str]:
    values = {}
    for number, line in enumerate(text.splitlines(), 2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, colon, value = line.partition(":")
        key = key.strip()
        if not colon or key not in FRONT_KEYS:
            raise BroadcastError(f"'{source}' dòng {number}: '{line.strip()}' không phải một "
                                 f"khóa của phần đầu ({', '.join(FRONT_KEYS)}).")
        values[key] = value.strip()
    return values


def _check_front(front: dict, approval: Approval, source: str) -> None:
    if "status" not in front:
        raise BroadcastError(f"'{source}': phần đầu thiếu dòng 'status' (đã bị xóa?). Ghi lại "
                             f"'status: draft', trình duyệt rồi chạy: broadcast approve "
                             f"\"{source}\" --by \"Họ tên\".")
    if approval.status not in STATUSES:
        raise BroadcastError(f"'{source}': khóa 'status' phải là draft (nháp) hoặc approved "
                             "(đã duyệt, ghi bằng lệnh broadcast approve).")
    for key in ("commune", "date"):
        if not front.get(key):
            raise BroadcastError(f"'{source}': phần đầu thiếu khóa '{key}'.")
    try:
        dt.date.fromisoformat(front["date"])
    except ValueError as exc:
        raise BroadcastError(f"'{source}': khóa 'date' phải là ngày phát dạng NĂM-THÁNG-NGÀY, "
                             "ví dụ 2024-07-04.") from exc


def _version(front: dict, source: str) -> int:
    text = front.get("version", "1")
    if not text.isdigit() or int(text) < 1:
        raise BroadcastError(f"'{source}': khóa 'version' phải là số thứ tự phiên bản 1, 2, 3 …")
    return int(text)


# ---------------------------------------------------------------- approval


def content_hash(script: Script) -> str:
    """What the leader approved: the spoken text, whitespace-insensitive."""
    return words_hash(body_text(script))


def words_hash(text: str) -> str:
    """A short hash that changes when the words change, not when the spacing does."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def source_hash(text: str) -> str:
    """The content hash of a source document (it owns the names of its outputs)."""
    return words_hash(text)


def owner(script: Script) -> str:
    """Who owns the script's file names: its source's content hash (a script file written
    before it was recorded: its source's name and reference)."""
    return script.source_hash or words_hash(f"{script.source}|{script.reference}")


# What the seal covers, and how a refusal names each part.
SEALED = {"text": "lời đọc", "short_title": "tên ngắn (short_title)",
          "by": "người duyệt (approved_by)", "on": "ngày duyệt (approved_on)",
          "authority": "dòng thẩm quyền (signer_authority)", "title": "chức danh (signer_title)",
          "note": "ghi chú (note)", "date": "ngày phát (date)", "commune": "xã (commune)"}


def sealed_fields(script: Script) -> dict[str, str]:
    a = script.approval
    values = {"text": body_text(script), "short_title": script.short_title or script.topic,
              "by": a.by, "on": a.on, "authority": a.authority, "title": a.title,
              "note": a.note, "date": script.date, "commune": script.commune}
    return {name: values[name] for name in SEALED}


def approve(script: Script, by: str, on: dt.date, user_dir: str | Path | None = None) -> Script:
    name = " ".join(by.split())
    if not name:
        raise BroadcastError("Cần tên người phê duyệt: --by \"Họ tên\".")
    approval = replace(script.approval, status=APPROVED, by=name, on=on.isoformat())
    approved = replace(script, approval=approval)
    approval = replace(approval, hash=seal.sign(sealed_fields(approved)))
    return with_footer(replace(script, approval=approval), user_dir)


def check_approved(script: Script) -> None:
    """A script may air only as approved here, and unchanged since."""
    where = script.script_file or script.title
    again = (f"Trình lãnh đạo duyệt lại rồi chạy: broadcast approve \"{where}\" --by \"Họ tên\"; "
             "hoặc thêm --draft để dựng bản nháp nghe thử.")
    if script.approval.status != APPROVED:
        raise BroadcastError(
            f"Bài '{where}' chưa được phê duyệt. Sau khi lãnh đạo duyệt, chạy: broadcast approve "
            f"\"{where}\" --by \"Họ tên\"; hoặc thêm --draft để dựng bản nháp nghe thử.")
    if not script.approval.hash:
        raise BroadcastError(f"Bài '{where}' ghi 'đã duyệt' nhưng không có dấu phê duyệt (ghi "
                             f"tay, không qua lệnh broadcast approve). {again}")
    changed = seal.changed(sealed_fields(script), script.approval.hash)
    if changed is None:
        return
    if changed:
        what = ", ".join(SEALED[name] for name in changed)
        raise BroadcastError(f"Bài '{where}' đã bị sửa sau khi được phê duyệt ngày "
                             f"{script.approval.on}: {what} đã khác. {again}")
    raise BroadcastError(f"Dấu phê duyệt của bài '{where}' không khớp: bài được duyệt trên máy "
                         f"khác hoặc dấu bị sửa tay. {again}")


def seal_holds(script: Script) -> bool:
    """Whether the script is approved here and unchanged since."""
    try:
        check_approved(script)
    except BroadcastError:
        return False
    return True


def reference(directive: Directive) -> str:
    """'Thông báo số 62/TB-UBND ngày 26/6/2024 của ...': how the source document is cited."""
    parts = [directive.kind_name]
    if directive.number or directive.symbol:
        parts.append(f"số {'/'.join(p for p in (directive.number, directive.symbol) if p)}")
    if directive.date:
        numbers = [int(n) for n in directive.date.split("-")]
        parts.append("ngày " + "/".join(str(n) for n in reversed(numbers)))
    if directive.issuer:
        parts.append(f"của {directive.issuer}")
    return " ".join(parts)


# ---------------------------------------------------------------- the monthly program

PROGRAM_TEMPLATES = ("chuong-trinh-mo-dau.md.j2", "chuong-trinh-ket-thuc.md.j2")


def program_words(commune: Commune, month: dt.date, scripts: list[Script],
                  user_dir: str | Path | None = None) -> tuple[list[Section], list[Section]]:
    """The opening and closing of a monthly program, naming its bài in order."""
    topics = [lcfirst(normal_case(s.topic)).rstrip(".") for s in scripts]
    context = {"commune": commune, "month": month, "topics": topics}
    opening, closing = (sections_of(_render_text(name, context, user_dir))
                        for name in PROGRAM_TEMPLATES)
    return opening, closing
