"""Backup file names, the dialog's start folder, and how OS errors are told to the coach."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path

import pytest

from judo_manager.backup.file_names import default_filename, with_db_suffix
from judo_manager.bridge.prompts import dialog_start_folder
from judo_manager.db.drive_errors import describe_write_error


def test_default_filename_uses_the_local_date() -> None:
    assert default_filename(dt.date(2026, 3, 9)) == "judo_manager_backup_2026-03-09.db"
    assert default_filename() == f"judo_manager_backup_{dt.date.today().isoformat()}.db"


@pytest.mark.parametrize(
    ("typed", "saved"),
    [
        ("club.db", "club.db"),
        ("club.DB", "club.DB"),
        ("club", "club.db"),
        ("club.backup", "club.backup.db"),
        ("club.db.bak", "club.db.bak.db"),
    ],
)
def test_db_suffix_is_added_only_when_missing(typed: str, saved: str) -> None:
    assert with_db_suffix(Path("/media/usb") / typed) == Path("/media/usb") / saved


def test_dialog_starts_in_the_last_backups_folder(tmp_path: Path) -> None:
    assert dialog_start_folder(tmp_path / "old.db") == tmp_path


def test_dialog_falls_back_when_the_last_folder_is_gone(tmp_path: Path) -> None:
    folder = dialog_start_folder(tmp_path / "unplugged-stick" / "old.db")
    assert folder.is_dir()
    assert folder != tmp_path / "unplugged-stick"


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "drive is full"),
        (errno.EROFS, "read-only"),
        (errno.EACCES, "read-only"),
        (errno.ENOENT, "no longer there"),
        (errno.EIO, "unplugged"),
        (errno.EFBIG, "FAT32"),
        (errno.EINVAL, "not allowed on this drive"),
    ],
)
def test_os_errors_are_told_in_the_coachs_words(code: int, words: str) -> None:
    error = OSError(code, "low-level words")
    message = str(describe_write_error(error, Path("/media/usb/club.db"), 5_000_000))
    assert words in message
