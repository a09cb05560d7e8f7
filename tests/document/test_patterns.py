"""Shared patterns: a written date as an ISO date, and only a day that exists."""

import pytest

from broadcast.document.patterns import iso_date


@pytest.mark.parametrize(("parts", "expected"), [
    (("2024", "6", "26"), "2024-06-26"),
    (("2024", "02", "29"), "2024-02-29"),  # a leap year
    (("2023", "2", "29"), "2023-02"),  # no 29 February that year: the month is what is known
    (("2025", "04", "31"), "2025-04"),
    (("2025", "12", "31"), "2025-12-31"),
    (("2025", "1", "1"), "2025-01-01"),
    (("2025", "13", "1"), "2025"),  # no such month: only the year
    (("2025", "0", "5"), "2025"),
    (("2025", "3", "0"), "2025-03"),
    (("2025", None, None), "2025"),
    (("2025", "3", None), "2025-03"),
    ((None, "3", "5"), None),
])
def test_iso_date_keeps_only_a_day_that_exists(parts, expected):
    assert iso_date(*parts) == expected
