from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE = ROOT / "examples" / "thong-bao-mau.md"
DIRECTIVES = ("cong-van-don-doc-duc-tho-2023.md", "ke-hoach-krong-no-2024.md",
              "thong-bao-ket-luan-kon-ray-2024.md")


# Nothing listens on the discard port: a connection there is refused at once.
CLOSED_URL = "http://127.0.0.1:9"


@pytest.fixture(scope="session", autouse=True)
def _offline_session(tmp_path_factory):
    """The same for fixtures built once per module or session (they run before any test's
    own fixtures): Google and the hub at a closed port, voices in a folder of the session."""
    with pytest.MonkeyPatch.context() as patch:
        base = tmp_path_factory.mktemp("session-user")
        patch.setenv("BROADCAST_VOICES", str(base / "voices"))
        patch.setenv("BROADCAST_GTTS_URL", f"{CLOSED_URL}/batchexecute")
        patch.setenv("HF_ENDPOINT", CLOSED_URL)
        patch.setenv("HF_HOME", str(base / "huggingface"))  # read once, when first imported
        yield


@pytest.fixture(autouse=True)
def _private_user_folders(tmp_path_factory, monkeypatch):
    """Every test gets its own segment cache and voices folder: nothing leaks between tests
    or into the developer's own folders. No test reaches Google or the model hub: both point
    at a closed local port unless the test serves a fake (so ``auto``, the default engine,
    finds Google unreachable at once and, with no voice installed, falls back to espeak)."""
    base = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("BROADCAST_CACHE", str(base / "cache"))
    monkeypatch.setenv("BROADCAST_VOICES", str(base / "voices"))
    monkeypatch.setenv("BROADCAST_CONFIG", str(base / "config"))
    monkeypatch.setenv("BROADCAST_GTTS_URL", f"{CLOSED_URL}/batchexecute")
    monkeypatch.setenv("HF_ENDPOINT", CLOSED_URL)
    for name in ("KORVATTS_HF_REPO", "KORVATTS_ASSETS_DIR", "HF_HUB_OFFLINE"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="session")
def httpserver_listen_address():
    """pytest-httpserver's portals listen on 127.0.0.1 (never 'localhost', which may resolve
    to ::1 first)."""
    return ("127.0.0.1", 0)


def corpus_file(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"corpus not available: {path}")
    return path


SAME_FIELDS = ("kind", "number", "symbol", "place", "date", "subject", "addressees", "preamble",
               "closing", "recipients", "signer")


def assert_parses_like(path: Path, markdown: Path, fmt: str):
    """``path`` (another format of the same notice) gives the Directive the Markdown gives."""
    from broadcast import document, sources

    source = sources.read(path)
    assert source.format == fmt
    got, expected = document.parse(source), document.parse(sources.read(markdown))
    for field in SAME_FIELDS:
        assert getattr(got, field) == getattr(expected, field), field
    assert [(b.type, b.label, b.text) for b in document.walk(got.body)] == [
        (b.type, b.label, b.text) for b in document.walk(expected.body)]
    return got


def decode(path_or_bytes, rate: int = 44100) -> np.ndarray:
    """Decode any audio with the project's ffmpeg to mono float samples in [-1, 1]."""
    from broadcast.audio import ffmpeg

    segment = ffmpeg.decode(path_or_bytes, rate=rate)
    return np.frombuffer(segment.raw_data, dtype=np.int16).astype(np.float64) / 32768


def segment_samples(segment) -> np.ndarray:
    return np.frombuffer(segment.raw_data, dtype=np.int16).astype(np.float64) / 32768


def rms_db(samples: np.ndarray) -> float:
    rms = float(np.sqrt(np.mean(samples**2))) if len(samples) else 0.0
    return 20 * np.log10(rms) if rms > 0 else -120.0


