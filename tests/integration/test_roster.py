"""The roster list on a real database: ages and categories, filters, search and sorting."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from judo_manager.athletes.model import Roster
from judo_manager.athletes.service import AthletesService
from judo_manager.db import Database
from judo_manager.errors import ValidationError
from judo_manager.rules.service import RulesService

TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def service(db: Database) -> AthletesService:
    return AthletesService(db, today=lambda: TODAY)


@pytest.fixture
def rules(db: Database) -> RulesService:
    return RulesService(db)


def add(
    service: AthletesService,
    rules: RulesService,
    name: str,
    born: str,
    belt: str = "White",
    **changes: Any,
) -> int:
    belt_id = next(b.id for b in rules.get().belts if b.name == belt)
    data = {
        "full_name": name,
        "birth_date": born,
        "sex": "M",
        "belt_id": belt_id,
        "weight_kg": 60,
        "active": True,
    } | changes
    return service.create(data).id


def names(roster: Roster) -> list[str]:
    return [row.full_name for row in roster.rows]


def category_codes(rules: RulesService, roster: Roster) -> dict[str, str | None]:
    codes = {c.id: c.code for c in rules.get().categories}
    return {row.full_name: codes.get(row.category_id) for row in roster.rows}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("age", "code"),
    [
        (4, None),
        (5, "U9"),
        (8, "U9"),
        (9, "U11"),
        (14, "U15"),
        (15, "U18"),
        (17, "U18"),
        (18, "U21"),
        (20, "U21"),
        (21, "SEN"),
        (29, "SEN"),
        (30, "VET"),  # Seniors (15+) and Veterans (30+) both fit; the narrower is shown
        (65, "VET"),
    ],
)
def test_the_most_specific_category_that_fits_the_season_age_is_shown(
    service: AthletesService, rules: RulesService, age: int, code: str | None
) -> None:
    # Born on the last day of the year: the season age counts years, not birthdays.
    add(service, rules, "Budi", f"{2026 - age}-12-31")

    roster = service.roster({"season": 2026})

    assert (roster.rows[0].age, category_codes(rules, roster)["Budi"]) == (age, code)


@pytest.mark.parametrize(
    ("category", "eligible_ages"),
    [
        ("U15", [13, 14]),
        ("U18", [15, 16, 17]),
        ("U21", [15, 16, 17, 18, 19, 20]),
        ("SEN", [15, 16, 17, 18, 19, 20, 21, 29, 30, 31]),
        ("VET", [30, 31]),
    ],
)
def test_the_category_filter_keeps_everyone_eligible_at_the_band_edges(
    service: AthletesService, rules: RulesService, category: str, eligible_ages: list[int]
) -> None:
    # Born on the first and on the last day of the year: both count the same age.
    for age in (12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 29, 30, 31):
        add(service, rules, f"Age {age:02} early", f"{2026 - age}-01-01")
        add(service, rules, f"Age {age:02} late", f"{2026 - age}-12-31")
    category_id = next(c.id for c in rules.get().categories if c.code == category)

    roster = service.roster({"season": 2026, "category_id": category_id, "sort": "age"})

    assert sorted(row.age for row in roster.rows) == sorted(eligible_ages * 2)
    assert roster.total == 26


def test_switching_the_season_moves_athletes_between_categories(
    service: AthletesService, rules: RulesService
) -> None:
    add(service, rules, "Ayu", "2009-03-01")

    assert category_codes(rules, service.roster({}))["Ayu"] == "U18"  # 17 in 2026
    next_season = service.roster({"season": 2027})
    assert next_season.season == 2027 and next_season.rows[0].age == 18
    assert category_codes(rules, next_season)["Ayu"] == "U21"


def test_search_ignores_case_and_accents_and_matches_every_word(
    service: AthletesService, rules: RulesService
) -> None:
    add(service, rules, "Zsófia Öztürk", "2010-01-01")
    add(service, rules, "Zsofia Nagy", "2010-01-01")
    add(service, rules, "Öztürk Kaan", "2010-01-01")
    add(service, rules, "100%_Judoka", "2010-01-01")
    add(service, rules, "Łukasz K\u0131l\u0131ç", "2010-01-01")

    assert names(service.roster({"search": "ozturk"})) == ["Öztürk Kaan", "Zsófia Öztürk"]
    assert names(service.roster({"search": "  ZSO  öz "})) == ["Zsófia Öztürk"]
    assert names(service.roster({"search": "%_"})) == ["100%_Judoka"]
    assert names(service.roster({"search": "nobody"})) == []
    # Letters that aren't a letter plus an accent fold too.
    assert names(service.roster({"search": "lukasz kilic"})) == ["Łukasz K\u0131l\u0131ç"]


def test_filters_by_sex_belt_and_status_combine(
    service: AthletesService, rules: RulesService
) -> None:
    add(service, rules, "Ayu", "2010-01-01", "Green", sex="F")
    add(service, rules, "Budi", "2010-01-01", "Green")
    add(service, rules, "Citra", "2010-01-01", "Blue", sex="F")
    add(service, rules, "Dewi", "2010-01-01", "Green", sex="F", active=False)
    green = next(b.id for b in rules.get().belts if b.name == "Green")

    assert names(service.roster({})) == ["Ayu", "Budi", "Citra"]  # active by default
    assert names(service.roster({"status": "inactive"})) == ["Dewi"]
    assert names(service.roster({"status": "all", "sex": "F", "belt_id": green})) == [
        "Ayu",
        "Dewi",
    ]
    roster = service.roster({"sex": "F", "belt_id": green})
    assert (names(roster), roster.total) == (["Ayu"], 4)


def test_belt_sorting_follows_the_ladder_not_the_alphabet(
    service: AthletesService, rules: RulesService
) -> None:
    for name, belt in [
        ("Ayu", "Brown"),
        ("Budi", "White"),
        ("Citra", "1st Dan"),
        ("Dewi", "Green"),
        ("Eko", "Blue"),
    ]:
        add(service, rules, name, "2000-01-01", belt)

    assert names(service.roster({"sort": "belt"})) == ["Budi", "Dewi", "Eko", "Ayu", "Citra"]
    assert names(service.roster({"sort": "belt", "descending": True})) == [
        "Citra",
        "Ayu",
        "Eko",
        "Dewi",
        "Budi",
    ]


def test_age_and_weight_sorting(service: AthletesService, rules: RulesService) -> None:
    add(service, rules, "Ayu", "2001-05-01", weight_kg=57)
    add(service, rules, "Budi", "2012-05-01", weight_kg=35.5)
    add(service, rules, "Citra", "1990-05-01", weight_kg=81)

    assert names(service.roster({"sort": "age"})) == ["Budi", "Ayu", "Citra"]
    assert names(service.roster({"sort": "age", "descending": True})) == ["Citra", "Ayu", "Budi"]
    assert names(service.roster({"sort": "weight"})) == ["Budi", "Ayu", "Citra"]
    assert names(service.roster({"sort": "weight", "descending": True})) == [
        "Citra",
        "Ayu",
        "Budi",
    ]


def test_a_malformed_filter_is_refused_in_words(service: AthletesService) -> None:
    with pytest.raises(ValidationError) as error:
        service.roster({"sort": "shoe size", "season": "soon", "sex": "?"})
    assert set(error.value.fields) == {"sort", "season", "sex"}
