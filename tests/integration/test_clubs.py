"""Clubs and the organisation's branding on a real database: edits, checks, what a delete keeps."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from judo_manager.athletes.service import AthletesService
from judo_manager.clubs.model import Club
from judo_manager.clubs.service import ClubsService
from judo_manager.db import Database
from judo_manager.db.migrations import MIGRATIONS, migrate
from judo_manager.demo.generator import fill_demo_club
from judo_manager.errors import NotFoundError, ValidationError
from judo_manager.jobs import JobLock
from judo_manager.restore.service import RestoreService


@pytest.fixture
def clubs(db: Database) -> ClubsService:
    return ClubsService(db)


def club_form(**changes: Any) -> dict[str, Any]:
    """A valid club form (snake_case, as the bridge hands it on), with `changes`."""
    fields: dict[str, Any] = {
        "name": "Judo Club Bogor",
        "short_name": "JCB",
        "federation": "PJSI Jawa Barat",
        "city": "Bogor",
        "contact": None,
    }
    return fields | changes


def problems(error: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    """Each field's problem, as the coach reads it (in English)."""
    return {field: str(message) for field, message in error.value.fields.items()}


def named(listed: Sequence[Club], name: str) -> Club:
    return next(club for club in listed if club.name == name)


def join(db: Database, club_id: int | None, athlete_ids: Sequence[int]) -> None:
    """Put athletes in a club, as the athlete form does."""
    with db.write() as conn:
        conn.executemany(
            "UPDATE athletes SET club_id = ? WHERE id = ?", [(club_id, id_) for id_ in athlete_ids]
        )


def athlete_ids(db: Database) -> list[int]:
    return [row[0] for row in db.connection().execute("SELECT id FROM athletes ORDER BY id")]


def test_a_club_is_stored_as_entered(clubs: ClubsService) -> None:
    listed = clubs.create(
        club_form(
            name="  Judo Club   Bogor ",
            short_name="  ",
            city=None,
            contact="Pak Budi\n+62 812 555 0101\njcb@example.id",
        )
    )

    assert listed == clubs.clubs()
    [club] = listed
    assert (club.name, club.short_name, club.federation, club.city) == (
        "Judo Club   Bogor",
        None,
        "PJSI Jawa Barat",
        None,
    )
    assert club.contact == "Pak Budi\n+62 812 555 0101\njcb@example.id"
    assert (club.logo_id, club.athlete_count) == (None, 0)


def test_clubs_are_listed_by_name_whatever_the_case_with_their_athletes(
    db: Database, clubs: ClubsService
) -> None:
    fill_demo_club(db, 5)  # "Demo Judo Club", with all five
    for name in ("judo Club Bogor", "Ärger Dojo", "Aikikai Depok", "budokan"):
        clubs.create(club_form(name=name))
    bogor = named(clubs.clubs(), "judo Club Bogor")
    join(db, bogor.id, athlete_ids(db)[:2])

    listed = clubs.clubs()

    assert [club.name for club in listed] == [
        "Aikikai Depok",
        "budokan",
        "Demo Judo Club",
        "judo Club Bogor",
        "Ärger Dojo",
    ]
    assert {club.name: club.athlete_count for club in listed} == {
        "Aikikai Depok": 0,
        "budokan": 0,
        "Demo Judo Club": 3,
        "judo Club Bogor": 2,
        "Ärger Dojo": 0,
    }


def test_a_club_can_be_renamed_and_its_details_changed(clubs: ClubsService) -> None:
    [club] = clubs.create(club_form())

    [changed] = clubs.update(
        club.id,
        club_form(name="JC Bogor Raya", short_name="JCBR", federation=None, contact="Sekretariat"),
    )

    assert changed.id == club.id
    assert (changed.name, changed.short_name, changed.federation, changed.contact) == (
        "JC Bogor Raya",
        "JCBR",
        None,
        "Sekretariat",
    )


def test_club_fields_are_checked(clubs: ClubsService) -> None:
    with pytest.raises(ValidationError) as error:
        clubs.create(
            club_form(
                name=" ",
                short_name="Bogor Judo Cl",  # 13 characters
                federation="F" * 81,
                city="Bogor\nJawa Barat",
                contact="x" * 201,
            )
        )

    assert problems(error) == {
        "name": "Club name is required.",
        "short_name": "Short name is too long (at most 12 characters).",
        "federation": "Federation is too long (at most 80 characters).",
        "city": "City can't contain line breaks or control characters.",
        "contact": "Contact is too long (at most 200 characters).",
    }
    assert clubs.clubs() == []


def test_the_longest_fields_a_club_may_have_are_kept(clubs: ClubsService) -> None:
    [club] = clubs.create(
        club_form(name="N" * 80, short_name="S" * 12, federation="F" * 80, contact="c\n" * 100)
    )
    assert (len(club.name), len(club.short_name or ""), len(club.federation or "")) == (80, 12, 80)
    assert club.contact == ("c\n" * 100).strip()


