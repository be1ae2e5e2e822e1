"""What an organiser may refuse about an entry, in the coach's words: pure, no database.

Each conflict has a stable code (the page counts and marks them) and a sentence. They are
worked out from the entry's choices, the athlete's facts and the tournament's copy of the
category, so the page, the entry sheet and the list count the same ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from judo_manager.athletes.model import AthleteFacts
from judo_manager.i18n import Message, _, in_kilograms
from judo_manager.rules.model import Belt, WeightClass
from judo_manager.rules.weights import outside_class, weight_class_for, weight_class_label
from judo_manager.tournaments.model import Conflict, TournamentCategory


def entry_conflicts(
    athlete: AthleteFacts,
    *,
    age: int,
    age_year: int,
    category: TournamentCategory | None,
    weight_class: WeightClass | None,
    weight_kg: float | None,
    last_day: dt.date,
    belts: Mapping[int, Belt],
    duplicate: bool,
) -> list[Conflict]:
    """Every conflict of one entry, in the order of `CONFLICT_CODES`.

    `category` and `weight_class` are the entry's choices (None: none chosen, or one that
    isn't the tournament's); `weight_kg` the weight it is judged by; `last_day` the
    tournament's, which the licence and the medical must reach; `belts` the ladder by id;
    `duplicate` whether the athlete is entered in that category more than once.
    """
    found: list[Conflict] = []
    if category is not None and not category.fits(age):
        found.append(Conflict("age", _age_message(category, age, age_year)))
    if weight_kg is None:
        found.append(
            Conflict(
                "no_weight",
                _("No weight recorded: enter the weigh-in, or the athlete's weight."),
            )
        )
    elif category is not None:
        problem = _weight_problem(category, athlete, weight_class, weight_kg)
        if problem is not None:
            found.append(Conflict("weight_class", problem))
    if category is None:
        found.append(Conflict("no_category", _("No age category chosen.")))
    else:
        belt = _belt_problem(category, athlete.belt_id, belts)
        if belt is not None:
            found.append(Conflict("belt", belt))
        if not category.open_to(athlete.sex):
            closed = (
                _("{category} is closed to women.", category=category.code)
                if athlete.sex == "F"
                else _("{category} is closed to men.", category=category.code)
            )
            found.append(Conflict("sex_closed", closed))
    if not athlete.active:
        found.append(Conflict("inactive", _("The athlete is inactive on the roster.")))
    if duplicate:
        found.append(Conflict("duplicate", _("Entered more than once in this category.")))
    found.extend(_paper_conflicts(athlete, last_day))
    return found


def _age_message(category: TournamentCategory, age: int, age_year: int) -> Message:
    code = category.code
    year = str(age_year)  # a year is a name, not an amount: no thousands mark
    if category.max_age is None:
        return _(
            "Not eligible by age: {age} in {year}, and {category} is for ages {min_age} and over.",
            age=age,
            year=year,
            category=code,
            min_age=category.min_age,
        )
    return _(
        "Not eligible by age: {age} in {year}, and {category} is for ages {min_age} to {max_age}.",
        age=age,
        year=year,
        category=code,
        min_age=category.min_age,
        max_age=category.max_age,
    )


def _weight_problem(
    category: TournamentCategory,
    athlete: AthleteFacts,
    weight_class: WeightClass | None,
    weight_kg: float,
) -> Message | None:
    weight = in_kilograms(weight_kg)
    if weight_class is not None:
        if not outside_class(weight_class, weight_kg):
            return None
        return _(
            "{weight} kg is outside the chosen weight class, {weight_class}.",
            weight=weight,
            weight_class=weight_class_label(weight_class),
        )
    fitting = weight_class_for(category.weight_classes, athlete.sex, weight_kg)
    if fitting is None:
        return _(
            "No weight class of {category} fits {weight} kg.",
            category=category.code,
            weight=weight,
        )
    return _(
        "No weight class chosen: at {weight} kg it would be {weight_class}.",
        weight=weight,
        weight_class=weight_class_label(fitting),
    )


def _belt_problem(
    category: TournamentCategory, belt_id: int | None, belts: Mapping[int, Belt]
) -> Message | None:
    lowest = None if category.min_belt_id is None else belts.get(category.min_belt_id)
    if lowest is None:
        return None
    held = None if belt_id is None else belts.get(belt_id)
    if held is None:
        return _(
            "{category} is for {belt} and up, and no belt is recorded for the athlete.",
            category=category.code,
            belt=lowest.name,
        )
    if held.rank >= lowest.rank:
        return None
    return _(
        "{category} is for {belt} and up; the athlete holds {held}.",
        category=category.code,
        belt=lowest.name,
        held=held.name,
    )


def _paper_conflicts(athlete: AthleteFacts, last_day: dt.date) -> list[Conflict]:
    found: list[Conflict] = []
    last = last_day.isoformat()
    if athlete.licence_until is None:
        found.append(Conflict("licence_missing", _("No licence on record (no valid-until date).")))
    elif athlete.licence_until < last:
        found.append(
            Conflict(
                "licence_expired",
                _(
                    "The licence runs out on {day}, before the tournament's last day ({last}).",
                    day=_day(athlete.licence_until),
                    last=last_day,
                ),
            )
        )
    if athlete.medical_until is None:
        found.append(
            Conflict(
                "medical_missing",
                _("No medical certificate on record (no valid-until date)."),
            )
        )
    elif athlete.medical_until < last:
        found.append(
            Conflict(
                "medical_expired",
                _(
                    "The medical certificate runs out on {day}, before the tournament's last "
                    "day ({last}).",
                    day=_day(athlete.medical_until),
                    last=last_day,
                ),
            )
        )
    return found


def _day(iso: str) -> dt.date | str:
    """A stored date as a date to format; text a file from elsewhere holds stays text."""
    try:
        return dt.date.fromisoformat(iso)
    except ValueError:
        return iso
