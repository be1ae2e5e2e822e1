"""A restore by rename: the old file becomes the safety copy, the checked file takes its name.

Killed at every step (the real `judo-manager restore`, SIGKILLed by the app's own seam), and
with the swap's intent record left pointing at files in every state a power cut could leave,
the next start gives the coach the complete old data, or the complete new data with its
safety copy, and nothing left over.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
from pathlib import Path

import pytest

from judo_manager.db import open_database, swap
from judo_manager.db.layout import DataFolder
from judo_manager.jobs import JobLock
from judo_manager.restore import safety_copies
from judo_manager.restore.service import RestoreService
from tests.conftest import data_digest, make_backup, make_club, run_cli

# Killed after these steps, the restore hasn't happened yet; after the others it has.
BEFORE_THE_RENAME = ("made-self-contained", "staged-synced", "recorded", "linked")
BEFORE_THE_RECORD = ("made-self-contained", "staged-synced")


def _athletes(path: Path) -> int:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM athletes").fetchone()[0])
    finally:
        conn.close()


def _leftovers(data_dir: Path) -> list[str]:
    """What a settled data folder must not hold: staged copies, records, journals."""
    names = (
        [p.name for p in (data_dir / "staging").glob("*")]
        if (data_dir / "staging").exists()
        else []
    )
    names += [p.name for p in data_dir.glob(".judo-manager.swap*") if not p.name.endswith(".lock")]
    names += [p.name for p in data_dir.glob("*-journal")]
    names += [p.name for p in data_dir.rglob(".*.partial")]  # byte copies cut short
    return names


@pytest.mark.parametrize("step", swap.STEPS)
def test_a_restore_killed_at_any_step_leaves_old_or_new_data_whole_and_undoable(
    data_dir: Path, tmp_path: Path, step: str
) -> None:
    live = make_club(data_dir, 40)
    old = data_digest(live)
    backup = make_backup(tmp_path / "usb" / "backup.db", 120)
    new = data_digest(backup)

    killed = run_cli(data_dir, "restore", str(backup), "--yes", env={swap.STOP_AT_ENV: step})
    assert killed.returncode == -signal.SIGKILL, killed.stderr

    reopened = open_database(live)  # what the next start does
    try:
        assert reopened.connection().execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        undo = RestoreService(reopened, JobLock()).undo_status()
        if step in BEFORE_THE_RENAME:
            assert data_digest(live) == old
            assert undo is None  # no safety copy of data that never left
            assert list((data_dir / "safety").glob("*")) == []
        else:
            assert data_digest(live) == new
            assert undo is not None and undo.athletes == 40
            RestoreService(reopened, JobLock()).undo()
            assert data_digest(live) == old
    finally:
        reopened.close()
    left = _leftovers(data_dir)
    if step in BEFORE_THE_RECORD:
        # Killed before the swap began, as during the check: the staged copy is cleared a
        # day later (`DataFolder.clean_stale`), as another process may be checking it now.
        assert [name for name in left if not name.startswith("restore-")] == []
    else:
        assert left == []


def test_a_restore_by_rename_keeps_the_old_file_itself_as_the_safety_copy(
    data_dir: Path, tmp_path: Path
) -> None:
    live = make_club(data_dir, 40)
    old_inode, old = live.stat().st_ino, data_digest(live)
    db = open_database(live)
    service = RestoreService(db, JobLock())
    try:
        outcome = service.restore(service.inspect(make_backup(tmp_path / "b.db", 90)).token)

        assert outcome.athletes == 90 and outcome.undo is not None
        copy = outcome.undo.path
        # Not a second copy of the data: the very file that was live, whole by itself.
        assert copy.stat().st_ino == old_inode and data_digest(copy) == old
        assert not any(copy.with_name(copy.name + s).exists() for s in ("-wal", "-journal"))
        mode = db.connection().execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"  # the coach's edits go on as before
        with db.write() as conn:
            conn.execute("INSERT INTO clubs(name) VALUES ('After the restore')")
        assert data_digest(copy) == old  # the copy is no longer the live file
        service.undo()
        assert data_digest(live) == old
    finally:
        db.close()
    assert _leftovers(data_dir) == []


def test_with_another_program_reading_the_file_the_restore_copies_over_it_instead(
    data_dir: Path, tmp_path: Path
) -> None:
    live = make_club(data_dir, 40)
    db = open_database(live)
    service = RestoreService(db, JobLock())
    # A backup command or a viewer, say: SQLite won't leave WAL mode under its feet.
    other = sqlite3.connect(live, isolation_level=None)
    try:
        assert other.execute("SELECT count(*) FROM athletes").fetchone()[0] == 40
        outcome = service.restore(service.inspect(make_backup(tmp_path / "b.db", 70)).token)

        assert outcome.athletes == 70 and outcome.undo is not None
        assert outcome.undo.path.stat().st_ino != live.stat().st_ino  # a copy, verified
        # The other program's connection still reads the live file, and sees the new data.
        assert other.execute("SELECT count(*) FROM athletes").fetchone()[0] == 70
    finally:
        other.close()
        db.close()


def test_where_open_files_cant_be_renamed_the_restore_copies_over_the_live_file(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from judo_manager.db import fileio

    monkeypatch.setattr(fileio, "RENAME_OPEN_FILES", False)  # as on Windows
    live = make_club(data_dir, 40)
    inode = live.stat().st_ino
    db = open_database(live)
    service = RestoreService(db, JobLock())
    try:
        outcome = service.restore(service.inspect(make_backup(tmp_path / "b.db", 70)).token)
        assert outcome.athletes == 70 and live.stat().st_ino == inode
        assert outcome.undo is not None and outcome.undo.athletes == 40
    finally:
        db.close()


def test_a_connection_opened_across_the_rename_reads_the_new_file(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from judo_manager.db import connection

    live = make_club(data_dir, 40)
    newer = make_club(tmp_path / "newer", 25)
    opened = connection._open

    def open_then_swap(path: Path, **kwargs: bool) -> sqlite3.Connection:
        conn = opened(path, **kwargs)
        if newer.exists():  # the first open straddles the rename
            os.replace(newer, live)
        return conn

    monkeypatch.setattr(connection, "_open", open_then_swap)
    conn = connection.connect(live)
    try:
        assert conn.execute("SELECT count(*) FROM athletes").fetchone()[0] == 25
    finally:
        conn.close()


# --- A power cut: the record left beside files in every state the steps can leave. ---


def _half_done(data_dir: Path, tmp_path: Path) -> tuple[Path, Path, Path, str, str]:
    """A live club (40 athletes, self-contained, as step 1 leaves it), a staged file of
    another (120), the record naming them and a safety copy not yet made; their digests."""
    live = make_club(data_dir, 40)
    conn = sqlite3.connect(live, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    folder = DataFolder(data_dir)
    folder.staging.mkdir()
    staged = folder.staging / "restore-0123456789ab.db"
    shutil.copyfile(make_backup(tmp_path / "b.db", 120), staged)
    safety = safety_copies.next_name(folder, "restore")
    intent = swap.Intent(
        staged.relative_to(data_dir),
        safety.relative_to(data_dir),
        staged.stat().st_ino,
        staged.stat().st_size,
        swap._head_of(staged),
    )
    swap._write_record(folder, intent)
    return live, staged, safety, data_digest(live), data_digest(staged)


def _after_restart(live: Path) -> tuple[str, Path | None]:
    db = open_database(live)
    try:
        assert db.connection().execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        undo = RestoreService(db, JobLock()).undo_status()
        return data_digest(live), None if undo is None else undo.path
    finally:
        db.close()


def test_a_power_cut_before_the_safety_copy_leaves_the_old_data(
    data_dir: Path, tmp_path: Path
) -> None:
    live, staged, _safety, old, _new = _half_done(data_dir, tmp_path)

    assert _after_restart(live) == (old, None)
    assert not staged.exists() and _leftovers(data_dir) == []


@pytest.mark.parametrize("copied", [False, True], ids=["hard link", "byte copy"])
def test_a_power_cut_after_the_safety_copy_leaves_the_old_data_and_no_copy(
    data_dir: Path, tmp_path: Path, copied: bool
) -> None:
    live, _staged, safety, old, _new = _half_done(data_dir, tmp_path)
    if copied:  # a drive without hard links
        shutil.copyfile(live, safety)
    else:
        os.link(live, safety)

    assert _after_restart(live) == (old, None)
    assert not safety.exists() and _leftovers(data_dir) == []


def test_a_power_cut_during_the_byte_copy_of_the_safety_copy_leaves_no_part_of_it(
    data_dir: Path, tmp_path: Path
) -> None:
    # A drive without hard links copies the old file to the safety name, through a partial
    # file as large as the data; cut short there, the restart must not keep it for good.
    live, _staged, safety, old, _new = _half_done(data_dir, tmp_path)
    safety.parent.mkdir(exist_ok=True)
    partial = safety.with_name(f".{safety.name}.partial")
    partial.write_bytes(live.read_bytes()[: live.stat().st_size // 2])

    assert _after_restart(live) == (old, None)
    assert not safety.exists() and _leftovers(data_dir) == []


@pytest.mark.parametrize("same_inode", [True, False], ids=["renamed", "inode not kept"])
def test_a_power_cut_after_the_rename_leaves_the_new_data_with_its_safety_copy(
    data_dir: Path, tmp_path: Path, same_inode: bool
) -> None:
    live, staged, safety, old, new = _half_done(data_dir, tmp_path)
    os.link(live, safety)
    if same_inode:
        os.replace(staged, live)
    else:  # a drive whose inode numbers change: told apart by content
        live.unlink()
        shutil.copyfile(staged, live)
        staged.unlink()

    assert _after_restart(live) == (new, safety)
    assert data_digest(safety) == old and _leftovers(data_dir) == []


def test_a_live_file_lost_by_the_drive_is_put_back_from_the_safety_copy(
    data_dir: Path, tmp_path: Path
) -> None:
    live, _staged, safety, old, _new = _half_done(data_dir, tmp_path)
    os.link(live, safety)
    live.unlink()

    assert _after_restart(live)[0] == old
    assert _leftovers(data_dir) == []


@pytest.mark.parametrize(
    "record",
    [
        b"",
        b"{not json",
        b'["a list"]',
        json.dumps({"version": 1, "staged": "judo_manager.db", "safety": "safety/x.db"}).encode(),
        # Names outside the app's own files: nothing may be deleted on its word.
        json.dumps(
            {
                "version": 1,
                "staged": "../outside/restore-0123456789ab.db",
                "safety": "safety/pre-restore-000001-20260101-120000-000000.db",
                "inode": 1,
                "size": 1,
                "head": "",
            }
        ).encode(),
    ],
    ids=["empty", "cut short", "not a record", "missing fields", "outside the folder"],
)
def test_a_garbled_swap_record_is_dropped_and_no_file_is_touched(
    data_dir: Path, tmp_path: Path, record: bytes
) -> None:
    live = make_club(data_dir, 40)
    old = data_digest(live)
    outside = tmp_path / "outside" / "restore-0123456789ab.db"
    outside.parent.mkdir()
    outside.write_bytes(b"the coach's own file")
    DataFolder(data_dir).swap_record.write_bytes(record)

    assert _after_restart(live) == (old, None)
    assert outside.read_bytes() == b"the coach's own file"
    assert _leftovers(data_dir) == []
