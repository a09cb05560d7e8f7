"""Safe by default: only the host names the server was started for (no DNS rebinding), a
password when one is set (required off this computer), no cross-site POST (Origin and
Sec-Fetch-Site checked, and a per-session token on every form), request bodies capped at the
readers' own input limit, and headers that keep the page out of frames and other sites' code."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from collections.abc import Callable, Iterable
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

from broadcast.errors import BroadcastError
from broadcast.sources import limits

COOKIE = "broadcast_session"
TOKEN_FIELD = "csrf"
TOKEN_HEADER = "x-csrf-token"
FORM_OVERHEAD = 1024 * 1024  # a form's other fields and its multipart boundaries
LOCAL_NAMES = ("127.0.0.1", "localhost", "::1")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
HEADERS = [
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; "
                                 b"media-src 'self'; frame-ancestors 'none'; form-action 'self'"),
    (b"cache-control", b"no-store"),
]


NO_PASSWORD = ("Trang mở cho máy khác (--host) cần mật khẩu: ghi [web] password = \"…\" "
               "trong broadcast.toml.")


class Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


class TooLarge(Refused):
    def __init__(self, size: int) -> None:
        super().__init__(413, _size_line(size))


def _size_line(size: int) -> str:
    try:
        limits.check_size(size - FORM_OVERHEAD, "tải lên")
    except BroadcastError as exc:
        return exc.message
    return f"Tệp tải lên quá giới hạn {limits.megabytes(limits.MAX_INPUT_BYTES)}."


def body_limit() -> int:
    """The largest request body: the readers' input limit plus the form around the file."""
    return limits.MAX_INPUT_BYTES + FORM_OVERHEAD


class Tokens:
    """Per-session tokens: HMAC of the session cookie with this server's secret."""

    def __init__(self, secret: bytes | None = None) -> None:
        self.secret = secret or secrets.token_bytes(32)

    def new_session(self) -> str:
        return secrets.token_urlsafe(24)

    def token(self, session: str) -> str:
        return hmac.new(self.secret, session.encode(), hashlib.sha256).hexdigest()[:40]

    def valid(self, session: str, token: str) -> bool:
        return bool(session and token) and hmac.compare_digest(self.token(session), token)


def header(scope, name: bytes) -> str:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return ""


def session_of(scope) -> str:
    cookie = SimpleCookie()
    try:
        cookie.load(header(scope, b"cookie"))
    except Exception:  # a malformed Cookie header: a new session
        return ""
    morsel = cookie.get(COOKIE)
    return morsel.value if morsel else ""


def host_name(value: str) -> str:
    """'127.0.0.1:8000' → '127.0.0.1', '[::1]:80' → '::1'."""
    return (urlsplit(f"//{value}").hostname or "").lower()


def password_ok(scope, password: str) -> bool:
    kind, _, value = header(scope, b"authorization").partition(" ")
    if kind.lower() != "basic":
        return False
    try:
        given = base64.b64decode(value, validate=True).decode("utf-8").partition(":")[2]
    except (binascii.Error, UnicodeDecodeError):
        return False
    return hmac.compare_digest(given.encode(), password.encode())


class Guard:
    """ASGI middleware in front of the whole app."""

    def __init__(self, app, hosts: Iterable[str], password: Callable[[], str],
                 tokens: Tokens, required: bool = False) -> None:
        self.app, self.hosts = app, {h.lower() for h in hosts}
        self.password, self.tokens, self.required = password, tokens, required

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        try:
            self.check(scope)
        except Refused as exc:
            return await refuse(send, exc)
        session = session_of(scope)
        fresh = "" if session else self.tokens.new_session()
        state = scope.setdefault("state", {})  # the page's forms carry this session's token
        state["session"], state["csrf"] = session or fresh, self.tokens.token(session or fresh)
        try:
            await self.app(scope, _capped(receive), _with_headers(send, fresh))
        except TooLarge as exc:
            await refuse(send, exc)

    def check(self, scope) -> None:
        if host_name(header(scope, b"host")) not in self.hosts:
            raise Refused(400, "Địa chỉ máy chủ không đúng: mở trang bằng địa chỉ mà lệnh "
                               "broadcast web đã in ra.")
        try:
            password = self.password()
        except BroadcastError as exc:
            raise Refused(500, exc.message) from exc
        if self.required and not password:
            raise Refused(401, NO_PASSWORD)
        if password and not password_ok(scope, password):
            raise Refused(401, "Cần mật khẩu ([web] password trong broadcast.toml).")
        if scope["method"] not in SAFE_METHODS:
            cross_site(scope)
            size = header(scope, b"content-length")
            if size.isdigit() and int(size) > body_limit():
                raise TooLarge(int(size))


def cross_site(scope) -> None:
    """A POST from another site (or another origin) is refused before it is read."""
    origin = header(scope, b"origin")
    if header(scope, b"sec-fetch-site") == "cross-site" or (
            origin and urlsplit(origin).netloc.lower() != header(scope, b"host").lower()):
        raise Refused(403, "Yêu cầu từ trang khác bị từ chối (chỉ trang của broadcast web được "
                           "gửi biểu mẫu).")


def check_token(session: str, given: str, tokens: Tokens) -> None:
    if not tokens.valid(session, given or ""):
        raise Refused(403, "Biểu mẫu đã cũ hoặc không phải của trang này (thiếu mã bảo vệ). "
                           "Tải lại trang rồi gửi lại.")


def _capped(receive):
    """``receive`` that stops a body growing past the limit (a body without a length too)."""
    seen = 0

    async def wrapped():
        nonlocal seen
        message = await receive()
        seen += len(message.get("body", b""))
        if seen > body_limit():
            raise TooLarge(seen)
        return message
    return wrapped


def _with_headers(send, fresh: str):
    async def wrapped(message):
        if message["type"] == "http.response.start":
            extra = list(HEADERS)
            if fresh:
                extra.append((b"set-cookie", f"{COOKIE}={fresh}; Path=/; HttpOnly; "
                                             "SameSite=Strict".encode()))
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)
    return wrapped


async def refuse(send, exc: Refused) -> None:
    body = f"Lỗi: {exc.message}\n".encode()
    headers = [(b"content-type", b"text/plain; charset=utf-8"),
               (b"content-length", str(len(body)).encode()), *HEADERS]
    if exc.status == 401:
        headers.append((b"www-authenticate", b'Basic realm="broadcast", charset="UTF-8"'))
    await send({"type": "http.response.start", "status": exc.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
