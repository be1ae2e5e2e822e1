"""How fast the Dashboard is drawn, in the real window, and what Python spends on it.

A fresh club of --athletes demo athletes, topped up to --promotions promotions and --medals
medals (dated over the past ten years, spread over the athletes), and --tournaments
tournaments whose entry deadlines fall over the next month. The window under Xvfb (our own,
unless DISPLAY is set), Playwright attached over CDP.

1. Python: `DashboardService.overview()` for this season with this season's medals, and
   with all time's; each service call it makes; and the bridge's share (`to_wire` +
   `json.dumps`, as pywebview sends it).
2. The window: from the click on "Dashboard" in the sidebar until the page says
   aria-busy="false", both charts have a bar for every row, and one more frame has been
   painted; timed inside the page with `performance.now()`, so Playwright's round trips are
   not in it. Twice: from the roster with nothing changed since the last visit (the page
   shows the overview it kept: no bridge call, which the run checks), and from Settings
   right after a change (the data-replaced event a restore sends, which every screen
   answers; the page must ask Python, and its answer must arrive). Next to them, the bare
   bridge call from the page (and one with next to nothing to do in Python), and the same
   click on "Settings" (a page with no chart) for scale.

Goal: the Dashboard fully drawn within 150 ms of the click, at 5,000 athletes, 30,000
promotions and 5,000 medals. Nothing here asserts on a time; a wrong count stops the run.

    .venv/bin/python bench/dashboard.py [--athletes 5000] [--promotions 30000] [--medals 5000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

from _common import median, percentile, print_table, ratio, top_up
from judo_manager.bridge.convert import to_wire
from judo_manager.dashboard.model import FIRST_FEW
from judo_manager.db import open_database
from judo_manager.db.layout import database_path
from judo_manager.demo.generator import fill_demo_club
from judo_manager.wiring import AppServices
from roster import open_window
from start import display

TARGET_MS = 150.0

# Wraps `dashboard.overview` so each call the page makes records when it was sent and
# answered (parsed, before React sees it).
INSTALL_PROBE = """() => {
  if (window.__dashboardProbe) return;
  const dashboard = window.pywebview.api.dashboard;
  const original = dashboard.overview;
  const probe = { calls: [], original };
  dashboard.overview = function (...args) {
    const call = { sent: performance.now(), answered: null };
    probe.calls.push(call);
    return original.apply(this, args).then((overview) => {
      call.answered = performance.now();
      return overview;
    });
  };
  window.__dashboardProbe = probe;
}"""

# One click on a sidebar entry, timed until `drawn()` holds and a frame is painted after it
# (a message posted from requestAnimationFrame runs after that frame).
CLICK_AND_WAIT = """async ({ page, active, asks, timeoutMs }) => {
  const probe = window.__dashboardProbe;
  const button = [...document.querySelectorAll("nav button")]
    .find((b) => b.textContent.trim() === page);
  const callsBefore = probe.calls.length;
  const drawn = () => {
    const heading = document.querySelector("main h1");
    if (heading?.textContent !== page) return false;
    if (page !== "Dashboard") return true;
    const root = document.querySelector("[data-dashboard]");
    if (!root || root.getAttribute("aria-busy") !== "false") return false;
    // After a change, the answer of this visit; with nothing changed, none asked for.
    if (asks && !(probe.calls.length > callsBefore && probe.calls.at(-1).answered)) return false;
    const tile = [...root.querySelectorAll("button")]
      .find((b) => b.textContent.endsWith("active athletes"));
    if (!tile || !tile.textContent.startsWith(active.toLocaleString("en"))) return false;
    const charts = root.querySelectorAll("[data-chart-rows]");
    if (charts.length !== 2) return false;
    return [...charts].every((chart) =>
      chart.querySelectorAll(".recharts-bar-rectangle").length === Number(chart.dataset.chartRows));
  };
  return await new Promise((resolve, reject) => {
    let t0 = 0;
    let done = false;
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`${page} not drawn within ${timeoutMs} ms`));
    }, timeoutMs);
    const finish = () => {
      done = true;
      observer.disconnect();
      const dom = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          clearTimeout(timer);
          const calls = probe.calls.length - callsBefore;
          if (page === "Dashboard" && calls !== (asks ? 1 : 0)) {
            reject(new Error(`the Dashboard asked Python ${calls} times, not ${asks ? 1 : 0}`));
            return;
          }
          resolve({ dom: dom - t0, painted: performance.now() - t0,
                    answered: asks ? probe.calls.at(-1).answered - t0 : null });
        };
        channel.port2.postMessage(null);
      });
    };
    const observer = new MutationObserver(() => { if (!done && drawn()) finish(); });
    observer.observe(document.body,
      { subtree: true, childList: true, attributes: true, characterData: true });
    t0 = performance.now();
    button.click();
  });
}"""

# What a restore sends the page: every screen takes its data as changed.
DATA_REPLACED = """async () => {
  window.dispatchEvent(new Event("judo-manager:data-replaced"));
  // Settings' own cards reload at this: let them finish before the click is timed.
  await new Promise((resolve) => setTimeout(resolve, 400));
}"""

BRIDGE_CALL = """async (medalSeason) => {
  const t0 = performance.now();
  await window.__dashboardProbe.original(null, medalSeason);
  return performance.now() - t0;
}"""

# A bridge call with next to nothing to do in Python (one small query), for scale.
SMALL_CALL = """async () => {
  const t0 = performance.now();
  await window.pywebview.api.athletes.nextMemberId();
  return performance.now() - t0;
}"""


def main() -> None:
    """Fill a club, time the overview in Python, then the Dashboard in the window."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--athletes", type=int, default=5000, help="demo athletes in the club")
    parser.add_argument("--promotions", type=int, default=30000, help="promotions in all")
    parser.add_argument("--medals", type=int, default=5000, help="medals in all")
    parser.add_argument("--tournaments", type=int, default=20, help="tournaments")
    parser.add_argument("--runs", type=int, default=15, help="timed runs per figure")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="jm-bench-dashboard-"))
    load_before = os.getloadavg()[0]
    try:
        data_dir = work / "data"
        db = open_database(database_path(data_dir))
        fill_demo_club(db, args.athletes)
        promotions = top_up(db, "promotions", args.promotions)
        medals = top_up(db, "medals", args.medals)
        services = AppServices.build(db)
        _tournaments(services, args.tournaments)
        overview = services.dashboard.overview()
        print(
            f"{args.athletes:,} athletes ({overview.active:,} active), {promotions:,} "
            f"promotions, {medals:,} medals, {args.tournaments} tournaments "
            f"({len(overview.deadlines)} closing within 14 days); "
            f"{overview.grading.ready:,} ready to grade, {overview.papers.expired:,} with a "
            "paper expired"
        )
        _python_table(services, args.runs)
        with display(), sync_playwright() as playwright, open_window(playwright, data_dir) as page:
            page.evaluate(INSTALL_PROBE)
            window = _window_samples(page, overview.active, args.runs)
        db.close()
        _window_table(window)
        print(
            f"\nLoad average (1 min) before the run: {load_before:.2f} on {os.cpu_count()} cores "
            f"({os.getloadavg()[0]:.2f} after). Other busy processes inflate every figure."
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _tournaments(services: AppServices, count: int) -> None:
    today = dt.date.today()
    for index in range(count):
        deadline = today + dt.timedelta(days=index * 30 // max(count, 1))
        services.tournaments.create(
            {
                "name": f"Bench Open {index + 1}",
                "starts_on": (deadline + dt.timedelta(days=7)).isoformat(),
                "entry_deadline": deadline.isoformat(),
            }
        )


def _on_new_thread(step: Callable[[], object]) -> None:
    worker = threading.Thread(target=step)
    worker.start()
    worker.join()


def _median_ms(step: Callable[[], object], runs: int) -> float:
    step()  # warm the statement cache
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        samples.append((time.perf_counter() - started) * 1000)
    return median(samples)


def _python_table(services: AppServices, runs: int) -> None:
    dashboard, athletes, today = services.dashboard, services.athletes, dt.date.today()
    season = today.year
    whole = _median_ms(lambda: dashboard.overview(), runs)
    steps: list[tuple[str, Callable[[], object]]] = [
        ("overview, this season's medals", lambda: dashboard.overview()),
        ("overview, all time's medals", lambda: dashboard.overview(None, None)),
        ("  AthletesService.club_counts", lambda: athletes.club_counts(season)),
        (
            "  AthletesService.medal_tally",
            lambda: athletes.medal_tally(season, leaders=FIRST_FEW),
        ),
        (
            "  AthletesService.paper_alerts",
            lambda: athletes.paper_alerts(first=FIRST_FEW, today=today),
        ),
        ("  AthletesService.grading_readiness", lambda: athletes.grading_readiness(today=today)),
        (
            "  TournamentsService.entry_deadlines",
            lambda: services.tournaments.entry_deadlines(today, today + dt.timedelta(days=14)),
        ),
        ("  RulesService.get", lambda: services.rules.get()),
        ("to_wire + json.dumps", lambda: json.dumps(to_wire(dashboard.overview()))),
        # pywebview answers each call on a thread of its own, and each thread opens its own
        # connection (db.Database.connection), with an empty page cache.
        ("overview on a new thread (as a bridge call)", lambda: _on_new_thread(dashboard.overview)),
    ]
    rows = [[name, f"{_median_ms(step, runs):,.1f}"] for name, step in steps[1:]]
    rows.insert(0, [steps[0][0], f"{whole:,.1f}"])
    print_table(f"Python (ms, median of {runs})", ["step", "ms"], rows)


def _window_samples(page: Page, active: int, runs: int) -> dict[str, list[dict[str, Any]]]:
    samples: dict[str, list[dict[str, Any]]] = {
        "unchanged": [], "changed": [], "Settings": [], "bridge": [], "small": []
    }  # fmt: skip

    def click(target: str, *, asks: bool = False) -> dict[str, Any]:
        arg = {"timeoutMs": 30_000, "active": active, "page": target, "asks": asks}
        return page.evaluate(CLICK_AND_WAIT, arg)

    for run in range(runs + 2):  # two warm-up rounds
        measured = run >= 2
        # Each round starts and ends on the roster (a click on the page shown changes nothing).
        settings = click("Settings")
        page.evaluate(DATA_REPLACED)
        changed = click("Dashboard", asks=True)
        click("Athletes")
        unchanged = click("Dashboard")
        click("Athletes")
        if measured:
            samples["changed"].append(changed)
            samples["unchanged"].append(unchanged)
            samples["Settings"].append(settings)
            ms = page.evaluate(BRIDGE_CALL, dt.date.today().year)
            samples["bridge"].append({"painted": ms})
            samples["small"].append({"painted": page.evaluate(SMALL_CALL)})
    return samples


def _window_table(samples: dict[str, list[dict[str, Any]]]) -> None:
    def cell(name: str, key: str = "painted") -> list[str]:
        values = [sample[key] for sample in samples[name]]
        return [f"{median(values):,.1f}", f"{percentile(values, 0.95):,.1f}"]

    def goal(name: str) -> str:
        return ratio(median([sample["painted"] for sample in samples[name]]), TARGET_MS)

    rows = [
        ["click Dashboard, nothing changed → painted", *cell("unchanged"), goal("unchanged")],
        ["click Dashboard after a change → painted", *cell("changed"), goal("changed")],
        ["  … its answer arrived", *cell("changed", "answered"), ""],
        ["  … charts in the DOM", *cell("changed", "dom"), ""],
        ["bare bridge call (dashboard.overview)", *cell("bridge"), ""],
        ["bare bridge call (athletes.nextMemberId)", *cell("small"), ""],
        ["click Settings → painted (for scale)", *cell("Settings"), goal("Settings")],
    ]
    print_table(
        f"The window (ms from the click, {len(samples['changed'])} visits each; "
        f"goal {TARGET_MS:.0f} ms)",
        ["figure", "p50", "p95", "p50/goal"],
        rows,
    )


if __name__ == "__main__":
    main()
