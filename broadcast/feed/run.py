"""One run over the feeds: read each feed (conditionally), decide per entry from the state
what to do, fetch the notice, build it as a draft, and record the outcome. One failing feed or
entry never stops the others; the Report says what happened to each."""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from broadcast.errors import BroadcastError
from broadcast.feed import entries as feeds
from broadcast.feed import leftover
from broadcast.feed.content import Getter, content_hash, notice_of
from broadcast.feed.fetch import (
    Fetched,
    FetchSettings,
    check_source,
    fetch,
    is_web_address,
    too_big,
)
from broadcast.feed.lock import RunLock
from broadcast.feed.state import BUILDING, BUILT, FAILED, SKIPPED, EntryRow, FeedCopy, State
from broadcast.sources import SourceText

log = logging.getLogger(__name__)

DEFAULT_MATCH = r"thông báo|kết luận|kế hoạch|công văn|chỉ thị|quyết định"
STATE_NAME = "feed.sqlite3"
BACKOFF = dt.timedelta(minutes=15)  # after the first failure; doubles, up to a day
BACKOFF_CAP = dt.timedelta(days=1)

# Outcomes of one entry in one run. "unchanged": built before and still the same;
# "waiting": failed before, its next try is later; "would-build": what --dry-run would do.
OUTCOMES = ("built", "failed", "skipped", "unchanged", "waiting", "would-build")

Builder = Callable[[SourceText, int], tuple[int, dict[str, str]]]
Say = Callable[[str], None]


@dataclass
class FeedOptions:
    out_dir: Path = Path("audio_out")
    state_file: Path | None = None  # None: feed.sqlite3 in the output folder
    match: str = DEFAULT_MATCH
    since: dt.date | None = None
    dry_run: bool = False
    retry_now: bool = False  # retry failed entries without waiting for their backoff
    wait: bool = False  # wait for another run's lock instead of stopping
    fetch: FetchSettings = field(default_factory=FetchSettings)

    @property
    def state_path(self) -> Path:
        return self.state_file or Path(self.out_dir) / STATE_NAME


@dataclass
class EntryResult:
    feed: str
    key: str
    title: str
    link: str
    outcome: str
    reason: str = ""
    version: int = 0
    attempts: int = 0
    outputs: dict[str, str] = field(default_factory=dict)
    seen_before: bool = False  # skipped the same way in an earlier run (the table leaves it out)


@dataclass
class FeedResult:
    source: str
    outcome: str  # read, unchanged (304), empty, failed
    message: str = ""
    entries: int = 0


@dataclass
class Report:
    feeds: list[FeedResult] = field(default_factory=list)
    entries: list[EntryResult] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(f.outcome == "failed" for f in self.feeds) or any(
            e.outcome == "failed" for e in self.entries)

    def counts(self) -> dict[str, int]:
        return {name: sum(e.outcome == name for e in self.entries) for name in OUTCOMES}

    def to_dict(self) -> dict:
        return {"feeds": [asdict(f) for f in self.feeds],
                "entries": [asdict(e) for e in self.entries],
                "counts": self.counts(), "failed": self.failed}


def compile_match(text: str) -> re.Pattern:
    try:
        return re.compile(unicodedata.normalize("NFC", text), re.IGNORECASE)
    except re.error as exc:
        raise BroadcastError(f"--match '{text}' không phải biểu thức chính quy hợp lệ ({exc}). "
                             "Ví dụ: --match \"thông báo|kế hoạch\".") from exc


def run(sources: list[str], options: FeedOptions, builder: Builder,
        now: dt.datetime | None = None, say: Say | None = None) -> Report:
    """Every feed in turn, under the lock (a dry run only reads, and takes no lock)."""
    now, say = now or dt.datetime.now(), say or log.info
    pattern = compile_match(options.match)
    path = options.state_path
    if options.dry_run:
        state = State(path, read_only=True) if path.exists() else None
        try:
            return _run_all(sources, options, pattern, state, builder, now, say)
        finally:
            if state is not None:
                state.close()
    with RunLock(path, options.wait, say), State(path) as state:
        return _run_all(sources, options, pattern, state, builder, now, say)


def _run_all(sources, options, pattern, state, builder, now, say) -> Report:
    report = Report()
    for source in sources:
        say(f"Đang đọc nguồn tin {source} …")
        result, feed, getter = read_feed(source, state, options, now)
        report.feeds.append(result)
        if feed is not None:
            doing = EntryRun(result.source, state, options, pattern, builder, getter, now, say)
            report.entries += [doing.one(entry) for entry in feed.entries]
    return report


def unexpected(exc: Exception) -> str:
    return (f"lỗi ngoài dự kiến ({type(exc).__name__}: {exc}); chạy lại với --debug và báo cho "
            "nhóm phát triển")


# ---------------------------------------------------------------- feeds


def feed_key(source: str) -> str:
    return source if is_web_address(source) else str(_local_path(source).resolve())


