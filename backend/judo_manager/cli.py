"""The `judo-manager` command: the window by default, maintenance subcommands otherwise.

Subcommands import neither Qt nor pywebview, so they start as fast as plain Python.
"""

from __future__ import annotations

import argparse
import io
import logging
import sqlite3
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from judo_manager import __version__
from judo_manager.db.layout import DATA_DIR_ENV, DataFolder, resolve_data_dir
from judo_manager.errors import DestinationExistsError, JudoManagerError
from judo_manager.logs import configure_logging

if TYPE_CHECKING:
    from judo_manager.db.comparison import KindDifference, RecordDifference
    from judo_manager.db.contents import RecordKind
    from judo_manager.restore.service import RestoreOutcome, RestorePlan
    from judo_manager.wiring import AppServices


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="judo-manager", description="Judo Manager: your club's athletes, belts and medals."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"folder that holds the club database (default: ${DATA_DIR_ENV}, "
        "else your user data folder)",
    )
    parser.add_argument(
        "--dev", action="store_true", help="load the Vite dev server, with hot reload"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    backup = commands.add_parser(
        "backup",
        help="write a verified backup of the club database",
        description="Write a verified, consistent backup. DEST is a file, or a folder that "
        "gets judo_manager_backup_YYYY-MM-DD.db.",
    )
    backup.add_argument("dest", metavar="DEST", type=Path)
    backup.add_argument("--force", action="store_true", help="replace DEST if it exists")
    backup.set_defaults(run=_backup)

    inspect = commands.add_parser(
        "inspect",
        help="check a backup file and show what it holds",
        description="Check FILE fully and show what it holds. Exits 0 if it can be restored.",
    )
    inspect.add_argument("file", metavar="FILE", type=Path)
    inspect.set_defaults(run=_inspect)

    restore = commands.add_parser(
        "restore",
        help="replace the club's data with a backup (keeps a safety copy)",
    )
    restore.add_argument("file", metavar="FILE", type=Path)
    restore.add_argument("--yes", action="store_true", help="don't ask for confirmation")
    restore.set_defaults(run=_restore)

    undo = commands.add_parser(
        "undo-restore", help="put back the data as it was before the latest restore"
    )
    undo.add_argument("--yes", action="store_true", help="don't ask for confirmation")
    undo.set_defaults(run=_undo_restore)

    status = commands.add_parser(
        "status",
        help="show the data folder, what it holds, the last backup and the safety copies",
        description="Show the data folder, the database's size and contents, the last backup, "
        "the safety copies, and whether a window has the data open. Changes nothing.",
    )
    status.add_argument("--json", action="store_true", help="print it as JSON, for scripts")
    status.set_defaults(run=_status)

    demo = commands.add_parser("demo", help="fill the club with realistic demo athletes")
    demo.add_argument("--athletes", type=int, default=40, metavar="N")
    demo.add_argument("--force", action="store_true", help="add them even if athletes exist")
    demo.set_defaults(run=_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the process exit code."""
    _tolerate_any_console()
    args = build_parser().parse_args(argv)
    configure_logging()
    data_dir = resolve_data_dir(args.data_dir)
    try:
        if args.command is None:
            return _open_window(data_dir, dev=args.dev)
        return int(args.run(args, data_dir))
    except JudoManagerError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except (sqlite3.Error, OSError) as error:
        # Not foreseen, so not worded for the coach: one line here, the rest in the log.
        logging.getLogger(__name__).exception("the command failed")
        print(
            f"error: Judo Manager couldn't finish ({type(error).__name__}: {error}).",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130


def _tolerate_any_console() -> None:
    """Print whatever the console can show: a Windows console in cp1252 can't show every
    athlete's name or folder, and a name it can't show must not stop the command."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def _open_window(data_dir: Path, *, dev: bool) -> int:
    from judo_manager.window.app import run_window

    if not dev:
        return run_window(data_dir, dev=False)
    from judo_manager.window.devserver import ensure_dev_server

    server = ensure_dev_server()
    try:
        return run_window(data_dir, dev=True)
    finally:
        if server is not None:
            server.terminate()


@contextmanager
def _only_writer(data_dir: Path) -> Iterator[None]:
    """Hold the data folder's one-writer lock for a command that changes data."""
    from judo_manager.db.database import refuse_network_folder
    from judo_manager.db.lock import DataFolderLock

    refuse_network_folder(data_dir)  # before anything is made there
    # Where the folder can't be made, opening the database says why, in the coach's words.
    with suppress(OSError):
        data_dir.mkdir(parents=True, exist_ok=True)
    lock = DataFolderLock(DataFolder(data_dir))
    lock.acquire(
        "Close its window first, or do this from the window (Settings). Nothing was changed."
    )
    try:
        yield
    finally:
        lock.release()


@contextmanager
def _services(
    data_dir: Path, *, rescue: bool = False, writer: bool = False
) -> Iterator[AppServices]:
    """The services for one command, closed after it; with `writer`, holding the lock."""
    with _only_writer(data_dir) if writer else nullcontext():
        services = _open_services(data_dir, rescue=rescue)
        try:
            yield services
        finally:
            services.db.close()


def _open_services(data_dir: Path, *, rescue: bool = False) -> AppServices:
    """The services on the data folder's database.

    With `rescue` (inspect, restore, undo-restore), damaged live data doesn't stop them: it
    is what they are there to replace.
    """
    from judo_manager.db import Database, open_database
    from judo_manager.errors import DamagedDatabaseError
    from judo_manager.wiring import AppServices

    path = DataFolder(data_dir).database
    try:
        return AppServices.build(open_database(path))
    except DamagedDatabaseError as error:
        if not rescue:
            raise
        print(f"warning: {error}", file=sys.stderr)
        return AppServices.build(Database(path))


def _backup(args: argparse.Namespace, data_dir: Path) -> int:
    from judo_manager.backup.service import BackupService
    from judo_manager.db import Database, open_database
    from judo_manager.db.contents import describe_counts
    from judo_manager.errors import DiskFullError, ReadOnlyDataError
    from judo_manager.jobs import JobLock

    path = DataFolder(data_dir).database
    if not path.exists():
        # Opening it would make an empty club, and "backed up 0 athletes" would look fine.
        raise JudoManagerError(
            f"There is no club data in {data_dir} to back up. Check the folder "
            f"(--data-dir or ${DATA_DIR_ENV})."
        )
    try:
        db = open_database(path)
    except (ReadOnlyDataError, DiskFullError):
        db = Database(path)  # a disk full or gone read-only: the data can still be copied out
    # Only the backup service: the command should start about as fast as Python itself.
    try:
        written = BackupService(db, JobLock()).export(args.dest, replace=args.force)
    except DestinationExistsError as error:
        raise JudoManagerError(
            f"{error.path} already exists. Add --force to replace it."
        ) from error
    finally:
        db.close()
    print(
        f"Backed up to {written.path} ({_size(written.bytes or 0)}, "
        f"{describe_counts(written.contents or {})})"
    )
    if not written.recorded:
        print(
            f"Nothing was written to the data folder {data_dir}: it can't be written now (a "
            "full or read-only disk), so this backup isn't in its backup log."
        )
    return 0


def _inspect(args: argparse.Namespace, data_dir: Path) -> int:
    with _services(data_dir, rescue=True) as services:
        plan = services.restore.inspect(args.file)
        services.restore.discard_pending()
    print(f"{args.file.name} can be restored.")
    _print_preview(plan)
    _print_differences(plan.differences, "the backup")
    return 0


def _restore(args: argparse.Namespace, data_dir: Path) -> int:
    with _services(data_dir, rescue=True, writer=True) as services:
        plan = services.restore.inspect(args.file)
        _print_preview(plan)
        _print_differences(plan.differences, "the backup")
        if not args.yes and not _confirm("Replace your current data with this backup?"):
            services.restore.discard_pending()
            print("Nothing was changed.")
            return 1
        outcome = services.restore.restore(plan.token)
    print(f"Restored {outcome.athletes} athletes from {args.file}.")
    _print_where_the_old_data_went(outcome)
    return 0


def _undo_restore(args: argparse.Namespace, data_dir: Path) -> int:
    from judo_manager.db.contents import describe_counts

    with _services(data_dir, rescue=True, writer=True) as services:
        plan = services.restore.preview_undo()
        print(
            f"Undo puts back the safety copy taken {plan.copy.taken_at:%Y-%m-%d %H:%M} "
            f"({describe_counts(plan.backup.contents)})."
        )
        _print_differences(plan.differences, "the safety copy")
        if plan.work_since is not None:
            print(f"{plan.work_since} Undo will remove that work.")
        if not args.yes and not _confirm("Put back the data from before the restore?"):
            print("Nothing was changed.")
            return 1
        outcome = services.restore.undo()
    print(f"Your data is back as it was before the restore ({outcome.athletes} athletes).")
    _print_where_the_old_data_went(outcome)
    return 0


def _print_where_the_old_data_went(outcome: RestoreOutcome) -> None:
    if outcome.damaged_kept_at is not None:
        print(
            f"The damaged data was kept aside, as it was, in {outcome.damaged_kept_at}. "
            "Judo Manager never deletes it."
        )
    elif outcome.undo is not None:
        print(f"Your previous data is kept in {outcome.undo.path} (undo-restore puts it back).")


def _print_preview(plan: RestorePlan) -> None:
    from judo_manager.db.contents import RECORD_KINDS

    taken = "taken" if plan.taken_at_from_backup else "file date"
    print(f"  {'':18} {'backup':>14} {'current data':>14}")
    rows = [
        (taken, f"{plan.taken_at:%Y-%m-%d %H:%M}", ""),
        ("app version", plan.app_version or "unknown", ""),
        ("data version", str(plan.schema_version), ""),
        *(
            (
                kind.plural,
                _count(plan.backup.contents.get(kind.table)),
                _count(plan.current.contents.get(kind.table)) if plan.current else "damaged",
            )
            for kind in RECORD_KINDS
        ),
        ("size", _size(plan.backup.bytes), _size(plan.current.bytes) if plan.current else ""),
    ]
    for label, backup, current in rows:
        print(f"  {label:18} {backup:>14} {current:>14}")


def _print_differences(differences: Sequence[KindDifference] | None, other: str) -> None:
    """Who is only in the current data, only in `other`, and in both but different."""
    from judo_manager.db.contents import KINDS_BY_TABLE, describe_counts

    if differences is None:
        print("  The current data is damaged, so it can't be compared.")
        return
    if not any(d.differs for d in differences):
        print(f"  The current data and {other} hold the same records.")
        return
    for title, count_of, examples_of in (
        (
            "Only in your current data (lost by going ahead)",
            "only_current",
            "only_current_examples",
        ),
        (f"Only in {other} (added)", "only_other", "only_other_examples"),
        ("In both, but different", "changed", "changed_examples"),
    ):
        counted = [(d, getattr(d, count_of)) for d in differences if getattr(d, count_of)]
        if not counted:
            continue
        print(f"  {title}: {describe_counts({d.table: n for d, n in counted})}")
        for difference, count in counted:
            examples = getattr(difference, examples_of)
            for example in examples:
                print(f"    {_described(example, KINDS_BY_TABLE, other)}")
            if count > len(examples) and examples:
                print(f"    and {count - len(examples):,} more")


def _described(example: RecordDifference, kinds: Mapping[str, RecordKind], other: str) -> str:
    parts = [f"{c.field} {c.current} -> {c.other}" for c in example.fields]
    for child in example.children:
        kind = kinds[child.table]
        for side, n in (("in your data", child.only_current), (f"in {other}", child.only_other)):
            if n:
                parts.append(f"{n} {kind.singular if n == 1 else kind.plural} only {side}")
    return example.label + (f": {'; '.join(parts)}" if parts else "")


def _count(value: int | None) -> str:
    return "-" if value is None else str(value)


def _confirm(question: str) -> bool:
    """The coach's yes; no when nobody can answer (no keyboard, or the windowed app, which
    has no standard input at all and where `input` would raise)."""
    if sys.stdin is None:
        return False
    try:
        answer = input(f"{question} A safety copy of your current data is kept. [y/N] ")
    except (EOFError, OSError, RuntimeError):
        return False
    return answer.strip().lower() in ("y", "yes")


def _status(args: argparse.Namespace, data_dir: Path) -> int:
    import json

    report = _status_report(DataFolder(data_dir))
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    database = report["database"]
    lines = [("Data folder", report["dataFolder"])]
    if database is None:
        lines.append(("Database", "none yet: Judo Manager makes it when it first opens"))
    elif "damaged" in database:
        lines.append(("Database", database["damaged"]))
    else:
        lines.append(
            ("Database", f"{_size(database['bytes'])}, data version {database['schemaVersion']}")
        )
        lines.append(("Holds", database["holds"]))
    last = report["lastBackup"]
    lines.append(
        (
            "Last backup",
            "never (on this computer)"
            if last is None
            else f"{last['finishedAt']} to {last['path']} ({_size(last['bytes'])})",
        )
    )
    copies = report["safetyCopies"]
    lines.append(("Safety copies", str(len(copies)) if copies else "none"))
    lines += [("", f"{c['takenAt']}  {_size(c['bytes'])}  {c['path']}") for c in copies]
    window = "open with this data" if report["openInWindow"] else "not open"
    lines.append(("Window", window))
    for label, value in lines:
        print(f"{label:14} {value}")
    return 0


def _status_report(folder: DataFolder) -> dict[str, object]:
    """What `status` says, as JSON-ready values; reads only, even beside an open window."""
    from judo_manager.db import Database
    from judo_manager.db.contents import describe_counts
    from judo_manager.db.health import damage_of, damaged
    from judo_manager.db.lock import DataFolderLock
    from judo_manager.wiring import AppServices

    report: dict[str, object] = {
        "dataFolder": str(folder.root),
        "database": None,
        "lastBackup": None,
        "safetyCopies": [],
        "openInWindow": folder.root.is_dir() and DataFolderLock(folder).held_elsewhere(),
    }
    if not folder.database.exists():
        return report
    problem = damage_of(folder.database, full_check=False)
    if problem is not None:
        report["database"] = {
            "path": str(folder.database),
            "damaged": str(damaged(folder.database, problem)),
        }
        return report
    # Read-only: status never migrates, creates or changes anything in the data folder.
    db = Database(folder.database, read_only=True)
    services = AppServices.build(db)
    try:
        info = services.system.app_info()
        last = services.backup.last_backup()
        copies = services.restore.safety_copies()
    except sqlite3.Error as error:
        report["database"] = {
            "path": str(folder.database),
            "damaged": f"can't be read now ({error})",
        }
        return report
    finally:
        db.close()
    report["database"] = {
        "path": str(info.database_path),
        "bytes": info.database_bytes,
        "schemaVersion": info.schema_version,
        "contents": dict(info.contents),
        "holds": describe_counts(info.contents),
    }
    if last is not None:
        report["lastBackup"] = {
            "finishedAt": last.finished_at,
            "path": str(last.path),
            "bytes": last.bytes,
            "contents": dict(last.contents or {}),
        }
    report["safetyCopies"] = [
        {
            "kind": copy.kind,
            "takenAt": copy.taken_at.isoformat(timespec="seconds"),
            "bytes": copy.bytes,
            "path": str(copy.path),
        }
        for copy in copies
    ]
    return report


def _demo(args: argparse.Namespace, data_dir: Path) -> int:
    from judo_manager.db.contents import count_contents, describe_counts
    from judo_manager.demo.generator import fill_demo_club

    if args.athletes < 1:
        raise JudoManagerError("--athletes needs a number of 1 or more.")
    with _services(data_dir, writer=True) as services:
        added = fill_demo_club(services.db, args.athletes, force=args.force)
        now = count_contents(services.db.connection())
    print(
        f"Added {added:,} demo athletes to {services.db.path}; it now holds {describe_counts(now)}."
    )
    return 0


def _size(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB"
