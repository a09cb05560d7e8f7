"""The player's state as a pure model: what is playing, where, paused or not, how loud, and
which segment of the script is being read. No terminal, no sound device: the UI and the audio
callback drive it, and the tests drive it directly.
"""

from __future__ import annotations

import json
import math
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from broadcast.errors import BroadcastError

SEEK_MS = 5_000
VOLUME_STEP = 0.1
MAX_VOLUME = 2.0
RESTART_SEGMENT_MS = 2_000  # "previous" within this much of a segment's start goes back one


@dataclass(frozen=True)
class Cue:
    start_ms: int
    end_ms: int
    text: str
    spoken: str


@dataclass(frozen=True)
class Track:
    """A built broadcast: its audio length and, from the manifest beside it, its script."""

    path: str
    duration_ms: int
    title: str = ""
    commune: str = ""
    engine: str = ""
    profile: str = ""
    loudness: str = ""
    cues: tuple[Cue, ...] = ()
    note: str = ""

    @classmethod
    def from_manifest(cls, path: Path, duration_ms: int, manifest: dict) -> Track:
        """Cues of every repetition (the manifest lists the first; ``repeats`` the offsets).
        A manifest whose fields have the wrong types or sizes is refused with one line."""
        checked = _Checked(path.with_suffix(".json"), manifest)
        offsets = checked.numbers("repeats") or [0.0]
        segments = checked.segments()
        if len(offsets) * len(segments) > MAX_CUES:
            checked.fail("repeats", f"danh sách ngắn hơn (tối đa {MAX_CUES} câu cả các lần lặp)")
        cues = tuple(Cue(round((offset + start) * 1000), round((offset + end) * 1000), text,
                         spoken)
                     for offset in offsets for start, end, text, spoken in segments)
        loud = checked.table("loudness")
        integrated, peak = (checked.number(loud, "loudness.integrated"),
                            checked.number(loud, "loudness.true_peak"))
        loudness = (f"{integrated:.1f} LUFS, đỉnh {peak or 0.0:.1f} dBTP"
                    if integrated is not None else "")
        profile = checked.table("profile")
        return cls(str(path), duration_ms, checked.text(manifest, "title"),
                   checked.text(manifest, "commune"), checked.text(manifest, "engine"),
                   checked.text(profile, "profile.name"), loudness, cues)


MAX_CUES = 200_000
MAX_SECONDS = 7 * 24 * 3600.0  # no broadcast is a week long
MAX_MANIFEST_BYTES = 50 * 1024 * 1024


class _Checked:
    """Reads a manifest's fields, each of the type the builder writes, or one BroadcastError
    naming the file and the field."""

    def __init__(self, path: Path, manifest: object) -> None:
        self.path = path
        if not isinstance(manifest, dict):
            self.fail("", "một đối tượng JSON")
        self.manifest: dict = manifest  # type: ignore[assignment]

    def fail(self, key: str, expected: str) -> NoReturn:
        field_name = f"trường '{key}'" if key else "nội dung"
        raise BroadcastError(f"Tệp '{self.path.name}' đi kèm không đúng dạng bản dựng: "
                             f"{field_name} phải là {expected}. Hãy dựng lại bài để có tệp mới.")

    def text(self, table: dict, key: str) -> str:
        value = table.get(key.rsplit(".", 1)[-1])
        if value is None:
            return ""
        if not isinstance(value, str):
            self.fail(key, "chữ")
        return value

    def number(self, table: dict, key: str) -> float | None:
        value = table.get(key.rsplit(".", 1)[-1])
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or \
                not math.isfinite(value) or abs(value) > MAX_SECONDS:
            self.fail(key, f"một số (tối đa {MAX_SECONDS:g})")
        return float(value)

    def table(self, key: str) -> dict:
        value = self.manifest.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(key, "một đối tượng JSON")
        return value

    def numbers(self, key: str) -> list[float]:
        value = self.manifest.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(key, "một danh sách số")
        if len(value) > MAX_CUES:
            self.fail(key, f"danh sách ngắn hơn (tối đa {MAX_CUES})")
        return [self.number({key: v}, key) or 0.0 for v in value]

    def segments(self) -> list[tuple[float, float, str, str]]:
        value = self.manifest.get("segments", [])
        if not isinstance(value, list):
            self.fail("segments", "một danh sách câu")
        if len(value) > MAX_CUES:
            self.fail("segments", f"danh sách ngắn hơn (tối đa {MAX_CUES} câu)")
        out = []
        for i, segment in enumerate(value):
            key = f"segments[{i}]"
            if not isinstance(segment, dict):
                self.fail(key, "một đối tượng có start, end, text")
            start, end = (self.number(segment, f"{key}.start"),
                          self.number(segment, f"{key}.end"))
            if start is None or end is None:
                self.fail(key, "một đối tượng có start, end (giây)")
            out.append((start, end, self.text(segment, f"{key}.text"),
                        self.text(segment, f"{key}.spoken")))
        return out