def read_feed(source: str, state: State | None, options: FeedOptions,
              now: dt.datetime) -> tuple[FeedResult, feeds.Feed | None, Getter | None]:
    """The feed's entries, or a failed FeedResult saying why it is skipped this time."""
    key = feed_key(source)
    try:
        check_source(source)  # ftp:// and other schemes: one line, never read as a file name
        if is_web_address(source):
            feed, outcome = _download_feed(source, state, options, now)
            getter = _web_getter(options.fetch)
        else:
            path = _local_path(source)
            feed = _local_links(feeds.parse(_read_local(path), path.resolve().as_uri()))
            outcome, getter = "read", _local_getter(options.fetch)
    except BroadcastError as exc:
        return FeedResult(key, "failed", exc.message), None, None
    except Exception as exc:  # a bug with one feed must not stop the others
        log.debug("reading %s failed", source, exc_info=True)  # traceback: --debug only
        return FeedResult(key, "failed", unexpected(exc)), None, None
    if not feed.entries:
        return FeedResult(key, "empty", "nguồn tin không có mục nào."), None, None
    said = "không đổi từ lần trước" if outcome == "unchanged" else "đã tải"
    return (FeedResult(key, outcome, f"{len(feed.entries)} mục ({said}).", len(feed.entries)),
            feed, getter)


def _download_feed(source: str, state: State | None, options: FeedOptions,
                   now: dt.datetime) -> tuple[feeds.Feed, str]:
    """A conditional GET: an unchanged feed (304) is read from the last good copy, and only a
    copy that parses is kept."""
    copy = state.feed_copy(source) if state is not None else None
    if copy is not None and not copy.body:
        copy = None
    got = fetch(source, options.fetch, copy.etag if copy else "",
                copy.last_modified if copy else "")
    if got.not_modified and copy is not None:
        return feeds.parse(copy.body, copy.url or source, copy.content_type), "unchanged"
    if got.not_modified:  # a 304 to a request without validators: the server is confused
        got = fetch(source, options.fetch)
    feed = feeds.parse(got.data, got.url, got.content_type)
    if state is not None and not options.dry_run:
        state.save_feed(FeedCopy(source, got.data, got.content_type, got.url, got.etag,
                                 got.last_modified), now)
    return feed, "read"


def _local_path(source: str) -> Path:
    """A path, or a file: URL (feedparser writes 'file:///tmp/a' resolved as 'file://tmp/a',
    and 'file:///C:/a' as 'file://C:/a')."""
    if not source.lower().startswith("file:"):
        return Path(source)
    parts = urlsplit(source)
    host = "" if parts.netloc.lower() in ("", "localhost") else parts.netloc
    if host and not host.endswith(":"):
        host = "/" + host
    return Path(url2pathname(host + parts.path))


def _local_links(feed: feeds.Feed) -> feeds.Feed:
    def fixed(url: str) -> str:
        return _local_path(url).resolve().as_uri() if url.lower().startswith("file:") else url

    return replace(feed, entries=[
        replace(e, link=fixed(e.link), attachments=tuple(fixed(a) for a in e.attachments))
        for e in feed.entries])


def _read_local(path: Path) -> bytes:
    if not path.is_file():
        raise BroadcastError(f"Không tìm thấy tệp nguồn tin '{path}' (cần địa chỉ http:// hoặc "
                             "https://, hoặc đường dẫn tệp RSS/Atom trên máy).")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise BroadcastError(f"Không đọc được tệp nguồn tin '{path}': {exc.strerror}.") from exc


def _web_getter(settings: FetchSettings) -> Getter:
    """Links in a feed from the internet: http and https only."""
    return lambda url: fetch(url, settings)


def _local_getter(settings: FetchSettings) -> Getter:
    """Links in a feed file on this computer may also name files beside it."""
    def get(url: str) -> Fetched:
        if is_web_address(url):
            return fetch(url, settings)
        path = _local_path(url)
        data = _read_local(path)
        if len(data) > settings.max_bytes:
            raise too_big(str(path), settings)
        return Fetched(path.resolve().as_uri(), data)
    return get


# ---------------------------------------------------------------- entries


def backoff(attempts: int) -> dt.timedelta:
    return min(BACKOFF * 2 ** max(attempts - 1, 0), BACKOFF_CAP)


