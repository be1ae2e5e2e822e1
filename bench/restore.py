"""A restore of a ~500 MB backup, step by step, next to cp + fsync of the same file.

Restores a verified backup of a club database of about --mb megabytes over a live database
of the same size, --runs times, through the app's own RestoreService (the code behind both
the Import button and `judo-manager restore`). Each step is timed from the service's own
progress reports: staging, validation (the full integrity_check, with the live file's
quick_check beside it), migration and page-size preparation, the safety copy (by rename:
only the marks and the backup log carried over), and the replacement (the swap, during which
the app waits). Meanwhile a writer, standing in for the coach saving an edit, commits every
few milliseconds through the same Database, each commit on a thread of its own as the
window's bridge calls are: its longest wait shows how long the live app is blocked.

Targets: staging + safety copy + replacement within 4x cp + fsync; validation as fast as a
full check allows; the app blocked under 0.5 s. Nothing here asserts.

    .venv/bin/python bench/restore.py [--mb 500] [--runs 3] [--keep DIR]
    .venv/bin/python bench/restore.py --photos [--mb 1000]   (bench/backup.py's photo club)
"""

from __future__ import annotations

import argparse
import secrets
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from _common import filesystem_of, fsync_path, load_average, mb, median, print_table, ratio
from backup import build_database, build_photo_club, checkpoint
from judo_manager.db import Database, open_database
from judo_manager.db.layout import database_path
from judo_manager.db.snapshot import write_verified_copy
from judo_manager.jobs import JobLock
from judo_manager.restore.service import RestoreService

STEPS = ("staging", "validating", "migration", "safetyCopy", "replacing", "after")
WRITER_PAUSE_S = 0.005


@dataclass
class Timeline:
    """When each phase was first and last reported, on the perf_counter clock."""

    marks: dict[str, float] = field(default_factory=dict)
    last: dict[str, float] = field(default_factory=dict)

    def __call__(self, phase: str, _fraction: float) -> None:
        """A progress callback: remember the first and the latest report of each phase."""
        now = time.perf_counter()
        self.marks.setdefault(phase, now)
        self.last[phase] = now


