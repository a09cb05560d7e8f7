import sys

import numpy as np
import pytest

from broadcast.errors import BroadcastError
from broadcast.tts import ENGINES, get_engine, list_engines
from tests.conftest import decode, rms_db
from tests.fakes import FakeGoogle


def test_espeak_synthesizes_vietnamese_speech():
    engine = get_engine("espeak")
    audio = engine.synthesize("Kính thưa bà con nhân dân trong xã.")
    assert audio.format == "pcm_s16le" and audio.sample_rate > 8000
    samples = np.frombuffer(audio.data, dtype=np.int16) / 32768
    seconds = len(samples) / audio.sample_rate
    assert 1.0 < seconds < 6.0
    assert rms_db(samples) > -35


def test_espeak_longer_text_gives_longer_audio():
    engine = get_engine("espeak")
    short = engine.synthesize("Xin chào.")
    long = engine.synthesize("Xin chào bà con, hôm nay xã tổ chức tiêm phòng cho trẻ em.")
    assert len(long.data) > 2 * len(short.data)


def test_espeak_unknown_voice_is_a_user_error():
    with pytest.raises(BroadcastError, match="giọng"):
        get_engine("espeak").synthesize("Xin chào.", voice="khong-co-giong")


def test_unknown_engine_lists_known_ones():
    with pytest.raises(BroadcastError, match="espeak, gtts"):
        get_engine("festival")


def test_engines_are_listed_without_importing_gtts(monkeypatch):
    monkeypatch.delitem(sys.modules, "broadcast.tts.gtts_engine", raising=False)
    rows = {name: status for name, _, status in list_engines()}
    assert set(rows) == set(ENGINES)
    assert rows["espeak"].ok


def test_gtts_against_local_fake_splits_long_text(monkeypatch):
    text = ("Ủy ban nhân dân xã đề nghị bà con nhân dân chủ động phòng chống dịch bệnh, "
            "giữ gìn vệ sinh môi trường, thu gom rác thải đúng nơi quy định, "
            "và tham gia đầy đủ các buổi tiêm phòng do trạm y tế tổ chức.")
    with FakeGoogle() as fake:
        engine = get_engine("gtts", endpoint=fake.url, backoff=0.01)
        audio = engine.synthesize(text)
    assert len(fake.requests) >= 2
    assert all(len(chunk) <= 100 for chunk in fake.requests)
    assert all(chunk in text for chunk in fake.requests)
    assert sum(len(c.split()) for c in fake.requests) == len(text.split())
    samples = decode(audio.data)
    # each part is one 0.4 s tone; MP3 framing adds under 60 ms a part
    parts = len(fake.requests)
    assert len(samples) / 44100 == pytest.approx(0.4 * parts, abs=0.06 * parts)


def test_gtts_retries_transient_errors():
    with FakeGoogle(fail_first=2, fail_status=503) as fake:
        engine = get_engine("gtts", endpoint=fake.url, backoff=0.01, retries=3)
        audio = engine.synthesize("Xin chào bà con.")
    assert len(fake.requests) == 3
    assert len(decode(audio.data)) > 0


def test_gtts_gives_up_with_a_message_naming_the_text():
    with FakeGoogle(fail_first=100, fail_status=429) as fake:
        engine = get_engine("gtts", endpoint=fake.url, backoff=0.01, retries=2)
        with pytest.raises(BroadcastError, match="Xin chào bà con.*429"):
            engine.synthesize("Xin chào bà con.")
    assert len(fake.requests) == 3


def test_gtts_unreachable_endpoint():
    engine = get_engine("gtts", endpoint="http://127.0.0.1:9/none", backoff=0.01, retries=1,
                        timeout=1)
    with pytest.raises(BroadcastError, match="không kết nối được"):
        engine.synthesize("Xin chào.")
