"""Content-addressed cache of synthesized segments: (engine, voice, settings, text) → audio.

Each entry is two files named by the SHA-256 of its key: ``<key>.audio`` (the engine's bytes as
returned) and ``<key>.json`` (format, sample rate, channels, size and SHA-256 of those bytes).
An entry whose metadata is missing or unreadable, or whose bytes do not match, is corrupt: it
is deleted and reported as a miss, so the segment is synthesized again. Files are written under
a temporary name and renamed, so a crash never leaves a half-written entry that looks whole.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from broadcast.errors import BroadcastError
from broadcast.tts import Audio

log = logging.getLogger(__name__)

# Bump when the meaning of cached bytes changes (e.g. an engine's output format).
CACHE_VERSION = 1


def default_dir() -> Path:
    """$BROADCAST_CACHE, else the user's cache folder (platformdirs) + /segments."""
    override = os.environ.get("BROADCAST_CACHE")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("broadcast", appauthor=False)) / "segments"


def cache_key(engine: str, voice: str, settings: dict, text: str) -> str:
    """The SHA-256 of everything that changes the sound of one segment."""
    material = json.dumps({"v": CACHE_VERSION, "engine": engine, "voice": voice,
                           "settings": settings, "text": text},
                          sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CacheInfo:
    folder: Path
    entries: int
    size_bytes: int


class SegmentCache:
    """Thread-safe: entries are written to unique temporary files and renamed into place."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder else default_dir()

    def _paths(self, key: str) -> tuple[Path, Path]:
        shard = self.folder / key[:2]
        return shard / f"{key}.audio", shard / f"{key}.json"

    def get(self, key: str) -> Audio | None:
        data_path, meta_path = self._paths(key)
        if not meta_path.exists():  # never stored, or being stored right now (meta goes last)
            return None
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            data = data_path.read_bytes()
            if len(data) != meta["size"] or hashlib.sha256(data).hexdigest() != meta["sha256"]:
                raise ValueError("content does not match its checksum")
            return Audio(data, meta["format"], int(meta["sample_rate"]), int(meta["channels"]))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("cache entry %s is corrupt (%s); it will be synthesized again", key, exc)
            self._remove(key)
            return None

    def put(self, key: str, audio: Audio) -> None:
        data_path, meta_path = self._paths(key)
        meta = {"format": audio.format, "sample_rate": audio.sample_rate,
                "channels": audio.channels, "size": len(audio.data),
                "sha256": hashlib.sha256(audio.data).hexdigest()}
        try:
            data_path.parent.mkdir(parents=True, exist_ok=True)
            _write_atomic(data_path, audio.data)
            _write_atomic(meta_path, json.dumps(meta).encode("utf-8"))
        except OSError as exc:  # a full or read-only disk must not fail the build
            log.warning("could not store cache entry %s: %s", key, exc)

    def _remove(self, key: str) -> None:
        for path in self._paths(key):
            path.unlink(missing_ok=True)

    def own_files(self) -> list[Path]:
        """The cache's own files: entries and their temporary files, in their shard folders
        (anything else in the folder is not the cache's and is left alone)."""
        if not self.folder.is_dir():
            return []
        return [p for p in self.folder.glob("*/*") if SHARD.fullmatch(p.parent.name)
                and (ENTRY.fullmatch(p.name) or TEMP.fullmatch(p.name)) and p.is_file()
                and p.name[:2] in (p.parent.name, ".t")]

    def info(self) -> CacheInfo:
        files = self.own_files()
        entries = sum(p.suffix == ".json" and not p.name.startswith(".") for p in files)
        return CacheInfo(self.folder, entries, sum(_size(p) for p in files))

    def clear(self) -> CacheInfo:
        """Delete every entry (and nothing else); returns what was deleted."""
        files = self.own_files()
        entries = sum(p.suffix == ".json" and not p.name.startswith(".") for p in files)
        size = 0
        try:
            for path in files:
                size += _size(path)
                path.unlink(missing_ok=True)
        except OSError as exc:
            raise BroadcastError(
                f"Không xóa được bộ nhớ đệm '{self.folder}': {exc.strerror or exc}."
            ) from exc
        for shard in {p.parent for p in files}:
            with contextlib.suppress(OSError):
                shard.rmdir()  # only when empty
        return CacheInfo(self.folder, entries, size)


SHARD = re.compile(r"[0-9a-f]{2}")
ENTRY = re.compile(r"[0-9a-f]{64}\.(?:audio|json)")
TEMP = re.compile(r"\.tmp-[^/]*\.(?:audio|json)")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
