"""PDF with a text layer: a notice laid out as Word prints it (two-column header flattened into
one line, wrapped lines, page breaks) parses like its Markdown."""

import textwrap

import pytest

from broadcast import document, sources
from broadcast.errors import BroadcastError
from broadcast.sources.pdf_reader import reflow
from tests.conftest import assert_parses_like, corpus_file
from tests.pdfmaker import make_pdf

HEADER = [
    "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "HUYỆN ĐỨC THỌ Độc lập - Tự do - Hạnh phúc",
    "Số: /UBND-NV Đức Thọ, ngày tháng 10 năm 2023",
    "V/v đơn đốc thực hiện hoàn thành kế",
    "hoạch cải cách hành chính năm 2023",
]


def printed_lines(markdown: str) -> list[str]:
    paras = document.paragraphs(markdown)
    start = next(i for i, p in enumerate(paras) if p.text.startswith("Kính gửi"))
    lines = list(HEADER)
    for para in paras[start:]:
        for line in para.lines:
            lines += textwrap.wrap(line, 95) or [""]
    return lines


def test_pdf_of_a_corpus_notice_parses_like_the_markdown(tmp_path):
    md = corpus_file("cong-van-don-doc-duc-tho-2023.md")
    lines = printed_lines(md.read_text(encoding="utf-8"))
    pages = [lines[i: i + 50] for i in range(0, len(lines), 50)]
    path = tmp_path / "cong-van.pdf"
    path.write_bytes(make_pdf(pages))
    from_pdf = assert_parses_like(path, md, "pdf")
    assert from_pdf.issuer == "ỦY BAN NHÂN DÂN HUYỆN ĐỨC THỌ"


def test_scanned_pdf_needs_ocr(tmp_path):
    path = tmp_path / "ban-quet.pdf"
    path.write_bytes(make_pdf([[], []]))
    with pytest.raises(BroadcastError, match="ban-quet.pdf.*OCR"):
        sources.read(path)


def test_broken_pdf_is_a_user_error(tmp_path):
    path = tmp_path / "hong.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not a pdf body")
    with pytest.raises(BroadcastError, match="hong.pdf"):
        sources.read(path)


@pytest.mark.parametrize(("lines", "expected"), [
    # a line as long as the longest was wrapped: it goes on with a space
    (["Tăng cường công tác tuyên truyền, kịp thời đăng", "tải các nội dung."],
     "Tăng cường công tác tuyên truyền, kịp thời đăng tải các nội dung."),
    (["Câu một dài kết thúc ở giữa dòng thôi nhé.", "Kết.", "Câu hai mở đầu."],
     "Câu một dài kết thúc ở giữa dòng thôi nhé. Kết.\n\nCâu hai mở đầu."),
    (["Một dòng rất dài được ngắt vì hết chỗ và kết thúc câu.", "Câu sau vẫn cùng đoạn.",
      "Một dòng rất dài được ngắt vì hết chỗ và hết đoạn văn", "ở đây."],
     "Một dòng rất dài được ngắt vì hết chỗ và kết thúc câu. Câu sau vẫn cùng đoạn.\n\n"
     "Một dòng rất dài được ngắt vì hết chỗ và hết đoạn văn ở đây."),
    # a short line inside a paragraph (a title over the text) keeps its line break
    (["Về việc tổ chức Tết Trồng cây", "Thực hiện Kế hoạch số 12/KH-UBND ngày 3/1/2025 của UBND "
      "huyện về việc tổ chức Tết trồng cây", "đời đời nhớ ơn Bác Hồ, UBND xã thông báo:"],
     "Về việc tổ chức Tết Trồng cây\nThực hiện Kế hoạch số 12/KH-UBND ngày 3/1/2025 của UBND "
     "huyện về việc tổ chức Tết trồng cây đời đời nhớ ơn Bác Hồ, UBND xã thông báo:"),
    (["như sau:", "1. Việc một;", "- Ý nhỏ"], "như sau:\n\n1. Việc một;\n\n- Ý nhỏ"),
    (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Hoài Đức"],
     "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrần Hoài Đức"),
])
def test_reflow(lines, expected):
    assert reflow(lines) == expected
