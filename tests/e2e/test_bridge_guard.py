"""The bridge answers only the app's page, in the real window.

What a hostile page or script would try: read Python's traceback out of a refused call, send
the window to another page (a local file, a link, a dropped file) whose script calls the
bridge, or run a script of its own in the app's page. The app's own page keeps working
under the Content-Security-Policy that stops the last.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, Playwright, expect

from judo_manager.athletes.service import AthletesService
from judo_manager.db import open_database
from judo_manager.db.layout import database_path
from judo_manager.logs import LOG_FILENAME
from judo_manager.rules.service import RulesService
from tests.e2e.conftest import LaunchApp, RunningApp, go_to
from tests.e2e.native import wait_until

START_TIMEOUT_MS = 30_000
ATHLETE = "Ana Kovač"

# A page that, loaded into the window, would delete athlete 1 through the bridge.
HOSTILE_PAGE = """<!doctype html><html><head><title>Not Judo Manager</title><script>
window.addEventListener("pywebviewready", function () {
  window.pywebview.api.athletes.delete(1).then(function () { document.title = "deleted"; });
});
</script></head><body><h1>Not Judo Manager</h1></body></html>"""


@dataclass
class LocalSite:
    """Another web site on this machine (127.0.0.1, a port of its own), noting each request."""

    root: Path
    port: int
    requested: list[str] = field(default_factory=list)

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/{name}"


@pytest.fixture
def local_site(tmp_path: Path) -> Iterator[LocalSite]:
    root = tmp_path / "site"
    root.mkdir()
    site = LocalSite(root, 0)

    class Handler(SimpleHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requested.append(self.path)
            super().do_GET()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(root)))
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()
    thread.join()


@dataclass
class SystemBrowser:
    """A stand-in for the coach's web browser (`$BROWSER`): it notes each address it opens."""

    opened_file: Path

    @property
    def env(self) -> dict[str, str]:
        return {"BROWSER": str(self.opened_file.with_suffix(".sh"))}

    def opened(self) -> list[str]:
        return self.opened_file.read_text().split() if self.opened_file.exists() else []


@pytest.fixture
def system_browser(tmp_path: Path) -> SystemBrowser:
    browser = SystemBrowser(tmp_path / "browser-opened.txt")
    script = browser.opened_file.with_suffix(".sh")
    script.write_text(f'#!/bin/sh\necho "$1" >> "{browser.opened_file}"\n')
    script.chmod(0o755)
    return browser


def _club_of_one(data: Path) -> Path:
    db = open_database(database_path(data))
    try:
        white = next(b.id for b in RulesService(db).get().belts if b.name == "White")
        athlete = AthletesService(db).create(
            {
                "full_name": ATHLETE,
                "birth_date": "2010-03-14",
                "sex": "F",
                "belt_id": white,
                "weight_kg": 48.0,
                "active": True,
            }
        )
        assert athlete.id == 1  # the id HOSTILE_PAGE deletes
    finally:
        db.close()
    return data


def _warnings(app: RunningApp) -> str:
    """What the app logged: its terminal and its log file (judo_manager.logs)."""
    files = sorted((app.data_dir.parent / "state").rglob(LOG_FILENAME))
    return app.log() + "".join(f.read_text(errors="replace") for f in files)


def _athletes_on_disk(app: RunningApp) -> int:
    uri = f"{database_path(app.data_dir).as_uri()}?mode=ro"
    with sqlite3.connect(uri, uri=True) as conn:
        return int(conn.execute("SELECT count(*) FROM athletes").fetchone()[0])


def _open_roster(
    launch_app: LaunchApp, tmp_path: Path, env: dict[str, str] | None = None
) -> RunningApp:
    # A log folder of its own (platformdirs' user_log_dir), for _warnings to read.
    state = {"XDG_STATE_HOME": str(tmp_path / "state")}
    app = launch_app(_club_of_one(tmp_path / "club"), env={**state, **(env or {})})
    go_to(app.page, "Athletes", timeout=START_TIMEOUT_MS)
    expect(_roster_row(app.page)).to_be_visible()
    return app


def _roster_row(page: Page) -> Any:
    return page.get_by_role("row").filter(has_text=ATHLETE)


def _still_the_app(app: RunningApp, playwright: Playwright, app_url: str) -> None:
    """The window shows the app's page, with the athlete the hostile page would delete."""
    # Playwright counts a navigation the page asked for as pending until it ends, and one
    # the window refuses never does: every later `expect` would wait for it. A new
    # connection sees the window as it is.
    assert app.browser is not None
    app.browser.close()
    app.browser = playwright.chromium.connect_over_cdp(
        f"http://127.0.0.1:{app.port}", no_defaults=True
    )
    [page] = app.browser.contexts[0].pages
    expect(page.get_by_role("heading", level=1, name="Athletes")).to_be_visible()
    expect(_roster_row(page)).to_be_visible()
    assert page.url == app_url
    expect(page).not_to_have_title("deleted")
    assert _athletes_on_disk(app) == 1


