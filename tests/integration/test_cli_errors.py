"""A bad data folder or database gives one clear line on the command line, never a traceback."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from judo_manager.db.layout import database_path
from judo_manager.db.migrations import APPLICATION_ID, SCHEMA_VERSION
from tests.conftest import file_digest


def _judo_manager(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "judo_manager", *args], capture_output=True, text=True
    )


def _assert_one_clear_line(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and words in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_database_that_is_not_sqlite(data_dir: Path, tmp_path: Path) -> None:
    database = database_path(data_dir)
    database.write_text("Tournament notes, not a database\n" * 30)
    before = file_digest(database)

    result = _judo_manager("--data-dir", str(data_dir), "backup", str(tmp_path))

    _assert_one_clear_line(result, "isn't a database file at all")
    assert file_digest(database) == before


def test_a_database_from_a_newer_version(data_dir: Path, tmp_path: Path) -> None:
    database = database_path(data_dir)
    conn = sqlite3.connect(database)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.execute("CREATE TABLE athletes (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = file_digest(database)

    result = _judo_manager("--data-dir", str(data_dir), "backup", str(tmp_path))

    _assert_one_clear_line(result, "update the app first")
    assert file_digest(database) == before


def test_an_unwritable_data_folder(read_only_dir: Path, tmp_path: Path) -> None:
    result = _judo_manager("--data-dir", str(read_only_dir / "club"), "demo")
    _assert_one_clear_line(result, "can't create its data folder")


def test_a_backup_of_a_folder_without_club_data_makes_none(tmp_path: Path) -> None:
    mistyped = tmp_path / "judo-manger"

    result = _judo_manager("--data-dir", str(mistyped), "backup", str(tmp_path))

    _assert_one_clear_line(result, f"There is no club data in {mistyped} to back up")
    assert not mistyped.exists() and list(tmp_path.iterdir()) == []


def test_version_and_module_entry_point() -> None:
    result = _judo_manager("--version")
    assert result.returncode == 0 and result.stdout.strip() == "judo-manager 0.1.0"
