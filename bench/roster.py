"""How fast the roster answers a filter change and a name search, in the real window.

A fresh club of --athletes demo athletes; the window under Xvfb (our own, unless DISPLAY is
set), Playwright attached over CDP. Every figure is taken inside the page with
`performance.now()`, so Playwright's round trips are not in them:

1. UI: from the moment a filter's `change` (or the search box's `input`) is dispatched, the
   way a user's choice arrives, until the table says aria-busy="false", the count reads
   "Showing N of M athletes" for the new answer, the first row is the athlete Python puts
   first, and one more frame has been painted. N, M and that athlete come from
   `AthletesService.roster` for the same filters, so an empty or stale render can't pass.
   Every run is a real change: the values alternate (sex, belt, age category, status; the
   heavy case is status "All", every athlete), and the search types names a letter at a
   time, clearing the box between names.
2. Context, right after each UI run and for the same filters: the bare bridge call timed in
   the page (`await window.pywebview.api.athletes.list(filters)`), and the Python work alone
   in this process (`roster` + `athlete_list` + `json.dumps`), the baseline.
3. Where the time goes for the biggest answer: each Python step, pywebview's escaping, and
   the page evaluating the very script pywebview sends back (`eval` + `JSON.parse`).
4. Smoothness: the whole list (status "All") scrolled top to bottom by a fixed step a frame
   (--scroll-steps; 400 px would outrun the overscan of 10 rows if they were drawn a frame
   late): frame times, frames with a gap in view, the rows kept in the DOM, and the main
   thread's busy time per frame from a CPU profile. Next to it, for scale, the same scroll of
   a plain DOM stand-in (no React) laid over the roster. Under Xvfb, Chromium rasterizes in
   software, so some frames come late whatever the page does.

Target: under 100 ms (p50 and p95) from the change to the painted list, at 5,000 athletes.
Nothing here asserts on a time; a wrong count or first row stops the run.

    .venv/bin/python bench/roster.py [--athletes 5000] [--runs 24] [--scroll-steps 200,400]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, Playwright, sync_playwright
from webview.util import escape_string

from _common import JUDO_MANAGER, compile_checkout, median, percentile, print_table, ratio, stop
from judo_manager.athletes.service import AthletesService
from judo_manager.bridge.athletes import athlete_list
from judo_manager.bridge.convert import from_wire
from judo_manager.db import Database, open_database
from judo_manager.db.layout import DATA_DIR_ENV, database_path
from judo_manager.demo.generator import fill_demo_club
from judo_manager.rules.service import load_rules
from judo_manager.window.app import DEBUG_PORT_ENV
from start import _wait_for_cdp, display, free_port

TARGET_MS = 100.0
WARMUP = 4  # changes per scenario before the measured ones (even: both directions)
SEARCH_WORDS = ("yuki", "ono", "silva", "kenji", "lea", "matthias", "abe", "nora")
# The frontend's AthleteFilters as the roster starts (roster-store.ts DEFAULT_FILTERS).
DEFAULT_FILTERS: dict[str, object] = {
    "search": "",
    "sex": None,
    "beltId": None,
    "categoryId": None,
    "weightClassId": None,
    "clubId": None,
    "papers": "all",
    "status": "active",
    "season": None,
    "sort": "name",
    "descending": False,
}
SEX, BELT, CATEGORY, STATUS = "#roster-sex", "#roster-belt", "#roster-category", "#roster-status"
SEARCH = "#roster-search"
Kind = Literal["select", "input"]
# Each filter's control, and the control's value for the default filter.
CONTROLS: dict[str, tuple[str, Kind, str]] = {
    "search": (SEARCH, "input", ""),
    "sex": (SEX, "select", ""),
    "beltId": (BELT, "select", ""),
    "categoryId": (CATEGORY, "select", ""),
    "status": (STATUS, "select", "active"),
}
Option = tuple[str, str, dict[str, object]]  # label, the control's value, the filters

# Installed once: wraps `athletes.list` so each call the roster makes records what it asked
# for, when it was sent and when its answer arrived (parsed, before React sees it).
INSTALL_PROBE = """() => {
  if (window.__rosterProbe) return;
  const athletes = window.pywebview.api.athletes;
  const original = athletes.list;
  const probe = { calls: [], original };
  athletes.list = function (filters) {
    const call = { filters: JSON.parse(JSON.stringify(filters)), sent: performance.now(),
                   answered: null };
    probe.calls.push(call);
    return original.call(this, filters).then((list) => {
      call.answered = performance.now();
      return list;
    });
  };
  window.__rosterProbe = probe;
}"""

# One user change, timed: dispatch, then wait (MutationObserver) for the rendered answer and
# one painted frame (a message posted from requestAnimationFrame runs after that frame).
# `list` and `status` select the list and the line that counts it: the roster's by default,
# the tournament picker's in bench/tournament.py.
APPLY_CHANGE = """async ({ selector, kind, value, count, total, firstId, timeoutMs,
                          list = '[role="grid"][aria-label="Athletes"]',
                          status: statusSelector = '[data-testid="roster-count"]' }) => {
  const probe = window.__rosterProbe;
  const control = document.querySelector(selector);
  const table = () => document.querySelector(list);
  const status = () => document.querySelector(statusSelector);
  // As the page writes it in English: "Showing 1,200 of 5,000 athletes".
  const wanted = `Showing ${count.toLocaleString("en")} of ${total.toLocaleString("en")} athletes`;
  const callsBefore = probe.calls.length;
  let sawBusy = false;
  const rendered = () => {
    const list = table();
    if (!list) return false;
    if (list.getAttribute("aria-busy") !== "false") { sawBusy = true; return false; }
    if (!sawBusy || status()?.textContent !== wanted) return false;
    const first = list.querySelector("[data-athlete-id]");
    return count === 0 ? first === null
                       : first !== null && Number(first.dataset.athleteId) === firstId;
  };
  return await new Promise((resolve, reject) => {
    let t0 = 0;
    let done = false;
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`no render of "${wanted}" within ${timeoutMs} ms; the page says `
        + `"${status()?.textContent}", aria-busy=${table()?.getAttribute("aria-busy")}`));
    }, timeoutMs);
    const finish = () => {
      done = true;
      observer.disconnect();
      const dom = performance.now();
      requestAnimationFrame(() => {
        const frame = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          clearTimeout(timer);
          const calls = probe.calls.slice(callsBefore);
          const last = calls[calls.length - 1] ?? null;
          resolve({
            t0, dom, frame, painted: performance.now(),
            sent: last?.sent ?? null, answered: last?.answered ?? null,
            filters: last?.filters ?? null, calls: calls.length,
            rowsInDom: table().querySelectorAll("[data-athlete-id]").length,
          });
        };
        channel.port2.postMessage(null);
      });
    };
    const observer = new MutationObserver(() => { if (!done && rendered()) finish(); });
    observer.observe(document.body,
      { subtree: true, childList: true, attributes: true, characterData: true });
    t0 = performance.now();
    if (kind === "select") {
      control.value = value;
      control.dispatchEvent(new Event("change", { bubbles: true }));
    } else {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
      setter.call(control, value);
      control.dispatchEvent(new Event("input", { bubbles: true }));
    }
  });
}"""

# The bare bridge call, as the roster makes it, without React.
BRIDGE_CALL = """async (filters) => {
  const t0 = performance.now();
  const list = await window.__rosterProbe.original(filters);
  return { ms: performance.now() - t0, rows: list.rows.length };
}"""

# The script pywebview's `js_bridge_call` hands to `window.evaluate_js` for an answer, run
# here as the page would run it (a fresh id each time, as in the app, so V8's eval cache
# can't help): the page's share of the transport.
EVAL_ANSWER = """async ({ script, runs }) => {
  const callbacks = window.pywebview._returnValuesCallbacks["athletes.list"];
  const out = [];
  for (let i = 0; i < runs; i += 1) {
    const id = `bench${Date.now()}x${i}`;
    const source = script.replace("__BENCH_ID__", id);
    let parseMs = 0;
    callbacks[id] = (answer) => {
      delete callbacks[id];
      const t = performance.now();
      JSON.parse(answer.value);
      parseMs = performance.now() - t;
    };
    const t0 = performance.now();
    (0, eval)(source);
    out.push({ total: performance.now() - t0, parse: parseMs });
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return out;
}"""

# Scrolls a list top to bottom by `step` pixels a frame and watches every frame: its length,
# the rows in the DOM, and whether every row in view is drawn when the frame is painted.
# With `plain`, the list is a stand-in laid over the roster with the same size and rows, kept
# by 20 lines of plain DOM code (no React): a minimal virtual list, for scale.
SCROLL_THROUGH = """async ({ step, plain, limit }) => {
  const roster = document.querySelector('[role="grid"][aria-label="Athletes"]');
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  roster.scrollTop = 0;
  await frame(); await frame(); await frame();
  const header = roster.querySelector('[role="row"]').offsetHeight;
  const rowHeight = roster.querySelector("[data-athlete-id]").offsetHeight;
  const count = Number(roster.getAttribute("aria-rowcount")) - 1;
  let list = roster;
  let rowSelector = "[data-athlete-id]";
  if (plain) {
    const box = roster.getBoundingClientRect();
    list = document.createElement("div");
    list.style.cssText = `position:fixed;left:${box.left}px;top:${box.top}px;`
      + `width:${box.width}px;height:${box.height}px;overflow-y:auto;background:#fff;z-index:999`;
    const body = document.createElement("div");
    body.style.cssText = `position:relative;height:${header + count * rowHeight}px`;
    list.append(body);
    document.body.append(list);
    const pool = [];
    for (let k = 0; k < Math.ceil(box.height / rowHeight) + 21; k += 1) {
      const row = document.createElement("div");
      row.dataset.plainRow = "";
      row.style.cssText = `position:absolute;left:0;right:0;height:${rowHeight}px;`
        + "padding:12px 20px;border-bottom:1px solid #f1f5f9;font:14px system-ui";
      body.append(row);
      pool.push(row);
    }
    const place = () => {
      const first = Math.max(0, Math.floor(list.scrollTop / rowHeight) - 10);
      pool.forEach((row, k) => {
        const i = first + k;
        row.style.top = `${header + i * rowHeight}px`;
        row.setAttribute("aria-rowindex", String(i + 2));
        row.textContent = `Athlete ${i} · ${2000 + (i % 20)} · ${i % 2 ? "Female" : "Male"}`
          + ` · Yellow belt · ${40 + (i % 30)}.5 kg · U18 Juniors`;
      });
    };
    list.addEventListener("scroll", place);
    place();
    rowSelector = "[data-plain-row]";
    await frame(); await frame();
  }
  const bottom = Math.min(limit, list.scrollHeight - list.clientHeight);
  const longTasks = [];
  const observer = new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: "longtask" });
  const frames = [];
  let gaps = 0, maxRows = 0, minRows = Infinity, last = null, settle = 3;
  await new Promise((resolve) => {
    const tick = (now) => {
      if (last !== null) frames.push(now - last);
      last = now;
      if (list.scrollTop >= bottom && --settle === 0) return resolve();
      list.scrollTop = Math.min(bottom, list.scrollTop + step);
      // What this frame paints: the new scroll offset with the rows drawn so far.
      const drawn = new Set();
      const rows = list.querySelectorAll(rowSelector);
      for (const row of rows) drawn.add(Number(row.getAttribute("aria-rowindex")) - 2);
      maxRows = Math.max(maxRows, rows.length);
      minRows = Math.min(minRows, rows.length);
      const top = list.scrollTop;
      const firstInView = Math.floor(top / rowHeight);
      const lastInView = Math.floor((top + list.clientHeight - header - 1) / rowHeight);
      for (let i = firstInView; i <= lastInView; i += 1) {
        if (!drawn.has(i)) { gaps += 1; break; }
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  observer.disconnect();
  if (plain) list.remove();
  return { frames, gaps, maxRows, minRows, longTasks, rows: count,
           viewport: list.clientHeight };
}"""


@dataclass(frozen=True)
class Change:
    """One thing a user does to the roster, and the frontend filters it leads to."""

    label: str  # the table row it is reported under
    selector: str
    kind: Kind
    value: str
    filters: dict[str, object]


@dataclass
class Sample:
    """One measured change, with the same filters timed over the bridge and in Python."""

    rows: int
    json_bytes: int
    ui_ms: float
    to_request_ms: float  # change dispatched → athletes.list called (React renders the filter)
    bridge_in_ui_ms: float  # athletes.list called → its answer parsed
    to_dom_ms: float  # answer → the new list in the DOM (React renders the rows)
    to_paint_ms: float  # in the DOM → one frame painted
    rows_in_dom: int
    bridge_ms: float  # the same call alone, from the page
    python_ms: float  # roster + athlete_list + json.dumps, in this process
    python_steps: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Expected:
    """What Python answers for one set of filters."""

    count: int
    total: int
    first_id: int | None
    json_bytes: int


class Baseline:
    """The roster service in this process, on the app's database: the Python-only figures."""

    def __init__(self, db: Database) -> None:
        self._service = AthletesService(db)
        self._expected: dict[str, Expected] = {}

    def expected(self, filters: dict[str, object]) -> Expected:
        """Count, total, first athlete and answer size for the frontend's `filters`."""
        key = json.dumps(filters, sort_keys=True)
        if key not in self._expected:
            roster = self._service.roster(from_wire(filters))
            first = roster.rows[0].id if roster.rows else None
            size = len(json.dumps(athlete_list(roster)).encode())
            self._expected[key] = Expected(len(roster.rows), roster.total, first, size)
        return self._expected[key]

    def time(self, filters: dict[str, object]) -> dict[str, float]:
        """Milliseconds of each Python step of one `athletes.list` answer."""
        t0 = time.perf_counter()
        roster = self._service.roster(from_wire(filters))
        t1 = time.perf_counter()
        wire = athlete_list(roster)
        t2 = time.perf_counter()
        text = json.dumps(wire)
        t3 = time.perf_counter()
        pywebview_script(text)
        t4 = time.perf_counter()
        return {
            "roster": (t1 - t0) * 1000,
            "to wire shape": (t2 - t1) * 1000,
            "json.dumps": (t3 - t2) * 1000,
            "pywebview escaping": (t4 - t3) * 1000,
        }

    def answer_json(self, filters: dict[str, object]) -> str:
        """The JSON text `js_bridge_call` would send for `filters`."""
        return json.dumps(athlete_list(self._service.roster(from_wire(filters))))


def pywebview_script(result: str, value_id: str = "__BENCH_ID__") -> str:
    """What pywebview 6 runs in the page for a returned `result` (JSON text).

    `webview/util.py js_bridge_call` escapes the JSON into a JS string literal and calls
    `window.evaluate_js`, which escapes the whole call again into an `eval("...")` inside
    the template copied here from `webview/window.py evaluate_js`; Qt then sends the source
    to the page to run.
    """
    escaped = result.replace("\\", "\\\\").replace("'", "\\'")
    call = (
        f'window.pywebview._returnValuesCallbacks["athletes.list"]["{value_id}"]'
        f"({{value: '{escaped}'}})"
    )
    inner = escape_string(call)
    return f"""
                var value;
                try {{
                    value = eval("{inner}");
                }} catch (e) {{
                    value = {{
                        name: e.name,
                        pywebviewJavascriptError420: true,
                    }}
                    var keys = Object.getOwnPropertyNames(e);
                    keys.forEach(function(key) {{ value[key] = e[key] }})
                }}
                pywebview.stringify(value);
            """


def main() -> None:
    """Fill a club, open the window, measure every scenario, print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--athletes", type=int, default=5000, help="demo athletes in the club")
    parser.add_argument("--runs", type=int, default=24, help="measured changes per table row")
    parser.add_argument(
        "--scroll-steps",
        type=lambda text: [int(step) for step in text.split(",")],
        default=[200, 400],
        help="pixels scrolled per frame in the scroll runs, comma-separated",
    )
    args = parser.parse_args()
    compile_checkout()
    work = Path(tempfile.mkdtemp(prefix="jm-bench-roster-"))
    load_before = os.getloadavg()[0]
    try:
        data_dir = work / "data"
        db = open_database(database_path(data_dir))
        fill_demo_club(db, args.athletes)
        baseline = Baseline(db)
        scenarios = build_scenarios(db, baseline, args.runs)
        with display(), sync_playwright() as playwright, open_window(playwright, data_dir) as page:
            page.evaluate(INSTALL_PROBE)
            results = {name: run_scenario(page, baseline, changes) for name, changes in scenarios}
            anatomy = answer_anatomy(page, baseline, {**DEFAULT_FILTERS, "status": "all"})
            scroll = scroll_through(page, baseline, args.scroll_steps)
        db.close()
        print_results(args.athletes, results, anatomy, scroll)
        print(
            f"\nLoad average (1 min) before the run: {load_before:.2f} on {os.cpu_count()} cores "
            f"({os.getloadavg()[0]:.2f} after, this bench included). Other busy processes "
            "inflate every figure above."
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


@contextmanager
def open_window(playwright: Playwright, data_dir: Path) -> Iterator[Page]:
    """The app's window on `data_dir`, attached over CDP, with the roster shown."""
    port = free_port()
    env = {**os.environ, DEBUG_PORT_ENV: str(port), "QTWEBENGINE_DISABLE_SANDBOX": "1"}
    env.pop(DATA_DIR_ENV, None)
    with (data_dir / "app.log").open("wb") as log:
        process = subprocess.Popen(
            [JUDO_MANAGER, "--data-dir", data_dir], env=env, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        _wait_for_cdp(port, process)
        browser = playwright.chromium.connect_over_cdp(f"http://127.0.0.1:{port}", no_defaults=True)
        context = browser.contexts[0]
        page = context.pages[0] if context.pages else context.wait_for_event("page")
        # The app opens on the Dashboard; the roster is the sidebar's "Athletes".
        nav = page.get_by_role("navigation").get_by_role("button", name="Athletes")
        nav.click(timeout=60_000)
        page.get_by_test_id("roster-count").filter(has_text="Showing").wait_for(timeout=60_000)
        page.wait_for_function("() => typeof window.pywebview?.api?.athletes?.list === 'function'")
        yield page
        browser.close()
    finally:
        stop(process)


def build_scenarios(db: Database, baseline: Baseline, runs: int) -> list[tuple[str, list[Change]]]:
    """Each scenario's changes, warm-up first; every change differs from the one before."""
    with db.snapshot() as conn:
        rules = load_rules(conn)

    def with_(**patch: object) -> dict[str, object]:
        return {**DEFAULT_FILTERS, **patch}

    def busiest(key: str, ids: Sequence[int]) -> int:
        return max(ids, key=lambda id_: baseline.expected(with_(**{key: id_})).count)

    belt = busiest("beltId", [belt.id for belt in rules.belts])
    category = busiest("categoryId", [category.id for category in rules.categories])
    belt_name = next(b.name for b in rules.belts if b.id == belt)
    category_code = next(c.code for c in rules.categories if c.id == category)

    def alternate(name: str, selector: str, off: Option, on: Option) -> list[Change]:
        pair = [
            Change(f"{name} → {on[0]}", selector, "select", on[1], on[2]),
            Change(f"{name} → {off[0]}", selector, "select", off[1], off[2]),
        ]
        return pair * (WARMUP // 2 + runs)

    return [
        ("sex", alternate("sex", SEX, ("All", "", with_()), ("Female", "F", with_(sex="F")))),
        (
            "belt",
            alternate(
                "belt", BELT, ("All", "", with_()), (belt_name, str(belt), with_(beltId=belt))
            ),
        ),
        (
            "age category",
            alternate(
                "age category",
                CATEGORY,
                ("All", "", with_()),
                (category_code, str(category), with_(categoryId=category)),
            ),
        ),
        (
            "status",
            alternate(
                "status", STATUS, ("Active", "active", with_()), ("All", "all", with_(status="all"))
            ),
        ),
        ("search", search_changes(runs, with_)),
    ]


def search_changes(runs: int, with_: Callable[..., dict[str, object]]) -> list[Change]:
    """Names typed a letter at a time, the box cleared after each, until `runs` keystrokes."""
    changes: list[Change] = []
    keystrokes = 0
    index = 0
    while keystrokes < runs + WARMUP:
        word = SEARCH_WORDS[index % len(SEARCH_WORDS)]
        index += 1
        for end in range(1, len(word) + 1):
            prefix = word[:end]
            changes.append(
                Change("search: a keystroke", SEARCH, "input", prefix, with_(search=prefix))
            )
            keystrokes += 1
        changes.append(Change("search: clear the box", SEARCH, "input", "", with_()))
    return changes


def run_scenario(page: Page, baseline: Baseline, changes: list[Change]) -> dict[str, list[Sample]]:
    """Apply `changes` in order, from the default filters; samples by table row."""
    samples: dict[str, list[Sample]] = {}
    for index, change in enumerate(changes):
        sample = apply_change(page, baseline, change)
        if index >= WARMUP:
            samples.setdefault(change.label, []).append(sample)
    back_to_default(page, baseline, changes[-1].filters)
    return samples


def back_to_default(page: Page, baseline: Baseline, filters: dict[str, object]) -> None:
    """From `filters` back to the default ones through the controls, one at a time."""
    for key, (selector, kind, value) in CONTROLS.items():
        if filters[key] != DEFAULT_FILTERS[key]:
            filters = {**filters, key: DEFAULT_FILTERS[key]}
            apply_change(page, baseline, Change("reset", selector, kind, value, filters))


def apply_change(page: Page, baseline: Baseline, change: Change) -> Sample:
    """Make `change` in the window and time it; then time the same filters over the bare
    bridge call and in Python alone."""
    expected = baseline.expected(change.filters)
    got = page.evaluate(
        APPLY_CHANGE,
        {
            "selector": change.selector,
            "kind": change.kind,
            "value": change.value,
            "count": expected.count,
            "total": expected.total,
            "firstId": expected.first_id,
            "timeoutMs": 20_000,
        },
    )
    if got["filters"] != change.filters or got["answered"] is None:
        raise SystemExit(
            f"{change.label}: the roster asked for {got['filters']}, not {change.filters}"
        )
    bridge = page.evaluate(BRIDGE_CALL, change.filters)
    if bridge["rows"] != expected.count:
        raise SystemExit(
            f"{change.label}: the bridge gave {bridge['rows']} rows, not {expected.count}"
        )
    steps = baseline.time(change.filters)
    return Sample(
        rows=expected.count,
        json_bytes=expected.json_bytes,
        ui_ms=got["painted"] - got["t0"],
        to_request_ms=got["sent"] - got["t0"],
        bridge_in_ui_ms=got["answered"] - got["sent"],
        to_dom_ms=got["dom"] - got["answered"],
        to_paint_ms=got["painted"] - got["dom"],
        rows_in_dom=got["rowsInDom"],
        bridge_ms=bridge["ms"],
        python_ms=steps["roster"] + steps["to wire shape"] + steps["json.dumps"],
        python_steps=steps,
    )


@dataclass(frozen=True)
class Anatomy:
    """Where the time of one big answer goes, step by step (medians, milliseconds)."""

    rows: int
    json_bytes: int
    script_bytes: int
    python: dict[str, float]
    page_eval_ms: float | None  # None: the page's Content-Security-Policy refuses eval
    page_parse_ms: float | None
    bridge_ms: float


def answer_anatomy(page: Page, baseline: Baseline, filters: dict[str, object]) -> Anatomy:
    """Each step of `athletes.list` for `filters`, Python's in this process, the page's in it."""
    runs = 15
    python = [baseline.time(filters) for _ in range(runs)]
    text = baseline.answer_json(filters)
    script = pywebview_script(text)
    try:
        evals = page.evaluate(EVAL_ANSWER, {"script": script, "runs": runs})
    except PlaywrightError as err:
        # The page's policy forbids eval, so pywebview's script can't be run as it was sent.
        if "unsafe-eval" not in str(err):
            raise
        evals = None
    bridge = [page.evaluate(BRIDGE_CALL, filters)["ms"] for _ in range(runs)]
    return Anatomy(
        rows=baseline.expected(filters).count,
        json_bytes=len(text.encode()),
        script_bytes=len(script.encode()),
        python={step: median([one[step] for one in python]) for step in python[0]},
        page_eval_ms=None if evals is None else median([e["total"] - e["parse"] for e in evals]),
        page_parse_ms=None if evals is None else median([e["parse"] for e in evals]),
        bridge_ms=median(bridge),
    )


def scroll_through(
    page: Page, baseline: Baseline, steps: Sequence[int]
) -> list[tuple[str, int, dict[str, Any]]]:
    """Show every athlete, then scroll the roster, and the plain stand-in, top to bottom.

    Once for each of `steps` (pixels a frame). A CPU profile of the page (CDP, 0.2 ms
    samples) runs along for the main thread's busy time per frame.
    """
    everyone = {**DEFAULT_FILTERS, "status": "all"}
    apply_change(page, baseline, Change("scroll", STATUS, "select", "all", everyone))
    runs = []
    for step in steps:
        for name, plain in [("roster (React)", False), ("plain DOM stand-in", True)]:
            page.evaluate(SCROLL_THROUGH, {"step": step, "plain": plain, "limit": 60 * step})
            cdp = page.context.new_cdp_session(page)
            cdp.send("Profiler.enable")
            cdp.send("Profiler.setSamplingInterval", {"interval": 200})
            cdp.send("Profiler.start")
            run = page.evaluate(SCROLL_THROUGH, {"step": step, "plain": plain, "limit": 10**9})
            profile = cdp.send("Profiler.stop")["profile"]
            cdp.detach()
            frames = len(run["frames"])
            run = {**run, "busyPerFrame": _busy_ms(profile) / frames}
            runs.append((name, step, run))
    return runs


def _busy_ms(profile: dict[str, Any]) -> float:
    """Milliseconds of a CPU profile in which the main thread was not idle."""
    idle = {
        node["id"] for node in profile["nodes"] if node["callFrame"]["functionName"] == "(idle)"
    }
    samples = zip(profile["samples"], profile["timeDeltas"], strict=True)
    return sum(delta_us for node_id, delta_us in samples if node_id not in idle) / 1000


def print_results(
    athletes: int,
    results: dict[str, dict[str, list[Sample]]],
    anatomy: Anatomy,
    scroll: list[tuple[str, int, dict[str, Any]]],
) -> None:
    """The UI table, its phases, the anatomy of the biggest answer, and the scroll run."""
    rows = [
        (label, samples) for scenario in results.values() for label, samples in scenario.items()
    ]
    ui_rows = []
    for label, samples in rows:
        ui = [one.ui_ms for one in samples]
        python = median([one.python_ms for one in samples])
        met = percentile(ui, 0.5) < TARGET_MS and percentile(ui, 0.95) < TARGET_MS
        ui_rows.append(
            [
                label,
                len(samples),
                _span([one.rows for one in samples]),
                f"{percentile(ui, 0.5):.1f}",
                f"{percentile(ui, 0.95):.1f}",
                f"{max(ui):.1f}",
                f"{median([one.bridge_ms for one in samples]):.1f}",
                f"{python:.1f}",
                ratio(percentile(ui, 0.5), python),
                ratio(median([one.bridge_ms for one in samples]), python),
                "met" if met else "MISSED",
            ]
        )
    print_table(
        f"Roster at {athletes:,} athletes, in the window (Xvfb, {os.cpu_count()} cores): change "
        f"dispatched → list rendered and painted, ms; target p50 and p95 < {TARGET_MS:.0f} ms",
        [
            "change",
            "n",
            "rows returned",
            "p50",
            "p95",
            "max",
            "bridge call p50",
            "Python p50",
            "UI vs Python",
            "bridge vs Python",
            "target",
        ],
        ui_rows,
    )
    print_table(
        "Phases of the UI time, medians in ms (in the page; Python steps in this process)",
        [
            "change",
            "JSON KB",
            "→ call sent",
            "call → answer",
            "answer → DOM",
            "DOM → painted",
            "rows in DOM",
            "roster",
            "to wire shape",
            "json.dumps",
        ],
        [
            [
                label,
                f"{median([one.json_bytes for one in samples]) / 1000:.0f}",
                f"{median([one.to_request_ms for one in samples]):.1f}",
                f"{median([one.bridge_in_ui_ms for one in samples]):.1f}",
                f"{median([one.to_dom_ms for one in samples]):.1f}",
                f"{median([one.to_paint_ms for one in samples]):.1f}",
                max(one.rows_in_dom for one in samples),
                *[
                    f"{median([one.python_steps[step] for one in samples]):.1f}"
                    for step in ("roster", "to wire shape", "json.dumps")
                ],
            ]
            for label, samples in rows
        ],
    )
    print_anatomy(anatomy)
    print_scroll(scroll)


def print_anatomy(anatomy: Anatomy) -> None:
    """One `athletes.list` answer of the biggest list, split into its steps."""
    python_total = sum(anatomy.python.values())
    refused = "n/a (the page's CSP refuses eval)"
    if anatomy.page_eval_ms is None or anatomy.page_parse_ms is None:
        page_eval = page_parse = rest = refused
    else:
        page_total = anatomy.page_eval_ms + anatomy.page_parse_ms
        page_eval = f"{anatomy.page_eval_ms:.1f}"
        page_parse = f"{anatomy.page_parse_ms:.1f}"
        rest = f"{anatomy.bridge_ms - python_total - page_total:.1f}"
    steps = [
        *[[f"Python: {name}", f"{ms:.1f}"] for name, ms in anatomy.python.items()],
        ["page: run pywebview's script (parse source, eval the string)", page_eval],
        ["page: JSON.parse of the answer", page_parse],
        ["rest: QWebChannel call, thread, Qt signal, runJavaScript IPC", rest],
        ["bridge call from the page, total", f"{anatomy.bridge_ms:.1f}"],
    ]
    print_table(
        f"Anatomy of one athletes.list answer: {anatomy.rows:,} rows, JSON "
        f"{anatomy.json_bytes / 1000:,.0f} KB, script sent to the page "
        f"{anatomy.script_bytes / 1000:,.0f} KB (medians, ms)",
        ["step", "ms"],
        steps,
    )


def print_scroll(scroll: list[tuple[str, int, dict[str, Any]]]) -> None:
    """Frame times while scrolling the whole list, next to the plain DOM stand-in."""
    table = []
    for name, step, run in scroll:
        frames, long_tasks = run["frames"], run["longTasks"]
        table.append(
            [
                name,
                f"{step} ({step * 60:,})",
                len(frames),
                f"{percentile(frames, 0.5):.1f}",
                f"{percentile(frames, 0.95):.1f}",
                f"{max(frames):.1f}",
                f"{sum(frame > 25 for frame in frames) / len(frames):.0%}",
                f"{run['busyPerFrame']:.1f}",
                run["gaps"],
                f"{run['minRows']}-{run['maxRows']}",
                f"{len(long_tasks)} ({max(long_tasks, default=0):.0f})",
            ]
        )
    first = scroll[0][2]
    print_table(
        f"Scrolling all {first['rows']:,} rows top to bottom, viewport {first['viewport']} px: "
        "frame = time between animation frames (ms); main thread busy: ms per frame, from a "
        "CPU profile",
        [
            "list",
            "px/frame (px/s at 60 Hz)",
            "frames",
            "frame p50",
            "p95",
            "max",
            "frames > 25 ms",
            "main thread busy",
            "frames with a gap in view",
            "rows in DOM",
            "long tasks (max ms)",
        ],
        table,
    )


def _span(values: Sequence[int]) -> str:
    low, high = min(values), max(values)
    return f"{low:,}" if low == high else f"{low:,}-{high:,}"


if __name__ == "__main__":
    main()
