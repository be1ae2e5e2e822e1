"""One writer per data folder: the window holds it, a second window or a command that
changes data is refused in the coach's words, and a crashed window leaves no lock behind."""

from __future__ import annotations

import signal
from pathlib import Path

from playwright.sync_api import expect

from judo_manager.db.layout import database_path
from tests.conftest import data_digest, make_backup, make_club, run_cli
from tests.e2e.conftest import LaunchApp, RunningApp

UI_TIMEOUT_MS = 30_000
IN_USE = "Judo Manager is already open with this club's data"


def _window_on_a_club(launch_app: LaunchApp, data: Path) -> RunningApp:
    """The window open on a club of 20 athletes, its roster shown."""
    make_club(data, 20, seed=3)
    app = launch_app(data)
    expect(app.page.get_by_test_id("roster-count")).to_contain_text("20", timeout=UI_TIMEOUT_MS)
    return app


def test_beside_the_window_changing_commands_are_refused_and_reading_ones_work(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    app = _window_on_a_club(launch_app, data)
    backup = make_backup(tmp_path / "usb" / "other.db", 7)
    before = data_digest(database_path(data))

    refused = [
        run_cli(data, "restore", str(backup), "--yes"),
        run_cli(data, "undo-restore"),
        run_cli(data, "demo", "--athletes", "5", "--force"),
    ]
    reading = [
        run_cli(data, "inspect", str(backup)),
        run_cli(data, "backup", str(tmp_path / "usb")),
        run_cli(data, "status"),
    ]

    for result in refused:
        assert result.returncode == 1
        assert result.stderr.startswith(f"error: {IN_USE}. Close its window first")
        assert result.stderr.count("\n") == 1
    assert data_digest(database_path(data)) == before
    for result in reading:
        assert result.returncode == 0, result.stderr
    assert "open with this data" in reading[-1].stdout
    expect(app.page.get_by_test_id("roster-count")).to_contain_text("20")


def test_a_second_window_on_the_same_data_says_so_and_the_first_keeps_working(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    first = _window_on_a_club(launch_app, tmp_path / "data")

    second = launch_app(first.data_dir)

    expect(second.page.get_by_role("alert")).to_contain_text(IN_USE, timeout=UI_TIMEOUT_MS)
    second.stop()
    assert f"error: {IN_USE}" in second.log()
    assert first.process.poll() is None
    first.page.get_by_role("combobox", name="Status").select_option(label="All")
    expect(first.page.get_by_test_id("roster-count")).to_contain_text("20")


def test_a_window_that_was_killed_leaves_no_lock_behind(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    app = _window_on_a_club(launch_app, tmp_path / "data")

    app.process.send_signal(signal.SIGKILL)
    app.process.wait(30)
    demo = run_cli(app.data_dir, "demo", "--athletes", "5", "--force")

    assert demo.returncode == 0, demo.stderr
    assert "Added 5 demo athletes" in demo.stdout
