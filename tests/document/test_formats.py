"""One notice, five formats: the .md, the .txt, a portal's .html page, a Word .docx and a PDF of
the same document give the same header, subject, signer and items.

The notice is written once (``NOTICE``, blocks separated by blank lines) and laid out as each
format prints it: Markdown with bold header parts; plain text; a portal page (menu, breadcrumb,
posting time, view counter and footer around an <article> whose header is a two-column table);
a .docx whose header and signature are two-column tables; a PDF whose two-column header is
flattened into lines as Word prints it, whose text is wrapped at about 90 characters and whose
trích yếu runs straight into the first paragraph (no blank line between them).
"""

from __future__ import annotations

import html
import textwrap

import pytest

from broadcast import document, sources
from tests.pdfmaker import make_pdf

NOTICE = """\
UBND HUYỆN HÒN ĐẤT
VĂN PHÒNG HĐND VÀ UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 215/TB-VP

Hòn Đất, ngày 12 tháng 3 năm 2025

THÔNG BÁO

Kết luận của Phó Chủ tịch UBND huyện Lâm Văn Tường tại cuộc họp về phòng, chống hạn hán,
xâm nhập mặn và bảo đảm nước sinh hoạt cho người dân vùng ven biển trong mùa khô năm 2025

Ngày 10/3/2025, Phó Chủ tịch UBND huyện Lâm Văn Tường chủ trì cuộc họp với Phòng Nông \
nghiệp và Phát triển nông thôn, Trung tâm Dịch vụ nông nghiệp huyện và UBND các xã ven biển \
về tình hình hạn hán, xâm nhập mặn. Sau khi nghe các đơn vị báo cáo, Phó Chủ tịch UBND huyện \
kết luận như sau:

1. UBND các xã Bình Sơn, Bình Giang, Thổ Sơn đo độ mặn tại các cống đầu kênh mỗi ngày, đóng \
cống khi độ mặn vượt 4 phần nghìn và báo cáo về Văn phòng HĐND và UBND huyện trước 16 giờ \
hằng ngày.

2. Phòng Nông nghiệp và Phát triển nông thôn hướng dẫn nông dân trữ nước ngọt trong ao, \
mương; khuyến cáo không xuống giống lúa vụ Hè Thu trước ngày 15/4/2025.

3. Đài Truyền thanh các xã, thị trấn phát thông báo này trên hệ thống loa ba lần mỗi ngày, \
vào lúc 6 giờ, 11 giờ và 17 giờ, đến hết ngày 30/4/2025.

Văn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị và UBND các xã, thị trấn biết, \
thực hiện./.

Nơi nhận:
- UBND các xã, thị trấn;
- Lưu: VT.

TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG

Nguyễn Thị Thu Hà
"""

(ISSUER, NATIONAL, NUMBER, PLACE_DATE, KIND, SUBJECT, PREAMBLE, *ITEMS, CLOSING, RECIPIENTS,
 SIGNATURE, NAME) = NOTICE.strip().split("\n\n")


def lines(block: str) -> list[str]:
    return block.splitlines()


# ---------------------------------------------------------------- what every format must give

EXPECTED = {
    "kind": "thong_bao",
    "number": "215",
    "symbol": "TB-VP",
    "issuer": "VĂN PHÒNG HĐND VÀ UBND",
    "issuer_parent": "UBND HUYỆN HÒN ĐẤT",
    "place": "Hòn Đất",
    "date": "2025-03-12",
    "subject": "Kết luận của Phó Chủ tịch UBND huyện Lâm Văn Tường tại cuộc họp về phòng, chống "
               "hạn hán, xâm nhập mặn và bảo đảm nước sinh hoạt cho người dân vùng ven biển "
               "trong mùa khô năm 2025",
}
EXPECTED_SIGNER = ("TL.", "CHÁNH VĂN PHÒNG", "Nguyễn Thị Thu Hà")
EXPECTED_ITEMS = ["1", "2", "3"]
# Words of the header, of the footer and of the portal page: never in the text read aloud.
NOT_CONTENT = ("CỘNG HÒA", "Độc lập", "Số:", "215/TB-VP", "Hòn Đất, ngày", "THÔNG BÁO",
               "Kính gửi", "Nơi nhận", "Lưu: VT", "CHÁNH VĂN PHÒNG", "Nguyễn Thị Thu Hà",
               "Lượt xem", "Trang chủ", "Giới thiệu", "Tin tức", "Văn bản chỉ đạo",
               "Thông báo - Chỉ đạo", "Bản quyền", "Cổng thông tin", "08:15")
