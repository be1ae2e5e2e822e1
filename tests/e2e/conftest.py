"""End-to-end harness: the real pywebview window under Xvfb, driven by Playwright over CDP.

Each launch gets a fresh data folder and a fresh remote-debugging port; a port clash would
be silent, so no port is ever reused.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, Playwright, expect, sync_playwright

from judo_manager.window.app import DEBUG_PORT_ENV
from tests.e2e.launch_app import ANSWERS_ENV

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
LAUNCHER = Path(__file__).with_name("launch_app.py")
START_TIMEOUT_S = 60.0

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="session")
def display() -> Iterator[str]:
    """An X display: the one we were given, else a private Xvfb started here."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"]
        return
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed; run the README's test command, which installs it")
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as reader:
        number = reader.readline().strip()  # Xvfb writes it once the display accepts clients
    if not number:
        xvfb.kill()
        pytest.fail("Xvfb did not start")
    os.environ["DISPLAY"] = f":{number}"
    yield os.environ["DISPLAY"]
    xvfb.terminate()
    xvfb.wait(10)
    del os.environ["DISPLAY"]


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """One Playwright driver for the whole session."""
    with sync_playwright() as p:
        yield p


@dataclass
class RunningApp:
    """One running `judo-manager` window and the Playwright page attached to it."""

    process: subprocess.Popen[bytes]
    data_dir: Path
    port: int
    log_path: Path
    answers_path: Path
    browser: Browser | None = None
    page: Page = field(init=False)

    def answer_dialog(self, chosen: Path | None) -> None:
        """Queue the answer for the next native file dialog: a path, or None to cancel."""
        with self.answers_path.open("a") as answers:
            answers.write(json.dumps(None if chosen is None else str(chosen)) + "\n")

    def dialogs_asked(self) -> list[dict[str, str]]:
        """What each dialog was opened with, in order."""
        asked = self.answers_path.with_suffix(".asked.jsonl")
        if not asked.exists():
            return []
        return [json.loads(line) for line in asked.read_text().splitlines()]

    def log(self) -> str:
        """Everything the app printed."""
        return self.log_path.read_text(errors="replace")

    def stop(self) -> int:
        """End the app; its exit code."""
        if self.browser is not None:
            self.browser.close()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
        return self.process.wait()


def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for_cdp(app: RunningApp) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    url = f"http://127.0.0.1:{app.port}/json/version"
    while time.monotonic() < deadline:
        if app.process.poll() is not None:
            raise AssertionError(f"the app exited with {app.process.returncode}:\n{app.log()}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)  # polling a port that is not open yet
    raise AssertionError(f"no remote-debugging endpoint after {START_TIMEOUT_S}s:\n{app.log()}")


LaunchApp = Callable[..., RunningApp]


def _start(
    playwright: Playwright,
    run_dir: Path,
    data_dir: Path | None,
    *,
    real_dialogs: bool,
    args: list[str] | None,
    env: dict[str, str] | None,
    executable: Path | None,
    apps: list[RunningApp],
) -> RunningApp:
    run_dir.mkdir(parents=True)
    data = data_dir or run_dir / "data"
    port = free_port()
    # The system's language is neutral (tests/conftest.py) unless `env` names another.
    app_env = {**os.environ, **(env or {})}
    app_env.update({DEBUG_PORT_ENV: str(port), ANSWERS_ENV: str(run_dir / "answers")})
    app_env.pop("JUDO_MANAGER_DATA_DIR", None)
    entry = ["-m", "judo_manager"] if real_dialogs else [str(LAUNCHER)]
    program = [str(executable)] if executable else [sys.executable, *entry]
    log_path = run_dir / "app.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [*program, "--data-dir", str(data), *(args or [])],
            env=app_env,
            cwd=run_dir if executable else ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    app = RunningApp(process, data, port, log_path, run_dir / "answers")
    apps.append(app)
    _wait_for_cdp(app)
    app.browser = playwright.chromium.connect_over_cdp(f"http://127.0.0.1:{port}", no_defaults=True)
    context = app.browser.contexts[0]
    app.page = context.pages[0] if context.pages else context.wait_for_event("page")
    return app


@pytest.fixture
def launch_app(
    display: str, playwright: Playwright, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[LaunchApp]:
    """Start the real window: `launch_app(data_dir=..., real_dialogs=False, args=[], env={})`.

    `executable=` starts that program instead of the venv's package, from a folder of its own
    (the bundle, in tests/bundle); it has no dialog seam, so its dialogs are always real.
    """
    apps: list[RunningApp] = []

    def launch(
        data_dir: Path | None = None,
        *,
        real_dialogs: bool = False,
        args: list[str] | None = None,
        env: dict[str, str] | None = None,
        executable: Path | None = None,
    ) -> RunningApp:
        run_dir = tmp_path / f"run-{len(apps)}"
        return _start(
            playwright,
            run_dir,
            data_dir,
            real_dialogs=real_dialogs,
            args=args,
            env=env,
            executable=executable,
            apps=apps,
        )

    yield launch
    for app in apps:
        app.stop()
        if getattr(request.node, "rep_call", None) and request.node.rep_call.failed:
            print(f"--- app log ({app.data_dir}) ---\n{app.log()}")


@pytest.fixture(scope="module")
def launch_module_app(
    display: str, playwright: Playwright, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LaunchApp]:
    """`launch_app` for a window that a whole test module shares (it starts once: CI time)."""
    apps: list[RunningApp] = []
    root = tmp_path_factory.mktemp("module-app")

    def launch(data_dir: Path | None = None, *, env: dict[str, str] | None = None) -> RunningApp:
        return _start(
            playwright,
            root / f"run-{len(apps)}",
            data_dir,
            real_dialogs=False,
            args=None,
            env=env,
            executable=None,
            apps=apps,
        )

    yield launch
    for app in apps:
        app.stop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def sidebar(page: Page) -> Locator:
    """The sidebar's list of pages, in any language (the menu's own name is translated)."""
    return page.get_by_role("complementary").get_by_role("navigation")


def go_to(page: Page, name: str, *, timeout: float | None = None) -> None:
    """Open the page called `name` from the sidebar, as a coach would, and wait for its heading.

    The app opens on the Dashboard, so a test that needs the roster goes to "Athletes" here.
    `timeout` (ms) is for the first step after a launch, while the window is still starting.
    """
    sidebar(page).get_by_role("button", name=name, exact=True).click(timeout=timeout)
    expect(page.get_by_role("heading", level=1, name=name, exact=True)).to_be_visible(
        timeout=timeout
    )


def save_screenshot(page: Page, name: str, *, zoomed: bool = False) -> Path:
    """Keep a picture of the window in test-artifacts/ for people to look at.

    `zoomed`: the page is zoomed by Qt, which Playwright doesn't know of (it would crop the
    picture to the page's size in CSS pixels), so the window's own pixels are asked for.
    """
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    if zoomed:
        session = page.context.new_cdp_session(page)
        shot = session.send("Page.captureScreenshot", {"format": "png"})
        session.detach()
        path.write_bytes(base64.b64decode(shot["data"]))
        return path
    # Finished animations: a toast caught sliding in would be half transparent.
    page.screenshot(path=str(path), animations="disabled")
    return path


def private_home(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A home folder of the app's own, so where the file dialogs start is known."""
    home = tmp_path / "home"
    home.mkdir(parents=True)
    return home, {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}
