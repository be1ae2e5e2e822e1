"""Export Database on real files: consistency under load, verification and every fault."""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from judo_manager.backup.service import BackupService
from judo_manager.db import Database, open_database
from judo_manager.db.fileio import SPAN_BYTES, SourceReadError, keeps_written_pages
from judo_manager.db.layout import OUR_SNAPSHOT, database_path, new_snapshot_name
from judo_manager.db.read_back import Comparison, ReadBack
from judo_manager.db.snapshot import write_verified_copy
from judo_manager.demo.generator import fill_demo_club
from judo_manager.errors import BackupError, BackupVerificationError
from judo_manager.jobs import JobLock
from tests.conftest import (
    LARGE_CLUB,
    assert_valid_backup,
    flaky_drive,
    left_days_ago,
    mounted_tmpfs,
    table_dump,
)


def _service(db: Database) -> BackupService:
    return BackupService(db, JobLock())


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)


def _live_data(db: Database) -> list[str]:
    """The live data, leaving out the log of backup attempts."""
    return [line for line in table_dump(db.path) if "backup_log" not in line]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


def test_backup_is_complete_and_self_contained(db: Database, tmp_path: Path) -> None:
    fill_demo_club(db, 30)
    destination = tmp_path / "usb" / "club.db"
    destination.parent.mkdir()

    attempt = _service(db).export(destination, replace=False)

    assert_valid_backup(destination, 30)
    conn = _read_only(destination)
    taken_at = conn.execute("SELECT value FROM app_settings WHERE key='backup.taken_at'")
    assert taken_at.fetchone()[0].startswith(attempt.started_at[:10])
    conn.close()
    assert attempt.ok and attempt.bytes == destination.stat().st_size
    assert attempt.contents is not None
    assert attempt.contents["athletes"] == 30
    assert attempt.contents["promotions"] == _count(db, "promotions") > 0
    assert attempt.contents["medals"] == _count(db, "medals") > 0
    assert _service(db).last_backup() == attempt
    assert _leftovers(destination.parent) == []
    scratch = db.path.parent / "scratch"
    assert not scratch.exists() or list(scratch.iterdir()) == []


def test_backup_under_a_steady_writer_is_consistent_and_finishes(
    large_db: Database, tmp_path: Path
) -> None:
    """A writer keeps `app_settings.athlete_total` equal to the athlete count in every
    transaction. The backup must keep that invariant while the writer commits mid-copy."""
    with large_db.write() as conn:
        conn.execute(
            "INSERT INTO app_settings VALUES ('athlete_total', (SELECT count(*) FROM athletes))"
        )
    stop = threading.Event()
    commits = [0]
    writer_errors: list[BaseException] = []

    def write_steadily() -> None:
        try:
            while not stop.is_set():
                with large_db.write() as conn:
                    conn.execute(
                        "INSERT INTO athletes(full_name, search_name, birth_date, sex) "
                        "VALUES ('Steady Writer', 'steady writer', '2011-04-02', 'M')"
                    )
                    conn.execute(
                        "UPDATE app_settings SET value = value + 1 WHERE key = 'athlete_total'"
                    )
                commits[0] += 1
        except BaseException as error:
            writer_errors.append(error)

    commits_seen_mid_snapshot: list[int] = []

    def during_copy(phase: str, fraction: float) -> None:
        # Hold the snapshot step until the writer has committed more, so writes provably
        # land while the backup is half done.
        if phase == "copying" and 0 < fraction < 0.5 and not commits_seen_mid_snapshot:
            target = commits[0] + 20
            while commits[0] < target and not writer_errors:
                time.sleep(0.001)
            commits_seen_mid_snapshot.append(commits[0])

    writer = threading.Thread(target=write_steadily)
    writer.start()
    destination = tmp_path / "under-load.db"
    try:
        written = write_verified_copy(
            large_db.path, destination, scratch_dir=tmp_path / "scratch", progress=during_copy
        )
    finally:
        stop.set()
        writer.join()

    assert writer_errors == []
    assert commits_seen_mid_snapshot, "the snapshot finished in one step; the test proves nothing"
    assert commits[0] > commits_seen_mid_snapshot[0] >= 20
    conn = _read_only(destination)
    athletes = conn.execute("SELECT count(*) FROM athletes").fetchone()[0]
    total = conn.execute("SELECT value FROM app_settings WHERE key='athlete_total'").fetchone()[0]
    conn.close()
    assert int(total) == athletes == written.contents["athletes"]
    assert_valid_backup(destination, athletes)
    # The snapshot is one moment: it started before the writes it waited for.
    assert athletes < LARGE_CLUB + commits[0]


