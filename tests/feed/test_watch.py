"""--watch's loop and --interval's forms."""

from __future__ import annotations

import pytest

from broadcast.errors import BroadcastError
from broadcast.feed import parse_interval, watch


@pytest.mark.parametrize(("text", "seconds"), [
    ("30m", 1800), ("30", 1800), ("2h", 7200), ("90s", 90), ("1h30m", 5400), ("1,5h", 5400),
    ("45 phút", 2700), ("1 giờ", 3600),
])
def test_interval_forms(text, seconds):
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "nửa giờ", "30x", "m30", "0s", "30m abc"])
def test_bad_intervals_are_user_errors(text):
    with pytest.raises(BroadcastError, match="--interval"):
        parse_interval(text)


def test_the_loop_survives_user_errors_and_bugs_and_sleeps_between_rounds():
    calls, slept, said = [], [], []

    def once():
        calls.append(len(calls))
        if len(calls) == 1:
            raise BroadcastError("Không tải được nguồn tin")
        if len(calls) == 2:
            raise KeyError("a bug")

    errors = watch(once, 60, said.append, sleep=slept.append, rounds=4)
    assert (len(calls), errors, slept) == (4, 2, [60, 60, 60])
    assert said[0] == "Lỗi: Không tải được nguồn tin"
    assert any("Lỗi ngoài dự kiến (KeyError" in line for line in said)
    assert sum("Lần đọc tiếp theo lúc" in line for line in said) == 3


def test_ctrl_c_stops_the_loop():
    def once():
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        watch(once, 60, lambda _: None, sleep=lambda _: None, rounds=3)
