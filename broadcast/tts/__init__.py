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
    concurrency: int  # segments synthesized at once (network engines overlap their requests)
    settings_ranges: dict[str, tuple[float, float]]  # the numeric settings it accepts

    def available(self) -> Availability: ...

    def fingerprint(self, voice: str) -> dict:
        """Everything besides the text and voice name that changes the sound (cache key)."""
        ...

    def load(self, voice: str | None = None) -> object:
        """Make the voice ready, or raise BroadcastError saying how to get it."""
        ...

    def synthesize(self, text: str, voice: str | None = None) -> Audio: ...


# name -> "module:Class", imported on first use.
ENGINES: dict[str, str] = {
    "espeak": "broadcast.tts.espeak:EspeakEngine",
    "gtts": "broadcast.tts.gtts_engine:GttsEngine",
    "piper": "broadcast.tts.piper_engine:PiperEngine",
    "korva": "broadcast.tts.korva_engine:KorvaEngine",
}
AUTO = "auto"
DEFAULT_ENGINE = AUTO  # the most natural voice available (tts.auto), espeak only as a fallback
# espeak's Vietnamese comes back from a speech recognizer with ~87-97% of the words wrong: a
# build that used it says so once, after the build.
ROBOTIC = frozenset({"espeak"})
ROBOTIC_NOTE = ("giọng espeak là giọng máy, khó nghe: chỉ để nghe thử; cài giọng tự nhiên: "
                "broadcast voices download korva")


def voice_label(engine: str, voice: str | None) -> str:
    """'korva (khanh_vy)'; espeak's says it is for checking only. For tags and sheets."""
    label = f"{engine} ({voice})" if voice else engine
    return f"{label} — giọng máy, chỉ để nghe thử" if engine in ROBOTIC else label


def engine_class(name: str) -> type:
    if name not in ENGINES:
        known = ", ".join(ENGINES)
        raise BroadcastError(f"Không có bộ đọc '{name}'. Các bộ đọc có sẵn: {known}.")
    module_name, class_name = ENGINES[name].split(":")
    return getattr(importlib.import_module(module_name), class_name)


def get_engine(name: str, **settings) -> Engine:
    """An engine instance by name; raises BroadcastError for an unknown or unusable engine or
    a setting it does not take or that is out of range."""
    cls = engine_class(name)
    check_settings(name, cls, settings)
    engine = cls(**settings)
    status = engine.available()
    if not status:
        raise BroadcastError(f"Bộ đọc '{name}' chưa dùng được: {status.reason}")
    return engine


TEXT_SETTINGS = {"endpoint", "voices_dir", "speaker"}


def check_settings(name: str, cls: type, settings: dict) -> None:
    ranges = getattr(cls, "settings_ranges", {})
    texts = TEXT_SETTINGS & _params(cls)
    for key, value in settings.items():
        if key in texts and isinstance(value, str | int):
            continue
        if key not in ranges:
            known = ", ".join(sorted(set(ranges) | texts)) or "không có"
            raise BroadcastError(f"Bộ đọc {name} không có thiết lập '{key}'. Các thiết lập: "
                                 f"{known}.")
        low, high = ranges[key]
        if isinstance(value, bool) or not isinstance(value, int | float) or \
                not low <= value <= high:
            raise BroadcastError(f"Thiết lập '{key}' của bộ đọc {name} phải là số từ {low} "
                                 f"đến {high}, không phải '{value}'.")


def _params(cls: type) -> set[str]:
    import inspect

    return set(inspect.signature(cls).parameters)


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
