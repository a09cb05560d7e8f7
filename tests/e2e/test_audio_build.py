"""Whole builds with a synthetic voice whose exact lengths are known, measured from the MP3:
captions against the audio, speed, repeats, bed, tags, loudness, and the audio options' errors."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import numpy as np
import pytest

from broadcast import profiles
from broadcast.config import Commune
from broadcast.pipeline import BuildOptions, build
from broadcast.tts import ENGINES
from tests.conftest import (
    SAMPLE,
    decode,
    loud_regions,
    lufs,
    run_cli,
    tone_db,
    true_peak_db,
)
from tests.fakes import ToneEngine

RATE = 44100
SRT_TIME = re.compile(r"(\d\d):(\d\d):(\d\d),(\d{3})")


@pytest.fixture
def tone_voice(monkeypatch):
    monkeypatch.setitem(ENGINES, "tone", "tests.fakes:ToneEngine")
    ToneEngine.calls = []
    return ToneEngine


def _build(tmp_path, profile="dai-truyen-thanh", speed=None, **extra):
    options = BuildOptions(commune=Commune.from_text("Phúc Lộc"), engine="tone",
                           out_dir=tmp_path / "out", broadcast_date=dt.date(2024, 7, 4),
                           profile=profiles.load(profile).with_speed(speed), **extra)
    result = build(SAMPLE, options)
    manifest = json.loads(Path(result.manifest).read_text(encoding="utf-8"))
    return result, manifest, decode(result.mp3)


def _seconds(stamp: str) -> float:
    h, m, s, ms = map(int, SRT_TIME.fullmatch(stamp).groups())
    return h * 3600 + m * 60 + s + ms / 1000


def read_srt(path: str) -> list[tuple[float, float, str]]:
    cues = []
    for block in Path(path).read_text(encoding="utf-8").strip().split("\n\n"):
        lines = block.split("\n")
        start, end = lines[1].split(" --> ")
        cues.append((_seconds(start), _seconds(end), " ".join(lines[2:])))
    return cues


@pytest.mark.parametrize("speed", [None, 1.2])
def test_every_caption_lies_on_its_speech(tmp_path, tone_voice, speed):
    result, manifest, samples = _build(tmp_path, speed=speed)
    cues = read_srt(result.captions)
    assert len(cues) == result.segments == len(tone_voice.calls)
    intro_end = manifest["durations"]["intro"]
    regions = [r for r in loud_regions(samples) if r[0] > intro_end + 0.2]
    regions = [r for r in regions if r[1] < cues[-1][1] + 0.2]
    assert len(regions) == len(cues)
    for (start, end, _), (onset, offset) in zip(cues, regions, strict=True):
        assert abs(start - onset) <= 0.05 and abs(end - offset) <= 0.05
    for (start, end, _), (_, length) in zip(cues, tone_voice.calls, strict=True):
        assert end - start == pytest.approx(length / (speed or 1.0), abs=0.05)
    assert cues[0][0] > intro_end


def test_captions_show_the_printed_text_and_manifest_holds_everything(tmp_path, tone_voice):
    result, manifest, samples = _build(tmp_path)
    cues = read_srt(result.captions)
    assert cues[0][2].startswith("BÀI TUYÊN TRUYỀN")
    assert not any("**" in text for _, _, text in cues)
    segment = manifest["segments"][0]
    assert {"text", "spoken", "start", "end", "engine", "voice", "pause_ms"} <= set(segment)
    assert segment["engine"] == "tone" and segment["voice"] == "buzz"
    assert [s["start"] for s in manifest["segments"]] == [c[0] for c in cues]
    assert manifest["profile"]["name"] == "dai-truyen-thanh"
    assert manifest["source"]["document"].startswith("Thông báo")
    assert manifest["durations"]["total"] == pytest.approx(len(samples) / RATE, abs=0.1)
    loud = manifest["loudness"]
    assert loud["target"] == -16.0
    assert loud["integrated"] == pytest.approx(lufs(samples), abs=0.5)
    assert lufs(samples) == pytest.approx(-16.0, abs=1.0)
    assert true_peak_db(samples) <= -1.0 + 0.05


def test_tags_read_back(tmp_path, tone_voice):
    from mutagen.id3 import ID3

    result, manifest, _ = _build(tmp_path)
    id3 = ID3(result.mp3)
    assert id3["TIT2"].text[0].startswith("[DRAFT] BÀI TUYÊN TRUYỀN VỀ")  # nobody approved it
    assert id3["TPE1"].text == ["Đài truyền thanh xã Phúc Lộc"]
    assert id3["TALB"].text == ["Bài tuyên truyền tháng 07/2024"]
    assert str(id3["TDRC"].text[0]) == "2024-07-04"
    comment = id3.getall("COMM")[0].text[0]
    assert comment == ("DRAFT — bản nháp, chưa phê duyệt. " + manifest["source"]["document"]
                       + " — bộ đọc tone (buzz)")
    assert re.search(r"số \d+/[\w-]+ ngày \d+/\d+/\d{4}", comment)


def test_loa_keo_repeats_and_limits_the_band(tmp_path, tone_voice):
    plain, manifest, samples = _build(tmp_path)
    cart, cart_manifest, cart_samples = _build(tmp_path, "loa-keo")
    profile = profiles.load("loa-keo")
    program = cart_manifest["durations"]["program"]
    gap = profile.program.repeat_gap / 1000
    assert len(cart_samples) / RATE == pytest.approx(2 * program + gap, abs=0.1)
    assert cart_manifest["repeats"] == [0.0, pytest.approx(program + gap, abs=0.002)]
    assert Path(cart.mp3).name.endswith("-loa-keo-DRAFT.mp3") and cart.mp3 != plain.mp3
    assert lufs(cart_samples) == pytest.approx(profile.mastering.loudness, abs=1.0)
    assert true_peak_db(cart_samples) <= -1.0 + 0.05
    second_at = int(cart_manifest["repeats"][1] * RATE)
    first = cart_samples[RATE: 20 * RATE]
    lags = range(-88, 89)  # the offsets are whole milliseconds: allow 2 ms
    match = max(np.corrcoef(first, cart_samples[second_at + RATE + lag: second_at + 20 * RATE
                                                 + lag])[0, 1] for lag in lags)
    assert match > 0.99
    captions = read_srt(cart.captions)
    assert len(captions) == 2 * cart.segments
    assert captions[cart.segments][0] == pytest.approx(captions[0][0] + program + gap, abs=0.002)
    bass = tone_db(samples[: 60 * RATE], 100.0) - tone_db(cart_samples[: 60 * RATE], 100.0)
    assert bass > 12


def test_user_jingles_and_ducked_bed(tmp_path, tone_voice):
    from broadcast.audio import ffmpeg

    intro, outro, bed = tmp_path / "intro.wav", tmp_path / "outro.ogg", tmp_path / "bed.m4a"
    for path, spec in ((intro, "sine=frequency=660:duration=3"),
                       (outro, "sine=frequency=880:duration=2.5"),
                       (bed, "sine=frequency=2550:duration=4")):
        ffmpeg.run(["-f", "lavfi", "-i", spec, "-y", str(path)])
    result, manifest, samples = _build(tmp_path, intro=intro, outro=outro, bed=bed)
    assert manifest["durations"]["intro"] == pytest.approx(3.0, abs=0.05)
    assert manifest["durations"]["outro"] == pytest.approx(2.5, abs=0.05)
    assert tone_db(samples[RATE: 2 * RATE], 660.0) > tone_db(samples[RATE: 2 * RATE], 880.0) + 20
    assert tone_db(samples[-RATE:], 880.0) > tone_db(samples[-RATE:], 660.0) + 20
    start = manifest["segments"][0]["start"]
    in_intro = tone_db(samples[int(1.5 * RATE): int(2.5 * RATE)], 2550.0)
    in_speech = tone_db(samples[int((start + 2) * RATE): int((start + 3) * RATE)], 2550.0)
    assert in_intro - in_speech >= 15
    assert manifest["music"]["bed"] == str(bed)


@pytest.mark.parametrize(("option", "make", "message"), [
    ("--intro", None, "Không tìm thấy tệp nhạc hiệu mở đầu"),
    ("--outro", b"not audio" * 40, "Không đọc được tệp nhạc hiệu kết thúc"),
    ("--bed", None, "Không tìm thấy tệp nhạc nền"),
])
def test_bad_music_file_one_line_exit_2_nothing_written(tmp_path, capsys, tone_voice, option,
                                                         make, message):
    path = tmp_path / "nhac.mp3"
    if make:
        path.write_bytes(make)
    out = tmp_path / "out"
    code, _, err = run_cli(["build", str(SAMPLE), "-c", "Phúc Lộc", "-e", "tone", "-o", str(out),
                        option, str(path)], capsys)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1
    assert message in lines[0] and "nhac.mp3" in lines[0]
    assert not out.exists()
    assert tone_voice.calls == [], "a bad music file must fail before any synthesis"


@pytest.mark.parametrize(("args", "message"), [
    (["--speed", "1.6"], "Tốc độ đọc 1.6 không hợp lệ"),
    (["--profile", "khong-co"], "Không có hồ sơ âm thanh 'khong-co'"),
    (["--repeat", "0"], "Số lần phát 0 không hợp lệ"),
])
def test_bad_audio_options_are_user_errors(tmp_path, capsys, tone_voice, args, message):
    out = tmp_path / "out"
    code, _, err = run_cli(["build", str(SAMPLE), "-c", "Phúc Lộc", "-e", "tone", "-o", str(out),
                        *args], capsys)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_cli_build_with_profile_prints_loudness(tmp_path, capsys, tone_voice):
    code, out, _ = run_cli(["build", str(SAMPLE), "-c", "Phúc Lộc", "-e", "tone", "-o",
                        str(tmp_path / "out"), "--profile", "loa-keo", "--speed", "1.1",
                        "--repeat", "3", "--date", "2024-07-04"], capsys)
    assert code == 0
    assert "hồ sơ loa-keo" in out and re.search(r"Độ to\s+: -1\d\.\d LUFS", out)
    manifest = json.loads(next((tmp_path / "out" / "2024-07").glob("*.json")).read_text())
    assert manifest["profile"]["speed"] == 1.1 and len(manifest["repeats"]) == 3


def test_profiles_command_lists_builtins(capsys):
    code, out, _ = run_cli(["profiles"], capsys)
    assert code == 0
    assert "dai-truyen-thanh" in out and "loa-keo" in out and "−16 LUFS" in out


def test_build_names_the_acronyms_it_spelled_letter_by_letter(tmp_path, capsys, tone_voice):
    text = SAMPLE.read_text(encoding="utf-8")
    assert "Hội Nông dân phát động" in text
    notice = tmp_path / "thong-bao.md"
    notice.write_text(text.replace("Hội Nông dân phát động",
                                   "Hội Nông dân, tổ QXKT và Ban CHQS xã phát động"),
                      encoding="utf-8")
    code, out, _ = run_cli(["build", str(notice), "-c", "Phúc Lộc", "-e", "tone", "-o",
                            str(tmp_path / "out"), "--date", "2024-07-04"], capsys)
    assert code == 0
    line = next(line for line in out.splitlines() if "Đọc từng chữ" in line)
    assert "QXKT" in line and "CHQS" not in line and "[abbreviations]" in line
