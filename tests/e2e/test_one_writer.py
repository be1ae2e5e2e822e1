"""One writer per data folder: the window holds it, a second window or a command that
changes data is refused in the coach's words, and a crashed window leaves no lock behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import expect

from judo_manager.db.layout import DataFolder, database_path
from judo_manager.db.lock import DataFolderLock
from tests.conftest import data_digest, make_backup, make_club, run_cli
from tests.e2e.conftest import LaunchApp, RunningApp, go_to
from tests.e2e.native import wait_until, xdotool

UI_TIMEOUT_MS = 30_000
IN_USE = "Judo Manager is already open with this club's data"


def _window_on_a_club(launch_app: LaunchApp, data: Path) -> RunningApp:
    """The window open on a club of 20 athletes, its roster shown."""
    make_club(data, 20, seed=3)
    app = launch_app(data)
    go_to(app.page, "Athletes", timeout=UI_TIMEOUT_MS)
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
    # Judged before the reading commands run: a backup records in the data how far the
    # club's changes are backed up (its log and that mark), which is not a change to it.
    after_refused = data_digest(database_path(data))
    reading = [
        run_cli(data, "inspect", str(backup)),
        run_cli(data, "backup", str(tmp_path / "usb")),
        run_cli(data, "status"),
    ]

    for result in refused:
        assert result.returncode == 1
        assert result.stderr.startswith(f"error: {IN_USE}. Close its window first")
        assert result.stderr.count("\n") == 1
    assert after_refused == before
    for result in reading:
        assert result.returncode == 0, result.stderr
    assert "open with this data" in reading[-1].stdout
    expect(app.page.get_by_test_id("roster-count")).to_contain_text("20")


def test_a_second_start_on_the_same_data_brings_the_first_window_to_the_front(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    first = _window_on_a_club(launch_app, tmp_path / "data")
    other = _window_on_a_club(launch_app, tmp_path / "other-club")
    mine, theirs = _x_window_of(first), _x_window_of(other)
    xdotool("windowraise", theirs)
    wait_until(lambda: _on_top(theirs, mine), "the other club's window on top", first)

    second = subprocess.run(
        [sys.executable, "-m", "judo_manager", "--data-dir", str(first.data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        env=os.environ,
    )

    assert second.returncode == 0, second.stderr
    assert f"{IN_USE}: its window was brought to the front." in second.stdout
    # Raised above the other window. (Without a window manager, as under Xvfb, X itself
    # refuses to move the keyboard focus to a window that didn't just get an event.)
    wait_until(lambda: _on_top(mine, theirs), "the first window on top", first)
    assert first.process.poll() is None
    first.page.get_by_role("combobox", name="Status").select_option(label="All")
    expect(first.page.get_by_test_id("roster-count")).to_contain_text("20")


def test_a_second_start_that_nobody_answers_says_the_data_is_open(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    make_club(data, 5)
    # A command holding the folder (a long restore, say) has no window to bring forward.
    holder = DataFolderLock(DataFolder(data))
    holder.acquire("")
    try:
        second = launch_app(data)
        expect(second.page.get_by_role("alert")).to_contain_text(IN_USE, timeout=UI_TIMEOUT_MS)
        second.stop()
    finally:
        holder.release()
    assert f"error: {IN_USE}" in second.log()


def _on_top(upper: str, lower: str) -> bool:
    """True when X stacks window `upper` above `lower` (ids as xdotool prints them)."""
    # `xwininfo -children` lists the root's children topmost first.
    tree = subprocess.run(
        ["xwininfo", "-root", "-children"], capture_output=True, text=True, check=True
    ).stdout
    order = [int(line.split()[0], 16) for line in tree.splitlines() if '"Judo Manager"' in line]
    return order.index(int(upper)) < order.index(int(lower))


def _x_window_of(app: RunningApp) -> str:
    found = xdotool("search", "--all", "--pid", str(app.process.pid), "--name", "^Judo Manager$")
    return found.split()[0]


def test_a_window_that_was_killed_leaves_no_lock_behind(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    app = _window_on_a_club(launch_app, tmp_path / "data")

    app.process.send_signal(signal.SIGKILL)
    app.process.wait(30)
    demo = run_cli(app.data_dir, "demo", "--athletes", "5", "--force")

    assert demo.returncode == 0, demo.stderr
    assert "Added 5 demo athletes" in demo.stdout
