"""The day a backup is needed most: the club's data on this computer is damaged.

Every kind of damage a disk or a crash leaves (an empty file, a cut-off one, a scribbled
header, one scribbled page) is found, named in coach words, never turned into an empty
club, and rescued by `restore` and `undo-restore` from the command line: the damaged file is
kept aside exactly as it was, and the rescued data passes SQLite's full integrity check.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from judo_manager.db import Database, open_database
from judo_manager.db.layout import database_path
from judo_manager.errors import DamagedDatabaseError, FileInUseError
from judo_manager.jobs import JobLock
from judo_manager.restore.service import RestoreService
from tests.conftest import file_digest, make_backup, make_club, run_cli


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _cut_off(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _header_scribbled(path: Path) -> None:
    with path.open("r+b") as file:
        file.write(os.urandom(100))


def _page_scribbled(path: Path) -> None:
    # A whole page in the middle of the athletes and their promotions.
    pages = path.stat().st_size // 4096
    with path.open("r+b") as file:
        file.seek((pages // 2) * 4096)
        file.write(os.urandom(4096))


DAMAGE: dict[str, tuple[Callable[[Path], None], str]] = {
    "empty": (_empty, "is empty"),
    "cut-off": (_cut_off, "is cut off"),
    "header-scribbled": (_header_scribbled, "isn't a database file"),
    "page-scribbled": (_page_scribbled, "can't be read|fails SQLite's check"),
}


def _athletes_and_integrity(path: Path) -> tuple[int, str]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return (
            conn.execute("SELECT count(*) FROM athletes").fetchone()[0],
            conn.execute("PRAGMA integrity_check").fetchone()[0],
        )
    finally:
        conn.close()


def _damaged_copies(data_dir: Path) -> list[Path]:
    return sorted(data_dir.glob("damaged-*.db"))


@pytest.mark.parametrize("kind", DAMAGE)
def test_damaged_live_data_is_named_and_never_becomes_an_empty_club(
    data_dir: Path, kind: str
) -> None:
    live = make_club(data_dir, 300)
    damage, words = DAMAGE[kind]
    damage(live)
    before = file_digest(live)

    with pytest.raises(DamagedDatabaseError, match="Your club's data on this computer is damaged"):
        open_database(live)
    with pytest.raises(DamagedDatabaseError, match=words):
        open_database(live)
    assert file_digest(live) == before


@pytest.mark.parametrize("kind", DAMAGE)
def test_restore_rescues_damaged_live_data_and_keeps_it_aside(
    data_dir: Path, tmp_path: Path, kind: str
) -> None:
    live = make_club(data_dir, 300)
    backup = make_backup(tmp_path / "usb" / "good.db", 45)
    DAMAGE[kind][0](live)
    damaged_digest = file_digest(live)

    inspected = run_cli(data_dir, "inspect", str(backup))
    restored = run_cli(data_dir, "restore", str(backup), "--yes")

    assert inspected.returncode == 0, inspected.stderr
    assert "good.db can be restored" in inspected.stdout and "damaged" in inspected.stdout
    assert restored.returncode == 0, restored.stderr
    for result in (inspected, restored):
        assert "Traceback" not in result.stderr + result.stdout
        assert "Your club's data on this computer is damaged" in result.stderr
    (aside,) = _damaged_copies(data_dir)
    assert f"kept aside, as it was, in {aside}" in restored.stdout
    assert file_digest(aside) == damaged_digest
    assert _athletes_and_integrity(live) == (45, "ok")
    assert list((data_dir / "staging").glob("*")) == []
    # Opened as the app opens it, the rescued data is the backup's club.
    open_database(live).close()


def test_undo_restore_rescues_damaged_live_data_too(data_dir: Path, tmp_path: Path) -> None:
    live = make_club(data_dir, 300)
    backup = make_backup(tmp_path / "usb" / "good.db", 45)
    assert run_cli(data_dir, "restore", str(backup), "--yes").returncode == 0
    _page_scribbled(live)
    damaged_digest = file_digest(live)

    undone = run_cli(data_dir, "undo-restore", "--yes")

    assert undone.returncode == 0, undone.stderr
    assert "back as it was before the restore (300 athletes)" in undone.stdout
    (aside,) = _damaged_copies(data_dir)
    assert file_digest(aside) == damaged_digest
    assert _athletes_and_integrity(live) == (300, "ok")


def test_a_healthy_restore_keeps_no_damaged_copy(data_dir: Path, tmp_path: Path) -> None:
    make_club(data_dir, 300)
    backup = make_backup(tmp_path / "usb" / "good.db", 45)

    restored = run_cli(data_dir, "restore", str(backup), "--yes")

    assert restored.returncode == 0, restored.stderr
    assert "damaged" not in restored.stdout + restored.stderr
    assert _damaged_copies(data_dir) == []


def test_a_backup_says_the_live_data_is_damaged_rather_than_failing_oddly(
    data_dir: Path, tmp_path: Path
) -> None:
    live = make_club(data_dir, 300)
    _header_scribbled(live)

    result = run_cli(data_dir, "backup", str(tmp_path))

    assert result.returncode == 1
    assert result.stderr.startswith("error: Your club's data on this computer is damaged")
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_a_first_start_cut_short_leaves_no_empty_database(data_dir: Path) -> None:
    # What a first start leaves while it works: a database being made beside the real name.
    live = database_path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / ".judo_manager.db.dead.new").write_bytes(b"")

    open_database(live).close()

    assert _athletes_and_integrity(live) == (0, "ok")


def test_after_a_rescue_no_older_restore_is_offered_for_undo(
    data_dir: Path, tmp_path: Path
) -> None:
    live = make_club(data_dir, 300)
    backup = make_backup(tmp_path / "usb" / "good.db", 45)
    assert run_cli(data_dir, "restore", str(backup), "--yes").returncode == 0
    _header_scribbled(live)

    rescued = run_cli(data_dir, "restore", str(backup), "--yes")
    undo = run_cli(data_dir, "undo-restore", "--yes")

    assert rescued.returncode == 0 and "undo-restore puts it back" not in rescued.stdout
    # The safety copy left from the first restore holds older data than the damaged file.
    assert undo.returncode == 1 and "There is no restore to undo" in undo.stderr
    assert _athletes_and_integrity(live) == (45, "ok")


def test_a_rescue_waits_for_no_one_and_refuses_while_another_task_has_the_file_open(
    data_dir: Path, tmp_path: Path
) -> None:
    live = make_club(data_dir, 300)
    backup = make_backup(tmp_path / "usb" / "good.db", 45)
    db = Database(live)
    opened, done = threading.Event(), threading.Event()

    def another_task() -> None:  # a bridge call still reading when the coach confirms
        conn = db.connection()
        conn.execute("SELECT count(*) FROM athletes").fetchone()
        opened.set()
        done.wait(30)
        conn.execute("SELECT 1").fetchone()  # its work goes on with the file it opened

    task = threading.Thread(target=another_task)
    task.start()
    opened.wait(30)
    _header_scribbled(live)
    damaged_digest = file_digest(live)
    service = RestoreService(db, JobLock())
    try:
        with pytest.raises(FileInUseError, match="still reading the club's data"):
            service.restore(service.inspect(backup).token)
    finally:
        done.set()
        task.join(30)

    assert file_digest(live) == damaged_digest and _damaged_copies(data_dir) == []