def test_a_backup_from_a_nearly_full_data_disk_is_one_moment_while_the_app_writes(
    large_club_template: Path, tmp_path: Path
) -> None:
    # Too full for the app to keep scratch files there, not too full for a small commit:
    # the window still writes, and its change log is copied into the file meanwhile. Taken
    # for a read-only disk, the snapshot read the file without locks, and a copy in
    # progress took in pages of the commits made after it began.
    if os.geteuid() != 0:
        pytest.fail("a nearly full disk is a small tmpfs, which only root can mount")
    disk = tmp_path / "full-disk"
    disk.mkdir()
    megabytes = large_club_template.stat().st_size // 1_000_000 + 8
    with mounted_tmpfs(disk, f"size={megabytes}m"):
        shutil.copyfile(large_club_template, database_path(disk))
        db = open_database(database_path(disk))
        with db.write() as conn:
            conn.execute(
                "INSERT INTO app_settings VALUES ('athlete_total', (SELECT count(*) FROM athletes))"
            )
        db.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        filler = disk / "videos.mp4"
        filler.write_bytes(bytes(os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize - 150_000))
        assert not db.folder.writable() and not db.folder.read_only()
        commits: list[int] = []

        def commit_and_checkpoint(phase: str, fraction: float) -> None:
            # Mid-copy, the window commits, and its log is written into the file.
            if phase == "copying" and 0 < fraction < 0.5 and not commits:
                with db.write() as conn:
                    conn.execute(
                        "INSERT INTO athletes(full_name, search_name, birth_date, sex) "
                        "VALUES ('Late Writer', 'late writer', '2011-04-02', 'M')"
                    )
                    conn.execute(
                        "UPDATE app_settings SET value = value + 1 WHERE key = 'athlete_total'"
                    )
                db.connection().execute("PRAGMA wal_checkpoint(PASSIVE)")
                commits.append(1)

        try:
            attempt = _service(db).export(
                tmp_path / "club.db", replace=False, progress=commit_and_checkpoint
            )
        finally:
            db.close()

    assert commits, "the copy finished in one step; the test proves nothing"
    conn = _read_only(attempt.path)
    athletes = conn.execute("SELECT count(*) FROM athletes").fetchone()[0]
    total = conn.execute("SELECT value FROM app_settings WHERE key='athlete_total'").fetchone()[0]
    late = conn.execute("SELECT count(*) FROM athletes WHERE full_name = 'Late Writer'").fetchone()
    conn.close()
    assert (int(total), late[0]) == (athletes, 0)  # the moment it began, whole
    assert_valid_backup(attempt.path, athletes)


def test_a_drive_that_returns_a_flipped_byte_is_caught(db: Database, tmp_path: Path) -> None:
    fill_demo_club(db, 2000)  # a few MB: the flipped byte lies well inside the copy
    with flaky_drive(tmp_path, flip_at=1_000_003) as stick:
        with pytest.raises(BackupVerificationError, match="doesn't match"):
            _service(db).export(stick / "club.db", replace=False)
        assert sorted(os.listdir(stick)) == []


def test_a_drive_that_drops_its_cache_on_every_open_takes_a_good_backup(
    db: Database, tmp_path: Path
) -> None:
    # The same FUSE drive, flipping nothing the copy holds: FUSE forgets a file's cached pages
    # whenever it is opened, and the check must not mistake that for a faulty drive.
    fill_demo_club(db, 2000)
    with flaky_drive(tmp_path, flip_at=1 << 40) as stick:
        attempt = _service(db).export(stick / "club.db", replace=False)
        assert sorted(os.listdir(stick)) == ["club.db"]
        assert_valid_backup(stick / "club.db", 2000)
    assert attempt.ok


