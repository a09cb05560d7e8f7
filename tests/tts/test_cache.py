import threading

import pytest

from broadcast.errors import BroadcastError
from broadcast.tts import Audio
from broadcast.tts.batch import synthesize_all
from broadcast.tts.cache import SegmentCache, cache_key, default_dir


def audio(text: str) -> Audio:
    return Audio(text.encode("utf-8") * 100, "pcm_s16le", 22050)


class CountingEngine:
    """Records every text it synthesizes; fails on texts listed in ``fail``; can hold each
    call until released, to observe how many run at once."""

    name = "counting"
    default_voice = "v"
    settings_ranges: dict = {}

    def __init__(self, concurrency=1, fail=(), gate: threading.Event | None = None):
        self.concurrency = concurrency
        self.fail = set(fail)
        self.gate = gate
        self.calls: list[str] = []
        self.running = self.most = 0
        self.lock = threading.Lock()

    def fingerprint(self, voice):
        return {"speed": 1}

    def synthesize(self, text, voice=None):
        with self.lock:
            self.calls.append(text)
            self.running += 1
            self.most = max(self.most, self.running)
        try:
            if self.gate:
                self.gate.wait(5)
            if text in self.fail:
                raise BroadcastError(f"không đọc được '{text}'")
            return audio(text)
        finally:
            with self.lock:
                self.running -= 1


def test_default_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("BROADCAST_CACHE", str(tmp_path / "c"))
    assert default_dir() == tmp_path / "c"


def test_key_changes_with_everything_that_changes_the_sound():
    base = cache_key("espeak", "vi", {"rate": 150}, "xin chào")
    assert base == cache_key("espeak", "vi", {"rate": 150}, "xin chào")
    others = [cache_key("piper", "vi", {"rate": 150}, "xin chào"),
              cache_key("espeak", "vi-VN-x-south", {"rate": 150}, "xin chào"),
              cache_key("espeak", "vi", {"rate": 160}, "xin chào"),
              cache_key("espeak", "vi", {"rate": 150}, "xin chào.")]
    assert base not in others and len(set(others)) == 4


def test_put_then_get_round_trips(tmp_path):
    cache = SegmentCache(tmp_path)
    key = cache_key("e", "v", {}, "một")
    assert cache.get(key) is None
    cache.put(key, audio("một"))
    assert cache.get(key) == audio("một")
    info = cache.info()
    assert info.entries == 1 and info.size_bytes >= len(audio("một").data)


@pytest.mark.parametrize("damage", ["truncate", "flip", "bad-json", "no-data"])
def test_a_corrupt_entry_is_a_miss_and_is_removed(tmp_path, damage):
    cache = SegmentCache(tmp_path)
    key = cache_key("e", "v", {}, "hai")
    cache.put(key, audio("hai"))
    data = next(tmp_path.glob("*/*.audio"))
    meta = next(tmp_path.glob("*/*.json"))
    if damage == "truncate":
        data.write_bytes(data.read_bytes()[:10])
    elif damage == "flip":
        raw = bytearray(data.read_bytes())
        raw[5] ^= 0xFF
        data.write_bytes(bytes(raw))
    elif damage == "bad-json":
        meta.write_text("{not json")
    else:
        data.unlink()
    assert cache.get(key) is None
    assert not meta.exists() and not data.exists()
    cache.put(key, audio("hai"))
    assert cache.get(key) == audio("hai")


def test_clear_removes_everything_and_reports_it(tmp_path):
    cache = SegmentCache(tmp_path / "segments")
    for word in ("a", "b", "c"):
        cache.put(cache_key("e", "v", {}, word), audio(word))
    cleared = cache.clear()
    assert cleared.entries == 3
    assert cache.info().entries == 0
    assert cache.get(cache_key("e", "v", {}, "a")) is None


def test_batch_uses_the_cache_and_keeps_order(tmp_path):
    cache = SegmentCache(tmp_path)
    engine = CountingEngine()
    texts = ["một", "hai", "ba", "hai"]
    first = synthesize_all(engine, texts, None, cache)
    assert [s.audio for s in first] == [audio(t) for t in texts]
    assert engine.calls == ["một", "hai", "ba"]  # said twice, synthesized once
    assert [s.cached for s in first] == [False, False, False, True]
    engine.calls.clear()
    second = synthesize_all(engine, ["một", "hai", "bốn", "ba"], None, cache)
    assert engine.calls == ["bốn"]
    assert [s.cached for s in second] == [True, True, False, True]


def test_batch_runs_as_many_at_once_as_the_engine_allows(tmp_path):
    gate = threading.Event()
    engine = CountingEngine(concurrency=4, gate=gate)
    timer = threading.Timer(0.5, gate.set)
    timer.start()
    results = synthesize_all(engine, [f"câu {i}" for i in range(12)], None, None)
    assert engine.most == 4
    assert [s.audio for s in results] == [audio(f"câu {i}") for i in range(12)]


def test_a_failure_names_the_segment_and_keeps_what_was_done(tmp_path):
    cache = SegmentCache(tmp_path)
    engine = CountingEngine(fail={"ba"})
    texts = ["một", "hai", "ba", "bốn"]
    with pytest.raises(BroadcastError, match=r"Đoạn thứ 3/4: .*'ba'\. Đã đọc xong (\d)/4") as err:
        synthesize_all(engine, texts, None, cache)
    kept = int(err.value.message.split("Đã đọc xong ")[1][0])
    engine.fail.clear()
    engine.calls.clear()
    synthesize_all(engine, texts, None, cache)
    assert engine.calls[0] == "ba"  # the next run reads only what is missing
    assert len(engine.calls) == 4 - kept and kept >= 2


def test_progress_counts_cached_segments_first(tmp_path):
    cache = SegmentCache(tmp_path)
    engine = CountingEngine()
    synthesize_all(engine, ["một"], None, cache)
    seen = []
    synthesize_all(engine, ["một", "hai", "ba", "hai"], None, cache,
                   lambda d, t: seen.append((d, t)))
    assert seen[0] == (1, 4) and seen[-1] == (4, 4)  # the cached one first, then as done
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_clear_removes_only_the_caches_own_entries(tmp_path, monkeypatch, capsys):
    from tests.conftest import run_cli

    folder = tmp_path / "shared"
    monkeypatch.setenv("BROADCAST_CACHE", str(folder))
    cache = SegmentCache()
    for text in ("một", "hai"):
        cache.put(cache_key("espeak", "vi", {}, text), audio(text))
    folder.mkdir(exist_ok=True)
    (folder / "ghi-chu.txt").write_text("tệp của người dùng", encoding="utf-8")
    (folder / "ab").mkdir(exist_ok=True)
    (folder / "ab" / "anh.jpg").write_bytes(b"\xff\xd8 not the cache's")
    (folder / "album").mkdir()
    (folder / "album" / "bai-hat.mp3").write_bytes(b"ID3 music")
    size = cache.info().size_bytes
    code, out, err = run_cli(["cache", "clear"], capsys)
    assert code == 0, err
    assert "Đã xóa 2 câu" in out and f"{size / 1e3:.1f} KB" in out
    assert (folder / "ghi-chu.txt").read_text(encoding="utf-8") == "tệp của người dùng"
    assert (folder / "ab" / "anh.jpg").exists() and (folder / "album" / "bai-hat.mp3").exists()
    assert cache.info().entries == 0
    assert sorted(p.name for p in folder.rglob("*") if p.is_file()) == [
        "anh.jpg", "bai-hat.mp3", "ghi-chu.txt"]