@dataclass
class EntryRun:
    """Deciding and doing, entry by entry, for one feed."""

    feed: str
    state: State | None
    options: FeedOptions
    pattern: re.Pattern
    builder: Builder
    get: Getter
    now: dt.datetime
    say: Say
    seen: set[str] = field(default_factory=set)

    def one(self, entry: feeds.FeedEntry) -> EntryResult:
        if entry.key in self.seen:
            return self._result(entry, "skipped", "trùng mã (guid) với một mục trước đó trong "
                                "cùng nguồn tin")
        self.seen.add(entry.key)
        row = self.state.entry(self.feed, entry.key) if self.state is not None else None
        reason = self._filtered(entry)
        if reason:
            if row is None and not self.options.dry_run:
                self._save(EntryRow(self.feed, entry.key, entry.title, entry.link,
                                    entry.fingerprint, status=SKIPPED, error=reason))
            result = self._result(entry, "skipped", reason)
            result.seen_before = row is not None and row.status == SKIPPED and row.error == reason
            return result
        early = self._settled(entry, row)
        if early is not None:
            return early
        if self.options.dry_run:
            return self._result(entry, "would-build", "mới" if row is None else "có thay đổi")
        try:
            return self._build(entry, row)
        except BroadcastError as exc:
            return self._failed(entry, row, exc.message)
        except Exception as exc:  # a bug with one entry must not stop the others
            log.debug("building %s failed", entry.link or entry.key, exc_info=True)
            return self._failed(entry, row, unexpected(exc))

    def _filtered(self, entry: feeds.FeedEntry) -> str:
        text = unicodedata.normalize("NFC", " ".join((entry.title, *entry.categories)))
        if not self.pattern.search(text):
            return "không khớp mẫu lọc --match"
        since = self.options.since
        if since and entry.published and entry.published < since:
            return f"đăng ngày {entry.published:%d/%m/%Y}, trước --since"
        return ""

    def _settled(self, entry: feeds.FeedEntry, row: EntryRow | None) -> EntryResult | None:
        """An entry seen before and unchanged needs nothing (a failed one waits its turn)."""
        if row is None or row.fingerprint != entry.fingerprint:
            return None
        if row.status == BUILT or (row.status == SKIPPED and row.content_hash):
            return self._result(entry, "unchanged", f"đã dựng phiên bản {row.version}"
                                if row.status == BUILT else row.error, row)
        due = dt.datetime.fromisoformat(row.next_try) if row.next_try else self.now
        if row.status == FAILED and due > self.now and not self.options.retry_now:
            return self._result(entry, "waiting", f"lỗi lần trước: {row.error}; thử lại sau "
                                f"{due:%H:%M %d/%m} (hoặc thêm --retry)", row)
        return None

    def _build(self, entry: feeds.FeedEntry, row: EntryRow | None) -> EntryResult:
        self.say(f"Đang lấy và dựng: {entry.title}")
        text = notice_of(entry, self.get)
        digest = content_hash(text)
        base = row or EntryRow(self.feed, entry.key)
        base.title, base.link, base.fingerprint = entry.title, entry.link, entry.fingerprint
        if row is not None and row.version and row.content_hash == digest \
                and row.status != BUILDING:
            base.status, base.attempts, base.next_try, base.error = BUILT, 0, "", ""
            self._save(base)
            return self._result(entry, "unchanged", "mục có sửa nhưng nội dung văn bản không "
                                f"đổi; vẫn là phiên bản {row.version}", base)
        other = self.state.built_elsewhere(digest, self.feed, entry.key)
        if other is not None:
            base.status, base.content_hash = SKIPPED, digest
            base.error = f"trùng nội dung với bài đã dựng {other.get('script', '')}"
            self._save(base)
            return self._result(entry, "skipped", base.error)
        version, outputs = self._built(text, base, row)
        base.status, base.version, base.content_hash, base.outputs = BUILT, version, digest, outputs
        base.attempts, base.next_try, base.error = 0, "", ""
        self.state.record_build(base, self.now)
        return self._result(entry, "built", "phiên bản mới" if version > 1 else "", base)

    def _built(self, text: SourceText, base: EntryRow,
               row: EntryRow | None) -> tuple[int, dict[str, str]]:
        """Build the entry's next version, marked in progress until its outputs are in place.
        A version a stopped run was building is finished, or built again as that version."""
        version = self.state.last_version(self.feed, base.key) + 1
        if row is not None and row.status == BUILDING:
            done = leftover.settle(self.options.out_dir, text, version)
            if done is not None:
                return version, done
        self._save(replace(base, status=BUILDING, error=""))
        return self.builder(text, version)

    def _failed(self, entry: feeds.FeedEntry, row: EntryRow | None, message: str) -> EntryResult:
        base = row or EntryRow(self.feed, entry.key)
        base.attempts = (base.attempts if base.status == FAILED else 0) + 1
        base.title, base.link, base.fingerprint = entry.title, entry.link, entry.fingerprint
        base.status, base.error = FAILED, message
        retry = self.now + backoff(base.attempts)
        base.next_try = retry.isoformat(timespec="seconds")
        self._save(base)
        return self._result(entry, "failed", f"{message} (lần {base.attempts}; thử lại sau "
                            f"{retry:%H:%M %d/%m})", base)

    def _save(self, row: EntryRow) -> None:
        self.state.save_entry(row, self.now)

    def _result(self, entry: feeds.FeedEntry, outcome: str, reason: str,
                row: EntryRow | None = None) -> EntryResult:
        return EntryResult(self.feed, entry.key, entry.title, entry.link, outcome, reason,
                           row.version if row else 0, row.attempts if row else 0,
                           dict(row.outputs) if row else {})
