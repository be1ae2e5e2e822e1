"""Tournaments on a real database: the frozen copy of the rules, entries, eligibility,
conflicts, results as medals, and the entry sheet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from judo_manager.db import Database
from judo_manager.errors import ConflictError, NotFoundError, ValidationError
from judo_manager.i18n import speaking
from tests.media_files import photo_bytes, write
from tests.stored_records import add_document
from tests.tournament_club import (
    TournamentClub,
    category,
    codes,
    entry_of,
    messages,
    weight_class,
)


@pytest.fixture
def club(db: Database) -> TournamentClub:
    return TournamentClub.on(db)


def _problems(error: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {field: str(message) for field, message in error.value.fields.items()}


# The copy of the rules


def test_a_tournament_keeps_the_rules_as_they_were_when_it_was_made(club: TournamentClub) -> None:
    made = club.tournament()
    rules = club.rules.get()
    cadets = next(c for c in rules.categories if c.code == "U18")
    veterans = next(c for c in rules.categories if c.code == "VET")

    assert [c.code for c in made.categories] == [c.code for c in rules.categories]
    assert made.ruleset_name == rules.ruleset_name
    copied = next(c for c in made.categories if c.code == "U18")
    men = [(c.limit_kg, c.over) for c in copied.weight_classes if c.sex == "M"]
    assert men == [
        (50, False),
        (55, False),
        (60, False),
        (66, False),
        (73, False),
        (81, False),
        (90, False),
        (90, True),
    ]
    assert [c.sex for c in copied.weight_classes] == ["F"] * 8 + ["M"] * 8

    club.rules.update_category(
        cadets.id, {"code": "U18", "name": "Cadets", "min_age": 15, "max_age": 16}
    )
    club.rules.delete_category(veterans.id)
    kept = club.tournaments.get(made.id)

    assert kept.categories == made.categories
    assert next(c for c in kept.categories if c.code == "U18").max_age == 17

    refreshed = club.tournaments.refresh_rules(made.id)
    assert [c.code for c in refreshed.categories] == [
        "U9",
        "U11",
        "U13",
        "U15",
        "U18",
        "U21",
        "SEN",
    ]
    assert next(c for c in refreshed.categories if c.code == "U18").max_age == 16
    assert refreshed.rules_copied_at >= made.rules_copied_at


def test_refreshing_the_rules_keeps_each_entry_in_its_category_and_class(
    club: TournamentClub,
) -> None:
    budi = club.athlete("Budi Santoso", weight=66.0)  # 16 in 2026: U18 -66
    dewi = club.athlete("Dewi Lestari", born="2012-05-01", sex="F", weight=40.0)  # 14: U15
    eko = club.athlete("Eko Putra", weight=70.0)  # U18 -73
    made = club.enter(club.tournament(), budi, dewi, eko)
    yellow = club.belts["Yellow"]
    made = club.tournaments.set_category_limits(
        made.id,
        category(made, "U18"),
        {"min_belt_id": yellow, "open_to_f": True, "open_to_m": True},
    )
    u15 = next(c for c in club.rules.get().categories if c.code == "U15")
    club.rules.update_category(
        u15.id, {"code": "U14", "name": "Under 14", "min_age": 13, "max_age": 14}
    )
    cadets = next(c for c in club.rules.get().categories if c.code == "U18")
    club.rules.delete_weight_class(
        next(c.id for c in cadets.weight_classes if (c.sex, c.limit_kg, c.over) == ("M", 73, False))
    )
    assert club.tournaments.get(made.id).entries == made.entries

    refreshed = club.tournaments.refresh_rules(made.id)

    budi_entry, dewi_entry = entry_of(refreshed, budi), entry_of(refreshed, dewi)
    assert budi_entry.category_id == category(refreshed, "U18") != category(made, "U18")
    assert budi_entry.weight_class_id == weight_class(refreshed, "U18", "M", "-66")
    # The category's limit stays with its code.
    u18 = next(c for c in refreshed.categories if c.code == "U18")
    assert u18.min_belt_id == yellow
    # U15 is now U14: that entry has lost its category, and is told where it would go.
    assert (dewi_entry.category_id, dewi_entry.weight_class_id) == (None, None)
    assert dewi_entry.suggested_category_id == category(refreshed, "U14")
    assert "no_category" in codes(dewi_entry)
    # The club removed -73: Eko's entry has lost its class, and is told the one that fits.
    eko_entry = entry_of(refreshed, eko)
    assert (eko_entry.category_id, eko_entry.weight_class_id) == (category(refreshed, "U18"), None)
    assert messages(eko_entry) == ["No weight class chosen: at 70 kg it would be -81 kg."]


def test_the_rules_are_kept_once_the_deadline_has_passed(club: TournamentClub) -> None:
    closed = club.tournament(entry_deadline="2026-06-14")
    started = club.tournament("Jakarta Open", starts_on="2026-06-14", ends_on="2026-06-16")
    open_today = club.tournament("Depok Cup", entry_deadline="2026-06-15")

    assert (closed.can_refresh_rules, started.can_refresh_rules) == (False, False)
    assert open_today.can_refresh_rules
    with pytest.raises(ConflictError, match=r"The entry deadline, 14 Jun 2026, has passed"):
        club.tournaments.refresh_rules(closed.id)
    with pytest.raises(ConflictError, match="This tournament has begun"):
        club.tournaments.refresh_rules(started.id)
    club.tournaments.refresh_rules(open_today.id)


# The tournament form


def test_a_tournament_form_is_checked_field_by_field(club: TournamentClub) -> None:
    with pytest.raises(ValidationError) as error:
        club.tournament(
            name="  ", starts_on="2026-07-12", ends_on="2026-07-11", entry_deadline="2026-13-01"
        )
    assert _problems(error) == {
        "name": "Tournament name is required.",
        "ends_on": "Last day can't be before the first day.",
        "entry_deadline": "Entry deadline is not a valid date.",
    }
    with pytest.raises(ValidationError) as error:
        club.tournament(ends_on="2026-07-13", entry_deadline="2026-07-14")
    assert _problems(error) == {
        "entry_deadline": "Entry deadline can't be after the tournament's last day."
    }
    assert club.tournaments.list() == []


def test_the_list_puts_upcoming_tournaments_first(club: TournamentClub) -> None:
    budi = club.athlete("Budi Santoso")
    club.tournament("Last year", starts_on="2025-07-12")
    club.tournament("Last week", starts_on="2026-06-06", ends_on="2026-06-07")
    # Its last day is today: still upcoming.
    club.enter(club.tournament("Today", starts_on="2026-06-14", ends_on="2026-06-15"), budi)
    club.tournament("Next month")

    listed = club.tournaments.list()

    assert [(t.name, t.upcoming) for t in listed] == [
        ("Today", True),
        ("Next month", True),
        ("Last week", False),
        ("Last year", False),
    ]
    assert (listed[0].entry_count, listed[0].conflict_count) == (1, 0)
    with pytest.raises(NotFoundError):
        club.tournaments.get(999)


# Entries


def test_an_athlete_is_entered_in_the_category_of_their_age_that_year(
    club: TournamentClub,
) -> None:
    budi = club.athlete("Budi Santoso", born="2010-12-31")  # 16 in 2026, 17 in 2027
    this_year = club.enter(club.tournament(), budi)
    next_year = club.enter(club.tournament("New Year Cup", starts_on="2027-01-03"), budi)

    assert entry_of(this_year, budi).age == 16
    assert entry_of(next_year, budi).age == 17
    # Cadets, the narrowest of Cadets (15-17), Juniors (15-20) and Seniors (15+).
    assert entry_of(this_year, budi).category_id == category(this_year, "U18")
    assert this_year.age_year == 2026 and next_year.age_year == 2027


def test_a_sixteen_year_old_may_enter_u21_but_not_u15(club: TournamentClub) -> None:
    budi = club.athlete("Budi Santoso", weight=70.0)
    made = club.enter(club.tournament(), budi)
    entry = entry_of(made, budi)
    # What the category select offers without a mark: the bands a 16-year-old fits.
    eligible = {c.code for c in made.categories if c.id in entry.eligible_category_ids}
    assert eligible == {"U18", "U21", "SEN"}

    juniors = club.tournaments.update_entry(
        made.id, entry.id, {"category_id": category(made, "U21"), "weight_class_id": None}
    )
    assert codes(entry_of(juniors, budi)) == ["weight_class"]  # eligible; only no class yet
    assert entry_of(juniors, budi).suggested_weight_class_id == weight_class(
        made, "U21", "M", "-73"
    )

    under_15 = club.tournaments.update_entry(
        made.id,
        entry.id,
        {
            "category_id": category(made, "U15"),
            "weight_class_id": weight_class(made, "U15", "M", "+66"),
        },
    )
    assert messages(entry_of(under_15, budi)) == [
        "Not eligible by age: 16 in 2026, and U15 is for ages 13 to 14."
    ]


def test_each_entry_gets_the_class_its_weight_falls_in(club: TournamentClub) -> None:
    exact = club.athlete("Ade Putra", weight=66.0)
    over = club.athlete("Bayu Putra", weight=66.1)
    heavy = club.athlete("Cahyo Putra", born="2000-01-01", weight=120.0)
    border = club.athlete("Dimas Putra", born="2000-01-01", weight=100.0)
    just_over = club.athlete("Eko Putra", born="2000-01-01", weight=100.1)
    made = club.enter(club.tournament(), exact, over, heavy, border, just_over)

    classes = {
        a.full_name: entry_of(made, a).weight_class_id
        for a in (exact, over, heavy, border, just_over)
    }
    assert classes == {
        "Ade Putra": weight_class(made, "U18", "M", "-66"),
        "Bayu Putra": weight_class(made, "U18", "M", "-73"),
        "Cahyo Putra": weight_class(made, "SEN", "M", "+100"),
        "Dimas Putra": weight_class(made, "SEN", "M", "-100"),
        "Eko Putra": weight_class(made, "SEN", "M", "+100"),
    }
    assert all(entry.conflicts == [] for entry in made.entries)


def test_athletes_entered_already_are_skipped_and_counted(club: TournamentClub) -> None:
    ade, bayu, cahyo = (club.athlete(n) for n in ("Ade Putra", "Bayu Putra", "Cahyo Putra"))
    made = club.tournament()
    club.tournaments.add_entries(made.id, [ade.id, bayu.id])

    again = club.tournaments.add_entries(made.id, [bayu.id, cahyo.id, cahyo.id])

    assert (again.added, again.skipped) == (1, 1)
    assert sorted(e.full_name for e in again.tournament.entries) == [
        "Ade Putra",
        "Bayu Putra",
        "Cahyo Putra",
    ]


def test_entering_an_athlete_who_is_gone_enters_nobody(club: TournamentClub) -> None:
    ade = club.athlete("Ade Putra")
    made = club.tournament()

    with pytest.raises(NotFoundError, match="That athlete is no longer there"):
        club.tournaments.add_entries(made.id, [ade.id, 999])
    for hostile in ("1", [True], [0], None, [ade.id, "2"]):
        with pytest.raises(NotFoundError):
            club.tournaments.add_entries(made.id, hostile)
    assert club.tournaments.get(made.id).entries == []


def test_a_weigh_in_replaces_the_roster_weight_for_this_tournament_only(
    club: TournamentClub,
) -> None:
    budi = club.athlete("Budi Santoso", weight=66.0)
    made = club.enter(club.tournament(), budi)
    entry = entry_of(made, budi)
    minus_66 = weight_class(made, "U18", "M", "-66")

    heavier = club.tournaments.update_entry(
        made.id,
        entry.id,
        {"category_id": entry.category_id, "weight_class_id": minus_66, "weigh_in_kg": 66.4},
    )
    weighed = entry_of(heavier, budi)
    assert (weighed.weight_kg, weighed.roster_weight_kg, weighed.weigh_in_kg) == (66.4, 66.0, 66.4)
    assert messages(weighed) == ["66.4 kg is outside the chosen weight class, -66 kg."]
    assert weighed.suggested_weight_class_id == weight_class(made, "U18", "M", "-73")
    assert club.athletes.get(budi.id).weight_kg == 66.0

    moved = club.tournaments.update_entry(
        made.id,
        entry.id,
        {
            "category_id": entry.category_id,
            "weight_class_id": weighed.suggested_weight_class_id,
            "weigh_in_kg": 66.4,
        },
    )
    assert entry_of(moved, budi).conflicts == []

    cleared = club.tournaments.update_entry(
        made.id,
        entry.id,
        {"category_id": entry.category_id, "weight_class_id": minus_66, "weigh_in_kg": None},
    )
    assert (entry_of(cleared, budi).weight_kg, entry_of(cleared, budi).conflicts) == (66.0, [])


def test_a_new_category_with_the_old_class_takes_the_class_for_the_weight(
    club: TournamentClub,
) -> None:
    budi = club.athlete("Budi Santoso", weight=99.0)  # U18 +90
    made = club.enter(club.tournament(), budi)
    entry = entry_of(made, budi)

    juniors = club.tournaments.update_entry(
        made.id,
        entry.id,
        {"category_id": category(made, "U21"), "weight_class_id": entry.weight_class_id},
    )
    assert entry_of(juniors, budi).weight_class_id == weight_class(made, "U21", "M", "-100")


def test_a_class_that_follows_the_weight_is_picked_by_python(club: TournamentClub) -> None:
    # The page asks for the class the weight falls in rather than working it out: a weigh-in
    # of 66.1 kg moves Budi from -66 to -73, and an older category puts him in its ladder,
    # whatever class the page happened to send.
    budi = club.athlete("Budi Santoso", weight=66.0)
    made = club.enter(club.tournament(), budi)
    entry = entry_of(made, budi)
    follow = {"weight_class_id": entry.weight_class_id, "follow_weight": True}

    weighed = club.tournaments.update_entry(
        made.id, entry.id, {"category_id": entry.category_id, "weigh_in_kg": 66.1, **follow}
    )
    older = club.tournaments.update_entry(
        made.id, entry.id, {"category_id": category(made, "U21"), "weigh_in_kg": 66.1, **follow}
    )

    assert entry_of(weighed, budi).weight_class_id == weight_class(made, "U18", "M", "-73")
    assert entry_of(older, budi).weight_class_id == weight_class(made, "U21", "M", "-73")
    assert entry_of(older, budi).conflicts == []


def test_an_entry_can_only_name_the_tournaments_own_categories_and_classes(
    club: TournamentClub,
) -> None:
    budi = club.athlete("Budi Santoso")
    made = club.enter(club.tournament(), budi)
    other = club.tournament("Jakarta Open")
    entry = entry_of(made, budi)
    women_66 = weight_class(made, "U18", "F", "-63")

    cases = [
        (
            {"category_id": category(other, "U18"), "weight_class_id": None},
            {
                "category_id": "That age category is not one of this tournament's; please choose "
                "another."
            },
        ),
        (
            {"category_id": category(made, "U18"), "weight_class_id": women_66},
            {"weight_class_id": "That weight class is for women; please choose one for men."},
        ),
        (
            {
                "category_id": category(made, "U18"),
                "weight_class_id": weight_class(other, "U18", "M", "-66"),
            },
            {"weight_class_id": "That weight class is not one of U18's; please choose another."},
        ),
        (
            {"category_id": None, "weight_class_id": entry.weight_class_id},
            {"weight_class_id": "Choose an age category before a weight class."},
        ),
        (
            {"category_id": entry.category_id, "weight_class_id": None, "weigh_in_kg": 0},
            {"weigh_in_kg": "Weigh-in must be between 15 and 250 kg."},
        ),
        (
            {"category_id": entry.category_id, "weight_class_id": None, "weigh_in_kg": "66"},
            {"weigh_in_kg": "Weigh-in must be a number."},
        ),
    ]
    for data, said in cases:
        with pytest.raises(ValidationError) as error:
            club.tournaments.update_entry(made.id, entry.id, data)
        assert _problems(error) == said
    assert club.tournaments.get(made.id).entries == made.entries
    with pytest.raises(NotFoundError, match="That entry is no longer there"):
        club.tournaments.update_entry(other.id, entry.id, {"category_id": None})


def test_no_category_chosen_is_a_conflict(club: TournamentClub) -> None:
    budi = club.athlete("Budi Santoso")
    made = club.enter(club.tournament(), budi)

    changed = club.tournaments.update_entry(made.id, entry_of(made, budi).id, {})

    assert messages(entry_of(changed, budi)) == ["No age category chosen."]
    assert changed.conflict_count == 1


def test_category_limits_mark_a_low_belt_and_a_closed_sex(club: TournamentClub) -> None:
    budi = club.athlete("Budi Santoso", belt="White")
    ayu = club.athlete("Ayu Lestari", sex="F", weight=52.0, belt="Green")
    made = club.enter(club.tournament(), budi, ayu)
    u18 = category(made, "U18")

    limited = club.tournaments.set_category_limits(
        made.id, u18, {"min_belt_id": club.belts["Yellow"], "open_to_f": False, "open_to_m": True}
    )

    assert messages(entry_of(limited, budi)) == [
        "U18 is for Yellow and up; the athlete holds White."
    ]
    assert messages(entry_of(limited, ayu)) == ["U18 is closed to women."]
    assert limited.conflict_count == 2
    with pytest.raises(ValidationError) as error:
        club.tournaments.set_category_limits(
            made.id, u18, {"min_belt_id": 999, "open_to_f": "no", "open_to_m": True}
        )
    assert _problems(error) == {
        "min_belt_id": "That belt is no longer on the ladder; please choose another.",
        "open_to_f": "Open to women must be ticked or not.",
    }
    with pytest.raises(NotFoundError):
        club.tournaments.set_category_limits(
            made.id,
            category(club.tournament("Other"), "U18"),
            {"open_to_f": True, "open_to_m": True},
        )


def test_an_inactive_athlete_and_one_without_weight_are_marked(club: TournamentClub) -> None:
    resting = club.athlete("Budi Santoso", active=False)
    unweighed = club.athlete("Cahyo Putra")
    # From an older file: no weight recorded.
    with club.db.write() as conn:
        conn.execute("UPDATE athletes SET weight_kg = NULL WHERE id = ?", (unweighed.id,))
    made = club.enter(club.tournament(), resting, unweighed)

    assert codes(entry_of(made, resting)) == ["inactive"]
    assert messages(entry_of(made, unweighed)) == [
        "No weight recorded: enter the weigh-in, or the athlete's weight."
    ]
    entry = entry_of(made, unweighed)
    weighed = club.tournaments.update_entry(
        made.id, entry.id, {"category_id": entry.category_id, "weigh_in_kg": 59.5}
    )
    assert entry_of(weighed, unweighed).suggested_weight_class_id == weight_class(
        made, "U18", "M", "-60"
    )


def test_papers_are_judged_on_the_last_day_with_the_athletes_documents(
    club: TournamentClub, tmp_path: Path
) -> None:
    # A two-day tournament: 12 and 13 July.
    made = club.tournament(ends_on="2026-07-13")
    runs_out = club.athlete(
        "Ade Putra", licence_valid_until="2026-07-12", medical_valid_until="2026-07-13"
    )
    renewed = club.athlete(
        "Bayu Putra", licence_valid_until="2026-07-12", medical_valid_until="2026-07-12"
    )
    add_document(
        club.db,
        renewed.id,
        tmp_path,
        kind="licence_card",
        title="Licence 2027",
        issued_on="2026-06-01",
        valid_until="2027-06-30",
    )
    missing = club.athlete("Cahyo Putra", licence_valid_until=None, medical_valid_until=None)
    made = club.enter(made, runs_out, renewed, missing)

    assert messages(entry_of(made, runs_out)) == [
        "The licence runs out on 12 Jul 2026, before the tournament's last day (13 Jul 2026)."
    ]
    assert codes(entry_of(made, renewed)) == ["medical_expired"]
    assert codes(entry_of(made, missing)) == ["licence_missing", "medical_missing"]


def test_entries_are_ordered_as_the_entry_sheet(club: TournamentClub) -> None:
    made = club.tournament()
    athletes = [
        club.athlete("Zaki Putra", weight=72.0),
        club.athlete("Ayu Lestari", sex="F", weight=50.0),
        club.athlete("Bima Putra", weight=72.0),
        club.athlete("Citra Dewi", born="2013-01-01", sex="F", weight=40.0),
        club.athlete("Adi Putra", weight=60.0),
    ]
    made = club.enter(made, *athletes)

    assert [e.full_name for e in made.entries] == [
        "Citra Dewi",  # U15, the youngest category
        "Ayu Lestari",  # U18 women
        "Adi Putra",  # U18 men -60
        "Bima Putra",  # U18 men -73, by name
        "Zaki Putra",
    ]


def test_removing_entries(club: TournamentClub) -> None:
    ade, bayu = club.athlete("Ade Putra"), club.athlete("Bayu Putra")
    made = club.enter(club.tournament(), ade, bayu)

    left = club.tournaments.remove_entries(made.id, [entry_of(made, ade).id, 999])

    assert [e.full_name for e in left.entries] == ["Bayu Putra"]
    assert club.tournaments.remove_entries(made.id, [entry_of(made, ade).id]) == left


# Results and medals


def test_a_podium_place_is_a_medal_in_the_athletes_history(club: TournamentClub) -> None:
    budi = club.athlete("Budi Santoso", weight=66.0)
    made = club.enter(club.tournament(), budi)
    club.clock.today = dt.date(2026, 7, 12)
    entry = entry_of(made, budi)

    first = club.tournaments.set_result(made.id, entry.id, "1")
    [gold] = club.athletes.get(budi.id).medals
    assert (gold.competition, gold.held_on, gold.place, gold.category) == (
        "Bogor Open",
        "2026-07-12",
        "gold",
        "U18 -66 kg",
    )
    assert gold.tournament_id == made.id
    assert entry_of(first, budi).medal_id == gold.id

    club.tournaments.set_result(made.id, entry.id, "3")
    [bronze] = club.athletes.get(budi.id).medals
    assert (bronze.id, bronze.place) == (gold.id, "bronze")

    fifth = club.tournaments.set_result(made.id, entry.id, "5")
    assert club.athletes.get(budi.id).medals == []
    assert (entry_of(fifth, budi).result, entry_of(fifth, budi).medal_id) == ("5", None)

    club.tournaments.set_result(made.id, entry.id, "2")
    cleared = club.tournaments.set_result(made.id, entry.id, None)
    assert club.athletes.get(budi.id).medals == []
    assert entry_of(cleared, budi).result is None

    for result in ("participated", "dns", "7"):
        assert entry_of(club.tournaments.set_result(made.id, entry.id, result), budi).result == (
            result
        )
    assert club.athletes.get(budi.id).medals == []


def test_a_medal_from_results_follows_the_entry_and_the_tournament(club: TournamentClub) -> None:
    budi = club.athlete("Budi Santoso", weight=66.0)
    made = club.enter(club.tournament(), budi)
    club.clock.today = dt.date(2026, 7, 20)
    entry = entry_of(made, budi)
    club.tournaments.set_result(made.id, entry.id, "2")

    club.tournaments.update_entry(
        made.id,
        entry.id,
        {"category_id": category(made, "U21"), "weight_class_id": entry.weight_class_id},
    )
    club.tournaments.update(
        made.id,
        {"name": "Bogor Open 2026", "starts_on": "2026-07-11", "ends_on": "2026-07-12"},
    )

    [silver] = club.athletes.get(budi.id).medals
    assert (silver.competition, silver.held_on, silver.category) == (
        "Bogor Open 2026",
        "2026-07-11",
        "U21 -66 kg",
    )
    [listed] = club.tournaments.for_athlete(budi.id)
    assert (listed.name, listed.category_code, str(listed.weight_class_label), listed.result) == (
        "Bogor Open 2026",
        "U21",
        "-66 kg",
        "2",
    )


def test_a_medal_from_results_is_not_edited_on_the_athletes_page(club: TournamentClub) -> None:
    budi = club.athlete("Budi Santoso")
    made = club.enter(club.tournament(), budi)
    club.clock.today = dt.date(2026, 7, 12)
    club.tournaments.set_result(made.id, entry_of(made, budi).id, "1")
    athlete = club.athletes.get(budi.id)
    [gold] = athlete.medals
    said = "This medal comes from the results of Bogor Open. Change the result there."

    with pytest.raises(ConflictError, match=said):
        club.athletes.update_medal(
            gold.id,
            athlete.revision,
            {"competition": "Other", "held_on": "2026-07-12", "place": "silver"},
        )
    with pytest.raises(ConflictError, match=said):
        club.athletes.delete_medal(gold.id, athlete.revision)
    assert club.athletes.get(budi.id).medals == [gold]


def test_results_wait_for_the_first_day_and_take_only_places(club: TournamentClub) -> None:
    budi = club.athlete("Budi Santoso")
    made = club.enter(club.tournament(), budi)
    entry = entry_of(made, budi)

    with pytest.raises(ConflictError, match="from the tournament's first day, 12 Jul 2026"):
        club.tournaments.set_result(made.id, entry.id, "1")
    club.clock.today = dt.date(2026, 7, 12)
    for wrong in ("4", 1, "gold", True):
        with pytest.raises(ValidationError, match="Result must be one of: 1, 2, 3, 5, 7"):
            club.tournaments.set_result(made.id, entry.id, wrong)
    club.tournaments.set_result(made.id, entry.id, "3")
    # With results, the first day can't move into the future.
    with pytest.raises(ValidationError) as error:
        club.tournaments.update(made.id, {"name": "Bogor Open", "starts_on": "2026-08-01"})
    assert list(_problems(error)) == ["starts_on"]


def test_deleting_a_tournament_keeps_or_removes_its_medals(club: TournamentClub) -> None:
    budi = club.athlete("Budi Santoso")
    kept = club.enter(club.tournament("Kept Cup"), budi)
    gone = club.enter(club.tournament("Gone Cup"), budi)
    club.clock.today = dt.date(2026, 7, 12)
    club.tournaments.set_result(kept.id, entry_of(kept, budi).id, "1")
    club.tournaments.set_result(gone.id, entry_of(gone, budi).id, "2")

    club.tournaments.delete(gone.id, keep_medals=False)
    club.tournaments.delete(kept.id, keep_medals=True)

    athlete = club.athletes.get(budi.id)
    [gold] = athlete.medals
    assert (gold.competition, gold.place, gold.tournament_id) == ("Kept Cup", "gold", None)
    assert club.tournaments.list() == [] and club.tournaments.for_athlete(budi.id) == []
    # An ordinary medal now: the athlete's page may change it.
    club.athletes.delete_medal(gold.id, athlete.revision)
    with pytest.raises(NotFoundError):
        club.tournaments.delete(gone.id, keep_medals=True)


def test_removing_an_entry_takes_its_medal_away(club: TournamentClub) -> None:
    budi = club.athlete("Budi Santoso")
    made = club.enter(club.tournament(), budi)
    club.clock.today = dt.date(2026, 7, 12)
    club.tournaments.set_result(made.id, entry_of(made, budi).id, "1")

    club.tournaments.remove_entries(made.id, [entry_of(made, budi).id])

    assert club.athletes.get(budi.id).medals == []


# The entry sheet


def test_the_entry_sheet_groups_entries_by_category_sex_and_class(
    club: TournamentClub, tmp_path: Path
) -> None:
    club.clubs.update_organisation({"name": "Judo Club Bogor", "member_id_prefix": "JCB-"})
    logo = club.media.check_file(write(tmp_path, "logo.png", photo_bytes(kind="PNG")), "logo")
    club.clubs.set_organisation_logo(club.media.hold(logo, "logo").token)
    bayu = club.athlete("Bayu Putra", weight=70.0, licence_valid_until="2026-07-12")
    made = club.enter(
        club.tournament(ends_on="2026-07-13"),
        club.athlete("Öztürk Emre", weight=60.0, belt="Green"),
        club.athlete("山田 太郎", weight=59.0, born="2011-02-03"),
        club.athlete("Nguyễn Thị Lan", sex="F", weight=48.2, licence_number=None),
        bayu,
    )
    club.tournaments.update_entry(made.id, entry_of(made, bayu).id, {})

    sheet = club.tournaments.entry_sheet(made.id)

    assert (sheet.title, sheet.organisation) == ("Bogor Open", "Judo Club Bogor")
    assert sheet.logo is not None and sheet.logo.startswith(b"\x89PNG")
    assert sheet.details == [
        "12 Jul 2026 to 13 Jul 2026",
        "GOR Pajajaran, Bogor",
        "Organiser: PJSI Kota Bogor",
    ]
    assert [g.values for g in sheet.groups] == [
        ["U18", "Female", "-52 kg"],
        ["U18", "Male", "-60 kg"],
        ["No category", "Male", "No weight class"],
    ]
    assert [[row.cells for row in g.rows] for g in sheet.groups] == [
        [["1", "Nguyễn Thị Lan", "2010", "Orange", "48.2 kg", "", ""]],
        [
            ["2", "Öztürk Emre", "2010", "Green", "60 kg", "", "PJSI-10001"],
            ["3", "山田 太郎", "2011", "Orange", "59 kg", "", "PJSI-10001"],
        ],
        [["4", "Bayu Putra", "2010", "Orange", "70 kg", "", "PJSI-10001"]],
    ]
    assert [g.total for g in sheet.groups] == ["1 entry", "2 entries", "1 entry"]
    assert sheet.groups[2].rows[0].problems == [
        "No age category chosen.",
        "The licence runs out on 12 Jul 2026, before the tournament's last day (13 Jul 2026).",
    ]
    assert sheet.summary == "4 entries, 1 with conflicts"
    assert [c.label for c in sheet.columns] == [
        "No.",
        "Name",
        "Birth year",
        "Belt",
        "Weight",
        "Club",
        "Licence number",
    ]
    assert sheet.group_columns == ["Age category", "Sex", "Weight class"]
    assert (sheet.problems_label, sheet.signature) == ("Conflicts", "Coach's name and signature")

    with speaking("id"):
        translated = club.tournaments.entry_sheet(made.id)
    assert translated.details[0] == "12 Jul 2026 sampai 13 Jul 2026"
    assert translated.groups[0].values == ["U18", "Perempuan", "-52 kg"]
    assert translated.groups[0].rows[0].cells[4] == "48,2 kg"
    assert translated.summary == "4 pendaftaran, 1 bermasalah"
