"""The roster service on a real database: checks, duplicates, promotions, medals, cascades."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from judo_manager.athletes.service import AthletesService
from judo_manager.db import Database
from judo_manager.errors import ConflictError, NotFoundError, StaleRecordError, ValidationError
from judo_manager.rules.service import RulesService

TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def service(db: Database) -> AthletesService:
    return AthletesService(db, today=lambda: TODAY)


@pytest.fixture
def belts(db: Database) -> dict[str, int]:
    return {belt.name: belt.id for belt in RulesService(db).get().belts}


def form(belts: dict[str, int], **changes: Any) -> dict[str, Any]:
    """A valid add-athlete form (snake_case, as the bridge hands it on), with `changes`."""
    fields: dict[str, Any] = {
        "full_name": "Ayu Lestari",
        "birth_date": "2010-04-02",
        "sex": "F",
        "belt_id": belts["Orange"],
        "weight_kg": 44.5,
        "licence_number": None,
        "phone": "",
        "email": None,
        "guardian_name": "Sri Lestari",
        "guardian_phone": "+62 812 555 0101",
        "notes": None,
        "active": True,
    }
    return fields | changes


def problems(error: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    """Each field's problem, as the coach reads it (in English)."""
    return {field: str(message) for field, message in error.value.fields.items()}


def test_an_athlete_is_stored_as_entered(service: AthletesService, belts: dict[str, int]) -> None:
    athlete = service.create(form(belts, full_name="  Ayu   Lestari ", phone="  "))

    again = service.get(athlete.id)
    assert again == athlete
    assert (again.full_name, again.birth_date, again.sex) == ("Ayu   Lestari", "2010-04-02", "F")
    assert (again.belt_id, again.weight_kg, again.active) == (belts["Orange"], 44.5, True)
    assert (again.phone, again.guardian_name) == (None, "Sri Lestari")
    assert service.count() == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"full_name": "   "}, "full_name", "Full name is required."),
        ({"full_name": None}, "full_name", "Full name is required."),
        ({"full_name": 42}, "full_name", "Full name must be text."),
        ({"full_name": "x" * 121}, "full_name", "too long"),
        ({"birth_date": "2026-06-16"}, "birth_date", "can't be in the future"),
        ({"birth_date": "2026-02-30"}, "birth_date", "not a valid date"),
        ({"birth_date": ""}, "birth_date", "Birth date is required."),
        ({"sex": "X"}, "sex", "Sex must be one of"),
        ({"sex": None}, "sex", "Please choose sex."),
        ({"belt_id": None}, "belt_id", "Please choose a belt."),
        ({"belt_id": 999}, "belt_id", "no longer on the ladder"),
        ({"weight_kg": 14.9}, "weight_kg", "between 15 and 250 kg"),
        ({"weight_kg": 250.1}, "weight_kg", "between 15 and 250 kg"),
        ({"weight_kg": "heavy"}, "weight_kg", "must be a number"),
        ({"weight_kg": None}, "weight_kg", "Weight is required."),
        ({"email": "ayu@"}, "email", "doesn't look like an address"),
        # Values no form would send; the page is not trusted.
        ({"active": "no"}, "active", "must be ticked or not"),
        ({"active": None}, "active", "must be ticked or not"),
        ({"weight_kg": 10**400}, "weight_kg", "between 15 and 250 kg"),
        ({"weight_kg": float("nan")}, "weight_kg", "must be a number"),
        ({"full_name": "Ayu\nLestari"}, "full_name", "can't contain line breaks"),
        ({"phone": "0812\x00"}, "phone", "can't contain line breaks or control characters"),
        ({"belt_id": True}, "belt_id", "Please choose a belt."),
        ({"belt_id": 2**70}, "belt_id", "Please choose a belt."),
    ],
)
def test_each_rule_names_its_field_and_stores_nothing(
    service: AthletesService,
    belts: dict[str, int],
    changes: dict[str, Any],
    field: str,
    message: str,
) -> None:
    with pytest.raises(ValidationError) as error:
        service.create(form(belts, **changes))

    assert list(problems(error)) == [field]
    assert message in problems(error)[field]
    assert service.count() == 0


def test_the_edges_of_the_weight_and_date_rules_are_allowed(
    service: AthletesService, belts: dict[str, int]
) -> None:
    service.create(form(belts, weight_kg=15, birth_date=TODAY.isoformat()))
    service.create(form(belts, full_name="Budi", weight_kg=250))
    assert service.count() == 2


def test_every_wrong_field_is_reported_at_once(
    service: AthletesService, belts: dict[str, int]
) -> None:
    with pytest.raises(ValidationError) as error:
        service.create({"full_name": "", "weight_kg": 300, "email": "nope", "active": "no"})

    assert set(problems(error)) == {
        "full_name",
        "birth_date",
        "sex",
        "belt_id",
        "weight_kg",
        "email",
        "active",
    }


