"""What the feed has done, in SQLite: one row per feed (its last good copy and the validators
for a conditional GET), one row per entry (feed + guid), and one row per version built."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from broadcast.errors import BroadcastError

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS feeds (
    source TEXT PRIMARY KEY, etag TEXT NOT NULL DEFAULT '', last_modified TEXT NOT NULL
    DEFAULT '', body BLOB, content_type TEXT NOT NULL DEFAULT '', url TEXT NOT NULL DEFAULT '',
    checked_at TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS entries (
    feed TEXT NOT NULL, key TEXT NOT NULL, title TEXT NOT NULL DEFAULT '',
    link TEXT NOT NULL DEFAULT '', fingerprint TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL DEFAULT '', status TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0,
    next_try TEXT NOT NULL DEFAULT '', outputs TEXT NOT NULL DEFAULT '{}',
    error TEXT NOT NULL DEFAULT '', first_seen TEXT NOT NULL, updated_at TEXT NOT NULL,
    PRIMARY KEY (feed, key));
CREATE TABLE IF NOT EXISTS builds (
    feed TEXT NOT NULL, key TEXT NOT NULL, version INTEGER NOT NULL,
    content_hash TEXT NOT NULL, outputs TEXT NOT NULL, built_at TEXT NOT NULL,
    PRIMARY KEY (feed, key, version));
CREATE INDEX IF NOT EXISTS builds_by_hash ON builds (content_hash);
"""
BUILT, FAILED, SKIPPED = "built", "failed", "skipped"
BUILDING = "building"  # recorded before a build starts; "built" only once its outputs are in place


@dataclass
class FeedCopy:
    """The last good copy of a feed, and what to send for a conditional GET."""

    source: str
    body: bytes = b""
    content_type: str = ""
    url: str = ""
    etag: str = ""
    last_modified: str = ""


@dataclass
class EntryRow:
    feed: str
    key: str
    title: str = ""
    link: str = ""
    fingerprint: str = ""
    content_hash: str = ""
    status: str = SKIPPED
    version: int = 0  # the last version built (0: none yet)
    attempts: int = 0  # failed attempts since the last success
    next_try: str = ""  # ISO time before which a failed entry waits
    outputs: dict[str, str] = field(default_factory=dict)  # of the last version built
    error: str = ""
    first_seen: str = ""


class State:
    """The state file. Every change is committed at once: a crash loses at most the entry
    being built."""

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = path
        try:
            if read_only:
                self.db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(path, timeout=30)
                self._migrate()
        except (sqlite3.Error, OSError) as exc:
            raise BroadcastError(f"Không mở được tệp trạng thái '{path}' ({exc}). Nếu tệp hỏng, "
                                 "đổi tên nó rồi chạy lại (các mục sẽ được dựng lại).") from exc

    def _migrate(self) -> None:
        (version,) = self.db.execute("PRAGMA user_version").fetchone()
        if version > SCHEMA_VERSION:
            raise sqlite3.DatabaseError(f"tệp của phiên bản mới hơn (lược đồ {version})")
        with self.db:
            self.db.executescript(SCHEMA)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> State:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------ feeds

    def feed_copy(self, source: str) -> FeedCopy | None:
        row = self.db.execute("SELECT body, content_type, url, etag, last_modified FROM feeds "
                              "WHERE source = ?", (source,)).fetchone()
        return FeedCopy(source, bytes(row[0] or b""), *row[1:]) if row else None

    def save_feed(self, copy: FeedCopy, now: dt.datetime) -> None:
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO feeds (source, etag, last_modified, body, content_type, "
                "url, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (copy.source, copy.etag, copy.last_modified, copy.body, copy.content_type,
                 copy.url, now.isoformat(timespec="seconds")))

    # ------------------------------------------------------------ entries

    def entry(self, feed: str, key: str) -> EntryRow | None:
        row = self.db.execute(
            "SELECT title, link, fingerprint, content_hash, status, version, attempts, "
            "next_try, outputs, error, first_seen FROM entries WHERE feed = ? AND key = ?",
            (feed, key)).fetchone()
        if row is None:
            return None
        *head, outputs, error, first_seen = row
        return EntryRow(feed, key, *head, outputs=json.loads(outputs), error=error,
                        first_seen=first_seen)

    def save_entry(self, row: EntryRow, now: dt.datetime) -> None:
        with self.db:
            self._upsert(row, now)

    def _upsert(self, row: EntryRow, now: dt.datetime) -> None:
        stamp = now.isoformat(timespec="seconds")
        self.db.execute(
            "INSERT OR REPLACE INTO entries (feed, key, title, link, fingerprint, "
            "content_hash, status, version, attempts, next_try, outputs, error, first_seen, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (row.feed, row.key, row.title, row.link, row.fingerprint, row.content_hash,
             row.status, row.version, row.attempts, row.next_try,
             json.dumps(row.outputs, ensure_ascii=False), row.error,
             row.first_seen or stamp, stamp))

    def record_build(self, row: EntryRow, now: dt.datetime) -> None:
        """The entry built as ``row.version``: its row and the version's own record, at once."""
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO builds (feed, key, version, content_hash, outputs, "
                "built_at) VALUES (?, ?, ?, ?, ?, ?)",
                (row.feed, row.key, row.version, row.content_hash,
                 json.dumps(row.outputs, ensure_ascii=False), now.isoformat(timespec="seconds")))
            self._upsert(row, now)

    def built_elsewhere(self, content_hash: str, feed: str, key: str) -> dict[str, str] | None:
        """The outputs of the same notice built from another entry (or another feed)."""
        row = self.db.execute(
            "SELECT outputs FROM builds WHERE content_hash = ? AND NOT (feed = ? AND key = ?) "
            "ORDER BY built_at DESC LIMIT 1", (content_hash, feed, key)).fetchone()
        return json.loads(row[0]) if row else None

    def last_version(self, feed: str, key: str) -> int:
        """The last version of the entry built (0: none)."""
        (version,) = self.db.execute("SELECT COALESCE(MAX(version), 0) FROM builds WHERE "
                                     "feed = ? AND key = ?", (feed, key)).fetchone()
        return int(version)

    def versions(self, feed: str, key: str) -> list[tuple[int, dict[str, str]]]:
        rows = self.db.execute("SELECT version, outputs FROM builds WHERE feed = ? AND key = ? "
                               "ORDER BY version", (feed, key)).fetchall()
        return [(version, json.loads(outputs)) for version, outputs in rows]
