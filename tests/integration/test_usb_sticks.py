"""Backups to the sticks coaches really have: FAT32, names it forbids, pulled out, raced.

A FAT32 image is made with mkfs.vfat and mounted with fusefat (this kernel has no vfat
module); mounting needs root, so these fail loudly without it. fusefat says EPERM where the
kernel's vfat says EINVAL, and reports no blocks to statvfs: the app must find out what a
drive refuses by what happens, not by its error codes alone.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from judo_manager.backup.service import BackupService
from judo_manager.db import Database
from judo_manager.demo.generator import fill_demo_club
from judo_manager.errors import BackupError, MediaCopyError
from judo_manager.jobs import JobLock
from judo_manager.media.service import MediaService
from tests.conftest import FUSERMOUNT, assert_valid_backup, left_days_ago
from tests.media_files import pdf_bytes, write

FORBIDDEN_ON_FAT = ["a:b.db", "what?.db", "star*.db", "less<than.db", "pipe|.db", 'say".db']


@contextmanager
def _mounted_fat(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[bytes]]]:
    """A 64 MB FAT32 stick, mounted; and the FUSE driver that serves it."""
    if os.geteuid() != 0:
        pytest.fail("the FAT32 stick tests mount a FUSE filesystem and need root")
    for tool in ("mkfs.vfat", "fusefat", FUSERMOUNT):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing; run the README's test command, which installs it")
    image, mount = tmp_path / "stick.img", tmp_path / "STICK"
    with image.open("wb") as file:
        file.truncate(64 * 1024 * 1024)
    subprocess.run(["mkfs.vfat", "-F", "32", str(image)], check=True, capture_output=True)
    mount.mkdir()
    driver = subprocess.Popen(
        ["fusefat", "-f", "-o", "rw+", str(image), str(mount)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_mount(mount, driver)
        yield mount, driver
    finally:
        subprocess.run([FUSERMOUNT, "-u", "-z", str(mount)], capture_output=True)
        driver.kill()
        driver.wait(10)


@pytest.fixture
def fat_stick(tmp_path: Path) -> Iterator[Path]:
    """A 64 MB FAT32 stick, mounted."""
    with _mounted_fat(tmp_path) as (mount, _):
        yield mount


def _wait_for_mount(mount: Path, driver: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 20
    while not os.path.ismount(mount):
        if driver.poll() is not None or time.monotonic() > deadline:
            pytest.fail("fusefat did not mount the stick")
        time.sleep(0.02)  # waiting for the FUSE driver to answer the mount


def _service(db: Database) -> BackupService:
    return BackupService(db, JobLock())


@pytest.mark.parametrize("name", FORBIDDEN_ON_FAT)
def test_a_name_the_stick_forbids_is_named_as_such_and_leaves_nothing(
    db: Database, fat_stick: Path, name: str
) -> None:
    fill_demo_club(db, 20)
    (fat_stick / "earlier-backup.db").write_bytes(b"a backup from last week")

    with pytest.raises(BackupError, match="That file name isn't allowed on this drive"):
        _service(db).export(fat_stick / name, replace=False)

    assert sorted(os.listdir(fat_stick)) == ["earlier-backup.db"]


def test_the_longest_name_the_stick_accepts_works(db: Database, fat_stick: Path) -> None:
    fill_demo_club(db, 20)
    name = "c" * 251 + ".db"  # 254 characters: what FAT32 allows, and no room to spare

    _service(db).export(fat_stick / name, replace=False)

    assert os.listdir(fat_stick) == [name]
    assert_valid_backup(fat_stick / name, 20)


def test_a_day_old_partial_file_of_ours_is_cleared_and_nothing_else(
    db: Database, fat_stick: Path
) -> None:
    fill_demo_club(db, 20)
    left_days_ago(fat_stick / ".jm-0badf00d.partial", b"half a backup from a pulled stick")
    left_days_ago(fat_stick / ".judo_backup_2026-11-20.db.0badf00d.partial", b"older naming")
    left_days_ago(fat_stick / ".holiday-video.mp4.partial", b"another program's download")
    (fat_stick / ".jm-1234abcd.partial").write_bytes(b"another backup in progress")

    _service(db).export(fat_stick / "club.db", replace=False)

    assert sorted(os.listdir(fat_stick)) == [
        ".holiday-video.mp4.partial",
        ".jm-1234abcd.partial",
        "club.db",
    ]


def test_a_pulled_stick_is_called_unplugged(db: Database, tmp_path: Path) -> None:
    fill_demo_club(db, 20)
    with _mounted_fat(tmp_path) as (stick, driver):
        driver.send_signal(signal.SIGKILL)  # what the system sees when the stick is pulled
        driver.wait(10)

        with pytest.raises(BackupError, match="The drive was unplugged"):
            _service(db).export(stick / "club.db", replace=False)


def test_two_backups_racing_to_one_new_name_give_one_file_one_success_one_refusal(
    db: Database, tmp_path: Path
) -> None:
    fill_demo_club(db, 300)
    command = [sys.executable, "-m", "judo_manager", "--data-dir", str(db.path.parent), "backup"]
    for round_number in range(10):
        destination = tmp_path / f"round-{round_number}.db"
        racers = [
            subprocess.Popen(
                [*command, str(destination)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        results = [(racer.wait(60), *racer.communicate()) for racer in racers]

        codes = sorted(code for code, _, _ in results)
        assert codes == [0, 1], results
        (refusal,) = [err for code, _, err in results if code == 1]
        assert "already exists" in refusal and "Traceback" not in refusal
        assert_valid_backup(destination, 300)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def _stored_document(db: Database, tmp_path: Path) -> int:
    media = MediaService(db)
    checked = media.check_file(write(tmp_path, "licence.pdf", pdf_bytes(pages=2)), "document")
    with db.write() as conn:
        return media.store(conn, checked)


@pytest.mark.parametrize("name", ["licence: 2026.pdf", "medical?.pdf"])
def test_a_copy_under_a_name_the_stick_forbids_is_named_as_such_and_leaves_nothing(
    db: Database, fat_stick: Path, tmp_path: Path, name: str
) -> None:
    media_id = _stored_document(db, tmp_path)

    with pytest.raises(MediaCopyError, match="That file name isn't allowed on this drive"):
        MediaService(db).save_copy(media_id, fat_stick / name)

    assert os.listdir(fat_stick) == []


def test_a_copy_to_a_pulled_stick_says_the_drive_stopped_answering(
    db: Database, tmp_path: Path
) -> None:
    media_id = _stored_document(db, tmp_path)
    with _mounted_fat(tmp_path) as (stick, driver):
        driver.send_signal(signal.SIGKILL)  # what the system sees when the stick is pulled
        driver.wait(10)

        with pytest.raises(MediaCopyError, match="could not be saved to"):
            MediaService(db).save_copy(media_id, stick / "licence.pdf")
