"""The korva engine's whole path, run for real through the korvatts package on a stand-in of
its model (tiny ONNX graphs with KorvaTTS's input and output names and shapes, tests/fakes.py):
asset check, load, text in, samples out, long segments cut, speed, voices, seed, cache key."""

import io
import json
import logging
import re
import sys
import unicodedata

import numpy as np
import pytest

from broadcast.errors import BroadcastError
from broadcast.tts import get_engine, korva_assets
from broadcast.tts.batch import synthesize_all
from broadcast.tts.cache import SegmentCache
from broadcast.tts.korva_engine import MAX_CHARS, PIECE_PAUSE_S
from tests.conftest import decode, loud_regions
from tests.fakes import KORVA_SECONDS_PER_ID, install_test_korva, korva_level, korva_style

pytest.importorskip("korvatts")
SENTENCE = "Kính thưa bà con nhân dân trong xã."
CLAUSE = "thôn Bản Chang đã hoàn thành việc phát quang đường lên nương rẫy"


@pytest.fixture
def voices(tmp_path, monkeypatch):
    folder = tmp_path / "voices"
    monkeypatch.setenv("BROADCAST_VOICES", str(folder))
    install_test_korva(folder / "korvatts")
    return folder


def heard(audio) -> np.ndarray:
    """The engine's audio as a listener's file: WAV, decoded by ffmpeg."""
    from broadcast.audio import pcm

    buffer = io.BytesIO()
    pcm(audio.data, audio.sample_rate, audio.channels).export(buffer, format="wav")
    return decode(buffer.getvalue())


def seconds_for(text: str, speed: float = 1.05) -> float:
    """The stand-in's length for one piece: 50 ms per character id the model is given."""
    from korvatts.text_processor import normalize_text

    return len(normalize_text(text, "vi")) * KORVA_SECONDS_PER_ID / speed


def test_our_lists_are_the_packages():
    from korvatts.assets import ONNX_FILES

    assert tuple(ONNX_FILES) == korva_assets.ONNX_FILES
    genders = [v.gender for v in korva_assets.VOICES.values()]
    assert genders.count("nữ") == genders.count("nam") == 5
    assert korva_assets.DEFAULT_VOICE in korva_assets.VOICES


def test_a_sentence_comes_out_as_speech_of_its_length_in_its_voice(voices):
    audio = get_engine("korva").synthesize(SENTENCE, "khanh_vy")
    assert (audio.format, audio.sample_rate, audio.channels) == ("pcm_s16le", 44100, 1)
    samples = heard(audio)
    assert len(samples) / 44100 == pytest.approx(seconds_for(SENTENCE), abs=0.01)
    assert np.max(np.abs(samples)) == pytest.approx(korva_level(1), rel=0.02)
    (start, end), = loud_regions(samples)  # one stretch of speech, start to end
    assert start < 0.02 and end > len(samples) / 44100 - 0.05


def test_the_default_voice_is_khanh_vy(voices):
    engine = get_engine("korva")
    assert engine.default_voice == "khanh_vy"
    assert engine.synthesize(SENTENCE).data == engine.synthesize(SENTENCE, "khanh_vy").data


def test_speed_divides_the_length(voices):
    slow = heard(get_engine("korva", speed=1.0).synthesize(SENTENCE))
    fast = heard(get_engine("korva", speed=2.0).synthesize(SENTENCE))
    assert len(slow) / 44100 == pytest.approx(seconds_for(SENTENCE, 1.0), abs=0.01)
    assert len(fast) / 44100 == pytest.approx(seconds_for(SENTENCE, 2.0), abs=0.01)


def test_each_voice_is_its_own(voices):
    engine = get_engine("korva")
    names = list(korva_assets.VOICES)
    for index in (0, 5, 9):
        peak = np.max(np.abs(heard(engine.synthesize(SENTENCE, names[index]))))
        assert peak == pytest.approx(korva_level(index), rel=0.02), names[index]


