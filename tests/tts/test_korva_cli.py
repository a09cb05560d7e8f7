"""broadcast voices list / download korva / say, and init's offer, with KorvaTTS: downloads go
through huggingface_hub's own client to a local fake of the hub (tests/fakes.py), never to
the internet; a build names its engine in the MP3's comment and the manifest."""

import json

import numpy as np
import pytest

from broadcast.tts import korva_assets
from tests.conftest import CLOSED_URL, SAMPLE, decode, run_cli
from tests.fakes import FakeHub, install_test_korva, korva_level

pytest.importorskip("korvatts")


@pytest.fixture
def voices(tmp_path, monkeypatch):
    folder = tmp_path / "voices"
    monkeypatch.setenv("BROADCAST_VOICES", str(folder))
    return folder


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """What the hub holds: KorvaTTS's layout, with the stand-in model."""
    return install_test_korva(tmp_path_factory.mktemp("hub") / "repo")


def left_in(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) \
        if folder.exists() else []


def test_download_through_the_hub_client_installs_every_file(voices, published, monkeypatch,
                                                             capsys):
    with FakeHub(published) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        code, out, err = run_cli(["voices", "download", "korva"], capsys)
    assert code == 0, err
    assert out.splitlines()[0] == (f"Đang tải giọng KorvaTTS từ dogenthq/KorvaTTS về "
                                   f"{voices / 'korvatts'} …")
    assert "Đã cài KorvaTTS, 10 giọng: bao_kim, gia_bao" in out
    assert ("GET", "/api/models/dogenthq/KorvaTTS/revision/main") in hub.requests
    assert korva_assets.missing(voices / "korvatts") == []
    assert [p for p in left_in(voices) if "/" not in p] == ["korvatts"]  # no temporary folder
    assert not (voices / "korvatts" / ".cache").exists()
    code, out, _ = run_cli(["voices", "say", "Xin chào bà con", "--engine", "korva",
                            "--out", str(voices.parent / "mau.wav")], capsys)
    assert code == 0 and decode(voices.parent / "mau.wav").size


def test_the_repository_can_be_another(voices, published, monkeypatch, capsys):
    with FakeHub(published, repo="xa/giong-rieng") as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        monkeypatch.setenv("KORVATTS_HF_REPO", "xa/giong-rieng")
        code, out, err = run_cli(["voices", "download", "korva"], capsys)
    assert code == 0, err
    assert "từ xa/giong-rieng" in out and hub.requests


def test_an_unreachable_hub_is_one_line_and_leaves_nothing(voices, monkeypatch, capsys):
    monkeypatch.setenv("HF_ENDPOINT", CLOSED_URL)
    code, out, err = run_cli(["voices", "download", "korva"], capsys)
    assert code == 2
    assert err.strip() == ("Lỗi: Không tải được giọng KorvaTTS từ dogenthq/KorvaTTS: không kết "
                           "nối được tới máy chủ (máy chưa có mạng internet?); chưa cài gì.")
    assert not voices.exists()  # not even an empty voices folder
    voices.mkdir()
    (voices / "other.onnx").write_bytes(b"a piper voice")
    code, _, _ = run_cli(["voices", "download", "korva"], capsys)
    assert code == 2 and left_in(voices) == ["other.onnx"]


def test_a_download_missing_a_file_installs_nothing(voices, published, monkeypatch, capsys):
    with FakeHub(published, hidden={"voice_styles/huu_dat.json", "onnx/tts.json"}) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        code, _, err = run_cli(["voices", "download", "korva"], capsys)
    problem = err.strip().splitlines()[-1]  # after the client's progress bars
    assert code == 2 and err.count("Lỗi:") == 1 and problem.startswith("Lỗi: ")
    assert "thiếu onnx/tts.json, voice_styles/huu_dat.json; chưa cài gì" in problem
    assert left_in(voices) == []


def test_a_file_the_hub_fails_to_send_installs_nothing(voices, published, monkeypatch, capsys):
    with FakeHub(published, broken={"onnx/vocoder.onnx"}) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        code, _, err = run_cli(["voices", "download", "korva"], capsys)
    assert code == 2 and "máy chủ trả lời mã 500; chưa cài gì" in err
    assert "Traceback" not in err and left_in(voices) == []


def test_an_unknown_repository_is_named(voices, published, monkeypatch, capsys):
    with FakeHub(published, repo="someone/else") as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        code, _, err = run_cli(["voices", "download", "korva"], capsys)
    assert code == 2 and "dogenthq/KorvaTTS: máy chủ không có kho giọng này; chưa cài gì" in err


def test_an_installed_copy_is_kept_when_a_new_download_fails(voices, published, monkeypatch,
                                                            capsys):
    install_test_korva(voices / "korvatts")
    before = left_in(voices)
    with FakeHub(published) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        code, out, _ = run_cli(["voices", "download", "korva"], capsys)
        assert code == 0 and hub.requests == []  # already there: nothing fetched
    with FakeHub(published, broken={"onnx/text_encoder.onnx"}) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        code, _, err = run_cli(["voices", "download", "korva", "--force"], capsys)
    assert code == 2 and left_in(voices) == before


def test_a_forced_download_replaces_the_installed_copy(voices, published, monkeypatch, capsys):
    install_test_korva(voices / "korvatts", voices=["gia_bao"])
    with FakeHub(published) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        code, _, err = run_cli(["voices", "download", "korva", "--force"], capsys)
    assert code == 0, err
    assert len(korva_assets.installed_voices(voices / "korvatts")) == 10
    assert [p for p in left_in(voices) if "/" not in p] == ["korvatts"]


