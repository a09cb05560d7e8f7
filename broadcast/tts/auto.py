"""``--engine auto`` (the default): the most natural voice that works here and now, and why.

The order, most natural and most dependable first:

1. korva — a KorvaTTS voice is installed (natural, offline, the same every month): the
   configured one if installed, else khanh_vy, else the first installed;
2. piper — a Vietnamese piper voice is installed (neural, offline);
3. gtts — Google's voice, when its endpoint answers one short request (a few seconds at most);
4. espeak — always there, but robotic: for checking a draft only.

Installed voices come first because they need no network at build time and never change; the
Google probe is only made when no offline neural voice is installed.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from broadcast.errors import BroadcastError
from broadcast.tts import Availability, get_engine, korva_assets
from broadcast.tts import voices as voice_files

log = logging.getLogger(__name__)

ORDER = ("korva", "piper", "gtts", "espeak")
PROBE_TIMEOUT = 3.0


@dataclass(frozen=True)
class Choice:
    engine: str
    voice: str | None
    reason: str


def choose(settings: dict[str, dict] | None = None, voices: dict[str, str] | None = None,
           probe_timeout: float = PROBE_TIMEOUT) -> Choice:
    """``settings`` holds each engine's settings by name, ``voices`` the voice configured for
    each engine. ``Choice.voice`` is the korva or piper voice to use; None for gtts and espeak
    (their configured voice applies)."""
    settings, voices = settings or {}, voices or {}
    korva = _korva_voice(settings.get("korva", {}), voices.get("korva"))
    if korva:
        return Choice("korva", korva, f"giọng KorvaTTS {korva} đã cài: tự nhiên, không cần mạng")
    piper = _piper_voice(settings.get("piper", {}), voices.get("piper"))
    if piper:
        return Choice("piper", piper, f"chưa cài KorvaTTS; giọng piper {piper} đã cài, không "
                      "cần mạng")
    online = _gtts_status(settings.get("gtts", {}), probe_timeout)
    if online.ok:
        return Choice("gtts", None, "chưa cài giọng tự nhiên nào trên máy; máy chủ Google trả lời")
    return Choice("espeak", None, "chưa cài giọng tự nhiên nào trên máy, và Google không "
                  f"dùng được: {online.reason}")


def _pick(found: list[str], wanted: str | None, default: str) -> str | None:
    """The wanted voice if installed, else the default if installed, else the first."""
    for name in (wanted, default):
        if name in found:
            return name
    return found[0] if found else None


def _korva_voice(settings: dict, wanted: str | None) -> str | None:
    try:
        engine = get_engine("korva", **settings)
    except BroadcastError as exc:
        log.info("auto: korva not usable: %s", exc)
        return None
    return _pick(korva_assets.installed_voices(engine.folder), wanted, engine.default_voice)


def _piper_voice(settings: dict, wanted: str | None) -> str | None:
    try:
        engine = get_engine("piper", **settings)
    except BroadcastError as exc:
        log.info("auto: piper not usable: %s", exc)
        return None
    found = [v.name for v in voice_files.installed(engine.folder) if v.vietnamese]
    return _pick(found, wanted, voice_files.DEFAULT_VOICE)


def _gtts_status(settings: dict, timeout: float) -> Availability:
    """The probe's answer, waited for at most ``timeout`` + 1 s: the request's own timeout
    does not bound a name lookup, which can hang for long on a machine without a network."""
    answers: list[Availability] = []

    def probe() -> None:
        try:
            answers.append(get_engine("gtts", **settings).probe(timeout))
        except BroadcastError as exc:
            answers.append(Availability(False, exc.message.rstrip(".")))

    worker = threading.Thread(target=probe, name="gtts-probe", daemon=True)
    worker.start()
    worker.join(timeout + 1)
    return answers[0] if answers else Availability(False, "máy chủ Google không trả lời kịp")
