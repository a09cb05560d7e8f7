import subprocess
import sys

from tests.conftest import ROOT, SAMPLE, run_cli


def bad_inputs(tmp_path):
    (tmp_path / "empty.md").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK")
    (tmp_path / "latin.txt").write_bytes(b"Th\xf4ng b\xe1o s\xf4\xb4 5")
    (tmp_path / "folder").mkdir()
    return {
        "missing.md": "Không tìm thấy tệp",
        "folder": "là một thư mục",
        "empty.md": "trống",
        "binary.txt": "nhị phân",
        "latin.txt": "UTF-8",
    }


def test_bad_files_give_one_vietnamese_line_and_exit_2(tmp_path, capsys):
    out_dir = tmp_path / "out"
    for name, message in bad_inputs(tmp_path).items():
        code, _, err = run_cli(["build", str(tmp_path / name), "--commune", "Phúc Lộc",
                            "--out", str(out_dir)], capsys)
        assert code == 2, name
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Lỗi: ") and message in lines[0]
        assert name in lines[0]
        assert "Traceback" not in err
    assert not out_dir.exists()


def test_unknown_engine_exit_2_and_nothing_written(tmp_path, capsys):
    code, _, err = run_cli(["build", str(SAMPLE), "--commune", "Phúc Lộc", "--engine", "festival",
                        "--out", str(tmp_path / "out")], capsys)
    assert code == 2 and "festival" in err and "espeak" in err
    assert not (tmp_path / "out").exists()


