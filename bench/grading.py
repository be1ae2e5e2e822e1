"""How long grading readiness takes over a big club, in Python (no window).

A fresh club of --athletes demo athletes, topped up with promotions to --promotions in all
(back-dated, below each athlete's current grade's date, as a history entered late would be).
Figures, median of --runs:

1. `repository.grading_facts`: the one query (the latest promotion per athlete, the next
   belt's minimums).
2. `grading.readiness`: the rule over those rows.
3. `AthletesService.grading_readiness` + `to_wire` + `json.dumps`: what the bridge answers.
4. Baseline from the same run: `AthletesService.roster` of the active athletes, the roster's
   own Python work on the same club, to compare with.

Target: well under 100 ms for (3) at 5,000 athletes and 30,000 promotions. Nothing here
asserts on a time.

    .venv/bin/python bench/grading.py [--athletes 5000] [--promotions 30000] [--runs 15]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _common import median, print_table, ratio
from judo_manager.athletes import grading, repository
from judo_manager.athletes.service import AthletesService
from judo_manager.bridge.convert import to_wire
from judo_manager.db import Database, open_database
from judo_manager.db.layout import database_path
from judo_manager.demo.generator import fill_demo_club


def main() -> None:
    """Fill a club, top its promotions up, and time each step."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--athletes", type=int, default=5000, help="demo athletes in the club")
    parser.add_argument("--promotions", type=int, default=30000, help="promotions in all")
    parser.add_argument("--runs", type=int, default=15, help="timed runs per figure")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="jm-bench-grading-"))
    load_before = os.getloadavg()[0]
    try:
        db = open_database(database_path(work / "data"))
        fill_demo_club(db, args.athletes)
        promotions = _top_up_promotions(db, args.promotions)
        athletes = AthletesService(db)
        found = athletes.grading_readiness()
        print(
            f"{args.athletes:,} athletes, {promotions:,} promotions: {len(found.ready):,} "
            f"ready, {len(found.soon):,} soon, {found.no_date:,} with no date\n"
        )
        conn = db.connection()
        facts = repository.grading_facts(conn)
        today = dt.date.today()  # the service's default clock
        steps: list[tuple[str, Callable[[], object]]] = [
            ("query (grading_facts)", lambda: repository.grading_facts(conn)),
            ("rule (readiness)", lambda: grading.readiness(facts, today)),
            (
                "service + wire + json",
                lambda: json.dumps(to_wire(athletes.grading_readiness())),
            ),
            ("baseline: roster (active)", lambda: athletes.roster({"status": "active"})),
        ]
        timings = {name: _median_ms(step, args.runs) for name, step in steps}
        baseline = timings["baseline: roster (active)"]
        print_table(
            f"Median of {args.runs} runs",
            ["step", "ms", "vs roster"],
            [(name, f"{ms:.1f}", ratio(ms, baseline)) for name, ms in timings.items()],
        )
        db.close()
        print(
            f"\nLoad average (1 min) before the run: {load_before:.2f} on {os.cpu_count()} cores "
            f"({os.getloadavg()[0]:.2f} after). Other busy processes inflate every figure."
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _top_up_promotions(db: Database, wanted: int) -> int:
    """Add back-dated promotions until the club has `wanted`; how many it has then."""
    with db.write() as conn:
        have = conn.execute("SELECT count(*) FROM promotions").fetchone()[0]
        missing = max(wanted - have, 0)
        if missing:
            # Spread over the athletes, each a day further back before their first promotion
            # or 2000-01-01: a history entered late, never the latest by date.
            conn.execute(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1), "
                "athletes_in_order AS (SELECT id, belt_id, row_number() OVER (ORDER BY id) - 1 "
                "AS k, count(*) OVER () AS total FROM athletes WHERE belt_id IS NOT NULL) "
                "INSERT INTO promotions(athlete_id, promoted_on, belt_id, from_belt_id) "
                "SELECT a.id, date('2000-01-01', '-' || n.i || ' days'), a.belt_id, NULL "
                "FROM n JOIN athletes_in_order a ON a.k = (n.i - 1) % a.total",
                (missing,),
            )
        return int(conn.execute("SELECT count(*) FROM promotions").fetchone()[0])


def _median_ms(step: Callable[[], object], runs: int) -> float:
    step()  # warm the page cache and the statement cache
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        step()
        samples.append((time.perf_counter() - started) * 1000)
    return median(samples)


if __name__ == "__main__":
    main()
