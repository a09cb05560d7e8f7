import numpy as np
import pytest

from broadcast.audio.bed import HEADROOM_DB, BedSettings, looped, mix
from broadcast.audio.program import Layout, assemble
from tests.conftest import lufs, segment_samples, tone, tone_db

BED_HZ, VOICE_HZ, JINGLE_HZ = 2500.0, 300.0, 660.0


def _window(samples, start_s, length_s=0.5):
    return samples[int(start_s * 44100): int((start_s + length_s) * 44100)]


@pytest.fixture
def mixed():
    parts = [(tone(2000, VOICE_HZ), 400), (tone(3000, VOICE_HZ), 400)]
    program = assemble(parts, tone(3000, JINGLE_HZ), tone(3000, JINGLE_HZ),
                       Layout(after_intro=700, before_outro=700, fade_out=0))
    settings = BedSettings(level=-8.0, duck=18.0, attack=500, release=1000, fade=1000)
    return program, segment_samples(mix(program, tone(1700, BED_HZ), settings)), settings


def test_bed_is_ducked_at_least_15_db_during_speech(mixed):
    program, samples, settings = mixed
    intro_level = tone_db(_window(samples, 1.5), BED_HZ)
    start, end = (t / 1000 for t in program.speech_span)
    for moment in (start + 0.2, (start + end) / 2, end - 0.7):
        during = tone_db(_window(samples, moment), BED_HZ)
        assert intro_level - during >= 15
        assert intro_level - during == pytest.approx(settings.duck, abs=1.0)


def test_bed_returns_under_the_outro_and_fades_at_both_ends(mixed):
    program, samples, _ = mixed
    intro_level = tone_db(_window(samples, 1.5), BED_HZ)
    outro = program.duration_ms / 1000 - 2.2
    assert tone_db(_window(samples, outro), BED_HZ) == pytest.approx(intro_level, abs=1.0)
    assert tone_db(_window(samples, 0.0, 0.2), BED_HZ) < intro_level - 6
    end = len(samples) / 44100
    assert tone_db(_window(samples, end - 0.2, 0.2), BED_HZ) < intro_level - 6


def test_bed_loudness_is_set_against_the_speech(mixed):
    """Measured as loudness (K-weighted), so a bright bed is not louder than it sounds."""
    program, samples, settings = mixed
    dry = segment_samples(program.audio) * 10 ** (-HEADROOM_DB / 20)
    bed_only = samples - dry
    voice = lufs(_window(dry, 4.0, 1.5))
    bed = lufs(_window(bed_only, 1.2, 1.5))
    assert bed - voice == pytest.approx(settings.level, abs=1.0)


def test_the_voice_itself_is_untouched_by_ducking(mixed):
    _, samples, _ = mixed
    first, last = tone_db(_window(samples, 4.0), VOICE_HZ), tone_db(_window(samples, 8.0), VOICE_HZ)
    assert first == pytest.approx(last, abs=0.3)


def test_short_bed_is_looped_to_length():
    bed = looped(tone(1700, BED_HZ), 10_000)
    assert len(bed) == 10_000
    samples = segment_samples(bed)
    levels = [tone_db(_window(samples, s, 0.3), BED_HZ) for s in np.arange(0, 9.5, 0.5)]
    assert max(levels) - min(levels) < 1.5
