"""Who is ready to grade: the readiness rule over a real club, at its edges.

The default ladder's minimums (data version 9): Orange → Orange-Green 6 months, Brown →
1st Dan 12 months and age 15, 9th → 10th Dan nothing asked, 10th Dan the top.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

import pytest

from judo_manager.athletes.model import Athlete, GradingCandidate, GradingReadiness
from judo_manager.bridge import JudoManagerApi
from judo_manager.bridge.convert import to_wire
from judo_manager.bridge.guards import error_for_page
from judo_manager.bridge.wire import wire_fields
from judo_manager.db import Database
from judo_manager.errors import ValidationError
from judo_manager.window.handle import DesktopWindow
from judo_manager.wiring import AppServices
from tests.tournament_club import TODAY, TournamentClub


@pytest.fixture
def club(db: Database) -> TournamentClub:
    return TournamentClub.on(db)


def promoted(club: TournamentClub, athlete: Athlete, day: str, belt: str) -> Athlete:
    """The athlete once a promotion to `belt` on `day` is recorded, as the page records it."""
    current = club.athletes.get(athlete.id)
    return club.athletes.add_promotion(
        athlete.id, current.revision, {"promoted_on": day, "belt_id": club.belts[belt]}
    )


def readiness(club: TournamentClub, today: dt.date | None = None) -> GradingReadiness:
    return club.athletes.grading_readiness(today=today)


def by_name(found: GradingReadiness) -> dict[str, GradingCandidate]:
    return {c.full_name: c for c in [*found.ready, *found.soon]}


def test_exactly_the_minimum_months_is_ready_and_a_day_short_is_soon(
    club: TournamentClub,
) -> None:
    on_the_day = club.athlete("Ayu", belt="Yellow-Orange")
    promoted(club, on_the_day, "2025-12-15", "Orange")
    day_short = club.athlete("Budi", belt="Yellow-Orange")
    promoted(club, day_short, "2025-12-16", "Orange")

    found = readiness(club)

    assert found.today == TODAY.isoformat() == "2026-06-15"
    [ayu] = found.ready
    assert (ayu.full_name, ayu.ready_on, ayu.months_in_grade, ayu.ready) == (
        "Ayu",
        "2026-06-15",
        6,
        True,
    )
    assert (ayu.belt_id, ayu.next_belt_id) == (club.belts["Orange"], club.belts["Orange-Green"])
    assert (ayu.counted_from, ayu.counted_from_kind) == ("2025-12-15", "promotion")
    [budi] = found.soon
    assert (budi.full_name, budi.ready_on, budi.months_in_grade, budi.ready) == (
        "Budi",
        "2026-06-16",
        5,
        False,
    )


def test_a_birthday_on_the_day_makes_the_age_minimum(club: TournamentClub) -> None:
    # Brown for years: only the 1st Dan's age of 15 is still to come.
    turning = club.athlete("Citra", born="2011-06-15", belt="Blue")
    promoted(club, turning, "2024-01-10", "Brown")
    tomorrow = club.athlete("Dewi", born="2011-06-16", belt="Blue")
    promoted(club, tomorrow, "2024-01-10", "Brown")

    found = readiness(club)

    assert [(c.full_name, c.ready_on) for c in found.ready] == [("Citra", "2026-06-15")]
    assert [(c.full_name, c.ready_on) for c in found.soon] == [("Dewi", "2026-06-16")]
    assert by_name(found)["Citra"].months_in_grade == 29


def test_31_january_plus_one_month_is_the_end_of_february(club: TournamentClub) -> None:
    orange_green = club.belts["Orange-Green"]
    club.rules.update_belt(
        orange_green,
        {"name": "Orange-Green", "kind": "kyu", "color": "#f97316", "min_months": 1},
    )
    club.clock.today = dt.date(2026, 2, 1)
    eka = club.athlete("Eka", belt="Yellow-Orange")
    promoted(club, eka, "2026-01-31", "Orange")

    assert readiness(club, dt.date(2026, 2, 27)).ready == []
    [ready] = readiness(club, dt.date(2026, 2, 28)).ready
    assert (ready.ready_on, ready.months_in_grade) == ("2026-02-28", 1)


def test_born_on_29_february_they_turn_15_on_1_march(club: TournamentClub) -> None:
    leap = club.athlete("Fajar", born="2012-02-29", belt="Blue")
    promoted(club, leap, "2025-01-05", "Brown")

    before = readiness(club, dt.date(2027, 2, 28))
    assert before.ready == []
    assert [(c.full_name, c.ready_on) for c in before.soon] == [("Fajar", "2027-03-01")]
    assert [c.full_name for c in readiness(club, dt.date(2027, 3, 1)).ready] == ["Fajar"]


def test_a_late_entered_older_promotion_does_not_restart_the_clock(club: TournamentClub) -> None:
    gita = club.athlete("Gita", belt="Yellow")
    promoted(club, gita, "2025-12-01", "Orange")
    # Entered later, dated before: it slots in below Orange.
    promoted(club, gita, "2025-01-20", "Yellow-Orange")

    [ready] = readiness(club).ready
    assert (ready.counted_from, ready.ready_on) == ("2025-12-01", "2026-06-01")
    assert ready.belt_id == club.belts["Orange"]

    # One entered later with a later date does: Orange-Green from 10 June, Green next.
    promoted(club, gita, "2026-06-10", "Orange-Green")
    found = readiness(club)
    assert found.ready == [] and found.soon == []
    assert (
        by_name(readiness(club, dt.date(2026, 12, 10)))["Gita"].next_belt_id
        == (club.belts["Green"])
    )


def test_a_promotion_dated_after_today_counts_no_months_and_is_not_ready(
    club: TournamentClub,
) -> None:
    hadi = club.athlete("Hadi", belt="Yellow-Orange")
    promoted(club, hadi, "2026-06-10", "Orange")
    # The clock is then set back a year: the promotion is dated in its future.
    club.clock.today = dt.date(2025, 6, 10)

    found = readiness(club)

    assert found.today == "2025-06-10"
    assert found.ready == [] and found.soon == []
    # Far enough on, the same athlete is judged as usual.
    later = readiness(club, dt.date(2026, 9, 10))
    assert [(c.full_name, c.months_in_grade) for c in later.soon] == [("Hadi", 3)]


def test_a_promotion_a_few_days_ahead_is_soon_with_no_months_yet(club: TournamentClub) -> None:
    club.rules.update_belt(
        club.belts["Yellow"], {"name": "Yellow", "kind": "kyu", "color": "#facc15", "min_months": 1}
    )
    nina = club.athlete("Nina", belt="White")
    promoted(club, nina, "2026-06-10", "White-Yellow")

    [soon] = readiness(club, dt.date(2026, 6, 5)).soon
    assert (soon.ready_on, soon.months_in_grade, soon.ready) == ("2026-07-10", 0, False)


def test_only_active_athletes_below_the_top_belt_are_judged(club: TournamentClub) -> None:
    long_ago = "2010-01-01"
    club.athlete("Indah", born="1980-01-01", belt="Orange", joined_on=long_ago, active=False)
    club.athlete("Joko", born="1960-01-01", belt="10th Dan", joined_on=long_ago)
    club.athlete("Kartini", born="1960-01-01", belt="9th Dan", joined_on=long_ago)

    found = readiness(club)

    # 10th Dan asks nothing, so a 9th Dan is ready; the 10th Dan has nowhere to go.
    assert [(c.full_name, c.counted_from_kind) for c in found.ready] == [("Kartini", "joined")]
    assert (found.soon, found.no_date) == ([], 0)

    # A belt added on top gives the 10th Dan a next belt.
    club.rules.create_belt({"name": "Honorary", "kind": "dan", "color": "#dc2626"})
    assert [c.full_name for c in readiness(club).ready] == ["Joko", "Kartini"]


def test_neither_a_promotion_nor_a_day_joined_is_counted_apart(club: TournamentClub) -> None:
    club.athlete("Lestari", belt="Orange")
    club.athlete("Made", belt="Orange", joined_on="2026-01-02")
    club.athlete("Nyoman", belt="10th Dan", born="1960-01-01")

    found = readiness(club)

    assert found.no_date == 1
    assert found.ready == []
    [made] = found.soon
    assert (made.full_name, made.counted_from, made.counted_from_kind, made.ready_on) == (
        "Made",
        "2026-01-02",
        "joined",
        "2026-07-02",
    )


def test_each_list_is_sorted_by_ready_on_then_name(club: TournamentClub) -> None:
    for name, day in (("Zaki", "2025-11-01"), ("Ani", "2025-11-01"), ("Oki", "2025-10-01")):
        promoted(club, club.athlete(name, belt="Yellow-Orange"), day, "Orange")
    for name, day in (("Wati", "2026-02-01"), ("Beni", "2026-01-01"), ("Rudi", "2026-01-01")):
        promoted(club, club.athlete(name, belt="Yellow-Orange"), day, "Orange")

    found = readiness(club)

    assert [c.full_name for c in found.ready] == ["Oki", "Ani", "Zaki"]
    assert [c.full_name for c in found.soon] == ["Beni", "Rudi", "Wati"]


def test_a_belts_edited_minimums_move_who_is_ready(club: TournamentClub) -> None:
    putri = club.athlete("Putri", born="2013-08-01", belt="Yellow-Orange")
    promoted(club, putri, "2026-03-15", "Orange")
    assert readiness(club).ready == []

    orange_green = club.belts["Orange-Green"]
    fields: dict[str, Any] = {"name": "Orange-Green", "kind": "kyu", "color": "#f97316"}
    club.rules.update_belt(orange_green, {**fields, "min_months": 3})
    assert [c.full_name for c in readiness(club).ready] == ["Putri"]

    club.rules.update_belt(orange_green, {**fields, "min_months": 3, "min_age": 13})
    assert [(c.full_name, c.ready_on) for c in readiness(club).soon] == [("Putri", "2026-08-01")]


def test_the_readiness_is_one_query_whatever_the_clubs_size(
    db: Database, club: TournamentClub
) -> None:
    for n in range(30):
        athlete = club.athlete(f"Atlet {n:02}", belt="Yellow-Orange")
        promoted(club, athlete, f"2025-0{1 + n % 9}-1{n % 10}", "Orange")
    statements: list[str] = []
    conn: sqlite3.Connection = db.connection()
    conn.set_trace_callback(statements.append)
    try:
        found = readiness(club)
    finally:
        conn.set_trace_callback(None)

    assert len(found.ready) == 30
    assert len(statements) == 1


def test_the_bridge_answers_in_camel_case(db: Database) -> None:
    services = AppServices.build(db)
    api = JudoManagerApi(services, DesktopWindow())
    belts = {belt["name"]: belt["id"] for belt in api.rules.get()["belts"]}
    api.athletes.create(
        {
            "fullName": "Putu",
            "birthDate": "2000-01-01",
            "sex": "M",
            "beltId": belts["Orange"],
            "weightKg": 70,
            "joinedOn": "2020-01-01",
            "active": True,
        }
    )

    answer = api.athletes.gradingReadiness()

    json.dumps(answer)  # what pywebview sends
    # Spelled out for speed, it must say what the generic conversion says.
    assert answer == to_wire(services.athletes.grading_readiness())
    assert set(answer) == set(wire_fields(GradingReadiness))
    [putu] = answer["ready"]
    assert set(putu) == set(wire_fields(GradingCandidate))
    assert (putu["fullName"], putu["countedFromKind"], putu["nextBeltId"]) == (
        "Putu",
        "joined",
        belts["Orange-Green"],
    )


def test_the_belt_editor_sends_its_minimums_in_camel_case(db: Database) -> None:
    api = JudoManagerApi(AppServices.build(db), DesktopWindow())
    green = next(belt for belt in api.rules.get()["belts"] if belt["name"] == "Green")
    form = {"name": "Green", "kind": "kyu", "color": green["color"], "secondColor": None}

    edited = api.rules.updateBelt(green["id"], {**form, "minMonths": 7, "minAge": None})

    assert next(
        (b["minMonths"], b["minAge"]) for b in edited["belts"] if b["id"] == green["id"]
    ) == (
        7,
        None,
    )
    with pytest.raises(ValidationError) as error:
        api.rules.updateBelt(green["id"], {**form, "minMonths": 700, "minAge": 1.5})
    problems = json.loads(error_for_page(error.value)["message"])["fields"]
    assert problems == {
        "minMonths": "Minimum months must be between 0 and 600.",
        "minAge": "Minimum age must be a whole number.",
    }
