"""Reader for web pages (.html): the main text of a portal article, not its menus or footer.

Extraction is trafilatura's (precision/recall tuned for news and portal pages); we keep its
Markdown (lists, bold) and put the article's title first, as a document's trích yếu.
"""

from __future__ import annotations

import re

from broadcast.errors import BroadcastError
from broadcast.sources.limits import quiet_libraries
from broadcast.sources.text import unicode_encoding

FORMAT = "html"
SUFFIXES = (".html", ".htm")
MIN_WORDS = 8
LIBRARIES = ("trafilatura", "htmldate", "courlan", "justext", "lxml", "charset_normalizer")
MARKDOWN_ESCAPE = re.compile(r"\\([\\.\-*_#\[\]()+!])")


def read(data: bytes, name: str) -> str:
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a dependency, but say so if missing
        raise BroadcastError("Cần gói trafilatura để đọc trang web (pip install trafilatura).") \
            from exc
    found = unicode_encoding(data)
    page: bytes | str = data
    if found:  # Unicode said by a BOM (or UTF-16 without one): decoded here, not guessed
        codec, skip = found
        page = data[skip:].decode(codec, errors="replace")
    with quiet_libraries(*LIBRARIES):
        body = trafilatura.extract(page, output_format="markdown", include_formatting=True,
                                   favor_recall=True, include_comments=False,
                                   include_tables=True)
        metadata = trafilatura.extract_metadata(page) if body else None
    if not body or len(body.split()) < MIN_WORDS:
        raise BroadcastError(f"Không tìm thấy nội dung bài viết trong trang '{name}'.")
    body = MARKDOWN_ESCAPE.sub(r"\1", body).lstrip()
    heading, _, rest = body.partition("\n")
    if heading.startswith("# ") and has_own_header(rest):
        body = rest.lstrip()  # a page heading over a whole document: its own header names it
    body = re.sub(r"^#\s+", "", body)  # the article's h1 is its title, not a section
    title = (metadata.title or "").strip() if metadata else ""
    if title and title not in body[: len(title) + 200] and not has_own_header(body):
        body = f"{title}\n\n{body}"
    return body


HEADER_LINES = 6


def has_own_header(body: str) -> bool:
    """True when the article is a whole document with its own header ("ỦY BAN NHÂN DÂN …",
    "Số: …", "THÔNG BÁO"): the page's title put before it would hide that header from the
    document parser and be read aloud as the document's name."""
    lines = [line.strip("*_ ") for line in body.splitlines() if line.strip("*_ ")]
    return any(line.startswith("Số:") or (line.isupper() and len(line) > 3)
               for line in lines[:HEADER_LINES])