# The page's own lines (html only): none may reach the Directive's content.
PAGE_LINES = ("Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản chỉ đạo",
              "Thông báo - Chỉ đạo điều hành", "Lượt xem: 123", "12/03/2025 08:15",
              "Bản quyền thuộc Văn phòng HĐND và UBND huyện Hòn Đất",
              "Điện thoại: 0297 3841 215")


# ---------------------------------------------------------------- the five layouts


def as_markdown() -> str:
    blocks = [f"**{ISSUER}**", f"**{NATIONAL}**", NUMBER, PLACE_DATE, f"## {KIND}",
              f"**{SUBJECT}**", PREAMBLE, *ITEMS, CLOSING, RECIPIENTS, f"**{SIGNATURE}**",
              f"**{NAME}**"]
    return "\n\n".join(blocks) + "\n"


def write_md(path):
    path.write_text(as_markdown(), encoding="utf-8")


def write_txt(path):
    path.write_text(NOTICE, encoding="utf-8")


def _cell(block_lines: list[str]) -> str:
    return "".join(f"<p>{html.escape(line)}</p>" for line in block_lines)


def write_html(path):
    """A district portal's article page, saved from the browser."""
    header = (
        "<table class='header'><tr>"
        f"<td>{_cell([*lines(ISSUER), NUMBER])}</td>"
        f"<td>{_cell([*lines(NATIONAL), PLACE_DATE])}</td>"
        "</tr></table>"
    )
    blocks = [" ".join(lines(block)) for block in (KIND, SUBJECT, PREAMBLE, *ITEMS, CLOSING)]
    text = "".join(f"<p>{html.escape(block)}</p>" for block in blocks)
    footer = (
        "<table class='signature'><tr>"
        f"<td>{_cell(lines(RECIPIENTS))}</td>"
        f"<td>{_cell([*lines(SIGNATURE), NAME])}</td>"
        "</tr></table>"
    )
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Thông báo kết luận về phòng, chống hạn hán, xâm nhập mặn - Cổng thông tin điện tử huyện \
Hòn Đất</title>
</head><body>
<header><div class="logo">CỔNG THÔNG TIN ĐIỆN TỬ HUYỆN HÒN ĐẤT</div>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>
<li><a href="/tin-tuc">Tin tức - Sự kiện</a></li>
<li><a href="/van-ban">Văn bản chỉ đạo</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Trang chủ</a> / <a href="/thong-bao">Thông báo - Chỉ đạo \
điều hành</a></div>
<main><article class="news-detail">
<div class="meta"><span class="date">12/03/2025 08:15</span>
<span class="views">Lượt xem: 123</span></div>
{header}
{text}
{footer}
</article></main>
<footer><p>Bản quyền thuộc Văn phòng HĐND và UBND huyện Hòn Đất</p>
<p>Điện thoại: 0297 3841 215</p></footer>
</body></html>
"""
    path.write_text(page, encoding="utf-8")


def write_docx(path):
    """As a clerk types it in Word: header and signature in two-column tables without
    borders, the items typed with their numbers."""
    docx = pytest.importorskip("docx")
    doc = docx.Document()

    def fill(cell, block_lines: list[str]):
        cell.paragraphs[0].add_run(block_lines[0]).bold = block_lines[0].isupper()
        for line in block_lines[1:]:
            cell.add_paragraph().add_run(line).bold = line.isupper() or line.startswith("Độc")

    header = doc.add_table(rows=1, cols=2)
    fill(header.cell(0, 0), [*lines(ISSUER), NUMBER])
    fill(header.cell(0, 1), [*lines(NATIONAL), PLACE_DATE])
    doc.add_paragraph().add_run(KIND).bold = True
    doc.add_paragraph().add_run(SUBJECT.replace("\n", " ")).bold = True
    for block in (PREAMBLE, *ITEMS, CLOSING):
        doc.add_paragraph(block)
    footer = doc.add_table(rows=1, cols=2)
    fill(footer.cell(0, 0), lines(RECIPIENTS))
    fill(footer.cell(0, 1), [*lines(SIGNATURE), "", NAME])
    doc.save(path)


def printed(left: list[str], right: list[str], width: int = 100) -> list[str]:
    """Two columns flattened into lines, as a PDF of a Word table gives them."""
    rows = max(len(left), len(right))
    left, right = left + [""] * (rows - len(left)), right + [""] * (rows - len(right))
    return [f"{a:<{width // 2}}{b}".rstrip() for a, b in zip(left, right, strict=True)]


def write_pdf(path):
    """The PDF a clerk exports: header flattened, text wrapped at about 90 characters, the
    trích yếu directly above the first paragraph."""
    out = printed([*lines(ISSUER), NUMBER], [*lines(NATIONAL), PLACE_DATE])
    out += ["", KIND, *lines(SUBJECT)]
    for block in (PREAMBLE, *ITEMS, CLOSING):
        out += textwrap.wrap(block, 90)
    out += ["", *lines(RECIPIENTS), "", *lines(SIGNATURE), "", "", NAME]
    path.write_bytes(make_pdf([out]))


WRITERS = {"md": write_md, "txt": write_txt, "html": write_html, "docx": write_docx,
           "pdf": write_pdf}
FORMATS = {"md": "text", "txt": "text", "html": "html", "docx": "docx", "pdf": "pdf"}


def parsed(fmt: str, tmp_path):
    path = tmp_path / f"thong-bao-215.{fmt}"
    WRITERS[fmt](path)
    source = sources.read(path)
    assert source.format == FORMATS[fmt]
    return document.parse(source)


def header_of(directive) -> dict:
    return {field: getattr(directive, field) for field in EXPECTED}


def signer_of(directive) -> tuple | None:
    signer = directive.signer
    return (signer.authority, signer.title, signer.name) if signer else None


def items_of(directive) -> list[str]:
    return [block.label for block in directive.body if block.type == "item"]


def content_of(directive) -> list[str]:
    """Everything of the Directive that is read aloud as the document's text."""
    return [*directive.preamble, *(b.text for b in document.walk(directive.body)),
            *(b.label for b in document.walk(directive.body)), directive.closing]


