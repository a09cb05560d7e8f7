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
    results = {i: Spoken(hit, True, texts[i]) for i, hit in
               ((i, cache.get(key) if cache else None) for i, key in enumerate(keys))
               if hit is not None}
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
    for index, audio in _run(job, missing, getattr(engine, "concurrency", 1), len(texts), cache):
        results[index] = Spoken(audio, False, texts[index])
        _report(progress, done(), len(texts))
    return [results.get(i) or Spoken(results[first[keys[i]]].audio, True, texts[i])
            for i in range(len(texts))]


def _run(job: Callable[[int], Audio], indexes: list[int], concurrency: int, total: int,
         cache: SegmentCache | None) -> Iterator[tuple[int, Audio]]:
    """(index, audio) as each job ends, ``concurrency`` at a time; the first failure stops the
    rest and is raised with what was finished."""
    finished = total - len(indexes)
    workers = max(1, min(int(concurrency), len(indexes) or 1))
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="tts") as pool:
        pending = {pool.submit(job, i): i for i in indexes}
        while pending:
            done, _ = wait(pending, return_when=FIRST_EXCEPTION)
            for future in done:
                index = pending.pop(future)
                if future.exception() is not None:
                    finished += _stop(pool, pending)
                    raise _failure(future.exception(), index, finished, total, cache)
                finished += 1
                yield index, future.result()


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress and total:
        progress(done, total)


def _stop(pool: ThreadPoolExecutor, pending: dict) -> int:
    """Cancel what has not started; let running requests finish so their audio is cached.
    Returns how many of those finished well."""
    for future in pending:
        future.cancel()
    pool.shutdown(wait=True, cancel_futures=True)
    return sum(1 for f in pending if not f.cancelled() and f.exception() is None)


def _failure(exc: BaseException, index: int, finished: int, total: int,
             cache: SegmentCache | None) -> BaseException:
    if not isinstance(exc, BroadcastError):
        return exc
    kept = (f" Đã đọc xong {finished}/{total} đoạn và lưu lại; lần dựng sau chỉ đọc phần còn "
            "thiếu." if cache and finished else "")
    message = exc.message if exc.message.endswith((".", "!", "?")) else exc.message + "."
    return BroadcastError(f"Đoạn thứ {index + 1}/{total}: {message}{kept}")
