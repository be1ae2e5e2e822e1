"""The belt ladder and the age categories: defaults, edits, and what they refuse."""

from __future__ import annotations

import datetime as dt

import pytest

from judo_manager.athletes.service import AthletesService
from judo_manager.db import Database
from judo_manager.errors import ConflictError, NotFoundError, ValidationError
from judo_manager.rules.service import RulesService


@pytest.fixture
def rules(db: Database) -> RulesService:
    return RulesService(db)


def test_the_default_ladder_and_ruleset(rules: RulesService) -> None:
    current = rules.get()

    ladder = [belt.name for belt in current.belts]
    assert ladder[:9] == [
        "White",
        "White-Yellow",
        "Yellow",
        "Yellow-Orange",
        "Orange",
        "Orange-Green",
        "Green",
        "Blue",
        "Brown",
    ]
    assert ladder[9:] == [
        f"{n} Dan" for n in ("1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th")
    ]
    colours = {b.name: (b.kind, b.color, b.second_color) for b in current.belts}
    assert colours["White-Yellow"] == ("kyu", "#ffffff", "#facc15")
    assert colours["5th Dan"] == ("dan", "#111111", None)
    assert colours["7th Dan"] == ("dan", "#dc2626", "#ffffff")
    assert colours["10th Dan"] == ("dan", "#dc2626", None)
    bands = {c.code: (c.name, c.min_age, c.max_age) for c in current.categories}
    assert bands["U18"] == ("Cadets", 15, 17)
    assert bands["U21"] == ("Juniors", 15, 20)
    assert bands["SEN"] == ("Seniors", 15, None)
    assert bands["VET"] == ("Veterans", 30, None)
    assert [c.code for c in current.categories][:4] == ["U9", "U11", "U13", "U15"]


def test_a_belt_can_be_added_renamed_reordered_and_deleted(rules: RulesService) -> None:
    added = rules.create_belt(
        {"name": "Red-White (club)", "kind": "kyu", "color": "#DC2626", "second_color": "#ffffff"}
    )
    belt = added.belts[-1]
    assert (belt.name, belt.color, belt.rank) == ("Red-White (club)", "#dc2626", 20)

    renamed = rules.update_belt(belt.id, {"name": "Light Blue", "kind": "kyu", "color": "#60a5fa"})
    assert renamed.belts[-1].name == "Light Blue" and renamed.belts[-1].second_color is None

    ids = [b.id for b in renamed.belts]
    reordered = rules.reorder_belts([*ids[:7], belt.id, *ids[7:-1]])
    assert [b.name for b in reordered.belts][6:9] == ["Green", "Light Blue", "Blue"]
    assert [b.rank for b in reordered.belts] == list(range(1, 21))

    assert "Light Blue" not in [b.name for b in rules.delete_belt(belt.id).belts]


def test_belt_fields_are_checked(rules: RulesService) -> None:
    with pytest.raises(ValidationError) as error:
        rules.create_belt({"name": "green", "kind": "obi", "color": "green", "second_color": "#12"})
    assert {field: str(message) for field, message in error.value.fields.items()} == {
        "name": "There is already a belt called green.",
        "kind": "Kind must be one of: kyu, dan.",
        "color": "Colour must be a colour like #1e40af.",
        "second_color": "Second colour must be a colour like #1e40af.",
    }


def test_the_default_grading_minimums(rules: RulesService) -> None:
    minimums = {b.name: (b.min_months, b.min_age) for b in rules.get().belts}

    # What it takes to be promoted *to* each belt: nothing to the lowest.
    assert [minimums[name] for name in ("White", "White-Yellow", "Yellow", "Blue", "Brown")] == [
        (None, None),
        (3, None),
        (3, None),
        (9, None),
        (12, None),
    ]
    assert minimums["1st Dan"] == (12, 15)
    assert minimums["2nd Dan"] == (12, 17)
    assert minimums["3rd Dan"] == (24, 20)
    assert minimums["9th Dan"] == (120, 60)
    assert minimums["10th Dan"] == (None, None)


def test_a_belts_minimums_can_be_set_and_cleared(rules: RulesService) -> None:
    green = next(b for b in rules.get().belts if b.name == "Green")
    fields = {"name": "Green", "kind": "kyu", "color": "#16a34a"}

    edited = rules.update_belt(green.id, {**fields, "min_months": 8, "min_age": 10.0})
    assert next((b.min_months, b.min_age) for b in edited.belts if b.id == green.id) == (8, 10)
    # Blank is "no minimum"; so is a minimum of zero, kept as the coach typed it.
    cleared = rules.update_belt(green.id, {**fields, "min_months": "", "min_age": None})
    assert next((b.min_months, b.min_age) for b in cleared.belts if b.id == green.id) == (
        None,
        None,
    )
    zero = rules.update_belt(green.id, {**fields, "min_months": 0, "min_age": 0})
    assert next((b.min_months, b.min_age) for b in zero.belts if b.id == green.id) == (0, 0)

    added = rules.create_belt({**fields, "name": "Purple", "min_months": 600, "min_age": 120})
    assert (added.belts[-1].min_months, added.belts[-1].min_age) == (600, 120)


