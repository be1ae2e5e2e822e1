"""How fast each report is shown and written as a PDF, at a big club's size.

A fresh club of --athletes demo athletes, topped up to --promotions promotions and --medals
medals (dated over the past years, spread over the athletes). For each report (the roster
with every column and with the default ones, grading, promotions over the last year and
over all time, medals of this season by athlete and of all time by tournament, papers):

- view: `ReportsService.query` + `view`, what the page waits for (`reports.show`);
- PDF: `sheet` + rendering it, what Save as PDF and Print wait for (goal: under 2 s);
- baseline, from the same run: rendering a plain sheet of as many rows and columns, made
  up here (no queries, no report), which is what the PDF machinery alone costs. The ratio
  says what the report adds on top of it.

Median of --runs each. Nothing here asserts on a time.

    .venv/bin/python bench/reports.py [--athletes 5000] [--promotions 30000] [--medals 5000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import median, print_table, ratio, top_up
from judo_manager.db import open_database
from judo_manager.db.layout import database_path
from judo_manager.demo.generator import fill_demo_club
from judo_manager.exports.model import Column, Group, Row, Sheet
from judo_manager.exports.service import render
from judo_manager.wiring import AppServices

GOAL_MS = 2000.0


def main() -> None:
    """Fill a club, top it up, and time each report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--athletes", type=int, default=5000)
    parser.add_argument("--promotions", type=int, default=30000, help="promotions in all")
    parser.add_argument("--medals", type=int, default=5000, help="medals in all")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    try:
        db = open_database(database_path(work))
        fill_demo_club(db, args.athletes)
        promotions = top_up(db, "promotions", args.promotions)
        medals = top_up(db, "medals", args.medals)
        print(f"{args.athletes:,} athletes, {promotions:,} promotions, {medals:,} medals")
        _time_reports(AppServices.build(db), args.runs)
        db.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _time_reports(services: AppServices, runs: int) -> None:
    reports = services.reports
    today = dt.date.today()
    every_column = [
        choice.key for choice in reports.view(reports.query({"name": "roster"})).available_columns
    ]
    requests: dict[str, dict[str, Any]] = {
        "roster (default columns)": {"name": "roster"},
        "roster (all 19 columns)": {"name": "roster", "columns": every_column},
        "grading": {"name": "grading"},
        "promotions, last year": {
            "name": "promotions",
            "from_date": (today - dt.timedelta(days=365)).isoformat(),
            "to_date": today.isoformat(),
        },
        "promotions, all time": {
            "name": "promotions",
            "from_date": "1900-01-01",
            "to_date": today.isoformat(),
        },
        "medals, season, by athlete": {"name": "medals", "season": today.year},
        "medals, all time, by tournament": {"name": "medals", "group_by": "tournament"},
        "papers": {"name": "papers"},
    }
    table = []
    for label, request in requests.items():
        view = reports.view(reports.query(request))
        view_ms = _median_ms(lambda r=request: reports.view(reports.query(r)), runs)
        pdf_ms = _median_ms(lambda r=request: render(reports.sheet(reports.query(r)), "pdf"), runs)
        sheet = _plain_sheet(view.row_count, len(view.columns))
        baseline_ms = _median_ms(lambda s=sheet: render(s, "pdf"), runs)
        table.append(
            (
                label,
                f"{view.row_count:,}",
                f"{view_ms:,.0f}",
                f"{pdf_ms:,.0f}",
                "yes" if pdf_ms < GOAL_MS else "NO",
                f"{baseline_ms:,.0f}",
                ratio(pdf_ms, baseline_ms),
            )
        )
    print_table(
        f"Reports, median of {runs} (ms); goal for the PDF: under {GOAL_MS:,.0f} ms",
        ("report", "rows", "view", "PDF", "< 2 s", "plain sheet PDF", "PDF / plain"),
        table,
    )


def _plain_sheet(rows: int, columns: int) -> Sheet:
    """A sheet of `rows` lines of `columns` short Latin texts, in one group."""
    return Sheet(
        title="Baseline",
        details=["A plain sheet"],
        organisation="Demo Judo Club",
        logo=None,
        group_columns=[],
        columns=[Column(f"Column {i}") for i in range(columns)],
        groups=[
            Group(
                values=[],
                rows=[Row(cells=[f"Cell {n}-{i}" for i in range(columns)]) for n in range(rows)],
                total=f"{rows} rows",
            )
        ],
        problems_label="Notes",
        summary=f"{rows} rows",
    )


def _median_ms(step: Callable[[], object], runs: int) -> float:
    step()  # warm the caches: fonts, statements, the dates' formats
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        samples.append((time.perf_counter() - started) * 1000)
    return median(samples)


if __name__ == "__main__":
    main()
