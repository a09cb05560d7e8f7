"""A local fake of Google Translate's TTS endpoint (batchexecute), served on 127.0.0.1.

It answers like the real one (a JSON-ish body with base64 MP3 on the 'jQ1olc' line), returns real
MP3 audio made with ffmpeg, counts requests, and can fail the first N requests with a status code.
"""

from __future__ import annotations

import base64
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np

from broadcast.audio import ffmpeg


def tone_mp3(seconds: float = 0.4, freq: int = 330) -> bytes:
    return ffmpeg.run(["-f", "lavfi", "-i", f"sine=frequency={freq}:duration={seconds}",
                       "-ac", "1", "-ar", "24000", "-codec:a", "libmp3lame", "-b:a", "32k",
                       "-f", "mp3", "pipe:1"])


class FakeGoogle:
    def __init__(self, fail_first: int = 0, fail_status: int = 429) -> None:
        self.audio = tone_mp3()
        self.fail_first = fail_first
        self.fail_status = fail_status
        self.requests: list[str] = []
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/_/TranslateWebserverUi/data/batchexecute"

    def __enter__(self) -> FakeGoogle:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _reply(self, body: str) -> tuple[int, bytes]:
        form = urllib.parse.parse_qs(body)
        rpc = json.loads(form["f.req"][0])
        text = json.loads(rpc[0][0][1])[0]
        with self.lock:
            self.requests.append(text)
            failing = len(self.requests) <= self.fail_first
        if failing:
            return self.fail_status, b"busy"
        b64 = base64.b64encode(self.audio).decode()
        payload = f')]}}\'\n\n123\n[["wrb.fr","jQ1olc","[\\"{b64}\\"]",null,null,null,"generic"]]\n'
        return 200, payload.encode()

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                status, data = fake._reply(self.rfile.read(length).decode())
                self.send_response(status)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        return Handler


class ToneEngine:
    """An offline engine for audio tests: a buzz (100 Hz and its harmonics, like a voice's
    fundamental) modulated like syllables, 55 ms per character of the text, never silent inside.
    Records every text it was asked for and the length it returned (seconds)."""

    name = "tone"
    description = "tiếng giả lập cho kiểm thử"
    default_voice = "buzz"
    concurrency = 1
    settings_ranges: dict = {}
    rate = 22050
    calls: list[tuple[str, float]] = []

    def available(self):
        from broadcast.tts import Availability

        return Availability(True)

    def fingerprint(self, voice: str) -> dict:
        return {"rate": self.rate}

    def load(self, voice=None):
        return None

    def synthesize(self, text: str, voice: str | None = None):
        from broadcast.tts import Audio

        seconds = min(4.0, max(0.4, 0.055 * len(text)))
        t = np.arange(int(self.rate * seconds)) / self.rate
        buzz = sum(np.sin(2 * np.pi * 100 * k * t) / k for k in range(1, 30))
        syllables = 0.65 + 0.35 * np.sin(2 * np.pi * 4 * t)
        ramp = np.minimum(1.0, np.minimum(t, t[-1] - t) / 0.01)
        pcm = (0.25 * buzz * syllables * ramp / np.max(np.abs(buzz)) * 32767).astype("<i2")
        ToneEngine.calls.append((text, len(pcm) / self.rate))
        return Audio(pcm.tobytes(), "pcm_s16le", self.rate)
