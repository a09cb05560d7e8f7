"""Saving the officer's edit of a script file: the short title and the text read aloud, into
the same Markdown file the CLI reads. A save never loses an edit: the page sends the version it
loaded, a file changed since is never overwritten, and the file is replaced in one rename."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from broadcast import script as scripts
from broadcast.errors import BroadcastError
from broadcast.speech import SpeechOptions, explain
from broadcast.writers import staged

SHORT_TITLE = re.compile(r"^short_title[ \t]*:.*$", re.M)


def version(text: str) -> str:
    """What the page sends back to say which file it edited."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


class Conflict(BroadcastError):
    """The file changed on disk since the page loaded it."""


def edited_text(current: str, short_title: str, body: str) -> str:
    """The script file with its short title and body replaced, the rest of its front matter
    as it was."""
    match = scripts.FRONT.match(current)
    if not match:
        raise BroadcastError("Phần đầu của bài (giữa hai dòng '---' ở đầu tệp) đã bị hỏng: sửa "
                             "tệp bằng tay hoặc soạn lại bài.")
    front = match["front"]
    line = f"short_title: {' '.join(short_title.split())}"
    front = SHORT_TITLE.sub(lambda _: line, front, count=1) if SHORT_TITLE.search(front) \
        else front + line + "\n"
    body = body.replace("\r\n", "\n").replace("\r", "\n").strip() + "\n"
    return f"---\n{front}---\n\n{body}"


def save(path: Path, loaded: str, short_title: str, body: str) -> str:
    """Write the edit unless the file changed since ``loaded`` (its version); the new text."""
    current = path.read_text(encoding="utf-8")
    if version(current) != loaded:
        raise Conflict("Bài đã được sửa ở nơi khác (hoặc ở cửa sổ khác) từ lúc bạn mở trang; "
                       "chưa lưu. Phần bạn sửa vẫn còn dưới đây: chép lại, tải lại trang rồi "
                       "sửa tiếp.")
    text = edited_text(current, short_title, body)
    scripts.from_markdown(text, str(path))  # what is written must read back as a script
    with staged(path.parent) as stage:
        stage(path.name).write_text(text, encoding="utf-8")
    return text


@dataclass(frozen=True)
class Spoken:
    """One paragraph as printed and as the voice says it, with the words it spells."""

    printed: str
    spoken: str
    spelled: tuple[str, ...]


def spoken_form(body: str, options: SpeechOptions) -> list[Spoken]:
    """What the voice will say, paragraph by paragraph (normalize, as the CLI's normalize)."""
    sections = scripts.sections_of(body.replace("\r\n", "\n"))
    return [Spoken(s.text, *_said(s.text, options)) for s in sections if s.spoken]


def _said(text: str, options: SpeechOptions) -> tuple[str, tuple[str, ...]]:
    result = explain(text, options)
    return result.spoken, result.spelled


@dataclass(frozen=True)
class Part:
    text: str
    spelled: str = ""  # the acronym this stretch spells letter by letter ('' for plain words)


def marked(spoken: str, spelled: tuple[str, ...]) -> list[Part]:
    """The spoken text cut where the voice spells an acronym letter by letter."""
    from broadcast.speech.rules import spell_unknown_acronyms

    forms = {spell_unknown_acronyms(token).strip().lower(): token for token in spelled}
    forms = {form: token for form, token in forms.items() if form}
    if not forms:
        return [Part(spoken)]
    pattern = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)),
                         re.I)
    parts, last = [], 0
    for match in pattern.finditer(spoken):
        parts += [Part(spoken[last:match.start()]), Part(match[0], forms[match[0].lower()])]
        last = match.end()
    return [p for p in [*parts, Part(spoken[last:])] if p.text]