def test_a_form_of_the_wrong_shape_is_refused_field_by_field(clubs: ClubsService) -> None:
    with pytest.raises(ValidationError) as error:
        clubs.create({"name": 42, "short_name": ["JCB"], "contact": {"phone": "1"}})
    assert problems(error) == {
        "name": "Club name must be text.",
        "short_name": "Short name must be text.",
        "contact": "Contact must be text.",
    }
    with pytest.raises(ValidationError, match="Club name is required"):
        clubs.create(None)  # type: ignore[arg-type]
    assert clubs.clubs() == []


@pytest.mark.parametrize(
    "second",
    ["dojo a", "DOJO A", "  Dojo   a ", "\uff24\uff4f\uff4a\uff4f \uff21"],
    ids=["lower-case", "upper-case", "spaced", "full-width"],
)
def test_a_second_dojo_a_in_another_case_is_refused_naming_the_first(
    clubs: ClubsService, second: str
) -> None:
    clubs.create(club_form(name="Dojo A", city="Depok"))

    with pytest.raises(ValidationError) as error:
        clubs.create(club_form(name=second))

    assert problems(error) == {
        "name": "There is already a club called Dojo A. Club names must differ by more than "
        "capital letters or spaces."
    }
    assert [(club.name, club.city) for club in clubs.clubs()] == [("Dojo A", "Depok")]


def test_names_that_differ_only_in_accented_capitals_are_one_club_too(
    clubs: ClubsService,
) -> None:
    # SQLite's NOCASE folds only A to Z; the check in Python folds every letter, and reads
    # "Ä" typed as one character or as A plus its dots alike.
    clubs.create(club_form(name="Dojo Ärger"))
    for second in ("dojo ärger", "Dojo A\u0308rger"):
        with pytest.raises(ValidationError, match="already a club called Dojo Ärger"):
            clubs.create(club_form(name=second))
    assert len(clubs.clubs()) == 1


def test_renaming_onto_another_clubs_name_is_refused_but_recasing_its_own_is_not(
    clubs: ClubsService,
) -> None:
    clubs.create(club_form(name="Dojo A"))
    listed = clubs.create(club_form(name="Dojo B"))
    dojo_a, dojo_b = named(listed, "Dojo A"), named(listed, "Dojo B")

    with pytest.raises(ValidationError, match="already a club called Dojo A"):
        clubs.update(dojo_b.id, club_form(name="dojo a"))
    recased = clubs.update(dojo_a.id, club_form(name="DOJO A"))

    assert sorted(club.name for club in recased) == ["DOJO A", "Dojo B"]


def test_updating_a_club_deleted_meanwhile_says_it_is_gone(clubs: ClubsService) -> None:
    [club] = clubs.create(club_form())
    clubs.delete(club.id)  # in another window, or by a restore

    with pytest.raises(NotFoundError) as error:
        clubs.update(club.id, club_form(city="Jakarta"))

    assert str(error.value) == (
        "That club is no longer there; the data may have been restored meanwhile."
    )
    with pytest.raises(NotFoundError, match="That club is no longer there"):
        clubs.delete(club.id)
    assert clubs.clubs() == []


@pytest.mark.parametrize("bogus", [True, "1", 0, -3, 2**63, 1.0, None])
def test_an_id_that_names_no_club_is_refused_and_changes_nothing(
    clubs: ClubsService, bogus: object
) -> None:
    [club] = clubs.create(club_form())
    with pytest.raises(NotFoundError, match="That club is no longer there"):
        clubs.update(bogus, club_form(name="Renamed"))  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        clubs.delete(bogus)  # type: ignore[arg-type]
    assert clubs.clubs() == [club]


def test_a_deleted_clubs_athletes_stay_with_no_club(db: Database, clubs: ClubsService) -> None:
    fill_demo_club(db, 6)
    listed = clubs.create(club_form(name="Dojo Kano"))
    kano, demo = named(listed, "Dojo Kano"), named(listed, "Demo Judo Club")
    ids = athlete_ids(db)
    join(db, kano.id, ids[:4])
    athletes = AthletesService(db)
    revisions = {id_: athletes.get(id_).revision for id_ in ids}
    before = {club.name: club.athlete_count for club in clubs.clubs()}

    after = clubs.delete(kano.id)

    # The page says how many lost their club: the count it listed for the deleted one.
    assert before == {"Demo Judo Club": 2, "Dojo Kano": 4}
    assert [(club.name, club.athlete_count) for club in after] == [("Demo Judo Club", 2)]
    assert athletes.count() == 6
    clubs_now = dict(db.connection().execute("SELECT id, club_id FROM athletes").fetchall())
    assert clubs_now == {**dict.fromkeys(ids[:4]), **dict.fromkeys(ids[4:], demo.id)}
    # Their records changed, so a form opened on one of them before the delete can't save
    # the club back; the others' forms are untouched.
    assert [athletes.get(id_).revision != revisions[id_] for id_ in ids] == [True] * 4 + [False] * 2


