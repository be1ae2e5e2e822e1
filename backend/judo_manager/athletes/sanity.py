"""Values that are possible but unusual: the form warns and the coach may save anyway.

Two rules, kept simple on purpose so a coach can predict them:

- A dan grade (black belt) before the age of 14: federations usually award the 1st dan at
  15 or later, so a younger dan holder is more likely a slip of the belt list.
- A weight far outside the usual range for the age and sex: `WEIGHT_BANDS` below. The
  bands are wide (roughly the 1st to the 99th percentile of the WHO growth references for
  children, widened by a margin, and judo's lightest and heaviest classes for adults), so
  only a typing slip, such as 91 kg for a 2-year-old or 9 kg for an adult, falls outside.

Ages are counted as the roster counts them: this year minus the birth year.
"""

from __future__ import annotations

from judo_manager.athletes.model import Sex
from judo_manager.i18n import Message, _

DAN_FROM_AGE = 14

# (up to this age, (female min, female max), (male min, male max)) in kg, youngest first.
WEIGHT_BANDS: tuple[tuple[int, tuple[float, float], tuple[float, float]], ...] = (
    (3, (8, 22), (8, 22)),
    (5, (11, 30), (11, 30)),
    (7, (14, 40), (14, 40)),
    (9, (17, 52), (17, 52)),
    (11, (20, 68), (20, 68)),
    (13, (25, 88), (25, 88)),
    (15, (32, 105), (33, 115)),
    (17, (36, 120), (40, 140)),
    (200, (38, 150), (45, 180)),
)


def usual_weight(age: int, sex: Sex) -> tuple[float, float]:
    """The band of weights (kg) usual for `age` and `sex`."""
    for up_to, female, male in WEIGHT_BANDS:
        if age <= up_to:
            return female if sex == "F" else male
    return WEIGHT_BANDS[-1][1] if sex == "F" else WEIGHT_BANDS[-1][2]


def belt_warning(age: int, is_dan: bool, belt_name: str) -> Message | None:
    """A warning for a dan grade held younger than usual, else None."""
    if is_dan and age < DAN_FROM_AGE:
        return _(
            "{belt} at {age} is unusual: a dan grade is usually awarded from "
            "{from_age} or later. Check the belt, or save anyway.",
            belt=belt_name,
            age=age,
            from_age=DAN_FROM_AGE,
        )
    return None


def weight_warning(age: int, sex: Sex, weight_kg: float) -> Message | None:
    """A warning for a weight far outside the usual band for the age and sex, else None."""
    low, high = usual_weight(age, sex)
    if low <= weight_kg <= high:
        return None
    if age >= 18:
        who = _("women") if sex == "F" else _("men")
    else:
        who = _("girls") if sex == "F" else _("boys")
    # Translators: {who} is "girls", "boys", "women" or "men".
    return _(
        "{weight} kg is far from the usual {low} to {high} kg for {who} aged {age}. "
        "Check the weight, or save anyway.",
        weight=weight_kg,
        low=low,
        high=high,
        who=who,
        age=age,
    )
