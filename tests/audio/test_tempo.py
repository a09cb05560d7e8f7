import numpy as np
import pytest

from broadcast.audio import AudioSegment
from broadcast.audio.tempo import change_speed
from broadcast.errors import BroadcastError
from tests.conftest import segment_samples


def buzz(ms: int, f0: float = 150.0) -> AudioSegment:
    t = np.arange(int(44100 * ms / 1000)) / 44100
    wave = sum(np.sin(2 * np.pi * f0 * k * t) / k for k in range(1, 8))
    pcm = (0.2 * wave * 32767).astype(np.int16)
    return AudioSegment(data=pcm.tobytes(), sample_width=2, frame_rate=44100, channels=1)


def dominant_hz(samples: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples))))
    return float(np.fft.rfftfreq(len(samples), 1 / 44100)[np.argmax(spectrum)])


@pytest.mark.parametrize("speed", [0.8, 0.9, 1.15, 1.3])
def test_speed_changes_duration_not_pitch(speed):
    original = buzz(4000)
    faster = change_speed(original, speed)
    assert len(faster) == pytest.approx(4000 / speed, rel=0.02)
    assert dominant_hz(segment_samples(faster)) == pytest.approx(150.0, abs=3)


def test_normal_speed_is_the_same_audio():
    original = buzz(1000)
    assert change_speed(original, 1.0).raw_data == original.raw_data


@pytest.mark.parametrize("speed", [0.5, 0.79, 1.31, 2.0])
def test_speed_out_of_range_is_refused(speed):
    with pytest.raises(BroadcastError, match="0.8.*1.3"):
        change_speed(buzz(200), speed)