def test_the_same_seed_gives_the_same_samples_and_another_seed_others(voices):
    one = get_engine("korva", steps=1, seed=7)
    first = one.synthesize(SENTENCE).data
    assert one.synthesize(SENTENCE).data == first
    assert get_engine("korva", steps=1, seed=7).synthesize(SENTENCE).data == first
    assert get_engine("korva", steps=1, seed=8).synthesize(SENTENCE).data != first
    assert get_engine("korva", steps=2, seed=7).synthesize(SENTENCE).data != first


def test_a_long_segment_is_cut_at_clause_marks_into_pieces_the_model_takes(voices, caplog,
                                                                            monkeypatch):
    from korvatts import tts

    given = []
    real = tts.TTS.synthesize

    def noting(self, text, *args, **kwargs):
        given.append(text)
        return real(self, text, *args, **kwargs)

    monkeypatch.setattr(tts.TTS, "synthesize", noting)
    text = ", ".join([CLAUSE] * 12) + "."
    with caplog.at_level(logging.DEBUG, logger="broadcast.tts.korva_engine"):
        samples = heard(get_engine("korva").synthesize(text))
    assert f"korva: 3 pieces for {text[:40]!r}" in caplog.messages
    assert len(given) == 3 and all(len(piece) <= MAX_CHARS for piece in given)
    assert " ".join(given) == text and all(p.endswith((",", ".")) for p in given)
    expected = sum(seconds_for(p) for p in given) + PIECE_PAUSE_S * (len(given) - 1)
    assert len(samples) / 44100 == pytest.approx(expected, abs=0.02)
    assert len(loud_regions(samples)) == len(given)  # a pause between pieces


def test_a_short_segment_is_one_call(voices, monkeypatch):
    from korvatts import tts

    calls = []
    real = tts.TTS.synthesize
    monkeypatch.setattr(tts.TTS, "synthesize",
                        lambda self, text, *a, **k: calls.append(k) or real(self, text, *a, **k))
    get_engine("korva", speed=1.2, steps=4, seed=3).synthesize(SENTENCE, "bao_kim")
    assert len(calls) == 1
    assert {k: calls[0][k] for k in ("lang", "total_steps", "speed", "seed")} == {
        "lang": "vi", "total_steps": 4, "speed": 1.2, "seed": 3}
    assert calls[0]["voice"].name == "bao_kim"


def test_nothing_to_say_is_a_clear_error(voices):
    with pytest.raises(BroadcastError, match="^KorvaTTS không đọc được một đoạn không có chữ "
                                             "nào.$"):
        get_engine("korva").synthesize("   ")


def test_samples_beyond_full_scale_are_clipped_never_wrapped(voices):
    loud = voices / "korvatts" / "voice_styles" / "loud.json"
    loud.write_text(json.dumps(korva_style(1.5)), encoding="utf-8")
    audio = get_engine("korva").synthesize(SENTENCE, "loud")
    pcm = np.frombuffer(audio.data, dtype="<i2")
    assert pcm.max() == 32767 and pcm.min() == -32767
    assert np.mean(np.abs(pcm) >= 32767) > 0.05  # a flat top, not a wrap to the other side
    assert np.all(np.abs(np.diff(pcm.astype(int))) < 20000)


def test_the_voices_folder_can_be_given(tmp_path):
    from broadcast.tts.korva_engine import KorvaEngine

    install_test_korva(tmp_path / "elsewhere" / "korvatts", voices=["huu_dat"])
    engine = KorvaEngine(voices_dir=str(tmp_path / "elsewhere"))
    assert engine.folder == tmp_path / "elsewhere" / "korvatts"
    assert engine.available().reason == "giọng đã cài: huu_dat"
    assert not KorvaEngine().available()  # the voices folder of the test: nothing there


def test_loading_is_logged_once_per_folder(voices, caplog):
    with caplog.at_level(logging.INFO, logger="broadcast.tts.korva_engine"):
        get_engine("korva").load()
        get_engine("korva").load("bao_kim")
    assert caplog.messages == [f"korva: loading {voices / 'korvatts'}"]


