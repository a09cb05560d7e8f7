"""The frame layout at several terminal sizes, and the sound feed, without a terminal."""

import re
from array import array

import pytest

from broadcast.player.model import Cue, Player, Track
from broadcast.player.screen import HIGHLIGHT, render
from broadcast.player.sound import Output

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
LONG = ("Đề nghị các cơ quan, đơn vị, Ủy ban nhân dân các xã, thị trấn tập trung thực hiện "
        "quyết liệt các giải pháp nâng cao chỉ số cải cách hành chính trong năm hai nghìn "
        "không trăm hai mươi tư, bảo đảm đúng tiến độ đề ra.")
CUES = tuple(Cue(4000 + 6000 * i, 9000 + 6000 * i, f"Câu số {i}. {LONG}", f"câu số {i} đọc")
             for i in range(5))
TRACK = Track("bai.mp3", 40_000, "BÀI TUYÊN TRUYỀN VỀ PHÒNG CHÁY RỪNG", "xã Phúc Lộc", "piper",
              "loa-keo", "-13.0 LUFS, đỉnh -1.2 dBTP", CUES)


def visible(lines):
    return [ANSI.sub("", line) for line in lines]


@pytest.mark.parametrize(("width", "height"), [(80, 24), (120, 40), (40, 12), (30, 10),
                                               (20, 6), (21, 7), (25, 11), (10, 5), (1, 1)])
def test_frame_fits_the_terminal(width, height):
    lines = render(Player(TRACK, position_ms=16_000), width, height, "Không có âm thanh.")
    assert len(lines) <= height
    assert all(len(line) <= width for line in visible(lines))


@pytest.mark.parametrize("position", [0, 2_000, 16_000, 40_000])
def test_every_size_from_20_by_6_fits_at_every_moment(position):
    long = Track("bai.mp3" * 9, 40_000, "BÀI " * 30, "xã Phúc Lộc " * 8, "piper", "loa-keo",
                 "-13.0 LUFS", CUES)
    for track in (long, Track("bai.mp3", 40_000, note=LONG * 3)):
        for width in range(20, 61, 3):
            for height in range(6, 20):
                lines = visible(render(Player(track, position_ms=position), width, height,
                                       "Không có âm thanh (lỗi thiết bị)."))
                assert len(lines) <= height, (width, height)
                assert all(len(line) <= width for line in lines), (width, height)


def test_the_smallest_frame_keeps_the_progress_the_sentence_and_the_keys():
    text = "\n".join(visible(render(Player(TRACK, position_ms=16_500), 20, 6)))
    assert "00:16 / 00:40" in text and "▶  Câu số 2" in text and "q thoát" not in text
    assert "cách dừng" in text


def test_a_window_too_small_says_so_in_what_fits():
    assert visible(render(Player(TRACK), 19, 6)) == ["Cửa sổ nhỏ quá: cần"]
    assert render(Player(TRACK), 80, 0) == []


def test_control_characters_from_a_manifest_never_reach_the_terminal():
    cues = (Cue(0, 5000, "Câu\x1b[2J một\x07", "đọc\x9b31m"),)
    lines = render(Player(Track("bai.mp3", 9000, "Tiêu\x1b]0;x\x07 đề", cues=cues)), 40, 12)
    assert not any(ch in line for line in visible(lines) for ch in "\x07\x9b")
    assert all(line.count("\x1b") == len(ANSI.findall(line)) for line in lines)


def test_frame_shows_current_spoken_and_neighbours():
    lines = render(Player(TRACK, position_ms=16_500), 80, 24)
    text = "\n".join(visible(lines))
    assert "▶  Câu số 2." in text and "Đọc: câu số 2 đọc" in text
    assert "Câu số 1." in text and "Câu số 3." in text and "Câu số 4." not in text
    assert "Câu 3/5" in text
    assert "00:16 / 00:40" in text and "xã Phúc Lộc" in text and "piper" in text
    spoken_line = next(line for line in lines if "Đọc:" in line)
    assert spoken_line.startswith(HIGHLIGHT)
    previous_line = next(line for line in lines if "Câu số 1." in line)
    assert previous_line.startswith("\x1b[2m")  # dimmed
    assert "q thoát" in text


def test_pause_and_volume_are_shown():
    p = Player(TRACK, position_ms=1000, paused=True, volume=0.7)
    text = "\n".join(visible(render(p, 100, 24)))
    assert "Tạm dừng" in text and "Âm lượng 70%" in text and "nhạc hiệu mở đầu" in text


def test_without_manifest_a_note_replaces_the_text():
    track = Track("bai.mp3", 10_000, title="bai", note="Không có lời đọc đi kèm.")
    text = "\n".join(visible(render(Player(track, position_ms=5000), 80, 24)))
    assert "Không có lời đọc đi kèm." in text and "00:05 / 00:10" in text


def test_sound_feed_follows_the_model():
    rate = 1000
    pcm = array("h", [1000] * 3000).tobytes()  # 3 s at 1 kHz
    p = Player(Track("x", 3000))
    out = Output(pcm, rate, p)
    chunk = array("h", out.chunk(500))
    assert list(chunk) == [1000] * 500 and p.position_ms == 500
    p.change_volume(-5)
    assert set(array("h", out.chunk(100))) == {500}
    p.toggle_pause()
    assert set(array("h", out.chunk(100))) == {0} and p.position_ms == 600
    p.toggle_pause()
    p.jump(2900)
    tail = array("h", out.chunk(500))
    assert list(tail[:100]) == [500] * 100 and set(tail[100:]) == {0} and p.finished
