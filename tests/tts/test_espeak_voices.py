"""espeak-ng's Vietnamese variants and its rate and pitch settings, measured on the audio."""

import numpy as np
import pytest

from broadcast.errors import BroadcastError
from broadcast.tts import get_engine

TEXT = "Kính thưa bà con nhân dân, xã tổ chức tiêm phòng vào sáng thứ bảy."


def pcm(audio) -> np.ndarray:
    return np.frombuffer(audio.data, dtype="<i2") / 32768


def seconds(audio) -> float:
    return len(audio.data) / 2 / audio.sample_rate


def pitch_hz(samples: np.ndarray, rate: int) -> float:
    """Median fundamental of the voiced frames, by autocorrelation (60–400 Hz)."""
    frame, found = int(0.04 * rate), []
    for start in range(0, len(samples) - frame, frame):
        x = samples[start:start + frame]
        if np.sqrt(np.mean(x ** 2)) < 0.02:
            continue
        x = x - x.mean()
        corr = np.correlate(x, x, "full")[frame - 1:]
        low, high = rate // 400, rate // 60
        lag = low + int(np.argmax(corr[low:high]))
        if corr[lag] > 0.3 * corr[0]:
            found.append(rate / lag)
    return float(np.median(found))


@pytest.mark.parametrize("voice", ["vi", "vi-VN-x-central", "vi-VN-x-south"])
def test_every_variant_speaks(voice):
    audio = get_engine("espeak").synthesize(TEXT, voice)
    assert 2.0 < seconds(audio) < 10.0
    assert np.sqrt(np.mean(pcm(audio) ** 2)) > 0.02


def test_variants_sound_different():
    engine = get_engine("espeak")
    north, south = (pcm(engine.synthesize(TEXT, v)) for v in ("vi", "vi-VN-x-south"))
    assert len(north) != len(south) or not np.array_equal(north, south)


def test_rate_changes_the_length():
    slow = get_engine("espeak", rate=110).synthesize(TEXT)
    fast = get_engine("espeak", rate=220).synthesize(TEXT)
    assert seconds(slow) / seconds(fast) == pytest.approx(2.0, rel=0.3)


def test_pitch_changes_the_voice_fundamental():
    low = get_engine("espeak", pitch=10).synthesize(TEXT)
    high = get_engine("espeak", pitch=90).synthesize(TEXT)
    assert pitch_hz(pcm(high), high.sample_rate) > 1.2 * pitch_hz(pcm(low), low.sample_rate)


@pytest.mark.parametrize(("settings", "message"), [
    ({"rate": 1000}, "rate.*80 đến 450"),
    ({"pitch": -1}, "pitch.*0 đến 99"),
    ({"rate": "nhanh"}, "rate"),
    ({"speed": 2}, "không có thiết lập 'speed'.*pitch, rate"),
    ({"endpoint": "http://x"}, "không có thiết lập 'endpoint'"),  # another engine's setting
])
def test_bad_settings_are_named(settings, message):
    with pytest.raises(BroadcastError, match=message):
        get_engine("espeak", **settings)


def test_load_checks_the_voice_before_any_synthesis():
    with pytest.raises(BroadcastError, match="vi, vi-VN-x-central, vi-VN-x-south"):
        get_engine("espeak").load("vi-VN-x-hue")


@pytest.mark.parametrize("voice", ["klingon", "en", "tlh", "vi-VN"])
def test_a_voice_espeak_has_in_another_language_is_refused(voice):
    with pytest.raises(BroadcastError, match=f"tiếng Việt '{voice}'"):
        get_engine("espeak").load(voice)
