"""Hostile and odd inputs: only regular files, a size cap, zip bombs refused before parsing,
a PDF page limit, UTF-16 and BOM text read, other schemes refused; each one line, never a
traceback."""

from __future__ import annotations

import codecs
import io
import logging
import os
import socket
import zipfile
from pathlib import Path

import pytest

from broadcast import sources
from broadcast.errors import BroadcastError
from broadcast.sources import limits
from tests.pdfmaker import make_pdf

NOTICE = ("ỦY BAN NHÂN DÂN XÃ PHÚC LỘC\nSố: 12/TB-UBND\nTHÔNG BÁO\n"
          "Về việc tiêm chủng mở rộng cho trẻ em dưới một tuổi tại hội trường thôn.\n")


def _one_line(exc: BroadcastError) -> str:
    text = str(exc)
    assert "\n" not in text and "Traceback" not in text
    return text


# ---------------------------------------------------------------- file types and size


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "ong.md"
    os.mkfifo(fifo)
    with pytest.raises(BroadcastError, match="không phải tệp thường.*FIFO") as info:
        sources.read(fifo)  # the old reader blocked here forever
    assert "ong.md" in _one_line(info.value)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_link_to_a_device_is_refused(tmp_path):
    link = tmp_path / "vo-tan.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(BroadcastError, match="thiết bị"):
        sources.read(link)


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no unix sockets")
def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.md"
    with socket.socket(socket.AF_UNIX) as server:
        try:
            server.bind(str(path))
        except OSError:  # path too long for a socket name on this system
            pytest.skip("cannot bind a unix socket here")
        with pytest.raises(BroadcastError, match="socket"):
            sources.read(path)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 1000)
    path = tmp_path / "lon.md"
    path.write_text(NOTICE * 100, encoding="utf-8")
    with pytest.raises(BroadcastError, match="quá giới hạn 0.00095") as info:
        sources.read(path)
    assert "lon.md" in _one_line(info.value)
    with pytest.raises(BroadcastError, match="quá giới hạn"):
        sources.read_data(path.read_bytes(), "tai-ve.md", ".md")
    with pytest.raises(BroadcastError, match="quá giới hạn"):
        sources.read_plain(path)


def test_the_default_limit_is_fifty_megabytes():
    assert limits.MAX_INPUT_BYTES == 50 * 1024 * 1024


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig",
                                      "utf-32"])
def test_unicode_text_in_any_windows_encoding_is_read(tmp_path, encoding):
    path = tmp_path / "unicode.txt"
    path.write_bytes(NOTICE.replace("\n", "\r\n").encode(encoding))
    assert sources.read(path).text == NOTICE


def test_utf16_without_bom_is_told_from_binary_data(tmp_path):
    path = tmp_path / "notepad.txt"
    path.write_bytes(NOTICE.encode("utf-16-le"))
    assert sources.read(path).text == NOTICE


def test_a_utf16_web_page_is_recognised_and_read(tmp_path):
    page = ("<!DOCTYPE html><html><head><title>Thông báo tiêm chủng</title></head><body>"
            "<article><h1>Thông báo lịch tiêm chủng</h1><p>Trạm Y tế xã tổ chức tiêm chủng mở "
            "rộng cho trẻ em dưới một tuổi vào sáng thứ Hai hằng tuần tại hội trường thôn."
            "</p></article></body></html>")
    path = tmp_path / "trang"
    path.write_bytes(codecs.BOM_UTF16_LE + page.encode("utf-16-le"))
    got = sources.read(path)
    assert got.format == "html" and "Trạm Y tế xã" in got.text


def test_broken_utf16_names_its_encoding_not_binary(tmp_path):
    path = tmp_path / "hong.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "Thông báo".encode("utf-16-le") + b"\x00\xd8A\x00")
    with pytest.raises(BroadcastError, match="UTF-16") as info:
        sources.read(path)
    assert "nhị phân" not in _one_line(info.value)


# ---------------------------------------------------------------- zip bombs


def _docx_bytes(text: str) -> bytes:
    docx = pytest.importorskip("docx")
    out = io.BytesIO()
    doc = docx.Document()
    doc.add_paragraph(text)
    doc.save(out)
    return out.getvalue()


