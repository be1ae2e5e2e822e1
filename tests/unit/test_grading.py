"""The readiness rule's calendar: months that clamp, 29 February birthdays, whole months."""

from __future__ import annotations

import datetime as dt

import pytest

from judo_manager.athletes.grading import add_months, birthday, ready_on, whole_months

D = dt.date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2028, 1, 31), 1, D(2028, 2, 29)),
        (D(2026, 8, 31), 1, D(2026, 9, 30)),
        (D(2026, 11, 15), 3, D(2027, 2, 15)),
        (D(2026, 3, 31), 12, D(2027, 3, 31)),
        (D(2026, 5, 10), 0, D(2026, 5, 10)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),
    ],
)
def test_months_are_added_with_the_day_clamped_to_the_months_end(
    day: dt.date, months: int, expected: dt.date
) -> None:
    assert add_months(day, months) == expected


def test_a_29_february_birthday_falls_on_1_march_in_a_common_year() -> None:
    born = D(2012, 2, 29)
    assert birthday(born, 15) == D(2027, 3, 1)
    assert birthday(born, 16) == D(2028, 2, 29)
    assert birthday(D(2011, 3, 14), 15) == D(2026, 3, 14)


def test_whole_months_count_only_completed_months() -> None:
    start = D(2026, 1, 31)
    assert whole_months(start, D(2026, 2, 27)) == 0
    # 31 Jan + 1 month is 28 Feb: the month is complete then.
    assert whole_months(start, D(2026, 2, 28)) == 1
    assert whole_months(D(2026, 1, 15), D(2026, 7, 14)) == 5
    assert whole_months(D(2026, 1, 15), D(2026, 7, 15)) == 6
    assert whole_months(D(2020, 6, 1), D(2026, 6, 1)) == 72


def test_a_start_still_ahead_counts_no_months() -> None:
    assert whole_months(D(2026, 9, 1), D(2026, 6, 15)) == 0
    assert whole_months(D(2026, 6, 16), D(2026, 6, 15)) == 0


def test_ready_on_is_the_later_of_the_months_and_the_age() -> None:
    promoted, born = D(2025, 6, 15), D(2011, 9, 3)
    assert ready_on(promoted, born, 12, 15) == D(2026, 9, 3)
    assert ready_on(promoted, born, 12, 14) == D(2026, 6, 15)
    assert ready_on(promoted, born, None, None) == promoted
    assert ready_on(promoted, born, None, 15) == D(2026, 9, 3)


def test_a_date_at_the_calendars_end_is_never_reached_rather_than_an_error() -> None:
    # A restored file may hold a promotion dated 9999: SQLite reads it, Python can't go past.
    assert add_months(D(9999, 6, 1), 12) == dt.date.max
    assert birthday(D(9990, 1, 1), 15) == dt.date.max
    assert ready_on(D(9999, 6, 1), D(1990, 1, 1), 12, None) == dt.date.max
