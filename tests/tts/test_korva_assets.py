"""korva_assets on its own: where the files go, what counts as whole, how a hub problem is put
in a few Vietnamese words, and how a download is put in place (or not)."""

import logging
from pathlib import Path

import httpx
import pytest

from broadcast.errors import BroadcastError
from broadcast.tts import korva_assets as assets
from tests.conftest import CLOSED_URL
from tests.fakes import FakeHub, install_test_korva

pytest.importorskip("korvatts")


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    return install_test_korva(tmp_path_factory.mktemp("hub") / "repo")


def response(status: int) -> httpx.Response:
    return httpx.Response(status, request=httpx.Request("GET", "http://hub/api/models/x"))


def hub_error(name: str, status: int):
    from huggingface_hub import errors

    return getattr(errors, name)(f"{name} happened", response=response(status))


def chained(outer: BaseException, inner: BaseException) -> BaseException:
    outer.__cause__ = inner
    return outer


def oserror(errno: int, text: str) -> OSError:
    return OSError(errno, text)


@pytest.mark.parametrize(("make", "words"), [
    (lambda: hub_error("RepositoryNotFoundError", 404), "máy chủ không có kho giọng này"),
    (lambda: hub_error("RevisionNotFoundError", 404), "máy chủ không có kho giọng này"),
    (lambda: hub_error("HfHubHTTPError", 503), "máy chủ trả lời mã 503"),
    (lambda: __import__("huggingface_hub").errors.OfflineModeIsEnabled("off"),
     "huggingface_hub đang ở chế độ không mạng (HF_HUB_OFFLINE)"),
    (lambda: httpx.ConnectTimeout("slow"), "máy chủ không trả lời kịp"),
    (lambda: httpx.ReadTimeout("slow"), "máy chủ không trả lời kịp"),
    (lambda: httpx.ConnectError("refused"),
     "không kết nối được tới máy chủ (máy chưa có mạng internet?)"),
    (lambda: BrokenPipeError(32, "pipe"),
     "không kết nối được tới máy chủ (máy chưa có mạng internet?)"),
    (lambda: chained(RuntimeError("wrapped"), httpx.ConnectError("refused")),
     "không kết nối được tới máy chủ (máy chưa có mạng internet?)"),
    (lambda: oserror(28, "No space left on device"), "lỗi ổ đĩa (No space left on device)"),
    (lambda: OSError("no errno"), "lỗi khi tải (OSError)"),
    (lambda: ValueError("odd"), "lỗi khi tải (ValueError)"),
])
def test_a_hub_problem_in_a_few_words(make, words):
    assert assets.reason(make()) == words


def test_a_cycle_of_causes_ends():
    first, second = RuntimeError("a"), KeyError("b")
    first.__context__, second.__context__ = second, first
    assert assets.reason(first) == "lỗi khi tải (RuntimeError)"
    assert list(assets._chain(first)) == [first, second]


def test_the_endpoint_and_repository_come_from_the_environment(monkeypatch):
    monkeypatch.delenv("HF_ENDPOINT")
    assert (assets.endpoint(), assets.repo()) == ("https://huggingface.co", "dogenthq/KorvaTTS")
    monkeypatch.setenv("HF_ENDPOINT", "http://hub.local:8080//")
    monkeypatch.setenv("KORVATTS_HF_REPO", "xa/giong")
    assert (assets.endpoint(), assets.repo()) == ("http://hub.local:8080", "xa/giong")


def test_the_hub_is_asked_with_one_head_request(published, monkeypatch, caplog):
    with FakeHub(published) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        assert assets.hub_reachable(timeout=2)
    assert hub.requests == [("HEAD", "/api/models/dogenthq/KorvaTTS")]
    with caplog.at_level(logging.INFO, logger="broadcast.tts.korva_assets"):
        monkeypatch.setenv("HF_ENDPOINT", CLOSED_URL)
        assert not assets.hub_reachable()
    (message,) = caplog.messages
    assert message.startswith(f"hub {CLOSED_URL}/api/models/dogenthq/KorvaTTS not reachable: ")
    assert "refused" in message.lower()


def test_a_hub_too_slow_is_not_waited_for(published, monkeypatch):
    with FakeHub(published, delay=1.5) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        assert not assets.hub_reachable(timeout=0.2)


def test_an_installed_copy_is_not_fetched_again(published, tmp_path, monkeypatch):
    install_test_korva(tmp_path / "mine" / "korvatts")
    with FakeHub(published) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        assert assets.download(tmp_path / "mine") == tmp_path / "mine" / "korvatts"
    assert hub.requests == []


