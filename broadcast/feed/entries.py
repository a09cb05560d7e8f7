"""A feed's bytes → its entries (feedparser), or a FeedProblem saying why the feed is skipped:
bad XML (feedparser's bozo), a wrong character encoding, or a web page instead of a feed."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from broadcast.errors import BroadcastError
from broadcast.script import words_hash

ATTACHMENT_SUFFIXES = (".docx", ".pdf")
# UTF-8 read as Latin-1/Windows-1252: "Thông" → "ThÃ´ng", "Ủy" → "á»¦y".
MOJIBAKE = re.compile(r"[ÃÄÆ][\u0080-\u00bf]|á[º»¼½]|â€")


class FeedProblem(BroadcastError):
    """A feed that cannot be trusted as a whole: reported and skipped."""


@dataclass(frozen=True)
class FeedEntry:
    key: str  # the guid, else the link, else a hash of the title
    title: str
    link: str
    categories: tuple[str, ...]
    published: dt.date | None
    html: str  # the entry's own content, else its description
    attachments: tuple[str, ...]  # .docx/.pdf linked from the entry
    fingerprint: str  # changes when anything we read of the entry changes


@dataclass(frozen=True)
class Feed:
    title: str
    entries: list[FeedEntry]


def parse(data: bytes, url: str, content_type: str = "") -> Feed:
    import feedparser

    if _looks_like_html(data):
        raise FeedProblem(f"'{url}' là một trang web (HTML), không phải nguồn tin RSS/Atom; "
                          "tìm địa chỉ RSS của cổng thông tin (thường có chữ rss).")
    # A feed served as text/html or text/plain is common and harmless: the body decides.
    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    # A file object, never a string: feedparser would open a string that names a file or URL.
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers,
                              sanitize_html=True, resolve_relative_uris=True)
    _check(parsed, url)
    entries = [_entry(item, url) for item in parsed.entries]
    titles = " ".join([parsed.feed.get("title", "")] + [e.title for e in entries])
    if MOJIBAKE.search(titles):
        raise FeedProblem(f"Nguồn tin '{url}' sai mã hóa ký tự (chữ Việt bị lỗi, ví dụ "
                          f"'{MOJIBAKE.search(titles)[0]}'); báo cho nơi quản trị trang.")
    return Feed(parsed.feed.get("title", ""), entries)


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _check(parsed, url: str) -> None:
    import feedparser

    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(problem, feedparser.NonXMLContentType):
        problem = None
    encoding = (feedparser.CharacterEncodingOverride, feedparser.CharacterEncodingUnknown)
    if isinstance(problem, encoding):
        raise FeedProblem(f"Nguồn tin '{url}' khai báo sai mã hóa ký tự ({problem}); "
                          "bỏ qua để khỏi đọc sai chữ Việt. Báo cho nơi quản trị trang.")
    if problem is not None:
        raise FeedProblem(f"Nguồn tin '{url}' lỗi cú pháp XML ({_short(problem)}): có thể bị "
                          "cắt ngang hoặc hỏng; bỏ qua lần này.")
    if not parsed.get("version"):
        raise FeedProblem(f"'{url}' không phải nguồn tin RSS hay Atom.")


def _short(exc: Exception) -> str:
    return " ".join(str(exc).split())[:160] or type(exc).__name__


def _entry(item, feed_url: str) -> FeedEntry:
    title = " ".join(item.get("title", "").split())
    link = item.get("link", "")
    html = _html_of(item)
    attachments = tuple(dict.fromkeys(_attachments(item, html, link or feed_url)))
    key = item.get("id") or link or "title:" + words_hash(title)
    categories = tuple(t.get("term", "") for t in item.get("tags", []) if t.get("term"))
    seen = {"title": title, "link": link, "html": html, "attachments": attachments,
            "updated": item.get("updated", "") if "updated" in item else ""}
    return FeedEntry(key=key, title=title, link=link, categories=categories,
                     published=_date(item), html=html, attachments=attachments,
                     fingerprint=words_hash(json.dumps(seen, ensure_ascii=False, sort_keys=True)))


def _html_of(item) -> str:
    contents = [c.get("value", "") for c in item.get("content", []) if c.get("value")]
    return max(contents, key=len) if contents else item.get("summary", "")


def _attachments(item, html: str, base: str):
    for link in item.get("links", []):
        if link.get("rel") == "enclosure" or is_attachment(link.get("href", "")):
            yield link.get("href", "")
    yield from attachment_links(html, base)


def is_attachment(url: str) -> bool:
    return urlsplit(url).path.lower().endswith(ATTACHMENT_SUFFIXES)


def attachment_links(html: str | bytes, base: str) -> list[str]:
    """The .docx/.pdf links of a page or an entry's HTML, absolute, in page order."""
    import lxml.html

    if not html or not (html.strip() if isinstance(html, str) else html.strip()):
        return []
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    hrefs = (urljoin(base, href.strip()) for href in tree.xpath("//a/@href"))
    return list(dict.fromkeys(h for h in hrefs if is_attachment(h)))


def _date(item) -> dt.date | None:
    parsed = item.get("published_parsed") or item.get("updated_parsed")
    return dt.date(*parsed[:3]) if parsed else None
