"""Adding a bài: the officer's file, pasted text or page address is kept as a file in the
output folder (van-ban/), then drafted exactly as `broadcast draft FILE` would."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from broadcast import document, sources
from broadcast.errors import BroadcastError
from broadcast.writers import slugify, staged

SOURCES_DIR = "van-ban"


@dataclass
class Understood:
    """What `broadcast parse` says of the document, and how drafting it went."""

    source: Path
    rows: list[tuple[str, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    dropped: list = field(default_factory=list)
    error: str = ""  # the line `draft` printed instead of a draft
    script: Path | None = None


def keep(folder: Path, name: str, data: bytes) -> Path:
    """The document's bytes under a safe, dated name in ``folder``; read-checked first (the
    CLI's size, format and archive limits), so nothing unreadable is kept."""
    stem, suffix = Path(name).stem, Path(name).suffix.lower()
    sources.read_data(data, name, suffix)  # same limits and messages as the CLI's reader
    suffix = sources.sniff(data) or suffix
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{stamp}-{slugify(stem, 50)}{suffix}"
    with staged(folder) as stage:
        stage(target.name).write_bytes(data)
    return target


def fetched_name(url: str, data: bytes) -> str:
    """A file name for a downloaded page or document."""
    path = PurePosixPath(urlsplit(url).path)
    suffix = sources.sniff(data) or (path.suffix.lower() if path.suffix.lower() in
                                     sources.READERS else ".html")
    return (path.stem or urlsplit(url).hostname or "trang-web") + suffix


def fetch_page(url: str) -> tuple[str, bytes]:
    from broadcast.feed.fetch import FetchSettings, check_address, fetch

    check_address(url.strip())
    got = fetch(url.strip(), FetchSettings())
    return fetched_name(got.url, got.data), got.data


def understand(path: Path, draft) -> Understood:
    """The parse summary of ``path`` (the CLI's parse), then ``draft(path)`` → script path."""
    from broadcast import cli

    directive = document.parse(sources.read(path))
    found = cli._found(directive)
    result = Understood(path, rows=[(label, value) for label, value in found if value],
                        missing=[label.lower() for label, value in found
                                 if not value and label in cli.EXPECTED],
                        dropped=list(directive.dropped))
    try:
        result.script = draft(path)
    except BroadcastError as exc:
        result.error = exc.message
    return result
