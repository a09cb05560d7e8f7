"""Mastering measured independently: pyloudnorm for loudness, 4x oversampling for true peak."""

import numpy as np
import pytest

from broadcast import profiles
from broadcast.audio import AudioSegment, ffmpeg
from broadcast.audio.mastering import Mastering, loudness, master, measure
from tests.conftest import band_share, decode, lufs, true_peak_db


def voice_like(seconds: float = 12.0, level: float = 0.5, seed: int = 1) -> AudioSegment:
    """Bursts of a 110 Hz buzz with syllable modulation and short pauses: speech-like level
    statistics, deep bass the loudspeaker profile must remove, peaks the limiter must catch."""
    rng = np.random.default_rng(seed)
    rate = 44100
    t = np.arange(int(seconds * rate)) / rate
    buzz = sum(np.sin(2 * np.pi * 110 * k * t + rng.uniform(0, 6)) / k for k in range(1, 40))
    syllables = np.clip(np.sin(2 * np.pi * 3.5 * t), 0, None) ** 0.5
    phrases = (np.sin(2 * np.pi * 0.25 * t) > -0.6).astype(float)
    signal = buzz * syllables * phrases
    pcm = (level * signal / np.max(np.abs(signal)) * 32767).astype("<i2")
    return AudioSegment(data=pcm.tobytes(), sample_width=2, frame_rate=rate, channels=1)


def _mastered(tmp_path, settings: Mastering, encoding: ffmpeg.Encoding, audio=None):
    audio = audio or voice_like()
    dest = tmp_path / "out.mp3"
    result = master(audio, settings, lambda a: ffmpeg.encode_mp3(a, dest, encoding))
    return result, decode(dest)


@pytest.mark.parametrize("name", ["dai-truyen-thanh", "loa-keo"])
@pytest.mark.parametrize("level", [0.05, 0.9])
def test_profiles_hit_loudness_target_under_true_peak_ceiling(tmp_path, name, level):
    profile = profiles.load(name)
    result, samples = _mastered(tmp_path, profile.mastering, profile.encoding,
                                voice_like(level=level))
    target = profile.mastering.loudness
    assert lufs(samples) == pytest.approx(target, abs=1.0)
    assert true_peak_db(samples) <= profile.mastering.true_peak + 0.05
    assert result.integrated == pytest.approx(lufs(samples), abs=0.5)
    assert result.true_peak <= profile.mastering.true_peak


def test_loudspeaker_profile_removes_the_bass(tmp_path):
    profile = profiles.load("loa-keo")
    raw = voice_like()
    _, samples = _mastered(tmp_path, profile.mastering, profile.encoding, raw)
    before = band_share(np.frombuffer(raw.raw_data, "<i2") / 32768, 120)
    after = band_share(samples, 120)
    assert before > 0.2
    assert after < before / 10


def test_full_band_profile_keeps_the_bass(tmp_path):
    profile = profiles.load("dai-truyen-thanh")
    raw = voice_like()
    _, samples = _mastered(tmp_path, profile.mastering, profile.encoding, raw)
    before = band_share(np.frombuffer(raw.raw_data, "<i2") / 32768, 120)
    assert band_share(samples, 120) == pytest.approx(before, rel=0.3)


def test_compression_evens_out_loud_and_quiet_passages(tmp_path):
    quiet, loud = voice_like(6, 0.05, seed=2), voice_like(6, 0.8, seed=3)
    both = quiet + loud
    plain = Mastering(loudness=-16)
    squeezed = Mastering(loudness=-16, compress=True)
    _, flat = _mastered(tmp_path, plain, ffmpeg.Encoding(), both)
    _, even = _mastered(tmp_path, squeezed, ffmpeg.Encoding(), both)
    half = len(flat) // 2

    def spread(samples):
        return lufs(samples[half:]) - lufs(samples[:half])

    assert spread(flat) > 20
    assert spread(even) < spread(flat) - 8


def test_measure_agrees_with_an_independent_meter():
    audio = voice_like(level=0.3)
    samples = np.frombuffer(audio.raw_data, "<i2") / 32768
    got = measure(audio)
    assert got.integrated == pytest.approx(lufs(samples), abs=0.3)
    assert got.true_peak == pytest.approx(true_peak_db(samples), abs=0.3)
    assert loudness(audio) == pytest.approx(got.integrated, abs=0.05)


def test_silence_is_written_as_silence(tmp_path):
    silent = AudioSegment.silent(duration=2000, frame_rate=44100)
    result, samples = _mastered(tmp_path, Mastering(), ffmpeg.Encoding(), silent)
    assert np.max(np.abs(samples)) < 1e-3
    assert result.integrated < -60


def test_the_ceiling_wins_when_encoding_keeps_pushing_past_it(tmp_path, monkeypatch):
    """An encoder that adds 1.5 dB (as a low bitrate overshoots) and no attempt left to correct
    the aim: the same mix is written that much quieter, under the ceiling."""
    from broadcast.audio import mastering

    monkeypatch.setattr(mastering, "ATTEMPTS", 1)
    dest = tmp_path / "out.mp3"
    settings = Mastering(loudness=-14.0, true_peak=-1.0)
    result = master(voice_like(level=0.9), settings,
                    lambda a: ffmpeg.encode_mp3(a.apply_gain(1.5), dest, ffmpeg.Encoding()))
    samples = decode(dest)
    assert true_peak_db(samples) <= settings.true_peak + 0.05
    assert result.true_peak <= settings.true_peak
    assert lufs(samples) == pytest.approx(settings.loudness, abs=2.0)


def test_a_written_file_is_read_by_both_true_peak_meters(tmp_path):
    from broadcast.audio.mastering import measure_file

    dest = tmp_path / "peak.mp3"
    ffmpeg.encode_mp3(voice_like(level=0.95), dest, ffmpeg.Encoding(bitrate=64))
    got = measure_file(dest)
    assert got.true_peak == pytest.approx(true_peak_db(decode(dest)), abs=0.1)
    assert got.integrated == pytest.approx(lufs(decode(dest)), abs=0.3)
