"""Which text of a feed entry is the notice: the entry's own content when it is the whole
notice, else the linked page's main text, else a .docx/.pdf attached to the entry or the page."""

from __future__ import annotations

import hashlib
import html as htmlmod
import logging
from collections.abc import Callable
from urllib.parse import urlsplit

from broadcast import sources
from broadcast.errors import BroadcastError
from broadcast.feed.entries import FeedEntry, attachment_links
from broadcast.feed.fetch import Fetched

log = logging.getLogger(__name__)

# A notice is a few hundred words; a portal's teaser (NukeViet's hometext) a few dozen.
MIN_NOTICE_WORDS = 80
Getter = Callable[[str], Fetched]


def notice_of(entry: FeedEntry, get: Getter) -> sources.SourceText:
    """The entry's notice as text, named by its link (what the script's front matter shows)."""
    name = entry.link or entry.key
    short = _entry_text(entry, name)
    if _words(short) >= MIN_NOTICE_WORDS:
        return short
    attachments = list(entry.attachments)
    if entry.link and entry.link not in attachments:
        page = get(entry.link)
        text = _page_text(page, name)
        if text is not None and (text.format != "html" or _words(text) >= MIN_NOTICE_WORDS):
            return text
        short = max((short, text), key=_words)
        attachments += attachment_links(page.data, page.url)
    for url in attachments:
        got = get(url)
        text = sources.read_data(got.data, url, _suffix(url))
        if _words(text) >= MIN_NOTICE_WORDS or not _words(short):
            return text
    if _words(short):
        log.debug("%s: only %d words found, used as they are", name, _words(short))
        return short
    raise BroadcastError(f"Không tìm thấy nội dung văn bản của mục '{entry.title}': mục không "
                         "có nội dung, trang liên kết không có bài viết, không có tệp đính kèm "
                         ".docx/.pdf.")


def _entry_text(entry: FeedEntry, name: str) -> sources.SourceText | None:
    if not entry.html.strip():
        return None
    page = (f"<html><head><title>{htmlmod.escape(entry.title)}</title></head>"
            f"<body><article>{entry.html}</article></body></html>")
    try:
        return sources.read_data(page.encode("utf-8"), name, ".html")
    except BroadcastError:  # a teaser of an image and a few words
        return None


def _page_text(page: Fetched, name: str) -> sources.SourceText | None:
    """The linked page's text: a document when the link is one, else the article's main text
    (None when the page has no article, only menus and links)."""
    suffix = _suffix(page.url)
    try:
        return sources.read_data(page.data, name,
                                 suffix if suffix in sources.READERS else ".html")
    except BroadcastError:
        if sources.sniff(page.data) in (".pdf", ".docx"):
            raise
        return None


def _suffix(url: str) -> str:
    path = urlsplit(url).path.lower()
    return path[path.rfind("."):] if "." in path.rsplit("/", 1)[-1] else ""


def _words(text: sources.SourceText | None) -> int:
    return len(text.text.split()) if text is not None else 0


def content_hash(text: sources.SourceText) -> str:
    """What changes when the notice changes: its words, whitespace-insensitive."""
    return hashlib.sha256(" ".join(text.text.split()).encode("utf-8")).hexdigest()[:16]