def _with_member(data: bytes, name: str, content: bytes) -> bytes:
    """The .docx with one more (or a replaced) member, deflated."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename != name:
                dst.writestr(item, src.read(item))
        dst.writestr(name, content)
    return out.getvalue()


def test_a_docx_that_unpacks_past_the_limit_is_refused_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 2 * 1024 * 1024)
    # 3 MB of XML whitespace deflates to a few kB: small on disk, big in memory
    bomb = _with_member(_docx_bytes(NOTICE), "word/padding.xml", b" " * (3 * 1024 * 1024))
    parsed = []
    docx = pytest.importorskip("docx")
    monkeypatch.setattr(docx, "Document", lambda *a, **k: parsed.append(a))
    assert len(bomb) < 100_000
    path = tmp_path / "bom.docx"
    path.write_bytes(bomb)
    with pytest.raises(BroadcastError, match="giải nén ra hơn 2 MB") as info:
        sources.read(path)
    assert "bom.docx" in _one_line(info.value) and not parsed


def test_a_docx_member_compressed_beyond_the_ratio_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "RATIO_FLOOR", 10_000)
    body = b"<w:document>" + b"<w:p/>" * 200_000 + b"</w:document>"  # 1.2 MB, ratio ~1000
    bomb = _with_member(_docx_bytes(NOTICE), "word/document.xml", body)
    with pytest.raises(BroadcastError, match="word/document.xml.*nén .* lần"):
        sources.read_data(bomb, "bom.docx", ".docx")


def test_a_docx_with_too_many_members_is_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_MEMBERS", 5)
    with pytest.raises(BroadcastError, match="tệp con"):
        sources.read_data(_docx_bytes(NOTICE), "nhieu.docx", ".docx")


def test_an_ordinary_docx_is_within_the_limits():
    assert "tiêm chủng" in sources.read_data(_docx_bytes(NOTICE), "a.docx", ".docx").text


def test_a_docx_with_broken_xml_is_one_line():
    broken = _with_member(_docx_bytes(NOTICE), "word/document.xml", b"<w:document><w:body")
    with pytest.raises(BroadcastError, match="không mở được như tệp Word") as info:
        sources.read_data(broken, "hong.docx", ".docx")
    _one_line(info.value)


# ---------------------------------------------------------------- pdf


def test_a_pdf_over_the_page_limit_is_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_PDF_PAGES", 3)
    extracted = []
    from pypdf import PageObject

    original = PageObject.extract_text
    monkeypatch.setattr(PageObject, "extract_text",
                        lambda self, *a, **k: extracted.append(1) or original(self, *a, **k))
    pdf = make_pdf([["Thông báo số 12 của Ủy ban nhân dân xã về tiêm chủng"]] * 4)
    with pytest.raises(BroadcastError, match="4 trang, quá giới hạn 3 trang"):
        sources.read_data(pdf, "dai.pdf", ".pdf")
    assert not extracted


# ---------------------------------------------------------------- addresses


@pytest.mark.parametrize("address", ["ftp://example.org/tb.docx", "smb://may-chu/tb.md",
                                     "gopher://x/1"])
def test_other_schemes_are_refused_with_one_line(address):
    with pytest.raises(BroadcastError, match="không được hỗ trợ") as info:
        sources.read(address)
    assert address.split(":")[0] in _one_line(info.value)


def test_a_web_address_says_to_download_it_first():
    with pytest.raises(BroadcastError, match="địa chỉ web"):
        sources.read("https://example.org/tb.md")


def test_a_file_url_reads_the_file(tmp_path):
    path = tmp_path / "thông báo.md"
    path.write_text(NOTICE, encoding="utf-8")
    assert sources.read(path.as_uri()).text == NOTICE


# ---------------------------------------------------------------- library logs


def test_trafilatura_warnings_stay_off_the_terminal(caplog):
    caplog.set_level(logging.WARNING)
    with pytest.raises(BroadcastError):
        sources.read_data(b"<html><body></body></html>", "rong.html", ".html")
    noisy = [r for r in caplog.records if r.name.startswith("trafilatura")]
    assert not noisy


def test_trafilatura_warnings_reach_a_debug_log(caplog):
    caplog.set_level(logging.DEBUG)
    with pytest.raises(BroadcastError):
        sources.read_data(b"<html><body></body></html>", "rong.html", ".html")
    assert all(r.levelno == logging.DEBUG for r in caplog.records
               if r.name.startswith("trafilatura"))