def test_the_organisation_starts_unnamed_with_the_default_prefix(clubs: ClubsService) -> None:
    organisation = clubs.organisation()
    assert (organisation.name, organisation.logo_id, organisation.member_id_prefix) == (
        None,
        None,
        "JM-",
    )


def test_the_organisations_name_and_prefix_can_be_set_and_cleared(clubs: ClubsService) -> None:
    named_org = clubs.update_organisation({"name": " Bogor Judo Club ", "member_id_prefix": "BJC-"})
    assert (named_org.name, named_org.member_id_prefix) == ("Bogor Judo Club", "BJC-")
    assert clubs.organisation() == named_org

    cleared = clubs.update_organisation({"name": "", "member_id_prefix": ""})
    assert (cleared.name, cleared.member_id_prefix) == (None, "")
    dotted = clubs.update_organisation({"name": None, "member_id_prefix": "pj.si_2026"})
    assert dotted.member_id_prefix == "pj.si_2026"


@pytest.mark.parametrize(
    "prefix",
    ["BJC/", "BJC-🥋", "BJ C", "Bé-", "BJC\\"],
    ids=["slash", "emoji", "space", "accent", "backslash"],
)
def test_a_prefix_with_other_signs_is_refused_with_what_it_may_hold(
    clubs: ClubsService, prefix: str
) -> None:
    clubs.update_organisation({"name": "Bogor Judo Club", "member_id_prefix": "BJC-"})

    with pytest.raises(ValidationError) as error:
        clubs.update_organisation({"name": "Other", "member_id_prefix": prefix})

    assert problems(error) == {
        "member_id_prefix": "Member ID prefix can only hold the letters A to Z, digits, and "
        "the signs - _ . (for example BJC-)."
    }
    assert (clubs.organisation().name, clubs.organisation().member_id_prefix) == (
        "Bogor Judo Club",
        "BJC-",
    )


def test_organisation_fields_are_checked(clubs: ClubsService) -> None:
    with pytest.raises(ValidationError) as error:
        clubs.update_organisation({"name": "O" * 81, "member_id_prefix": "ABCDEFGHIJK"})
    assert problems(error) == {
        "name": "Organisation name is too long (at most 80 characters).",
        "member_id_prefix": "Member ID prefix is too long (at most 10 characters).",
    }
    ten = clubs.update_organisation({"name": "O" * 80, "member_id_prefix": "ABCDEFGHIJ"})
    assert ten.member_id_prefix == "ABCDEFGHIJ"


def test_a_file_without_the_organisation_row_gets_it_back_when_saved(
    db: Database, clubs: ClubsService
) -> None:
    with db.write() as conn:
        conn.execute("DELETE FROM organisation")  # as a file from elsewhere may have it

    assert clubs.organisation().member_id_prefix == "JM-"
    saved = clubs.update_organisation({"name": "Dojo Kano", "member_id_prefix": "DK-"})

    assert (saved.name, saved.member_id_prefix) == ("Dojo Kano", "DK-")
    rows = db.connection().execute("SELECT id, name, member_id_prefix FROM organisation")
    assert [tuple(row) for row in rows] == [(1, "Dojo Kano", "DK-")]


def test_a_club_list_in_a_backup_from_data_version_6_is_restored_and_listed(
    db: Database, clubs: ClubsService, tmp_path: Path
) -> None:
    clubs.create(club_form(name="Club before the restore"))
    old = tmp_path / "usb" / "judo-2025.db"
    old.parent.mkdir()
    conn = sqlite3.connect(old, isolation_level=None)
    migrate(conn, 0, MIGRATIONS[:6])  # no short names, contacts or logos yet
    conn.executemany(
        "INSERT INTO clubs(id, name, federation, city) VALUES (?, ?, ?, ?)",
        [(1, "Judo Club Bogor", "PJSI", "Bogor"), (2, "judo club bogor", None, "Depok")],
    )
    conn.executemany(
        "INSERT INTO athletes(club_id, full_name, search_name, birth_date, sex) "
        "VALUES (?, ?, ?, '2011-05-06', 'M')",
        [(1, "Budi Santoso", "budi santoso"), (2, "Eko Prasetyo", "eko prasetyo")],
    )
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    restore = RestoreService(db, JobLock())

    restore.restore(restore.inspect(old).token)

    assert [
        (c.name, c.short_name, c.city, c.contact, c.logo_id, c.athlete_count) for c in clubs.clubs()
    ] == [
        ("Judo Club Bogor", None, "Bogor", None, None, 1),
        ("judo club bogor (2)", None, "Depok", None, None, 1),
    ]
    # The restored clubs can be edited under the new rules.
    bogor = clubs.clubs()[0]
    edited = clubs.update(bogor.id, club_form(name="Judo Club Bogor", short_name="JCB"))
    assert edited[0].short_name == "JCB"


def test_demo_athletes_added_again_join_the_demo_club_already_there(db: Database) -> None:
    fill_demo_club(db, 5)
    fill_demo_club(db, 3, force=True)

    (club,) = ClubsService(db).clubs()
    assert (club.name, club.athlete_count) == ("Demo Judo Club", 8)
