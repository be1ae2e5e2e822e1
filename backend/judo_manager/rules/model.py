"""The belt ladder and the age categories, as the app works with them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

BeltKind = Literal["kyu", "dan"]
# An athlete's sex as stored: weight classes are per sex. Declared here, under the athletes'
# model, which builds on the rules.
Sex = Literal["F", "M"]
SEXES: tuple[Sex, ...] = ("F", "M")
BELT_KINDS: tuple[BeltKind, ...] = ("kyu", "dan")

# Nobody is older than this; it stands in for "no upper limit" when comparing bands.
NO_UPPER_AGE = 1_000


@dataclass(frozen=True)
class Belt:
    """One step of the ladder; `rank` orders it, lowest first.

    Colours are #rrggbb; a two-coloured belt (white-yellow, red-and-white) has a
    `second_color`. `min_months` (in the belt below) and `min_age` are what an athlete needs
    to be promoted to it; None asks nothing. `athlete_count` counts the athletes who hold it
    now.
    """

    id: int
    rank: int
    name: str
    kind: BeltKind
    color: str
    second_color: str | None
    min_months: int | None
    min_age: int | None
    athlete_count: int


@dataclass(frozen=True)
class BeltFields:
    """The belt editor's fields: as the page sends them, and once checked; a blank
    minimum is None (no minimum)."""

    name: str
    kind: BeltKind
    color: str
    second_color: str | None
    min_months: int | None
    min_age: int | None


@dataclass(frozen=True)
class WeightClass:
    """One class of a category's ladder for one sex: "up to and including `limit_kg`", or
    with `over`, "over `limit_kg`" (the heaviest). `name` replaces "-66 kg" where set."""

    id: int
    category_id: int
    sex: Sex
    limit_kg: float
    over: bool
    name: str | None


@dataclass(frozen=True)
class WeightClassFields:
    """The weight class editor's fields, as sent and once checked."""

    sex: Sex
    limit_kg: float
    over: bool
    name: str | None


@dataclass(frozen=True)
class AgeCategory:
    """An age band; an athlete's age is the season year minus the birth year.

    `weight_classes` are its ladders, women's then men's, each lightest first.
    """

    id: int
    code: str
    name: str
    min_age: int
    max_age: int | None
    weight_classes: tuple[WeightClass, ...] = ()

    def fits(self, age: int) -> bool:
        """True when an athlete of `age` may compete in this category."""
        return self.min_age <= age <= (NO_UPPER_AGE if self.max_age is None else self.max_age)

    def youth_order(self) -> tuple[int, int, str]:
        """Sorts the categories of younger athletes first: U18 before U21 before Seniors."""
        upper = NO_UPPER_AGE if self.max_age is None else self.max_age
        return (upper, self.min_age, self.code)


@dataclass(frozen=True)
class CategoryFields:
    """The category editor's fields, as sent and once checked; `max_age` None: no limit."""

    code: str
    name: str
    min_age: int
    max_age: int | None


@dataclass(frozen=True)
class Rules:
    """The ladder, lowest first, and the categories of the active ruleset, youngest first.

    The roster shows the narrowest category that fits an age (`roster_category`).
    """

    ruleset_name: str
    belts: Sequence[Belt]
    categories: Sequence[AgeCategory]


def roster_category(categories: Sequence[AgeCategory], age: int) -> AgeCategory | None:
    """The most specific category that `age` fits: the narrowest band, the youngest of equals.

    Veterans (30+) over Seniors (15+) for a 65-year-old, Cadets (15-17) over Juniors (15-20)
    for a 16-year-old. An open-ended band counts as reaching `NO_UPPER_AGE`.
    """
    fitting = [category for category in categories if category.fits(age)]
    return min(fitting, key=_band_width_then_youth, default=None)


def _band_width_then_youth(category: AgeCategory) -> tuple[int, tuple[int, int, str]]:
    upper = NO_UPPER_AGE if category.max_age is None else category.max_age
    return (upper - category.min_age, category.youth_order())