@pytest.mark.parametrize(
    ("months", "age", "problems"),
    [
        (
            601,
            121,
            {
                "min_months": "Minimum months must be between 0 and 600.",
                "min_age": "Minimum age must be between 0 and 120.",
            },
        ),
        (
            -1,
            -5,
            {
                "min_months": "Minimum months must be between 0 and 600.",
                "min_age": "Minimum age must be between 0 and 120.",
            },
        ),
        (
            6.5,
            "15",
            {
                "min_months": "Minimum months must be a whole number.",
                "min_age": "Minimum age must be a whole number.",
            },
        ),
        (
            True,
            [15],
            {
                "min_months": "Minimum months must be a whole number.",
                "min_age": "Minimum age must be a whole number.",
            },
        ),
        (
            float("nan"),
            2**70,
            {
                "min_months": "Minimum months must be a whole number.",
                "min_age": "Minimum age must be between 0 and 120.",
            },
        ),
    ],
)
def test_a_belts_minimums_are_checked(
    rules: RulesService, months: object, age: object, problems: dict[str, str]
) -> None:
    before = rules.get()
    green = next(b for b in before.belts if b.name == "Green")

    with pytest.raises(ValidationError) as error:
        rules.update_belt(
            green.id,
            {
                "name": "Green",
                "kind": "kyu",
                "color": "#16a34a",
                "min_months": months,
                "min_age": age,
            },
        )

    assert {field: str(message) for field, message in error.value.fields.items()} == problems
    assert rules.get() == before


def test_a_belt_in_use_or_in_history_cannot_be_deleted(db: Database, rules: RulesService) -> None:
    belts = {b.name: b.id for b in rules.get().belts}
    athletes = AthletesService(db, today=lambda: dt.date(2026, 6, 1))
    ayu = athletes.create(
        {
            "full_name": "Ayu",
            "birth_date": "2010-01-01",
            "sex": "F",
            "belt_id": belts["Yellow"],
            "weight_kg": 40,
            "active": True,
        }
    )
    athletes.add_promotion(
        ayu.id, ayu.revision, {"promoted_on": "2026-01-01", "belt_id": belts["Orange"]}
    )

    with pytest.raises(ConflictError, match="1 athlete currently holds it"):
        rules.delete_belt(belts["Orange"])
    with pytest.raises(ConflictError, match="1 promotion in athletes' histories"):
        rules.delete_belt(belts["Yellow"])
    assert len(rules.get().belts) == 19


def test_a_stale_order_is_refused(rules: RulesService) -> None:
    ids = [b.id for b in rules.get().belts]
    with pytest.raises(ConflictError):
        rules.reorder_belts(ids[:-1])
    with pytest.raises(ConflictError):
        rules.reorder_belts([*ids[:-1], ids[0]])
    assert [b.id for b in rules.get().belts] == ids


def test_categories_can_be_edited_and_are_checked(rules: RulesService) -> None:
    u9 = next(c for c in rules.get().categories if c.code == "U9")

    edited = rules.update_category(
        u9.id, {"code": "U8", "name": "Mini", "min_age": 6, "max_age": 7}
    )
    assert ("U8", "Mini", 6, 7) in [
        (c.code, c.name, c.min_age, c.max_age) for c in edited.categories
    ]
    added = rules.create_category({"code": "U23", "name": "Under 23", "min_age": 18, "max_age": 22})
    # Sorted youngest first: U23 comes after U21 and before the open Seniors.
    assert [c.code for c in added.categories][-4:] == ["U21", "U23", "SEN", "VET"]

    with pytest.raises(ValidationError) as error:
        rules.create_category({"code": "u18", "name": "", "min_age": 12, "max_age": 10})
    assert set(error.value.fields) == {"code", "name", "max_age"}
    with pytest.raises(ValidationError) as error:
        rules.create_category({"code": "X", "name": "X", "min_age": -1, "max_age": 2.5})
    assert set(error.value.fields) == {"min_age", "max_age"}

    remaining = rules.delete_category(u9.id)
    assert "U8" not in [c.code for c in remaining.categories]


def test_ids_that_name_no_rule_change_nothing(rules: RulesService) -> None:
    before = rules.get()
    white = before.belts[0]
    for bad in (True, "1", 1.0, None, 2**70):
        with pytest.raises(NotFoundError):
            rules.update_belt(bad, {"name": "White", "kind": "kyu", "color": "#ffffff"})  # type: ignore[arg-type]
        with pytest.raises(NotFoundError):
            rules.delete_belt(bad)  # type: ignore[arg-type]
        with pytest.raises(NotFoundError):
            rules.delete_category(bad)  # type: ignore[arg-type]
    with pytest.raises(ConflictError):
        rules.reorder_belts([True if b is white else b.id for b in before.belts])
    assert rules.get() == before
