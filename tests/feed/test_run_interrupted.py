"""A feed run stopped in the middle of a build: the state says the entry was in progress, and
the next run finishes or rebuilds that same version — never a v2 of unchanged content."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from broadcast.writers import TEMP
from tests.conftest import ROOT, run_cli
from tests.feed import portal

COMMUNE = ["--commune", "Phúc Lộc"]


def local_feed(folder: Path) -> Path:
    text = portal.paragraphs_html(portal.notice_text("tiem-phong"))
    rss = folder / "tin.xml"
    rss.write_text(portal.Rss([portal.Item("Công văn tiêm phòng", "http://p/cv", text,
                                           guid="1")]).xml(), encoding="utf-8")
    return rss


def rows(out: Path) -> list[tuple]:
    with sqlite3.connect(out / "feed.sqlite3") as db:
        return db.execute("SELECT status, version FROM entries").fetchall()


def assert_one_version(out: Path) -> None:
    (script,) = out.glob("*/*.md")
    assert "-v2" not in script.name
    (mp3,) = out.glob("*/*-DRAFT.mp3")
    assert mp3.name == script.stem + "-DRAFT.mp3"
    assert rows(out) == [("built", 1)]
    assert not list(out.rglob(".*.tmp"))


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
def test_a_feed_run_killed_mid_build_is_rebuilt_as_the_same_version(tmp_path, capsys):
    rss, out = local_feed(tmp_path), tmp_path / "out"
    args = [sys.executable, "-m", "broadcast", "feed", str(rss), *COMMUNE, "--out", str(out),
            "--engine", "espeak"]
    process = subprocess.Popen(args, env={**os.environ, "PYTHONPATH": str(ROOT)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    deadline = time.monotonic() + 120
    while not any(TEMP.match(p.name) for p in out.rglob(".*.tmp")):  # the MP3 being encoded
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.005)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    assert rows(out) == [("building", 0)]
    assert list(out.glob("*/*.md")) and not list(out.glob("*/*.mp3"))  # a half draft

    code, stdout, err = run_cli(["feed", str(rss), *COMMUNE, "--out", str(out), "--json"],
                                capsys)
    assert code == 0, err
    (entry,) = json.loads(stdout)["entries"]
    assert entry["outcome"] == "built" and entry["version"] == 1
    assert_one_version(out)


def test_a_version_whose_outputs_were_all_written_is_finished_not_rebuilt(tmp_path, capsys):
    rss, out = local_feed(tmp_path), tmp_path / "out"
    code, _, err = run_cli(["feed", str(rss), *COMMUNE, "--out", str(out)], capsys)
    assert code == 0, err
    stamps = {p: p.stat().st_mtime_ns for p in out.glob("*/*")}
    with sqlite3.connect(out / "feed.sqlite3") as db:  # stopped right before "built"
        db.execute("UPDATE entries SET status = 'building', version = 0")
        db.execute("DELETE FROM builds")
    code, stdout, err = run_cli(["feed", str(rss), *COMMUNE, "--out", str(out), "--json"],
                                capsys)
    assert code == 0, err
    (entry,) = json.loads(stdout)["entries"]
    assert entry["outcome"] == "built" and entry["version"] == 1
    assert {p: p.stat().st_mtime_ns for p in out.glob("*/*")} == stamps
    assert_one_version(out)
