"""The monthly program: three corpus directives in one MP3, each bài's own MP3, a schedule."""

import json
import re
from pathlib import Path

import pytest
from mutagen.id3 import ID3

from broadcast.month import clock, default_date, parse_month
from tests.conftest import DIRECTIVES, FIXTURES, SAMPLE, corpus_file, decode, run_cli

RATE = 44100


@pytest.fixture(scope="module")
def month(tmp_path_factory):
    """`broadcast month 2024-07` of the three corpus directives, each drafted and approved
    first, run once for the module."""
    out = tmp_path_factory.mktemp("month")
    paths = [corpus_file(name) for name in DIRECTIVES]
    mp = pytest.MonkeyPatch()
    mp.setenv("BROADCAST_CACHE", str(out / "cache"))
    mp.setenv("BROADCAST_CONFIG", str(out / "config"))
    mp.chdir(out)
    try:
        scripts = [_approved(path, out / "audio_out") for path in paths]
        _main(["month", "2024-07", *map(str, scripts), "--commune", "Phúc Lộc", "--out",
               str(out / "audio_out")])
    finally:
        mp.undo()
    folder = out / "audio_out" / "2024-07"
    manifest = json.loads((folder / "chuong-trinh-thang-07-2024.json").read_text(encoding="utf-8"))
    return folder, manifest, paths


def _main(args: list[str]) -> None:
    from broadcast.cli import main

    try:
        main(args)
    except SystemExit as exc:
        assert exc.code == 0


def _approved(path: Path, out: Path) -> Path:
    """The directive drafted into ``out`` and approved: the script file."""
    before = set(out.rglob("*.md"))
    _main(["draft", str(path), "--commune", "Phúc Lộc", "--out", str(out), "--date",
           "2024-07-15"])
    (script,) = set(out.rglob("*.md")) - before
    _main(["approve", str(script), "--by", "Nông Văn Nhượng", "--date", "2024-07-10"])
    return script


def test_the_manifest_lists_the_bai_in_order(month):
    folder, manifest, paths = month
    own = [json.loads(Path(b["mp3"]).with_suffix(".json").read_text(encoding="utf-8"))
           for b in manifest["bai"]]
    assert [m["source"]["file"] for m in own] == [str(p) for p in paths]
    assert [b["title"] for b in manifest["bai"]] == [m["title"] for m in own]
    assert [p["kind"] for p in manifest["parts"]] == ["opening", "bai", "bai", "bai", "closing"]
    for bai in manifest["bai"]:
        assert Path(bai["mp3"]).parent == folder and Path(bai["mp3"]).is_file()


def test_the_program_is_the_parts_plus_jingles(month):
    folder, manifest, _ = month
    samples = decode(folder / "chuong-trinh-thang-07-2024.mp3")
    total = manifest["durations"]["program"]
    assert len(samples) / RATE == pytest.approx(total, abs=0.1)
    parts = manifest["parts"]
    assert parts[0]["start"] == 0 and parts[-1]["end"] == pytest.approx(total, abs=0.5)
    assert all(a["end"] == b["start"] for a, b in zip(parts, parts[1:], strict=False))
    from broadcast.audio import jingles
    from broadcast.month import SEPARATOR_GAP_MS

    separator = len(jingles.default_separator()) + SEPARATOR_GAP_MS
    for part, bai in zip(parts[1:-1], manifest["bai"], strict=True):
        own = json.loads(Path(bai["mp3"]).with_suffix(".json").read_text(encoding="utf-8"))
        expected = (separator + own["durations"]["speech"] * 1000) / 1000
        assert part["end"] - part["start"] == pytest.approx(expected, abs=1.0)


def test_the_program_reads_every_bai_between_its_own_words(month):
    _, manifest, _ = month
    texts = [s["text"] for s in manifest["segments"]]
    assert texts[0] == "Đài truyền thanh xã Phúc Lộc xin kính chào bà con và các bạn."
    assert texts[1].startswith("Chương trình phát thanh tháng 7 năm 2024 gồm ba nội dung: thứ "
                               "nhất, đơn đốc thực hiện")
    assert texts[-3:] == ["Chương trình phát thanh tháng 7 năm 2024 của Đài truyền thanh xã "
                          "Phúc Lộc đến đây là kết thúc.",
                          "Cảm ơn bà con và các bạn đã chú ý lắng nghe.",
                          "Xin chào và hẹn gặp lại."]
    at = 0
    for bai in manifest["bai"]:
        own = json.loads(Path(bai["mp3"]).with_suffix(".json").read_text(encoding="utf-8"))
        own_texts = [s["text"] for s in own["segments"]]
        at = texts.index(own_texts[0], at)
        assert texts[at: at + len(own_texts)] == own_texts
        at += len(own_texts)
    starts = [s["start"] for s in manifest["segments"]]
    assert starts == sorted(starts)


