import unicodedata

import pytest

from broadcast import sources
from broadcast.errors import BroadcastError


def test_reads_utf8_with_bom_and_crlf_in_nfc(tmp_path):
    text = unicodedata.normalize("NFD", "Kính gửi: Ủy ban nhân dân\r\nxã Phúc Lộc")
    path = tmp_path / "a.md"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    got = sources.read(path)
    assert got.text == "Kính gửi: Ủy ban nhân dân\nxã Phúc Lộc"
    assert unicodedata.is_normalized("NFC", got.text)
    assert got.format == "text"


@pytest.mark.parametrize(("name", "content", "message"), [
    ("empty.md", b"  \n\n", "trống"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "nhị phân"),
    ("legacy.txt", b"Th\xf4ng b\xe1o", "UTF-8"),
    ("notice.doc", b"\xd0\xcf\x11\xe0", "chưa được hỗ trợ"),
])
def test_bad_files_raise_one_clear_message(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(BroadcastError, match=message) as info:
        sources.read(path)
    assert name in str(info.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(BroadcastError, match="Không tìm thấy"):
        sources.read(tmp_path / "nope.md")
    with pytest.raises(BroadcastError, match="thư mục"):
        sources.read(tmp_path)


def test_reader_is_chosen_by_content_not_only_suffix(tmp_path):
    page = tmp_path / "thong-bao.txt"
    page.write_text("<!DOCTYPE html><html><body><article><h1>Thông báo lịch tiêm chủng</h1>"
                    "<p>Trạm Y tế xã tổ chức tiêm chủng mở rộng cho trẻ em dưới một tuổi vào "
                    "sáng thứ Hai hằng tuần tại hội trường thôn.</p></article></body></html>",
                    encoding="utf-8")
    source = sources.read(page)
    assert source.format == "html"
    assert "<" not in source.text and "Trạm Y tế xã" in source.text
    unnamed = tmp_path / "van-ban-khong-duoi"
    unnamed.write_bytes(page.read_bytes())
    assert sources.read(unnamed).format == "html"
