"""How fast a big tournament's entry sheet is written, and how fast the picker answers.

A fresh club of --athletes demo athletes and a tournament held today with the first
--entries of them entered (each in the category and class Python suggests):

1. The entry sheet, for each format: building the `Sheet` from the tournament (Python's
   queries and conflicts), rendering it to bytes, and the whole verified save (hidden file
   beside the destination, fsync, read back, replace), median of --runs. The baseline from
   the same run is writing the same bytes to the same folder and fsync-ing them (cp +
   fsync); goal for the PDF: under 2 s in all.
2. The picker in the real window (Xvfb, Playwright over CDP): from the search box's `input`
   (or a filter's `change`) until the list says aria-busy="false", the count reads "Showing
   N of M athletes" for Python's answer to the same filters, the first option is the
   athlete Python puts first, and one more frame is painted, as bench/roster.py times the
   roster (with its script). Beside it, the bare bridge call timed in the page. Goal: under
   100 ms.

Nothing here asserts on a time; a wrong count or first row stops the run.

    .venv/bin/python bench/tournament.py [--athletes 5000] [--entries 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from _common import fsync_path, median, percentile, print_table, ratio
from judo_manager.db import open_database
from judo_manager.db.layout import database_path
from judo_manager.demo.generator import fill_demo_club
from judo_manager.exports.model import EXPORT_FORMATS
from judo_manager.wiring import AppServices
from roster import APPLY_CHANGE, BRIDGE_CALL, DEFAULT_FILTERS, INSTALL_PROBE, Baseline, open_window
from start import display

TARGET_MS = 100.0
SEARCH_WORDS = ("yuki", "ono", "silva", "kenji", "lea", "matthias", "abe", "nora")


def main() -> None:
    """Fill a club, enter athletes, time the entry sheet, then the picker in the window."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--athletes", type=int, default=5000, help="demo athletes in the club")
    parser.add_argument("--entries", type=int, default=1000, help="athletes entered")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per figure")
    parser.add_argument("--picker-runs", type=int, default=16, help="timed picker changes")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="jm-bench-tournament-"))
    load_before = os.getloadavg()[0]
    try:
        data_dir = work / "data"
        db = open_database(database_path(data_dir))
        fill_demo_club(db, args.athletes)
        services = AppServices.build(db)
        tournament_id, entries = _tournament(services, args.entries)
        print(f"{args.athletes:,} athletes, a tournament with {entries:,} entries\n")
        _entry_sheet_table(services, tournament_id, work / "out", args.runs)
        baseline = Baseline(db)
        with display(), sync_playwright() as playwright, open_window(playwright, data_dir) as page:
            _open_picker(page)
            page.evaluate(INSTALL_PROBE)
            samples = _picker_samples(page, baseline, args.picker_runs)
        db.close()
        _picker_table(samples)
        print(
            f"\nLoad average (1 min) before the run: {load_before:.2f} on {os.cpu_count()} cores "
            f"({os.getloadavg()[0]:.2f} after). Other busy processes inflate every figure."
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _tournament(services: AppServices, entries: int) -> tuple[int, int]:
    today = dt.date.today().isoformat()
    tournament = services.tournaments.create(
        {"name": "Bench Open", "starts_on": today, "location": "Sports hall"}
    )
    ids = [row.id for row in services.athletes.roster({"status": "all"}).rows][:entries]
    added = services.tournaments.add_entries(tournament.id, ids)
    return tournament.id, added.added


def _timed(action: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - t0)
    return median(times), result


def _entry_sheet_table(services: AppServices, tournament_id: int, out: Path, runs: int) -> None:
    out.mkdir()
    build, sheet = _timed(lambda: services.tournaments.entry_sheet(tournament_id), runs)
    rows = []
    for export_format in EXPORT_FORMATS:
        render, data = _timed(lambda f=export_format: services.exports.render(sheet, f), runs)
        assert isinstance(data, bytes)
        destination = out / f"entries.{export_format}"
        save, _saved = _timed(
            lambda f=export_format, d=destination: services.exports.save(sheet, f, d), runs
        )
        copy = out / f"copy.{export_format}"

        def cp_fsync(data: bytes = data, copy: Path = copy) -> None:
            copy.write_bytes(data)
            fsync_path(copy)

        baseline, _ = _timed(cp_fsync, runs)
        rows.append(
            [
                export_format.upper(),
                f"{len(data) / 1000:,.0f} kB",
                f"{build * 1000:,.0f}",
                f"{render * 1000:,.0f}",
                f"{save * 1000:,.0f}",
                f"{(build + save) * 1000:,.0f}",
                f"{baseline * 1000:,.1f}",
                ratio(build + save, baseline),
            ]
        )
    print_table(
        f"Entry sheet (ms, median of {runs}; goal for the PDF: under 2,000 ms in all)",
        ["format", "size", "build", "render", "verified save", "all", "cp+fsync", "all/cp"],
        rows,
    )


def _open_picker(page: Page) -> None:
    page.get_by_role("link", name="Tournaments").or_(
        page.get_by_role("button", name="Tournaments")
    ).first.click()
    page.get_by_text("Bench Open").first.click()
    page.get_by_role("button", name="Add athletes").first.click()
    page.locator('[data-testid="picker-count"]').filter(has_text="Showing").wait_for()


def _picker_samples(page: Page, baseline: Baseline, runs: int) -> list[tuple[str, float, float]]:
    """(change, change→painted ms, bare bridge call ms) for each timed change; "(all)" is
    a change back to the whole active roster, the biggest answer."""
    changes: list[tuple[str, str, str, dict[str, object]]] = []
    for index in range(runs):
        word = SEARCH_WORDS[index % len(SEARCH_WORDS)]
        changes.append(("a name searched", "#picker-search", word, {"search": word}))
        changes.append(("search cleared (all)", "#picker-search", "", {"search": ""}))
        sex = "F" if index % 2 == 0 else "M"
        changes.append(("one sex", "#picker-sex", sex, {"sex": sex}))
        changes.append(("either sex (all)", "#picker-sex", "", {"sex": None}))
    samples = []
    for label, selector, value, patch in changes:
        filters = {**DEFAULT_FILTERS, **patch}
        expected = baseline.expected(filters)
        got = page.evaluate(
            APPLY_CHANGE,
            {
                "list": "#picker-list",
                "status": '[data-testid="picker-count"]',
                "selector": selector,
                "kind": "select" if selector.endswith("sex") else "input",
                "value": value,
                "count": expected.count,
                "total": expected.total,
                "firstId": expected.first_id,
                "timeoutMs": 20_000,
            },
        )
        sent = got["filters"]
        if sent is None or any(sent.get(key) != patch[key] for key in patch):
            raise SystemExit(f"{label}: the picker asked for {sent}, not {patch}")
        bridge = page.evaluate(BRIDGE_CALL, sent)
        samples.append((label, got["painted"] - got["t0"], bridge["ms"]))
    return samples


def _picker_table(samples: list[tuple[str, float, float]]) -> None:
    rows = []
    for kind in dict.fromkeys(label for label, _, _ in samples):
        ui = [ms for label, ms, _ in samples if label == kind]
        bridge = [ms for label, _, ms in samples if label == kind]
        rows.append(
            [
                kind,
                len(ui),
                f"{median(ui):.0f}",
                f"{percentile(ui, 0.95):.0f}",
                f"{median(bridge):.0f}",
                ratio(median(ui), TARGET_MS),
            ]
        )
    print_table(
        "Picker: change → painted list (ms; goal under 100)",
        ["change", "runs", "p50", "p95", "bare bridge p50", "p50/goal"],
        rows,
    )


if __name__ == "__main__":
    main()
