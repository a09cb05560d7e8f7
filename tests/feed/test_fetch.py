"""Downloads against a local server: validators, faults, caps, and refusals."""

from __future__ import annotations

import threading
import time

import pytest
from werkzeug import Response

from broadcast.feed.fetch import USER_AGENT, FetchError, FetchSettings, check_address, fetch

FAST = FetchSettings(connect_timeout=2, read_timeout=0.5, max_bytes=50_000, max_redirects=3)


def test_a_download_says_who_we_are_and_keeps_the_validators(httpserver):
    httpserver.expect_request("/rss", headers={"User-Agent": USER_AGENT}).respond_with_data(
        "<rss/>", headers={"ETag": '"v1"', "Last-Modified": "Mon, 03 Nov 2025 01:00:00 GMT"},
        content_type="application/rss+xml")
    got = fetch(httpserver.url_for("/rss"), FAST)
    assert got.data == b"<rss/>" and not got.not_modified
    assert (got.etag, got.last_modified) == ('"v1"', "Mon, 03 Nov 2025 01:00:00 GMT")
    assert got.content_type.startswith("application/rss+xml")


def test_conditional_get_answers_not_modified(httpserver):
    httpserver.expect_request("/rss", headers={"If-None-Match": '"v1"'}).respond_with_data(
        "", status=304)
    got = fetch(httpserver.url_for("/rss"), FAST, etag='"v1"')
    assert got.not_modified and got.data == b""


def test_a_server_error_names_the_status(httpserver):
    httpserver.expect_request("/rss").respond_with_data("oops", status=500)
    with pytest.raises(FetchError, match="lỗi 500"):
        fetch(httpserver.url_for("/rss"), FAST)


def test_a_silent_server_times_out(httpserver):
    answered = threading.Event()

    def slow(_request):
        answered.wait(5)
        return Response("late")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    started = time.monotonic()
    try:
        with pytest.raises(FetchError, match="không trả lời trong 0.5 giây"):
            fetch(httpserver.url_for("/slow"), FAST)
        assert time.monotonic() - started < 4  # gave up long before the answer
    finally:
        answered.set()  # the one-threaded server is free for the next test


def test_a_redirect_loop_stops_at_the_cap(httpserver):
    httpserver.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=301, headers={"Location": "/a"})
    with pytest.raises(FetchError, match="chuyển hướng quá 3 lần"):
        fetch(httpserver.url_for("/a"), FAST)
    # the first request and three redirects, no more (a slow request a test before may still
    # be logged as it ends)
    assert len([r for r, _ in httpserver.log if r.path in ("/a", "/b")]) == 4


def test_a_redirect_is_followed_within_the_cap(httpserver):
    httpserver.expect_request("/old").respond_with_data("", status=301,
                                                        headers={"Location": "/new"})
    httpserver.expect_request("/new").respond_with_data("ok")
    got = fetch(httpserver.url_for("/old"), FAST)
    assert got.data == b"ok" and got.url.endswith("/new")


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://example.org/x.pdf"])
def test_a_redirect_to_a_local_file_is_refused(httpserver, target):
    httpserver.expect_request("/r").respond_with_data("", status=302, headers={"Location": target})
    with pytest.raises(FetchError, match="Từ chối tải"):
        fetch(httpserver.url_for("/r"), FAST)


@pytest.mark.parametrize("address", ["file:///etc/passwd", "/etc/passwd", "ftp://x.vn/a.pdf",
                                     "javascript:alert(1)", "http:///nohost"])
def test_only_web_addresses_are_fetched(address):
    with pytest.raises(FetchError, match="Từ chối tải"):
        check_address(address)


def test_an_oversized_body_is_refused_by_its_length(httpserver):
    httpserver.expect_request("/big").respond_with_data(b"x" * 60_000)
    with pytest.raises(FetchError, match="lớn hơn giới hạn 0.05 MB"):
        fetch(httpserver.url_for("/big"), FAST)


def test_an_oversized_stream_without_a_length_is_cut(httpserver):
    def endless(_request):
        return Response((b"y" * 8192 for _ in range(100)), mimetype="application/rss+xml")

    httpserver.expect_request("/stream").respond_with_handler(endless)
    with pytest.raises(FetchError, match="lớn hơn giới hạn"):
        fetch(httpserver.url_for("/stream"), FAST)


def test_a_closed_port_is_one_clear_error():
    with pytest.raises(FetchError, match="Không tải được 'http://127.0.0.1:9/"):
        fetch("http://127.0.0.1:9/rss", FAST)
