"""`judo-manager demo`: a club that looks like a real one, photos and papers included."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
from collections import Counter
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from judo_manager.db import Database, open_database
from judo_manager.db.layout import database_path
from judo_manager.demo.generator import fill_demo_club
from judo_manager.media.service import MediaService
from tests.conftest import run_cli
from tests.stored_records import stored_files

TODAY = dt.date.today()


@pytest.fixture
def with_photos(db: Database) -> Database:
    fill_demo_club(db, 6, seed=5, photos=True)
    return db


def test_each_athlete_has_a_portrait_that_passes_the_checks_a_chosen_photo_does(
    with_photos: Database, tmp_path: Path
) -> None:
    conn = with_photos.connection()
    photo_ids = [row[0] for row in conn.execute("SELECT photo_id FROM athletes ORDER BY id")]
    assert len(photo_ids) == 6 and None not in photo_ids
    media = MediaService(with_photos)

    for media_id in photo_ids:
        copy = tmp_path / f"{media_id}.jpg"
        media.save_copy(media_id, copy)  # checks the bytes against their digest
        again = media.check_file(copy, "photo")
        assert (again.media_type, again.width, again.height) == ("image/jpeg", 1200, 1600)
        # As big as a phone's portrait, not a few kilobytes of flat colour.
        assert 300_000 <= copy.stat().st_size <= 600_000
    assert len(media.thumbnails(photo_ids)) == 6
    # Six different faces.
    assert len({media.info(i).byte_size for i in photo_ids}) == 6


def test_the_papers_are_pdfs_that_say_what_their_record_says(with_photos: Database) -> None:
    conn = with_photos.connection()
    rows = conn.execute(
        "SELECT d.kind, d.valid_until, a.full_name, a.medical_valid_until, a.licence_valid_until, "
        "md.data FROM documents d JOIN athletes a ON a.id = d.athlete_id "
        "JOIN media m ON m.id = d.media_id JOIN media_data md ON md.media_id = m.id "
        "WHERE m.media_type = 'application/pdf'"
    ).fetchall()
    total = conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    assert len(rows) == total >= 6
    for kind, until, name, medical, licence, data in rows:
        text = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
        assert name in text
        if kind == "medical_certificate":
            assert until == medical
            assert f"Medical certificate — {name} — valid until {until}" in text
        if kind == "licence_card":
            assert until == licence


def test_some_licences_and_medicals_have_run_out_and_some_soon_will(db: Database) -> None:
    fill_demo_club(db, 300, seed=3)

    states: Counter[str] = Counter()
    for column in ("licence_valid_until", "medical_valid_until"):
        for (until,) in db.connection().execute(f"SELECT {column} FROM athletes"):
            if until is None:
                states["missing"] += 1
                continue
            days = (dt.date.fromisoformat(until) - TODAY).days
            states["expired" if days < 0 else "expiring" if days <= 30 else "valid"] += 1
    assert all(states[state] >= 15 for state in ("missing", "expired", "expiring", "valid"))
    assert states["valid"] > states["expired"] + states["expiring"]
    member_ids = [row[0] for row in db.connection().execute("SELECT member_id FROM athletes")]
    assert len(set(member_ids)) == 300 and member_ids[0] == "JM-001"


def test_the_same_seed_makes_the_same_files(with_photos: Database, tmp_path: Path) -> None:
    again = open_database(database_path(tmp_path / "again"))
    try:
        fill_demo_club(again, 6, seed=5, photos=True)
        assert stored_files(again.path) == stored_files(with_photos.path)
    finally:
        again.close()


def test_the_command_adds_photos_and_papers_counted_with_their_size(data_dir: Path) -> None:
    first = run_cli(data_dir, "demo", "--athletes", "2", "--photos")
    more = run_cli(data_dir, "demo", "--athletes", "1", "--force")

    assert first.returncode == 0, first.stderr
    assert "2 photos (" in first.stdout and " documents (" in first.stdout
    assert more.returncode == 0, more.stderr  # the demo club is found again, not made twice
    conn = sqlite3.connect(database_path(data_dir))
    try:
        assert conn.execute("SELECT count(*) FROM clubs").fetchone()[0] == 1
        assert conn.execute("SELECT count(photo_id) FROM athletes").fetchone()[0] == 2
        ids = [row[0] for row in conn.execute("SELECT member_id FROM athletes ORDER BY id")]
        assert ids == ["JM-001", "JM-002", "JM-003"]
    finally:
        conn.close()
    thumbnail = Image.open(io.BytesIO(_first_thumbnail(data_dir)))
    assert thumbnail.format == "JPEG" and max(thumbnail.size) == 256


def _first_thumbnail(data_dir: Path) -> bytes:
    conn = sqlite3.connect(database_path(data_dir))
    try:
        return conn.execute("SELECT thumbnail FROM media WHERE thumbnail IS NOT NULL").fetchone()[0]
    finally:
        conn.close()
