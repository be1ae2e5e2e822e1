"""How fast the window becomes usable, quiet and beside a busy window; how light commands are.

1. The real window under Xvfb, from process spawn to interactive: the sidebar's Settings
   button visible and `window.pywebview.api.system.getAppInfo()` resolved. Timed from
   outside (Playwright over CDP; the port is polled every 20 ms) and from inside the page
   (a watcher injected on attach reads `performance.timeOrigin + performance.now()`,
   the same wall clock as `time.time()` at spawn). The first launch is reported apart
   (`--drop-caches` makes it truly cold; root only); then --runs warm launches in each of
   two conditions: quiet, and with a second Qt WebEngine window busy beside it
   (bench/_busy_window.py: a full-window canvas redrawn every frame). Each launch of the
   app takes turns with one of the baseline, a bare pywebview Qt window on a static page
   with a one-method bridge (bench/_bare_window.py), timed the same way.
2. `judo-manager backup` start cost next to plain Python, and whether it imports Qt or
   pywebview (`-X importtime`).

Targets: warm start under 0.8 s quiet and under 1.0 s beside the busy window, under Xvfb on
2 cores; the subcommand as fast as plain Python. Nothing here asserts on a time.

    .venv/bin/python bench/start.py [--runs 5] [--drop-caches]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, Playwright, sync_playwright

from _common import (
    BACKEND,
    JUDO_MANAGER,
    PYTHON,
    compile_checkout,
    load_average,
    median,
    print_table,
    ratio,
    run_child,
    stop,
)
from judo_manager.db.layout import DATA_DIR_ENV
from judo_manager.window.app import DEBUG_PORT_ENV

START_TIMEOUT_S = 60.0
POLL_S = 0.02
GUI_MODULES = ("webview", "PySide6", "qtpy")

# Installed on attach: polls every frame until the sidebar shows Settings, then waits for a
# bridge call to come back, and keeps the moment on the wall clock (epoch milliseconds).
WATCH_INTERACTIVE = """() => {
  if (window.__benchWatch) return;
  window.__benchWatch = { already: false, at: null };
  const buttons = () => document.querySelectorAll("nav button, [role=navigation] button");
  const settingsShown = () => [...buttons()].some(
    (b) => b.textContent.includes("Settings") && b.getClientRects().length > 0);
  const ready = () => typeof window.pywebview?.api?.system?.getAppInfo === "function";
  window.__benchWatch.already = settingsShown() && ready();
  const tick = () => {
    if (!(settingsShown() && ready())) return requestAnimationFrame(tick);
    window.pywebview.api.system.getAppInfo().then(() => {
      window.__benchWatch.at = performance.timeOrigin + performance.now();
    });
  };
  tick();
}"""
MILESTONES = """() => ({
  origin: performance.timeOrigin,
  paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
  watch: window.__benchWatch,
})"""


@dataclass(frozen=True)
class Launch:
    """Seconds from spawn to each milestone of one window launch."""

    cdp_open: float
    navigation: float
    first_paint: float
    in_page: float
    in_page_exact: bool  # False: the watcher arrived after the moment, so it is an upper bound
    playwright: float


BENCH = Path(__file__).resolve().parent
BARE_WINDOW = BENCH / "_bare_window.py"
BUSY_WINDOW = BENCH / "_busy_window.py"
QUIET, LOADED = "quiet", "beside a busy Qt window"
TARGETS_S = {QUIET: 0.8, LOADED: 1.0}
APP, BARE = "app", "bare pywebview window"


def main() -> None:
    """Launch the window quiet and under load, next to the baseline; time the subcommands."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="warm launches and command runs")
    parser.add_argument(
        "--drop-caches", action="store_true", help="drop the page cache before the first launch"
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="jm-bench-start-"))
    compile_checkout()
    print(f"the app's code and page: {BACKEND / 'judo_manager'}")
    print(f"load average at start: {load_average()}")
    try:
        with display(), sync_playwright() as playwright:
            if args.drop_caches:
                os.sync()
                Path("/proc/sys/vm/drop_caches").write_text("3\n")
            first = launch(playwright, work)
            launch_bare(playwright, work)  # its first launch warms its own files; not counted
            warm = {QUIET: take_turns(playwright, work, args.runs)}
            with busy_window() as busy:
                warm[LOADED] = take_turns(playwright, work, args.runs)
                print(f"the busy window used {busy.cores():.2f} of {os.cpu_count()} cores")
        print_window_table(first, warm[QUIET][APP], cold=args.drop_caches)
        print_conditions_table(warm)
        print_command_table(work, args.runs)
        print(f"\nload average at the end: {load_average()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def take_turns(playwright: Playwright, work: Path, runs: int) -> dict[str, list[Launch]]:
    """`runs` launches of the app and of the bare window, one of each in turn."""
    launches: dict[str, list[Launch]] = {APP: [], BARE: []}
    for _ in range(runs):
        launches[APP].append(launch(playwright, work))
        launches[BARE].append(launch_bare(playwright, work))
    return launches


class BusyWindow:
    """The running load: how much CPU its processes have taken since it started drawing."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self._pid = process.pid
        self._started = time.monotonic()
        self._cpu_at_start = _tree_cpu_seconds(self._pid)

    def cores(self) -> float:
        """The cores it kept busy on average (CPU seconds of its processes per second)."""
        spent = _tree_cpu_seconds(self._pid) - self._cpu_at_start
        return spent / (time.monotonic() - self._started)


@contextmanager
def busy_window() -> Iterator[BusyWindow]:
    """bench/_busy_window.py drawing beside whatever runs in the block."""
    env = {**os.environ, "QTWEBENGINE_DISABLE_SANDBOX": "1"}
    process = subprocess.Popen(
        [PYTHON, BUSY_WINDOW], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert process.stdout is not None
        if process.stdout.readline().strip() != "busy":
            raise SystemExit("the busy window did not start drawing")
        yield BusyWindow(process)
    finally:
        stop(process)


def _tree_cpu_seconds(root: int) -> float:
    """User + system CPU seconds of process `root` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # ended meanwhile
            continue
        fields = text[text.rindex(")") + 2 :].split()  # after "pid (name) "
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        ticks[pid] = int(fields[11]) + int(fields[12])  # utime, stime
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    return sum(ticks.get(pid, 0) for pid in tree) / os.sysconf("SC_CLK_TCK")


@contextmanager
def display() -> Iterator[str]:
    """The X display we were given, else a private Xvfb for as long as the block runs."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"]
        return
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as reader:
        number = reader.readline().strip()  # written once the display accepts clients
    try:
        if not number:
            raise SystemExit("Xvfb did not start")
        os.environ["DISPLAY"] = f":{number}"
        yield os.environ["DISPLAY"]
    finally:
        os.environ.pop("DISPLAY", None)
        xvfb.terminate()
        xvfb.wait(10)


def free_port() -> int:
    """A TCP port nothing listens on right now (a new one per launch: a clash is silent)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def launch(playwright: Playwright, work: Path, program: Path = JUDO_MANAGER) -> Launch:
    """Start `program`'s window on a fresh data folder, time it to interactive, then end it.

    `program` is the venv's `judo-manager` unless told otherwise (bench/bundle.py: the bundle).
    """
    data_dir = Path(tempfile.mkdtemp(dir=work))
    return _launch(playwright, [program, "--data-dir", data_dir], data_dir / "app.log")


def launch_bare(playwright: Playwright, work: Path) -> Launch:
    """Start the baseline's bare window, time it to interactive as the app's, then end it."""
    log = Path(tempfile.mkdtemp(dir=work)) / "bare.log"
    return _launch(playwright, [PYTHON, BARE_WINDOW], log)


def _launch(playwright: Playwright, command: list[str | Path], log_path: Path) -> Launch:
    port = free_port()
    env = {**os.environ, DEBUG_PORT_ENV: str(port), "QTWEBENGINE_DISABLE_SANDBOX": "1"}
    env.pop(DATA_DIR_ENV, None)
    with log_path.open("wb") as log:
        spawned_at = time.time()
        spawned = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for_cdp(port, process)
        cdp_open = time.perf_counter() - spawned
        browser = playwright.chromium.connect_over_cdp(f"http://127.0.0.1:{port}", no_defaults=True)
        context = browser.contexts[0]
        page = context.pages[0] if context.pages else context.wait_for_event("page")
        _watch(page)
        nav = page.get_by_role("navigation")
        nav.get_by_role("button", name="Settings").wait_for(state="visible", timeout=60_000)
        page.evaluate("() => window.pywebview.api.system.getAppInfo()")
        outside = time.perf_counter() - spawned
        milestones = _milestones(page)
        browser.close()
    finally:
        stop(process)
    origin_s = milestones["origin"] / 1000 - spawned_at
    return Launch(
        cdp_open,
        origin_s,
        origin_s + milestones["paint"] / 1000,
        milestones["watch"]["at"] / 1000 - spawned_at,
        not milestones["watch"]["already"],
        outside,
    )


def _wait_for_cdp(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the app exited with {process.returncode} before opening CDP")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/version", timeout=1):
                return
        except OSError:
            time.sleep(POLL_S)
    raise SystemExit(f"no remote-debugging endpoint after {START_TIMEOUT_S:.0f} s")


def _watch(page: Page) -> None:
    """Install the in-page watcher; once more if a navigation wiped the first one."""
    try:
        page.evaluate(WATCH_INTERACTIVE)
    except PlaywrightError:  # the page was between two documents
        page.wait_for_load_state("domcontentloaded")
        page.evaluate(WATCH_INTERACTIVE)


def _milestones(page: Page) -> dict:
    _watch(page)  # a no-op unless a navigation came after the first one; then marked late
    page.wait_for_function("() => window.__benchWatch?.at != null", timeout=10_000)
    return page.evaluate(MILESTONES)


WINDOW_HEADERS = [
    "launch",
    "CDP port open",
    "page navigation start",
    "first paint",
    "interactive (in page)",
    "in-page exact",
    "interactive (Playwright)",
]


def window_cells(label: str, launches: list[Launch]) -> list[object]:
    """One row under WINDOW_HEADERS: the median seconds of `launches` to each milestone."""
    exact = sum(one.in_page_exact for one in launches)
    return [
        label,
        f"{median([one.cdp_open for one in launches]):.3f}",
        f"{median([one.navigation for one in launches]):.3f}",
        f"{median([one.first_paint for one in launches]):.3f}",
        f"{median([one.in_page for one in launches]):.3f}",
        f"{exact}/{len(launches)}",
        f"{median([one.playwright for one in launches]):.3f}",
    ]


def print_window_table(first: Launch, quiet: list[Launch], *, cold: bool) -> None:
    """Spawn-to-milestone seconds of the app, quiet: the first launch and the warm ones."""
    first_label = "first launch (cold)" if cold else "first launch (page cache not dropped)"
    print_table(
        f"App window start to interactive, quiet, seconds from spawn, {os.cpu_count()} cores, Xvfb",
        WINDOW_HEADERS,
        [
            window_cells(first_label, [first]),
            window_cells(f"warm, median of {len(quiet)}", quiet),
            window_cells("warm, fastest", [min(quiet, key=lambda one: one.playwright)]),
            window_cells("warm, slowest", [max(quiet, key=lambda one: one.playwright)]),
        ],
    )


def print_conditions_table(warm: dict[str, dict[str, list[Launch]]]) -> None:
    """Warm medians of the app and the bare window in each condition, with their ratios."""
    rows = [
        window_cells(f"{program}, {condition}", launches)
        for condition, programs in warm.items()
        for program, launches in programs.items()
    ]
    print_table(
        "Warm launches, median, seconds from spawn: the app next to the bare window, taking turns",
        WINDOW_HEADERS,
        rows,
    )
    summary = []
    for condition, programs in warm.items():
        app_s = median([one.playwright for one in programs[APP]])
        bare_s = median([one.playwright for one in programs[BARE]])
        target = TARGETS_S[condition]
        verdict = "meets" if app_s < target else "MISSES"
        summary.append(
            [
                condition,
                f"{app_s:.3f}",
                f"{bare_s:.3f}",
                ratio(app_s, bare_s),
                f"{app_s - bare_s:+.3f}",
                f"< {target} s: {verdict}",
            ]
        )
    quiet_s = median([one.playwright for one in warm[QUIET][APP]])
    loaded_s = median([one.playwright for one in warm[LOADED][APP]])
    print_table(
        f"Interactive (Playwright), warm median; the app loaded vs quiet: "
        f"{ratio(loaded_s, quiet_s)}",
        ["condition", "app s", "bare window s", "app vs bare", "app - bare s", "target"],
        summary,
    )


def print_command_table(work: Path, runs: int) -> None:
    """Plain Python, `--version` and `backup` on a tiny database: time and GUI imports."""
    data_dir, dest = work / "tiny", work / "tiny-backup.db"
    filled = run_child([JUDO_MANAGER, "--data-dir", data_dir, "demo", "--athletes", "40"])
    if filled.returncode != 0:
        raise SystemExit(f"demo failed:\n{filled.stderr}")
    backup = [JUDO_MANAGER, "--data-dir", data_dir, "backup", dest, "--force"]
    commands = {
        "python -c pass": [PYTHON, "-c", "pass"],
        "judo-manager --version": [JUDO_MANAGER, "--version"],
        "judo-manager backup (tiny db)": backup,
    }
    seconds = {
        name: median([run_child(command).seconds for _ in range(runs)])
        for name, command in commands.items()
    }
    traced = run_child([PYTHON, "-X", "importtime", "-m", "judo_manager", *backup[1:]])
    gui = [name for name in GUI_MODULES if _imported(traced.stderr, name)]
    checked = {"judo-manager backup (tiny db)": f"yes: {', '.join(gui)}" if gui else "no"}
    baseline = seconds["python -c pass"]
    print_table(
        f"Command start cost, median of {runs}, process start included; "
        "target: the subcommand as fast as plain Python",
        ["command", "median s", "vs python -c pass", "imports Qt / pywebview"],
        [
            [name, f"{value:.3f}", ratio(value, baseline), checked.get(name, "-")]
            for name, value in seconds.items()
        ],
    )
    print_table(
        "Slowest imports of `python -X importtime -m judo_manager ... backup` (cumulative)",
        ["module", "cumulative ms"],
        [[name, f"{us / 1000:.1f}"] for name, us in _slowest_imports(traced.stderr, 8)],
    )


def _imported(importtime: str, top_level: str) -> bool:
    for line in importtime.splitlines():
        module = line.rsplit("|", 1)[-1].strip()
        if module == top_level or module.startswith(top_level + "."):
            return True
    return False


def _slowest_imports(importtime: str, count: int) -> list[tuple[str, int]]:
    """The modules imported directly by the main script, slowest first (microseconds)."""
    found = []
    for line in importtime.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line.removeprefix("import time:").split("|")
        if name.startswith(" ") and not name.startswith("  "):  # depth 1: the script's own
            found.append((name.strip(), int(cumulative)))
    return sorted(found, key=lambda item: -item[1])[:count]


if __name__ == "__main__":
    main()