def test_the_same_name_and_birth_date_is_refused_whatever_the_case_or_accents(
    service: AthletesService, belts: dict[str, int]
) -> None:
    service.create(form(belts, full_name="Zsófia Öztürk"))

    with pytest.raises(ValidationError) as error:
        service.create(form(belts, full_name="zsofia OZTURK"))
    # Named as the roster has them, so the coach knows whom the new entry clashes with.
    assert (
        problems(error)["full_name"] == "Zsófia Öztürk, born 2 Apr 2010, is already on the roster."
    )
    # Another birth date is another person.
    service.create(form(belts, full_name="Zsofia Ozturk", birth_date="2011-04-02"))
    assert service.count() == 2


def test_editing_keeps_the_same_rules_but_not_against_itself(
    service: AthletesService, belts: dict[str, int]
) -> None:
    ayu = service.create(form(belts))
    budi = service.create(form(belts, full_name="Budi Santoso"))

    saved = service.update(
        ayu.id, ayu.revision, form(belts, member_id=ayu.member_id, weight_kg=46, active=False)
    )
    assert (saved.weight_kg, saved.active) == (46, False)
    assert saved.updated_at >= ayu.updated_at
    with pytest.raises(ValidationError) as error:
        service.update(budi.id, budi.revision, form(belts, full_name="Ayu Lestari"))
    assert "already on the roster" in problems(error)["full_name"]
    with pytest.raises(NotFoundError):
        service.update(9999, "any revision", form(belts, full_name="Nobody"))


def test_the_latest_promotion_sets_the_belt_and_deleting_it_gives_the_old_one_back(
    service: AthletesService, belts: dict[str, int]
) -> None:
    ayu = service.create(form(belts))  # Orange

    ayu = service.add_promotion(
        ayu.id, ayu.revision, {"promoted_on": "2025-03-01", "belt_id": belts["Orange-Green"]}
    )
    ayu = service.add_promotion(
        ayu.id,
        ayu.revision,
        {"promoted_on": "2026-03-01", "belt_id": belts["Green"], "examiner": "K. Tanaka"},
    )
    assert ayu.belt_id == belts["Green"]
    assert [(p.promoted_on, p.belt_id, p.from_belt_id) for p in ayu.promotions] == [
        ("2026-03-01", belts["Green"], belts["Orange-Green"]),
        ("2025-03-01", belts["Orange-Green"], belts["Orange"]),
    ]
    assert ayu.promotions[0].examiner == "K. Tanaka"

    ayu = service.delete_promotion(ayu.promotions[0].id, ayu.revision)
    assert ayu.belt_id == belts["Orange-Green"]
    ayu = service.delete_promotion(ayu.promotions[0].id, ayu.revision)
    assert (ayu.belt_id, ayu.promotions) == (belts["Orange"], [])


def test_a_grading_entered_late_slots_into_the_history_without_changing_the_belt(
    service: AthletesService, belts: dict[str, int]
) -> None:
    ayu = service.create(form(belts, belt_id=belts["Yellow"]))
    ayu = service.add_promotion(
        ayu.id, ayu.revision, {"promoted_on": "2025-01-10", "belt_id": belts["Orange"]}
    )

    ayu = service.add_promotion(
        ayu.id, ayu.revision, {"promoted_on": "2024-01-10", "belt_id": belts["Yellow-Orange"]}
    )
    assert ayu.belt_id == belts["Orange"]
    assert [(p.belt_id, p.from_belt_id) for p in ayu.promotions] == [
        (belts["Orange"], belts["Yellow-Orange"]),
        (belts["Yellow-Orange"], belts["Yellow"]),
    ]
    for same in ("Yellow", "Yellow-Orange"):  # held before the 2024 grading, or reached in it
        with pytest.raises(ValidationError, match="held this belt around that date"):
            service.add_promotion(
                ayu.id, ayu.revision, {"promoted_on": "2023-06-01", "belt_id": belts[same]}
            )
    # Removing the middle of the chain joins its ends; the belt stays.
    ayu = service.delete_promotion(ayu.promotions[1].id, ayu.revision)
    assert ayu.belt_id == belts["Orange"]
    assert [(p.belt_id, p.from_belt_id) for p in ayu.promotions] == [
        (belts["Orange"], belts["Yellow"])
    ]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"promoted_on": "2026-06-16"}, "promoted_on", "can't be in the future"),
        ({"promoted_on": "2010-04-01"}, "promoted_on", "can't be before the birth date"),
        ({"belt_id": None}, "belt_id", "Please choose a belt."),
        ({"belt_id": "Orange"}, "belt_id", "Please choose a belt."),
        ({"promoted_on": "2026-01-01", "belt_id": "same"}, "belt_id", "already holds this belt"),
    ],
)
def test_a_wrong_promotion_is_refused_and_changes_nothing(
    service: AthletesService,
    belts: dict[str, int],
    changes: dict[str, Any],
    field: str,
    message: str,
) -> None:
    ayu = service.create(form(belts))
    data = {"promoted_on": "2026-01-01", "belt_id": belts["Green"]} | changes
    if data["belt_id"] == "same":
        data["belt_id"] = belts["Orange"]

    with pytest.raises(ValidationError) as error:
        service.add_promotion(ayu.id, ayu.revision, data)

    assert message in problems(error)[field]
    assert service.get(ayu.id) == ayu


