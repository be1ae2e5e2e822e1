"""The verified backup next to plain copies: time, where it goes, what writers feel, memory.

Builds a club database of about --mb megabytes with the app's own schema and demo generator,
then measures in one run, median of --runs each, round-robin so drift hits every step alike:

  cp + fsync (the baseline), a bare one-step SQLite backup + fsync, the sqlite3 shell's
  `.backup`, and `judo-manager backup DEST --force` as a child process (start included);
  the verification steps alone; each part of `write_verified_copy` in process; the latency of a
  writer process committing small transactions, idle and during a backup; and the backup
  process's peak memory at --mb and --mb/4; then (as root) a verified backup onto a stick
  held to --stick-mbps, with the writer's latency and the live write-ahead log's peak size.

The serial floor (issue 20) is what a verified backup can't do without, one step after
another: the bare backup + fsync, then reading the file back from the drive after dropping
it from the page cache.

With --photos, the club is 2,000 athletes (--athletes) with about --mb megabytes of photos
and documents, every file checked by the media service as a chosen one is; a few dozen
distinct portraits and scans are made once and their bytes stored again for each athlete,
so building it measures nothing of the demo. The same tables follow (memory against a club
of a quarter of the athletes and files), then the restore's steps (bench/restore.py's).

Targets: the verified backup within 4x cp+fsync and 1.6x the bare backup (issue 20: within
1.0x the serial floor and 5x cp+fsync), writers' p99 no worse than 2x idle, memory flat as
the database grows. Nothing here asserts on a time.

    .venv/bin/python bench/backup.py [--mb 500] [--runs 5] [--keep DIR]
    .venv/bin/python bench/backup.py --photos [--mb 1000] [--athletes 2000] [--runs 5]
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import secrets
import shutil
import sqlite3
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event
from pathlib import Path

from _common import (
    JUDO_MANAGER,
    ChildRun,
    compile_checkout,
    filesystem_of,
    fsync_path,
    load_average,
    mb,
    median,
    percentile,
    print_table,
    ratio,
    run_child,
)
from _slow_stick import SlowStickError, mounted_slow_stick
from judo_manager.db import Database, open_database
from judo_manager.db import snapshot as snapshots
from judo_manager.db.checks import quick_check_problem, snapshot_header_problem
from judo_manager.db.connection import connect
from judo_manager.db.layout import database_path
from judo_manager.db.migrations import SCHEMA_VERSION
from judo_manager.demo.files import portrait_jpeg
from judo_manager.demo.generator import fill_demo_club
from judo_manager.media.model import CheckedFile
from judo_manager.media.service import MediaService

CALIBRATION_ATHLETES = 100_000
# Each generator call is one transaction, so this bounds the write-ahead log it leaves.
ATHLETES_PER_CALL = 1_000_000
WRITER_LIMIT_S = 600.0  # the writer process stops by itself after this, whatever happens
# The photo club's distinct files, made once and stored again for each athlete.
DISTINCT_PORTRAITS = 32
DISTINCT_SCANS = 16
PHOTO_BATCH = 250  # athletes per write while the photo club is built


def main() -> None:
    """Build the databases, run every measurement, print the tables."""
    args = _parse_args()
    compile_checkout()
    temp_root = Path(args.tmp)
    work = (
        Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="jm-bench-", dir=temp_root))
    )
    dest_dir = Path(tempfile.mkdtemp(prefix="jm-bench-dest-", dir=temp_root))
    print(f"load average at start: {load_average()}")
    try:
        if args.photos:
            big = build_photo_club(work / f"photos-{args.mb}mb", args.athletes, args.mb * 1_000_000)
            small = build_photo_club(
                work / f"photos-{args.mb // 4}mb", args.athletes // 4, args.mb // 4 * 1_000_000
            )
        else:
            big = build_database(work / f"club-{args.mb}mb", args.mb * 1_000_000)
            small = build_database(work / f"club-{args.mb // 4}mb", args.mb // 4 * 1_000_000)
        print(f"databases in {filesystem_of(work)}; backups to {filesystem_of(dest_dir)}")
        run_all(args, big, small, dest_dir)
        if args.photos:
            measure_restore(big, work, args.restore_runs)
        print(f"\nload average at the end: {load_average()}")
    finally:
        shutil.rmtree(dest_dir, ignore_errors=True)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--mb", type=int, help="database size to build (MB; 500, or 1000 of files with --photos)"
    )
    parser.add_argument("--runs", type=int, default=5, help="repetitions of each step")
    parser.add_argument("--keep", metavar="DIR", help="build the databases here and keep them")
    parser.add_argument("--tmp", default=tempfile.gettempdir(), help="parent of temp folders")
    parser.add_argument(
        "--writer-pause-ms", type=float, default=10.0, help="pause between writer commits"
    )
    parser.add_argument(
        "--photos", action="store_true", help="a club with --mb of photos and documents"
    )
    parser.add_argument("--athletes", type=int, default=2000, help="athletes of --photos")
    parser.add_argument(
        "--stick-mbps", type=float, default=20.0, help="a slow stick's speed (0: none; root)"
    )
    parser.add_argument("--restore-runs", type=int, default=3, help="restores of --photos")
    args = parser.parse_args()
    if args.mb is None:
        args.mb = 1000 if args.photos else 500
    return args


def _reused(path: Path) -> bool:
    """Whether a club database from an earlier run (--keep) is there to measure again."""
    if not path.exists():
        return False
    checkpoint(path)
    print(f"reusing {path} ({mb(path.stat().st_size)})")
    return True


def build_database(data_dir: Path, target_bytes: int) -> Path:
    """The club database in `data_dir`, grown with demo athletes to about `target_bytes`.

    A database already there is reused as it is.
    """
    path = database_path(data_dir)
    if _reused(path):
        return path
    started = time.perf_counter()
    db = open_database(path)
    try:
        calibration = max(1000, min(CALIBRATION_ATHLETES, target_bytes // 400))
        fill_demo_club(db, calibration)
        checkpoint(path)
        per_athlete = path.stat().st_size / calibration
        while (missing := target_bytes - path.stat().st_size) > 1000 * per_athlete:
            fill_demo_club(db, min(ATHLETES_PER_CALL, int(missing / per_athlete)), force=True)
            checkpoint(path)
    finally:
        db.close()
    checkpoint(path)
    seconds = time.perf_counter() - started
    print(
        f"built {path} ({mb(path.stat().st_size)}, {per_athlete:.0f} B/athlete) in {seconds:.0f} s"
    )
    return path


def build_photo_club(data_dir: Path, athletes: int, target_bytes: int) -> Path:
    """A demo club of `athletes` athletes, three in four with a photo, and papers in turn
    until the files come to about `target_bytes`; a database already there is reused.

    The photos are a few dozen distinct portraits (about 0.5 MB, as a phone's) and the
    papers a few dozen scans (a PDF around a JPEG page, 0.1 to 0.3 MB), each checked once
    by the media service; then their bytes are stored again for athlete after athlete,
    through `MediaService.store`.
    """
    path = database_path(data_dir)
    if _reused(path):
        return path
    started = time.perf_counter()
    db = open_database(path)
    try:
        fill_demo_club(db, athletes)
        portraits, scans = _distinct_files(data_dir / "chosen", MediaService(db))
        made = time.perf_counter() - started
        stored = _store_files(db, portraits, scans, target_bytes)
    finally:
        db.close()
    checkpoint(path)
    seconds = time.perf_counter() - started
    print(
        f"built {path} ({mb(path.stat().st_size)}: {athletes} athletes, {mb(stored)} of files) "
        f"in {seconds:.0f} s ({made:.0f} s to make and check the distinct files)"
    )
    return path


def _distinct_files(
    folder: Path, media: MediaService
) -> tuple[list[CheckedFile], list[CheckedFile]]:
    import random

    folder.mkdir(parents=True, exist_ok=True)
    portraits, scans = [], []
    for number in range(DISTINCT_PORTRAITS):
        chosen = folder / f"portrait-{number}.jpg"
        chosen.write_bytes(portrait_jpeg(random.Random(f"bench:{number}")))
        portraits.append(media.check_file(chosen, "photo"))
    for number in range(DISTINCT_SCANS):
        # A page scanned at 70 to 110 dpi: from 0.1 to 0.3 MB.
        width = 560 + number * 24
        page = portrait_jpeg(random.Random(f"scan:{number}"), (width, int(width * 1.41)))
        chosen = folder / f"scan-{number}.pdf"
        chosen.write_bytes(_scan_pdf(page, width, int(width * 1.41)))
        scans.append(media.check_file(chosen, "document"))
    shutil.rmtree(folder)
    return portraits, scans


def _store_files(
    db: Database, portraits: list[CheckedFile], scans: list[CheckedFile], target_bytes: int
) -> int:
    """A photo for three athletes in four, then papers in turn until the files come to the
    target."""
    media = MediaService(db)
    ids = [row[0] for row in db.connection().execute("SELECT id FROM athletes ORDER BY id")]
    stored = 0
    for start in range(0, len(ids), PHOTO_BATCH):
        with db.write() as conn:
            for athlete in ids[start : start + PHOTO_BATCH]:
                if athlete % 4 == 0 or stored >= target_bytes:
                    continue
                photo = portraits[athlete % len(portraits)]
                photo_id = media.store(conn, photo)
                conn.execute("UPDATE athletes SET photo_id = ? WHERE id = ?", (photo_id, athlete))
                stored += len(photo.data)
    papers = 0
    while stored < target_bytes:
        with db.write() as conn:
            for _ in range(PHOTO_BATCH):
                if stored >= target_bytes:
                    break
                scan = scans[papers % len(scans)]
                conn.execute(
                    "INSERT INTO documents(athlete_id, media_id, kind, title) VALUES (?, ?, ?, ?)",
                    (ids[papers % len(ids)], media.store(conn, scan), "other", f"Scan {papers}"),
                )
                stored += len(scan.data)
                papers += 1
    return stored


def _scan_pdf(jpeg: bytes, width: int, height: int) -> bytes:
    """A one-page A4 PDF showing the JPEG `jpeg` across the page, as a scanner writes one."""
    content = b"q 595 0 0 842 0 0 cm /Page Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /Page 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
        b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n%s\nendstream"
        % (width, height, len(jpeg), jpeg),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def checkpoint(path: Path) -> None:
    """Move everything from the write-ahead log into the file, so its size is honest."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            raise SystemExit(f"could not checkpoint {path}: another connection holds it")
    finally:
        conn.close()


def cp_fsync(live: Path, dest: Path) -> float:
    """Seconds to copy the file (sendfile) and fsync the copy."""
    started = time.perf_counter()
    shutil.copyfile(live, dest)
    fsync_path(dest)
    return time.perf_counter() - started


def bare_backup(live: Path, dest: Path) -> float:
    """Seconds for a one-step SQLite online backup into a new file, plus its fsync."""
    started = time.perf_counter()
    source, target = sqlite3.connect(live), sqlite3.connect(dest)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    fsync_path(dest)
    return time.perf_counter() - started


def serial_floor(live: Path, dest: Path) -> float:
    """Seconds for the serial floor: the bare backup + fsync, then reading the file back
    from the drive after dropping it from the page cache."""
    started = time.perf_counter()
    bare_backup(live, dest)
    with dest.open("rb", buffering=0) as copy:
        os.posix_fadvise(copy.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        while copy.read(snapshots.SPAN_BYTES):
            pass
    return time.perf_counter() - started


def shell_backup(live: Path, dest: Path) -> float:
    """Seconds for the sqlite3 shell's `.backup` plus an fsync, process start included."""
    started = time.perf_counter()
    _check(run_child(["sqlite3", live, f".backup '{dest}'"]))
    fsync_path(dest)
    return time.perf_counter() - started


def verified_backup(data_dir: Path, dest: Path) -> ChildRun:
    """`judo-manager --data-dir D backup DEST --force`, start to exit; what it warned of (a
    check against a second copy, a copy made again) is passed on."""
    run = _check(run_child([JUDO_MANAGER, "--data-dir", data_dir, "backup", dest, "--force"]))
    if run.stderr.strip():
        print(run.stderr.strip(), flush=True)
    return run


def checked_how(run: ChildRun) -> str:
    """How a verified backup was checked, as its warnings tell."""
    if "copying again" in run.stderr:
        return "copied again, the scratch way"
    if "against a second copy" in run.stderr:
        return "against a second copy"
    return "against the kept pages"


def _check(run: ChildRun) -> ChildRun:
    if run.returncode != 0:
        raise SystemExit(f"a child process failed ({run.returncode}):\n{run.stderr}")
    return run


def read_back_compare(backup: Path, snapshot: Path) -> float:
    """Seconds to read `backup` from the drive (dropped from the cache) and compare it."""
    fsync_path(backup)
    started = time.perf_counter()
    with backup.open("rb") as copy, snapshot.open("rb") as source:
        os.posix_fadvise(copy.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        while expected := source.read(snapshots.SPAN_BYTES):
            if copy.read(len(expected)) != expected:
                raise SystemExit(f"{backup} and {snapshot} differ")
    return time.perf_counter() - started


def quick_check(backup: Path) -> float:
    """Seconds for the structural checks (quick_check + header) on a finished backup."""
    started = time.perf_counter()
    conn = connect(backup, read_only=True)
    try:
        problem = quick_check_problem(conn) or snapshot_header_problem(conn, SCHEMA_VERSION)
    finally:
        conn.close()
    if problem:
        raise SystemExit(f"{backup}: {problem}")
    return time.perf_counter() - started


def pipeline_parts(live: Path, dest: Path) -> dict[str, float]:
    """Seconds of `write_verified_copy`, run in process, and of each of its progress phases.

    A phase lasts from its first progress report to the next phase's first report.
    """
    seconds: dict[str, float] = {}
    marks: list[tuple[str, float]] = []

    def progress(phase: str, _fraction: float) -> None:
        if not marks or marks[-1][0] != phase:
            marks.append((phase, time.perf_counter()))

    started = time.perf_counter()
    snapshots.write_verified_copy(
        live, dest, scratch_dir=live.parent / "scratch", progress=progress
    )
    ended = time.perf_counter()
    seconds["write_backup"] = ended - started
    bounds = [started, *(moment for _, moment in marks[1:]), ended]
    for (phase, _), begin, end in zip(marks, bounds[:-1], bounds[1:], strict=True):
        seconds[f"phase {phase}"] = end - begin
    return seconds


def _write_loop(
    db: str, pause_s: float, stop: Event, ready: Event, out: Connection
) -> None:  # runs in the writer process
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA busy_timeout = 10000")
    samples: list[tuple[float, float]] = []
    # Club names are unique (data version 7), also across runs on a kept database.
    writer = secrets.token_hex(4)
    ready.set()
    deadline = time.monotonic() + WRITER_LIMIT_S
    while not stop.is_set() and time.monotonic() < deadline:
        begun = time.monotonic()
        conn.execute(
            "INSERT INTO clubs(name) VALUES (?)", (f"bench writer {writer} {len(samples)}",)
        )
        samples.append((begun, time.monotonic() - begun))
        time.sleep(pause_s)
    conn.close()
    out.send(samples)


def writer_latencies(live: Path, pause_s: float, activity: Callable[[], object]) -> list[float]:
    """Latencies (s) of a writer process's commits begun while `activity()` ran."""
    context = multiprocessing.get_context("spawn")
    stop, ready = context.Event(), context.Event()
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_write_loop, args=(str(live), pause_s, stop, ready, send))
    process.start()
    try:
        if not ready.wait(60):
            raise SystemExit("the writer process did not start")
        time.sleep(0.3)
        begin = time.monotonic()
        activity()
        end = time.monotonic()
    finally:
        stop.set()
        samples = receive.recv() if receive.poll(60) else []
        process.join(60)
    return [latency for begun, latency in samples if begin <= begun <= end]


@dataclass
class Results:
    """Every figure measured, in seconds (latencies too) and megabytes."""

    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    rss: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    parts: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    idle: list[float] = field(default_factory=list)
    busy: list[float] = field(default_factory=list)
    sizes: dict[Path, int] = field(default_factory=dict)  # as measured, before any writer ran

    def verified(self, db: Path, dest: Path, key: str) -> float:
        """Run the verified backup of `db`; keep its peak memory under `key`."""
        run = verified_backup(db.parent, dest)
        self.rss[key].append(run.max_rss_mb)
        return run.seconds


def run_all(args: argparse.Namespace, big: Path, small: Path, dest_dir: Path) -> None:
    """Every measurement, then the tables."""
    results = Results(sizes={db: db.stat().st_size for db in (big, small)})
    measure_copies(results, big, small, dest_dir / "backup.db", args.runs)
    measure_inside(results, big, dest_dir, args.runs, args.writer_pause_ms / 1000)
    print_report(results, big, small, args)
    if args.stick_mbps > 0:
        measure_slow_stick(big, Path(args.tmp), args.writer_pause_ms / 1000, args.stick_mbps)


def measure_copies(results: Results, big: Path, small: Path, dest: Path, runs: int) -> None:
    """The baselines and the verified backup, round-robin, each into a fresh `dest`."""
    steps: dict[str, Callable[[], float]] = {
        "cp": lambda: cp_fsync(big, dest),
        "bare": lambda: bare_backup(big, dest),
        "floor": lambda: serial_floor(big, dest),
        "shell": lambda: shell_backup(big, dest),
        "verified": lambda: results.verified(big, dest, "big"),
        "verified small": lambda: results.verified(small, dest, "small"),
    }
    for run in range(runs):
        print(f"run {run + 1}/{runs}: copies and backups", flush=True)
        for name, step in steps.items():
            os.sync()
            results.times[name].append(step())
            dest.unlink(missing_ok=True)


def measure_inside(results: Results, big: Path, dest_dir: Path, runs: int, pause_s: float) -> None:
    """Verification alone, the parts of `write_verified_copy`, and a writer's latency."""
    finished, snapshot = dest_dir / "finished.db", dest_dir / "snapshot-copy.db"
    inner, busy_dest = dest_dir / "inner.db", dest_dir / "busy.db"
    verified_backup(big.parent, finished)
    shutil.copyfile(finished, snapshot)
    for run in range(runs):
        print(f"run {run + 1}/{runs}: verification, pipeline parts, writer latency", flush=True)
        results.times["quick_check"].append(quick_check(finished))
        results.times["read-back"].append(read_back_compare(finished, snapshot))
        os.sync()
        for name, value in pipeline_parts(big, inner).items():
            results.parts[name].append(value)
        inner.unlink()
        os.sync()
        started = time.monotonic()
        backup = partial(results.verified, big, busy_dest, "busy")
        results.busy += writer_latencies(big, pause_s, backup)
        duration = time.monotonic() - started
        busy_dest.unlink()
        os.sync()
        results.idle += writer_latencies(big, pause_s, partial(time.sleep, duration))


def measure_slow_stick(big: Path, tmp: Path, pause_s: float, mbps: float) -> None:
    """A verified backup onto a stick held to `mbps` while a writer commits: its time, the
    writer's latency, and how large the live database's write-ahead log grows."""
    folder = Path(tempfile.mkdtemp(dir=tmp, prefix="jm-stick-"))
    wal = big.with_name(big.name + "-wal")
    peak = [0]
    sampling = threading.Event()

    def sample_wal() -> None:
        while not sampling.wait(0.005):
            with contextlib.suppress(FileNotFoundError):
                peak[0] = max(peak[0], wal.stat().st_size)

    size = big.stat().st_size
    try:
        with mounted_slow_stick(folder, size + size // 3 + (64 << 20), int(mbps * 1e6)) as stick:
            speed = _write_speed(stick)
            print(f"slow stick: {speed / 1e6:.1f} MB/s measured (64 MB + fsync)", flush=True)
            sampler = threading.Thread(target=sample_wal)
            sampler.start()
            runs: list[ChildRun] = []
            try:
                latencies = writer_latencies(
                    big,
                    pause_s,
                    lambda: runs.append(verified_backup(big.parent, stick / "club.db")),
                )
            finally:
                sampling.set()
                sampler.join()
            wal_after = wal.stat().st_size if wal.exists() else 0
    except SlowStickError as why:
        print(f"\nSlow stick: not measured ({why})")
        return
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print_table(
        f"Verified backup onto a stick held to {mbps:g} MB/s (loop ext4, cgroup write "
        f"throttle), a writer committing every {pause_s * 1000:g} ms",
        [
            "backup s",
            "vs stick copy",
            "checked",
            "commits",
            "p99 ms",
            "max ms",
            "WAL peak",
            "WAL after",
        ],
        [
            [
                f"{runs[0].seconds:.2f}",
                ratio(runs[0].seconds, size / speed),
                checked_how(runs[0]),
                len(latencies),
                f"{percentile(latencies, 0.99) * 1000:.2f}",
                f"{max(latencies) * 1000:.2f}",
                mb(peak[0]),
                mb(wal_after),
            ]
        ],
    )


def _write_speed(folder: Path) -> float:
    """Bytes per second of writing 64 MB into `folder` and syncing them."""
    probe = folder / "speed.bin"
    block = os.urandom(1 << 20)
    started = time.perf_counter()
    with probe.open("wb") as file:
        for _ in range(64):
            file.write(block)
        file.flush()
        os.fsync(file.fileno())
    seconds = time.perf_counter() - started
    probe.unlink()
    return (64 << 20) / seconds


def measure_restore(big: Path, work: Path, runs: int) -> None:
    """The restore of a verified backup of `big` over a live copy of it, step by step, as
    bench/restore.py measures and prints it."""
    from restore import cp_fsync as restore_baseline
    from restore import report, restore_once

    backup = work / f"{big.parent.name}-backup.db"
    if not backup.exists():
        snapshots.write_verified_copy(big, backup, scratch_dir=work / "scratch")
    rows = []
    for run in range(runs):
        print(f"restore {run + 1}/{runs}", flush=True)
        rows.append(restore_once(big, backup, work / f"live-{run}"))
    report(rows, restore_baseline(backup, work, runs), backup.stat().st_size)


def print_report(results: Results, big: Path, small: Path, args: argparse.Namespace) -> None:
    """The tables: time, inside the pipeline, writer latency, memory."""
    size = results.sizes[big]
    print(f"\nDatabase {mb(size)} ({size:,} bytes), WAL checkpointed; median of {args.runs} runs")
    print_times(results.times)
    print_parts(results.parts, bare=median(results.times["bare"]))
    print_latency(results.idle, results.busy, args.writer_pause_ms)
    print_memory(results, big, small)


def print_times(times: dict[str, list[float]]) -> None:
    """Each way to copy the database, against cp+fsync, the bare backup and the floor."""
    cp, bare, floor, verified = (median(times[key]) for key in ("cp", "bare", "floor", "verified"))
    meets = _meets(verified <= 4 * cp and verified <= 1.6 * bare)
    meets_20 = _meets(verified <= floor and verified <= 5 * cp)

    def row(label: str, key: str, note: str) -> list[object]:
        value = median(times[key])
        spread = f"{min(times[key]):.2f}..{max(times[key]):.2f}"
        return [
            label,
            f"{value:.3f}",
            spread,
            ratio(value, cp),
            ratio(value, bare),
            ratio(value, floor),
            note,
        ]

    print_table(
        "Backup time",
        [
            "step",
            "median s",
            "min..max s",
            "vs cp+fsync",
            "vs bare backup",
            "vs serial floor",
            "notes",
        ],
        [
            row("cp + fsync", "cp", "baseline: shutil.copyfile (sendfile) + fsync"),
            row("bare sqlite3 backup", "bare", "src.backup(dst), pages=-1, + fsync; in process"),
            row(
                "serial floor",
                "floor",
                "bare backup + fsync, then fadvise DONTNEED and read back; in process",
            ),
            row("sqlite3 shell .backup", "shell", "process start included, + fsync"),
            row(
                "verified backup (judo-manager)",
                "verified",
                f"process start included; target <= 4x cp, <= 1.6x bare: {meets}; "
                f"issue 20's <= 1.0x floor, <= 5x cp: {meets_20}",
            ),
            row("  verify: quick_check + header", "quick_check", "read-only connection, hot cache"),
            row("  verify: device read-back", "read-back", "fadvise DONTNEED, read, compare"),
        ],
    )


def print_parts(parts: dict[str, list[float]], *, bare: float) -> None:
    """Where the time of `write_verified_copy` goes."""
    whole = median(parts["write_backup"])
    rows = []
    for key, label in PART_LABELS.items():
        if not parts.get(key):
            continue  # a phase this destination's way of copying doesn't have
        value = median(parts[key])
        rows.append([label, f"{value:.3f}", f"{value / whole:.0%}", ratio(value, bare)])
    print_table(
        "Inside write_backup (in process, no process start)",
        ["part", "median s", "share of write_backup", "vs bare backup"],
        rows,
    )


def print_latency(idle: list[float], busy: list[float], pause_ms: float) -> None:
    """A writer's commit latency with no backup running and during one."""
    idle_p99 = percentile(idle, 0.99)

    def row(label: str, values: list[float]) -> list[object]:
        p99 = percentile(values, 0.99)
        return [
            label,
            len(values),
            f"{percentile(values, 0.5) * 1000:.2f}",
            f"{p99 * 1000:.2f}",
            f"{max(values) * 1000:.2f}",
            ratio(p99, idle_p99),
        ]

    meets = _meets(percentile(busy, 0.99) <= 2 * idle_p99)
    print_table(
        f"Writer latency: a second process, INSERT INTO clubs in autocommit, "
        f"{pause_ms:g} ms pause; target p99 busy <= 2x idle: {meets}",
        ["condition", "commits", "p50 ms", "p99 ms", "max ms", "p99 vs idle"],
        [row("idle", idle), row("during verified backup", busy)],
    )


def print_memory(results: Results, big: Path, small: Path) -> None:
    """The backup process's peak memory at two database sizes."""
    version = run_child([JUDO_MANAGER, "--version"])
    size, small_size = results.sizes[big], results.sizes[small]
    rss_big, rss_small = median(results.rss["big"]), median(results.rss["small"])
    flat = _meets(rss_big <= 1.25 * rss_small)
    print_table(
        "Peak memory of the backup process (max RSS from GNU time, median of runs)",
        ["database", "size", "verified backup s", "max RSS MB", "notes"],
        [
            [
                "none: judo-manager --version",
                "-",
                f"{version.seconds:.3f}",
                f"{version.max_rss_mb:.1f}",
                "interpreter + imports",
            ],
            [
                small.parent.name,
                mb(small_size),
                f"{median(results.times['verified small']):.3f}",
                f"{rss_small:.1f}",
                "",
            ],
            [
                big.parent.name,
                mb(size),
                f"{median(results.times['verified']):.3f}",
                f"{rss_big:.1f}",
                f"{size / small_size:.1f}x the data, {ratio(rss_big, rss_small)} the memory; "
                f"target flat: {flat}",
            ],
        ],
    )


# The phases of a copy through a scratch file (snapshot, copying, verifying) and of one in
# one copy (copying, verifying); a run shows those its destination took.
PART_LABELS = {
    "write_backup": "whole write_backup, in process",
    "phase snapshot": "scratch copy: snapshot (backup API; quick_check alongside)",
    "phase copying": "one copy: backup API into .partial, stamp (quick_check alongside); "
    "scratch copy: sendfile into .partial + fsync",
    "phase verifying": "one copy: fsync; both: read back + compare, wait for quick_check, rename",
}


def _meets(ok: bool) -> str:
    return "meets" if ok else "MISSES"


if __name__ == "__main__":
    main()
