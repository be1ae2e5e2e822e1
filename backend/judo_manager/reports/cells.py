"""How a report writes its values in a cell, in the language spoken now: dates, medals,
papers' states, time in a grade. Stored values come from a file that may have been
restored from elsewhere, so one that doesn't read (a date "2026-13-45") is shown as
stored rather than stopping the report."""

from __future__ import annotations

import datetime as dt
import functools

from judo_manager.athletes.model import MedalPlace
from judo_manager.i18n import _, _n, current_language, formatted, translate

# Gold first: the order of a medal table.
PLACE_RANK: dict[str, int] = {"gold": 0, "silver": 1, "bronze": 2}


def day(text: str | None) -> str:
    """A stored YYYY-MM-DD date as the coach's language writes it ("3 May 2026"); as
    stored if it isn't one; "" for none."""
    if not text:
        return ""
    return _day(text, current_language())


# Room for every day a big club's reports write: ten years of gradings and medals plus its
# athletes' birth dates, in each language. Smaller, the cache would evict a promotions
# report's dates before they come round again and format most of them anew.
@functools.lru_cache(maxsize=65536)
def _day(text: str, language: str) -> str:
    # A report writes the same few thousand days tens of thousands of times: each is
    # formatted once.
    try:
        return translate(formatted(dt.date.fromisoformat(text)), language)
    except ValueError:
        return text


def iso_or_none(text: str | None) -> str | None:
    """What a stored date sorts by: the ISO text itself (None: blank, sorted last)."""
    return text or None


def place(value: MedalPlace | str) -> str:
    """A medal's place in words ("Gold")."""
    names = {"gold": _("Gold"), "silver": _("Silver"), "bronze": _("Bronze")}
    name = names.get(value)
    return value if name is None else translate(name)


def medal_count(gold: int, silver: int, bronze: int) -> str:
    """A group's medals in words: "2 gold, 1 silver, 0 bronze (3 medals)"."""
    return _medal_count(gold, silver, bronze, current_language())


@functools.lru_cache(maxsize=1024)
def _medal_count(gold: int, silver: int, bronze: int, language: str) -> str:
    # A medals report of all time has thousands of groups with the same few tallies, and
    # formatting their four numbers was most of its cost.
    return translate(
        _n(
            "{gold} gold, {silver} silver, {bronze} bronze ({count} medal)",
            "{gold} gold, {silver} silver, {bronze} bronze ({count} medals)",
            gold + silver + bronze,
            gold=gold,
            silver=silver,
            bronze=bronze,
        ),
        language,
    )


def months_in_words(months: int) -> str:
    """A time in a grade: "5 months", "1 year", "2 years, 3 months"."""
    years, rest = divmod(max(months, 0), 12)
    if not years:
        return translate(_n("{count} month", "{count} months", rest))
    in_years = _n("{count} year", "{count} years", years)
    if not rest:
        return translate(in_years)
    return translate(
        _("{years}, {months}", years=in_years, months=_n("{count} month", "{count} months", rest))
    )


def age_on(birth_date: str, today: dt.date) -> int | None:
    """Whole years from a stored birth date to `today`; None if it doesn't read."""
    try:
        born = dt.date.fromisoformat(birth_date)
    except ValueError:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