# Each call settles to what the page's code reads of an error.
SETTLE = """call => call.then(
    value => ({ value }),
    error => ({ name: error.name, message: error.message, stack: error.stack }),
)"""


def _settle(page: Page, call: str) -> dict[str, Any]:
    return page.evaluate(f"({SETTLE})({call})")  # type: ignore[no-any-return]


def _assert_no_traceback(error: dict[str, Any]) -> None:
    for text in (error["message"], error["stack"]):
        assert ".py" not in text
        assert "Traceback" not in text
        assert 'File "' not in text
    assert error["stack"] == f"{error['name']}: {error['message']}"


def test_refused_calls_reach_the_page_as_name_and_message_without_a_traceback(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    page = _open_roster(launch_app, tmp_path).page
    api = "window.pywebview.api"

    missing = _settle(page, f"{api}.athletes.get(999999)")
    assert missing["name"] == "NotFoundError"
    assert missing["message"] == (
        "That athlete is no longer there; the data may have been restored meanwhile."
    )
    _assert_no_traceback(missing)

    refused = _settle(page, f"{api}.athletes.create({{}})")
    assert refused["name"] == "ValidationError"
    problems = json.loads(refused["message"])  # what lib/field-problems.ts parses
    assert problems["fields"]["fullName"] == "Full name is required."
    assert problems["message"].startswith("Full name is required.")
    _assert_no_traceback(refused)

    calm = (
        "Something unexpected went wrong (TypeError). Please try again; if it keeps "
        "happening, restart Judo Manager."
    )
    for wrong_count in (f"{api}.athletes.get()", f"{api}.athletes.get(1, 2)"):
        error = _settle(page, wrong_count)
        assert (error["name"], error["message"]) == ("UnexpectedError", calm)
        _assert_no_traceback(error)

    # A name Python has no method for, sent the way the stubs send theirs.
    unknown = _settle(
        page,
        """new Promise((resolve, reject) => {
            window.pywebview._returnValuesCallbacks["athletes.erase"] = {};
            window.pywebview._checkValue("athletes.erase", resolve, reject, "stale-page");
            window.pywebview._jsApiCallback("athletes.erase", [1], "stale-page");
        })""",
    )
    assert unknown["name"] == "UnexpectedError"
    assert unknown["message"].startswith("Something unexpected went wrong (no such bridge method)")
    _assert_no_traceback(unknown)

    # And the page goes on answering.
    assert _settle(page, f"{api}.athletes.get(1)")["value"]["fullName"] == ATHLETE


def test_a_script_cannot_send_the_window_to_a_local_file(
    launch_app: LaunchApp, playwright: Playwright, tmp_path: Path
) -> None:
    app = _open_roster(launch_app, tmp_path)
    page = app.page
    app_url = page.url
    hostile = tmp_path / "x.html"
    hostile.write_text(HOSTILE_PAGE)

    # Chromium itself refuses a web page's navigation to file://, before the window's
    # own guard is asked, and says so on the console.
    with page.expect_console_message(lambda m: hostile.as_uri() in m.text) as refusal:
        page.evaluate(f"window.location.href = {json.dumps(hostile.as_uri())}")
    assert "Not allowed to load local resource" in refusal.value.text

    _still_the_app(app, playwright, app_url)


@pytest.mark.parametrize("how", ["link", "script"])
def test_another_local_page_opens_in_the_system_browser_not_in_the_window(
    launch_app: LaunchApp,
    playwright: Playwright,
    tmp_path: Path,
    local_site: LocalSite,
    system_browser: SystemBrowser,
    how: str,
) -> None:
    (local_site.root / "other.html").write_text(HOSTILE_PAGE)
    other = local_site.url("other.html")
    app = _open_roster(launch_app, tmp_path, env=system_browser.env)
    page = app.page
    app_url = page.url

    if how == "link":
        page.evaluate(
            """href => {
                const link = document.createElement("a");
                link.href = href;
                link.textContent = "Results";
                link.id = "elsewhere";
                link.style.cssText = "position:fixed;top:0;left:0;z-index:2147483647";
                document.body.append(link);
            }""",
            other,
        )
        box = page.locator("#elsewhere").bounding_box()
        assert box is not None
        # A plain mouse click: Playwright's click would wait for the refused navigation.
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    else:
        page.evaluate("href => { window.location.href = href; }", other)

    wait_until(lambda: system_browser.opened() == [other], "the system browser", app)
    assert f"opened {other} in the system browser, not in the window" in _warnings(app)
    _still_the_app(app, playwright, app_url)
    assert local_site.requested == []  # the window never asked for the page


def test_a_dropped_file_is_neither_loaded_nor_handed_to_the_browser(
    launch_app: LaunchApp, playwright: Playwright, tmp_path: Path, system_browser: SystemBrowser
) -> None:
    app = _open_roster(launch_app, tmp_path, env=system_browser.env)
    page = app.page
    app_url = page.url
    dropped = tmp_path / "dropped.html"
    dropped.write_text(HOSTILE_PAGE)

    # The drop a file manager makes, delivered to the page as Chromium receives one.
    session = page.context.new_cdp_session(page)
    drag = {"items": [], "files": [str(dropped)], "dragOperationsMask": 1}
    for step in ("dragEnter", "dragOver", "drop"):
        session.send("Input.dispatchDragEvent", {"type": step, "x": 600, "y": 400, "data": drag})

    refusal = f"refused to load {dropped.as_uri()}"
    wait_until(lambda: refusal in _warnings(app), "the refusal", app)
    _still_the_app(app, playwright, app_url)
    assert system_browser.opened() == []


# Records each Content-Security-Policy violation from before the page's first script.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push({ directive: event.violatedDirective, blocked: event.blockedURI });
});
"""


def test_injected_scripts_and_eval_do_not_run_while_the_app_works(
    launch_app: LaunchApp, tmp_path: Path, local_site: LocalSite
) -> None:
    (local_site.root / "x.js").write_text("window.__remoteRan = true;")
    app = _open_roster(launch_app, tmp_path)
    page = app.page
    page.add_init_script(RECORD_VIOLATIONS)
    page.reload()  # the app's own page again, now watched from its first line
    # It starts on the Dashboard again; the roster's load is one more bridge call watched.
    go_to(page, "Athletes", timeout=START_TIMEOUT_MS)
    expect(_roster_row(page)).to_be_visible()

    # The app's own features under the policy: a bridge call that pushes its progress to
    # the page, a toast, styled by the stylesheet sonner inserts, and a dialog.
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    go_to(page, "Settings")
    expect(page.get_by_role("region", name="Last backup")).not_to_contain_text("Checking")
    app.answer_dialog(stick / "club.db")
    page.get_by_role("button", name="Export Database").click()
    expect(page.get_by_role("status").filter(has_text="Backup saved: club.db")).to_be_visible()
    assert (stick / "club.db").exists()
    expect(page.locator("[data-sonner-toaster]")).to_have_css("position", "fixed")
    expect(page.locator("body")).to_have_css("user-select", "none")  # pywebview's style
    # A modal dialog, which locks the page's scrolling with a <style> of its own.
    go_to(page, "Athletes")
    page.get_by_role("button", name="Add athlete").click()
    expect(page.get_by_role("dialog")).to_be_visible()
    expect(page.locator("body")).to_have_css("overflow", "hidden")
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_have_count(0)

    inline = page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__inlineRan = true;";
            document.body.append(script);  // an inline script allowed to run has run now
            return window.__inlineRan ?? "did not run";
        }"""
    )
    assert inline == "did not run"

    # eval and new Function as the page's own code meets them: in a task of the page, not
    # inside Playwright's evaluation, where the DevTools protocol lets eval through.
    in_a_task = """code => new Promise((resolve) => setTimeout(() => {
        try { resolve(String(code())); } catch (error) { resolve(error.name); }
    }))"""
    assert page.evaluate(f"({in_a_task})(() => eval('1'))") == "EvalError"
    assert page.evaluate(f"({in_a_task})(() => new Function('return 1')())") == "EvalError"

    remote = local_site.url("x.js")
    refused = page.evaluate(
        """src => Promise.all([
            new Promise((resolve) => {
                document.addEventListener("securitypolicyviolation", function seen(event) {
                    if (event.blockedURI !== src) return;
                    document.removeEventListener("securitypolicyviolation", seen);
                    resolve(event.violatedDirective);
                });
            }),
            new Promise((resolve) => {
                const script = document.createElement("script");
                script.src = src;
                script.onload = () => resolve("loaded");
                script.onerror = () => resolve("refused");
                document.head.append(script);
            }),
        ])""",
        remote,
    )
    assert refused == ["script-src-elem", "refused"]
    assert page.evaluate("window.__remoteRan") is None
    assert local_site.requested == []

    # Nothing the app itself did was refused, only what was injected. Reports reach the page
    # in the order they were made, so with the last one in, every earlier one is too.
    violations = page.evaluate("window.__violations")
    assert {(v["directive"], v["blocked"]) for v in violations} == {
        ("script-src-elem", "inline"),
        ("script-src", "eval"),
        ("script-src-elem", remote),
    }
