"""A failing or full data disk: the data still comes out, and every message says what it is.

A disk that starts failing is often remounted read-only by Linux; a full disk refuses every
write. These mount real filesystems (a read-only bind mount, a small tmpfs), so they need
root, as CI has; they fail loudly without it.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from judo_manager.bridge import JudoManagerApi
from judo_manager.db import Database, open_database
from judo_manager.db.layout import database_path
from judo_manager.demo.generator import fill_demo_club
from judo_manager.errors import DiskFullError
from judo_manager.window.handle import DesktopWindow
from judo_manager.wiring import AppServices
from tests.conftest import assert_valid_backup, mounted_tmpfs, run_cli

NEW_ATHLETE = {
    "fullName": "Ana Silva",
    "birthDate": "2011-05-03",
    "sex": "F",
    "beltId": 1,
    "weightKg": 38.5,
    "licenceNumber": None,
    "phone": None,
    "email": None,
    "guardianName": None,
    "guardianPhone": None,
    "notes": None,
    "active": True,
}


def _require_root() -> None:
    if os.geteuid() != 0:
        pytest.fail("these tests mount filesystems and need root")


@contextmanager
def _read_only_view(folder: Path, view: Path) -> Iterator[Path]:
    """`folder` seen through a read-only bind mount at `view`, as a disk remounted read-only."""
    view.mkdir()
    subprocess.run(["mount", "--bind", str(folder), str(view)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], check=True)
        yield view
    finally:
        subprocess.run(["umount", str(view)], check=True)


def test_a_read_only_data_disk_still_backs_up_what_the_app_last_saved(
    data_dir: Path, tmp_path: Path
) -> None:
    _require_root()
    db = open_database(database_path(data_dir))
    fill_demo_club(db, 80)
    # The app is still running when the disk turns read-only: its last work is in the WAL.
    writer = sqlite3.connect(db.path, isolation_level=None)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute(
        "INSERT INTO athletes(full_name, search_name, birth_date, sex) "
        "VALUES ('Late Addition', 'late addition', '2010-01-01', 'M')"
    )
    assert database_path(data_dir).with_name("judo_manager.db-wal").stat().st_size > 0
    usb = tmp_path / "usb"
    usb.mkdir()

    with _read_only_view(data_dir, tmp_path / "failing-disk") as failing:
        listing_before = sorted(p.name for p in failing.iterdir())
        result = run_cli(failing, "backup", str(usb / "rescue.db"))
        listing_after = sorted(p.name for p in failing.iterdir())

    writer.close()
    db.close()
    assert result.returncode == 0, result.stderr
    assert "Backed up to" in result.stdout and "81 athletes" in result.stdout
    assert "isn't in its backup log" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert listing_after == listing_before
    assert_valid_backup(usb / "rescue.db", 81)


@pytest.fixture
def small_data_disk(tmp_path: Path) -> Iterator[Path]:
    """A data folder with a club of 200 athletes, on a 3 MB tmpfs."""
    _require_root()
    folder = tmp_path / "small-disk"
    folder.mkdir()
    with mounted_tmpfs(folder, "size=3m"):
        db = open_database(database_path(folder))
        fill_demo_club(db, 200)
        db.close()
        yield folder


def _fill(folder: Path) -> None:
    """Write to the disk until it takes no more."""
    with (folder / "filler").open("wb", buffering=0) as file, pytest.raises(OSError):
        while True:
            file.write(b"\0" * 4096)


@pytest.fixture
def full_data_disk(small_data_disk: Path) -> Path:
    """The club's data folder on a disk that is full to the last byte."""
    _fill(small_data_disk)
    return small_data_disk


def test_adding_an_athlete_when_the_disk_fills_up_says_the_disk_is_full(
    small_data_disk: Path,
) -> None:
    db = open_database(database_path(small_data_disk))
    try:
        api = JudoManagerApi(AppServices.build(db), DesktopWindow())
        before = db.connection().execute("SELECT count(*) FROM athletes").fetchone()[0]
        _fill(small_data_disk)  # while the app is running

        with pytest.raises(DiskFullError, match=r"The disk is full\. Free some space and try "):
            # Enough writing to need a new page of the log, whatever was free.
            for number in range(200):
                api.athletes.create({**NEW_ATHLETE, "fullName": f"Ana Silva {number}"})
        added = db.connection().execute("SELECT count(*) FROM athletes").fetchone()[0] - before
    finally:
        db.close()
    # Each athlete was added whole or not at all: a fresh start sees exactly those.
    reopened = Database(database_path(small_data_disk))
    count = reopened.connection().execute("SELECT count(*) FROM athletes").fetchone()[0]
    assert count == before + added
    reopened.close()


def test_starting_on_a_full_disk_says_the_disk_is_full(full_data_disk: Path) -> None:
    with pytest.raises(DiskFullError, match="The disk is full"):
        open_database(database_path(full_data_disk))
    with pytest.raises(DiskFullError, match="The disk is full"):
        open_database(full_data_disk / "second-club" / "judo_manager.db")
    assert not (full_data_disk / "second-club" / "judo_manager.db").exists()


def test_a_backup_from_a_full_data_disk_works_and_prints_no_traceback(
    full_data_disk: Path, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()

    result = run_cli(full_data_disk, "backup", str(usb))

    assert result.returncode == 0, result.stderr
    assert "200 athletes" in result.stdout and "isn't in its backup log" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    (written,) = usb.iterdir()
    assert_valid_backup(written, 200)
