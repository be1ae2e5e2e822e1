"""Club and organisation logos, chosen on the page and kept inside the database: each stored
file has one holder, and none is left behind when a logo is replaced, removed or its club
deleted."""

from __future__ import annotations

from pathlib import Path

import pytest

from judo_manager.bridge import JudoManagerApi
from judo_manager.clubs.service import ClubsService
from judo_manager.db import Database
from judo_manager.errors import ConflictError, MediaRefusedError, NotFoundError
from judo_manager.media.service import MediaService
from judo_manager.wiring import AppServices
from tests.media_files import ChoosingWindow, pdf_bytes, photo_bytes, write

FORM = {"name": "Dojo Kano", "short_name": None, "federation": None, "city": None, "contact": None}


@pytest.fixture
def media(db: Database) -> MediaService:
    return MediaService(db)


@pytest.fixture
def clubs(db: Database, media: MediaService) -> ClubsService:
    return ClubsService(db, media)


def chosen_logo(media: MediaService, folder: Path, name: str = "logo.png") -> str:
    """The token of a logo chosen on the page (a PNG, as a club's logo usually is)."""
    path = write(folder, name, photo_bytes((120, 120), kind="PNG"))
    return media.hold(media.check_file(path, "logo"), "logo").token


def orphans(db: Database) -> list[int]:
    """Stored files no club, organisation, athlete or document holds, and bytes of none."""
    conn = db.connection()
    held = conn.execute(
        "SELECT id FROM media WHERE id NOT IN ("
        "SELECT logo_id FROM clubs WHERE logo_id IS NOT NULL "
        "UNION SELECT logo_id FROM organisation WHERE logo_id IS NOT NULL "
        "UNION SELECT photo_id FROM athletes WHERE photo_id IS NOT NULL "
        "UNION SELECT media_id FROM documents)"
    ).fetchall()
    loose = conn.execute(
        "SELECT media_id FROM media_data WHERE media_id NOT IN (SELECT id FROM media)"
    ).fetchall()
    return [row[0] for row in [*held, *loose]]


def stored(db: Database) -> int:
    return int(db.connection().execute("SELECT count(*) FROM media").fetchone()[0])


def test_a_club_gets_a_logo_and_a_new_one_replaces_it(
    db: Database, clubs: ClubsService, media: MediaService, tmp_path: Path
) -> None:
    [club] = clubs.create(FORM)

    [with_logo] = clubs.set_logo(club.id, chosen_logo(media, tmp_path))
    first = with_logo.logo_id
    assert first is not None
    assert media.info(first).file_name == "logo.png"
    assert [t.media_id for t in media.thumbnails([first])] == [first]

    [replaced] = clubs.set_logo(club.id, chosen_logo(media, tmp_path, "new-logo.webp"))

    assert replaced.logo_id not in (None, first)
    with pytest.raises(NotFoundError):
        media.info(first)  # the old logo went with the change
    assert (stored(db), orphans(db)) == (1, [])
    assert clubs.clubs() == [replaced]


def test_removing_a_logo_or_deleting_its_club_leaves_no_stored_file(
    db: Database, clubs: ClubsService, media: MediaService, tmp_path: Path
) -> None:
    clubs.create(FORM)
    listed = clubs.create({**FORM, "name": "Dojo Lama"})
    kano, lama = (next(c for c in listed if c.name == name) for name in ("Dojo Kano", "Dojo Lama"))
    clubs.set_logo(kano.id, chosen_logo(media, tmp_path))
    clubs.set_logo(lama.id, chosen_logo(media, tmp_path))
    assert stored(db) == 2

    after_remove = clubs.remove_logo(kano.id)
    assert [c.logo_id for c in after_remove if c.id == kano.id] == [None]
    assert (stored(db), orphans(db)) == (1, [])

    remaining = clubs.delete(lama.id)
    assert [c.name for c in remaining] == ["Dojo Kano"]
    assert (stored(db), orphans(db)) == (0, [])
    # Removing a logo a club doesn't have changes nothing, and says nothing.
    assert clubs.remove_logo(kano.id) == remaining


def test_a_logo_token_used_twice_is_refused_the_second_time(
    db: Database, clubs: ClubsService, media: MediaService, tmp_path: Path
) -> None:
    clubs.create(FORM)
    listed = clubs.create({**FORM, "name": "Dojo Lama"})
    kano, lama = (next(c for c in listed if c.name == name) for name in ("Dojo Kano", "Dojo Lama"))
    token = chosen_logo(media, tmp_path)
    clubs.set_logo(kano.id, token)

    with pytest.raises(ConflictError, match=r"no longer at hand\. Please choose it again"):
        clubs.set_logo(lama.id, token)
    with pytest.raises(ConflictError):
        clubs.set_organisation_logo(token)

    assert {c.name: c.logo_id is not None for c in clubs.clubs()} == {
        "Dojo Kano": True,
        "Dojo Lama": False,
    }
    assert clubs.organisation().logo_id is None
    assert (stored(db), orphans(db)) == (1, [])


