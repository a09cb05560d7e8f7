"""Google Translate's text-to-speech (the endpoint gTTS uses): natural voice, needs internet.

What goes on the wire is gTTS's own: each request's body comes from ``gTTS(...).get_bodies()``
and its headers are ``gTTS.GOOGLE_TTS_HEADERS`` (nothing else, as gTTS sends them), so an
upgrade of gtts carries Google's side of any change. The rest is ours: the text is cut by
``chunks.split_requests`` (at sentence and clause marks, never inside a word or a common
two-syllable word, no piece that is only punctuation), requests are sent with our own
timeouts, 429, 5xx and timeouts are retried with exponential backoff and jitter (honouring
Retry-After), several segments are requested at once (``concurrency``, default 4; see
``tts.batch``), and the answer is read by our parser, which names every bad answer.

Certificates are checked against the operating system's trust store (``truststore``): behind
an office proxy or an antivirus that inspects HTTPS, that is where their certificate is. Where
truststore is missing, requests' own bundle (certifi) is used. A certificate that cannot be
checked is not retried: the build stops at once with what to do, and ``auto`` falls back.

The endpoint can be pointed elsewhere (``BROADCAST_GTTS_URL``), which is how the tests and the
benchmark use a local fake of it.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import random
import re
import ssl
import threading
import time
from functools import lru_cache

from broadcast.errors import BroadcastError
from broadcast.tts import Audio, Availability
from broadcast.tts.chunks import split_requests

log = logging.getLogger(__name__)

ENDPOINT = "https://translate.google.com/_/TranslateWebserverUi/data/batchexecute"
AUDIO_LINE = re.compile(r'jQ1olc","\[\\"(.*?)\\"]')  # the line gTTS's stream() reads
ERROR_LINE = re.compile(r'"wrb\.fr","jQ1olc",null(?:,null)*,(\[[^\]]*\])?')
RETRY_STATUS = {429, 500, 502, 503, 504}
MAX_BACKOFF = 20.0
REGION = re.compile(r"^([a-zA-Z]{2,3})[-_]([a-zA-Z]{2}|[0-9]{3})$")


class AnswerError(BroadcastError):
    """The endpoint answered 200, but not with audio for the piece (not retried)."""


class EmptyAnswer(AnswerError):
    """An answer without a body."""


class ErrorEnvelope(AnswerError):
    """Google's answer to the call is an error, not audio (often: a language it does not read)."""


class MalformedAudio(AnswerError):
    """Audio that is not valid base64, or decodes to nothing."""


class UnknownAnswer(AnswerError):
    """A body without the audio line: Google may have changed its answer."""


class CertificateError(BroadcastError):
    """The server's certificate could not be checked (an inspecting proxy or antivirus)."""


CERTIFICATE_HELP = (
    "gTTS: không kiểm tra được chứng chỉ bảo mật của máy chủ Google (thường do proxy của cơ "
    "quan hoặc phần mềm diệt virus kiểm tra HTTPS trên máy này). Hãy nhờ người quản trị mạng "
    "cho phép translate.google.com, tắt quét HTTPS của phần mềm diệt virus, hoặc dùng "
    "--engine espeak hoặc --engine piper.")


