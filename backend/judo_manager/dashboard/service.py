"""The dashboard's overview, gathered from the services that own the data."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from judo_manager.athletes.model import ClubCounts, GradingCandidate
from judo_manager.athletes.service import AthletesService
from judo_manager.dashboard.model import (
    DEADLINE_DAYS,
    FIRST_FEW,
    BeltCount,
    CategoryCount,
    DeadlineSoon,
    GradingLine,
    GradingSummary,
    MedalCounts,
    Overview,
)
from judo_manager.forms import FormReader
from judo_manager.i18n import _
from judo_manager.rules.model import AgeCategory, Belt, roster_category
from judo_manager.rules.service import RulesService
from judo_manager.tournaments.service import TournamentsService

Today = Callable[[], dt.date]
# The seasons a coach may ask about: as far back as any record, a little ahead.
FIRST_SEASON = 1900
SEASONS_AHEAD = 50


class DashboardService:
    """The club at a glance: counts, medals, and what needs the coach's attention."""

    def __init__(
        self,
        athletes: AthletesService,
        rules: RulesService,
        tournaments: TournamentsService,
        *,
        today: Today = dt.date.today,
    ) -> None:
        self._athletes = athletes
        self._rules = rules
        self._tournaments = tournaments
        self._today = today

    def overview(self, season: int | None = None, medal_season: int | None = None) -> Overview:
        """The overview for `season` (None: this year) with the medals of `medal_season`
        (None: all time). Each part is read from its own service, every one judged on the
        same day. Both are checked here, whatever the page sent."""
        today = self._today()
        form = FormReader({"season": season, "medal_season": medal_season})
        bounds = {"minimum": FIRST_SEASON, "maximum": today.year + SEASONS_AHEAD}
        chosen = form.integer("season", _("Season"), required=False, **bounds) or today.year
        medals_of = form.integer(
            "medal_season", _("Season of the medals"), required=False, **bounds
        )
        form.check()
        rules = self._rules.get()
        counts = self._athletes.club_counts(chosen)
        by_category, no_category = _by_category(counts, rules.categories)
        by_belt, no_belt = _by_belt(counts.by_belt, rules.belts)
        tally = self._athletes.medal_tally(medals_of, leaders=FIRST_FEW)
        return Overview(
            today=today.isoformat(),
            season=chosen,
            athletes=self._athletes.count(),
            active=counts.active,
            female=counts.by_sex["F"],
            male=counts.by_sex["M"],
            by_category=by_category,
            no_category=no_category,
            by_belt=by_belt,
            no_belt=no_belt,
            new_in_season=counts.new_in_season,
            medal_season=medals_of,
            medal_seasons=tally.seasons,
            medals=MedalCounts(gold=tally.gold, silver=tally.silver, bronze=tally.bronze),
            top_athletes=tally.leaders,
            grading=self._grading(today, {belt.id: belt.name for belt in rules.belts}),
            papers=self._athletes.paper_alerts(first=FIRST_FEW, today=today),
            deadlines=[
                DeadlineSoon(
                    tournament_id=d.tournament_id,
                    name=d.name,
                    starts_on=d.starts_on,
                    entry_deadline=d.entry_deadline,
                    days_left=(dt.date.fromisoformat(d.entry_deadline) - today).days,
                )
                for d in self._tournaments.entry_deadlines(
                    today, today + dt.timedelta(days=DEADLINE_DAYS)
                )
            ],
        )

    def _grading(self, today: dt.date, belt_names: Mapping[int, str]) -> GradingSummary:
        readiness = self._athletes.grading_readiness(today=today)
        first: Sequence[GradingCandidate] = [*readiness.ready, *readiness.soon][:FIRST_FEW]
        return GradingSummary(
            ready=len(readiness.ready),
            soon=len(readiness.soon),
            first=[
                GradingLine(
                    athlete_id=c.athlete_id,
                    full_name=c.full_name,
                    belt_name=belt_names.get(c.belt_id, ""),
                    next_belt_name=belt_names.get(c.next_belt_id, ""),
                    ready_on=c.ready_on,
                    ready=c.ready,
                )
                for c in first
            ],
        )


def _by_category(
    counts: ClubCounts, categories: Sequence[AgeCategory]
) -> tuple[list[CategoryCount], int]:
    """Each category's athletes, youngest category first (empty ones too), and how many fit
    none. An athlete's category is the most specific one their season age fits, as the
    roster shows it; each birth year is looked up once."""
    of_category: Counter[int] = Counter()
    no_category = 0
    for birth_year, count in counts.by_birth_year.items():
        category = roster_category(categories, counts.season - birth_year)
        if category is None:
            no_category += count
        else:
            of_category[category.id] += count
    ordered = sorted(categories, key=AgeCategory.youth_order)
    return [CategoryCount(c.id, c.code, c.name, of_category[c.id]) for c in ordered], no_category


def _by_belt(
    by_belt: Mapping[int | None, int], belts: Sequence[Belt]
) -> tuple[list[BeltCount], int]:
    """Each belt's athletes in ladder order (empty ones too), and how many hold no belt the
    ladder has (none recorded, or one a damaged file names)."""
    ladder = sorted(belts, key=lambda belt: belt.rank)
    known = {belt.id for belt in ladder}
    counted = [
        BeltCount(b.id, b.name, b.color, b.second_color, by_belt.get(b.id, 0)) for b in ladder
    ]
    return counted, sum(count for belt_id, count in by_belt.items() if belt_id not in known)
