import pytest

from broadcast import document, sources
from broadcast.errors import BroadcastError
from tests.conftest import FIXTURES


def test_portal_page_gives_the_article_not_menus_or_footer():
    source = sources.read(FIXTURES / "cong-thong-tin.html")
    assert source.format == "html"
    text = source.text
    assert text.startswith("Thông báo kết luận của Chủ tịch UBND huyện về phòng cháy")
    assert "Sáng ngày 02/4/2025" in text and "1. UBND các xã" in text
    for chrome in ("Trang chủ", "Tin mới", "Bản quyền", "Lịch tiếp công dân", "0235"):
        assert chrome not in text


def test_portal_page_parses_into_items():
    directive = document.parse(sources.read(FIXTURES / "cong-thong-tin.html"))
    assert [b.label for b in directive.body] == ["1", "2", "3"]
    assert directive.body[0].deadlines == ["2025-04-15"]
    assert directive.preamble[0].startswith("Sáng ngày 02/4/2025")


def test_page_without_article_is_a_user_error(tmp_path):
    page = tmp_path / "trong.html"
    page.write_text("<html><body><nav><a href='/'>Trang chủ</a></nav></body></html>",
                    encoding="utf-8")
    with pytest.raises(BroadcastError, match="trong.html"):
        sources.read(page)


def test_a_whole_document_on_a_page_keeps_its_own_header_first(tmp_path):
    """A portal that prints the notice itself: neither the page title ("… - Cổng thông tin")
    nor the article's heading may come before "UBND … Số: …", or the notice loses its kind and
    subject."""
    notice = (FIXTURES / "cong-van-nho.txt").read_text(encoding="utf-8")
    paragraphs = "".join(f"<p>{block}</p>" for block in notice.split("\n\n") if block.strip())
    page = tmp_path / "cv.html"
    page.write_text(f"<html><head><title>Tiêm phòng dại - Cổng thông tin xã</title></head>"
                    f"<body><article><h1>Tiêm phòng dại cho chó, mèo</h1>{paragraphs}</article>"
                    "</body></html>", encoding="utf-8")
    source = sources.read(page)
    assert source.text.startswith("UBND XÃ AN PHÚ") and "Cổng thông tin" not in source.text
    assert "Tiêm phòng dại cho chó" not in source.text
    directive = document.parse(source)
    assert directive.kind == "cong_van" and directive.number == "12"
