"""gtts against the local fake endpoint: concurrency, retries with backoff, timeouts, partial
results kept across runs. Nothing here reaches the internet."""

import json
from pathlib import Path

import pytest

from broadcast.errors import BroadcastError
from broadcast.tts import get_engine
from broadcast.tts.batch import synthesize_all
from broadcast.tts.cache import SegmentCache
from broadcast.tts.chunks import split_requests
from tests.conftest import corpus_file, decode, run_cli
from tests.fakes import FakeGoogle

SENTENCES = [f"Đây là câu thông báo số {i} gửi tới bà con nhân dân trong xã." for i in range(12)]


def test_requests_run_four_at_a_time_by_default():
    with FakeGoogle(latency=0.2) as fake:
        engine = get_engine("gtts", endpoint=fake.url)
        results = synthesize_all(engine, SENTENCES, None, None)
    assert fake.max_in_flight == 4
    assert sorted(fake.requests) == sorted(SENTENCES)
    assert all(len(decode(r.audio.data)) > 0 for r in results)


def test_concurrency_is_a_setting():
    with FakeGoogle(latency=0.1) as fake:
        engine = get_engine("gtts", endpoint=fake.url, concurrency=2)
        synthesize_all(engine, SENTENCES, None, None)
    assert fake.max_in_flight == 2


def test_a_request_that_hangs_is_retried_after_the_timeout():
    with FakeGoogle(fail_first=1, fail_status="hang", hang=3.0) as fake:
        engine = get_engine("gtts", endpoint=fake.url, timeout=1, backoff=0.01)
        audio = engine.synthesize("Xin chào bà con.")
    assert fake.requests == ["Xin chào bà con."] * 2
    assert len(decode(audio.data)) > 0


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_transient_statuses_are_retried(status):
    with FakeGoogle(fail_first=2, fail_status=status) as fake:
        engine = get_engine("gtts", endpoint=fake.url, backoff=0.01)
        engine.synthesize("Xin chào bà con.")
    assert len(fake.requests) == 3


def test_a_client_error_is_not_retried():
    with FakeGoogle(fail_first=5, fail_status=403) as fake:
        engine = get_engine("gtts", endpoint=fake.url, backoff=0.01)
        with pytest.raises(BroadcastError, match="403"):
            engine.synthesize("Xin chào bà con.")
    assert len(fake.requests) == 1


def test_backoff_grows_with_jitter_and_honours_retry_after():
    engine = get_engine("gtts", backoff=1.0)
    for attempt, ceiling in [(0, 1.0), (1, 2.0), (2, 4.0), (10, 20.0)]:
        delays = {engine._delay(attempt, None) for _ in range(50)}
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert len(delays) > 40  # jittered, so many clients do not retry in step
    assert engine._delay(0, 7.0) == 7.0
    assert engine._delay(0, 3600.0) == 20.0


def test_probe_says_whether_the_endpoint_answers():
    with FakeGoogle() as fake:
        assert get_engine("gtts", endpoint=fake.url).probe()
    with FakeGoogle(fail_first=10, fail_status=503) as fake:
        status = get_engine("gtts", endpoint=fake.url).probe()
        assert not status and "503" in status.reason
        assert len(fake.requests) == 1


CONFIG = """
[voice]
engine = "gtts"

[voice.gtts]
backoff = 0.02
retries = 6
timeout = 1
"""


def _build(notice, tmp_path, capsys, *extra):
    config = tmp_path / "broadcast.toml"
    config.write_text(CONFIG, encoding="utf-8")
    return run_cli(["build", str(notice), "--commune", "Phúc Lộc", "--out",
                    str(tmp_path / "out"), "--date", "2024-07-04", "--config", str(config),
                    *extra], capsys)


def test_corpus_build_survives_30_percent_transient_failures(tmp_path, capsys, monkeypatch):
    """Done-when check: a gtts build of a corpus directive completes while 30% of the
    requests fail with 429/500/503 or hang past the timeout."""
    notice = corpus_file("thong-bao-ket-luan-kon-ray-2024.md")
    with FakeGoogle(fail_rate=0.3, hang=2.0, fixed_seconds=None, seed=11) as fake:
        monkeypatch.setenv("BROADCAST_GTTS_URL", fake.url)
        code, out, err = _build(notice, tmp_path, capsys)
    assert code == 0, err
    share = len(fake.failures) / len(fake.requests)
    assert 0.2 < share < 0.4
    manifest = json.loads(next((tmp_path / "out").rglob("*.json")).read_text(encoding="utf-8"))
    assert manifest["engine"] == "gtts"
    assert set(fake.answered) >= set(fake.requests)  # every request got its audio
    assert len(manifest["segments"]) > 30
    speech = sum(s["end"] - s["start"] for s in manifest["segments"])
    chars = sum(len(t) for t in set(fake.answered))
    assert speech == pytest.approx(0.06 * chars, rel=0.15)


def test_a_failed_build_keeps_what_it_read_and_the_next_run_reads_only_the_rest(
        tmp_path, capsys, monkeypatch):
    notice = corpus_file("cong-van-don-doc-duc-tho-2023.md")
    with FakeGoogle(fail_after=10, fail_status=503) as fake:
        monkeypatch.setenv("BROADCAST_GTTS_URL", fake.url)
        code, _, err = _build(notice, tmp_path, capsys)
    assert code == 2
    assert "Đoạn thứ" in err and "gTTS không đọc được đoạn" in err and "503" in err
    assert "Traceback" not in err
    assert not list((tmp_path / "out").rglob("*.mp3"))
    kept = SegmentCache().info().entries
    assert kept >= 1  # whole segments are kept: 10 answers, up to 4 segments in flight
    with FakeGoogle() as again:
        monkeypatch.setenv("BROADCAST_GTTS_URL", again.url)
        code, out, err = _build(notice, tmp_path, capsys)
    assert code == 0, err
    manifest = json.loads(next((tmp_path / "out").rglob("*.json")).read_text(encoding="utf-8"))
    assert manifest["cache"]["hits"] == kept
    assert manifest["cache"]["synthesized"] == len(manifest["segments"]) - kept
    redone = [split_requests(seg["spoken"]) for seg in manifest["segments"] if not seg["cached"]]
    kept_parts = [split_requests(seg["spoken"]) for seg in manifest["segments"] if seg["cached"]]
    assert sorted(again.requests) == sorted(part for parts in redone for part in parts)
    assert set(again.requests).isdisjoint(part for parts in kept_parts for part in parts)
    assert f"{kept}/{len(manifest['segments'])} câu" in out


def test_endpoint_from_the_config_file_and_unknown_settings(tmp_path, capsys):
    config = tmp_path / "broadcast.toml"
    config.write_text('[voice.gtts]\nconcurency = 2\n', encoding="utf-8")
    code, _, err = run_cli(["build", str(Path(__file__)), "--commune", "Phúc Lộc",
                            "--engine", "gtts", "--config", str(config)], capsys)
    assert code == 2
    assert "concurency" in err and "concurrency" in err
