"""Speech synthesis engines behind one interface, registered by name in one table.

No engine module is imported until that engine is asked for, so optional dependencies stay
optional and ``broadcast engines`` can list an engine whose library is missing, with the reason.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol

from broadcast.errors import BroadcastError


@dataclass(frozen=True)
class Audio:
    """Synthesized speech: raw 16-bit little-endian PCM ('pcm_s16le') or an encoded file ('mp3')."""

    data: bytes
    format: str
    sample_rate: int
    channels: int = 1


@dataclass(frozen=True)
class Availability:
    ok: bool
    reason: str = ""

    def __bool__(self) -> bool:
        return self.ok


class Engine(Protocol):
    name: str
    description: str
    default_voice: str

    def available(self) -> Availability: ...

    def synthesize(self, text: str, voice: str | None = None) -> Audio: ...


# name -> "module:Class", imported on first use.
ENGINES: dict[str, str] = {
    "espeak": "broadcast.tts.espeak:EspeakEngine",
    "gtts": "broadcast.tts.gtts_engine:GttsEngine",
}
DEFAULT_ENGINE = "espeak"


def engine_class(name: str) -> type:
    if name not in ENGINES:
        known = ", ".join(ENGINES)
        raise BroadcastError(f"Không có bộ đọc '{name}'. Các bộ đọc có sẵn: {known}.")
    module_name, class_name = ENGINES[name].split(":")
    return getattr(importlib.import_module(module_name), class_name)


def get_engine(name: str, **settings) -> Engine:
    """An engine instance by name; raises BroadcastError for an unknown or unusable engine."""
    engine = engine_class(name)(**settings)
    status = engine.available()
    if not status:
        raise BroadcastError(f"Bộ đọc '{name}' chưa dùng được: {status.reason}")
    return engine


def list_engines() -> list[tuple[str, str, Availability]]:
    """(name, description, availability) for every registered engine."""
    rows = []
    for name in ENGINES:
        try:
            engine = engine_class(name)()
            rows.append((name, engine.description, engine.available()))
        except Exception as exc:  # an engine that cannot even load is listed, not fatal
            rows.append((name, "", Availability(False, f"không nạp được: {exc}")))
    return rows