@dataclass
class Writer:
    """Commits small transactions in a loop and records how long each one waited."""

    db: Database
    commits: list[tuple[float, float]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    token: str = field(default_factory=lambda: secrets.token_hex(4))

    def run(self) -> None:
        """Commit until told to stop, each commit on a new thread (a bridge call's)."""
        while not self.stop.is_set():
            started = time.perf_counter()
            call = threading.Thread(target=self._commit)
            call.start()
            call.join()
            self.commits.append((started, time.perf_counter() - started))
            time.sleep(WRITER_PAUSE_S)

    def _commit(self) -> None:
        with self.db.write() as conn:
            # Club names are unique (data version 7): each commit adds another.
            conn.execute(
                "INSERT INTO clubs(name) VALUES (?)",
                (f"bench restore writer {self.token} {len(self.commits)}",),
            )

    def longest(self) -> tuple[float, float]:
        """The longest commit: when it started and how long it took."""
        return max(self.commits, key=lambda commit: commit[1], default=(0.0, 0.0))

    def longest_between(self, start: float, end: float) -> float:
        """The longest commit that started in [start, end), in seconds."""
        waits = [wait for began, wait in self.commits if start <= began < end]
        return max(waits, default=0.0)


def main() -> None:
    """Build the databases, restore --runs times, print the tables."""
    args = _parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="jm-restore-"))
    try:
        if args.photos:
            source_db = build_photo_club(work / f"photos-{args.mb}mb", 2000, args.mb * 1_000_000)
        else:
            source_db = build_database(work / f"club-{args.mb}mb", args.mb * 1_000_000)
        backup = work / "backup.db"
        if not backup.exists():
            write_verified_copy(source_db, backup, scratch_dir=work / "scratch")
        print(f"backup {backup} ({mb(backup.stat().st_size)}) in {filesystem_of(work)}")
        print(f"load average before: {load_average()}")
        rows = [restore_once(source_db, backup, work / f"live-{run}") for run in range(args.runs)]
        report(rows, cp_fsync(backup, work, args.runs), backup.stat().st_size)
        print(f"\nload average after: {load_average()}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=int, default=500, help="database size to build (MB)")
    parser.add_argument("--runs", type=int, default=3, help="restores to time")
    parser.add_argument("--keep", metavar="DIR", help="build the databases here and keep them")
    parser.add_argument(
        "--photos", action="store_true", help="2,000 athletes with --mb of photos and documents"
    )
    return parser.parse_args()


def restore_once(template: Path, backup: Path, data_dir: Path) -> dict[str, float]:
    """One restore over a fresh live copy of `template`; seconds per step, and the waits."""
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    live = database_path(data_dir)
    shutil.copyfile(template, live)  # a closed, checkpointed file: a plain copy is sound here
    db = open_database(live)
    service = RestoreService(db, JobLock())
    writer = Writer(db)
    thread = threading.Thread(target=writer.run)
    thread.start()
    try:
        check = Timeline()
        started = time.perf_counter()
        plan = service.inspect(backup, check)
        checked = time.perf_counter()
        apply = Timeline()
        service.restore(plan.token, apply)
        finished = time.perf_counter()
    finally:
        writer.stop.set()
        thread.join()
        db.close()
    seconds = {
        "staging": check.marks["validating"] - started,
        # Validation reports 1.0 as its last act; migration runs until inspect returns.
        "validating": check.last["validating"] - check.marks["validating"],
        "migration": checked - check.last["validating"],
        "safetyCopy": apply.marks["replacing"] - apply.marks["safetyCopy"],
        "replacing": apply.last["replacing"] - apply.marks["replacing"],
        "after": finished - apply.last["replacing"],
        "wait outside replacement": max(
            writer.longest_between(started, apply.marks["replacing"]),
            writer.longest_between(apply.last["replacing"], time.perf_counter()),
        ),
        "wait during replacement": writer.longest_between(
            apply.marks["replacing"], apply.last["replacing"]
        ),
    }
    began, wait = writer.longest()
    starts = {
        "staging": started,
        "validating": check.marks["validating"],
        "migration": check.last["validating"],
        "safetyCopy": apply.marks["safetyCopy"],
        "replacing": apply.marks["replacing"],
        "after": apply.last["replacing"],
    }
    during = max((at, step) for step, at in starts.items() if at <= began)[1] if began else "-"
    print(f"run {data_dir.name}: longest writer wait {wait:.3f} s, begun during {during}")
    shutil.rmtree(data_dir, ignore_errors=True)
    return seconds


def cp_fsync(backup: Path, work: Path, runs: int) -> float:
    """Median seconds of `cp` plus `fsync` of the backup file into the work folder."""
    times = []
    for _ in range(runs):
        target = work / "cp-copy.db"
        checkpoint(backup)
        started = time.perf_counter()
        shutil.copyfile(backup, target)
        fsync_path(target)
        times.append(time.perf_counter() - started)
        target.unlink()
    return median(times)


def report(rows: list[dict[str, float]], baseline: float, size: int) -> None:
    """Print the step table and the writer table."""
    medians = {step: median([row[step] for row in rows]) for step in rows[0]}
    copied = sum(medians[step] for step in ("staging", "safetyCopy", "replacing", "after"))
    table = [[step, f"{medians[step]:.2f}", ratio(medians[step], baseline)] for step in STEPS]
    table.append(
        [
            "staging + safety copy + replacement + after",
            f"{copied:.2f}",
            ratio(copied, baseline),
        ]
    )
    table.append(["cp + fsync (baseline)", f"{baseline:.2f}", "1.00x"])
    print(
        "'after' runs once the app can write again: the checkpoint where the backup was copied"
        " over the live file, the counts the outcome shows, removing the staged file."
    )
    print_table(
        f"Restore of a {mb(size)} backup over a live database of the same size "
        f"(median of {len(rows)}; target: the three copying steps within 4x cp + fsync)",
        ["step", "seconds", "vs cp+fsync"],
        table,
    )
    print_table(
        "Longest wait of a writer committing every 5 ms (the live app saving an edit)",
        ["when", "seconds"],
        [
            ["outside the replacement step", f"{medians['wait outside replacement']:.3f}"],
            ["during the replacement step", f"{medians['wait during replacement']:.3f}"],
        ],
    )


if __name__ == "__main__":
    main()
