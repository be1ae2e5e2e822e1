"""Grading readiness: the one rule that says when an athlete may take their next belt.

Pure functions of dates and the next belt's minimums; the rows come from the repository.
The reports and the dashboard read it through `AthletesService.grading_readiness`.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from judo_manager.athletes.model import (
    READY_SOON_MONTHS,
    CountedFrom,
    GradingCandidate,
    GradingReadiness,
)


class GradingFacts(NamedTuple):
    """What the rule needs of one active athlete below the top of the ladder.

    `last_promoted_on` is the latest promotion *by date* (not the latest entered): a grading
    entered late, dated before the others, doesn't restart the clock. Dates are ISO text as
    stored; the minimums are the next belt's (None: no minimum). A tuple: a club reads
    thousands of them at once.
    """

    athlete_id: int
    full_name: str
    member_id: str | None
    club_id: int | None
    birth_date: str
    licence_number: str | None
    belt_id: int
    next_belt_id: int
    min_months: int | None
    min_age: int | None
    last_promoted_on: str | None
    joined_on: str | None


# Days in each month of a common year; February gains a day in a leap year.
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved `months` calendar months on, the day clamped to the month's end:
    31 Jan + 1 month is 28 Feb (29 in a leap year), 31 Aug + 1 month is 30 Sep.

    Past the calendar's last year (a date of 9999 in a restored file) it is the last day:
    a day never reached.
    """
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if year > dt.MAXYEAR:
        return dt.date.max
    month += 1
    last_day = 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month - 1]
    return dt.date(year, month, min(day.day, last_day))


def birthday(birth_date: dt.date, age: int) -> dt.date:
    """The day someone born on `birth_date` turns `age`.

    Born on 29 February, they turn it on 1 March in a common year, not on 28 February: an
    age minimum asks that the years be *completed*, and on 28 February the last of them
    still lacks a day. (Months in a grade clamp to the month's end instead, see
    `add_months`: a minimum in months counts calendar months, not days lived.)
    """
    year = birth_date.year + age
    if year > dt.MAXYEAR:
        return dt.date.max
    try:
        return birth_date.replace(year=year)
    except ValueError:
        return dt.date(year, 3, 1)


def whole_months(start: dt.date, today: dt.date) -> int:
    """Whole calendar months from `start` to `today` (by `add_months`); 0 when `start` is
    still ahead, as after the clock was set back."""
    months = (today.year - start.year) * 12 + today.month - start.month
    if months > 0 and add_months(start, months) > today:
        months -= 1
    return max(months, 0)


def ready_on(
    counted_from: dt.date, birth_date: dt.date, min_months: int | None, min_age: int | None
) -> dt.date:
    """The first day both minimums are met: `min_months` after `counted_from`, and the
    `min_age`-th birthday. A minimum left blank asks nothing."""
    day = add_months(counted_from, min_months or 0)
    if min_age is not None:
        day = max(day, birthday(birth_date, min_age))
    return day


def readiness(facts: Iterable[GradingFacts], today: dt.date) -> GradingReadiness:
    """Who is ready to grade on `today`, who will be within `READY_SOON_MONTHS`, and how
    many have no date to count from (neither a promotion nor a day joined, or a date Python
    can't read, such as year 0 in a restored file: SQLite accepts it).

    `facts` come sorted by name: the lists keep that order among the same `ready_on`.
    """
    soon_until = add_months(today, READY_SOON_MONTHS)
    ready: list[GradingCandidate] = []
    soon: list[GradingCandidate] = []
    no_date = 0
    for fact in facts:
        kind: CountedFrom = "promotion" if fact.last_promoted_on is not None else "joined"
        counted_text = fact.last_promoted_on or fact.joined_on
        counted_from = None if counted_text is None else _read_day(counted_text)
        birth_date = _read_day(fact.birth_date)
        if counted_from is None or birth_date is None:
            no_date += 1
            continue
        day = ready_on(counted_from, birth_date, fact.min_months, fact.min_age)
        # Only the athletes listed are made into candidates: most of a club is neither.
        if day > soon_until:
            continue
        (ready if day <= today else soon).append(
            GradingCandidate(
                athlete_id=fact.athlete_id,
                full_name=fact.full_name,
                member_id=fact.member_id,
                club_id=fact.club_id,
                birth_date=fact.birth_date,
                licence_number=fact.licence_number,
                belt_id=fact.belt_id,
                next_belt_id=fact.next_belt_id,
                counted_from=counted_from.isoformat(),
                counted_from_kind=kind,
                months_in_grade=whole_months(counted_from, today),
                ready_on=day.isoformat(),
                ready=day <= today,
            )
        )
    # Stable sorts: equal days stay in name order. ISO dates sort as text.
    ready.sort(key=_by_ready_on)
    soon.sort(key=_by_ready_on)
    return GradingReadiness(today=today.isoformat(), ready=ready, soon=soon, no_date=no_date)


def _by_ready_on(candidate: GradingCandidate) -> str:
    return candidate.ready_on


def _read_day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None
