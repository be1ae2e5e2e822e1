"""What Windows and macOS do differently, played on Linux: held files, their error numbers,
reserved names, path limits, network folders, case-insensitive drives and the windowed
app's missing console. tests/integration/test_other_systems.py reruns the backup and
restore tests under the same file rules."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import pytest

from judo_manager.backup.service import BackupService
from judo_manager.db import Database, drive_errors, fileio, open_database
from judo_manager.db.connection import connect, sqlite_uri
from judo_manager.db.drive_errors import describe_write_error, network_folder_kind
from judo_manager.db.layout import database_path
from judo_manager.demo.generator import fill_demo_club
from judo_manager.errors import BackupError, DataFolderError, DestinationExistsError
from judo_manager.jobs import JobLock
from tests.conftest import assert_valid_backup, make_backup, make_club
from tests.integration.test_usb_sticks import fat_stick  # noqa: F401
from tests.simulated_systems import MacFiles, WindowsFiles, sharing_violation


def _service(db: Database) -> BackupService:
    return BackupService(db, JobLock())


def _windows_error(winerror: int, code: int = errno.EACCES) -> OSError:
    error = OSError(code, "Windows said no", "E:\\club.db")
    error.winerror = winerror  # type: ignore[attr-defined]
    return error


# --- files another program holds ---------------------------------------------------------


def test_the_windows_simulation_refuses_to_replace_an_open_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without this, the reruns under Windows' rules would prove nothing."""
    windows = WindowsFiles().install(monkeypatch)
    held, new = tmp_path / "held.db", tmp_path / "new.db"
    held.write_bytes(b"old")
    new.write_bytes(b"new")
    with held.open("rb"), pytest.raises(PermissionError) as refused:
        os.replace(new, held)
    assert refused.value.winerror == 32  # type: ignore[attr-defined]
    assert windows.refused["replace"] == 1 and held.read_bytes() == b"old"


