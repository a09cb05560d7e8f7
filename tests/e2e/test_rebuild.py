"""The segment cache across builds: a rebuild after editing one sentence synthesizes exactly
that sentence; respellings reach the engine but not the printed or spoken text."""

import json

import pytest

from broadcast.tts import ENGINES
from broadcast.tts.espeak import EspeakEngine
from tests.conftest import corpus_file, run_cli
from tests.fakes import ToneEngine

OLD = "Tập trung giải quyết kịp thời"


@pytest.fixture
def letter(tmp_path):
    """A copy of the Đức Thọ letter the officer can edit."""
    source = corpus_file("cong-van-don-doc-duc-tho-2023.md")
    copy = tmp_path / "cong-van.md"
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    return copy


def build(notice, out, capsys, *extra):
    code, stdout, err = run_cli(["build", str(notice), "--commune", "Phúc Lộc", "--out", str(out),
                                 "--date", "2024-07-04", *extra], capsys)
    assert code == 0, err
    manifest = json.loads(next(out.rglob("*.json")).read_text(encoding="utf-8"))
    return stdout, manifest


def edit_one_sentence(path):
    text = path.read_text(encoding="utf-8")
    assert OLD in text
    path.write_text(text.replace(OLD, "Khẩn trương giải quyết", 1), encoding="utf-8")


def test_one_sentence_edit_makes_one_synthesis_call(letter, tmp_path, capsys, monkeypatch):
    """Done-when check, with the real espeak engine on a corpus letter."""
    calls = []
    real = EspeakEngine.synthesize

    def counted(self, text, voice=None):
        calls.append(text)
        return real(self, text, voice)

    monkeypatch.setattr(EspeakEngine, "synthesize", counted)
    _, first = build(letter, tmp_path / "a", capsys)
    assert len(calls) == len(first["segments"]) - _repeats(first)
    assert first["cache"]["hits"] == _repeats(first)
    calls.clear()
    edit_one_sentence(letter)
    out, second = build(letter, tmp_path / "b", capsys)
    assert len(calls) == 1 and "Khẩn trương giải quyết" in calls[0]
    changed = [s for s in second["segments"] if not s["cached"]]
    assert [s["spoken"] for s in changed] == calls
    assert second["cache"] == {"used": True, "hits": len(second["segments"]) - 1,
                               "synthesized": 1}
    assert f"{len(second['segments']) - 1}/{len(second['segments'])} câu" in out


def _repeats(manifest) -> int:
    """Segments whose spoken text already came earlier in the same build (read once)."""
    spoken = [s["spoken"] for s in manifest["segments"]]
    return len(spoken) - len(set(spoken))


def test_no_cache_synthesizes_everything(letter, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(ENGINES, "tone", "tests.fakes:ToneEngine")
    ToneEngine.calls.clear()
    build(letter, tmp_path / "a", capsys, "--engine", "tone")
    first = len(ToneEngine.calls)
    ToneEngine.calls.clear()
    _, manifest = build(letter, tmp_path / "b", capsys, "--engine", "tone", "--no-cache")
    assert len(ToneEngine.calls) == first
    assert manifest["cache"]["used"] is False and manifest["cache"]["hits"] == 0


def test_respellings_reach_only_their_engine(letter, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(ENGINES, "tone", "tests.fakes:ToneEngine")
    config = tmp_path / "broadcast.toml"
    config.write_text('[respellings.tone]\n"Đức Thọ" = "Đứt Thọ"\n\n'
                      '[respellings.espeak]\n"Đức Thọ" = "Đức Thộ"\n', encoding="utf-8")
    ToneEngine.calls.clear()
    _, manifest = build(letter, tmp_path / "out", capsys, "--engine", "tone", "--config",
                        str(config))
    sent = " ".join(text for text, _ in ToneEngine.calls)
    assert "Đứt Thọ" in sent and "Đức Thọ" not in sent and "Đức Thộ" not in sent
    respelled = [s for s in manifest["segments"] if "respelled" in s]
    assert respelled and all("Đức Thọ" in s["spoken"] for s in respelled)
    spoken_file = next((tmp_path / "out").rglob("*.spoken.txt")).read_text(encoding="utf-8")
    assert "Đứt Thọ" not in spoken_file and "Đức Thọ" in spoken_file