def test_a_failing_working_copy_on_the_computers_disk_is_not_blamed_on_the_stick(
    db: Database, tmp_path: Path
) -> None:
    # A stick that can't vouch for its own pages: the snapshot is taken in the data folder's
    # scratch folder first, and that disk fails as it is read back for the copy.
    fill_demo_club(db, 2000)  # a few MB: the failing part lies well inside the snapshot
    before = _live_data(db)
    scratch = db.folder.scratch
    with (
        flaky_drive(tmp_path, flip_at=1 << 40) as stick,
        flaky_drive(tmp_path, flip_at=1_000_000, mount=scratch, fail="snapshot-"),
    ):
        with pytest.raises(BackupError) as refused:
            _service(db).export(stick / "club.db", replace=False)
        assert os.listdir(stick) == []
        assert os.listdir(scratch) == []
    message = str(refused.value)
    assert "could not read back its working copy" in message and str(scratch) in message
    assert "The drive you chose is not at fault" in message
    assert "unplugged" not in message
    assert _live_data(db) == before


def test_a_second_copy_that_cant_be_read_is_not_taken_for_the_drive_under_test(
    tmp_path: Path,
) -> None:
    # The copy on the drive is compared with a second copy in the scratch folder; when that
    # folder's disk fails, the error must say so, not blame the drive being checked.
    copy = tmp_path / "copy.db"
    copy.write_bytes(os.urandom(3 * SPAN_BYTES))
    with flaky_drive(
        tmp_path, flip_at=SPAN_BYTES, mount=tmp_path / "scratch", fail="snapshot-"
    ) as scratch:
        reference = scratch / "snapshot-0123456789ab.db"
        shutil.copyfile(copy, reference)
        with (
            ReadBack(copy, reference=reference) as read_back,
            pytest.raises(SourceReadError) as failed,
        ):
            read_back.compare(copy.stat().st_size, lambda _fraction: None)
    assert failed.value.filename == str(reference)


@contextmanager
def _ext4_stick(
    tmp_path: Path, megabytes: int = 128, *, encrypt: bool = False
) -> Iterator[tuple[Path, Path]]:
    """An ext4 drive on a loop device, mounted; and the image file that is its disk. With
    `encrypt`, formatted so that folders of it can be encrypted."""
    if os.geteuid() != 0:
        pytest.fail("the ext4 stick is mounted on a loop device, which only root can do")
    image, mount = tmp_path / "stick.img", tmp_path / "EXT4"
    with image.open("wb") as file:
        file.truncate(megabytes * 1024 * 1024)
    features = ["-O", "encrypt"] if encrypt else []
    subprocess.run(
        ["mkfs.ext4", "-q", "-F", *features, str(image)], check=True, capture_output=True
    )
    mount.mkdir()
    subprocess.run(["mount", "-o", "loop", str(image), str(mount)], check=True)
    try:
        yield mount, image
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def _flip_on_disk(image: Path, file: Path, offset: int) -> None:
    """Flip one bit of `file` on the disk image under it, behind its file system's back:
    what the drive now returns differs from what the system keeps in memory."""
    block_size = 4096
    extents = subprocess.run(
        ["filefrag", "-v", "-b4096", str(file)], check=True, capture_output=True, text=True
    ).stdout
    wanted = offset // block_size
    for line in extents.splitlines():
        # "   0:        0..     767:      34816..     35583:    768:"
        parts = [part.strip(" .") for part in line.replace("..", ":").split(":")]
        if len(parts) > 5 and parts[0].isdigit():
            first, last, physical = int(parts[1]), int(parts[2]), int(parts[3])
            if first <= wanted <= last:
                at = (physical + wanted - first) * block_size + offset % block_size
                with image.open("r+b") as disk:
                    disk.seek(at)
                    byte = disk.read(1)[0]
                    disk.seek(at)
                    disk.write(bytes([byte ^ 0x10]))
                    disk.flush()
                    os.fsync(disk.fileno())
                return
    pytest.fail(f"no extent of {file} holds byte {offset}: {extents}")


