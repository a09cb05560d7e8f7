"""broadcast.toml as a form. Each answer is checked by the checks of `broadcast init` (same
messages); a new file is written as `init` writes it, an existing one is changed key by key
(its other keys, sections and comments stay), then read back by the CLI's loader before it
replaces the old file."""

from __future__ import annotations

import re
from pathlib import Path

from broadcast import wizard
from broadcast.config import Settings, config_text, settings_from, toml_string, tomllib
from broadcast.writers import staged

# form field → (section, key) in broadcast.toml
PLACES = {
    "kind": ("commune", "kind"), "commune": ("commune", "name"),
    "district": ("commune", "district"), "province": ("commune", "province"),
    "radio": ("commune", "radio"), "officer": ("commune", "officer"),
    "signer_authority": ("signer", "authority"), "signer_title": ("signer", "title"),
    "signer_name": ("signer", "name"), "engine": ("voice", "engine"),
    "profile": ("build", "profile"), "speed": ("build", "speed"),
    "intro": ("build", "intro"), "outro": ("build", "outro"), "bed": ("build", "bed"),
}
TABLES = {"abbreviations": "abbreviations", "respellings": "respellings"}
FIELDS = [q for q in wizard.QUESTIONS if q.key in PLACES or q.key in TABLES]


def current(settings: Settings) -> dict[str, str]:
    """The form's values from the settings in force."""
    c, s, b = settings.commune, settings.signer, settings.build
    pairs = lambda table: "; ".join(f"{k}={v}" for k, v in table.items())  # noqa: E731
    return {"kind": c.kind if c else "xã", "commune": c.name if c else "",
              "district": c.district if c else "", "province": c.province if c else "",
              "radio": c.radio if c else "", "officer": c.officer if c else "",
              "signer_authority": s.authority, "signer_title": s.title, "signer_name": s.name,
              "engine": settings.voice.engine or "", "profile": b.profile or "",
              "speed": str(b.speed or 1.0), "intro": str(b.intro or ""),
              "outro": str(b.outro or ""), "bed": str(b.bed or ""),
              "abbreviations": pairs(settings.abbreviations),
              "respellings": pairs(settings.voice.respellings.get("*", {}))}


def checked(form: dict[str, str]) -> dict:
    """Every answer through the checks `broadcast init` uses (one Vietnamese line if not)."""
    from broadcast import cli

    given = {q.key: form.get(q.key, "") for q in wizard.QUESTIONS}
    given["voice"] = ""
    for key in ("kind", "engine", "profile", "speed", "signer_authority", "signer_title"):
        if not given[key].strip():
            given[key] = None  # the default, as init gives it
    return wizard.collect(given, None, cli._init_checks())


def save(path: Path, form: dict[str, str]) -> Settings:
    """Write broadcast.toml from the form; the settings it now holds."""
    values = checked(form)
    if path.is_file():
        text = patched(path.read_text(encoding="utf-8-sig"), values)
    else:
        text = config_text(wizard.answers_from(values, path.parent))
    table = tomllib.loads(text)
    settings = settings_from(table, path)
    with staged(path.parent) as stage:
        stage(path.name).write_text(text, encoding="utf-8")
    return settings


def patched(text: str, values: dict) -> str:
    lines = text.splitlines()
    for key, (section, name) in PLACES.items():
        value = values[key]
        literal = repr(float(value)) if key == "speed" else toml_string(str(value))
        lines = set_key(lines, section, name, literal)
    for key, section in TABLES.items():
        lines = set_table(lines, section, values[key])
    return "\n".join(lines) + "\n"


HEADER = re.compile(r"^\s*\[\s*([^\]\s]+)\s*\]\s*(?:#.*)?$")
STRING = r'"(?:[^"\\]|\\.)*"'


def bounds(lines: list[str], section: str) -> tuple[int, int] | None:
    """(header line, end) of ``[section]``; None when the file has none."""
    start = next((n for n, line in enumerate(lines)
                  if (m := HEADER.match(line)) and m[1] == section), None)
    if start is None:
        return None
    end = next((n for n in range(start + 1, len(lines)) if lines[n].lstrip().startswith("[")),
               len(lines))
    return start, end


def set_key(lines: list[str], section: str, key: str, literal: str) -> list[str]:
    """``key = literal`` in ``[section]``: the line replaced (its comment kept) or added."""
    found = bounds(lines, section)
    if found is None:
        return [*lines, "", f"[{section}]", f"{key} = {literal}"]
    start, end = found
    pattern = re.compile(rf"^(\s*{re.escape(key)}\s*=\s*)({STRING}|[^#]*?)(\s*#.*)?$")
    for n in range(start + 1, end):
        match = pattern.match(lines[n])
        if match:
            return [*lines[:n], f"{match[1]}{literal}{match[3] or ''}", *lines[n + 1:]]
    return [*lines[:start + 1], f"{key} = {literal}", *lines[start + 1:]]


PAIR = re.compile(rf"^\s*(?:{STRING}|[\w-]+)\s*=")


def set_table(lines: list[str], section: str, table: dict[str, str]) -> list[str]:
    """``[section]``'s word = reading lines replaced by ``table`` (sub-tables stay)."""
    found = bounds(lines, section)
    entries = [f"{toml_string(k)} = {toml_string(v)}" for k, v in table.items()]
    if found is None:
        return [*lines, "", f"[{section}]", *entries] if entries else lines
    start, end = found
    kept = [line for line in lines[start + 1:end] if not PAIR.match(line)]
    return [*lines[:start + 1], *entries, *kept, *lines[end:]]

