"""A .docx made with python-docx from a corpus notice parses to the same Directive."""

import pytest

from broadcast import document, sources
from broadcast.errors import BroadcastError
from tests.conftest import assert_parses_like, corpus_file

docx = pytest.importorskip("docx")


def _cell(cell, lines):
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def word_file_from(markdown_path, out_path):
    """Header and signature as two-column tables, numbered items as Word's own numbering."""
    paras = [p.text for p in document.paragraphs(markdown_path.read_text(encoding="utf-8"))]
    doc = docx.Document()
    header = doc.add_table(rows=1, cols=2)
    _cell(header.rows[0].cells[0], ["ỦY BAN NHÂN DÂN", "HUYỆN ĐỨC THỌ", "Số: /UBND-NV",
                                     "V/v đơn đốc thực hiện hoàn thành kế hoạch cải cách hành "
                                     "chính năm 2023"])
    _cell(header.rows[0].cells[1], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                                     "Độc lập - Tự do - Hạnh phúc",
                                     "Đức Thọ, ngày tháng 10 năm 2023"])
    start = paras.index("Kính gửi:")
    end = paras.index("Nơi nhận:")
    for text in paras[start:end]:
        if text[:2].rstrip(".").isdigit() and text[1:3].startswith(". "):
            doc.add_paragraph(text.split(". ", 1)[1], style="List Number")
        else:
            run_text = text
            paragraph = doc.add_paragraph()
            paragraph.add_run(run_text).bold = text.endswith(":") and len(text) < 20
    footer = doc.add_table(rows=1, cols=2)
    _cell(footer.rows[0].cells[0], paras[end: paras.index("TM. ỦY BAN NHÂN DÂN CHỦ TỊCH")])
    _cell(footer.rows[0].cells[1], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Trần Hoài Đức"])
    doc.save(out_path)


def test_docx_of_a_corpus_notice_parses_like_the_markdown(tmp_path):
    md = corpus_file("cong-van-don-doc-duc-tho-2023.md")
    path = tmp_path / "cong-van.docx"
    word_file_from(md, path)
    assert_parses_like(path, md, "docx")


def test_word_numbering_letters_and_roman(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("KẾ HOẠCH")
    doc.add_paragraph("Tuyên truyền phòng chống dịch")
    doc.add_paragraph("Mục đích", style="List Number")
    doc.add_paragraph("Nâng cao nhận thức.", style="List Bullet")
    doc.add_paragraph("Tổ chức thực hiện", style="List Number")
    path = tmp_path / "kh.docx"
    doc.save(path)
    text = sources.read(path).text
    assert "1. Mục đích" in text and "2. Tổ chức thực hiện" in text
    assert "- Nâng cao nhận thức." in text
    directive = document.parse(sources.read(path))
    assert directive.kind == "ke_hoach"
    assert [b.label for b in directive.body] == ["1", "2"]


def test_broken_docx_is_a_user_error(tmp_path):
    path = tmp_path / "hong.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(BroadcastError, match="hong.docx.*Word"):
        sources.read(path)


def test_merged_table_cells_are_read_once(tmp_path):
    doc = docx.Document()
    table = doc.add_table(rows=2, cols=2)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "ỦY BAN NHÂN DÂN XÃ AN PHÚ"
    table.cell(1, 0).text = "Số: 3/TB-UBND"
    table.cell(1, 1).text = "An Phú, ngày 2 tháng 5 năm 2025"
    doc.add_paragraph("THÔNG BÁO")
    doc.add_paragraph("Lịch cắt điện tháng 5")
    doc.add_paragraph("1. Cắt điện thôn Đông từ 7h00 đến 11h00 ngày 10/5/2025.")
    path = tmp_path / "tb.docx"
    doc.save(path)
    text = sources.read(path).text
    assert text.count("ỦY BAN NHÂN DÂN XÃ AN PHÚ") == 1
    directive = document.parse(sources.read(path))
    assert (directive.issuer, directive.number, directive.date) == (
        "ỦY BAN NHÂN DÂN XÃ AN PHÚ", "3", "2025-05-02")