def _encrypted_folder(stick: Path) -> Path:
    """A new folder of `stick` whose files ext4 encrypts (fscrypt, v2 policy, a fresh key),
    as a phone or a distribution's home folder encryption sets up."""
    folder = stick / "private"
    folder.mkdir()
    key = os.urandom(64)
    # fscrypt_add_key_arg: a key_spec by identifier (filled in by the kernel), the raw key.
    add_key = bytearray(struct.pack("=II32sII32s", 2, 0, bytes(32), len(key), 0, bytes(32)))
    add_key += key
    fd = os.open(stick, os.O_RDONLY)
    try:
        fcntl.ioctl(fd, FS_IOC_ADD_ENCRYPTION_KEY, add_key, True)
    finally:
        os.close(fd)
    # fscrypt_policy_v2: AES-256-XTS contents, AES-256-CTS names, padding 32, the key's id.
    policy = struct.pack("=BBBB4s16s", 2, 1, 4, 2, bytes(4), bytes(add_key[8:24]))
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.ioctl(fd, FS_IOC_SET_ENCRYPTION_POLICY, policy)
    finally:
        os.close(fd)
    return folder


# linux/fscrypt.h: _IOWR('f', 23, struct fscrypt_add_key_arg), _IOR('f', 19, policy v1 size).
FS_IOC_ADD_ENCRYPTION_KEY = (3 << 30) | (80 << 16) | (ord("f") << 8) | 23
FS_IOC_SET_ENCRYPTION_POLICY = (2 << 30) | (12 << 16) | (ord("f") << 8) | 19


@pytest.mark.parametrize(
    "encrypted", [False, True], ids=["in one copy", "in an encrypted folder, through scratch"]
)
def test_a_disk_that_returns_a_flipped_byte_is_caught(
    large_db: Database, tmp_path: Path, encrypted: bool
) -> None:
    # A local disk (ext4), so the backup is written in one copy, with no scratch file, and
    # checked against the pages the system keeps; the disk then changes a byte under them,
    # in the sixth of the spans that are read back two at a time. In an encrypted folder,
    # ext4 serves "direct" reads from memory: checked that way, the copy would be compared
    # with itself, so there it is checked against a scratch copy instead.
    flips: list[Path] = []
    with _ext4_stick(tmp_path, encrypt=encrypted) as (stick, image):
        folder = _encrypted_folder(stick) if encrypted else stick
        assert keeps_written_pages(folder) is not encrypted

        def flip_once_synced(phase: str, fraction: float) -> None:
            if phase == "verifying" and not flips:
                (partial,) = folder.glob("*.partial")
                _flip_on_disk(image, partial, 5 * SPAN_BYTES + 12_345)
                flips.append(partial)

        with pytest.raises(BackupVerificationError, match="doesn't match"):
            write_verified_copy(
                large_db.path,
                folder / "club.db",
                scratch_dir=tmp_path / "s",
                progress=flip_once_synced,
            )
        assert flips, "the check ran before the byte could be flipped: the test proves nothing"
        assert [p.name for p in folder.iterdir() if p.name != "lost+found"] == []
    # No scratch file at all in one copy; through scratch, none left.
    assert (tmp_path / "s").exists() is encrypted
    assert not any((tmp_path / "s").glob("*"))


