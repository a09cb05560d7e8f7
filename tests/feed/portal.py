"""A district portal in miniature, for pytest-httpserver: NukeViet-style RSS (CDATA
descriptions with a teaser image), Atom, article pages, .docx attachments — made from real-shaped
notices so every entry can go all the way to a broadcast."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import FIXTURES, ROOT

NOTICES = {
    "tiem-phong": FIXTURES / "cong-van-nho.txt",
    "quyet-dinh": FIXTURES / "quyet-dinh-xa.md",
    "chay-rung": ROOT / "examples" / "thong-bao-mau.md",
}


def notice_text(name: str) -> str:
    return NOTICES[name].read_text(encoding="utf-8").replace("**", "")


def paragraphs_html(text: str) -> str:
    blocks = [" ".join(b.split()) for b in text.split("\n\n") if b.strip()]
    return "".join(f"<p>{html.escape(b)}</p>" for b in blocks)


def article_page(title: str, body_html: str, links: str = "") -> str:
    """A portal article: header, menus and a sidebar around the article."""
    menu = "".join(f'<li><a href="/{n}">Mục {n}</a></li>' for n in range(8))
    return (f"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>"
            f"{html.escape(title)} - Cổng thông tin điện tử huyện An Hòa</title></head><body>"
            f"<header><nav><ul>{menu}</ul></nav></header><main><article><h1>"
            f"{html.escape(title)}</h1><div class=\"bodytext\">{body_html}</div>{links}"
            f"</article></main><aside><h3>Tin mới</h3><ul>{menu}</ul></aside>"
            f"<footer>Bản quyền thuộc UBND huyện An Hòa</footer></body></html>")


def docx_bytes(text: str, path: Path) -> bytes:
    import docx

    doc = docx.Document()
    for block in (b for b in text.split("\n\n") if b.strip()):
        doc.add_paragraph(" ".join(block.split()))
    doc.save(path)
    return path.read_bytes()


@dataclass
class Item:
    title: str
    link: str
    description: str = ""  # HTML, written inside CDATA like NukeViet does
    guid: str | None = None
    category: str = ""
    pub_date: str = "Mon, 03 Nov 2025 08:00:00 +0700"
    enclosure: str = ""


@dataclass
class Rss:
    items: list[Item] = field(default_factory=list)
    title: str = "Văn bản chỉ đạo điều hành - UBND huyện An Hòa"

    def xml(self) -> str:
        return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
                'xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
                f"<title>{html.escape(self.title)}</title><link>http://portal/</link>"
                "<description>Tin văn bản mới</description><language>vi</language>"
                "<generator>NukeViet v4.5</generator>"
                + "".join(_item(i) for i in self.items) + "</channel></rss>\n")


def _item(item: Item) -> str:
    guid = "" if item.guid is None else f'<guid isPermaLink="false">{item.guid}</guid>'
    category = f"<category>{html.escape(item.category)}</category>" if item.category else ""
    enclosure = (f'<enclosure url="{html.escape(item.enclosure)}" length="1" type="application/'
                 'vnd.openxmlformats-officedocument.wordprocessingml.document"/>'
                 if item.enclosure else "")
    return (f"<item><title>{html.escape(item.title)}</title><link>{html.escape(item.link)}</link>"
            f"{guid}{category}<description><![CDATA[{item.description}]]></description>"
            f"<pubDate>{item.pub_date}</pubDate>{enclosure}</item>")


def atom(entries: list[tuple[str, str, str, str]]) -> str:
    """(id, title, link, content html) → an Atom feed."""
    body = "".join(
        f"<entry><id>{html.escape(i)}</id><title>{html.escape(t)}</title>"
        f'<link href="{html.escape(link)}"/><updated>2025-11-03T08:00:00+07:00</updated>'
        f'<content type="html">{html.escape(content)}</content></entry>'
        for i, t, link, content in entries)
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>Thông báo - UBND tỉnh</title><id>urn:portal</id>"
            f"<updated>2025-11-03T08:00:00+07:00</updated>{body}</feed>\n")


TEASER = ('<a href="{link}"><img src="/uploads/news/thumb.jpg" width="100" alt="" '
          'align="left" border="0"></a>{words}')
