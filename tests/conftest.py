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
