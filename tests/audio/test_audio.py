import numpy as np
import pytest

from broadcast.audio import AudioSegment, ffmpeg, jingles
from broadcast.audio.program import Gaps, assemble, master
from broadcast.errors import BroadcastError
from tests.conftest import best_correlation, decode, rms_db, segment_samples


def tone(ms: int, freq: float = 440.0, level: float = 0.3) -> AudioSegment:
    t = np.arange(int(44100 * ms / 1000)) / 44100
    pcm = (level * np.sin(2 * np.pi * freq * t) * 32767).astype(np.int16)
    return AudioSegment(data=pcm.tobytes(), sample_width=2, frame_rate=44100, channels=1)


@pytest.mark.parametrize("make", [jingles.default_intro, jingles.default_outro])
def test_jingles_are_short_and_not_silent(make):
    jingle = make()
    assert 2.0 <= len(jingle) / 1000 <= 5.0
    samples = segment_samples(jingle)
    assert rms_db(samples[:44100]) > -25
    assert np.max(np.abs(samples)) < 0.99


def test_intro_and_outro_differ():
    intro = segment_samples(jingles.default_intro())[:44100]
    outro = segment_samples(jingles.default_outro())[:44100]
    assert best_correlation(np.concatenate([intro, np.zeros(10)]), outro[:22050]) < 0.8


def test_assemble_places_parts_in_order_with_pauses():
    intro, outro = tone(1000, 880), tone(800, 220)
    parts = [(tone(500, 300), 200), (tone(700, 500), 400)]
    gaps = Gaps(after_intro=300, before_outro=600)
    program = assemble(parts, intro, outro, gaps)
    assert program.cues == [(1300, 1800), (2000, 2700)]
    assert program.duration_ms == 1000 + 300 + 500 + 200 + 700 + 400 + 600 + 800
    samples = segment_samples(program.audio)
    quiet = samples[int(1.05 * 44100): int(1.25 * 44100)]
    assert rms_db(quiet) < -80
    second = samples[int(2.1 * 44100): int(2.6 * 44100)]
    assert best_correlation(second, segment_samples(tone(100, 500))) > 0.99


def test_master_brings_peak_to_target():
    quiet = tone(500, level=0.05)
    assert master(quiet).max_dBFS == pytest.approx(-1.0, abs=0.1)


def test_mp3_round_trip_keeps_duration_and_tags(tmp_path):
    out = tmp_path / "x.mp3"
    ffmpeg.encode_mp3(tone(2000), out, "128k", {"title": "Bài tuyên truyền", "artist": "Đài xã"})
    samples = decode(out)
    assert len(samples) / 44100 == pytest.approx(2.0, abs=0.06)
    meta = ffmpeg.run(["-i", str(out), "-f", "ffmetadata", "pipe:1"]).decode()
    assert "title=Bài tuyên truyền" in meta and "artist=Đài xã" in meta


def test_decoding_garbage_is_a_user_error(tmp_path):
    bad = tmp_path / "bad.mp3"
    bad.write_bytes(b"not audio at all" * 10)
    with pytest.raises(BroadcastError, match="ffmpeg"):
        ffmpeg.decode(bad)
