"""Downloads with network hygiene: http and https only (every redirect hop too), connect and
read timeouts, a total time limit that holds however slowly the server answers, a size cap
counted on the decoded body, a redirect cap, a User-Agent that says who we are, and
conditional GET (ETag / Last-Modified)."""

from __future__ import annotations

import contextlib
import logging
import re
import socket
import threading
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from broadcast import __version__
from broadcast.errors import BroadcastError

log = logging.getLogger(__name__)

# HTTP headers are Latin-1: the product, its version, and what it does, in ASCII.
USER_AGENT = (f"broadcast/{__version__} (commune radio: reads notice feeds to draft "
              "bai tuyen truyen broadcasts)")
SCHEMES = ("http", "https")
CHUNK = 64 * 1024


class FetchError(BroadcastError):
    """A download that failed: the message names the address and what went wrong."""


@dataclass(frozen=True)
class FetchSettings:
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 180.0  # a server dripping bytes under the read timeout stops here
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    not_modified: bool = False  # 304: the caller's stored copy is still current


def is_web_address(text: str) -> bool:
    return urlsplit(text).scheme.lower() in SCHEMES


def check_address(url: str) -> str:
    """The address, if we may download it; a link to a local file (file://) or any other
    scheme is refused: a feed on the internet must never make us read this computer's files."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES or not parts.netloc:
        raise FetchError(f"Từ chối tải '{url}': chỉ tải địa chỉ http:// hoặc https:// "
                         "(không đọc tệp trên máy theo liên kết trong nguồn tin).")
    return url


def check_source(text: str) -> str:
    """'web' for an http(s) address, 'file' for a path or a file: URL; any other scheme
    (ftp://, smb://, …) is refused with one line instead of being read as a file name."""
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]+):(?=//|/)", text.strip())
    scheme = match[1].lower() if match else ""
    if scheme in SCHEMES:
        return "web"
    if not scheme or scheme == "file":
        return "file"
    raise FetchError(f"Không đọc được '{text}': địa chỉ '{scheme}://' không được hỗ trợ; chỉ "
                     "dùng http://, https:// hoặc tệp trên máy (đường dẫn hay file://).")


class _Download:
    """What the watchdog needs to stop a download from another thread: the socket of the
    answer being read, shut down when the total time is up (a recv blocked on a server that
    trickles a byte at a time returns at once)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sock = None
        self.expired = False

    def reading(self, response) -> None:
        with self.lock:
            self.sock = _socket_of(response)
            expired = self.expired
        if expired:
            response.close()
            raise _Expired

    def expire(self) -> None:
        with self.lock:
            self.expired = True
            sock = self.sock
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


class _Expired(Exception):
    """The total time ran out (raised in the worker; the caller has already answered)."""


def _socket_of(response):
    raw = getattr(response, "raw", None)
    conn = getattr(raw, "_connection", None) or getattr(raw, "connection", None)
    sock = getattr(conn, "sock", None)
    if sock is None:  # older urllib3: through http.client's buffered socket reader
        reader = getattr(getattr(raw, "_fp", None), "fp", None)
        sock = getattr(getattr(reader, "raw", None), "_sock", None)
    return sock


def fetch(url: str, settings: FetchSettings | None = None, etag: str = "",
          last_modified: str = "") -> Fetched:
    """GET ``url`` following at most ``max_redirects`` redirects by hand, each hop checked,
    all within ``total_timeout`` however slowly the server answers: the download runs in a
    worker thread and is cut off (its socket shut down) when the time is up."""
    settings = settings or FetchSettings()
    check_address(url)
    download = _Download()
    box: dict[str, object] = {}
    done = threading.Event()

    def work() -> None:
        try:
            box["result"] = _fetch(url, settings, etag, last_modified, download)
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc
        finally:
            done.set()

    worker = threading.Thread(target=work, name=f"fetch {url}", daemon=True)
    worker.start()
    if not done.wait(settings.total_timeout):
        download.expire()  # a worker stuck before the body ends at its read timeout
        raise _too_long(url, settings)
    error = box.get("error")
    if isinstance(error, _Expired):
        raise _too_long(url, settings)
    if error is not None:
        raise error  # type: ignore[misc]
    return box["result"]  # type: ignore[return-value]


def _too_long(url: str, settings: FetchSettings) -> FetchError:
    return FetchError(f"Tải '{url}' quá {settings.total_timeout:g} giây mà chưa xong (giới hạn "
                      "tổng thời gian mỗi lần tải); thử lại sau.")


def _fetch(url: str, settings: FetchSettings, etag: str, last_modified: str,
           download: _Download) -> Fetched:
    import requests

    headers = {"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = check_address(url)
    with requests.Session() as session:
        for _hop in range(settings.max_redirects + 1):
            log.debug("GET %s", current)
            with _get(session, current, headers, settings) as response:
                download.reading(response)
                if response.is_redirect:
                    _drain(response)  # lets the connection serve the next hop
                    current = check_address(urljoin(current, response.headers["location"]))
                    continue
                return _answer(response, current, settings, download)
    raise FetchError(f"'{url}' chuyển hướng quá {settings.max_redirects} lần (có thể bị vòng "
                     "lặp chuyển hướng); báo cho nơi quản trị trang.")


def _get(session, url: str, headers: dict, settings: FetchSettings):
    import requests

    try:
        return session.get(url, headers=headers, stream=True, allow_redirects=False,
                           timeout=(settings.connect_timeout, settings.read_timeout))
    except requests.exceptions.ConnectTimeout as exc:
        raise FetchError(f"Không kết nối được tới '{url}' trong {settings.connect_timeout:g} "
                         "giây; kiểm tra mạng hoặc thử lại sau.") from exc
    except requests.exceptions.ReadTimeout as exc:
        raise _slow(url, settings) from exc
    except requests.exceptions.RequestException as exc:
        raise FetchError(f"Không tải được '{url}': {_reason(exc)}; kiểm tra địa chỉ và mạng, "
                         "hoặc thử lại sau.") from exc


def _answer(response, url: str, settings: FetchSettings, download: _Download) -> Fetched:
    headers = response.headers
    if response.status_code == 304:
        return Fetched(url, b"", etag=headers.get("etag", ""),
                       last_modified=headers.get("last-modified", ""), not_modified=True)
    if response.status_code >= 400:
        raise FetchError(f"'{url}' trả lời lỗi {response.status_code} "
                         f"({response.reason or 'không rõ'}); thử lại sau.")
    return Fetched(url, _body(response, url, settings, download),
                   headers.get("content-type", ""),
                   headers.get("etag", ""), headers.get("last-modified", ""))


def _body(response, url: str, settings: FetchSettings, download: _Download) -> bytes:
    """The decoded body, stopped at the size cap; the total time is the caller's watchdog."""
    import requests

    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise too_big(url, settings)
    data = bytearray()
    try:
        for chunk in response.iter_content(CHUNK):
            data += chunk
            if len(data) > settings.max_bytes:
                raise too_big(url, settings)
            if download.expired:
                raise _Expired
    except requests.exceptions.ConnectionError as exc:
        if download.expired:
            raise _Expired from exc
        if "timed out" in str(exc).lower():
            raise _slow(url, settings) from exc
        raise FetchError(f"Mất kết nối khi tải '{url}': {_reason(exc)}.") from exc
    except requests.exceptions.RequestException as exc:
        if download.expired:
            raise _Expired from exc
        raise FetchError(f"Tải '{url}' bị lỗi: {_reason(exc)}.") from exc
    return bytes(data)


def _drain(response) -> None:
    import requests

    try:
        for _ in zip(range(4), response.iter_content(CHUNK), strict=False):
            pass
    except requests.exceptions.RequestException:
        pass


def too_big(url: str, settings: FetchSettings) -> FetchError:
    return FetchError(f"'{url}' lớn hơn giới hạn {settings.max_bytes / 1e6:g} MB mỗi tệp; "
                      "bỏ qua (nới giới hạn bằng --max-mb nếu đúng là văn bản cần đọc).")


def _slow(url: str, settings: FetchSettings) -> FetchError:
    return FetchError(f"'{url}' không trả lời trong {settings.read_timeout:g} giây; "
                      "thử lại sau.")


def _reason(exc: Exception) -> str:
    text = str(exc.__cause__ or exc.__context__ or exc) or type(exc).__name__
    return " ".join(text.split())[:200]
