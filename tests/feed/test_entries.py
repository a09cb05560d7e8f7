"""Feed parsing and picking each entry's notice text (links answered from a dict)."""

from __future__ import annotations

import pytest

from broadcast.errors import BroadcastError
from broadcast.feed.content import MIN_NOTICE_WORDS, content_hash, notice_of
from broadcast.feed.entries import FeedProblem, parse
from broadcast.feed.fetch import Fetched, FetchError
from tests.feed import portal

BASE = "http://portal.test"
# A portal that stored UTF-8 read as Windows-1252: "Thông báo cắt điện" comes out garbled.
MOJIBAKE_TITLE = "Thông báo cắt điện".encode().decode("cp1252", "replace")


def rss(*items: portal.Item) -> bytes:
    return portal.Rss(list(items)).xml().encode("utf-8")


def teaser(words: str) -> str:
    return portal.TEASER.format(link=f"{BASE}/a.html", words=words)


def test_nukeviet_rss_with_cdata_descriptions():
    text = portal.notice_text("tiem-phong")
    feed = parse(rss(portal.Item("Công văn về tiêm phòng dại", f"{BASE}/cv.html",
                                 teaser(portal.paragraphs_html(text)), guid="news_12",
                                 category="Văn bản chỉ đạo")), f"{BASE}/rss")
    (entry,) = feed.entries
    assert feed.title.startswith("Văn bản chỉ đạo")
    assert (entry.key, entry.link, entry.categories) == ("news_12", f"{BASE}/cv.html",
                                                         ("Văn bản chỉ đạo",))
    assert "15.000 đồng/liều" in entry.html and entry.published.isoformat() == "2025-11-03"


def test_atom_entries_keep_their_content_and_id():
    data = portal.atom([("urn:tb:45", "Thông báo số 45", f"{BASE}/tb45", "<p>Nội dung</p>")])
    (entry,) = parse(data.encode(), f"{BASE}/atom").entries
    assert (entry.key, entry.title, entry.link) == ("urn:tb:45", "Thông báo số 45", f"{BASE}/tb45")
    assert entry.html == "<p>Nội dung</p>"


def test_without_a_guid_the_link_is_the_key_and_relative_links_are_resolved():
    (entry,) = parse(rss(portal.Item("Kế hoạch", "/ke-hoach-3.html", "x")),
                     f"{BASE}/feeds/rss").entries
    assert entry.key == entry.link == f"{BASE}/ke-hoach-3.html"


def test_attachments_come_from_enclosures_and_links_in_the_description():
    item = portal.Item("Quyết định", f"{BASE}/qd.html", '<a href="/files/qd-25.pdf">Tải về</a>'
                       '<a href="/khac.html">Tin khác</a>', guid="1",
                       enclosure=f"{BASE}/files/qd-25.docx")
    (entry,) = parse(rss(item), f"{BASE}/rss").entries
    assert entry.attachments == (f"{BASE}/files/qd-25.docx", f"{BASE}/files/qd-25.pdf")


def test_the_fingerprint_follows_what_we_read_not_the_publication_time():
    first = parse(rss(portal.Item("Thông báo", f"{BASE}/t", "Bản một", guid="g")), BASE)
    later = parse(rss(portal.Item("Thông báo", f"{BASE}/t", "Bản một", guid="g",
                                  pub_date="Tue, 04 Nov 2025 08:00:00 +0700")), BASE)
    edited = parse(rss(portal.Item("Thông báo", f"{BASE}/t", "Bản hai", guid="g")), BASE)
    assert first.entries[0].fingerprint == later.entries[0].fingerprint
    assert first.entries[0].fingerprint != edited.entries[0].fingerprint


@pytest.mark.parametrize(("data", "says"), [
    (rss(portal.Item("Thông báo", f"{BASE}/t", "x", guid="g"))[:-40], "lỗi cú pháp XML"),
    ("<!DOCTYPE html><html><body><h1>Trang chủ</h1></body></html>".encode(), "là một trang web"),
    (rss(portal.Item(MOJIBAKE_TITLE, f"{BASE}/t", "x", guid="g")), "sai mã hóa ký tự"),
    (b'<?xml version="1.0"?><note><to>Xa</to></note>', "không phải nguồn tin"),
])
def test_a_feed_that_cannot_be_trusted_is_a_problem(data, says):
    with pytest.raises(FeedProblem, match=says):
        parse(data, f"{BASE}/rss")


