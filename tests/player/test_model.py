"""The player's state without a terminal or sound device."""

import json

import pytest

from broadcast.player.model import Cue, Player, Track, manifest_beside

CUES = (Cue(4000, 7000, "Tiêu đề", "tiêu đề"), Cue(8000, 12000, "Câu một.", "câu một"),
        Cue(12500, 20000, "Câu hai.", "câu hai"))


def player(**kwargs) -> Player:
    return Player(Track("bai.mp3", 25_000, cues=CUES), **kwargs)


def test_time_moves_only_while_playing_and_stops_at_the_end():
    p = player()
    p.advance(1500)
    assert p.position_ms == 1500
    p.toggle_pause()
    p.advance(5000)
    assert p.position_ms == 1500 and p.paused
    p.toggle_pause()
    p.advance(60_000)
    assert p.position_ms == 25_000 and p.finished


@pytest.mark.parametrize(("start", "delta", "expected"), [
    (10_000, 5000, 15_000), (10_000, -5000, 5000), (2000, -5000, 0), (23_000, 5000, 25_000),
])
def test_seek_is_clamped_to_the_track(start, delta, expected):
    p = player(position_ms=start)
    p.seek(delta)
    assert p.position_ms == expected


@pytest.mark.parametrize(("position", "current", "speaking"), [
    (0, None, False), (3999, None, False), (4000, 0, True), (7500, 0, False),
    (8000, 1, True), (12_200, 1, False), (19_999, 2, True), (24_000, 2, False),
])
def test_current_segment_and_whether_it_is_being_read(position, current, speaking):
    p = player(position_ms=position)
    assert p.current == current
    assert p.speaking is speaking


def test_next_and_previous_segment():
    p = player(position_ms=1000)
    p.next_segment()
    assert p.position_ms == 4000
    p.next_segment()
    p.next_segment()
    assert p.position_ms == 12_500
    p.next_segment()  # no segment after the last: stays
    assert p.position_ms == 12_500
    p.previous_segment()  # just started the segment: go to the one before
    assert p.position_ms == 8000
    p.jump(11_000)
    p.previous_segment()  # 3 s into it: back to its own start
    assert p.position_ms == 8000
    p.jump(4100)
    p.previous_segment()
    assert p.position_ms == 4000


def test_volume_steps_and_limits():
    p = player()
    for _ in range(30):
        p.handle("+")
    assert p.volume == 2.0
    for _ in range(30):
        p.handle("-")
    assert p.volume == 0.0
    p.handle("=")
    assert p.volume == 0.1


def test_keys_map_to_actions_and_q_quits():
    p = player(position_ms=10_000)
    assert p.handle("right") and p.position_ms == 15_000
    assert p.handle("left") and p.position_ms == 10_000
    assert p.handle(" ") and p.paused
    assert p.handle("r") and p.position_ms == 0 and not p.paused
    assert p.handle("x")  # unknown keys are ignored
    assert p.handle("q") is False


def test_manifest_cues_cover_every_repetition(tmp_path):
    manifest = {"title": "Bài", "commune": "xã Phúc Lộc", "engine": "espeak",
                "profile": {"name": "loa-keo"}, "repeats": [0.0, 30.0],
                "loudness": {"integrated": -13.04, "true_peak": -1.26},
                "segments": [{"start": 4.0, "end": 7.0, "text": "A.", "spoken": "a"},
                             {"start": 8.0, "end": 9.5, "text": "B.", "spoken": "bê"}]}
    mp3 = tmp_path / "bai.mp3"
    mp3.with_suffix(".json").write_text(json.dumps(manifest), encoding="utf-8")
    track = Track.from_manifest(mp3, 60_000, manifest_beside(mp3))
    assert [(c.start_ms, c.text) for c in track.cues] == [(4000, "A."), (8000, "B."),
                                                          (34_000, "A."), (38_000, "B.")]
    assert track.profile == "loa-keo" and track.loudness == "-13.0 LUFS, đỉnh -1.3 dBTP"


@pytest.mark.parametrize("content", [None, "{broken", '{"title": "no segments"}'])
def test_no_usable_manifest(tmp_path, content):
    mp3 = tmp_path / "bai.mp3"
    if content is not None:
        mp3.with_suffix(".json").write_text(content, encoding="utf-8")
    assert manifest_beside(mp3) is None


GOOD = {"title": "Bài", "segments": [{"start": 1.0, "end": 2.0, "text": "A.", "spoken": "a"}]}


@pytest.mark.parametrize(("change", "field"), [
    ({"segments": {"start": 1}}, "'segments'"),
    ({"segments": ["câu"]}, r"'segments\[0\]'"),
    ({"segments": [{"start": "1", "end": 2}]}, r"'segments\[0\].start'"),
    ({"segments": [{"start": 1, "end": True}]}, r"'segments\[0\].end'"),
    ({"segments": [{"start": 1e308, "end": 2}]}, r"'segments\[0\].start'"),
    ({"segments": [{"end": 2}]}, r"'segments\[0\]'"),
    ({"segments": [{"start": 1, "end": 2, "text": 5}]}, r"'segments\[0\].text'"),
    ({"repeats": "0, 30"}, "'repeats'"),
    ({"repeats": [0, None, "x"]}, "'repeats'"),
    ({"title": ["Bài"]}, "'title'"),
    ({"profile": "loa-keo"}, "'profile'"),
    ({"profile": {"name": 1}}, "'profile.name'"),
    ({"loudness": {"integrated": "-13"}}, "'loudness.integrated'"),
    ({"loudness": [1, 2]}, "'loudness'"),
])
def test_a_manifest_with_wrong_types_is_refused_with_one_line(tmp_path, change, field):
    from broadcast.errors import BroadcastError

    mp3 = tmp_path / "bai.mp3"
    mp3.with_suffix(".json").write_text(json.dumps({**GOOD, **change}), encoding="utf-8")
    with pytest.raises(BroadcastError, match=f"bai.json.*trường {field}") as info:
        Track.from_manifest(mp3, 60_000, manifest_beside(mp3))
    assert "\n" not in str(info.value)


def test_too_many_repeats_of_too_many_segments_are_refused(tmp_path):
    from broadcast.errors import BroadcastError
    from broadcast.player import model

    manifest = {"segments": [{"start": i, "end": i + 0.5} for i in range(1000)],
                "repeats": list(range(0, 300_000, 1000))}
    with pytest.raises(BroadcastError, match="tối đa 200000"):
        Track.from_manifest(tmp_path / "bai.mp3", 60_000, manifest)
    assert model.MAX_CUES == 200_000


def test_a_deeply_nested_manifest_is_no_manifest(tmp_path):
    mp3 = tmp_path / "bai.mp3"
    mp3.with_suffix(".json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert manifest_beside(mp3) is None
