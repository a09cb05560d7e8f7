"""Typed settings: the commune a broadcast is made for, and broadcast.toml's voice settings."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from broadcast.errors import BroadcastError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

COMMUNE_KINDS = ("xã", "phường", "thị trấn")


@dataclass(frozen=True)
class Commune:
    """The commune (xã, phường or thị trấn) whose radio airs the broadcast."""

    name: str
    kind: str = "xã"

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

    @property
    def full_name(self) -> str:
        return f"{self.kind} {self.name}"

    @property
    def authority(self) -> str:
        return f"Ủy ban nhân dân {self.full_name}"

    @property
    def radio(self) -> str:
        return f"Đài truyền thanh {self.full_name}"


CONFIG_NAME = "broadcast.toml"
SECTIONS = ("voice", "respellings")
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


def load_settings(path: Path | None = None) -> Settings:
    """``path``, else ./broadcast.toml when present, else defaults."""
    if path is None:
        if not Path(CONFIG_NAME).is_file():
            return Settings()
        path = Path(CONFIG_NAME)
    table = read_toml(Path(path), "tệp cấu hình")
    unknown = sorted(set(table) - set(SECTIONS))
    if unknown:
        raise BroadcastError(f"{path}: không có mục '{unknown[0]}'. Các mục dùng được: "
                             f"{', '.join(SECTIONS)}.")
    return Settings(Path(path), VoiceSettings(
        **_voice(table.get("voice", {}), path),
        respellings=_respellings(table.get("respellings", {}), path)))


def read_toml(path: Path, what: str) -> dict:
    """The TOML file's table; ``what`` names it in the error ("tệp cấu hình")."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise BroadcastError(f"Không đọc được {what} '{path}'.") from exc
    except tomllib.TOMLDecodeError as exc:
        raise BroadcastError(f"{what.capitalize()} '{path}' sai cú pháp TOML: {exc}.") from exc


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


def _respellings(table: dict, path: Path) -> dict[str, dict[str, str]]:
    _need(isinstance(table, dict), path, "respellings", "một mục [respellings]")
    result: dict[str, dict[str, str]] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            for word, said in value.items():
                _need(isinstance(said, str) and said.strip(), path, f"respellings.{key}.{word}",
                      'cách đọc trong ngoặc kép, ví dụ "Kon Rẫy" = "Con Rẫy"')
            result[key] = dict(value)
        else:
            _need(isinstance(value, str) and value.strip(), path, f"respellings.{key}",
                  'cách đọc trong ngoặc kép, ví dụ "Kon Rẫy" = "Con Rẫy"')
            result.setdefault(ALL_ENGINES, {})[key] = value
    return result


def _need(ok: bool, path: Path, key: str, expected: str) -> None:
    if not ok:
        raise BroadcastError(f"{path}: khóa '{key}' phải là {expected}.")
