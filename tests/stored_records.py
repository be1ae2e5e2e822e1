"""Photos and documents given to a test club's athletes, as the app keeps them.

Each file goes through the media service's checks and is held for the form
(`MediaService.check_file`, `MediaService.hold`), then given to the athlete by the athletes
service, as a file the coach chose would be.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from judo_manager.athletes.service import AthletesService
from judo_manager.db import Database
from judo_manager.media.service import MediaService
from tests.media_files import pdf_bytes, photo_bytes, write


def _athletes(db: Database, media: MediaService) -> AthletesService:
    return AthletesService(db, media=media)


def add_photo(db: Database, athlete_id: int, folder: Path, data: bytes | None = None) -> int:
    """Give the athlete a photo (a small JPEG unless `data`); its media id."""
    media = MediaService(db)
    checked = media.check_file(
        write(folder, f"photo-{athlete_id}.jpg", data or photo_bytes()), "photo"
    )
    athletes = _athletes(db, media)
    revision = athletes.get(athlete_id).revision
    athlete = athletes.set_photo(athlete_id, revision, media.hold(checked, "photo").token)
    assert athlete.photo_id is not None
    return athlete.photo_id


def add_document(
    db: Database,
    athlete_id: int,
    folder: Path,
    data: bytes | None = None,
    *,
    name: str = "certificate.pdf",
    kind: str = "medical_certificate",
    title: str = "Medical certificate",
    issued_on: str | None = "2025-03-01",
    valid_until: str | None = "2026-03-01",
    notes: str | None = None,
) -> int:
    """Give the athlete a document (a small PDF unless `data`); its document id."""
    media = MediaService(db)
    checked = media.check_file(write(folder, name, data or pdf_bytes()), "document")
    athletes = _athletes(db, media)
    before = athletes.get(athlete_id)
    after = athletes.add_document(
        athlete_id,
        before.revision,
        media.hold(checked, "document").token,
        {
            "kind": kind,
            "title": title,
            "issued_on": issued_on,
            "valid_until": valid_until,
            "notes": notes,
        },
    )
    (added,) = {d.id for d in after.documents} - {d.id for d in before.documents}
    return added


def name_of(path: Path, athlete_id: int) -> str:
    """The athlete's full name in the database at `path`."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return str(
            conn.execute("SELECT full_name FROM athletes WHERE id = ?", (athlete_id,)).fetchone()[0]
        )
    finally:
        conn.close()


def stored_files(path: Path) -> dict[str, bytes]:
    """Every stored file of the database at `path`, by who holds it ("photo of Ana Silva",
    "Medical certificate of Budi Santoso"): its bytes, and its thumbnail's."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT 'photo of ' || a.full_name, m.id FROM athletes a JOIN media m "
            "ON m.id = a.photo_id "
            "UNION ALL SELECT d.title || ' of ' || a.full_name, d.media_id FROM documents d "
            "JOIN athletes a ON a.id = d.athlete_id"
        ).fetchall()
        files: dict[str, bytes] = {}
        for holder, media_id in rows:
            data, thumbnail = conn.execute(
                "SELECT d.data, m.thumbnail FROM media m JOIN media_data d ON d.media_id = m.id "
                "WHERE m.id = ?",
                (media_id,),
            ).fetchone()
            files[holder] = bytes(data)
            files[f"thumbnail of the {holder}"] = bytes(thumbnail or b"")
        return files
    finally:
        conn.close()
