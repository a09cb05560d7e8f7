"""Which text of a feed entry is the notice: the entry's own content when it is the whole
notice, else the linked page's main text, else a .docx/.pdf attached to the entry or the page."""

from __future__ import annotations

import html as htmlmod
from collections.abc import Callable
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from broadcast import sources
from broadcast.errors import BroadcastError
from broadcast.feed.entries import FeedEntry, attachment_links
from broadcast.feed.fetch import Fetched, check_source
from broadcast.script import words_hash

# A notice is a few hundred words; a portal's teaser (NukeViet's hometext) a few dozen.
MIN_NOTICE_WORDS = 60
Getter = Callable[[str], Fetched]


def notice_of(entry: FeedEntry, get: Getter) -> sources.SourceText:
    """The entry's notice as text, named by its link (what the script's front matter shows).
    A text shorter than a notice (a teaser, a page of menus) is never built: it is an error
    that says what was found, and the entry is tried again later."""
    name = entry.link or entry.key
    found = [_entry_text(entry, name)]
    if _words(found[-1]) >= MIN_NOTICE_WORDS:
        return found[-1]
    attachments = list(entry.attachments)
    if entry.link and entry.link not in attachments:
        check_source(entry.link)  # an ftp:// link is refused, never read as a file name
        page = get(entry.link)
        found.append(_page_text(page, name))
        if found[-1] is not None and (found[-1].format != "html"
                                      or _words(found[-1]) >= MIN_NOTICE_WORDS):
            return found[-1]
        attachments += attachment_links(page.data, page.url)
    if attachments:
        return _first_readable(attachments, get)
    most = max(_words(text) for text in found)
    raise BroadcastError(f"Không tìm thấy nội dung văn bản của mục '{entry.title}': chỉ có "
                         f"{most} chữ (tóm tắt hoặc trang không có bài), không có tệp đính kèm "
                         ".docx/.pdf.")


def _first_readable(urls: list[str], get: Getter) -> sources.SourceText:
    """The first attachment that downloads and reads (a scanned PDF may come with a .docx)."""
    problems = []
    for url in urls:
        try:
            check_source(url)
            return sources.read_data(get(url).data, url, _suffix(url))
        except BroadcastError as exc:
            problems.append(exc)
    raise problems[0]


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
    return PurePosixPath(urlsplit(url).path).suffix.lower()


def _words(text: sources.SourceText | None) -> int:
    return len(text.text.split()) if text is not None else 0


def content_hash(text: sources.SourceText) -> str:
    """What changes when the notice changes: its words, whitespace-insensitive."""
    return words_hash(text.text)
