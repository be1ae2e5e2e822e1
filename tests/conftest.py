"""Fixtures shared by every layer: fresh data folders and real database files."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

from judo_manager.db import Database, open_database
from judo_manager.db.fileio import keeps_written_pages
from judo_manager.db.layout import database_path
from judo_manager.demo.generator import fill_demo_club


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh, empty data folder for one test."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    """A freshly created and migrated club database in the test's data folder."""
    database = open_database(database_path(data_dir))
    yield database
    database.close()


# fuse 2 and fuse 3 name it differently.
FUSERMOUNT = shutil.which("fusermount") or shutil.which("fusermount3") or "fusermount"
# Several backup steps (4096 pages each), so a snapshot must hold across steps.
LARGE_CLUB = 50_000


@pytest.fixture(scope="session")
def large_club_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ~40 MB club (50,000 athletes with gradings and medals), built once.

    Each test that needs it gets a copy of the closed file.
    """
    folder = tmp_path_factory.mktemp("large-club")
    db = open_database(database_path(folder))
    fill_demo_club(db, LARGE_CLUB)
    db.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return database_path(folder)


@pytest.fixture
def large_db(large_club_template: Path, data_dir: Path) -> Iterator[Database]:
    path = database_path(data_dir)
    path.write_bytes(large_club_template.read_bytes())
    db = open_database(path)
    yield db
    db.close()


@pytest.fixture
def read_only_dir(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody can write to, not even root.

    Permission bits don't stop root, so as root this is a read-only tmpfs mount.
    """
    folder = tmp_path / "locked-stick"
    folder.mkdir()
    if os.geteuid() == 0:
        with mounted_tmpfs(folder, "size=1m,ro"):
            yield folder
    else:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)


@contextmanager
def mounted_tmpfs(folder: Path, options: str) -> Iterator[None]:
    """Mount a tmpfs with `options` on `folder` for the block (root only)."""
    subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], check=True)
    try:
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@contextmanager
def flaky_drive(
    tmp_path: Path, flip_at: int, *, mount: Path | None = None, fail: str | None = None
) -> Iterator[Path]:
    """A mounted drive that returns one bit flipped at `flip_at` of every partial file it
    is asked to read (`tests/flaky_drive.py`); what is written reaches it unchanged. With
    `fail`, reads of the files whose names start so fail from `flip_at` on instead."""
    if os.geteuid() != 0:
        pytest.fail("the flaky drive is a FUSE filesystem, which only root can mount here")
    mount = mount or tmp_path / "flaky-stick"
    backing = tmp_path / f"backing-of-{mount.name}"
    backing.mkdir()
    mount.mkdir()
    command = [sys.executable, "-m", "tests.flaky_drive", str(backing), str(mount), str(flip_at)]
    driver = subprocess.Popen([*command, *(["--fail", fail] if fail else [])])
    try:
        deadline = time.monotonic() + 20
        while not os.path.ismount(mount):
            if driver.poll() is not None or time.monotonic() > deadline:
                pytest.fail("the flaky drive did not mount (its error is printed above)")
            time.sleep(0.02)  # waiting for the FUSE driver to answer the mount
        # A FUSE drive: a backup goes through a scratch copy, the drive's answer compared
        # with it, not with the pages the system keeps (which FUSE serves its own way).
        assert not keeps_written_pages(mount)
        yield mount
    finally:
        subprocess.run([FUSERMOUNT, "-u", "-z", str(mount)], capture_output=True)
        driver.kill()
        driver.wait(10)


@pytest.fixture(scope="session", autouse=True)
def neutral_system_language() -> Iterator[None]:
    """Every test runs on a system of neutral language (English), whatever this machine's
    is: the app, its commands and its windows speak the system's language until told. A
    test of another language says so (`system_speaking`)."""
    saved = {name: os.environ.get(name) for name in _LANGUAGE_VARIABLES}
    os.environ.update(system_speaking("C.UTF-8"))
    yield
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def run_cli(
    data_dir: Path,
    *args: str,
    clock: str | None = None,
    answer: str | None = None,
    env: Mapping[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`judo-manager --data-dir DATA_DIR ARGS…` in a process of its own, with no one at the
    keyboard unless `answer` is typed in; `clock` runs it under faketime, e.g.
    "2020-01-01 10:00:00"; `env` is added to this process's environment."""
    faked = ["faketime", clock] if clock else []
    return subprocess.run(
        [*faked, sys.executable, "-m", "judo_manager", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        input=answer,
        stdin=subprocess.DEVNULL if answer is None else None,
        env=None if env is None else {**os.environ, **env},
    )


# What gettext, and so the app, reads for the system's language, in its order.
_LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def system_speaking(locale: str) -> dict[str, str]:
    """The environment of a system whose language is `locale` ("id_ID.UTF-8"): LANG, with
    the variables that would outrank it cleared."""
    return {"LANG": locale, "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": ""}


def make_club(folder: Path, athletes: int, seed: int = 1) -> Path:
    """A data folder holding a demo club of `athletes`; its database, closed."""
    db = open_database(database_path(folder))
    fill_demo_club(db, athletes, seed=seed)
    db.close()
    return db.path


def make_backup(destination: Path, athletes: int, seed: int = 7) -> Path:
    """A verified backup, at `destination`, of another club of `athletes`."""
    from judo_manager.db.snapshot import write_verified_copy

    # The other club lives beside the stick, not on it.
    sources = destination.parent.with_name(f"{destination.parent.name}-sources")
    other = make_club(sources / destination.stem, athletes, seed)
    destination.parent.mkdir(parents=True, exist_ok=True)
    write_verified_copy(other, destination, scratch_dir=sources / "scratch")
    return destination


def left_days_ago(path: Path, content: bytes, days: float = 2) -> Path:
    """A file with `content` last changed `days` ago, as a run killed back then left it."""
    path.write_bytes(content)
    then = time.time() - days * 24 * 3600
    os.utime(path, (then, then))
    return path


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes: proves a file was left untouched."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def table_dump(path: Path) -> list[str]:
    """Every table's rows as SQL text, read without changing the file."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def data_digest(path: Path) -> str:
    """SHA-256 of every row of the club's data tables, in a fixed order."""
    digest = hashlib.sha256()
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        for table in ("clubs", "athletes", "app_settings"):
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1"):
                digest.update(repr(row).encode())
    finally:
        conn.close()
    return digest.hexdigest()


def assert_valid_backup(path: Path, athletes: int) -> None:
    """A complete, self-contained backup of ours, holding `athletes` athletes."""
    from judo_manager.db.connection import sidecars
    from judo_manager.db.migrations import APPLICATION_ID, SCHEMA_VERSION

    assert not any(side.exists() for side in sidecars(path))
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT count(*) FROM athletes").fetchone()[0] == athletes
    finally:
        conn.close()
    # Reading it must not have left anything beside it either.
    assert not any(side.exists() for side in sidecars(path))
