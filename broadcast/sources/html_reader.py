"""Reader for web pages (.html): the main text of a portal article, not its menus or footer.

Extraction is trafilatura's (precision/recall tuned for news and portal pages); we keep its
Markdown (lists, bold) and put the article's title first, as a document's trích yếu.
"""

from __future__ import annotations

import re

from broadcast.errors import BroadcastError

FORMAT = "html"
SUFFIXES = (".html", ".htm")
MIN_WORDS = 8
MARKDOWN_ESCAPE = re.compile(r"\\([\\.\-*_#\[\]()+!])")


def read(data: bytes, name: str) -> str:
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a dependency, but say so if missing
        raise BroadcastError("Cần gói trafilatura để đọc trang web (pip install trafilatura).") \
            from exc
    body = trafilatura.extract(data, output_format="markdown", include_formatting=True,
                               favor_recall=True, include_comments=False, include_tables=True)
    if not body or len(body.split()) < MIN_WORDS:
        raise BroadcastError(f"Không tìm thấy nội dung bài viết trong trang '{name}'.")
    body = MARKDOWN_ESCAPE.sub(r"\1", body)
    body = re.sub(r"^#\s+", "", body.lstrip())  # the article's h1 is its title, not a section
    metadata = trafilatura.extract_metadata(data)
    title = (metadata.title or "").strip() if metadata else ""
    if title and title not in body[: len(title) + 200]:
        body = f"{title}\n\n{body}"
    return body