def best_correlation(haystack: np.ndarray, needle: np.ndarray) -> float:
    """Highest normalized correlation of ``needle`` at any offset inside ``haystack``."""
    corr = np.correlate(haystack, needle, mode="valid")
    windows = np.sqrt(np.convolve(haystack**2, np.ones(len(needle)), mode="valid"))
    norm = np.linalg.norm(needle) * np.maximum(windows, 1e-12)
    return float(np.max(corr / norm))


def lufs(samples: np.ndarray, rate: int = 44100) -> float:
    """Integrated loudness (ITU-R BS.1770-4) by pyloudnorm, independent of the project's ffmpeg."""
    import pyloudnorm

    return float(pyloudnorm.Meter(rate).integrated_loudness(samples))


def true_peak_db(samples: np.ndarray, chunk: int = 441_000) -> float:
    """Peak of the 4x oversampled signal (as BS.1770 true peak), in dB, chunk by chunk."""
    from scipy.signal import resample_poly

    peak, overlap = 0.0, 256
    for start in range(0, len(samples), chunk):
        low = max(0, start - overlap)
        up = resample_poly(samples[low: start + chunk + overlap], 4, 1)
        # only the chunk's own samples: at a cut edge the filter rings over the real peak
        inner = up[4 * (start - low): 4 * (start - low + min(chunk, len(samples) - start))]
        peak = max(peak, float(np.max(np.abs(inner))))
    return 20 * np.log10(peak) if peak > 0 else -120.0


def tone(ms: int, freq: float = 440.0, level: float = 0.3):
    """A sine of ``ms`` milliseconds as a 44.1 kHz mono AudioSegment."""
    from broadcast.audio import pcm

    t = np.arange(int(44100 * ms / 1000)) / 44100
    return pcm((level * np.sin(2 * np.pi * freq * t) * 32767).astype("<i2").tobytes())


def tone_db(samples: np.ndarray, freq: float, rate: int = 44100) -> float:
    """Level (dB, of a full-scale sine) of the ``freq`` component of ``samples``."""
    t = np.arange(len(samples)) / rate
    c = np.dot(samples, np.cos(2 * np.pi * freq * t))
    s = np.dot(samples, np.sin(2 * np.pi * freq * t))
    amplitude = 2 * np.hypot(c, s) / len(samples)
    return 20 * np.log10(max(amplitude, 1e-12))


def band_share(samples: np.ndarray, below_hz: float, rate: int = 44100) -> float:
    """Share of the signal's energy below ``below_hz``."""
    power = np.abs(np.fft.rfft(samples)) ** 2
    freqs = np.fft.rfftfreq(len(samples), 1 / rate)
    return float(power[freqs < below_hz].sum() / power.sum())


def loud_regions(samples: np.ndarray, rate: int = 44100, threshold_db: float = -45.0,
                 frame_ms: int = 5) -> list[tuple[float, float]]:
    """(start s, end s) of every stretch louder than ``threshold_db``, from 5 ms frames."""
    size = rate * frame_ms // 1000
    frames = samples[: len(samples) // size * size].reshape(-1, size)
    level = 20 * np.log10(np.maximum(np.sqrt(np.mean(frames**2, axis=1)), 1e-9))
    loud = np.concatenate([[False], level > threshold_db, [False]])
    edges = np.flatnonzero(np.diff(loud.astype(int)))
    pairs = zip(edges[::2], edges[1::2], strict=True)
    return [(a * size / rate, b * size / rate) for a, b in pairs]


def run_cli(args, capsys) -> tuple[int, str, str]:
    """Run the command line in-process: (exit code, stdout, stderr)."""
    from broadcast.cli import main

    try:
        main(args)
        code = 0
    except SystemExit as exc:
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def count_text_read(monkeypatch, module, name: str) -> list[int]:
    """Replace ``module.name`` by a wrapper that notes the length of the text it is given: a
    count of work that does not depend on the machine's speed (no timing in tests)."""
    seen: list[int] = []
    original = getattr(module, name)

    def counting(text, *args, **kwargs):
        seen.append(len(text))
        return original(text, *args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return seen
