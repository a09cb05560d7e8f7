import pytest

from broadcast.writers import slugify, staged


@pytest.mark.parametrize(("title", "slug"), [
    ("Kế hoạch Duy trì CCHC năm 2024", "ke-hoach-duy-tri-cchc-nam-2024"),
    ("ĐƠN ĐỐC THỰC HIỆN: 7/2024!", "don-doc-thuc-hien-7-2024"),
    ("***", "bai-tuyen-truyen"),
    ("a" * 30 + " " + "b" * 40, "a" * 30),
])
def test_slugify(title, slug):
    assert slugify(title) == slug


def test_staged_renames_all_on_success(tmp_path):
    folder = tmp_path / "out" / "2024-07"
    with staged(folder) as stage:
        stage("a.txt").write_text("1")
        stage("b.txt").write_text("2")
        assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == []
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "b.txt"]


def test_staged_leaves_nothing_on_failure(tmp_path):
    folder = tmp_path / "out" / "2024-07"
    with pytest.raises(RuntimeError), staged(folder) as stage:
        stage("a.txt").write_text("1")
        raise RuntimeError("encode failed")
    assert list(tmp_path.iterdir()) == []


def test_srt_numbers_times_and_wraps():
    from broadcast.writers import srt

    text = srt([(3_700, 5_250, "Kính thưa bà con"),
                (3_725_001, 3_730_000, "Một câu rất dài " * 8)])
    blocks = text.strip().split("\n\n")
    assert blocks[0] == "1\n00:00:03,700 --> 00:00:05,250\nKính thưa bà con"
    lines = blocks[1].split("\n")
    assert lines[:2] == ["2", "01:02:05,001 --> 01:02:10,000"]
    assert len(lines) > 3 and all(len(line) <= 60 for line in lines[2:])
    assert " ".join(lines[2:]) == ("Một câu rất dài " * 8).strip()


def test_a_build_removes_stale_temporary_files_and_only_those(tmp_path):
    import os
    import subprocess
    import sys
    import time

    from broadcast.writers import staged, temp_name

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    dead = tmp_path / f".bai.mp3.{gone}-abcdef.tmp"  # its build was killed
    old = tmp_path / ".bai.json.0123abcd.tmp"  # an older version's, a day old
    running = tmp_path / temp_name("khac.mp3")  # a build still running (this process)
    mine = [tmp_path / "ghi-chu.tmp", tmp_path / ".an.txt", tmp_path / "bai.mp3"]
    for path in (dead, old, running, *mine):
        path.write_bytes(b"x")
    day_ago = time.time() - 86_400
    os.utime(old, (day_ago, day_ago))
    with staged(tmp_path) as stage:
        stage("moi.txt").write_text("mới", encoding="utf-8")
    assert not dead.exists() and not old.exists()
    assert running.exists() and all(p.exists() for p in mine)
    assert (tmp_path / "moi.txt").read_text(encoding="utf-8") == "mới"


def test_the_manifest_is_renamed_last_and_lists_what_it_describes(tmp_path):
    import json

    from broadcast.pipeline import stage_manifest
    from broadcast.writers import mismatch, staged

    order = []
    with staged(tmp_path) as stage:
        stage("a.mp3").write_bytes(b"audio")
        stage("a.srt").write_text("1", encoding="utf-8")
        stage_manifest(stage, "a.json", {"title": "A"})
        order = list(stage.files())
    assert order[-1] == "a.json"
    files = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["files"]
    assert set(files) == {"a.mp3", "a.srt"} and files["a.mp3"]["bytes"] == 5
    assert mismatch(tmp_path / "a.json") == ""
    (tmp_path / "a.mp3").write_bytes(b"other")
    assert mismatch(tmp_path / "a.json") == "a.mp3"
