"""Google Translate's text-to-speech (the endpoint gTTS uses): natural voice, needs internet.

The endpoint takes at most 100 characters a request and answers 429 when pushed. We cut the
text ourselves (``chunks.split_requests``: at sentence and clause marks, never inside a word),
send the requests with our own timeouts, and retry 429, 5xx and timeouts with exponential
backoff and jitter (honouring Retry-After). Several segments are requested at once
(``concurrency``, default 4; see ``tts.batch``). The endpoint can be pointed elsewhere
(``BROADCAST_GTTS_URL``), which is how the tests and the benchmark use a local fake of it.
"""

from __future__ import annotations

import base64
import json
import logging
import os
import random
import re
import threading
import time
import urllib.parse

from broadcast.errors import BroadcastError
from broadcast.tts import Audio, Availability
from broadcast.tts.chunks import split_requests

log = logging.getLogger(__name__)

ENDPOINT = "https://translate.google.com/_/TranslateWebserverUi/data/batchexecute"
AUDIO_LINE = re.compile(r'jQ1olc","\[\\"(.*?)\\"]')
RETRY_STATUS = {429, 500, 502, 503, 504}
REQUEST_LIMIT = 100
MAX_BACKOFF = 20.0
HEADERS = {
    "Referer": "http://translate.google.com/",
    "User-Agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) broadcast-tts",
    "Content-Type": "application/x-www-form-urlencoded;charset=utf-8",
}


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
            import requests  # noqa: F401
        except ImportError:
            return Availability(False, "thiếu gói requests (pip install gtts).")
        return Availability(True, "cần mạng internet khi dựng bài")

    def fingerprint(self, voice: str) -> dict:
        return {}  # the endpoint, retries and timeouts do not change the sound

    def load(self, voice: str | None = None) -> None:
        """Nothing to load; the network is tried when synthesizing."""

    def probe(self, timeout: float = 4.0) -> Availability:
        """Whether the endpoint answers a short request with audio right now (one try)."""
        try:
            self._post(self._body("xin chào", self.default_voice), timeout)
        except _Transient as exc:
            return Availability(False, exc.problem)
        except BroadcastError as exc:
            return Availability(False, exc.message)
        return Availability(True, "máy chủ Google trả lời")

    def synthesize(self, text: str, voice: str | None = None) -> Audio:
        lang = voice or self.default_voice
        parts = [self._fetch(piece, lang) for piece in split_requests(text, REQUEST_LIMIT)]
        return Audio(b"".join(parts), "mp3", 24000, 1)

    def _fetch(self, piece: str, lang: str) -> bytes:
        body = self._body(piece, lang)
        for attempt in range(self.retries + 1):
            try:
                return self._post(body, self.timeout)
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

    def _body(self, piece: str, lang: str) -> str:
        parameter = json.dumps([piece, lang, None, "null"],
                               separators=(",", ":"))
        rpc = json.dumps([[["jQ1olc", parameter, None, "generic"]]], separators=(",", ":"))
        return f"f.req={urllib.parse.quote(rpc)}&"

    def _session(self):
        import requests

        if getattr(self._local, "session", None) is None:
            self._local.session = requests.Session()
        return self._local.session

    def _post(self, body: str, timeout: float) -> bytes:
        import requests

        try:
            response = self._session().post(self.endpoint, data=body, headers=HEADERS,
                                            timeout=(min(timeout, 5.0), timeout))
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
        match = AUDIO_LINE.search(response.text)
        if not match:
            raise BroadcastError("gTTS trả về dữ liệu không có âm thanh. Google có thể đã đổi "
                                 "cách trả lời; hãy dùng --engine espeak hoặc piper.")
        return base64.b64decode(match[1])


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
