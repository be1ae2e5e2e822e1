"""Closing the window during a job, and where the native dialogs start and what they offer."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from judo_manager.bridge.prompts import dialog_start_folder
from judo_manager.drives import removable_drives
from judo_manager.jobs import JobLock
from judo_manager.window.closing import CloseGuard
from tests.conftest import mounted_tmpfs


class Window:
    """The window as the close guard sees it: the coach's answer, and whether it closed."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[str] = []
        self.closed = threading.Event()
        self.job_running_when_closed: bool | None = None
        self.jobs: JobLock | None = None

    def confirm(self, title: str, message: str) -> bool:
        self.asked.append(message)
        return self.answer

    def close(self) -> None:
        assert self.jobs is not None
        self.job_running_when_closed = self.jobs.busy()
        self.closed.set()


def _guard(answer: bool) -> tuple[JobLock, Window, CloseGuard]:
    jobs = JobLock()
    window = Window(answer)
    window.jobs = jobs
    return jobs, window, CloseGuard(jobs, window)


def test_closing_with_no_job_running_closes_at_once() -> None:
    _, window, guard = _guard(answer=True)
    assert guard.on_closing() is None  # pywebview goes on closing
    assert window.asked == []


def test_closing_during_a_job_asks_and_closes_only_once_the_job_is_done() -> None:
    jobs, window, guard = _guard(answer=True)
    started, finish = threading.Event(), threading.Event()

    def job() -> None:
        with jobs.exclusive():
            started.set()
            finish.wait()

    worker = threading.Thread(target=job)
    worker.start()
    started.wait()

    assert guard.on_closing() is False  # the window stays open
    assert guard.on_closing() is False  # a second click doesn't ask twice
    assert not window.closed.is_set()
    finish.set()
    worker.join()
    guard.wait()

    assert len(window.asked) == 1 and "still writing a backup" in window.asked[0]
    assert window.closed.is_set() and window.job_running_when_closed is False


def test_keeping_the_window_open_leaves_the_job_and_the_window_alone() -> None:
    jobs, window, guard = _guard(answer=False)
    with jobs_held(jobs):
        assert guard.on_closing() is False
        guard.wait()
    assert window.asked and not window.closed.is_set()


class jobs_held:  # noqa: N801 - reads as a phrase in the test
    """A job running in another thread for the block."""

    def __init__(self, jobs: JobLock) -> None:
        self._jobs = jobs
        self._started, self._finish = threading.Event(), threading.Event()
        self._thread = threading.Thread(target=self._run)

    def _run(self) -> None:
        with self._jobs.exclusive():
            self._started.set()
            self._finish.wait()

    def __enter__(self) -> None:
        self._thread.start()
        self._started.wait()

    def __exit__(self, *exc: object) -> None:
        self._finish.set()
        self._thread.join()


# --- where the dialogs start -----------------------------------------------------------------


def test_a_plugged_in_stick_is_found_and_a_plain_folder_is_not(tmp_path: Path) -> None:
    media = tmp_path / "media" / "coach"
    stick, not_a_drive = media / "CLUB_STICK", media / "leftover-folder"
    stick.mkdir(parents=True)
    not_a_drive.mkdir()
    if __import__("os").geteuid() != 0:
        pytest.fail("mounting a stand-in USB stick needs root")
    with mounted_tmpfs(stick, "size=1m"):
        assert removable_drives([media]) == [stick]
    assert removable_drives([media]) == []


def test_the_dialogs_start_in_the_last_backups_folder_else_a_stick_else_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(home / "Documents"))
    stick = tmp_path / "STICK"
    stick.mkdir()
    last = tmp_path / "old-stick" / "judo_backup.db"
    last.parent.mkdir()

    assert dialog_start_folder(last, drives=lambda: [stick]) == last.parent
    assert dialog_start_folder(tmp_path / "gone" / "x.db", drives=lambda: [stick]) == stick
    assert dialog_start_folder(None, drives=lambda: [stick]) == stick
    assert dialog_start_folder(None, drives=lambda: []) == home / "Documents"
