"""The dashboard's numbers, against a club built here: what each counts, who it leaves out,
and where its edges fall (a season's first day, a deadline exactly 14 days away)."""

from __future__ import annotations

import datetime as dt

import pytest

from judo_manager.dashboard.model import Overview
from judo_manager.dashboard.service import DashboardService
from judo_manager.db import Database
from judo_manager.errors import ValidationError
from tests.tournament_club import TODAY, TournamentClub


@pytest.fixture
def club(db: Database) -> TournamentClub:
    return TournamentClub.on(db)


@pytest.fixture
def dashboard(club: TournamentClub) -> DashboardService:
    return DashboardService(club.athletes, club.rules, club.tournaments, today=club.clock)


def by_code(overview: Overview) -> dict[str, int]:
    return {c.code: c.count for c in overview.by_category}


def by_belt(overview: Overview) -> dict[str, int]:
    return {b.name: b.count for b in overview.by_belt}


def medal(
    club: TournamentClub, athlete_id: int, place: str, held_on: str, name: str = "Open"
) -> None:
    revision = club.athletes.get(athlete_id).revision
    club.athletes.add_medal(
        athlete_id, revision, {"competition": name, "held_on": held_on, "place": place}
    )


def test_counts_are_of_active_athletes_by_sex_category_and_belt(
    club: TournamentClub, dashboard: DashboardService
) -> None:
    club.athlete("Ayu", born="2018-05-01", sex="F", belt="White")  # 8 in 2026: U9
    club.athlete("Budi", born="2010-04-02", sex="M", belt="Orange")  # 16: U18
    club.athlete("Citra", born="2000-01-09", sex="F", belt="Orange")  # 26: Seniors
    club.athlete("Dewi", born="1990-03-03", sex="F", belt="1st Dan")  # 36: Veterans
    club.athlete("Eko", born="1990-03-03", sex="M", belt="Brown", active=False)

    overview = dashboard.overview()

    assert overview.season == 2026
    assert (overview.athletes, overview.active, overview.female, overview.male) == (5, 4, 3, 1)
    assert by_code(overview) == {
        "U9": 1, "U11": 0, "U13": 0, "U15": 0, "U18": 1, "U21": 0, "SEN": 1, "VET": 1,
    }  # fmt: skip
    assert overview.no_category == 0
    belts = by_belt(overview)
    # Every belt of the ladder, lowest first, empty ones too; the inactive brown belt isn't.
    assert [b.name for b in overview.by_belt] == [b.name for b in club.rules.get().belts]
    assert (belts["White"], belts["Orange"], belts["1st Dan"], belts["Brown"]) == (1, 2, 1, 0)
    assert sum(belts.values()) == overview.active
    assert overview.no_belt == 0


def test_the_category_follows_the_season_year_across_its_first_day(
    club: TournamentClub, dashboard: DashboardService
) -> None:
    club.athlete("Last of 2011", born="2011-12-31")  # 15 in 2026
    club.athlete("First of 2012", born="2012-01-01")  # 14 in 2026

    this_season = by_code(dashboard.overview(2026))
    last_season = by_code(dashboard.overview(2025))

    assert (this_season["U18"], this_season["U15"]) == (1, 1)
    # A season earlier both were 14 or younger.
    assert (last_season["U18"], last_season["U15"]) == (0, 2)


def test_new_in_the_season_counts_the_day_joined_else_the_day_added(
    club: TournamentClub, dashboard: DashboardService
) -> None:
    club.athlete("Joined on New Year", joined_on="2026-01-01")
    club.athlete("Joined on New Year's Eve", joined_on="2025-12-31")
    added = club.athlete("Day joined unknown", joined_on=None)
    club.athlete("Left", joined_on="2026-02-01", active=False)
    # Added to the app in 2024 (a file from then): with no day joined, that is when they came.
    with club.db.write() as conn:
        conn.execute(
            "UPDATE athletes SET created_at = '2024-03-01T08:00:00.000Z' WHERE id = ?",
            (added.id,),
        )

    assert dashboard.overview(2026).new_in_season == 1
    assert dashboard.overview(2025).new_in_season == 1
    assert dashboard.overview(2024).new_in_season == 1
    assert dashboard.overview(2023).new_in_season == 0


