"""Music files with a length limit: a jingle longer than a few minutes is refused without
decoding it all; a bed of any length is read only as far as it is used; looping a bed under a
long program costs in proportion to its length."""

from __future__ import annotations

import numpy as np
import pytest

from broadcast.audio import AudioSegment, bed, ffmpeg, music, pcm
from broadcast.errors import BroadcastError


def tone_file(path, seconds: float):
    ffmpeg.run(["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}", "-ar", "8000",
                "-ac", "1", "-y", str(path)])
    return path


@pytest.fixture
def decoded(monkeypatch):
    """The length of every decode, as ffmpeg returned it."""
    lengths = []
    real = ffmpeg.decode

    def spy(*args, **kwargs):
        audio = real(*args, **kwargs)
        lengths.append(len(audio))
        return audio

    monkeypatch.setattr(ffmpeg, "decode", spy)
    return lengths


def test_a_jingle_over_the_limit_is_refused_after_decoding_only_the_limit(tmp_path, monkeypatch,
                                                                           decoded):
    monkeypatch.setattr(music, "JINGLE_MAX_MS", 2_000)
    path = tone_file(tmp_path / "mo-dau.wav", 20)
    with pytest.raises(BroadcastError, match="nhạc hiệu mở đầu .*dài hơn 2 giây") as info:
        music.load(path, "nhạc hiệu mở đầu")
    assert "\n" not in str(info.value)
    assert decoded and decoded[0] <= 3_000  # not the whole 20 s


def test_the_default_jingle_limit_is_three_minutes():
    assert music.JINGLE_MAX_MS == 3 * 60_000


def test_a_jingle_within_the_limit_is_read_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(music, "JINGLE_MAX_MS", 2_000)
    audio = music.load(tone_file(tmp_path / "ket-thuc.wav", 1.5), "nhạc hiệu kết thúc")
    assert len(audio) == pytest.approx(1_500, abs=60)


def test_a_long_bed_is_accepted_but_read_only_as_far_as_needed(tmp_path, monkeypatch, decoded):
    monkeypatch.setattr(music, "BED_READ_MS", 3_000)
    monkeypatch.setattr(music, "JINGLE_MAX_MS", 1_000)
    audio = music.load(tone_file(tmp_path / "nen.wav", 20), "nhạc nền")
    assert len(audio) == pytest.approx(3_000, abs=30) and decoded[0] <= 3_000


def _old_looped(segment: AudioSegment, length_ms: int) -> AudioSegment:
    out = segment
    while len(out) < length_ms:
        out = out.append(segment, crossfade=min(bed.LOOP_CROSSFADE_MS, len(segment) // 4))
    return out[:length_ms]


def _noise(ms: int) -> AudioSegment:
    rng = np.random.default_rng(7)
    return pcm((rng.standard_normal(44100 * ms // 1000) * 3000).astype("<i2").tobytes())


@pytest.mark.parametrize(("bed_ms", "length_ms"), [(1_000, 12_345), (3_700, 5_000),
                                                     (800, 800), (2_000, 500)])
def test_looping_gives_the_same_samples_as_appending_seam_by_seam(bed_ms, length_ms):
    segment = _noise(bed_ms)
    assert bed.looped(segment, length_ms).raw_data == _old_looped(segment, length_ms).raw_data


def test_looping_a_short_bed_under_a_long_program_joins_once(monkeypatch):
    appends = []
    real = AudioSegment.append
    monkeypatch.setattr(AudioSegment, "append",
                        lambda self, *a, **k: appends.append(1) or real(self, *a, **k))
    out = bed.looped(_noise(1_000), 600_000)  # 10 minutes of a 1 s bed: 600 seams
    assert len(out) == 600_000
    assert len(appends) <= 2  # the seam-by-seam loop appended 600 times, copying each time
