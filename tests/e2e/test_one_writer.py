"""One writer per data folder: the window holds it, a second window or a command that
changes data is refused in the coach's words, and a crashed window leaves no lock behind."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import expect

from judo_manager.db import open_database
from judo_manager.db.layout import database_path
from judo_manager.db.snapshot import write_verified_copy
from judo_manager.demo.generator import fill_demo_club
from tests.conftest import data_digest
from tests.e2e.conftest import LaunchApp

UI_TIMEOUT_MS = 30_000
IN_USE = "Judo Manager is already open with this club's data"


def _club(folder: Path, athletes: int) -> Path:
    db = open_database(database_path(folder))
    fill_demo_club(db, athletes, seed=3)
    db.close()
    return folder


def _judo_manager(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "judo_manager", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )


def test_beside_the_window_changing_commands_are_refused_and_reading_ones_work(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    data = _club(tmp_path / "data", 20)
    backup = tmp_path / "usb" / "other.db"
    backup.parent.mkdir()
    write_verified_copy(
        database_path(_club(tmp_path / "other", 7)), backup, scratch_dir=tmp_path / "s"
    )
    app = launch_app(data)
    expect(app.page.get_by_test_id("roster-count")).to_contain_text("20", timeout=UI_TIMEOUT_MS)
    before = data_digest(database_path(data))

    refused = [
        _judo_manager(data, "restore", str(backup), "--yes"),
        _judo_manager(data, "undo-restore"),
        _judo_manager(data, "demo", "--athletes", "5", "--force"),
    ]
    reading = [
        _judo_manager(data, "inspect", str(backup)),
        _judo_manager(data, "backup", str(tmp_path / "usb")),
    ]

    for result in refused:
        assert result.returncode == 1
        assert result.stderr.startswith(f"error: {IN_USE}. Close its window first")
        assert result.stderr.count("\n") == 1
    assert data_digest(database_path(data)) == before
    for result in reading:
        assert result.returncode == 0, result.stderr
    expect(app.page.get_by_test_id("roster-count")).to_contain_text("20")


def test_a_second_window_on_the_same_data_says_so_and_the_first_keeps_working(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    data = _club(tmp_path / "data", 20)
    first = launch_app(data)
    expect(first.page.get_by_test_id("roster-count")).to_contain_text("20", timeout=UI_TIMEOUT_MS)

    second = launch_app(data)

    expect(second.page.get_by_role("alert")).to_contain_text(IN_USE, timeout=UI_TIMEOUT_MS)
    second.stop()
    assert f"error: {IN_USE}" in second.log()
    assert first.process.poll() is None
    first.page.get_by_role("combobox", name="Status").select_option(label="All")
    expect(first.page.get_by_test_id("roster-count")).to_contain_text("20")


def test_a_window_that_was_killed_leaves_no_lock_behind(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    data = _club(tmp_path / "data", 20)
    app = launch_app(data)
    expect(app.page.get_by_test_id("roster-count")).to_contain_text("20", timeout=UI_TIMEOUT_MS)

    app.process.send_signal(signal.SIGKILL)
    app.process.wait(30)
    demo = _judo_manager(data, "demo", "--athletes", "5", "--force")

    assert demo.returncode == 0, demo.stderr
    assert "Added 5 demo athletes" in demo.stdout
