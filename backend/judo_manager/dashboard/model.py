"""The dashboard's overview: the club's numbers for a season, and what needs doing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from judo_manager.athletes.model import MedalLeader, PaperAlerts

# How many names each list of the dashboard shows; its number links to them all.
FIRST_FEW = 5
# Tournaments whose entries close within this many days of today (today included) are listed.
DEADLINE_DAYS = 14


@dataclass(frozen=True)
class CategoryCount:
    """The active athletes whose most specific age category in the season is this one."""

    category_id: int
    code: str
    name: str
    count: int


@dataclass(frozen=True)
class BeltCount:
    """The active athletes holding this belt; colours as the ladder has them."""

    belt_id: int
    name: str
    color: str
    second_color: str | None
    count: int


@dataclass(frozen=True)
class MedalCounts:
    """Medals by place."""

    gold: int
    silver: int
    bronze: int


@dataclass(frozen=True)
class GradingLine:
    """An athlete ready to grade (or soon): their belt, the next, and the day they may."""

    athlete_id: int
    full_name: str
    belt_name: str
    next_belt_name: str
    ready_on: str
    ready: bool


@dataclass(frozen=True)
class GradingSummary:
    """How many are ready to grade today and within three months, and the first of them
    (the ready ones first, each group soonest first)."""

    ready: int
    soon: int
    first: Sequence[GradingLine]


@dataclass(frozen=True)
class DeadlineSoon:
    """A tournament whose entries close within `DEADLINE_DAYS`; `days_left` 0 is today."""

    tournament_id: int
    name: str
    starts_on: str
    entry_deadline: str
    days_left: int


@dataclass(frozen=True)
class Overview:
    """The club at a glance on `today`, for `season`.

    `athletes` counts every athlete, active or not; the other counts are of active ones:
    by sex, by the most specific age category of the season (youngest first, every category
    included; `no_category` fit none), by belt in ladder order (every belt included;
    `no_belt` have none recorded), and those new in the season. Medals are of
    `medal_season` (None: all time), with every season that has medals and the athletes
    with the most.
    """

    today: str
    season: int
    athletes: int
    active: int
    female: int
    male: int
    by_category: Sequence[CategoryCount]
    no_category: int
    by_belt: Sequence[BeltCount]
    no_belt: int
    new_in_season: int
    medal_season: int | None
    medal_seasons: Sequence[int]
    medals: MedalCounts
    top_athletes: Sequence[MedalLeader]
    grading: GradingSummary
    papers: PaperAlerts
    deadlines: Sequence[DeadlineSoon]