def test_a_feed_declared_in_the_wrong_encoding_is_a_problem():
    data = ('<?xml version="1.0" encoding="us-ascii"?><rss version="2.0"><channel><title>Tin'
            '</title><item><title>Thông báo</title></item></channel></rss>').encode()
    with pytest.raises(FeedProblem, match="mã hóa ký tự"):
        parse(data, f"{BASE}/rss")


def test_an_empty_channel_has_no_entries():
    assert parse(portal.Rss([]).xml().encode(), f"{BASE}/rss").entries == []


# ---------------------------------------------------------------- which text is the notice


def answers(pages: dict[str, bytes]):
    asked = []

    def get(url: str) -> Fetched:
        asked.append(url)
        if url not in pages:
            raise FetchError(f"'{url}' trả lời lỗi 404")
        return Fetched(url, pages[url])
    return get, asked


def entry_of(item: portal.Item):
    return parse(rss(item), f"{BASE}/rss").entries[0]


def test_a_whole_notice_in_the_description_needs_no_download():
    text = portal.notice_text("tiem-phong")
    get, asked = answers({})
    got = notice_of(entry_of(portal.Item("Công văn", f"{BASE}/cv.html",
                                         teaser(portal.paragraphs_html(text)), guid="1")), get)
    assert asked == [] and got.path == f"{BASE}/cv.html"
    assert "Trạm Y tế xã phối hợp cán bộ thú y" in got.text


def test_a_teaser_sends_us_to_the_linked_page():
    body = portal.paragraphs_html(portal.notice_text("chay-rung"))
    page = portal.article_page("Thông báo kết luận", body).encode()
    get, asked = answers({f"{BASE}/tb.html": page})
    got = notice_of(entry_of(portal.Item("Thông báo kết luận", f"{BASE}/tb.html",
                                         teaser("Sáng ngày 02/4/2025, UBND huyện họp."),
                                         guid="2")), get)
    assert asked == [f"{BASE}/tb.html"]
    assert "Hạt Kiểm lâm" in got.text and "Mục 3" not in got.text  # the article, not menus


def test_a_page_with_only_a_download_link_gives_the_attachment(tmp_path):
    text = portal.notice_text("quyet-dinh")
    page = portal.article_page("Quyết định số 25", "<p>Xem tệp đính kèm.</p>",
                               '<a href="/files/qd-25.docx">Tải về</a>').encode()
    word = portal.docx_bytes(text, tmp_path / "qd.docx")
    get, asked = answers({f"{BASE}/qd.html": page, f"{BASE}/files/qd-25.docx": word})
    got = notice_of(entry_of(portal.Item("Quyết định số 25", f"{BASE}/qd.html", "", guid="3")),
                    get)
    assert asked == [f"{BASE}/qd.html", f"{BASE}/files/qd-25.docx"]
    assert got.format == "docx" and len(got.text.split()) >= MIN_NOTICE_WORDS


def test_a_link_to_a_local_file_in_a_remote_feed_is_refused():
    from broadcast.feed.fetch import FetchSettings, fetch

    item = portal.Item("Thông báo", "file:///etc/passwd", "", guid="4")
    with pytest.raises(FetchError, match="Từ chối tải 'file:"):
        notice_of(entry_of(item), lambda url: fetch(url, FetchSettings()))


def test_nothing_to_read_is_one_clear_error():
    get, _ = answers({f"{BASE}/x.html": portal.article_page("Thông báo", "").encode()})
    with pytest.raises(BroadcastError, match="Không tìm thấy nội dung văn bản"):
        notice_of(entry_of(portal.Item("Thông báo", f"{BASE}/x.html", "", guid="5")), get)


def test_the_content_hash_ignores_spacing_only():
    from broadcast.sources import SourceText

    a = SourceText("x", "text", "Một  hai\nba")
    assert content_hash(a) == content_hash(SourceText("y", "html", "Một hai ba"))
    assert content_hash(a) != content_hash(SourceText("x", "text", "Một hai bốn"))
