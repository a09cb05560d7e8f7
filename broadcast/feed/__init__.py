"""Scheduled builds from the feeds of new notices (RSS 2.0, Atom): read each feed, fetch each
new notice, build it as a draft broadcast, remember what was done (SQLite), report.

``run`` does one pass; ``watch`` repeats it; ``draft_builder`` is how an entry's notice
becomes a draft script and a draft MP3 through the pipeline.
"""

from __future__ import annotations

from broadcast.feed.build import draft_builder
from broadcast.feed.fetch import FetchSettings
from broadcast.feed.run import DEFAULT_MATCH, FeedOptions, Report, compile_match, run
from broadcast.feed.watch import parse_interval, watch

__all__ = ["DEFAULT_MATCH", "FeedOptions", "FetchSettings", "Report", "compile_match",
           "draft_builder",
           "parse_interval", "run", "watch"]