def test_only_the_model_and_voice_styles_are_fetched_beside_the_target(tmp_path, monkeypatch):
    import huggingface_hub

    published = install_test_korva(tmp_path / "repo")
    (published / "pytorch").mkdir()
    (published / "pytorch" / "model.safetensors").write_bytes(b"\0" * 1000)
    (published / "README.md").write_text("KorvaTTS", encoding="utf-8")
    where = []
    real = huggingface_hub.snapshot_download

    def noting(**kwargs):
        where.append(kwargs["local_dir"])
        return real(**kwargs)

    monkeypatch.setattr(huggingface_hub, "snapshot_download", noting)
    target = tmp_path / "a" / "b" / "voices"
    with FakeHub(published) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        assert assets.download(target) == target / "korvatts"
    assert not any("pytorch" in path or "README" in path for _, path in hub.requests)
    assert sorted(p.name for p in (target / "korvatts").iterdir()) == ["onnx", "voice_styles"]
    (temporary,) = {w.parent for w in where}
    assert temporary.parent == target and temporary.name.startswith(".download-korva-")
    assert not temporary.exists()
    from huggingface_hub import constants

    assert not list(Path(constants.HF_HUB_CACHE).glob("models--*"))  # the client's cache too


def test_a_file_fetched_before_is_fetched_again_not_taken_from_a_cache(tmp_path, published,
                                                                      monkeypatch):
    with FakeHub(published) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        assets.download(tmp_path / "first")
    with FakeHub(published, broken={"onnx/vocoder.onnx"}) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        with pytest.raises(BroadcastError, match="mã 500"):
            assets.download(tmp_path / "second")
    assert not (tmp_path / "second").exists()


def test_a_failed_download_keeps_a_voices_folder_that_was_there(tmp_path):
    (tmp_path / "voices").mkdir()
    with pytest.raises(BroadcastError, match="không kết nối được"):
        assets.download(tmp_path / "voices")
    assert (tmp_path / "voices").is_dir() and not any((tmp_path / "voices").iterdir())


def test_without_the_package_nothing_is_fetched(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "korvatts", None)
    with pytest.raises(BroadcastError, match=r'^Không tải được giọng KorvaTTS: thiếu gói '
                                             r'korvatts. Cài bằng lệnh: pip install "\.\[korva\]"'
                                             r'\.$'):
        assets.download(tmp_path / "voices")
    assert not (tmp_path / "voices").exists()


@pytest.mark.parametrize(("count", "tail"), [
    (1, "voice_styles/bao_kim.json"),
    (3, "voice_styles/bao_kim.json, voice_styles/khanh_vy.json, voice_styles/ngoc_huyen.json"),
    (4, "voice_styles/bao_kim.json, voice_styles/khanh_vy.json, voice_styles/ngoc_huyen.json và "
        "1 tệp nữa"),
    (6, "voice_styles/bao_kim.json, voice_styles/khanh_vy.json, voice_styles/ngoc_huyen.json và "
        "3 tệp nữa"),
])
def test_a_download_missing_files_names_the_first_three(tmp_path, count, tail):
    folder = install_test_korva(tmp_path / "korvatts")
    for name in list(assets.VOICES)[:count]:  # as listed: female voices first
        (folder / "voice_styles" / f"{name}.json").unlink()
    with pytest.raises(BroadcastError) as caught:
        assets._check_whole(folder)
    assert caught.value.message == (f"Bản tải về từ dogenthq/KorvaTTS thiếu {tail}; chưa cài "
                                    "gì. Thử lại sau (broadcast voices download korva).")


def test_a_failed_swap_puts_the_earlier_copy_back(tmp_path):
    target = install_test_korva(tmp_path / "korvatts", voices=["gia_bao"])
    with pytest.raises(OSError):
        assets._swap(tmp_path / "not-there", target, tmp_path / "old")
    assert assets.installed_voices(target) == ["gia_bao"] and not (tmp_path / "old").exists()


def test_a_swap_replaces_the_earlier_copy(tmp_path):
    target = install_test_korva(tmp_path / "korvatts", voices=["gia_bao"])
    fetched = install_test_korva(tmp_path / "new", voices=["huu_dat"])
    assets._swap(fetched, target, tmp_path / "old")
    assert assets.installed_voices(target) == ["huu_dat"] and not fetched.exists()
    assert assets.installed_voices(tmp_path / "old") == ["gia_bao"]
