"""Stopping like Ctrl+C on SIGTERM and SIGHUP (a service manager, a shutdown, a closed
terminal), and never in the middle of putting a build's files into place."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator

_state = {"critical": 0, "pending": 0, "received": 0}


class Stopped(KeyboardInterrupt):
    """The run was asked to stop by ``signum``; the exit code is 128 + signum."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _handler(signum: int, _frame) -> None:
    _state["received"] = signum
    if _state["critical"]:
        _state["pending"] = signum
        return
    raise Stopped(signum)


def install() -> dict[int, object]:
    """Ctrl+C, SIGTERM and SIGHUP raise Stopped (a KeyboardInterrupt) in the main thread;
    returns the handlers they had (for ``restore``)."""
    _state.update(received=0, pending=0)
    before = {}
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(ValueError, OSError):  # not the main thread
                before[number] = signal.signal(number, _handler)
    return before


def restore(before: dict[int, object]) -> None:
    for number, handler in before.items():
        with contextlib.suppress(ValueError, OSError, TypeError):
            signal.signal(number, handler)


def received() -> int:
    """The last stop signal received (0: none)."""
    return _state["received"]


@contextlib.contextmanager
def critical() -> Iterator[None]:
    """A stop asked for inside is honoured right after it (files are being renamed)."""
    _state["critical"] += 1
    try:
        yield
    finally:
        _state["critical"] -= 1
        pending = _state["pending"]
        if not _state["critical"] and pending:
            _state["pending"] = 0
            raise Stopped(pending)
