"""Photos and documents in backups, on real files: counted with their size, compared row by
row, checked before a restore accepts them, and given back byte for byte by a restore and
by its undo."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from judo_manager.athletes.service import AthletesService
from judo_manager.backup.service import BackupService
from judo_manager.bridge import JudoManagerApi
from judo_manager.cli import main
from judo_manager.db import Database, open_database
from judo_manager.db.comparison import KindDifference
from judo_manager.db.layout import database_path
from judo_manager.db.snapshot import write_verified_copy
from judo_manager.demo.generator import fill_demo_club
from judo_manager.errors import RestoreRejectedError
from judo_manager.jobs import JobLock
from judo_manager.media.service import MediaService
from judo_manager.restore.service import RestoreService
from judo_manager.window.handle import DesktopWindow
from judo_manager.wiring import AppServices
from tests.conftest import table_dump
from tests.media_files import pdf_bytes, photo_bytes
from tests.stored_records import add_document, add_photo, name_of, stored_files

# Bigger than one piece read through blob I/O (1 MiB), as a scanned certificate is.
SCAN = pdf_bytes(pages=2, padding=3_000_000)


@pytest.fixture
def club(db: Database, tmp_path: Path) -> Database:
    """The live club: 8 athletes, the first with a photo, the second with a certificate."""
    fill_demo_club(db, 8, seed=1)
    add_photo(db, 1, _folder(tmp_path, "live"), photo_bytes((320, 400), color="#16a34a"))
    add_document(db, 2, _folder(tmp_path, "live"), title="Medical certificate 2025")
    return db


def _folder(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "chosen" / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _other_club(tmp_path: Path, name: str = "records.db") -> Path:
    """A backup of another club: photos of athletes 1 and 4, a scanned certificate (3 MB)
    of athlete 2 and a licence card photographed as a PNG of athlete 3."""
    other = open_database(database_path(tmp_path / f"other-{name}"))
    chosen = _folder(tmp_path, name)
    fill_demo_club(other, 6, seed=2)
    add_photo(other, 1, chosen, photo_bytes((1200, 1600)))
    add_photo(other, 4, chosen, photo_bytes((900, 1200), color="#9333ea"))
    add_document(other, 2, chosen, SCAN, title="Medical certificate", name="scan.pdf")
    add_document(
        other,
        3,
        chosen,
        photo_bytes((600, 400), kind="PNG"),
        name="licence.png",
        kind="licence_card",
        title="Licence card",
        issued_on="2025-01-10",
        valid_until=None,
    )
    destination = tmp_path / name
    write_verified_copy(other.path, destination, scratch_dir=tmp_path / "scratch")
    other.close()
    return destination


def _service(db: Database) -> RestoreService:
    return RestoreService(db, JobLock())


def _by_table(differences: object) -> dict[str, KindDifference]:
    assert differences is not None
    return {d.table: d for d in differences}  # type: ignore[attr-defined]


def test_a_restore_and_its_undo_give_back_every_file_byte_for_byte(
    club: Database, tmp_path: Path
) -> None:
    before = stored_files(club.path)
    backup = _other_club(tmp_path)
    in_backup = stored_files(backup)
    service = _service(club)

    service.restore(service.inspect(backup).token)

    assert stored_files(club.path) == in_backup
    assert SCAN in in_backup.values()
    # Read back as the page and "Save a copy…" read them: through the media service.
    media = MediaService(club)
    ids = [row[0] for row in club.connection().execute("SELECT id FROM media ORDER BY id")]
    for media_id in ids:
        copy = tmp_path / "copies" / f"{media_id}.bin"
        copy.parent.mkdir(exist_ok=True)
        media.save_copy(media_id, copy)
        assert copy.read_bytes() in in_backup.values()
    thumbnails = media.thumbnails(ids)
    assert len(thumbnails) == 3  # the two photos and the PNG scan; a PDF has none

    service.undo()

    assert stored_files(club.path) == before
    assert club.connection().execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_counts_show_photos_and_documents_with_their_size(
    club: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = AppServices.build(club)
    api = JudoManagerApi(services, DesktopWindow())
    backup = _other_club(tmp_path)

    plan = services.restore.inspect(backup)
    services.restore.discard_pending()
    exported = services.backup.export(tmp_path / "mine.db", replace=False)

    photos, documents = _sizes(backup)
    assert (plan.backup.contents["photos"], plan.backup.contents.size("photos")) == (2, photos)
    assert (plan.backup.contents["documents"], plan.backup.contents.size("documents")) == (
        2,
        documents,
    )
    assert plan.current is not None and plan.current.contents["photos"] == 1
    assert plan.backup.contents.size("athletes") is None  # athletes aren't files
    counts = {c["kind"]: (c["count"], c["bytes"]) for c in api.system.getAppInfo()["contents"]}
    assert counts["photos"] == (1, _sizes(club.path)[0])
    assert counts["athletes"] == (8, None)
    last = api.system.getLastBackup()
    assert last is not None
    assert {c["kind"]: c["bytes"] for c in last["contents"]}["documents"] == _sizes(club.path)[1]
    assert (
        exported.contents is not None and exported.contents.size("photos") == _sizes(club.path)[0]
    )

    assert main(["--data-dir", str(club.path.parent), "inspect", str(backup)]) == 0
    out = capsys.readouterr().out
    assert re.search(r"photos +2 \(\d+ KB\) +1 \(\d+ KB\)", out), out
    assert re.search(r"documents +2 \(3\.\d MB\) +1 \(\d KB\)", out), out
    assert main(["--data-dir", str(club.path.parent), "status"]) == 0
    assert re.search(
        r"8 athletes, .*1 photo \(\d+ KB\), 1 document \(\d KB\)", capsys.readouterr().out
    )


def _sizes(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        photos = conn.execute(
            "SELECT sum(length(data)) FROM media_data WHERE media_id IN "
            "(SELECT photo_id FROM athletes)"
        ).fetchone()[0]
        documents = conn.execute(
            "SELECT sum(length(data)) FROM media_data WHERE media_id IN "
            "(SELECT media_id FROM documents)"
        ).fetchone()[0]
        return int(photos), int(documents)
    finally:
        conn.close()


def test_a_changed_photo_or_document_names_its_athlete_in_the_preview(
    club: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chosen = _folder(tmp_path, "later")
    backup = BackupService(club, JobLock()).export(tmp_path / "before.db", replace=False).path
    add_photo(club, 1, chosen, photo_bytes((320, 400), color="#dc2626"))  # a new photo
    add_photo(club, 3, chosen)  # a first photo
    athletes = AthletesService(club)
    athlete = athletes.get(2)
    (document,) = athlete.documents
    athletes.update_document(
        document.id,
        athlete.revision,
        {
            "kind": document.kind,
            "title": "Medical certificate 2026",
            "issued_on": document.issued_on,
            "valid_until": document.valid_until,
            "notes": document.notes,
        },
    )
    add_document(club, 5, chosen, title="Grading certificate", kind="grading_certificate")
    names = {i: name_of(club.path, i) for i in (1, 2, 3, 5)}

    plan = _service(club).inspect(backup)

    people = _by_table(plan.differences)["athletes"]
    changed = {d.label: d for d in people.changed_examples}
    assert set(changed) == set(names.values())
    photo = changed[names[1]].fields
    assert [(str(f.field), str(f.current), str(f.other)) for f in photo] == [
        ("photo", "a photo", "a different photo")
    ]
    first = changed[names[3]].fields
    assert [(str(f.field), str(f.current), str(f.other)) for f in first] == [
        ("photo", "a photo", "—")
    ]
    for name, (mine, theirs) in ((names[2], (1, 1)), (names[5], (1, 0))):
        [documents] = changed[name].children
        assert (documents.table, documents.only_current, documents.only_other) == (
            "documents",
            mine,
            theirs,
        )
    documents = _by_table(plan.differences)["documents"]
    assert (documents.only_current, documents.only_other, documents.parent) == (2, 1, "athletes")
    _service(club).discard_pending()

    assert main(["--data-dir", str(club.path.parent), "inspect", str(backup)]) == 0
    out = capsys.readouterr().out
    assert f"{names[1]}: photo a photo -> a different photo" in out
    assert f"{names[2]}: 1 document only in your data; 1 document only in the backup" in out
    assert not re.search(r"[0-9a-f]{64}", out)  # a digest is never shown


def _photo_of(athlete: int) -> str:
    return f"(SELECT photo_id FROM athletes WHERE id = {athlete})"


_DOCUMENT = "(SELECT media_id FROM documents WHERE athlete_id = 2)"
_STRAY = (
    "INSERT INTO media(id, media_type, file_name, byte_size, sha256) "
    "VALUES (99, 'application/pdf', 'stray.pdf', 9, '{digest}')",
    "INSERT INTO media_data(media_id, data) VALUES (99, CAST('%PDF-1.4' || char(10) AS BLOB))",
)
# What another program (or a failing disk) did to a genuine backup, and what the coach is
# told: {1} is the name of athlete 1 (who has a photo), {2} of athlete 2 (a certificate).
DAMAGED: dict[str, tuple[tuple[str, ...], str]] = {
    "bytes-missing": (
        (f"DELETE FROM media_data WHERE media_id = {_photo_of(1)}",),
        "the photo of {1} has no stored bytes",
    ),
    "cut-short": (
        (f"UPDATE media_data SET data = substr(data, 1, 1000) WHERE media_id = {_DOCUMENT}",),
        "the document “Medical certificate” of {2} is not the size its record says: it is "
        "incomplete or was changed",
    ),
    "kind-mislabelled": (
        (f"UPDATE media SET media_type = 'image/png' WHERE id = {_photo_of(1)}",),
        "the photo of {1} isn't a PNG picture, as its record says it is",
    ),
    "bytes-of-another-kind": (
        # The photo's first five bytes overwritten in place (blob I/O keeps it a blob).
        (f"OVERWRITE %PDF- AT {_photo_of(1)}",),
        "the photo of {1} isn't a JPEG picture, as its record says it is",
    ),
    "thumbnail-not-jpeg": (
        (f"UPDATE media SET thumbnail = x'89504E470D0A1A0A' WHERE id = {_photo_of(1)}",),
        "the thumbnail of the photo of {1} isn't a JPEG picture",
    ),
    "every-thumbnail": (
        ("UPDATE media SET thumbnail = x'00' WHERE thumbnail IS NOT NULL",),
        r"the thumbnail of the photo of {1} isn't a JPEG picture \(and 2 other files\)",
    ),
    "held-by-nobody": (
        _STRAY,
        r"a stored file \(stray\.pdf\) belongs to no athlete, document, club or organisation",
    ),
    "held-twice": (
        (f"UPDATE clubs SET logo_id = {_photo_of(1)}",),
        "the same stored file is held by the photo of {1} and the logo of the club Demo Judo "
        "Club, but a file belongs to one only",
    ),
    "pdf-as-photo": (
        (*_STRAY, "UPDATE athletes SET photo_id = 99 WHERE id = 3"),
        "the photo of {3} is a PDF, where a photo or logo must be a picture",
    ),
    "digest-unreadable": (
        (f"UPDATE media SET sha256 = upper(sha256) WHERE id = {_photo_of(1)}",),
        "the photo of {1} has a digest Judo Manager can't read",
    ),
    "type-outside-the-rule": (
        (
            "PRAGMA ignore_check_constraints = 1",
            f"UPDATE media SET media_type = 'image/gif' WHERE id = {_photo_of(1)}",
        ),
        r"1 stored file has values outside the rule media_type IN .*, e\.g\. the photo of {1}",
    ),
    "valid-until-unreadable": (
        ("UPDATE documents SET valid_until = '31/12/2026' WHERE athlete_id = 2",),
        r"1 document has dates \(valid until\) Judo Manager can't read, e\.g\. '31/12/2026' for "
        "“Medical certificate” of {2}",
    ),
    "issued-on-impossible": (
        ("UPDATE documents SET issued_on = '2025-02-30' WHERE athlete_id = 2",),
        r"1 document has dates \(issued on\) Judo Manager can't read, e\.g\. '2025-02-30'",
    ),
    "licence-date-unreadable": (
        ("UPDATE athletes SET licence_valid_until = 'next year' WHERE id = 1",),
        r"1 athlete has dates \(licence valid until\) Judo Manager can't read, e\.g\. "
        "'next year' for {1}",
    ),
}


@pytest.mark.parametrize("kind", DAMAGED)
def test_a_backup_whose_stored_files_were_damaged_is_refused_with_the_athlete_named(
    club: Database, tmp_path: Path, kind: str
) -> None:
    statements, message = DAMAGED[kind]
    backup = _damaged_backup(tmp_path, statements)
    names = {str(i): name_of(backup, i) for i in (1, 2, 3)}
    before = table_dump(club.path)

    with pytest.raises(RestoreRejectedError) as refused:
        _service(club).inspect(backup)

    expected = re.sub(r"\{(\d)\}", lambda m: re.escape(names[m[1]]), message)
    said = str(refused.value)
    assert re.search(f"^{re.escape(backup.name)} can't be restored: {expected}", said), said
    assert said.endswith("Nothing was changed; use another backup.") or "fix it in" in said
    assert table_dump(club.path) == before
    assert list((club.path.parent / "staging").glob("*")) == []


def _damaged_backup(tmp_path: Path, statements: tuple[str, ...]) -> Path:
    backup = _other_club(tmp_path, "damaged.db")
    conn = sqlite3.connect(backup, isolation_level=None)  # foreign keys off, as SQLite has it
    digest = conn.execute("SELECT sha256 FROM media LIMIT 1").fetchone()[0]
    for statement in statements:
        if overwrite := re.fullmatch(r"OVERWRITE (\S+) AT (.+)", statement):
            media_id = conn.execute(f"SELECT {overwrite[2]}").fetchone()[0]
            with conn.blobopen("media_data", "data", media_id) as blob:
                blob.write(overwrite[1].encode())
        else:
            conn.execute(statement.replace("{digest}", digest))
    conn.close()
    return backup


def test_a_backup_with_sound_files_is_accepted(club: Database, tmp_path: Path) -> None:
    plan = _service(club).inspect(_other_club(tmp_path))

    assert plan.backup.contents["photos"] == 2 and plan.backup.contents["documents"] == 2
