"""Google Translate's text-to-speech (the endpoint gTTS uses): natural voice, needs internet.

gTTS builds the requests (its tokenizer keeps each under 100 characters, cut at punctuation and
spaces); we send them ourselves so that timeouts, retries and the endpoint are under our control.
The endpoint can be pointed elsewhere (``BROADCAST_GTTS_URL``), which is how the tests use a local
fake of it.
"""

from __future__ import annotations

import base64
import logging
import os
import re
import time

from broadcast.errors import BroadcastError
from broadcast.tts import Audio, Availability

log = logging.getLogger(__name__)

ENDPOINT = "https://translate.google.com/_/TranslateWebserverUi/data/batchexecute"
AUDIO_LINE = re.compile(r'jQ1olc","\[\\"(.*?)\\"]')
RETRY_STATUS = {429, 500, 502, 503, 504}


class GttsEngine:
    name = "gtts"
    description = "Google (gTTS), giọng tự nhiên, cần mạng internet"
    default_voice = "vi"

    def __init__(self, endpoint: str | None = None, timeout: float = 10.0, retries: int = 3,
                 backoff: float = 0.5) -> None:
        self.endpoint = endpoint or os.environ.get("BROADCAST_GTTS_URL") or ENDPOINT
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff

    def available(self) -> Availability:
        try:
            import gtts  # noqa: F401
            import requests  # noqa: F401
        except ImportError:
            return Availability(False, "thiếu gói gtts (pip install gtts).")
        return Availability(True, "cần mạng internet khi dựng bài")

    def synthesize(self, text: str, voice: str | None = None) -> Audio:
        from gtts import gTTS

        request = gTTS(text, lang=voice or self.default_voice, lang_check=False)
        parts = [self._fetch(body, request.GOOGLE_TTS_HEADERS, text)
                 for body in request.get_bodies()]
        return Audio(b"".join(parts), "mp3", 24000, 1)

    def _fetch(self, body: str, headers: dict, text: str) -> bytes:
        import requests

        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                response = requests.post(self.endpoint, data=body, headers=headers,
                                         timeout=self.timeout)
            except requests.RequestException as exc:
                problem = f"không kết nối được ({type(exc).__name__})"
                continue
            if response.status_code in RETRY_STATUS:
                problem = f"máy chủ trả lời mã {response.status_code}"
                continue
            if response.status_code != 200:
                problem = f"máy chủ trả lời mã {response.status_code}"
                break
            return self._decode(response.text, text)
        raise BroadcastError(
            f"gTTS không đọc được đoạn '{text[:50]}…': {problem}. Hãy kiểm tra mạng internet "
            "hoặc dùng --engine espeak."
        )

    @staticmethod
    def _decode(payload: str, text: str) -> bytes:
        match = AUDIO_LINE.search(payload)
        if not match:
            raise BroadcastError(f"gTTS trả về dữ liệu không có âm thanh cho đoạn '{text[:50]}…'.")
        return base64.b64decode(match[1])
