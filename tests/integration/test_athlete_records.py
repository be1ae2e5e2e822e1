"""An athlete's records on a real database: the extended profile, the member ID, the
licence and medical papers, documents and the photo (files chosen as the page chooses them:
checked and held by the media service, then sent by token), and what a hostile or unlucky
form gets."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any

import pytest

from judo_manager.athletes.model import Athlete, Paper
from judo_manager.athletes.service import AthletesService
from judo_manager.clubs.service import ClubsService
from judo_manager.db import Database, open_database
from judo_manager.errors import (
    ConflictError,
    MediaRefusedError,
    NotFoundError,
    StaleRecordError,
    ValidationError,
)
from judo_manager.media.model import Purpose
from judo_manager.media.service import MediaService
from judo_manager.rules.service import RulesService
from tests.integration.test_athletes import TODAY, form, problems
from tests.media_files import pdf_bytes, photo_bytes, write


@pytest.fixture
def media(db: Database) -> MediaService:
    return MediaService(db)


@pytest.fixture
def service(db: Database, media: MediaService) -> AthletesService:
    return AthletesService(db, clubs=ClubsService(db), media=media, today=lambda: TODAY)


@pytest.fixture
def belts(db: Database) -> dict[str, int]:
    return {belt.name: belt.id for belt in RulesService(db).get().belts}


class Chooser:
    """Files the coach picks in the open dialog: written to disk, checked and held by the
    media service as `media.chooseFile` does; each gives the token the form sends."""

    def __init__(self, media: MediaService, folder: Path) -> None:
        self._media = media
        self._folder = folder
        self._count = 0

    def __call__(self, name: str, data: bytes, purpose: Purpose = "document") -> str:
        self._count += 1
        folder = self._folder / f"pick-{self._count}"
        folder.mkdir()
        path = write(folder, name, data)
        return self._media.hold(self._media.check_file(path, purpose), purpose).token


@pytest.fixture
def choose(media: MediaService, tmp_path: Path) -> Chooser:
    return Chooser(media, tmp_path)


def _club(db: Database, name: str) -> int:
    with db.write() as conn:
        return int(conn.execute("INSERT INTO clubs(name) VALUES (?)", (name,)).lastrowid or 0)


def _set_prefix(db: Database, prefix: str) -> None:
    with db.write() as conn:
        conn.execute("UPDATE organisation SET member_id_prefix = ?", (prefix,))


def _stored_files(db: Database) -> tuple[int, int]:
    """(media rows, media_data rows): what the database keeps of files."""
    conn = db.connection()
    return (
        conn.execute("SELECT count(*) FROM media").fetchone()[0],
        conn.execute("SELECT count(*) FROM media_data").fetchone()[0],
    )


def _bytes_of(db: Database, media_id: int) -> bytes:
    row = db.connection().execute("SELECT data FROM media_data WHERE media_id = ?", (media_id,))
    return bytes(row.fetchone()[0])


def document(**changes: Any) -> dict[str, Any]:
    """A valid document form (snake_case, as the bridge hands it on), with `changes`."""
    return {
        "kind": "medical_certificate",
        "title": "Medical check 2026",
        "issued_on": "2026-01-10",
        "valid_until": "2027-01-09",
        "notes": None,
    } | changes


def edit(athlete: Athlete, **changes: Any) -> dict[str, Any]:
    """The edit form as the page sends it: the athlete as loaded, with `changes`."""
    fields = (
        "full_name", "birth_date", "sex", "belt_id", "weight_kg", "member_id", "club_id",
        "joined_on", "licence_number", "licence_valid_until", "medical_valid_until", "phone",
        "email", "address", "school", "guardian_name", "guardian_phone", "notes", "active",
    )  # fmt: skip
    return {name: getattr(athlete, name) for name in fields} | changes


# The extended profile


def test_the_extended_profile_is_stored_as_entered(
    db: Database, service: AthletesService, belts: dict[str, int]
) -> None:
    club = _club(db, "Garuda Judo Bogor")
    ayu = service.create(
        form(
            belts,
            member_id=" BJC-042 ",
            club_id=club,
            joined_on="2018-09-01",
            address="Jl. Pajajaran 12\nBogor",
            school="SMP Negeri 1 Bogor",
            licence_number="PJSI-7781",
            licence_valid_until="2026-12-31",
            medical_valid_until="2026-07-01",
            phone="+62 812 555 0102",
            email="ayu@example.com",
        )
    )

    again = service.get(ayu.id)
    assert again == ayu
    assert (again.member_id, again.club_id, again.joined_on) == ("BJC-042", club, "2018-09-01")
    assert (again.address, again.school) == ("Jl. Pajajaran 12\nBogor", "SMP Negeri 1 Bogor")
    assert (again.licence_number, again.licence_valid_until) == ("PJSI-7781", "2026-12-31")
    assert again.medical_valid_until == "2026-07-01"
    assert (again.photo_id, again.documents) == (None, [])
    # Every optional field may be left blank.
    budi = service.create(form(belts, full_name="Budi Santoso", club_id=None, joined_on=""))
    assert (budi.club_id, budi.joined_on, budi.address, budi.school) == (None, None, None, None)
    assert (budi.licence_valid_until, budi.medical_valid_until) == (None, None)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"joined_on": "2026-06-16"}, "joined_on", "Date joined can't be in the future."),
        ({"joined_on": "2010-04-01"}, "joined_on", "Date joined can't be before the birth date."),
        ({"joined_on": "2020-02-30"}, "joined_on", "Date joined is not a valid date."),
        ({"joined_on": 2020}, "joined_on", "Date joined is not a valid date."),
        (
            {"licence_valid_until": "31/12/2026"},
            "licence_valid_until",
            "Licence valid until is not a valid date.",
        ),
        (
            {"medical_valid_until": "2026-13-01"},
            "medical_valid_until",
            "Medical valid until is not a valid date.",
        ),
        (
            {"member_id": "BJC-" + "9" * 17},
            "member_id",
            "Member ID is too long (at most 20 characters).",
        ),
        ({"member_id": "BJC\n001"}, "member_id", "Member ID can't contain line breaks"),
        ({"club_id": "Garuda"}, "club_id", "Please choose a club."),
        ({"club_id": 999}, "club_id", "That club is no longer there; please choose another."),
        ({"school": "x" * 121}, "school", "School is too long (at most 120 characters)."),
        ({"address": "x" * 301}, "address", "Address is too long (at most 300 characters)."),
    ],
)
def test_each_profile_rule_names_its_field_and_stores_nothing(
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


def test_an_athlete_can_not_join_a_club_deleted_meanwhile(
    db: Database, service: AthletesService, belts: dict[str, int]
) -> None:
    club = _club(db, "Garuda Judo Bogor")
    ayu = service.create(form(belts, club_id=club))
    # Another window deletes the club (its athletes stay, with none) while this form is open.
    with db.write() as conn:
        conn.execute("DELETE FROM clubs WHERE id = ?", (club,))
    ayu = service.get(ayu.id)
    assert ayu.club_id is None

    with pytest.raises(ValidationError) as error:
        service.update(ayu.id, ayu.revision, edit(ayu, club_id=club))

    assert problems(error) == {"club_id": "That club is no longer there; please choose another."}
    assert service.get(ayu.id) == ayu


def test_a_member_id_is_unique_whatever_its_case_and_the_message_names_who_has_it(
    service: AthletesService, belts: dict[str, int]
) -> None:
    ayu = service.create(form(belts, member_id="BJC-007"))
    budi = service.create(form(belts, full_name="Budi Santoso"))

    for taken in ("BJC-007", "bjc-007", " Bjc-007 "):
        with pytest.raises(ValidationError) as error:
            service.update(budi.id, budi.revision, edit(budi, member_id=taken))
        assert problems(error) == {
            "member_id": f"Member ID {taken.strip()} already belongs to Ayu Lestari."
        }
        with pytest.raises(ValidationError) as error:
            service.create(form(belts, full_name="Citra Dewi", member_id=taken))
        assert "already belongs to Ayu Lestari" in problems(error)["member_id"]
    # Keeping one's own, even in another case, is no clash.
    ayu = service.update(ayu.id, ayu.revision, edit(ayu, member_id="bjc-007"))
    assert ayu.member_id == "bjc-007"
    assert service.count() == 2


def test_a_member_id_cannot_be_blanked_on_edit(
    service: AthletesService, belts: dict[str, int]
) -> None:
    ayu = service.create(form(belts))

    for blank in (None, "", "   "):
        with pytest.raises(ValidationError) as error:
            service.update(ayu.id, ayu.revision, edit(ayu, member_id=blank))
        assert problems(error) == {"member_id": "Member ID is required."}
    assert service.get(ayu.id) == ayu


# The member ID


def test_new_athletes_get_the_next_member_id_of_the_organisations_prefix(
    db: Database, service: AthletesService, belts: dict[str, int]
) -> None:
    assert service.next_member_id() == "JM-001"  # a new club's prefix
    _set_prefix(db, "BJC-")
    names = iter(f"Athlete {n}" for n in range(100))

    def add(**changes: Any) -> str:
        athlete = service.create(form(belts, full_name=next(names), **changes))
        assert athlete.member_id is not None
        return athlete.member_id

    assert service.next_member_id() == "BJC-001"
    assert [add(), add(member_id=None), add(member_id="  ")] == ["BJC-001", "BJC-002", "BJC-003"]
    # Numbers typed by hand count, in any case; other prefixes and other shapes don't.
    add(member_id="bjc-041")
    add(member_id="OLD-900")
    add(member_id="BJC-77A")
    add(member_id="BJC-")
    assert service.next_member_id() == "BJC-042"
    assert add() == "BJC-042"
    add(member_id="BJC-999")
    assert add() == "BJC-1000"
    # A new prefix starts its own count; the old IDs stay as they were.
    _set_prefix(db, "OLD-")
    assert add() == "OLD-901"
    # Characters LIKE would read as wildcards are a prefix's own.
    _set_prefix(db, "A_%")
    add(member_id="AB%005")
    assert add() == "A_%001"


def test_two_athletes_added_at_the_same_moment_never_share_a_member_id(
    db: Database, belts: dict[str, int]
) -> None:
    # Two windows on the same data folder: two Database objects, so only SQLite's write
    # lock stands between their transactions.
    windows = [open_database(db.path), open_database(db.path)]
    services = [AthletesService(w, today=lambda: TODAY) for w in windows]
    start = threading.Barrier(2)
    made: list[str] = []
    failures: list[BaseException] = []

    def add_many(index: int) -> None:
        try:
            start.wait()
            for n in range(15):
                name = f"Window {index} athlete {n}"
                athlete = services[index].create(form(belts, full_name=name))
                assert athlete.member_id is not None
                made.append(athlete.member_id)
        except BaseException as error:  # reported below, with the thread's story
            failures.append(error)

    threads = [threading.Thread(target=add_many, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for window in windows:
        window.close()

    assert failures == []
    assert sorted(made) == [f"JM-{n:03d}" for n in range(1, 31)]


# Papers: the licence and the medical certificate


@pytest.mark.parametrize(
    ("until", "state"),
    [
        ("2026-06-14", "expired"),
        ("2026-06-15", "expiring"),  # the last day it is valid
        ("2026-07-15", "expiring"),  # 30 days from today
        ("2026-07-16", "valid"),
    ],
)
def test_a_paper_is_expired_expiring_or_valid_as_of_the_services_today(
    service: AthletesService, belts: dict[str, int], until: str, state: str
) -> None:
    ayu = service.create(form(belts, licence_valid_until=until))

    assert (ayu.licence.valid_until, ayu.licence.state, ayu.licence.from_document) == (
        until,
        state,
        False,
    )
    assert (ayu.medical.valid_until, ayu.medical.state) == (None, None)
    (row,) = service.roster({}).rows
    assert (row.licence_until, row.licence_state) == (until, state)
    assert (row.medical_until, row.medical_state) == (None, None)


def test_a_paper_comes_from_the_newest_document_when_it_is_later_than_the_typed_date(
    service: AthletesService, belts: dict[str, int], choose: Chooser
) -> None:
    ayu = service.create(
        form(belts, licence_valid_until="2026-06-01", medical_valid_until="2027-03-01")
    )
    assert (ayu.licence.state, ayu.medical.state) == ("expired", "valid")

    scan = photo_bytes((80, 50))
    for until in ("2026-06-20", "2027-05-31", "2026-12-31"):
        ayu = service.add_document(
            ayu.id,
            ayu.revision,
            choose("licence.jpg", scan),
            document(kind="licence_card", title="PJSI licence card", valid_until=until),
        )
    ayu = service.add_document(
        ayu.id,
        ayu.revision,
        choose("medical.pdf", pdf_bytes()),
        document(valid_until="2026-12-01"),  # earlier than the typed date, which stands
    )

    assert ayu.licence == Paper("2027-05-31", "valid", True)
    assert ayu.medical == Paper("2027-03-01", "valid", False)
    assert ayu.licence_valid_until == "2026-06-01"  # the typed date stays as typed
    (row,) = service.roster({}).rows
    assert (row.licence_until, row.licence_state) == ("2027-05-31", "valid")
    assert (row.medical_until, row.medical_state) == ("2027-03-01", "valid")
    # Other kinds of document never count as the licence or the medical.
    budi = service.create(form(belts, full_name="Budi Santoso"))
    budi = service.add_document(
        budi.id,
        budi.revision,
        choose("dan.pdf", pdf_bytes()),
        document(kind="grading_certificate", title="1st Dan", valid_until="2030-01-01"),
    )
    assert (budi.licence.valid_until, budi.medical.valid_until) == (None, None)


def test_the_roster_filters_by_papers_and_club(
    db: Database, service: AthletesService, belts: dict[str, int], choose: Chooser
) -> None:
    garuda, elang = _club(db, "Garuda"), _club(db, "Elang")
    people = {
        # name: (club, licence, medical)
        "Ayu": (garuda, "2027-01-01", "2027-01-01"),  # valid
        "Budi": (garuda, "2026-06-01", "2027-01-01"),  # licence expired
        "Citra": (elang, "2026-07-01", "2027-01-01"),  # licence expiring
        "Dewi": (elang, "2026-07-01", "2026-05-01"),  # expiring and expired: expired
        "Eko": (None, "2027-01-01", None),  # medical missing
        "Fajar": (None, None, None),  # both missing
        "Gita": (elang, "2027-01-01", "2026-06-01"),  # medical expired, but see below
    }
    ids = {}
    for name, (club, licence, medical) in people.items():
        athlete = service.create(
            form(
                belts,
                full_name=name,
                club_id=club,
                licence_valid_until=licence,
                medical_valid_until=medical,
            )
        )
        ids[name] = athlete.id
    # Gita's new medical certificate outdates the typed date: she is "expiring" now.
    gita = service.get(ids["Gita"])
    service.add_document(
        gita.id,
        gita.revision,
        choose("medical.pdf", pdf_bytes()),
        document(valid_until="2026-07-10"),
    )

    def names(**filters: object) -> list[str]:
        roster = service.roster({"status": "all", **filters})
        assert roster.total == len(people)
        by_id = {v: k for k, v in ids.items()}
        return [by_id[row.id] for row in roster.rows]

    assert names() == list(people)
    assert names(papers="all") == list(people)
    assert names(papers="expired") == ["Budi", "Dewi"]
    assert names(papers="expiring") == ["Citra", "Gita"]
    assert names(papers="missing") == ["Eko", "Fajar"]
    assert names(club_id=garuda) == ["Ayu", "Budi"]
    assert names(club_id=elang, papers="expiring") == ["Citra", "Gita"]
    assert names(club_id=elang, papers="expired", search="dew") == ["Dewi"]
    rows = {row.id: row for row in service.roster({"status": "all"}).rows}
    assert (rows[ids["Dewi"]].licence_state, rows[ids["Dewi"]].medical_state) == (
        "expiring",
        "expired",
    )
    assert rows[ids["Ayu"]].club_id == garuda and rows[ids["Eko"]].club_id is None
    assert rows[ids["Ayu"]].member_id == "JM-001"


def test_the_roster_refuses_a_club_deleted_meanwhile_and_a_made_up_papers_filter(
    db: Database, service: AthletesService, belts: dict[str, int]
) -> None:
    club = _club(db, "Garuda")
    service.create(form(belts, club_id=club))
    with db.write() as conn:
        conn.execute("DELETE FROM clubs WHERE id = ?", (club,))

    with pytest.raises(NotFoundError, match="That club is no longer there"):
        service.roster({"club_id": club})
    with pytest.raises(ValidationError) as error:
        service.roster({"papers": "lost", "club_id": True})
    assert set(problems(error)) == {"papers", "club_id"}


# Documents


def test_a_document_is_kept_with_its_file_and_comes_back_byte_for_byte(
    db: Database, service: AthletesService, belts: dict[str, int], choose: Chooser
) -> None:
    ayu = service.create(form(belts))
    pdf = pdf_bytes(pages=2)

    ayu = service.add_document(
        ayu.id,
        ayu.revision,
        choose("akta-kelahiran.pdf", pdf),
        document(
            kind="birth_certificate",
            title="  Akta kelahiran  ",
            issued_on="2010-04-10",
            valid_until=None,
            notes="Certified copy",
        ),
    )
    ayu = service.add_document(
        ayu.id, ayu.revision, choose("ktp.png", photo_bytes(kind="PNG")), document(kind="id_card")
    )

    assert service.get(ayu.id) == ayu
    newest, first = ayu.documents
    assert (newest.kind, first.kind) == ("id_card", "birth_certificate")
    assert (first.title, first.issued_on, first.valid_until) == (
        "Akta kelahiran",
        "2010-04-10",
        None,
    )
    assert (first.notes, first.validity) == ("Certified copy", None)
    assert (first.media.file_name, first.media.media_type) == (
        "akta-kelahiran.pdf",
        "application/pdf",
    )
    assert first.media.byte_size == len(pdf)
    assert _bytes_of(db, first.media.id) == pdf
    assert (newest.media.media_type, newest.media.width, newest.media.height) == (
        "image/png",
        64,
        32,
    )
    assert newest.validity == "valid"


def test_a_document_is_corrected_and_deleted_with_its_file(
    db: Database, service: AthletesService, belts: dict[str, int], choose: Chooser
) -> None:
    ayu = service.create(form(belts))
    ayu = service.add_document(ayu.id, ayu.revision, choose("m.pdf", pdf_bytes()), document())
    (medical,) = ayu.documents

    ayu = service.update_document(
        medical.id,
        ayu.revision,
        document(title="Medical check (corrected)", valid_until="2026-07-01"),
    )
    (corrected,) = ayu.documents
    assert (corrected.title, corrected.valid_until, corrected.validity) == (
        "Medical check (corrected)",
        "2026-07-01",
        "expiring",
    )
    assert corrected.media == medical.media  # the file stays
    assert ayu.medical.state == "expiring"

    ayu = service.delete_document(medical.id, ayu.revision)
    assert ayu.documents == []
    assert ayu.medical == Paper(None, None, False)
    assert _stored_files(db) == (0, 0)
    with pytest.raises(NotFoundError, match="That document is no longer there"):
        service.delete_document(medical.id, ayu.revision)
    with pytest.raises(NotFoundError, match="That document is no longer there"):
        service.update_document(medical.id, ayu.revision, document())


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": "x" * 1_000_000}, "title", "Title is too long (at most 120 characters)."),
        ({"title": "  "}, "title", "Title is required."),
        ({"kind": "passport"}, "kind", "Type must be one of"),
        ({"kind": None}, "kind", "Please choose a document type."),
        (
            {"issued_on": "2026-03-01", "valid_until": "2026-02-28"},
            "valid_until",
            "Valid until can't be before the date issued.",
        ),
        ({"issued_on": "2026-06-16"}, "issued_on", "Date issued can't be in the future."),
        ({"valid_until": "someday"}, "valid_until", "Valid until is not a valid date."),
        ({"notes": "x" * 2001}, "notes", "Notes is too long"),
    ],
)
def test_a_wrong_document_form_stores_nothing_and_keeps_its_file_for_the_correction(
    db: Database,
    service: AthletesService,
    belts: dict[str, int],
    choose: Chooser,
    changes: dict[str, Any],
    field: str,
    message: str,
) -> None:
    ayu = service.create(form(belts))
    token = choose("medical.pdf", pdf_bytes())

    with pytest.raises(ValidationError) as error:
        service.add_document(ayu.id, ayu.revision, token, document(**changes))

    assert list(problems(error)) == [field]
    assert message in problems(error)[field]
    assert service.get(ayu.id) == ayu
    assert _stored_files(db) == (0, 0)
    # The coach corrects the field and saves again: the chosen file is still there.
    ayu = service.add_document(ayu.id, ayu.revision, token, document())
    assert len(ayu.documents) == 1


def test_a_file_token_is_good_once_and_only_for_what_it_was_chosen_for(
    db: Database, service: AthletesService, belts: dict[str, int], choose: Chooser
) -> None:
    ayu = service.create(form(belts))
    token = choose("medical.pdf", pdf_bytes())
    ayu = service.add_document(ayu.id, ayu.revision, token, document())

    # Sent twice (a double click, a replayed call): the second finds nothing to keep.
    with pytest.raises(ConflictError, match=r"no longer at hand\. Please choose it again"):
        service.add_document(ayu.id, ayu.revision, token, document(title="Again"))
    # A photo's token sent as a document, and a document's as a photo.
    photo = choose("face.jpg", photo_bytes(), "photo")
    with pytest.raises(ConflictError, match="no longer at hand"):
        service.add_document(ayu.id, ayu.revision, photo, document(title="Face"))
    scan = choose("scan.jpg", photo_bytes(), "document")
    with pytest.raises(ConflictError, match="no longer at hand"):
        service.set_photo(ayu.id, ayu.revision, scan)
    for made_up in ("made-up", None, 42, ["x"]):
        with pytest.raises(ConflictError, match="no longer at hand"):
            service.add_document(ayu.id, ayu.revision, made_up, document())

    assert service.get(ayu.id) == ayu
    assert _stored_files(db) == (1, 1)


def test_a_document_added_after_another_window_changed_the_athlete_is_refused(
    db: Database, service: AthletesService, belts: dict[str, int], choose: Chooser
) -> None:
    opened = service.create(form(belts))
    # Another window saves first.
    newer = service.update(opened.id, opened.revision, edit(opened, school="SMA 3"))
    token = choose("medical.pdf", pdf_bytes())

    for stale in (
        lambda: service.add_document(opened.id, opened.revision, token, document()),
        lambda: service.set_photo(opened.id, opened.revision, token),
        lambda: service.remove_photo(opened.id, opened.revision),
    ):
        with pytest.raises(StaleRecordError, match="changed since you opened the form"):
            stale()
    assert service.get(opened.id) == newer
    assert _stored_files(db) == (0, 0)
    # Reloaded, the page saves it with the file the coach had chosen.
    saved = service.add_document(newer.id, newer.revision, token, document())
    assert len(saved.documents) == 1


def test_every_document_write_changes_the_athletes_revision(
    service: AthletesService, belts: dict[str, int], choose: Chooser
) -> None:
    ayu = service.create(form(belts))
    added = service.add_document(ayu.id, ayu.revision, choose("m.pdf", pdf_bytes()), document())
    document_id = added.documents[0].id
    corrected = service.update_document(document_id, added.revision, document(title="Renamed"))
    with_photo = service.set_photo(
        ayu.id, corrected.revision, choose("f.jpg", photo_bytes(), "photo")
    )
    without_photo = service.remove_photo(ayu.id, with_photo.revision)
    deleted = service.delete_document(document_id, without_photo.revision)

    revisions = [a.revision for a in (ayu, added, corrected, with_photo, without_photo, deleted)]
    assert len(set(revisions)) == len(revisions)
    with pytest.raises(StaleRecordError):
        service.remove_photo(ayu.id, added.revision)


def test_a_document_of_someone_else_or_made_up_is_no_write_target(
    service: AthletesService, belts: dict[str, int], choose: Chooser
) -> None:
    ayu = service.create(form(belts))
    budi = service.create(form(belts, full_name="Budi Santoso"))
    budi = service.add_document(budi.id, budi.revision, choose("m.pdf", pdf_bytes()), document())
    theirs = budi.documents[0].id

    # Ayu's page names Budi's document with Ayu's revision: Budi's revision is checked.
    with pytest.raises(StaleRecordError):
        service.update_document(theirs, ayu.revision, document(title="Ayu's now"))
    with pytest.raises(StaleRecordError):
        service.delete_document(theirs, ayu.revision)
    for bad_id in (True, "1", 0, -1, 2**63, None):
        with pytest.raises(NotFoundError, match="That document is no longer there"):
            service.update_document(bad_id, budi.revision, document())  # type: ignore[arg-type]
    assert service.get(budi.id) == budi


# Proofs on promotions and medals


def test_a_promotion_and_a_medal_carry_their_proof_until_it_is_deleted(
    service: AthletesService, belts: dict[str, int], choose: Chooser
) -> None:
    ayu = service.create(form(belts))
    ayu = service.add_document(
        ayu.id,
        ayu.revision,
        choose("grading.pdf", pdf_bytes()),
        document(kind="grading_certificate", title="Green belt", valid_until=None),
    )
    ayu = service.add_document(
        ayu.id,
        ayu.revision,
        choose("podium.jpg", photo_bytes()),
        document(kind="medal_proof", title="City Open podium", valid_until=None),
    )
    podium, grading = ayu.documents

    ayu = service.add_promotion(
        ayu.id,
        ayu.revision,
        {"promoted_on": "2025-01-01", "belt_id": belts["Green"], "proof_document_id": grading.id},
    )
    ayu = service.add_medal(
        ayu.id,
        ayu.revision,
        {
            "competition": "City Open",
            "held_on": "2025-02-01",
            "place": "gold",
            "proof_document_id": podium.id,
        },
    )
    assert ayu.promotions[0].proof_document_id == grading.id
    assert ayu.medals[0].proof_document_id == podium.id
    # A correction may take the proof away, or give another.
    ayu = service.update_medal(
        ayu.medals[0].id,
        ayu.revision,
        {"competition": "City Open", "held_on": "2025-02-01", "place": "gold"},
    )
    assert ayu.medals[0].proof_document_id is None
    ayu = service.update_promotion(
        ayu.promotions[0].id,
        ayu.revision,
        {"promoted_on": "2025-01-02", "belt_id": belts["Green"], "proof_document_id": podium.id},
    )
    assert (ayu.promotions[0].promoted_on, ayu.promotions[0].proof_document_id) == (
        "2025-01-02",
        podium.id,
    )

    # Deleting the document leaves the promotion, with no proof.
    ayu = service.delete_document(podium.id, ayu.revision)
    assert [p.proof_document_id for p in ayu.promotions] == [None]
    assert len(ayu.promotions) == 1


def test_another_athletes_document_is_refused_as_a_proof(
    service: AthletesService, belts: dict[str, int], choose: Chooser
) -> None:
    ayu = service.create(form(belts))
    budi = service.create(form(belts, full_name="Budi Santoso"))
    budi = service.add_document(
        budi.id, budi.revision, choose("grading.pdf", pdf_bytes()), document(kind="medal_proof")
    )
    theirs = budi.documents[0].id

    with pytest.raises(ValidationError) as error:
        service.add_promotion(
            ayu.id,
            ayu.revision,
            {"promoted_on": "2025-01-01", "belt_id": belts["Green"], "proof_document_id": theirs},
        )
    assert problems(error) == {
        "proof_document_id": "That document is not among Ayu Lestari's documents; please "
        "choose one of theirs."
    }
    for proof in (theirs, 987654, "podium.jpg"):
        with pytest.raises(ValidationError) as error:
            service.add_medal(
                ayu.id,
                ayu.revision,
                {
                    "competition": "City Open",
                    "held_on": "2025-02-01",
                    "place": "gold",
                    "proof_document_id": proof,
                },
            )
        assert list(problems(error)) == ["proof_document_id"]
    assert service.get(ayu.id) == ayu


# The photo


def test_a_photo_is_set_replaced_and_removed_and_its_old_file_goes(
    db: Database, service: AthletesService, belts: dict[str, int], choose: Chooser
) -> None:
    ayu = service.create(form(belts))

    ayu = service.set_photo(ayu.id, ayu.revision, choose("ayu.jpg", photo_bytes(), "photo"))
    first = ayu.photo_id
    assert first is not None and _stored_files(db) == (1, 1)
    (row,) = service.roster({}).rows
    assert row.photo_id == first

    ayu = service.set_photo(
        ayu.id, ayu.revision, choose("new.png", photo_bytes(kind="PNG"), "photo")
    )
    assert ayu.photo_id not in (None, first)
    assert _stored_files(db) == (1, 1)  # the old photo's file went with it

    ayu = service.remove_photo(ayu.id, ayu.revision)
    assert ayu.photo_id is None
    assert _stored_files(db) == (0, 0)
    # A PDF is never a photo: refused when chosen, before any form sees it.
    with pytest.raises(MediaRefusedError):
        choose("licence.pdf", pdf_bytes(), "photo")


# Deleting and undoing


def test_deleting_an_athlete_deletes_their_photo_and_documents_files(
    db: Database, service: AthletesService, belts: dict[str, int], choose: Chooser
) -> None:
    ayu = service.create(form(belts))
    budi = service.create(form(belts, full_name="Budi Santoso"))
    for athlete in (ayu, budi):
        athlete = service.set_photo(
            athlete.id, athlete.revision, choose("f.jpg", photo_bytes(), "photo")
        )
        service.add_document(athlete.id, athlete.revision, choose("m.pdf", pdf_bytes()), document())

    service.delete(ayu.id, service.get(ayu.id).revision)

    assert _stored_files(db) == (2, 2)
    budi = service.get(budi.id)
    assert budi.photo_id is not None and len(budi.documents) == 1


def _digest(db: Database, media_id: int | None) -> str:
    assert media_id is not None
    return hashlib.sha256(_bytes_of(db, media_id)).hexdigest()


def test_undo_gives_back_the_photo_documents_and_proofs_byte_for_byte(
    db: Database, service: AthletesService, belts: dict[str, int], choose: Chooser
) -> None:
    ayu = service.create(form(belts, club_id=None, school="SMP 1", joined_on="2019-01-05"))
    ayu = service.set_photo(
        ayu.id, ayu.revision, choose("ayu.jpg", photo_bytes((120, 90)), "photo")
    )
    pdf = pdf_bytes(pages=3, padding=50_000)
    for name, data, kind in (
        ("grading.pdf", pdf, "grading_certificate"),
        ("licence.webp", photo_bytes(kind="WEBP"), "licence_card"),
    ):
        ayu = service.add_document(
            ayu.id, ayu.revision, choose(name, data), document(kind=kind, title=name)
        )
    licence, grading = ayu.documents
    ayu = service.add_promotion(
        ayu.id,
        ayu.revision,
        {"promoted_on": "2025-01-01", "belt_id": belts["Green"], "proof_document_id": grading.id},
    )
    before = ayu
    budi = service.create(form(belts, full_name="Budi Santoso"))
    files_before = {
        "photo": _digest(db, ayu.photo_id),
        "grading.pdf": _digest(db, grading.media.id),
        "licence.webp": _digest(db, licence.media.id),
    }

    deleted = service.delete(ayu.id, ayu.revision)
    assert _stored_files(db) == (0, 0)
    # Meanwhile another athlete's photo takes the freed file ids.
    budi = service.set_photo(budi.id, budi.revision, choose("budi.jpg", photo_bytes(), "photo"))
    back = service.undo_delete(deleted.undo_token)

    assert back.revision != before.revision  # a form still open on the deleted one is stale
    assert _same_but_files(back) == _same_but_files(before)
    assert [d.media.file_name for d in back.documents] == ["licence.webp", "grading.pdf"]
    assert [d.media.created_at for d in back.documents] == [
        d.media.created_at for d in before.documents
    ]
    assert back.promotions[0].proof_document_id == grading.id
    assert {
        "photo": _digest(db, back.photo_id),
        "grading.pdf": _digest(db, back.documents[1].media.id),
        "licence.webp": _digest(db, back.documents[0].media.id),
    } == files_before
    assert _bytes_of(db, back.documents[1].media.id) == pdf
    assert _stored_files(db) == (4, 4)
    assert service.get(budi.id).photo_id == budi.photo_id


def _same_but_files(athlete: Athlete) -> dict[str, object]:
    """The athlete as the coach sees it, but for the revision and the files' ids."""
    return {
        **{
            key: value
            for key, value in vars(athlete).items()
            if key not in ("revision", "photo_id", "documents")
        },
        "documents": [
            (d.id, d.kind, d.title, d.issued_on, d.valid_until, d.created_at, d.media.byte_size)
            for d in athlete.documents
        ],
    }


def test_an_undo_whose_document_id_was_taken_meanwhile_changes_nothing(
    db: Database, service: AthletesService, belts: dict[str, int], choose: Chooser
) -> None:
    ayu = service.create(form(belts))
    ayu = service.set_photo(ayu.id, ayu.revision, choose("f.jpg", photo_bytes(), "photo"))
    ayu = service.add_document(ayu.id, ayu.revision, choose("m.pdf", pdf_bytes()), document())
    budi = service.create(form(belts, full_name="Budi Santoso"))
    deleted = service.delete(ayu.id, ayu.revision)
    budi = service.add_document(budi.id, budi.revision, choose("b.pdf", pdf_bytes()), document())
    assert budi.documents[0].id == ayu.documents[0].id  # the freed id, taken

    with pytest.raises(ConflictError, match="changed since"):
        service.undo_delete(deleted.undo_token)

    assert [row.id for row in service.roster({}).rows] == [budi.id]
    assert _stored_files(db) == (1, 1)  # the photo put back first was rolled back too
    assert service.get(budi.id) == budi