def test_medals_are_kept_newest_first_and_checked(
    service: AthletesService, belts: dict[str, int]
) -> None:
    ayu = service.create(form(belts))
    ayu = service.add_medal(
        ayu.id,
        ayu.revision,
        {"competition": "City Open", "held_on": "2024-05-01", "place": "bronze"},
    )
    ayu = service.add_medal(
        ayu.id,
        ayu.revision,
        {
            "competition": "National Cup",
            "held_on": "2025-09-20",
            "place": "gold",
            "category": "U18 -48 kg",
        },
    )
    assert [(m.competition, m.place, m.category) for m in ayu.medals] == [
        ("National Cup", "gold", "U18 -48 kg"),
        ("City Open", "bronze", None),
    ]
    with pytest.raises(ValidationError) as error:
        service.add_medal(
            ayu.id, ayu.revision, {"competition": " ", "held_on": "2027-01-01", "place": "4th"}
        )
    assert set(problems(error)) == {"competition", "held_on", "place"}

    ayu = service.delete_medal(ayu.medals[0].id, ayu.revision)
    assert [m.competition for m in ayu.medals] == ["City Open"]


def test_deleting_an_athlete_deletes_their_promotions_and_medals(
    db: Database, service: AthletesService, belts: dict[str, int]
) -> None:
    ayu = service.create(form(belts))
    budi = service.create(form(belts, full_name="Budi Santoso"))
    for athlete in (ayu, budi):
        athlete = service.add_promotion(
            athlete.id, athlete.revision, {"promoted_on": "2025-01-01", "belt_id": belts["Green"]}
        )
        service.add_medal(
            athlete.id,
            athlete.revision,
            {"competition": "City Open", "held_on": "2025-02-01", "place": "silver"},
        )

    service.delete(ayu.id, service.get(ayu.id).revision)

    conn = db.connection()
    for table in ("promotions", "medals"):
        owners = [row[0] for row in conn.execute(f"SELECT athlete_id FROM {table}")]
        assert owners == [budi.id], table
    with pytest.raises(NotFoundError):
        service.get(ayu.id)
    with pytest.raises(NotFoundError):
        service.delete(ayu.id, ayu.revision)


def test_deleting_the_latest_promotion_keeps_a_belt_the_coach_set_since(
    service: AthletesService, belts: dict[str, int]
) -> None:
    ayu = service.create(form(belts, belt_id=belts["White"]))
    ayu = service.add_promotion(
        ayu.id, ayu.revision, {"promoted_on": "2020-01-01", "belt_id": belts["Yellow"]}
    )
    ayu = service.update(
        ayu.id, ayu.revision, form(belts, member_id=ayu.member_id, belt_id=belts["Green"])
    )

    ayu = service.delete_promotion(ayu.promotions[0].id, ayu.revision)

    assert (ayu.belt_id, ayu.promotions) == (belts["Green"], [])


def test_one_grading_a_day(service: AthletesService, belts: dict[str, int]) -> None:
    ayu = service.create(form(belts, belt_id=belts["White"]))
    ayu = service.add_promotion(
        ayu.id, ayu.revision, {"promoted_on": "2021-06-01", "belt_id": belts["Orange"]}
    )

    with pytest.raises(ValidationError) as error:
        service.add_promotion(
            ayu.id, ayu.revision, {"promoted_on": "2021-06-01", "belt_id": belts["Yellow"]}
        )

    assert "already recorded on 2021-06-01" in problems(error)["promoted_on"]
    assert service.get(ayu.id) == ayu


def test_a_deletion_that_would_leave_a_grading_to_the_same_belt_is_refused(
    service: AthletesService, belts: dict[str, int]
) -> None:
    ayu = service.create(form(belts, belt_id=belts["White"]))
    ayu = service.add_promotion(
        ayu.id, ayu.revision, {"promoted_on": "2020-01-01", "belt_id": belts["Yellow"]}
    )
    # A coach may record a step down; deleting the step up before it would read White → White.
    ayu = service.add_promotion(
        ayu.id, ayu.revision, {"promoted_on": "2021-01-01", "belt_id": belts["White"]}
    )

    with pytest.raises(ConflictError, match="Delete that one first"):
        service.delete_promotion(ayu.promotions[1].id, ayu.revision)

    assert service.get(ayu.id) == ayu