def test_medals_of_a_season_or_of_all_time_and_the_athletes_with_the_most(
    club: TournamentClub, dashboard: DashboardService
) -> None:
    ayu = club.athlete("Ayu", sex="F")
    budi = club.athlete("Budi")
    citra = club.athlete("Citra", sex="F")
    dewi = club.athlete("Dewi", sex="F")
    medal(club, ayu.id, "silver", "2026-03-01")
    medal(club, ayu.id, "silver", "2026-04-01")
    medal(club, budi.id, "gold", "2026-01-01")  # the season's first day
    medal(club, citra.id, "silver", "2026-05-01")
    medal(club, citra.id, "silver", "2026-05-02")
    medal(club, citra.id, "bronze", "2025-12-31")  # the season before's last
    medal(club, dewi.id, "gold", "2024-06-01")
    # A medal stays won when its athlete stops training.
    revision = club.athletes.get(dewi.id).revision
    club.athletes.update(dewi.id, revision, _fields_of(club, dewi.id) | {"active": False})

    season = dashboard.overview(medal_season=2026)
    ever = dashboard.overview(medal_season=None)

    assert (season.medals.gold, season.medals.silver, season.medals.bronze) == (1, 4, 0)
    assert (ever.medals.gold, ever.medals.silver, ever.medals.bronze) == (2, 4, 1)
    assert season.medal_season == 2026 and ever.medal_season is None
    assert ever.medal_seasons == [2026, 2025, 2024]
    # Gold first; two silvers each: Citra's bronze counts only in all time, names break ties.
    assert [a.full_name for a in season.top_athletes] == ["Budi", "Ayu", "Citra"]
    assert [a.full_name for a in ever.top_athletes] == ["Budi", "Dewi", "Citra", "Ayu"]
    assert (ever.top_athletes[2].silver, ever.top_athletes[2].bronze) == (2, 1)


def test_a_season_without_medals_counts_none_and_still_lists_the_others(
    club: TournamentClub, dashboard: DashboardService
) -> None:
    medal(club, club.athlete("Ayu").id, "gold", "2025-06-01")

    overview = dashboard.overview(medal_season=2023)

    assert (overview.medals.gold, overview.medals.silver, overview.medals.bronze) == (0, 0, 0)
    assert overview.top_athletes == []
    assert overview.medal_seasons == [2025]


def test_deadlines_from_today_to_exactly_14_days_ahead_soonest_first(
    club: TournamentClub, dashboard: DashboardService
) -> None:
    def tournament(name: str, days: int) -> int:
        deadline = TODAY + dt.timedelta(days=days)
        return club.tournament(name, starts_on="2026-08-30", entry_deadline=deadline.isoformat()).id

    fourteen = tournament("Fourteen days away", 14)
    today = tournament("Closing today", 0)
    tournament("Fifteen days away", 15)
    tournament("Closed yesterday", -1)
    club.tournament("No deadline", starts_on="2026-06-20")

    deadlines = dashboard.overview().deadlines

    assert [(d.tournament_id, d.days_left) for d in deadlines] == [(today, 0), (fourteen, 14)]
    assert deadlines[1].entry_deadline == "2026-06-29"


def test_papers_expired_and_expiring_count_as_the_roster_filters_them(
    club: TournamentClub, dashboard: DashboardService
) -> None:
    soon = TODAY + dt.timedelta(days=30)
    club.athlete("Licence expired", licence_valid_until="2026-06-14")
    club.athlete("Medical due in 30 days", medical_valid_until=soon.isoformat())
    club.athlete("Both", licence_valid_until="2026-01-01", medical_valid_until="2026-06-15")
    club.athlete("Due in 31 days", medical_valid_until="2026-07-16")
    club.athlete("Inactive, expired", licence_valid_until="2025-01-01", active=False)

    papers = dashboard.overview().papers

    assert (papers.expired, papers.expiring) == (2, 1)
    roster = {
        kind: len(club.athletes.roster({"papers": kind}).rows) for kind in ("expired", "expiring")
    }
    assert roster == {"expired": papers.expired, "expiring": papers.expiring}
    assert [(p.full_name, p.paper, p.state) for p in papers.first] == [
        ("Both", "licence", "expired"),
        ("Licence expired", "licence", "expired"),
        ("Both", "medical", "expiring"),
        ("Medical due in 30 days", "medical", "expiring"),
    ]