def test_hub_reachable(published, monkeypatch):
    assert not korva_assets.hub_reachable(timeout=1)
    with FakeHub(published) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        assert korva_assets.hub_reachable(timeout=1)
    with FakeHub(published, repo="someone/else") as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        assert not korva_assets.hub_reachable(timeout=1)


def test_voices_list_shows_korva_voices_installed_or_not(voices, capsys):
    code, out, _ = run_cli(["voices", "list"], capsys)
    assert code == 0
    assert "  khanh_vy      Khánh Vy     nữ   chưa cài" in out
    assert "  thanh_phong   Thanh Phong  nam  chưa cài" in out
    assert "broadcast voices download korva" in out and "vi_VN-vais1000-medium" in out
    install_test_korva(voices / "korvatts", voices=["khanh_vy", "giong_xa"])
    code, out, _ = run_cli(["voices", "list"], capsys)
    assert "  khanh_vy      Khánh Vy     nữ   đã cài" in out
    assert "  bao_kim       Bảo Kim      nữ   chưa cài" in out
    assert "  giong_xa" in out and "broadcast voices download korva" not in out


def test_voices_say_writes_the_sample_in_the_voice_asked(voices, tmp_path, capsys):
    install_test_korva(voices / "korvatts")
    out = tmp_path / "mau.wav"
    code, said, err = run_cli(["voices", "say", "Ngày 26/6", "--voice", "thanh_phong",
                               "--out", str(out)], capsys)
    assert code == 0, err
    assert said.splitlines()[0] == "Bộ đọc: korva, giọng thanh_phong."
    samples = decode(out)
    assert np.max(np.abs(samples)) == pytest.approx(korva_level(9), rel=0.03)
    assert f"Đã ghi {out} ({len(samples) / 44100:.1f} giây)." in said
    mp3 = tmp_path / "mau.mp3"
    code, _, _ = run_cli(["voices", "say", "Xin chào", "--engine", "korva", "--out", str(mp3)],
                         capsys)
    assert code == 0 and decode(mp3).size > 0.5 * 44100


def test_voices_say_with_espeak_says_it_is_for_checking(tmp_path, capsys):
    code, out, _ = run_cli(["voices", "say", "Xin chào", "--out", str(tmp_path / "a.wav")],
                           capsys)
    assert code == 0 and out.startswith("Bộ đọc: espeak, giọng vi (chưa cài giọng tự nhiên")
    assert out.rstrip().endswith("broadcast voices download korva")


@pytest.mark.parametrize("args", [["--out", "mau.ogg"], ["--engine", "korva"]])
def test_voices_say_refusals_are_one_line(voices, tmp_path, capsys, args):
    code, _, err = run_cli(["voices", "say", "Xin chào", *args], capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Lỗi:" in err
    assert not (tmp_path / "mau.ogg").exists()


def test_a_korva_build_names_its_engine_in_the_tags_and_manifest(voices, tmp_path, capsys):
    import mutagen

    install_test_korva(voices / "korvatts")
    config = tmp_path / "broadcast.toml"
    config.write_text('[voice.korva]\nvoice = "hoang_nam"\nsteps = 4\nseed = 3\n',
                      encoding="utf-8")
    args = ["build", str(SAMPLE), "--commune", "Phúc Lộc", "--out", str(tmp_path / "out"),
            "--config", str(config)]
    code, out, err = run_cli(args, capsys)
    assert code == 0, err
    assert out.startswith("Bộ đọc: korva, giọng hoang_nam (giọng KorvaTTS hoang_nam đã cài")
    mp3 = next((tmp_path / "out").rglob("*.mp3"))
    comment = str(mutagen.File(mp3).tags.getall("COMM")[0])
    assert comment.endswith("— bộ đọc korva (hoang_nam)")
    manifest = json.loads(mp3.with_suffix(".json").read_text(encoding="utf-8"))
    assert (manifest["engine"], manifest["voice"]) == ("korva", "hoang_nam")
    code, out, _ = run_cli(args, capsys)
    segments = manifest["cache"]["synthesized"]
    assert f"Bộ nhớ đệm   : {segments}/{segments} câu đã đọc từ trước" in out


def test_init_defaults_to_auto_and_says_how_to_get_a_natural_voice(voices, tmp_path, capsys):
    config = tmp_path / "broadcast.toml"
    code, out, err = run_cli(["init", "--commune", "Phúc Lộc", "--yes", "--config",
                              str(config)], capsys)
    assert code == 0, err
    assert 'engine = "auto"' in config.read_text(encoding="utf-8")
    assert "broadcast voices download korva" in out.splitlines()[-1]


def test_init_offers_the_download_when_the_hub_answers(voices, published, monkeypatch, capsys):
    from broadcast import cli

    asked = []
    monkeypatch.setattr(cli.typer, "confirm", lambda text, default: asked.append(text) or True)
    with FakeHub(published) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        cli._offer_korva("auto", interactive=True)
    assert len(asked) == 1 and "KorvaTTS" in asked[0]
    assert korva_assets.missing(voices / "korvatts") == []
    cli._offer_korva("auto", interactive=True)  # installed now: not asked again
    assert len(asked) == 1


@pytest.mark.parametrize(("engine", "interactive", "online"), [
    ("espeak", True, True), ("auto", False, True), ("auto", True, False)])
def test_init_does_not_download_unasked(voices, published, monkeypatch, capsys, engine,
                                        interactive, online):
    from broadcast import cli

    monkeypatch.setattr(cli.typer, "confirm", lambda *a, **k: pytest.fail("asked"))
    with FakeHub(published) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url if online else CLOSED_URL)
        cli._offer_korva(engine, interactive=interactive)
    assert left_in(voices) == []
    out = capsys.readouterr().out
    assert ("broadcast voices download korva" in out) == (engine == "auto")
