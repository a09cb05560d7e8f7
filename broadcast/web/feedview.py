"""The feed as the page shows it: the sources read before and what became of their entries,
read (read-only) from the state file `broadcast feed` keeps; "đọc nguồn tin ngay" runs the
same feed.run with the same draft builder as the command."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from broadcast.feed.state import State

# The state file's status of an entry, as the page says it.
STATUS = {"built": "Đã dựng", "failed": "Lỗi", "skipped": "Bỏ qua", "building": "Đang dựng"}


def outcome_label(outcome: str) -> str:
    """A run's outcome of an entry, in the words `broadcast feed` prints."""
    from broadcast.cli import FEED_LABELS

    return FEED_LABELS.get(outcome, outcome).capitalize()


@dataclass
class FeedView:
    sources: list[tuple[str, str]] = field(default_factory=list)  # (source, checked at)
    entries: list[dict] = field(default_factory=list)  # the latest first


def read(path: Path, limit: int = 40) -> FeedView:
    if not path.is_file():
        return FeedView()
    with State(path, read_only=True) as state:
        try:
            feeds = state.db.execute("SELECT source, checked_at FROM feeds ORDER BY source")
            rows = state.db.execute(
                "SELECT feed, title, status, version, error, outputs, updated_at FROM entries "
                "ORDER BY updated_at DESC LIMIT ?", (limit,))
            return FeedView(list(feeds), [_entry(*row) for row in rows])
        except sqlite3.Error:
            return FeedView()


def _entry(feed, title, status, version, error, outputs, updated) -> dict:
    return {"feed": feed, "title": title, "status": status, "version": version,
            "error": error, "outputs": json.loads(outputs or "{}"), "updated": updated}


def run_now(sources: list[str], options, progress) -> dict:
    """One `broadcast feed SOURCES` run; its report as the CLI's --json prints it."""
    from broadcast import feed as feeds
    from broadcast.config import require_commune
    from broadcast.pipeline import choose_engine

    require_commune(options.commune)
    feed_options = feeds.FeedOptions(out_dir=options.out_dir)
    builder = feeds.draft_builder(options, choose_engine(options))
    report = feeds.run(sources, feed_options, builder)
    return report.to_dict()