def test_the_first_five_papers_are_the_most_overdue(
    club: TournamentClub, dashboard: DashboardService
) -> None:
    for day in range(1, 8):
        club.athlete(f"Athlete {day}", licence_valid_until=f"2026-05-0{day}")

    papers = dashboard.overview().papers

    assert papers.expired == 7
    assert [p.valid_until for p in papers.first] == [f"2026-05-0{d}" for d in range(1, 6)]


def test_an_empty_club_has_every_number_at_zero(dashboard: DashboardService) -> None:
    overview = dashboard.overview()

    assert (overview.athletes, overview.active, overview.new_in_season) == (0, 0, 0)
    assert overview.no_belt == 0
    assert all(c.count == 0 for c in overview.by_category)
    assert all(b.count == 0 for b in overview.by_belt)
    assert (overview.medals.gold, overview.medals.silver, overview.medals.bronze) == (0, 0, 0)
    assert overview.medal_seasons == [] and overview.top_athletes == []
    assert (overview.papers.expired, overview.papers.expiring) == (0, 0)
    assert overview.deadlines == []


@pytest.mark.parametrize("season", ["2026", 1800, 2200, True, 2026.5])
def test_a_season_that_is_no_year_is_refused_in_coach_words(
    dashboard: DashboardService, season: object
) -> None:
    with pytest.raises(ValidationError) as refused:
        dashboard.overview(season)
    assert "Season" in str(refused.value.fields["season"])
    with pytest.raises(ValidationError) as refused:
        dashboard.overview(2026, season)
    assert "medals" in str(refused.value.fields["medal_season"])


def test_a_tournament_deadline_a_file_from_elsewhere_holds_as_no_date_is_left_out(
    club: TournamentClub, dashboard: DashboardService
) -> None:
    kept = club.tournament("Kept", entry_deadline="2026-06-20").id
    damaged = club.tournament("Damaged", entry_deadline="2026-06-21").id
    with club.db.write() as conn:
        conn.execute("UPDATE tournaments SET entry_deadline = 'soon' WHERE id = ?", (damaged,))

    assert [d.tournament_id for d in dashboard.overview().deadlines] == [kept]


def test_medals_of_a_date_a_file_from_elsewhere_holds_name_no_season(
    club: TournamentClub, dashboard: DashboardService
) -> None:
    athlete = club.athlete("Ayu")
    medal(club, athlete.id, "gold", "2026-03-01")
    with club.db.write() as conn:
        conn.execute(
            "INSERT INTO medals(athlete_id, competition, held_on, place) "
            "VALUES (?, 'Old club book', 'unknown', 'gold')",
            (athlete.id,),
        )

    overview = dashboard.overview()

    assert overview.medal_seasons == [2026]
    assert overview.medals.gold == 2  # all time still counts it


def _fields_of(club: TournamentClub, athlete_id: int) -> dict[str, object]:
    athlete = club.athletes.get(athlete_id)
    return {
        "full_name": athlete.full_name,
        "birth_date": athlete.birth_date,
        "sex": athlete.sex,
        "belt_id": athlete.belt_id,
        "weight_kg": athlete.weight_kg,
        "member_id": athlete.member_id,
        "licence_number": athlete.licence_number,
        "licence_valid_until": athlete.licence_valid_until,
        "medical_valid_until": athlete.medical_valid_until,
        "active": athlete.active,
    }


def test_grading_counts_the_ready_and_the_soon_and_lists_the_ready_first(
    club: TournamentClub, dashboard: DashboardService
) -> None:
    # White to White-Yellow takes 3 months; today is 15 June 2026.
    club.athlete("Soon", belt="White", joined_on="2026-05-01")  # ready on 1 August
    club.athlete("Ready", belt="White", joined_on="2026-01-01")  # ready since 1 April
    club.athlete("Not yet", belt="White", joined_on="2026-06-14")  # 14 September: soon too
    club.athlete("Left", belt="White", joined_on="2020-01-01", active=False)

    grading = dashboard.overview().grading

    assert (grading.ready, grading.soon) == (1, 2)
    readiness = club.athletes.grading_readiness(today=TODAY)
    assert (len(readiness.ready), len(readiness.soon)) == (grading.ready, grading.soon)
    assert [(g.full_name, g.ready, g.ready_on) for g in grading.first] == [
        ("Ready", True, "2026-04-01"),
        ("Soon", False, "2026-08-01"),
        ("Not yet", False, "2026-09-14"),
    ]
    assert {(g.belt_name, g.next_belt_name) for g in grading.first} == {("White", "White-Yellow")}