def test_a_copy_whose_pages_left_memory_is_checked_again_through_a_scratch_copy(
    db: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Memory pressure evicts the pages the one copy was to be checked against, and the disk
    # flips a byte under them: comparing the drive with itself would publish it. The second
    # copy it is then checked against differs, so the backup is made again through a
    # scratch copy, and what is published is whole.
    fill_demo_club(db, 2000)
    flips: list[Path] = []
    with _ext4_stick(tmp_path) as (stick, image):

        def evict_and_flip(phase: str, fraction: float) -> None:
            if phase == "verifying" and not flips:
                first = _evict_from(stick, 0)
                _flip_on_disk(image, first, 1_000_003)
                flips.append(first)

        written = write_verified_copy(
            db.path, stick / "club.db", scratch_dir=tmp_path / "s", progress=evict_and_flip
        )
        assert flips
        assert "a second copy of it: differs" in caplog.text
        assert "left memory; copying again" in caplog.text
        assert written.path == stick / "club.db"
        assert not written.path.samefile(flips[0])
        flips[0].unlink()
        assert_valid_backup(stick / "club.db", 2000)
        assert sorted(p.name for p in stick.iterdir()) == ["club.db", "lost+found"]
    assert list((tmp_path / "s").iterdir()) == []


def test_a_copy_whose_later_pages_left_memory_is_checked_against_a_second_copy_in_place(
    large_db: Database,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Memory pressure evicts the kept pages from the third span on, and the app commits a
    # new club meanwhile. The copy on the drive is checked from there on against a second
    # copy of the same moment, made in the scratch folder, and published without being
    # written again: the file under the final name is the one first written.
    starts = _record_read_back_starts(monkeypatch)
    seen: list[Path] = []
    clubs_at_start = _rows_in_file(large_db.path, "clubs")
    with _ext4_stick(tmp_path) as (stick, _image):

        def evict_later_spans_and_commit(phase: str, fraction: float) -> None:
            if phase == "verifying" and not seen:
                seen.append(_evict_from(stick, 2 * SPAN_BYTES))
                writer = sqlite3.connect(large_db.path, isolation_level=None)
                writer.execute("INSERT INTO clubs(name) VALUES ('Committed meanwhile')")
                writer.close()

        written = write_verified_copy(
            large_db.path,
            stick / "club.db",
            scratch_dir=tmp_path / "s",
            progress=evict_later_spans_and_commit,
        )
        assert "checking it against a second copy" in caplog.text
        assert "copying again" not in caplog.text
        # From the first span not yet matched, against the second copy: the third, or an
        # earlier one if the system evicted more than was asked (it may, under pressure).
        assert [against for against, _start, _matched in starts] == ["kept pages", "second copy"]
        (_kept, _from, matched), (_second, start, _to) = starts
        assert start == matched <= 2 * SPAN_BYTES
        assert (stick / "club.db").samefile(seen[0])
        seen[0].unlink()
        assert_valid_backup(stick / "club.db", LARGE_CLUB)
        # The moment the copy began: without the club committed while it was checked.
        clubs = _rows_in_file(stick / "club.db", "clubs")
        assert clubs == clubs_at_start == written.contents["clubs"]
        assert sorted(p.name for p in stick.iterdir()) == ["club.db", "lost+found"]
    assert _rows_in_file(large_db.path, "clubs") == clubs_at_start + 1
    assert list((tmp_path / "s").iterdir()) == []


def test_a_byte_flipped_past_the_pages_that_left_memory_is_caught_by_the_second_copy(
    large_db: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # The disk flips a byte in the fourth span, under pages the system evicted: the second
    # copy differs there, so the backup is made again through a scratch copy, and what is
    # published is whole and another file.
    seen: list[Path] = []
    # Room for two copies: the first one stays linked, to tell the files apart.
    with _ext4_stick(tmp_path, megabytes=200) as (stick, image):

        def evict_and_flip(phase: str, fraction: float) -> None:
            if phase == "verifying" and not seen:
                seen.append(_evict_from(stick, 2 * SPAN_BYTES))
                (partial,) = stick.glob("*.partial")
                _flip_on_disk(image, partial, 3 * SPAN_BYTES + 4_321)

        write_verified_copy(
            large_db.path, stick / "club.db", scratch_dir=tmp_path / "s", progress=evict_and_flip
        )
        assert "a second copy of it: differs" in caplog.text
        assert "copying again" in caplog.text
        assert not (stick / "club.db").samefile(seen[0])
        seen[0].unlink()
        assert_valid_backup(stick / "club.db", LARGE_CLUB)
        assert sorted(p.name for p in stick.iterdir()) == ["club.db", "lost+found"]
    assert list((tmp_path / "s").iterdir()) == []


def test_no_second_copy_is_made_on_the_destinations_own_drive(
    db: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Only the stick has room for scratch files: a second copy there could be read back from
    # the stick itself, so the backup is made again through a scratch copy instead.
    fill_demo_club(db, 2000)
    seen: list[Path] = []
    with _ext4_stick(tmp_path) as (stick, _image):

        def evict(phase: str, fraction: float) -> None:
            if phase == "verifying" and not seen:
                seen.append(_evict_from(stick, 0))

        write_verified_copy(db.path, stick / "club.db", scratch_dir=stick / "s", progress=evict)
        assert "only its own drive has room" in caplog.text
        assert "copying again" in caplog.text
        assert not (stick / "club.db").samefile(seen[0])
        seen[0].unlink()
        assert_valid_backup(stick / "club.db", 2000)
        assert list((stick / "s").iterdir()) == []


def _evict_from(folder: Path, offset: int) -> Path:
    """Drop the kept pages of the one partial file in `folder` from `offset` on, as memory
    pressure would (it is synced, so they are clean); a hard link to it, which tells later
    whether the file published is this one."""
    (partial,) = folder.glob("*.partial")
    with partial.open("rb") as file:
        assert os.fstat(file.fileno()).st_size > offset, "too small to tell"
        os.posix_fadvise(file.fileno(), offset, 0, os.POSIX_FADV_DONTNEED)
    first = folder / "first-copy"
    os.link(partial, first)
    return first


def _record_read_back_starts(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int, int]]:
    """What each read-back of a one copy compared with, from which byte on, and up to which
    byte it found the copy to match."""
    starts: list[tuple[str, int, int]] = []
    compare = ReadBack.compare

    def recording(self: ReadBack, size: int, progress: object, *, start: int = 0) -> Comparison:
        found = compare(self, size, progress, start=start)  # type: ignore[arg-type]
        starts.append(("kept pages" if self._nowait else "second copy", start, found.matched))
        return found

    monkeypatch.setattr(ReadBack, "compare", recording)
    return starts


def _rows_in_file(database: Path, table: str) -> int:
    conn = _read_only(database)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_a_local_disk_filling_up_mid_copy_says_so_and_leaves_nothing(
    db: Database, tmp_path: Path
) -> None:
    fill_demo_club(db, 5_000)  # a few MB: more than the 2 MB drive holds
    with _ext4_stick(tmp_path, megabytes=2) as (stick, _image):
        with pytest.raises(BackupError, match="drive is full"):
            write_verified_copy(db.path, stick / "club.db", scratch_dir=tmp_path / "s")
        assert sorted(p.name for p in stick.iterdir()) == ["lost+found"]


def test_read_only_folder(db: Database, read_only_dir: Path) -> None:
    fill_demo_club(db, 10)
    before = _live_data(db)

    with pytest.raises(BackupError, match="the folder is read-only"):
        _service(db).export(read_only_dir / "club.db", replace=False)

    assert list(read_only_dir.iterdir()) == []
    assert _live_data(db) == before
    failed = db.connection().execute("SELECT ok, error FROM backup_log").fetchall()
    assert [(row["ok"], "the folder is read-only" in row["error"]) for row in failed] == [(0, True)]
    assert _service(db).last_backup() is None


@pytest.fixture
def small_drive(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB drive: a small tmpfs, which only root can mount."""
    folder = tmp_path / "small-drive"
    folder.mkdir()
    if os.geteuid() != 0:
        pytest.fail("the full-drive tests mount a small tmpfs and need root")
    with mounted_tmpfs(folder, "size=2m"):
        yield folder


def test_full_drive_is_refused_before_writing(db: Database, small_drive: Path) -> None:
    fill_demo_club(db, 5_000)  # a few MB: more than the drive holds
    before = _live_data(db)

    with pytest.raises(BackupError, match="drive is full"):
        _service(db).export(small_drive / "club.db", replace=False)

    assert list(small_drive.iterdir()) == []
    assert _live_data(db) == before


def test_drive_filling_up_mid_write_leaves_nothing(
    db: Database, small_drive: Path, tmp_path: Path
) -> None:
    fill_demo_club(db, 5_000)  # a few MB: more than the drive holds
    # The free-space check is the service's; the writer alone meets the real ENOSPC.
    with pytest.raises(BackupError, match="drive is full"):
        write_verified_copy(db.path, small_drive / "club.db", scratch_dir=tmp_path / "scratch")
    assert list(small_drive.iterdir()) == []


def test_destination_equal_to_the_live_database_is_refused(db: Database) -> None:
    fill_demo_club(db, 10)
    before = _live_data(db)
    for target in (db.path, Path(f"{db.path}-wal"), Path(f"{db.path}-shm")):
        with pytest.raises(BackupError, match="live database"):
            _service(db).export(target, replace=True)
    assert _live_data(db) == before


def test_a_folder_that_is_a_loop_of_links_is_refused_with_the_reason(
    db: Database, tmp_path: Path
) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")

    with pytest.raises(BackupError, match=r"could not be written to .*Too many levels"):
        _service(db).export(tmp_path / "a" / "club.db", replace=False)


def test_vanished_destination_folder(db: Database, tmp_path: Path) -> None:
    gone = tmp_path / "unplugged-stick"
    with pytest.raises(BackupError, match="no longer there"):
        _service(db).export(gone / "club.db", replace=False)
    assert not gone.exists()


def test_sigkill_mid_backup_leaves_no_file_and_the_live_data_intact(
    large_db: Database, tmp_path: Path
) -> None:
    before = _live_data(large_db)
    size = large_db.path.stat().st_size
    large_db.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    destination = usb / "club.db"
    # Killed as soon as the copy is visibly under way, and again once it is half written.
    for written in (1, size // 2):
        backup = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "judo_manager",
                "--data-dir",
                str(large_db.path.parent),
                "backup",
                str(destination),
            ],
            stderr=subprocess.PIPE,
        )
        while backup.poll() is None and not any(
            f.stat().st_size >= written for f in usb.glob("*.partial") if f.exists()
        ):
            time.sleep(0.001)
        assert backup.poll() is None, f"the backup ended before {written} bytes were written"
        os.kill(backup.pid, signal.SIGKILL)
        backup.wait()

        assert not destination.exists()
        live = sqlite3.connect(large_db.path)
        assert live.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        live.close()
        assert _live_data(large_db) == before


def test_command_line_backup(db: Database, tmp_path: Path) -> None:
    fill_demo_club(db, 12)
    data_dir = str(db.path.parent)
    folder = tmp_path / "usb"
    folder.mkdir()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "judo_manager", "--data-dir", data_dir, "backup", *args],
            capture_output=True,
            text=True,
        )

    first = run(str(folder))
    written = folder / f"judo_manager_backup_{time.strftime('%Y-%m-%d')}.db"
    assert first.returncode == 0, first.stderr
    assert str(written) in first.stdout and "12 athletes" in first.stdout
    assert_valid_backup(written, 12)

    again = run(str(written))
    assert again.returncode != 0
    assert again.stderr.startswith("error: ") and "--force" in again.stderr
    assert "Traceback" not in again.stderr and again.stderr.count("\n") == 1

    assert run(str(written), "--force").returncode == 0


def test_backup_subcommand_loads_no_window_spreadsheet_or_pdf_library(
    db: Database, tmp_path: Path
) -> None:
    # A backup's start cost is the coach's wait, and openpyxl alone once doubled it (issue 20).
    probe = (
        "import sys; from judo_manager.cli import main; "
        f"code = main(['--data-dir', {str(db.path.parent)!r}, 'backup', {str(tmp_path)!r}]); "
        "heavy = ('webview', 'PySide6', 'qtpy', 'openpyxl', 'fpdf', 'python_calamine'); "
        "loaded = [m for m in heavy if m in sys.modules]; "
        "print(code, loaded)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.strip().endswith("0 []"), result.stdout + result.stderr


def test_a_snapshot_left_by_a_killed_backup_is_cleared_a_day_later(
    db: Database, tmp_path: Path
) -> None:
    scratch = db.path.parent / "scratch"
    scratch.mkdir()
    left_days_ago(scratch / "snapshot-old.db", b"left by a backup killed yesterday")
    (scratch / "snapshot-fresh.db").write_bytes(b"another process's backup in progress")

    _service(db).export(tmp_path / "club.db", replace=False)

    assert sorted(p.name for p in scratch.iterdir()) == ["snapshot-fresh.db"]


def test_a_hard_link_to_the_live_database_is_refused(db: Database, tmp_path: Path) -> None:
    link = tmp_path / "looks-harmless.db"
    os.link(db.path, link)
    before = _live_data(db)
    with pytest.raises(BackupError, match="live database"):
        _service(db).export(link, replace=True)
    assert _live_data(db) == before


def test_what_a_killed_backup_left_beside_the_destination_is_cleared_a_day_later(
    db: Database, tmp_path: Path
) -> None:
    # Its hidden partial file; and its snapshot, taken there when no other disk had room.
    # Fresh ones may be another backup's at work; the coach's own files are never touched.
    stick = tmp_path / "usb"
    stick.mkdir()
    left_days_ago(stick / ".club.db.0badf00d.partial", b"half a backup from a power cut")
    left_days_ago(stick / ".CLUB.DB.0badf00d.partial", b"and one of a name typed in capitals")
    left_days_ago(stick / "snapshot-0123456789ab.db", b"a snapshot from a power cut")
    left_days_ago(stick / "snapshot-0123456789ab.db-journal", b"and its journal")
    left_days_ago(stick / "snapshot-holiday.db", b"the coach's own file")
    left_days_ago(stick / ".hidden.partial", b"another program's")
    left_days_ago(stick / ".photos-2024.tar.0badf00d.partial", b"a sync tool's, as rclone names")
    fresh = [stick / ".club.db.1234abcd.partial", stick / "snapshot-ba9876543210.db"]
    for path in fresh:
        path.write_bytes(b"another process's backup in progress")

    _service(db).export(stick / "club.db", replace=False)

    assert sorted(p.name for p in stick.iterdir()) == sorted(
        [
            "club.db",
            ".hidden.partial",
            ".photos-2024.tar.0badf00d.partial",
            "snapshot-holiday.db",
            *(path.name for path in fresh),
        ]
    )


def test_with_no_room_anywhere_else_the_snapshot_beside_the_backup_leaves_the_folder_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The data disk gone read-only, the temporary folder full: the snapshot is taken in the
    # destination's own folder, whose name happens to be the one the app gives the private
    # folders it makes (and removes) in the temporary folder.
    if os.geteuid() != 0:
        pytest.fail("a read-only data disk and a full temporary folder are mounts: root only")
    club = open_database(database_path(tmp_path / "club"))
    fill_demo_club(club, 2000)  # a few MB: more than the temporary folder has free
    club.close()
    data, temporary = tmp_path / "data", tmp_path / "tmp"
    chosen = tmp_path / "usb" / "judo-manager-scratch-archive"
    for folder in (data, temporary, chosen):
        folder.mkdir(parents=True)
    (chosen / "last-months-backup.db").write_bytes(b"the coach's older backup")
    with mounted_tmpfs(data, "size=64m"), mounted_tmpfs(temporary, "size=1m"):
        shutil.copyfile(database_path(tmp_path / "club"), database_path(data))
        subprocess.run(["mount", "-o", "remount,ro", str(data)], check=True)
        monkeypatch.setattr(tempfile, "tempdir", str(temporary))
        db = Database(database_path(data))
        try:
            attempt = _service(db).export(chosen / "club.db", replace=False)
        finally:
            db.close()

    assert sorted(p.name for p in chosen.iterdir()) == ["club.db", "last-months-backup.db"]
    assert attempt.path == chosen / "club.db"
    assert_valid_backup(chosen / "club.db", 2000)


def test_a_scratch_folder_left_in_the_temporary_folder_is_cleared_a_day_later(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A backup whose data disk had no room took its snapshot in a private folder of the
    # system's temporary folder, and was killed there: a file as large as the club's data.
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    killed = temporary / "judo-manager-scratch-killed"
    killed.mkdir()
    left_days_ago(killed / "snapshot-0123456789ab.db", b"a snapshot of yesterday's backup")
    # Made a moment ago by another Judo Manager's backup, which will write into it next.
    starting = temporary / "judo-manager-scratch-starting"
    starting.mkdir()
    # Not a snapshot: whoever put it there wants it.
    foreign = temporary / "judo-manager-scratch-foreign"
    foreign.mkdir()
    left_days_ago(foreign / "notes.txt", b"not the app's")
    for folder in (killed, foreign):
        yesterday = time.time() - 2 * 24 * 3600
        os.utime(folder, (yesterday, yesterday))

    _service(db).export(tmp_path / "club.db", replace=False)

    assert sorted(p.name for p in temporary.iterdir()) == [foreign.name, starting.name]
    assert [p.name for p in foreign.iterdir()] == ["notes.txt"]
    assert_valid_backup(tmp_path / "club.db", 0)


def test_snapshot_names_are_the_ones_the_clean_ups_know() -> None:
    names = {new_snapshot_name() for _ in range(20)}
    assert len(names) == 20
    assert all(OUR_SNAPSHOT.fullmatch(name) for name in names)
    assert all(OUR_SNAPSHOT.fullmatch(f"{name}-journal") for name in names)


def _count(db: Database, table: str) -> int:
    return int(db.connection().execute(f"SELECT count(*) FROM {table}").fetchone()[0])