def test_a_backup_waits_out_a_scanner_holding_the_new_file(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_demo_club(db, 30)
    (tmp_path / "club.db").write_bytes(b"last week's backup")
    scanner = WindowsFiles(holds=3).install(monkeypatch)

    _service(db).export(tmp_path / "club.db", replace=True)

    assert scanner.refused["replace (scanner)"] == 3
    assert_valid_backup(tmp_path / "club.db", 30)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["club.db", "data"]


def test_a_file_held_for_good_is_named_as_in_use_and_the_old_backup_stays(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_demo_club(db, 30)
    old = tmp_path / "club.db"
    old.write_bytes(b"last week's backup")
    monkeypatch.setattr(fileio, "HELD_RETRY_S", 0.3)  # the same wait, shorter, for the test
    WindowsFiles().install(monkeypatch)

    with old.open("rb"), pytest.raises(BackupError, match=r"Another program is using club\.db"):
        _service(db).export(old, replace=True)

    assert old.read_bytes() == b"last week's backup"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["club.db", "data"]


def test_an_undo_whose_leftover_is_held_still_succeeds(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from judo_manager.restore.service import RestoreService

    make_club(data_dir, 12)
    backup = make_backup(tmp_path / "stick" / "other.db", 25)
    db = open_database(database_path(data_dir))
    try:
        service = RestoreService(db, JobLock())
        service.restore(service.inspect(backup).token)
        monkeypatch.setattr(fileio, "HELD_RETRY_S", 0.3)
        # A sync client that never lets go of what it deletes.
        held = WindowsFiles(holds=10**6, held_actions=frozenset({"delete"})).install(monkeypatch)

        outcome = service.undo()

        assert outcome.athletes == 12
        assert held.refused["delete (scanner)"] > 0
        assert service.undo_status() is None  # the copy put back is not offered again
    finally:
        db.close()


def test_a_sendfile_that_wants_a_socket_copies_through_memory(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_demo_club(db, 30)
    mac = MacFiles().install(monkeypatch)

    _service(db).export(tmp_path / "club.db", replace=False)

    assert mac.sendfile_calls >= 1
    assert_valid_backup(tmp_path / "club.db", 30)


def test_sendfile_is_used_on_linux_only() -> None:
    assert fileio.USE_SENDFILE is sys.platform.startswith("linux")


def test_every_connection_asks_for_full_syncs(db: Database) -> None:
    """macOS's fsync leaves the data in the drive's cache; SQLite's fullfsync flushes it."""
    assert db.connection().execute("PRAGMA fullfsync").fetchone()[0] == 1
    assert connect(db.path, read_only=True).execute("PRAGMA fullfsync").fetchone()[0] == 1


def test_the_partial_file_is_hidden_while_written_and_the_backup_is_not(
    db: Database, tmp_path: Path
) -> None:
    fill_demo_club(db, 30)
    seen: list[list[tuple[str, bool]]] = []

    def look(phase: str, _fraction: float) -> None:
        if phase == "copying":
            seen.append([(p.name, _hidden(p)) for p in tmp_path.iterdir() if p.name != "data"])

    _service(db).export(tmp_path / "club.db", replace=False, progress=look)

    assert seen and all(names == [(names[0][0], True)] for names in seen if names)
    shown = sorted((p.name, _hidden(p)) for p in tmp_path.iterdir())
    assert shown == [("club.db", False), ("data", False)]


def _hidden(path: Path) -> bool:
    """Hidden as the system's file manager sees it."""
    attributes = getattr(path.stat(), "st_file_attributes", None)
    if attributes is not None:  # Windows: the attribute, whatever the name
        return bool(attributes & 0x2)
    return path.name.startswith(".")


# --- Windows' and macOS's error numbers ----------------------------------------------------


@pytest.mark.parametrize(
    ("winerror", "code", "words"),
    [
        (5, errno.EACCES, "Controlled folder access"),
        (21, errno.EACCES, "The drive was unplugged"),
        (31, errno.EINVAL, "The drive was unplugged"),
        (32, errno.EACCES, "Another program is using club.db"),
        (206, errno.ENOENT, "too long for this system"),
        (1167, errno.ENOENT, "The drive was unplugged"),
        (112, errno.ENOSPC, "The drive is full"),
        (19, errno.EACCES, "check its lock switch"),
        (53, errno.ENOENT, "network folder"),
    ],
)
def test_windows_errors_are_read_by_their_own_number(winerror: int, code: int, words: str) -> None:
    message = str(describe_write_error(_windows_error(winerror, code), Path("E:/club.db"), 10))
    assert words in message
    # CPython's errno alone would have said the folder is read-only or gone.
    if winerror not in (5, 19):
        assert "read-only" not in message
    if winerror not in (2, 3):
        assert "no longer there" not in message


def test_a_sharing_violation_is_not_called_read_only() -> None:
    message = str(describe_write_error(sharing_violation("E:/club.db"), Path("E:/club.db"), 10))
    assert "Another program is using" in message and "read-only" not in message


def test_macos_privacy_refusal_says_where_to_allow_it() -> None:
    refused = PermissionError(errno.EPERM, "Operation not permitted", "/Users/coach/Documents")
    documents = Path("/Users/coach/Documents/club.db")
    message = str(describe_write_error(refused, documents, 10, system="darwin"))
    assert "Privacy & Security" in message and "read-only" not in message
    on_linux = str(describe_write_error(refused, Path("/media/stick/club.db"), 10, system="linux"))
    assert "read-only" in on_linux


# --- names and paths -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["con.db", "NUL.db", "aux", "com1.backup.db", "lpt9 .db", "prn"])
def test_a_name_windows_keeps_for_a_device_is_refused_before_writing(
    db: Database, tmp_path: Path, name: str
) -> None:
    fill_demo_club(db, 5)
    stick = tmp_path / "stick"
    stick.mkdir()

    with pytest.raises(BackupError, match="a name Windows keeps for a device"):
        _service(db).export(stick / name, replace=False)

    assert list(stick.iterdir()) == []


def test_names_that_only_start_like_a_device_are_fine(db: Database, tmp_path: Path) -> None:
    fill_demo_club(db, 5)
    for name in ("console.db", "com10.db", "nullable.db", "con-2026.db"):
        _service(db).export(tmp_path / name, replace=False)
        assert_valid_backup(tmp_path / name, 5)


def test_a_path_over_windows_limit_is_refused_before_anything_is_written(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_demo_club(db, 5)
    monkeypatch.setattr(drive_errors, "path_limit", lambda: drive_errors.WINDOWS_PATH_LIMIT)
    deep = tmp_path / "Vereine"
    while len(str(deep)) < 200:
        deep = deep / "Unterordner"
    deep.mkdir(parents=True)
    too_long = deep / ("x" * (259 - len(str(deep))) + ".db")
    assert len(str(too_long)) > 259

    with pytest.raises(BackupError, match="too long for this system"):
        _service(db).export(too_long, replace=False)
    assert list(deep.iterdir()) == []

    # The temporary file beside it is longer than a short name: that counts too.
    fits = deep / ("y" * (259 - len(str(deep)) - 25) + ".db")
    _service(db).export(fits, replace=False)
    assert_valid_backup(fits, 5)


def test_a_name_longer_than_any_drive_allows_is_refused_before_writing(
    db: Database, tmp_path: Path
) -> None:
    fill_demo_club(db, 5)
    with pytest.raises(BackupError, match="too long"):
        _service(db).export(tmp_path / ("n" * 253 + ".db"), replace=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


# --- network folders -----------------------------------------------------------------------


def test_a_network_share_path_gets_an_uri_sqlite_accepts() -> None:
    share = PureWindowsPath(r"\\clubhouse\judo\Judo Manager\judo_manager.db")
    assert sqlite_uri(share, "mode=ro") == (
        "file:////clubhouse/judo/Judo%20Manager/judo_manager.db?mode=ro"
    )
    assert sqlite_uri(PureWindowsPath(r"C:\Users\Zoë\club#1.db"), "mode=ro") == (
        "file:///C:/Users/Zo%C3%AB/club%231.db?mode=ro"
    )


def test_a_folder_name_with_a_question_mark_still_opens_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "Club? #1"
    path = make_club(folder, 3)
    conn = connect(path, read_only=True)
    try:
        assert conn.execute("SELECT count(*) FROM athletes").fetchone()[0] == 3
    finally:
        conn.close()


def test_a_data_folder_on_a_network_share_is_refused_and_nothing_is_made(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "judo_manager", "--data-dir", "//clubhouse/judo/data", "demo"],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        cwd=tmp_path,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "is on a network share" in result.stderr and "--data-dir" in result.stderr
    assert not Path("/clubhouse").exists()


def test_a_data_folder_on_a_network_file_system_is_found_by_its_mount() -> None:
    mounts = (
        "/dev/sda1 / ext4 rw 0 0\n"
        "server:/export /home/coach/club nfs4 rw 0 0\n"
        "/dev/sdb1 /home/coach/club/usb vfat rw 0 0\n"
    )
    kind = network_folder_kind(Path("/home/coach/club/Judo Manager"), mounts=mounts)
    assert str(kind) == "a network file system (nfs4)"
    assert network_folder_kind(Path("/home/coach/club/usb/x"), mounts=mounts) is None
    assert network_folder_kind(Path("/home/coach/clubhouse"), mounts=mounts) is None


def test_opening_a_data_folder_on_a_network_share_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(DataFolderError, match="network share"):
        open_database(Path("//clubhouse/judo/data/judo_manager.db"))
    assert not Path("/clubhouse").exists()


# --- a case-insensitive drive (FAT32) ------------------------------------------------------


def test_on_a_case_insensitive_stick_another_case_is_the_same_file(
    db: Database,
    fat_stick: Path,  # noqa: F811
) -> None:
    fill_demo_club(db, 10)
    _service(db).export(fat_stick / "club.db", replace=False)

    with pytest.raises(DestinationExistsError):
        _service(db).export(fat_stick / "CLUB.DB", replace=False)
    _service(db).export(fat_stick / "Club.db", replace=True)

    assert len(os.listdir(fat_stick)) == 1
    assert_valid_backup(fat_stick / "club.db", 10)


# --- the command line without a console ----------------------------------------------------


def _cli_without_console(
    data_dir: Path, *args: str, encoding: str = "utf-8"
) -> subprocess.CompletedProcess[str]:
    """The command as the windowed app runs it: no standard input at all (fd 0 closed, so
    Python's sys.stdin is None), and a console in `encoding`."""
    return subprocess.run(
        [sys.executable, "-m", "judo_manager", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        encoding=encoding,
        errors="strict",
        env={**os.environ, "PYTHONIOENCODING": encoding},
        preexec_fn=lambda: os.close(0),
    )


def test_a_restore_without_any_standard_input_changes_nothing_and_says_so(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    make_club(data, 8)
    backup = make_backup(tmp_path / "stick" / "other.db", 20)

    result = _cli_without_console(data, "restore", str(backup))

    assert "Traceback" not in result.stderr
    assert "Nothing was changed" in result.stdout + result.stderr
    assert (
        open_database(database_path(data))
        .connection()
        .execute("SELECT count(*) FROM athletes")
        .fetchone()[0]
        == 8
    )


def test_a_console_that_cant_show_a_name_still_gets_the_answer(tmp_path: Path) -> None:
    data = tmp_path / "Vereinsdaten Müller-Öztürk ğ"
    make_club(data, 4)

    result = _cli_without_console(data, "status", encoding="ascii")

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "Vereinsdaten M?ller-?zt?rk ?" in result.stdout