def test_the_cache_key_follows_every_setting_the_voice_and_the_model(voices):
    def key(voice="khanh_vy", **settings):
        return get_engine("korva", **settings).fingerprint(voice)

    import korvatts

    base = key()
    assert key() == base
    assert set(base) == {"model", "style", "korvatts", "speed", "steps", "seed"}
    assert [name for name, _, _ in base["model"]] == list(korva_assets.ONNX_FILES)
    assert base["style"][0] == "khanh_vy.json"
    assert base["korvatts"] == korvatts.__version__
    assert (base["speed"], base["steps"], base["seed"]) == (1.05, 32, 0)
    for changed in (key("bao_kim"), key(speed=1.0), key(steps=16), key(seed=1)):
        assert changed != base
    vocoder = voices / "korvatts" / "onnx" / "vocoder.onnx"
    vocoder.write_bytes(vocoder.read_bytes() + b"\0")
    assert key() != base


def test_an_unchanged_sentence_comes_from_the_cache_and_a_new_seed_reads_again(voices,
                                                                              tmp_path):
    cache = SegmentCache(tmp_path / "cache")
    texts = [SENTENCE, CLAUSE + "."]
    first = synthesize_all(get_engine("korva"), texts, "khanh_vy", cache)
    again = synthesize_all(get_engine("korva"), texts, "khanh_vy", cache)
    assert [s.cached for s in first] == [False, False] and all(s.cached for s in again)
    assert [s.audio.data for s in again] == [s.audio.data for s in first]
    other = synthesize_all(get_engine("korva", seed=5), texts, "khanh_vy", cache)
    assert not any(s.cached for s in other)


def test_without_assets_the_engine_says_how_to_get_them(tmp_path, monkeypatch):
    monkeypatch.setenv("BROADCAST_VOICES", str(tmp_path / "voices"))
    from broadcast.tts.korva_engine import KorvaEngine

    status = KorvaEngine().available()
    assert not status
    assert status.reason == "chưa tải giọng KorvaTTS (broadcast voices download korva)"
    with pytest.raises(BroadcastError, match="chưa dùng được: chưa tải giọng KorvaTTS"):
        get_engine("korva")
    folder = tmp_path / "voices" / "korvatts"
    with pytest.raises(BroadcastError, match=re.escape(
            f"Chưa tải giọng KorvaTTS (tìm trong {folder}). Tải bằng lệnh: broadcast voices "
            "download korva") + "$"):
        KorvaEngine().load("khanh_vy")


def test_model_files_without_voice_styles_say_there_is_no_voice(tmp_path, monkeypatch):
    from broadcast.tts.korva_engine import KorvaEngine

    monkeypatch.setenv("BROADCAST_VOICES", str(tmp_path / "voices"))
    folder = install_test_korva(tmp_path / "voices" / "korvatts", voices=[])
    with pytest.raises(BroadcastError, match=re.escape(
            f"KorvaTTS không có giọng 'khanh_vy' (trong {folder}: chưa có giọng nào). Tải "
            "giọng: broadcast voices download korva") + "$"):
        KorvaEngine().fingerprint("khanh_vy")


def test_a_missing_model_file_means_not_installed(voices):
    (voices / "korvatts" / "onnx" / "unicode_indexer.json").unlink()
    assert korva_assets.installed_voices(voices / "korvatts") == []
    assert korva_assets.missing(voices / "korvatts") == ["onnx/unicode_indexer.json"]
    with pytest.raises(BroadcastError, match="chưa tải giọng"):
        get_engine("korva")


def test_an_unknown_voice_lists_the_installed_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("BROADCAST_VOICES", str(tmp_path / "voices"))
    install_test_korva(tmp_path / "voices" / "korvatts", voices=["gia_bao", "bao_kim"])
    engine = get_engine("korva")
    with pytest.raises(BroadcastError, match="không có giọng 'khanh_vy'.*bao_kim, gia_bao"):
        engine.load()
    assert engine.available().reason == "giọng đã cài: bao_kim, gia_bao"
    assert heard(engine.synthesize(SENTENCE, "gia_bao")).size


def test_a_damaged_model_is_one_line_naming_the_fix(voices):
    (voices / "korvatts" / "onnx" / "vocoder.onnx").write_bytes(b"not a graph")
    with pytest.raises(BroadcastError, match="^Không nạp được KorvaTTS từ .*: .*Hãy tải lại: "
                                             "broadcast voices download korva --force$"):
        get_engine("korva").load()


