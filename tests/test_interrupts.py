"""A build stopped by a signal, in a subprocess, at several points: SIGTERM and SIGHUP stop it
like Ctrl+C ("Đã dừng.", exit 143/129, no temporary file left); after SIGKILL the next build
removes what was left; the folder never holds outputs that disagree with each other."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from broadcast.writers import TEMP, mismatch
from tests.conftest import ROOT, SAMPLE

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
DAY = "2025-04-07"


def start(out: Path, *extra: str) -> subprocess.Popen:
    args = [sys.executable, "-m", "broadcast", "build", str(SAMPLE), "-c", "Phúc Lộc", "--out",
            str(out), "--date", DAY, "--engine", "espeak", *extra]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)


def wait_for(condition, process: subprocess.Popen, limit: float = 120.0) -> None:
    """Poll until ``condition()`` holds (the build reached the point to stop it at)."""
    deadline = time.monotonic() + limit
    while not condition():
        assert process.poll() is None, "the build ended before the point to stop it"
        assert time.monotonic() < deadline, "the build never reached the point"
        time.sleep(0.005)


def temps(out: Path) -> list[Path]:
    return list(out.rglob(".*.tmp"))


def in_synthesis(out: Path):
    cache = Path(os.environ["BROADCAST_CACHE"])
    return lambda: any(cache.glob("*/*.json"))


def in_encoding(out: Path):
    return lambda: any(TEMP.match(p.name) for p in temps(out))


def assert_consistent(out: Path) -> None:
    """Every MP3 has its manifest and every manifest matches the files it lists."""
    for mp3 in out.rglob("*.mp3"):
        manifest = mp3.with_suffix(".json")
        assert manifest.is_file(), f"{mp3.name} without its manifest"
        assert mismatch(manifest) == "", f"{manifest.name} does not match"


def rebuild(out: Path, *extra: str) -> Path:
    process = start(out, *extra)
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert temps(out) == []
    assert_consistent(out)
    (mp3,) = out.rglob("*.mp3")
    return mp3


@pytest.mark.parametrize(("signum", "code", "point"), [
    (signal.SIGTERM, 143, in_synthesis), (signal.SIGTERM, 143, in_encoding),
    (signal.SIGHUP, 129, in_encoding)])
def test_a_stop_signal_stops_like_ctrl_c(tmp_path, signum, code, point):
    out = tmp_path / "out"
    process = start(out)
    wait_for(point(out), process)
    process.send_signal(signum)
    _, err = process.communicate(timeout=120)
    assert process.returncode == code
    assert err.strip().splitlines()[-1] == "Đã dừng."
    assert temps(out) == [] and not list(out.rglob("*.mp3"))
    rebuild(out)


def test_a_stop_during_a_rebuild_keeps_the_earlier_outputs_whole(tmp_path):
    out = tmp_path / "out"
    first = rebuild(out)
    before = {p.name: p.read_bytes() for p in first.parent.iterdir()}
    process = start(out, "--speed", "1.1")
    wait_for(in_encoding(out), process)
    process.send_signal(signal.SIGTERM)
    process.communicate(timeout=120)
    assert process.returncode == 143
    assert {p.name: p.read_bytes() for p in first.parent.iterdir()} == before
    assert_consistent(out)


def test_after_sigkill_the_next_build_cleans_up_and_agrees(tmp_path):
    out = tmp_path / "out"
    process = start(out)
    wait_for(in_encoding(out), process)
    os.killpg(process.pid, signal.SIGKILL)  # the build and its ffmpeg, as a crash would
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    left = temps(out)
    assert left
    assert_consistent(out)
    mp3 = rebuild(out)
    assert not any(p.exists() for p in left)
    assert mp3.parent == out / DAY[:7]


def test_a_manifest_that_does_not_match_its_mp3_is_found_by_preview_and_the_next_build(
        tmp_path, capsys):
    from tests.conftest import run_cli

    out = tmp_path / "out"
    mp3 = rebuild(out)
    whole = mp3.read_bytes()
    mp3.write_bytes(whole[: len(whole) // 2])  # not the MP3 its manifest describes
    code, _, err = run_cli(["preview", str(mp3), "--no-audio"], capsys)
    assert code == 2 and "không khớp" in err and mp3.with_suffix(".json").name in err
    assert len(err.strip().splitlines()) == 1
    code, stdout, err = run_cli(["build", str(SAMPLE), "-c", "Phúc Lộc", "--out", str(out),
                                 "--date", DAY], capsys)
    assert code == 0, err
    assert "không khớp nhau" in stdout
    assert_consistent(out)
