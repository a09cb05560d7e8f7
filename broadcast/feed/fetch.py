"""Downloads with network hygiene: http and https only (every redirect hop too), connect and
read timeouts, a size cap counted on the decoded body, a redirect cap, a User-Agent that says
who we are, and conditional GET (ETag / Last-Modified)."""

from __future__ import annotations

import logging
import time
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


def fetch(url: str, settings: FetchSettings | None = None, etag: str = "",
          last_modified: str = "") -> Fetched:
    """GET ``url`` following at most ``max_redirects`` redirects by hand, each hop checked."""
    import requests

    settings = settings or FetchSettings()
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
                if response.is_redirect:
                    _drain(response)  # lets the connection serve the next hop
                    current = check_address(urljoin(current, response.headers["location"]))
                    continue
                return _answer(response, current, settings)
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


def _answer(response, url: str, settings: FetchSettings) -> Fetched:
    headers = response.headers
    if response.status_code == 304:
        return Fetched(url, b"", etag=headers.get("etag", ""),
                       last_modified=headers.get("last-modified", ""), not_modified=True)
    if response.status_code >= 400:
        raise FetchError(f"'{url}' trả lời lỗi {response.status_code} "
                         f"({response.reason or 'không rõ'}); thử lại sau.")
    return Fetched(url, _body(response, url, settings), headers.get("content-type", ""),
                   headers.get("etag", ""), headers.get("last-modified", ""))


def _body(response, url: str, settings: FetchSettings) -> bytes:
    """The decoded body, stopped at the size cap and the total time limit."""
    import requests

    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > settings.max_bytes:
        raise too_big(url, settings)
    deadline = time.monotonic() + settings.total_timeout
    data = bytearray()
    try:
        for chunk in response.iter_content(CHUNK):
            data += chunk
            if len(data) > settings.max_bytes:
                raise too_big(url, settings)
            if time.monotonic() > deadline:
                raise FetchError(f"Tải '{url}' quá {settings.total_timeout:g} giây mà chưa xong; "
                                 "thử lại sau.")
    except requests.exceptions.ConnectionError as exc:
        if "timed out" in str(exc).lower():
            raise _slow(url, settings) from exc
        raise FetchError(f"Mất kết nối khi tải '{url}': {_reason(exc)}.") from exc
    except requests.exceptions.RequestException as exc:
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
