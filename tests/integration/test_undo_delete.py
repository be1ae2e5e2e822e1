"""Undoing an athlete's delete on a real SQLite file: every row back exactly, or nothing."""

from __future__ import annotations

import sqlite3

import pytest

from judo_manager.athletes.model import DeletedAthlete
from judo_manager.athletes.service import UNDO_DELETE_SECONDS, AthletesService
from judo_manager.db import Database
from judo_manager.errors import ConflictError
from tests.integration.test_athletes import form


def _rows(db: Database, athlete_id: int) -> dict[str, list[tuple[object, ...]]]:
    """Every column of the athlete's rows, but the revision: a record put back is a new
    revision, so a form still open on the deleted athlete can't save over it."""
    conn = db.connection()
    return {
        table: [
            tuple(value for key, value in zip(row.keys(), row, strict=True) if key != "revision")
            for row in conn.execute(
                f"SELECT * FROM {table} WHERE {key} = ? ORDER BY id", (athlete_id,)
            )
        ]
        for table, key in (
            ("athletes", "id"),
            ("promotions", "athlete_id"),
            ("medals", "athlete_id"),
        )
    }


@pytest.fixture
def service(db: Database) -> AthletesService:
    return AthletesService(db)


@pytest.fixture
def belts(db: Database) -> dict[str, int]:
    return {name: id_ for id_, name in db.connection().execute("SELECT id, name FROM belts")}


def _athlete_with_history(service: AthletesService, belts: dict[str, int]) -> int:
    ayu = service.create(form(belts, notes="Left-handed", licence_number="IDN-77"))
    ayu = service.add_promotion(
        ayu.id, ayu.revision, {"promoted_on": "2024-01-01", "belt_id": belts["Blue"]}
    )
    ayu = service.add_promotion(
        ayu.id,
        ayu.revision,
        {"promoted_on": "2025-01-01", "belt_id": belts["Brown"], "examiner": "K. Tanaka"},
    )
    for place, day in (("silver", "2024-06-01"), ("gold", "2025-02-01")):
        ayu = service.add_medal(
            ayu.id, ayu.revision, {"competition": "City Open", "held_on": day, "place": place}
        )
    return ayu.id


def _delete(service: AthletesService, athlete_id: int) -> DeletedAthlete:
    return service.delete(athlete_id, service.get(athlete_id).revision)


def test_undo_brings_back_the_athlete_with_their_promotions_and_medals_exactly(
    db: Database, service: AthletesService, belts: dict[str, int]
) -> None:
    ayu = _athlete_with_history(service, belts)
    other = service.create(form(belts, full_name="Budi Santoso"))
    before = _rows(db, ayu)

    deleted = _delete(service, ayu)
    assert deleted.full_name == form(belts)["full_name"]
    assert _rows(db, ayu) == {"athletes": [], "promotions": [], "medals": []}

    back = service.undo_delete(deleted.undo_token)

    assert back.id == ayu
    assert _rows(db, ayu) == before  # ids, timestamps, belts, every column
    assert service.get(other.id).full_name == "Budi Santoso"
    # Once only.
    with pytest.raises(ConflictError, match="too late"):
        service.undo_delete(deleted.undo_token)


def test_an_undo_after_its_time_or_with_a_made_up_token_is_refused(
    db: Database, service: AthletesService, belts: dict[str, int]
) -> None:
    ayu = _athlete_with_history(service, belts)
    now = [1000.0]
    service._clock = lambda: now[0]  # type: ignore[method-assign]
    deleted = _delete(service, ayu)
    now[0] += UNDO_DELETE_SECONDS + 1

    for token in (deleted.undo_token, "made-up", 42, None):
        with pytest.raises(ConflictError, match="too late"):
            service.undo_delete(token)
    assert _rows(db, ayu)["athletes"] == []


def test_an_undo_that_no_longer_fits_the_data_changes_nothing(
    db: Database, service: AthletesService, belts: dict[str, int]
) -> None:
    ayu = _athlete_with_history(service, belts)
    deleted = _delete(service, ayu)
    # Re-added by hand meanwhile: putting the old record back would make a duplicate.
    again = service.create(form(belts))
    with pytest.raises(ConflictError, match="is on the roster again"):
        service.undo_delete(deleted.undo_token)
    assert [a.id for a in service.roster({}).rows] == [again.id]

    # A promotion's belt deleted meanwhile (nothing else used it): all or nothing.
    _delete(service, again.id)
    budi = _athlete_with_history(service, belts)
    green = belts["Brown"]
    deleted = _delete(service, budi)
    conn = db.connection()
    conn.execute("UPDATE athletes SET belt_id = NULL WHERE belt_id = ?", (green,))
    conn.execute("DELETE FROM belts WHERE id = ?", (green,))
    conn.commit()
    with pytest.raises(ConflictError, match="changed since"):
        service.undo_delete(deleted.undo_token)
    assert _rows(db, budi) == {"athletes": [], "promotions": [], "medals": []}
    assert isinstance(conn, sqlite3.Connection) and not conn.in_transaction