def test_a_file_chosen_as_a_photo_or_document_is_not_taken_as_a_logo(
    db: Database, clubs: ClubsService, media: MediaService, tmp_path: Path
) -> None:
    [club] = clubs.create(FORM)
    photo = write(tmp_path, "coach.jpg", photo_bytes((80, 80)))
    scan = write(tmp_path, "statutes.pdf", pdf_bytes())
    tokens = [
        media.hold(media.check_file(photo, "photo"), "photo").token,
        media.hold(media.check_file(scan, "document"), "document").token,
        "a-token-the-page-made-up",
        None,
    ]

    for token in tokens:
        with pytest.raises(ConflictError, match="Please choose it again"):
            clubs.set_logo(club.id, token)
    with pytest.raises(MediaRefusedError):
        media.check_file(scan, "logo")  # a PDF is never a logo in the first place

    assert clubs.clubs() == [club] and stored(db) == 0


def test_a_logo_for_a_club_deleted_meanwhile_stores_nothing_and_keeps_the_file_chosen(
    db: Database, clubs: ClubsService, media: MediaService, tmp_path: Path
) -> None:
    [gone] = clubs.create(FORM)
    clubs.delete(gone.id)
    token = chosen_logo(media, tmp_path)

    with pytest.raises(NotFoundError, match="That club is no longer there"):
        clubs.set_logo(gone.id, token)
    assert stored(db) == 0
    with pytest.raises(NotFoundError, match="That club is no longer there"):
        clubs.remove_logo(gone.id)

    # The coach can still put the chosen file on another club.
    [other] = clubs.create({**FORM, "name": "Dojo Lama"})
    assert clubs.set_logo(other.id, token)[0].logo_id is not None


def test_the_organisation_logo_is_set_replaced_and_removed_leaving_nothing(
    db: Database, clubs: ClubsService, media: MediaService, tmp_path: Path
) -> None:
    clubs.update_organisation({"name": "Bogor Judo Club", "member_id_prefix": "BJC-"})

    first = clubs.set_organisation_logo(chosen_logo(media, tmp_path)).logo_id
    second = clubs.set_organisation_logo(chosen_logo(media, tmp_path, "v2.png"))

    assert first is not None and second.logo_id not in (None, first)
    assert (second.name, second.member_id_prefix) == ("Bogor Judo Club", "BJC-")
    assert media.info(second.logo_id or 0).file_name == "v2.png"
    assert (stored(db), orphans(db)) == (1, [])
    removed = clubs.remove_organisation_logo()
    assert (removed.name, removed.logo_id, removed.member_id_prefix) == (
        "Bogor Judo Club",
        None,
        "BJC-",
    )
    assert (stored(db), orphans(db)) == (0, [])


def test_an_organisation_logo_in_a_file_without_its_row_brings_the_row_back(
    db: Database, clubs: ClubsService, media: MediaService, tmp_path: Path
) -> None:
    with db.write() as conn:
        conn.execute("DELETE FROM organisation")

    branded = clubs.set_organisation_logo(chosen_logo(media, tmp_path))

    assert (branded.name, branded.member_id_prefix) == (None, "JM-")
    assert branded.logo_id is not None and clubs.organisation() == branded
    assert clubs.remove_organisation_logo().logo_id is None
    assert (stored(db), orphans(db)) == (0, [])


def test_a_logo_chosen_in_the_window_reaches_the_club_through_the_bridge(
    db: Database, tmp_path: Path
) -> None:
    # The app's media.chooseFile and clubs.setLogo share one media service: the token the
    # page gets from one is the file the other keeps.
    club_logo = write(tmp_path, "club.png", photo_bytes((90, 90), kind="PNG"))
    brand = write(tmp_path, "brand.jpg", photo_bytes((90, 60)))
    api = JudoManagerApi(AppServices.build(db), ChoosingWindow(club_logo, brand, None))
    [club] = api.clubs.create({"name": "Dojo Kano"})

    pending = api.media.chooseFile("logo")
    assert pending is not None and pending["fileName"] == "club.png"
    [with_logo] = api.clubs.setLogo(club["id"], pending["token"])
    brand_pending = api.media.chooseFile("logo")
    assert brand_pending is not None
    organisation = api.clubs.setOrganisationLogo(brand_pending["token"])

    assert [t["mediaId"] for t in api.media.thumbnails([with_logo["logoId"]])] == [
        with_logo["logoId"]
    ]
    assert organisation["logoId"] not in (None, with_logo["logoId"])
    assert api.media.chooseFile("logo") is None  # cancelled: nothing changes
    assert api.clubs.removeLogo(club["id"])[0]["logoId"] is None
    assert api.clubs.removeOrganisationLogo()["logoId"] is None
    assert (stored(db), orphans(db)) == (0, [])
