"""``--engine auto``: the best engine that works here and now, with the reason for the choice.

gtts when its endpoint answers a short request, else piper when a Vietnamese voice is installed
(the configured one if installed, else the first), else espeak, which always works.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from broadcast.errors import BroadcastError
from broadcast.tts import Availability, get_engine
from broadcast.tts import voices as voice_files

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Choice:
    engine: str
    voice: str | None
    reason: str


def choose(settings: dict[str, dict] | None = None, piper_voice: str | None = None,
           probe_timeout: float = 4.0) -> Choice:
    """``settings`` holds each engine's settings by name; ``piper_voice`` the piper voice
    wanted (used when installed, else the first Vietnamese voice installed). ``Choice.voice``
    is the piper voice to use; None for the other engines (their configured voice applies)."""
    settings = settings or {}
    online = _gtts_status(settings.get("gtts", {}), probe_timeout)
    if online.ok:
        return Choice("gtts", None, "máy chủ Google trả lời")
    piper_voice = _piper_voice(settings.get("piper", {}), piper_voice)
    if piper_voice:
        return Choice("piper", piper_voice, f"không dùng được Google: {online.reason}; dùng "
                      f"giọng piper {piper_voice}")
    return Choice("espeak", None, f"không dùng được Google: {online.reason}; chưa cài giọng "
                  "piper tiếng Việt nào")


def _gtts_status(settings: dict, timeout: float) -> Availability:
    try:
        return get_engine("gtts", **settings).probe(timeout)
    except BroadcastError as exc:
        return Availability(False, exc.message)


def _piper_voice(settings: dict, wanted: str | None) -> str | None:
    try:
        engine = get_engine("piper", **settings)
    except BroadcastError as exc:
        log.info("auto: piper not usable: %s", exc)
        return None
    found = [v.name for v in voice_files.installed(engine.folder) if v.vietnamese]
    if wanted in found or (wanted is None and voice_files.DEFAULT_VOICE in found):
        return wanted or voice_files.DEFAULT_VOICE
    return found[0] if found else None