def test_usage_errors_are_vietnamese(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(["build", str(SAMPLE), "--khong-co"], capsys)
    assert code == 2 and err.startswith("Lỗi: Không có tùy chọn --khong-co")
    code, _, err = run_cli(["build", str(SAMPLE)], capsys)
    assert code == 2 and "Chưa biết tên xã" in err and "--commune" in err and "init" in err
    assert len(err.strip().splitlines()) == 1 and not (tmp_path / "audio_out").exists()


def test_bad_date_is_a_user_error(capsys, tmp_path):
    code, _, err = run_cli(["build", str(SAMPLE), "-c", "Phúc Lộc", "--date", "04/07/2024",
                        "--out", str(tmp_path)], capsys)
    assert code == 2 and "NĂM-THÁNG-NGÀY" in err


def test_normalize_prints_spoken_form(capsys):
    code, out, _ = run_cli(["normalize", "Ngày 26/6/2024, UBND huyện"], capsys)
    assert code == 0
    assert out.strip() == ("Ngày hai mươi sáu tháng sáu năm hai nghìn không trăm hai mươi tư, "
                           "Ủy ban nhân dân huyện")


def test_engines_lists_both_with_status(capsys):
    code, out, _ = run_cli(["engines"], capsys)
    assert code == 0
    assert out.startswith("espeak") and "dùng được" in out
    assert "gtts" in out


def test_python_dash_m_entry_point():
    done = subprocess.run([sys.executable, "-m", "broadcast", "normalize", "tháng 4"],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "Tháng tư"


def test_normalize_options(capsys, tmp_path):
    code, out, _ = run_cli(["normalize", "năm 2024", "--dialect", "nam"], capsys)
    assert code == 0 and out.strip() == "Năm hai ngàn không trăm hai mươi bốn"
    code, out, _ = run_cli(["normalize", "Quyết định 151/QĐ-UBND", "--read-symbols"], capsys)
    assert out.strip() == ("Quyết định một trăm năm mươi mốt Quyết định Ủy ban nhân dân")
    lexicon = tmp_path / "rieng.tsv"
    lexicon.write_text("HTXDV\thợp tác xã dịch vụ\nKrông Nô\tCrông Nô\n", encoding="utf-8")
    code, out, _ = run_cli(["normalize", "HTXDV huyện Krông Nô", "--lexicon", str(lexicon)], capsys)
    assert out.strip() == "Hợp tác xã dịch vụ huyện Crông Nô"


def test_bad_speech_options_are_user_errors(capsys, tmp_path):
    code, _, err = run_cli(["normalize", "x", "--dialect", "trung"], capsys)
    assert code == 2 and "trung" in err
    bad = tmp_path / "bad.tsv"
    bad.write_text("chỉ một cột\n", encoding="utf-8")
    code, _, err = run_cli(["normalize", "x", "--lexicon", str(bad)], capsys)
    assert code == 2 and "Dòng 1" in err and "bad.tsv" in err


def test_parse_summary_and_json(capsys):
    import json

    from tests.conftest import FIXTURES

    code, out, _ = run_cli(["parse", str(FIXTURES / "cong-van-nho.txt")], capsys)
    assert code == 0
    assert "Loại văn bản     : Công văn" in out
    assert "Số, ký hiệu      : 12/UBND-VP" in out
    assert "Người ký         : KT. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH / PHÓ CHỦ TỊCH — Võ Văn Tâm" in out
    code, out, _ = run_cli(["parse", str(FIXTURES / "cong-van-nho.txt"), "--json"], capsys)
    data = json.loads(out)
    assert data["kind"] == "cong_van" and data["date"] == "2025-09-03"
    assert [b["label"] for b in data["body"]] == ["1", "2"]


def test_output_into_a_log_file_is_utf8_whatever_the_system_code_page(tmp_path):
    """Task Scheduler's '>> feed.log' on Windows: stdout is a file in the ANSI code page."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONIOENCODING": "cp1252"}
    done = subprocess.run([sys.executable, "-m", "broadcast", "normalize", "ngày 26/6/2024"],
                          env=env, capture_output=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "hai mươi sáu tháng sáu" in done.stdout.decode("utf-8")


def test_an_unexpected_error_is_one_line_not_a_traceback(capsys, monkeypatch):
    import broadcast.speech as speech

    def broken(*_args, **_kwargs):
        raise RuntimeError("hỏng")

    monkeypatch.setattr(speech, "explain", broken)
    code, out, err = run_cli(["normalize", "Ngày 26/6/2024"], capsys)
    assert code == 1 and "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Lỗi ngoài dự kiến (RuntimeError: hỏng)" in lines[0]


def test_draft_prints_next_commands_that_work_as_printed(tmp_path, monkeypatch, capsys):
    import shlex

    monkeypatch.setenv("BROADCAST_CONFIG", str(tmp_path / "user-config"))
    office, elsewhere = tmp_path / "office", tmp_path / "elsewhere"
    office.mkdir()
    config, out = office / "xa.toml", office / "bai-phat"
    code, _, err = run_cli(["init", "--commune", "Phúc Lộc", "--yes", "--config", str(config)],
                           capsys)
    assert code == 0, err
    monkeypatch.chdir(tmp_path)  # not where the config or the outputs are
    code, stdout, err = run_cli(["draft", str(SAMPLE), "--out", str(out), "--config",
                                 str(config), "--date", "2025-04-07"], capsys)
    assert code == 0, err
    commands = [shlex.split(line) for line in stdout.splitlines()
                if line.strip().startswith("broadcast ")]
    assert [c[1] for c in commands] == ["approve", "build"]
    assert commands[1][commands[1].index("--out") + 1] == str(out)
    assert all(c[c.index("--config") + 1] == str(config) for c in commands)
    monkeypatch.chdir(elsewhere.mkdir() or elsewhere)
    for command in commands:
        code, stdout, err = run_cli(command[1:], capsys)
        assert code == 0, err
        if command[1] == "approve":  # it prints the build command too
            (build,) = [shlex.split(line.split(": ", 1)[1]) for line in stdout.splitlines()
                        if "broadcast build" in line]
            assert build == commands[1]
    assert len(list(out.glob("*/*.mp3"))) == 1 and not list(elsewhere.iterdir())


def test_normalize_says_mung_unless_told_not_to_and_explains_its_steps(capsys):
    code, out, _ = run_cli(["normalize", "ngày 5/6"], capsys)
    assert code == 0 and out.strip() == "Ngày mùng năm tháng sáu"
    code, out, _ = run_cli(["normalize", "ngày 5/6", "--no-mung"], capsys)
    assert code == 0 and out.strip() == "Ngày năm tháng sáu"
    code, out, _ = run_cli(["normalize", "Ban CHQS, tổ QXKT", "--explain"], capsys)
    lines = out.strip().splitlines()
    assert code == 0 and lines[0] == "Ban Chỉ huy quân sự, tổ quy ích ca tê"
    assert any(line.strip().startswith("expand_abbreviations:") for line in lines)
    assert "QXKT" in lines[-1] and "CHQS" not in lines[-1] and "[abbreviations]" in lines[-1]


def test_every_command_reads_mung_as_build_does():
    """month, draft, feed and preview take their options from _options: 'mùng' is the default
    there too, as for build and normalize (it once was off there alone)."""
    from broadcast import cli
    from broadcast.config import Settings
    from broadcast.speech import normalize, pipeline

    options = cli._options(Settings())
    assert options.speech.mung is True
    assert normalize("Ngày 5/7", pipeline(options.speech)) == "Ngày mùng năm tháng bảy"


def test_the_page_is_a_command(capsys):
    code, out, _ = run_cli(["web", "--help"], capsys)
    assert code == 0 and "--no-browser" in out and "127.0.0.1" in out


class _FakeDevice:
    """miniaudio.PlaybackDevice stand-in: pulls the feed on a thread as a sound card would."""

    opened: list = []

    def __init__(self, **settings):
        self.settings, self.pulled, self.closed = settings, b"", False
        _FakeDevice.opened.append(self)

    def start(self, feed):
        import threading

        def pull():
            for _ in range(400):
                self.pulled += feed.send(2205)
        threading.Thread(target=pull, daemon=True).start()

    def close(self):
        self.closed = True


def test_voices_say_plays_the_whole_sample_then_closes_the_device(monkeypatch):
    import types

    from pydub.generators import Sine

    from broadcast import cli

    fake = types.SimpleNamespace(PlaybackDevice=_FakeDevice,
                                 SampleFormat=types.SimpleNamespace(SIGNED16="s16"))
    monkeypatch.setitem(sys.modules, "miniaudio", fake)
    _FakeDevice.opened.clear()
    stereo = Sine(440).to_audio_segment(duration=400).set_frame_rate(22050).set_channels(2)
    cli._play(stereo)
    device = _FakeDevice.opened[0]
    assert device.closed and device.settings["nchannels"] == 1
    assert device.settings["sample_rate"] == 22050
    heard = len(device.pulled.rstrip(b"\0")) // 2
    assert abs(heard - 22050 * 0.4) < 22050 * 0.01  # every sample of the 0.4 s, in mono


def test_voices_say_without_a_sound_device_is_one_line(monkeypatch):
    import types

    import pytest
    from pydub.generators import Sine

    from broadcast import cli

    def broken(**settings):
        raise OSError("no device")
    monkeypatch.setitem(sys.modules, "miniaudio", types.SimpleNamespace(
        PlaybackDevice=broken, SampleFormat=types.SimpleNamespace(SIGNED16="s16")))
    from broadcast.errors import BroadcastError

    with pytest.raises(BroadcastError, match="Không phát được ra loa .* --out mau.wav"):
        cli._play(Sine(440).to_audio_segment(duration=100))