# ---------------------------------------------------------------- the tests

def formats(check: str) -> pytest.MarkDecorator:
    """All formats, one test each (``check`` names the field group, for the reader)."""
    return pytest.mark.parametrize("fmt", list(WRITERS))


def test_the_markdown_gives_the_expected_values(tmp_path):
    directive = parsed("md", tmp_path)
    assert header_of(directive) == EXPECTED
    assert signer_of(directive) == EXPECTED_SIGNER
    assert directive.signer.on_behalf == "CHỦ TỊCH"
    assert items_of(directive) == EXPECTED_ITEMS
    assert directive.preamble == [PREAMBLE.replace("\n", " ")]
    assert directive.closing == ("Văn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị "
                                 "và UBND các xã, thị trấn biết, thực hiện.")
    assert directive.recipients == ["UBND các xã, thị trấn", "Lưu: VT"]
    assert directive.addressees == []


KIND_NUMBER_PLACE_DATE = ("kind", "number", "symbol", "place", "date")


@formats("kind")
def test_kind_number_place_and_date(fmt, tmp_path):
    got, md = header_of(parsed(fmt, tmp_path)), header_of(parsed("md", tmp_path))
    expected = {field: EXPECTED[field] for field in KIND_NUMBER_PLACE_DATE}
    assert {field: got[field] for field in KIND_NUMBER_PLACE_DATE} == expected
    assert {field: md[field] for field in KIND_NUMBER_PLACE_DATE} == expected


@formats("issuer")
def test_issuer_over_two_lines_is_the_office_under_its_parent(fmt, tmp_path):
    directive, md = parsed(fmt, tmp_path), parsed("md", tmp_path)
    got = (directive.issuer, directive.issuer_parent)
    assert got == (md.issuer, md.issuer_parent) == (EXPECTED["issuer"], EXPECTED["issuer_parent"])


@formats("subject")
def test_subject(fmt, tmp_path):
    directive = parsed(fmt, tmp_path)
    assert directive.subject == parsed("md", tmp_path).subject == EXPECTED["subject"]
    assert directive.preamble[0].startswith("Ngày 10/3/2025, Phó Chủ tịch UBND huyện")


@formats("signer")
def test_signer(fmt, tmp_path):
    directive = parsed(fmt, tmp_path)
    assert signer_of(directive) == signer_of(parsed("md", tmp_path)) == EXPECTED_SIGNER
    assert directive.recipients == ["UBND các xã, thị trấn", "Lưu: VT"]


@formats("items")
def test_items(fmt, tmp_path):
    directive = parsed(fmt, tmp_path)
    assert len(directive.body) == len(parsed("md", tmp_path).body) == len(EXPECTED_ITEMS)
    assert items_of(directive) == EXPECTED_ITEMS
    assert directive.body[1].deadlines == ["2025-04-15"]


@formats("content")
def test_nothing_of_the_header_or_the_page_is_read_as_text(fmt, tmp_path):
    directive = parsed(fmt, tmp_path)
    content = content_of(directive)
    assert [(word, text) for word in NOT_CONTENT for text in content if word in text] == []
    assert directive.closing.endswith("biết, thực hiện.")


def test_the_portal_page_lines_are_not_the_document(tmp_path):
    directive = parsed("html", tmp_path)
    spoken = " ".join([directive.subject, *directive.addressees, *content_of(directive),
                       *directive.recipients])
    assert [line for line in PAGE_LINES if line in spoken] == []
