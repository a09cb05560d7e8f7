"""--watch: run again every interval, whatever happened in the last run."""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections.abc import Callable

from broadcast.errors import BroadcastError

log = logging.getLogger(__name__)

UNITS = {"s": 1, "giây": 1, "m": 60, "phút": 60, "h": 3600, "giờ": 3600}
INTERVAL = re.compile(r"\s*(\d+(?:[.,]\d+)?)\s*(s|m|h|giây|phút|giờ)?\s*", re.IGNORECASE)


def parse_interval(text: str) -> float:
    """'30m', '1h', '45s', '1h30m'; a bare number is minutes."""
    parts = list(INTERVAL.finditer(text or ""))
    joined = "".join(m[0] for m in parts)
    if not parts or joined != text or any(m[2] is None for m in parts[:-1]):
        raise BroadcastError(f"--interval '{text}' không hợp lệ: viết như 30m (phút), 2h (giờ), "
                             "90s (giây).")
    seconds = sum(float(m[1].replace(",", ".")) * UNITS[(m[2] or "m").lower()] for m in parts)
    if seconds < 1:
        raise BroadcastError(f"--interval '{text}' quá ngắn: ít nhất 1 giây.")
    return seconds


def watch(run_once: Callable[[], object], interval_s: float, say: Callable[[str], None],
          sleep: Callable[[float], None] = time.sleep, rounds: int | None = None) -> int:
    """Call ``run_once`` every ``interval_s`` seconds; an error is told and the loop goes on.
    Returns the number of rounds that ended in an error (``rounds`` bounds it for tests)."""
    errors, done = 0, 0
    while rounds is None or done < rounds:
        try:
            run_once()
        except BroadcastError as exc:
            errors += 1
            say(f"Lỗi: {exc.message}")
        except Exception as exc:  # noqa: BLE001 - the loop must survive a bug in one round
            errors += 1
            log.exception("feed round")
            say(f"Lỗi ngoài dự kiến ({type(exc).__name__}: {exc}); lần sau sẽ chạy lại.")
        done += 1
        if rounds is None or done < rounds:
            wake = dt.datetime.now() + dt.timedelta(seconds=interval_s)
            say(f"Lần đọc tiếp theo lúc {wake:%H:%M:%S}. Nhấn Ctrl+C để dừng.")
            sleep(interval_s)
    return errors
