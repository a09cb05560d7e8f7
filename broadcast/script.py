"""Rendering the bài tuyên truyền (the printed script a leader approves) from a Directive.

Templates are Jinja2 files in ``scripts_templates/``; a user folder given at render time is
searched first, so an officer can copy a template there and edit it. Rendering is sandboxed and
strict: a variable the template uses but nobody gave is an error naming both.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from broadcast.config import Commune
from broadcast.document import Directive
from broadcast.errors import BroadcastError

DEFAULT_TEMPLATE = "bai-tuyen-truyen.md.j2"
UNIT_WORDS = ("huyện", "tỉnh", "xã", "phường", "thị trấn", "thị xã", "thành phố", "quận")


@dataclass
class Section:
    """A paragraph of the script. ``spoken`` is False for what is printed but never read aloud."""

    kind: str
    text: str
    spoken: bool = True


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

    def spoken_sections(self) -> list[Section]:
        return [s for s in self.sections if s.spoken]

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


def normal_case(text: str) -> str:
    """'ỦY BAN NHÂN DÂN HUYỆN ĐỨC THỌ' → 'Ủy ban nhân dân huyện Đức Thọ', 'UBND XÃ AN PHÚ' →
    'UBND xã An Phú'; text already in mixed case is kept."""
    letters = [c for c in text if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return text
    lowered = " ".join(w if _is_acronym(w) else w.lower() for w in text.split())
    units = "|".join(UNIT_WORDS)
    lowered = re.sub(rf"\b({units})\s+(.+)$", lambda m: f"{m[1]} {m[2].title()}", lowered)
    return lowered[:1].upper() + lowered[1:]


SYLLABLE = re.compile(r"^(NGH|NG|GH|GI|KH|PH|TH|TR|CH|NH|QU|[BCDĐGHKLMNPRSTVX])?[AEIOUY]{1,3}"
                      r"(NG|NH|CH|[CMNPTIUOY])?$")


def _is_acronym(word: str) -> bool:
    """'UBND', 'HĐND' are acronyms; 'BAN', 'AN' (plain syllables without marks) are words."""
    return bool(re.fullmatch(r"[A-ZĐ&]{2,8}", word)) and not SYLLABLE.match(word)


def lcfirst(text: str) -> str:
    return text[:1].lower() + text[1:]


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


FILTERS = {"normal_case": normal_case, "lcfirst": lcfirst, "when": when, "long_date": long_date}


def environment(user_dir: str | Path | None = None) -> SandboxedEnvironment:
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(p)) for p in template_dirs(user_dir)])
    env = SandboxedEnvironment(loader=loader, undefined=jinja2.StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(FILTERS)
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
    out += [Section("footer", chunk.strip(), spoken=False)
            for chunk in re.split(r"\n\s*\n", footer) if chunk.strip()]
    return out


def render(
    directive: Directive,
    commune: Commune,
    broadcast_date: dt.date,
    template: str = DEFAULT_TEMPLATE,
    user_dir: str | Path | None = None,
) -> Script:
    """Directive + commune → Script, through the named template."""
    context = {"directive": directive, "commune": commune, "broadcast_date": broadcast_date}
    sections = sections_of(_render_text(template, context, user_dir))
    titles = [s.text for s in sections if s.kind == "title"]
    if not titles:
        raise BroadcastError(f"Mẫu '{template}' không có dòng tiêu đề (dòng bắt đầu bằng '# ').")
    topic = re.sub(r"^BÀI TUYÊN TRUYỀN\s*(VỀ\s*)?", "", titles[0]).strip() or titles[0]
    return Script(title=titles[0], topic=topic, commune=commune.full_name,
                  date=broadcast_date.isoformat(), template=template, source=directive.source,
                  reference=reference(directive), sections=sections)


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
