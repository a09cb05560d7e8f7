"""The player's state as a pure model: what is playing, where, paused or not, how loud, and
which segment of the script is being read. No terminal, no sound device: the UI and the audio
callback drive it, and the tests drive it directly.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from pathlib import Path

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
        """Cues of every repetition (the manifest lists the first; ``repeats`` the offsets)."""
        offsets = manifest.get("repeats") or [0.0]
        cues = tuple(Cue(round((offset + s["start"]) * 1000), round((offset + s["end"]) * 1000),
                         s.get("text", ""), s.get("spoken", ""))
                     for offset in offsets for s in manifest.get("segments", []))
        loud = manifest.get("loudness") or {}
        loudness = (f"{loud['integrated']:.1f} LUFS, đỉnh {loud['true_peak']:.1f} dBTP"
                    if "integrated" in loud else "")
        return cls(str(path), duration_ms, manifest.get("title", ""), manifest.get("commune", ""),
                   manifest.get("engine", ""), (manifest.get("profile") or {}).get("name", ""),
                   loudness, cues)


def manifest_beside(mp3: Path) -> dict | None:
    """The build's manifest (same name, .json) next to the MP3, if there is a readable one."""
    path = mp3.with_suffix(".json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
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
