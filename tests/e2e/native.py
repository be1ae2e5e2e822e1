"""Talking to the real desktop: native dialogs through xdotool, and waiting on other processes."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable

from tests.e2e.conftest import RunningApp

# The titles the app gives Qt's file dialogs (in English, the language the tests speak).
SAVE_DIALOG_TITLE = "Save a backup"
OPEN_DIALOG_TITLE = "Choose a backup to restore"


def xdotool(*args: str) -> str:
    """Run xdotool and return what it printed; a failure fails the test."""
    done = subprocess.run(
        ["xdotool", *args], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, f"xdotool {' '.join(args)} failed: {done.stderr}"
    return done.stdout


def focus_dialog(app: RunningApp, title: str) -> str:
    """The app's visible dialog titled `title`, given the keyboard focus; its window id.

    Xvfb has no window manager, so the dialog is focused by hand.
    """
    # `--all`: xdotool's default `--any` would match every window of the pid.
    search = ["search", "--all", "--sync", "--onlyvisible", "--pid", str(app.process.pid)]
    found = xdotool(*search, "--name", f"^{title}$").split()
    assert len(found) == 1, f"expected one '{title}' window, found {found}"
    xdotool("windowfocus", "--sync", found[0])
    return found[0]


def type_path_and_accept(app: RunningApp, title: str, path: str) -> None:
    """Replace the file name in the dialog with `path` and press Return."""
    focus_dialog(app, title)
    xdotool("key", "ctrl+a")
    xdotool("type", path)
    xdotool("key", "Return")


def wait_until(
    condition: Callable[[], bool], what: str, app: RunningApp, timeout_s: float = 20.0
) -> None:
    """Poll a condition that another process makes true (a file, a folder)."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}:\n{app.log()}"
        time.sleep(0.05)  # polling state another process changes; there is no event to await


def resize_window(app: RunningApp, width: int, height: int) -> None:
    """Make the app's window `width` x `height`, as a coach dragging its corner would, and wait
    until the page has that room."""
    search = ["search", "--all", "--onlyvisible", "--pid", str(app.process.pid)]
    found = xdotool(*search, "--name", "^Judo Manager$").split()
    assert len(found) == 1, f"expected one Judo Manager window, found {found}"
    xdotool("windowsize", "--sync", found[0], str(width), str(height))
    app.page.wait_for_function(
        # Zoomed, the page counts in CSS pixels, rounded: within a pixel of the window's size.
        "([w, h]) => Math.abs(innerWidth * devicePixelRatio - w) < 2"
        " && Math.abs(innerHeight * devicePixelRatio - h) < 2",
        arg=[width, height],
    )