def test_the_schedule_sheet_totals(month):
    folder, manifest, _ = month
    sheet = (folder / "lich-phat-thang-07-2024.md").read_text(encoding="utf-8")
    rows = [line.split("|")[1:-1] for line in sheet.splitlines() if line.startswith("| ")]
    body, total = rows[1:-1], rows[-1]

    def seconds(text):
        parts = [int(p) for p in text.strip(" *").split(":")]
        return sum(p * 60 ** i for i, p in enumerate(reversed(parts)))

    assert [r[1].strip() for r in body] == ["Mở đầu chương trình",
                                            *[b["title"] for b in manifest["bai"]],
                                            "Kết thúc chương trình"]
    assert sum(seconds(r[3]) for r in body) == seconds(total[3])
    assert seconds(total[3]) == round(manifest["durations"]["program"])
    starts = [seconds(r[2]) for r in body]
    assert starts == sorted(starts) and starts[0] == 0
    for row, bai in zip(body[1:-1], manifest["bai"], strict=True):
        assert re.search(rf"{re.escape(Path(bai['mp3']).name)} \(\d+:\d\d\)", row[4])
    assert "Bộ đọc: espeak (vi) — giọng máy, chỉ để nghe thử." in sheet.splitlines()[2]
    assert (manifest["engine"], manifest["voice"]) == ("espeak", "vi")
    comment = ID3(folder / "chuong-trinh-thang-07-2024.mp3").getall("COMM")[0].text[0]
    assert comment == "3 bài — bộ đọc espeak (vi) — giọng máy, chỉ để nghe thử"


def test_an_unapproved_script_stops_the_month(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(["draft", str(SAMPLE), "-c", "Phúc Lộc", "--date", "2025-04-07"],
                           capsys)
    assert code == 0, err
    script = next(tmp_path.rglob("*.md"))
    code, _, err = run_cli(["month", "2025-04", str(script)], capsys)
    assert code == 2 and "chưa được phê duyệt" in err
    code, _, err = run_cli(["month", "2025-05", str(script), "--draft"], capsys)
    assert code == 2 and "không thuộc tháng 5/2025" in err
    assert not list(tmp_path.rglob("*.mp3"))
    code, _, err = run_cli(["month", "2025-04", str(script), "--draft"], capsys)
    assert code == 0, err
    names = sorted(p.name for p in tmp_path.rglob("*.mp3"))
    assert "chuong-trinh-thang-04-2025-DRAFT.mp3" in names and len(names) == 2
    assert all(name.endswith("-DRAFT.mp3") for name in names)
    sheet = next(tmp_path.rglob("lich-phat-*.md")).read_text(encoding="utf-8")
    assert sheet.startswith("# Lịch phát — [DRAFT] CHƯƠNG TRÌNH PHÁT THANH THÁNG 4/2025")


def test_a_month_of_raw_directives_is_refused_or_marked_draft(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    raw = [str(SAMPLE), str(FIXTURES / "quyet-dinh-xa.md")]
    code, _, err = run_cli(["month", "2025-04", *raw, "-c", "Phúc Lộc"], capsys)
    assert code == 2 and "chưa phải bài đã được phê duyệt" in err and "--draft" in err
    assert len(err.strip().splitlines()) == 1 and not list(tmp_path.rglob("*.mp3"))
    code, out, err = run_cli(["month", "2025-04", *raw, "-c", "Phúc Lộc", "--draft"], capsys)
    assert code == 0, err
    folder = tmp_path / "audio_out" / "2025-04"
    assert not (folder / "chuong-trinh-thang-04-2025.mp3").exists()
    program = folder / "chuong-trinh-thang-04-2025-DRAFT.mp3"
    assert str(ID3(program)["TIT2"]).startswith("[DRAFT] ")
    sheet = (folder / "lich-phat-thang-04-2025-DRAFT.md").read_text(encoding="utf-8")
    assert "[DRAFT]" in sheet.splitlines()[0]
    assert json.loads(program.with_suffix(".json").read_text(encoding="utf-8"))["draft"] is True


@pytest.mark.parametrize("bad", ["2024-13", "07/2024", "2024"])
def test_a_bad_month_is_named(capsys, bad):
    code, _, err = run_cli(["month", bad, str(SAMPLE), "-c", "Phúc Lộc"], capsys)
    assert code == 2 and bad in err and "NĂM-THÁNG" in err


def test_helpers():
    import datetime as dt

    assert parse_month("2024-07") == dt.date(2024, 7, 1)
    assert default_date(dt.date(2024, 7, 1), dt.date(2024, 7, 20)) == dt.date(2024, 7, 20)
    assert default_date(dt.date(2024, 7, 1), dt.date(2024, 9, 2)) == dt.date(2024, 7, 1)
    assert clock(90_000) == "1:30" and clock(3_725_000) == "1:02:05" and clock(400) == "0:00"


def test_one_progress_bar_for_the_month():
    from broadcast.month import _steps

    seen = []
    steps = _steps([(None, [1, 2, 3]), (None, [1, 2])], lambda done, total: seen.append(
        (done, total)))
    for step, count in zip(steps, (3, 2), strict=True):
        for done in range(1, count + 1):
            step(done, count)
    assert seen == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
