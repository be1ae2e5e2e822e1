"""Small helpers shared by the benchmarks: medians, percentiles, tables, child processes."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = VENV_BIN / "python"
JUDO_MANAGER = VENV_BIN / "judo-manager"
GNU_TIME = "/usr/bin/time"  # Debian package "time"
BACKEND = ROOT / "backend"
# This checkout's code, in the benches (which import this module before the app's) and in
# every child they start: the venv may be another checkout's (a git worktree's is main's),
# whose package would be imported otherwise.
os.environ["PYTHONPATH"] = os.pathsep.join(
    filter(None, [str(BACKEND), os.environ.get("PYTHONPATH")])
)
sys.path.insert(0, str(BACKEND))
# Installed, the app runs from compiled bytecode (pip and PyInstaller write it). Under
# PYTHONDONTWRITEBYTECODE every child would compile the app's own modules from source again
# (some 0.06 s for `judo-manager backup`, 0.3 s for the window). The cache is the benches'
# own, and with a prefix Python keeps every module's bytecode there, the libraries' too.
PYCACHE = Path(tempfile.gettempdir()) / "jm-bench-pycache"
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
os.environ["PYTHONPYCACHEPREFIX"] = str(PYCACHE)


def compile_checkout() -> None:
    """Compile the checkout's code, and the libraries its commands import, into the benches'
    bytecode cache (fast once it is there), so that no measured child compiles them."""
    subprocess.run(
        [str(PYTHON), "-m", "compileall", "-q", str(BACKEND / "judo_manager")], check=True
    )
    subprocess.run([str(PYTHON), "-c", "import judo_manager.cli"], check=True)


def median(values: Sequence[float]) -> float:
    """The median of `values`."""
    return statistics.median(values)


def percentile(values: Sequence[float], fraction: float) -> float:
    """The `fraction` (0..1) percentile of `values`, nearest rank."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[rank]


def ratio(value: float, baseline: float) -> str:
    """`value / baseline` as "2.35x", or "-" without a usable baseline."""
    return f"{value / baseline:.2f}x" if baseline > 0 else "-"


def print_table(title: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Print a plain-text table, columns padded to their widest cell."""
    cells = [[str(cell) for cell in row] for row in [headers, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    line = "-+-".join("-" * width for width in widths)
    print(f"\n{title}")
    for index, row in enumerate(cells):
        print(" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if index == 0:
            print(line)


@dataclass(frozen=True)
class ChildRun:
    """One finished child process: wall-clock seconds, peak memory and exit code."""

    seconds: float
    max_rss_mb: float
    returncode: int
    stdout: str
    stderr: str


def run_child(args: Sequence[str | Path], env: dict[str, str] | None = None) -> ChildRun:
    """Run a command to the end; the time from spawn to exit includes process start.

    The peak memory comes from GNU time, whose own small process forks the command: the
    kernel counts the forking parent's memory in a child's peak (a fork or vfork shares it
    until exec), so `wait4` from this big Python process would report at least our own size.
    """
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "rss"
        command = [GNU_TIME, "-f", "%M", "-o", str(report), *map(str, args)]
        with open(os.devnull, "rb") as stdin:
            started = time.perf_counter()
            done = subprocess.run(command, stdin=stdin, capture_output=True, env=env, check=False)
            seconds = time.perf_counter() - started
        max_rss_kb = int(report.read_text().split()[-1]) if report.exists() else 0
    return ChildRun(
        seconds,
        max_rss_kb / 1024,
        done.returncode,
        done.stdout.decode(errors="replace"),
        done.stderr.decode(errors="replace"),
    )


def fsync_path(path: Path) -> None:
    """Flush a file's data to the drive."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def filesystem_of(path: Path) -> str:
    """The device and type of the filesystem holding `path`, from /proc/mounts."""
    resolved = str(path.resolve())
    best = ("?", "?", "")
    for line in Path("/proc/mounts").read_text().splitlines():
        device, mount_point, fs_type, *_ = line.split()
        inside = resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) >= len(best[2]):
            best = (device, fs_type, mount_point)
    return f"{best[0]} ({best[1]}, mounted on {best[2]})"


def load_average() -> str:
    """The machine's load average over 1, 5 and 15 minutes, as the benches print it."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def mb(size: float) -> str:
    """A byte count in megabytes, as the app prints it."""
    return f"{size / 1_000_000:,.1f} MB"


def stop(process: subprocess.Popen[Any]) -> None:
    """End an app the benchmark started: politely, then for sure."""
    process.terminate()
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def top_up(db: Any, table: str, wanted: int) -> int:
    """Add rows to `promotions` or `medals` of the club behind `db` (a `Database`) until
    there are `wanted`, dated over the past ten years and spread over the athletes; how many
    there are then. The dashboard's and the reports' benches fill their clubs with it."""
    insert = {
        "promotions": "INSERT INTO promotions(athlete_id, promoted_on, belt_id, from_belt_id) "
        "SELECT a.id, date('now', '-' || (n.i % 3650) || ' days'), a.belt_id, NULL",
        "medals": "INSERT INTO medals(athlete_id, competition, held_on, place) "
        "SELECT a.id, 'Bench Open ' || (n.i % 200), date('now', '-' || (n.i % 3650) || "
        "' days'), CASE n.i % 3 WHEN 0 THEN 'gold' WHEN 1 THEN 'silver' ELSE 'bronze' END",
    }[table]
    with db.write() as conn:
        missing = max(wanted - conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0], 0)
        if missing:
            conn.execute(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1), "
                "athletes_in_order AS (SELECT id, belt_id, row_number() OVER (ORDER BY id) - 1 "
                "AS k, count(*) OVER () AS total FROM athletes WHERE belt_id IS NOT NULL) "
                f"{insert} FROM n JOIN athletes_in_order a ON a.k = (n.i - 1) % a.total",
                (missing,),
            )
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
