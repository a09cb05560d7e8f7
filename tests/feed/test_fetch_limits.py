"""The total time limit holds however slowly a server answers (a body or headers trickled a
byte at a time), and addresses with schemes other than http/https/file are refused."""

from __future__ import annotations

import socket
import threading

import pytest

from broadcast.feed.content import notice_of
from broadcast.feed.entries import FeedEntry
from broadcast.feed.fetch import FetchError, FetchSettings, check_source, fetch

BODY = 400  # bytes the server would trickle, one per STEP seconds (8 s in all)
STEP = 0.02


class Trickler:
    """A one-connection HTTP server on 127.0.0.1 that answers a byte at a time, each byte well
    within any read timeout; it counts what it managed to send."""

    def __init__(self, headers_slowly: bool = False) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.headers_slowly = headers_slowly
        self.sent = 0
        self.finished = threading.Event()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/tb.html"

    def _serve(self) -> None:
        conn, _ = self.server.accept()
        with conn:
            conn.recv(65536)
            if self.headers_slowly:
                conn.sendall(b"HTTP/1.1 200 OK\r\nX-Slow: ")
                drip = b"a" * BODY
            else:
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                             b"Content-Length: %d\r\n\r\n" % BODY)
                drip = b"x" * BODY
            try:
                for byte in drip:
                    if self.stop.wait(STEP):
                        return
                    conn.sendall(bytes([byte]))
                    self.sent += 1
                self.finished.set()
            except OSError:  # the client cut the connection
                return

    def close(self) -> None:
        self.stop.set()
        self.thread.join(10)
        self.server.close()


@pytest.fixture
def trickler():
    servers = []

    def make(**kwargs) -> Trickler:
        servers.append(Trickler(**kwargs))
        return servers[-1]

    yield make
    for server in servers:
        server.close()


LIMIT = FetchSettings(connect_timeout=2, read_timeout=5, total_timeout=0.5)


def test_a_body_trickled_under_the_read_timeout_stops_at_the_total_limit(trickler):
    server = trickler()
    with pytest.raises(FetchError, match="quá 0.5 giây mà chưa xong") as info:
        fetch(server.url, LIMIT)
    assert "\n" not in str(info.value)
    assert not server.finished.is_set()  # the old loop read all 400 bytes before checking
    server.thread.join(10)  # the connection was cut: the server could not send the rest
    assert server.sent < BODY


def test_headers_trickled_under_the_read_timeout_stop_at_the_total_limit(trickler):
    server = trickler(headers_slowly=True)
    with pytest.raises(FetchError, match="quá 0.5 giây"):
        fetch(server.url, LIMIT)
    assert not server.finished.is_set()


@pytest.mark.parametrize(("text", "kind"), [
    ("https://huyen.gov.vn/rss", "web"), ("HTTP://huyen.gov.vn/rss", "web"),
    ("/srv/rss.xml", "file"), ("file:///srv/rss.xml", "file"), ("tin/rss.xml", "file"),
    ("C:\\tin\\rss.xml", "file"),
])
def test_sources_are_web_or_file(text, kind):
    assert check_source(text) == kind


@pytest.mark.parametrize("text", ["ftp://huyen.gov.vn/rss.xml", "sftp://may/rss",
                                  "gopher://x/1", "smb://may-chu/tin"])
def test_other_schemes_are_refused_with_one_line(text):
    with pytest.raises(FetchError, match="không được hỗ trợ") as info:
        check_source(text)
    assert text in str(info.value) and "\n" not in str(info.value)


def test_a_feed_entry_linking_to_ftp_is_refused_not_read_as_a_file():
    asked = []
    entry = FeedEntry(key="1", title="Thông báo", link="ftp://huyen.gov.vn/tb.docx",
                      categories=(), published=None, html="", attachments=(), fingerprint="1")

    def get(url):
        asked.append(url)
        raise AssertionError("never asked")

    with pytest.raises(FetchError, match="'ftp://' không được hỗ trợ"):
        notice_of(entry, get)
    assert asked == []
