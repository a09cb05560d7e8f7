"""`broadcast preview … --no-audio` in a real pseudo-terminal: the screen is read through a
terminal emulator (pyte), keys are sent, and their effect and the exit code are checked."""

import datetime as dt
import re
import shutil
import sys
import time
from io import StringIO
from pathlib import Path

import pytest

from broadcast import player
from broadcast.config import Commune
from broadcast.pipeline import BuildOptions, build
from broadcast.tts import ENGINES
from tests.conftest import FIXTURES

pexpect = pytest.importorskip("pexpect")
pyte = pytest.importorskip("pyte")

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "thong-bao-mau.md"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A short broadcast built with the offline test engine, and its manifest."""
    mp = pytest.MonkeyPatch()
    mp.setitem(ENGINES, "tone", "tests.fakes:ToneEngine")
    out = tmp_path_factory.mktemp("preview")
    mp.setenv("BROADCAST_CACHE", str(out / "cache"))
    options = BuildOptions(commune=Commune.from_text("Phúc Lộc"), engine="tone", out_dir=out,
                           broadcast_date=dt.date(2025, 4, 5))
    result = build(SAMPLE, options)
    mp.undo()
    return Path(result.mp3)


class Terminal:
    def __init__(self, args, rows=24, cols=80, cwd=None):
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.child = pexpect.spawn(sys.executable, ["-m", "broadcast", *map(str, args)],
                                   dimensions=(rows, cols), cwd=cwd or ROOT,
                                   env={"PATH": "/usr/bin:/bin", "TERM": "xterm",
                                        "PYTHONPATH": str(ROOT)})

    def pump(self, seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                self.stream.feed(self.child.read_nonblocking(65536, timeout=0.05))
            except pexpect.TIMEOUT:
                pass
            except pexpect.EOF:
                return

    def wait_for(self, text, seconds=20):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.pump(0.1)
            if text in self.text:
                return
        raise AssertionError(f"{text!r} never appeared on:\n{self.text}")

    @property
    def text(self):
        return "\n".join(self.screen.display)

    def elapsed(self):
        match = re.search(r"(\d\d):(\d\d) / \d\d:\d\d", self.text)
        return int(match[1]) * 60 + int(match[2])

    def sentence(self):
        return int(re.search(r"Câu (\d+)/\d+", self.text)[1])

    def send(self, key, settle=0.5):
        self.child.send(key)
        self.pump(settle)

    def quit(self):
        self.child.send("q")
        self.child.expect(pexpect.EOF, timeout=10)
        self.child.close()
        return self.child.exitstatus


def test_the_text_follows_and_every_key_works(built):
    term = Terminal(["preview", built, "--no-audio"])
    term.wait_for("Câu")
    assert "BÀI TUYÊN TRUYỀN" in term.text and "không có âm thanh" in term.text
    assert "q thoát" in term.text
    start = term.elapsed()
    term.pump(2.2)
    assert term.elapsed() >= start + 2  # the clock runs

    term.send("n")
    first = term.sentence()
    assert first >= 1 and "▶" in term.text and "Đọc:" in term.text
    term.send("n")
    assert term.sentence() == first + 1  # the next sentence is shown

    term.send(" ")
    assert "Tạm dừng" in term.text
    paused_at = term.elapsed()
    term.pump(1.5)
    assert term.elapsed() == paused_at  # paused: time stands still
    term.send("\x1b[C")  # →, as a terminal sends it
    assert term.elapsed() == paused_at + 5
    term.send("\x1b[D")
    assert term.elapsed() == paused_at
    term.send("p")
    assert term.sentence() == first

    term.send("+")
    assert "Âm lượng 110%" in term.text
    term.send("r")
    assert term.elapsed() <= 1 and "Đang phát" in term.text
    assert term.quit() == 0


def test_resizing_redraws_to_fit(built):
    term = Terminal(["preview", built, "--no-audio"])
    term.wait_for("Câu")
    term.child.setwinsize(14, 44)
    term.screen.resize(14, 44)
    term.pump(0.8)
    text = term.text
    assert "BÀI TUYÊN TRUYỀN" in text and re.search(r"Câu \d+/\d+", text)
    assert "00:0" in text and "q thoát" in text  # progress and the help line still there
    assert term.quit() == 0


def test_an_mp3_without_manifest_plays_with_a_note(built, tmp_path):
    alone = tmp_path / "ban-thu.mp3"
    shutil.copy(built, alone)
    term = Terminal(["preview", alone, "--no-audio"])
    term.wait_for("không có lời để hiện")
    assert re.search(r"00:0\d / 0\d:\d\d", term.text)
    assert term.quit() == 0


def test_a_directive_is_built_then_previewed(tmp_path):
    term = Terminal(["preview", FIXTURES / "cong-van-nho.txt", "--no-audio", "--commune",
                     "Phúc Lộc", "--out", tmp_path], cwd=tmp_path)
    term.wait_for("Câu", seconds=60)
    assert term.quit() == 0
    assert list(tmp_path.rglob("*.mp3")) and list(tmp_path.rglob("*.json"))


@pytest.mark.parametrize(("make", "message"), [
    (lambda d: d / "khong-co.mp3", "Không thấy tệp"),
    (lambda d: (d / "hong.mp3").write_bytes(b"not audio at all" * 50) and d / "hong.mp3",
     "hong.mp3"),
    (lambda d: d / "van-ban.md", "thêm --commune"),
])
def test_user_errors_are_one_line_and_exit_2(tmp_path, make, message):
    (tmp_path / "van-ban.md").write_text("Thông báo\n\nNội dung.\n", encoding="utf-8")
    term = Terminal(["preview", make(tmp_path), "--no-audio"], cwd=tmp_path)
    term.child.expect(pexpect.EOF, timeout=20)
    term.child.close()
    output = term.child.before.decode("utf-8", "replace")
    assert term.child.exitstatus == 2
    assert message in output and "Traceback" not in output
    assert len(output.strip().splitlines()) == 1


class ScriptedKeys:
    """Keys for an in-process run: nothing for a while, then q."""

    interactive = True

    def __init__(self, reads_before_quit):
        self.left = reads_before_quit

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        pass

    def read(self, timeout):
        time.sleep(timeout)
        self.left -= 1
        return "q" if self.left <= 0 else ""


def test_no_sound_device_falls_back_to_the_clock_with_a_notice(built, monkeypatch):
    monkeypatch.setattr("broadcast.player.sound.Output.start",
                        lambda self: "không mở được thiết bị âm thanh")
    track, pcm = player.load(built)
    out = StringIO()
    player.play(track, pcm, audio=True, out=out, keys=ScriptedKeys(12))
    drawn = out.getvalue()
    assert "Không có âm thanh (không mở được thiết bị âm thanh)" in drawn
    assert drawn.count("\x1b[H") >= 10  # one frame per tick
    times = [int(s) for s in re.findall(r"00:(\d\d) / ", drawn)]
    assert times[-1] >= 0 and times == sorted(times)
    assert drawn.endswith("\x1b[?25h\x1b[?1049l")  # the terminal is given back


def test_an_unapproved_script_is_heard_as_a_draft(tmp_path):
    from broadcast import document, sources
    from broadcast.script import render, to_markdown

    directive = document.parse(sources.read(FIXTURES / "cong-van-nho.txt"))
    script = tmp_path / "bai.md"
    script.write_text(to_markdown(render(directive, Commune.from_text("Phúc Lộc"),
                                         dt.date(2025, 9, 5))), encoding="utf-8")
    term = Terminal(["preview", script, "--no-audio", "--out", tmp_path], cwd=tmp_path)
    term.wait_for("Câu", seconds=60)
    assert term.quit() == 0
    assert [p.name.endswith("-DRAFT.mp3") for p in tmp_path.rglob("*.mp3")] == [True]