def manifest_beside(mp3: Path) -> dict | None:
    """The build's manifest (same name, .json) next to the MP3, if there is a readable one."""
    path = mp3.with_suffix(".json")
    try:
        if not path.is_file() or path.stat().st_size > MAX_MANIFEST_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) and "segments" in data else None


@dataclass
class Player:
    """Position in ms, pause, volume; every method is safe to call from the audio thread."""

    track: Track
    position_ms: float = 0.0
    paused: bool = False
    volume: float = 1.0
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False)

    @property
    def finished(self) -> bool:
        return self.position_ms >= self.track.duration_ms

    def advance(self, ms: float) -> None:
        """Time passed while playing (audio frames sent, or the clock without audio)."""
        with self.lock:
            if not self.paused:
                self.position_ms = min(self.track.duration_ms, self.position_ms + ms)

    def toggle_pause(self) -> None:
        with self.lock:
            self.paused = not self.paused

    def seek(self, delta_ms: float) -> None:
        self.jump(self.position_ms + delta_ms)

    def jump(self, position_ms: float) -> None:
        with self.lock:
            self.position_ms = max(0.0, min(float(self.track.duration_ms), position_ms))

    def restart(self) -> None:
        with self.lock:
            self.position_ms, self.paused = 0.0, False

    def change_volume(self, steps: int) -> None:
        with self.lock:
            self.volume = round(max(0.0, min(MAX_VOLUME, self.volume + steps * VOLUME_STEP)), 2)

    @property
    def current(self) -> int | None:
        """Index of the segment being read: the last one started (None before the first)."""
        started = [i for i, cue in enumerate(self.track.cues) if cue.start_ms <= self.position_ms]
        return started[-1] if started else None

    @property
    def speaking(self) -> bool:
        """Whether the position is inside the current segment (not in a pause or jingle)."""
        index = self.current
        return index is not None and self.position_ms < self.track.cues[index].end_ms

    def next_segment(self) -> None:
        later = [c.start_ms for c in self.track.cues if c.start_ms > self.position_ms]
        if later:
            self.jump(later[0])

    def previous_segment(self) -> None:
        index = self.current
        cues = self.track.cues
        if index is None:
            return
        if self.position_ms - cues[index].start_ms > RESTART_SEGMENT_MS or index == 0:
            self.jump(cues[index].start_ms)
        else:
            self.jump(cues[index - 1].start_ms)

    def handle(self, key: str) -> bool:
        """Apply one key; False when the key means quit."""
        if key == "q":
            return False
        action = {
            " ": self.toggle_pause, "left": lambda: self.seek(-SEEK_MS),
            "right": lambda: self.seek(SEEK_MS), "n": self.next_segment,
            "p": self.previous_segment, "+": lambda: self.change_volume(1),
            "=": lambda: self.change_volume(1), "-": lambda: self.change_volume(-1),
            "r": self.restart,
        }.get(key)
        if action:
            action()
        return True
