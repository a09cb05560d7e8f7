import numpy as np
import pytest

from broadcast.audio import ffmpeg, jingles, tags
from broadcast.audio.program import Layout, assemble, repeat_offsets, repeated
from broadcast.errors import BroadcastError
from tests.conftest import best_correlation, decode, rms_db, segment_samples, tone


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
    layout = Layout(after_intro=300, before_outro=600, fade_out=0)
    program = assemble(parts, intro, outro, layout)
    assert program.cues == [(1300, 1800), (2000, 2700)]
    assert program.duration_ms == 1000 + 300 + 500 + 200 + 700 + 400 + 600 + 800
    samples = segment_samples(program.audio)
    quiet = samples[int(1.05 * 44100): int(1.25 * 44100)]
    assert rms_db(quiet) < -80
    second = samples[int(2.1 * 44100): int(2.6 * 44100)]
    assert best_correlation(second, segment_samples(tone(100, 500))) > 0.99


def test_cues_stay_exact_over_many_parts():
    """Lengths are counted in samples, so 200 parts of odd lengths do not drift."""
    parts = [(tone(333 + i % 7), 351) for i in range(200)]
    program = assemble(parts, tone(1000), tone(500), Layout(after_intro=700, fade_out=0))
    expected = 1000 + 700 + sum(len(a.raw_data) // 2 / 44.1 + 351 for a, _ in parts[:-1])
    assert program.cues[-1][0] == pytest.approx(expected, abs=1)


def test_fades_shape_the_jingles_only():
    program = assemble([(tone(500, 300), 100)], tone(1000, 880), tone(1000, 220),
                       Layout(after_intro=0, before_outro=0, fade_in=500, fade_out=500))
    samples = segment_samples(program.audio)
    assert rms_db(samples[:2205]) < rms_db(samples[33075:44100]) - 10
    assert rms_db(samples[-2205:]) < rms_db(samples[-44100:-33075]) - 10
    speech = samples[44100 + 441: 44100 + 21609]
    assert rms_db(speech) == pytest.approx(rms_db(segment_samples(tone(500, 300))), abs=0.2)


@pytest.mark.parametrize(("count", "gap"), [(1, 0), (2, 5000), (3, 1500)])
def test_repeat_changes_duration_as_expected(count, gap):
    program = tone(2000)
    layout = Layout(repeat=count, repeat_gap=gap)
    out = repeated(program, layout)
    assert len(out) == pytest.approx(count * 2000 + (count - 1) * gap, abs=1)
    offsets = repeat_offsets(2000, layout)
    assert offsets == [i * (2000 + gap) for i in range(count)]
    samples = segment_samples(out)
    for offset in offsets:
        start = int((offset + 100) * 44.1)
        assert rms_db(samples[start: start + 4410]) > -15
    if gap:
        middle = int((2000 + gap / 2) * 44.1)
        assert rms_db(samples[middle: middle + 2205]) < -80


def test_mp3_round_trip_keeps_duration_and_tags(tmp_path):
    from mutagen.id3 import ID3

    out = tmp_path / "x.mp3"
    ffmpeg.encode_mp3(tone(2000), out, ffmpeg.Encoding(bitrate=64))
    tags.write(out, tags.Tags(title="Bài tuyên truyền", artist="Đài truyền thanh xã Phúc Lộc",
                              album="Bài tuyên truyền tháng 07/2024", date="2024-07-04",
                              comment="Thông báo số 62/TB-UBND ngày 26/6/2024"))
    samples = decode(out)
    assert len(samples) / 44100 == pytest.approx(2.0, abs=0.06)
    id3 = ID3(out)
    assert id3["TIT2"].text == ["Bài tuyên truyền"]
    assert id3["TPE1"].text == ["Đài truyền thanh xã Phúc Lộc"]
    assert id3["TALB"].text == ["Bài tuyên truyền tháng 07/2024"]
    assert str(id3["TDRC"].text[0]).startswith("2024")
    assert id3.getall("COMM")[0].text == ["Thông báo số 62/TB-UBND ngày 26/6/2024"]
    bitrate = out.stat().st_size * 8 / 2.0 / 1000
    assert 55 < bitrate < 80


def test_decoding_garbage_is_a_user_error(tmp_path):
    bad = tmp_path / "bad.mp3"
    bad.write_bytes(b"not audio at all" * 10)
    with pytest.raises(BroadcastError, match="ffmpeg"):
        ffmpeg.decode(bad)
