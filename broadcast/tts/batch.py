"""Synthesize many segments: through the cache, with as many at once as the engine allows.

A network engine (gtts) declares ``concurrency`` > 1 and its requests overlap; a local engine
runs one segment at a time. When a segment finally fails, the segments already finished stay in
the cache, so the next run synthesizes only what is missing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass

from broadcast.errors import BroadcastError
from broadcast.tts import Audio, Engine
from broadcast.tts.cache import SegmentCache, cache_key

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Spoken:
    """One segment's audio, whether it was reused (from the cache, or said earlier in the same
    build) instead of synthesized, and the text the engine was given."""

    audio: Audio
    cached: bool
    text: str = ""


def synthesize_all(engine: Engine, texts: list[str], voice: str | None,
                   cache: SegmentCache | None, progress: Progress | None = None) -> list[Spoken]:
    """Audio for every text, in order. Raises the first failure after the running ones end."""
    voice = voice or engine.default_voice
    keys = [cache_key(engine.name, voice, engine.fingerprint(voice), text) for text in texts]
    results: dict[int, Spoken] = {}
    for index, key in enumerate(keys):
        hit = cache.get(key) if cache else None
        if hit is not None:
            results[index] = Spoken(hit, True, texts[index])
    first: dict[str, int] = {}  # a text said twice in one build is synthesized once
    missing = [first.setdefault(keys[i], i) for i in range(len(texts))
               if i not in results and keys[i] not in first]
    log.info("%s: %d segments, %d from cache, %d to synthesize", engine.name, len(texts),
             len(results), len(missing))

    def done() -> int:
        return sum(i in results or first.get(keys[i]) in results for i in range(len(texts)))

    def job(index: int) -> Audio:
        audio = engine.synthesize(texts[index], voice)
        if cache:
            cache.put(keys[index], audio)
        return audio

    _report(progress, done(), len(texts))
    try:
        for index, audio in _run(job, missing, getattr(engine, "concurrency", 1)):
            results[index] = Spoken(audio, False, texts[index])
            _report(progress, done(), len(texts))
    except _Failed as failed:
        if not isinstance(failed.error, BroadcastError):
            raise failed.error from None  # a bug: its own traceback
        raise _failure(failed.error, failed.index, done(), len(texts), cache) \
            from failed.error
    return [results.get(i) or Spoken(results[first[keys[i]]].audio, True, texts[i])
            for i in range(len(texts))]


class _Failed(Exception):
    """Job ``index`` raised ``error``; the jobs that finished before are already yielded."""

    def __init__(self, index: int, error: BaseException) -> None:
        super().__init__(index, error)
        self.index, self.error = index, error


def _run(job: Callable[[int], Audio], indexes: list[int],
         concurrency: int) -> Iterator[tuple[int, Audio]]:
    """(index, audio) as each job ends, ``concurrency`` at a time. The first failure cancels
    what has not started, lets running jobs end (their audio is yielded too, so it is kept),
    then raises _Failed."""
    workers = max(1, min(int(concurrency), len(indexes) or 1))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="tts") as pool:
        pending = {pool.submit(job, i): i for i in indexes}
        while pending:
            done, _ = wait(pending, return_when=FIRST_EXCEPTION)
            failed = next((f for f in done if f.exception() is not None), None)
            for future in done:
                if future is not failed and future.exception() is None:
                    yield pending.pop(future), future.result()
            if failed is not None:
                index = pending.pop(failed)
                for future in pending:
                    future.cancel()
                pool.shutdown(wait=True, cancel_futures=True)
                for future, i in pending.items():
                    if not future.cancelled() and future.exception() is None:
                        yield i, future.result()
                raise _Failed(index, failed.exception())


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress and total:
        progress(done, total)


def _failure(exc: BroadcastError, index: int, finished: int, total: int,
             cache: SegmentCache | None) -> BroadcastError:
    """The engine's error, naming the segment and what was kept for the next run."""
    kept = (f" Đã đọc xong {finished}/{total} đoạn và lưu lại; lần dựng sau chỉ đọc phần còn "
            "thiếu." if cache and finished else "")
    message = exc.message if exc.message.endswith((".", "!", "?")) else exc.message + "."
    return BroadcastError(f"Đoạn thứ {index + 1}/{total}: {message}{kept}")