class GttsEngine:
    name = "gtts"
    description = "Google (gTTS), giọng tự nhiên, cần mạng internet"
    default_voice = "vi"
    settings_ranges = {"concurrency": (1, 16), "retries": (0, 10), "timeout": (1, 120),
                       "backoff": (0.0, 30.0)}

    def __init__(self, endpoint: str | None = None, timeout: float = 15.0, retries: int = 5,
                 backoff: float = 1.0, concurrency: int = 4) -> None:
        self.endpoint = endpoint or os.environ.get("BROADCAST_GTTS_URL") or ENDPOINT
        self.timeout = timeout
        self.retries = int(retries)
        self.backoff = backoff
        self.concurrency = int(concurrency)
        self._local = threading.local()

    def available(self) -> Availability:
        try:
            import gtts  # noqa: F401
            import requests  # noqa: F401
        except ImportError:
            return Availability(False, "thiếu gói gtts (pip install gtts).")
        return Availability(True, "cần mạng internet khi dựng bài")

    def fingerprint(self, voice: str) -> dict:
        return {}  # the endpoint, retries and timeouts do not change the sound

    def load(self, voice: str | None = None) -> str:
        """Check the language before any request; returns the code that will be sent."""
        return language(voice or self.default_voice)

    def probe(self, timeout: float = 4.0) -> Availability:
        """Whether the endpoint answers a short request with audio right now (one try)."""
        try:
            self._post(body("xin chào", self.default_voice), timeout)
        except _Transient as exc:
            return Availability(False, exc.problem)
        except BroadcastError as exc:
            return Availability(False, exc.message.rstrip("."))
        return Availability(True, "máy chủ Google trả lời")

    def synthesize(self, text: str, voice: str | None = None) -> Audio:
        lang = self.load(voice)
        pieces = split_requests(text, _gtts().GOOGLE_TTS_MAX_CHARS)
        if not pieces:
            raise BroadcastError(f"gTTS: đoạn '{_short(text)}' không có chữ nào để đọc.")
        parts = [self._fetch(piece, lang) for piece in pieces]
        return Audio(b"".join(parts), "mp3", 24000, 1)

    def _fetch(self, piece: str, lang: str) -> bytes:
        data = body(piece, lang)
        for attempt in range(self.retries + 1):
            try:
                return audio_from(self._post(data, self.timeout), piece)
            except _Transient as exc:
                problem = exc.problem
                if attempt < self.retries:
                    delay = self._delay(attempt, exc.retry_after)
                    log.info("gtts: %s for %r; retry %d in %.2f s", problem, piece[:30],
                             attempt + 1, delay)
                    time.sleep(delay)
        raise BroadcastError(
            f"gTTS không đọc được đoạn '{_short(piece)}' sau {self.retries + 1} lần thử: "
            f"{problem}. Hãy kiểm tra mạng internet rồi dựng lại, hoặc dùng --engine espeak."
        )

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        """Exponential backoff with jitter (half fixed, half random); Retry-After if longer."""
        ceiling = min(MAX_BACKOFF, self.backoff * 2 ** attempt)
        delay = ceiling / 2 + random.uniform(0, ceiling / 2)
        return max(delay, min(retry_after or 0.0, MAX_BACKOFF))

    def _session(self):
        if getattr(self._local, "session", None) is None:
            self._local.session = session()
        return self._local.session

    def _post(self, data: str, timeout: float) -> str:
        """POST one body exactly as gTTS prepares it; the answer's text, or raise."""
        import requests

        http = self._session()
        request = requests.Request("POST", self.endpoint, data=data,
                                   headers=_gtts().GOOGLE_TTS_HEADERS).prepare()
        settings = http.merge_environment_settings(request.url, {}, None, None, None)
        try:
            response = http.send(request, timeout=(min(timeout, 5.0), timeout), **settings)
        except requests.exceptions.SSLError as exc:
            log.info("gtts: %s", exc)
            raise CertificateError(CERTIFICATE_HELP) from exc
        except requests.Timeout as exc:
            raise _Transient("máy chủ không trả lời kịp (hết thời gian chờ)") from exc
        except requests.RequestException as exc:
            log.info("gtts: %s: %s", type(exc).__name__, exc)
            raise _Transient("không kết nối được tới máy chủ") from exc
        if response.status_code in RETRY_STATUS:
            raise _Transient(f"máy chủ trả lời mã {response.status_code}",
                             _retry_after(response.headers.get("Retry-After")))
        if response.status_code != 200:
            raise BroadcastError(f"gTTS: máy chủ trả lời mã {response.status_code}. Hãy kiểm "
                                 "tra địa chỉ máy chủ hoặc dùng --engine espeak.")
        return response.text


def _gtts():
    from gtts import gTTS

    return gTTS


def body(piece: str, lang: str) -> str:
    """The request body gTTS itself makes for ``piece`` (one piece: one body)."""
    bodies = _gtts()(piece, lang=lang, lang_check=False, pre_processor_funcs=[],
                     tokenizer_func=_whole).get_bodies()
    if len(bodies) != 1:  # split_requests gives pieces gTTS sends whole
        raise ValueError(f"gTTS made {len(bodies)} requests of {piece!r}")
    return bodies[0]


def _whole(text: str) -> list[str]:
    return [text]