def test_a_damaged_voice_style_is_one_line(voices):
    (voices / "korvatts" / "voice_styles" / "huu_dat.json").write_text("{", encoding="utf-8")
    with pytest.raises(BroadcastError, match="^Tệp giọng KorvaTTS 'huu_dat' hỏng .*Hãy tải lại: "
                                             "broadcast voices download korva --force$"):
        get_engine("korva").load("huu_dat")


def test_without_the_package_the_engine_names_the_extra(voices, monkeypatch):
    monkeypatch.setitem(sys.modules, "korvatts", None)
    from broadcast.tts.korva_engine import KorvaEngine

    status = KorvaEngine().available()
    assert not status and status.reason == korva_assets.KORVA_MISSING + "."
    assert 'pip install ".[korva]"' in status.reason
    with pytest.raises(BroadcastError, match="korvatts"):
        korva_assets.download(voices, force=True)
    with pytest.raises(BroadcastError, match=re.escape(
            f"Không dùng được KorvaTTS: {korva_assets.KORVA_MISSING}.") + "$"):
        KorvaEngine().load()


@pytest.mark.parametrize(("settings", "words"), [
    ({"steps": 0}, "'steps'"), ({"steps": 33}, "'steps'"),
    ({"steps": 2.5}, "^Thiết lập 'steps' của bộ đọc korva phải là số nguyên, không phải '2.5'"),
    ({"seed": 1.5}, "^Thiết lập 'seed' của bộ đọc korva phải là số nguyên"),
    ({"speed": 3}, "'speed'"), ({"speed": 0.4}, "'speed'"),
    ({"pitch": 50}, "không có thiết lập 'pitch'"), ({"steps": True}, "'steps'"),
])
def test_settings_are_checked(voices, settings, words):
    with pytest.raises(BroadcastError, match=words):
        get_engine("korva", **settings)


def test_settings_in_range_are_taken(voices):
    engine = get_engine("korva", speed=0.5, steps=1, seed=2**31 - 1)
    assert (engine.speed, engine.steps, engine.seed) == (0.5, 1, 2**31 - 1)
    engine = get_engine("korva", speed=2, steps=32.0, seed=0)
    assert (engine.speed, engine.steps, engine.seed) == (2.0, 32, 0)
    assert isinstance(engine.steps, int)


def test_text_is_given_as_written_in_nfc_or_nfd(voices):
    engine = get_engine("korva")
    nfd = unicodedata.normalize("NFD", SENTENCE)
    assert engine.synthesize(nfd).data == engine.synthesize(SENTENCE).data


def test_broadcast_toml_takes_korva_settings_and_checks_its_voice(voices, tmp_path):
    from broadcast.config import load_settings

    config = tmp_path / "broadcast.toml"
    config.write_text('[voice]\nengine = "korva"\n\n[voice.korva]\nvoice = "quynh_nhu"\n'
                      "speed = 0.9\nsteps = 8\nseed = 42\n", encoding="utf-8")
    settings = load_settings(config).voice
    assert settings.voices == {"korva": "quynh_nhu"}
    assert settings.engines["korva"] == {"speed": 0.9, "steps": 8, "seed": 42}
    engine = get_engine("korva", **settings.engines["korva"])
    assert engine.fingerprint("quynh_nhu")["steps"] == 8
    config.write_text('[voice.korva]\nvoice = "klingon"\n', encoding="utf-8")
    with pytest.raises(BroadcastError, match="'voice.korva.voice'.*không có giọng 'klingon'"):
        load_settings(config)
    config.write_text('[voice.korva]\nsteps = 40\n', encoding="utf-8")
    with pytest.raises(BroadcastError, match=r"\[voice.korva\].*'steps'"):
        load_settings(config)


def test_an_installed_voice_of_another_name_is_accepted_in_broadcast_toml(voices, tmp_path):
    from broadcast.config import load_settings

    install_test_korva(voices / "korvatts", voices=["giong_xa"])
    config = tmp_path / "broadcast.toml"
    config.write_text('[voice.korva]\nvoice = "giong_xa"\n', encoding="utf-8")
    assert load_settings(config).voice.voices == {"korva": "giong_xa"}
