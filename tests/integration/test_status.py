"""`judo-manager status`: what support and scripts need to know, read without changing a byte."""

from __future__ import annotations

import json
from pathlib import Path

from judo_manager.db.layout import DataFolder, database_path
from judo_manager.db.lock import DataFolderLock
from tests.conftest import file_digest, make_club, run_cli


def test_status_tells_the_data_the_last_backup_the_safety_copies_and_the_window(
    data_dir: Path, tmp_path: Path
) -> None:
    make_club(data_dir, 25)
    assert run_cli(data_dir, "backup", str(tmp_path / "club.db")).returncode == 0
    assert run_cli(data_dir, "restore", str(tmp_path / "club.db"), "--yes").returncode == 0
    before = file_digest(database_path(data_dir))
    window = DataFolderLock(DataFolder(data_dir))
    window.acquire("")  # as an open window holds it

    result = run_cli(data_dir, "status", "--json")
    text = run_cli(data_dir, "status")
    window.release()

    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["dataFolder"] == str(data_dir)
    assert report["database"]["contents"]["athletes"] == 25
    assert report["lastBackup"]["path"] == str(tmp_path / "club.db")
    assert [copy["kind"] for copy in report["safetyCopies"]] == ["restore"]
    assert report["openInWindow"] is True
    assert "Holds          25 athletes" in text.stdout
    assert "Window         open with this data" in text.stdout
    assert file_digest(database_path(data_dir)) == before


def test_status_of_a_folder_without_data_creates_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "new-laptop"

    report = json.loads(run_cli(folder, "status", "--json").stdout)

    assert report["database"] is None and report["openInWindow"] is False
    assert not folder.exists()


def test_status_of_damaged_data_says_so(data_dir: Path) -> None:
    database_path(data_dir).write_bytes(b"")

    result = run_cli(data_dir, "status")

    assert result.returncode == 0
    assert "Your club's data on this computer is damaged" in result.stdout