def language(voice: str) -> str:
    """The language code gTTS knows for ``voice`` ('vi', 'VI', 'vi-VN' and 'vi_VN' give 'vi');
    a BroadcastError naming the ones to use for anything else."""
    from gtts.lang import tts_langs

    known = {code.lower(): code for code in tts_langs()}
    wanted = voice.strip().replace("_", "-").lower()
    if wanted in known:
        return known[wanted]
    region = REGION.match(voice.strip())
    if region and region[1].lower() in known:
        found = known[region[1].lower()]
        log.info("gtts: voice %r read as language %r", voice, found)
        return found
    raise BroadcastError(f"gTTS không có giọng '{voice}'. gTTS nhận mã ngôn ngữ: vi (tiếng "
                         "Việt), en, fr, …; hãy dùng --voice vi hoặc bỏ --voice.")


def audio_from(answer: str, piece: str) -> bytes:
    """The MP3 in the endpoint's answer for ``piece``; a named AnswerError for a bad one."""
    where = f"đoạn '{_short(piece)}'"
    if not answer.strip():
        raise EmptyAnswer(f"gTTS: máy chủ trả lời rỗng cho {where}. Hãy dựng lại sau ít "
                          "phút, hoặc dùng --engine espeak hoặc piper.")
    match = AUDIO_LINE.search(answer)
    if match:
        try:
            audio = base64.b64decode(match[1])  # as gTTS's stream() decodes it
        except (binascii.Error, ValueError):
            audio = b""
        if not _mp3(audio):
            raise MalformedAudio(f"gTTS: âm thanh máy chủ trả về cho {where} bị hỏng. Hãy dựng "
                                 "lại, hoặc dùng --engine espeak hoặc piper.")
        return audio
    error = ERROR_LINE.search(answer)
    if error:
        code = f" {error[1]}" if error[1] else ""
        raise ErrorEnvelope(f"gTTS: máy chủ Google báo lỗi{code} thay vì đọc {where} (thường "
                            "do mã ngôn ngữ không đúng). Hãy dùng --voice vi, hoặc dùng "
                            "--engine espeak hoặc piper.")
    raise UnknownAnswer(f"gTTS: máy chủ trả về dữ liệu không có âm thanh cho {where}. Google "
                        "có thể đã đổi cách trả lời; hãy cập nhật gói gtts (pip install -U "
                        "gtts) hoặc dùng --engine espeak hoặc piper.")


def _mp3(data: bytes) -> bool:
    """Whether ``data`` starts as an MP3 does: an ID3 tag or an MPEG audio frame's sync."""
    return data[:3] == b"ID3" or (len(data) > 1 and data[0] == 0xFF and data[1] & 0xE0 == 0xE0)


def session():
    """A requests session whose HTTPS checks certificates with the operating system's trust
    store (truststore), or with requests' bundle (certifi) where truststore is missing."""
    import requests

    http = requests.Session()
    context = trust_store_context()
    if context is not None:
        http.mount("https://", _adapter_class()(context))
    return http


def trust_store_context() -> ssl.SSLContext | None:
    try:
        import truststore
    except ImportError:
        log.info("gtts: truststore is not installed; certificates checked with certifi")
        return None
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


@lru_cache(maxsize=1)
def _adapter_class() -> type:
    """An HTTPS adapter that verifies with a given context alone (not also with certifi's
    bundle, unless a bundle is named in REQUESTS_CA_BUNDLE). Built on first use: requests is
    imported only when gtts is used."""
    from requests.adapters import HTTPAdapter

    class TrustStoreAdapter(HTTPAdapter):
        def __init__(self, context: ssl.SSLContext) -> None:
            self.context = context
            super().__init__()

        def init_poolmanager(self, *args, **kwargs):
            kwargs["ssl_context"] = self.context
            return super().init_poolmanager(*args, **kwargs)

        def proxy_manager_for(self, proxy, **kwargs):
            kwargs["ssl_context"] = self.context
            return super().proxy_manager_for(proxy, **kwargs)

        def cert_verify(self, conn, url, verify, cert):
            super().cert_verify(conn, url, verify, cert)
            if verify is True:
                conn.ca_certs = conn.ca_cert_dir = None

    return TrustStoreAdapter


class _Transient(Exception):
    """A failure worth retrying: 429, 5xx, timeout, connection refused."""

    def __init__(self, problem: str, retry_after: float | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.retry_after = retry_after


def _retry_after(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