def test_an_edit_keeps_the_birth_date_before_the_recorded_history(
    service: AthletesService, belts: dict[str, int]
) -> None:
    ayu = service.create(form(belts))
    ayu = service.add_medal(
        ayu.id, ayu.revision, {"competition": "City Open", "held_on": "2015-05-01", "place": "gold"}
    )

    with pytest.raises(ValidationError) as error:
        service.update(ayu.id, ayu.revision, form(belts, birth_date="2016-01-01"))

    assert "first promotion or medal on record (1 May 2015)" in problems(error)["birth_date"]


def test_two_records_that_already_look_alike_can_still_be_edited(
    db: Database, service: AthletesService, belts: dict[str, int]
) -> None:
    ayu = service.create(form(belts, full_name="Zoë Ärger"))
    # Older data (an earlier version, another tool) may already hold such a pair.
    with db.write() as conn:
        conn.execute(
            "INSERT INTO athletes(full_name, search_name, birth_date, sex, belt_id, weight_kg) "
            "VALUES ('zoe arger', 'zoe arger', ?, 'F', ?, 44)",
            (ayu.birth_date, belts["Orange"]),
        )

    edited = service.update(
        ayu.id,
        ayu.revision,
        form(belts, member_id=ayu.member_id, full_name="Zoë Ärger", notes="Left-handed"),
    )

    assert edited.notes == "Left-handed"


def test_notes_may_span_lines(service: AthletesService, belts: dict[str, int]) -> None:
    ayu = service.create(form(belts, notes="Left-handed.\nPrefers seoi-nage."))
    assert ayu.notes == "Left-handed.\nPrefers seoi-nage."


@pytest.mark.parametrize("bad_id", [True, False, "1", 1.0, [1], None, 0, -1, 2**63, 2**70])
def test_an_id_that_names_no_row_changes_nothing(
    service: AthletesService, belts: dict[str, int], bad_id: object
) -> None:
    ayu = service.create(form(belts))  # id 1, which True would otherwise reach

    for call in (
        lambda: service.get(bad_id),  # type: ignore[arg-type]
        lambda: service.delete(bad_id, ayu.revision),  # type: ignore[arg-type]
        lambda: service.update(bad_id, ayu.revision, form(belts, full_name="Budi")),  # type: ignore[arg-type]
        lambda: service.add_medal(bad_id, ayu.revision, {}),  # type: ignore[arg-type]
        lambda: service.delete_promotion(bad_id, ayu.revision),  # type: ignore[arg-type]
        lambda: service.delete_medal(bad_id, ayu.revision),  # type: ignore[arg-type]
    ):
        with pytest.raises(NotFoundError, match="no longer there"):
            call()
    assert service.get(ayu.id) == ayu


def test_a_form_loaded_before_another_change_saves_nothing(
    service: AthletesService, belts: dict[str, int]
) -> None:
    ayu = service.create(form(belts))
    # A second form (or the roster's quick toggle) saves first.
    newer = service.update(
        ayu.id, ayu.revision, form(belts, member_id=ayu.member_id, notes="Moved to Surabaya")
    )

    for stale_write in (
        lambda: service.update(
            ayu.id, ayu.revision, form(belts, member_id=ayu.member_id, weight_kg=60)
        ),
        lambda: service.add_medal(
            ayu.id,
            ayu.revision,
            {"competition": "City Open", "held_on": "2025-02-01", "place": "gold"},
        ),
        lambda: service.add_promotion(
            ayu.id, ayu.revision, {"promoted_on": "2025-01-01", "belt_id": belts["Green"]}
        ),
        lambda: service.delete(ayu.id, ayu.revision),
    ):
        with pytest.raises(StaleRecordError, match="changed since you opened the form"):
            stale_write()
    assert service.get(ayu.id) == newer


def test_a_promotion_or_medal_changes_the_athletes_revision(
    service: AthletesService, belts: dict[str, int]
) -> None:
    ayu = service.create(form(belts))
    promoted = service.add_promotion(
        ayu.id, ayu.revision, {"promoted_on": "2025-01-01", "belt_id": belts["Green"]}
    )
    with_medal = service.add_medal(
        promoted.id,
        promoted.revision,
        {"competition": "City Open", "held_on": "2025-02-01", "place": "gold"},
    )
    without_medal = service.delete_medal(with_medal.medals[0].id, with_medal.revision)

    revisions = [a.revision for a in (ayu, promoted, with_medal, without_medal)]
    assert len(set(revisions)) == 4
    with pytest.raises(StaleRecordError):
        service.delete_promotion(promoted.promotions[0].id, with_medal.revision)
