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
from judo_manager.i18n import (
    LANGUAGES,
    SOURCE_LANGUAGE,
    Message,
    _,
    _n,
    current_language,
    file_size,
    formatted,
    is_language,
    megabytes,
    speaking,
    system_language,
)
from judo_manager.logs import configure_logging
from judo_manager.reports.commands import add_report_command

# What the other side of a comparison is, in "Only in the backup (added)".
THE_BACKUP = _("the backup")
THE_SAFETY_COPY = _("the safety copy")
NOTHING_CHANGED = _("Nothing was changed.")

if TYPE_CHECKING:
    from judo_manager.db.comparison import KindDifference, RecordDifference
    from judo_manager.db.contents import Contents, RecordKind
    from judo_manager.exports.model import ExportFormat
    from judo_manager.restore.service import RestoreOutcome, RestorePlan
    from judo_manager.wiring import AppServices


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with every subcommand, in the language spoken now.

    argparse's own headings ("usage:", "options:") stay in English; everything of ours,
    the help of each argument and `-h` itself, is translated.
    """
    parser = argparse.ArgumentParser(
        prog="judo-manager",
        description=str(_("Judo Manager: your club's athletes, belts and medals.")),
        add_help=False,
    )
    _add_help(parser)
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=str(_("show the version of Judo Manager and exit")),
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=str(
            _(
                "folder that holds the club database (default: ${variable}, "
                "else your user data folder)",
                variable=DATA_DIR_ENV,
            )
        ),
    )
    parser.add_argument(
        "--lang",
        metavar="CODE",
        choices=[language.code for language in LANGUAGES],
        help=str(
            _(
                "the language of the command's output: {codes} (default: the system's)",
                codes=", ".join(language.code for language in LANGUAGES),
            )
        ),
    )
    parser.add_argument(
        "--dev", action="store_true", help=str(_("load the Vite dev server, with hot reload"))
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    backup = _command(
        commands,
        "backup",
        _("write a verified backup of the club database"),
        _(
            "Write a verified, consistent backup. DEST is a file, or a folder that "
            "gets judo_manager_backup_YYYY-MM-DD.db."
        ),
    )
    backup.add_argument("dest", metavar="DEST", type=Path)
    backup.add_argument("--force", action="store_true", help=str(_("replace DEST if it exists")))
    backup.set_defaults(run=_backup)

    inspect = _command(
        commands,
        "inspect",
        _("check a backup file and show what it holds"),
        _("Check FILE fully and show what it holds. Exits 0 if it can be restored."),
    )
    inspect.add_argument("file", metavar="FILE", type=Path)
    inspect.set_defaults(run=_inspect)

    restore = _command(
        commands, "restore", _("replace the club's data with a backup (keeps a safety copy)")
    )
    restore.add_argument("file", metavar="FILE", type=Path)
    restore.add_argument("--yes", action="store_true", help=str(_("don't ask for confirmation")))
    restore.set_defaults(run=_restore)

    undo = _command(
        commands,
        "undo-restore",
        _("put back the data as it was before the latest restore or import"),
    )
    undo.add_argument("--yes", action="store_true", help=str(_("don't ask for confirmation")))
    undo.set_defaults(run=_undo_restore)

    status = _command(
        commands,
        "status",
        _("show the data folder, what it holds, the last backup and the safety copies"),
        _(
            "Show the data folder, the database's size and contents, the last backup, "
            "the safety copies, and whether a window has the data open. Changes nothing."
        ),
    )
    status.add_argument("--json", action="store_true", help=str(_("print it as JSON, for scripts")))
    status.set_defaults(run=_status)

    demo = _command(commands, "demo", _("fill the club with realistic demo athletes"))
    demo.add_argument("--athletes", type=int, default=40, metavar="N")
    demo.add_argument(
        "--force", action="store_true", help=str(_("add them even if athletes exist"))
    )
    demo.add_argument(
        "--photos",
        action="store_true",
        help=str(_("give each a portrait photo and papers (PDF documents)")),
    )
    demo.set_defaults(run=_demo)

    add_report_command(commands, _command, _report)

    tournaments = _command(commands, "tournaments", _("the club's tournaments"))
    tournament_commands = tournaments.add_subparsers(
        dest="tournaments_command", metavar="COMMAND", required=True
    )
    listing = _command(
        tournament_commands,
        "list",
        _("list the tournaments, upcoming first, with their entries and conflicts"),
    )
    listing.add_argument(
        "--json", action="store_true", help=str(_("print it as JSON, for scripts"))
    )
    listing.set_defaults(run=_tournaments_list)
    entry_sheet = _command(
        tournament_commands,
        "entry-sheet",
        _("save a tournament's entry sheet as PDF, CSV or XLSX"),
        _(
            "Save the entry sheet of tournament ID (as `tournaments list` numbers them) to "
            "DEST. Its extension picks the kind of file: .pdf, .csv or .xlsx."
        ),
    )
    entry_sheet.add_argument("id", metavar="ID", type=int)
    entry_sheet.add_argument("dest", metavar="DEST", type=Path)
    entry_sheet.add_argument(
        "--force", action="store_true", help=str(_("replace DEST if it exists"))
    )
    entry_sheet.set_defaults(run=_tournaments_entry_sheet)

    athletes = _command(commands, "athletes", _("the club's athletes"))
    athlete_commands = athletes.add_subparsers(
        dest="athletes_command", metavar="COMMAND", required=True
    )
    export = _command(
        athlete_commands,
        "export",
        _("save the active athletes as PDF, CSV or XLSX, with their category and weight class"),
        _(
            "Save the active athletes to DEST: member ID, name, birth date, sex, belt, "
            "weight, club, and the season's age category and weight class (the roster "
            "report), as `athletes import` reads them back. Its extension picks the kind of "
            "file: .pdf, .csv or .xlsx."
        ),
    )
    export.add_argument("dest", metavar="DEST", type=Path)
    export.add_argument(
        "--season",
        type=int,
        metavar="YEAR",
        help=str(_("the season that places them in categories (default: this year)")),
    )
    export.add_argument("--force", action="store_true", help=str(_("replace DEST if it exists")))
    export.set_defaults(run=_athletes_export)
    from judo_manager.imports.commands import add_import_command

    add_import_command(athlete_commands, _command, _athletes_import)
    return parser


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    summary: Message,
    description: Message | None = None,
) -> argparse.ArgumentParser:
    """A subcommand, its `-h` translated like the rest."""
    command = commands.add_parser(
        name,
        help=str(summary),
        description=None if description is None else str(description),
        add_help=False,
    )
    _add_help(command)
    return command


def _add_help(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-h", "--help", action="help", help=str(_("show this help message and exit"))
    )


def command_language(argv: Sequence[str] | None = None) -> str:
    """The language the command speaks: `--lang`, else the system's (LANGUAGE, LC_ALL,
    LC_MESSAGES, LANG), else English.

    Read before the parser is built, so its help is in that language too; a `--lang` the
    app doesn't speak is left for the parser to refuse.
    """
    words = list(sys.argv[1:] if argv is None else argv)
    for index, word in enumerate(words):
        if word == "--":
            break
        code = word.removeprefix("--lang=") if word.startswith("--lang=") else None
        if word == "--lang" and index + 1 < len(words):
            code = words[index + 1]
        if is_language(code):
            return str(code)
    return system_language()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the process exit code."""
    _tolerate_any_console()
    with speaking(command_language(argv)):
        return _run(argv)


def _run(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    configure_logging()
    data_dir = resolve_data_dir(args.data_dir)
    try:
        if args.command is None:
            return _open_window(data_dir, dev=args.dev)
        return int(args.run(args, data_dir))
    except JudoManagerError as error:
        _say_error(error)
        return 1
    except (sqlite3.Error, OSError) as error:
        # Not foreseen, so not worded for the coach: one line here, the rest in the log.
        logging.getLogger(__name__).exception("the command failed")
        _say_error(
            _(
                "Judo Manager couldn't finish ({kind}: {error}).",
                kind=type(error).__name__,
                error=error,
            )
        )
        return 1
    except KeyboardInterrupt:
        return 130


def _say_error(error: JudoManagerError | Message) -> None:
    print(_("error: {message}", message=str(error)), file=sys.stderr)


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
        _("Close its window first, or do this from the window (Settings). Nothing was changed.")
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
        # A new club's default rules are named in the language the command speaks.
        return AppServices.build(open_database(path, language=current_language()))
    except DamagedDatabaseError as error:
        if not rescue:
            raise
        print(_("warning: {message}", message=str(error)), file=sys.stderr)
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
            _(
                "There is no club data in {folder} to back up. Check the folder "
                "(--data-dir or ${variable}).",
                folder=data_dir,
                variable=DATA_DIR_ENV,
            )
        )
    try:
        db = open_database(path, language=current_language())
    except (ReadOnlyDataError, DiskFullError):
        db = Database(path)  # a disk full or gone read-only: the data can still be copied out
    # Only the backup service: the command should start about as fast as Python itself.
    try:
        written = BackupService(db, JobLock()).export(args.dest, replace=args.force)
    except DestinationExistsError as error:
        raise JudoManagerError(
            _("{path} already exists. Add --force to replace it.", path=error.path)
        ) from error
    finally:
        db.close()
    print(
        _(
            "Backed up to {path} ({size}, {counts})",
            path=written.path,
            size=megabytes(written.bytes or 0),
            counts=describe_counts(written.contents or {}),
        )
    )
    if not written.recorded:
        print(
            _(
                "Nothing was written to the data folder {folder}: it can't be written now (a "
                "full or read-only disk), so this backup isn't in its backup log.",
                folder=data_dir,
            )
        )
    return 0


def _inspect(args: argparse.Namespace, data_dir: Path) -> int:
    with _services(data_dir, rescue=True) as services:
        plan = services.restore.inspect(args.file)
        services.restore.discard_pending()
    print(_("{name} can be restored.", name=args.file.name))
    _print_preview(plan)
    _print_differences(plan.differences, THE_BACKUP)
    return 0


def _restore(args: argparse.Namespace, data_dir: Path) -> int:
    with _services(data_dir, rescue=True, writer=True) as services:
        plan = services.restore.inspect(args.file)
        _print_preview(plan)
        _print_differences(plan.differences, THE_BACKUP)
        if not args.yes and not _confirm(_("Replace your current data with this backup?")):
            services.restore.discard_pending()
            print(NOTHING_CHANGED)
            return 1
        outcome = services.restore.restore(plan.token)
    print(
        _n(
            "Restored {count} athlete from {path}.",
            "Restored {count} athletes from {path}.",
            outcome.athletes,
            path=args.file,
        )
    )
    _print_where_the_old_data_went(outcome)
    return 0


def _undo_restore(args: argparse.Namespace, data_dir: Path) -> int:
    from judo_manager.db.contents import describe_counts

    with _services(data_dir, rescue=True, writer=True) as services:
        plan = services.restore.preview_undo()
        after_import = plan.copy.kind == "import"
        print(
            _(
                "Undo puts back the safety copy taken {taken} ({counts}).",
                taken=plan.copy.taken_at,
                counts=describe_counts(plan.backup.contents),
            )
        )
        _print_differences(plan.differences, THE_SAFETY_COPY)
        if plan.work_since is not None:
            print(_("{work} Undo will remove that work.", work=plan.work_since))
        question = (
            _("Put back the data from before the import?")
            if after_import
            else _("Put back the data from before the restore?")
        )
        if not args.yes and not _confirm(question):
            print(NOTHING_CHANGED)
            return 1
        outcome = services.restore.undo()
    print(
        _n(
            "Your data is back as it was before the import ({count} athlete).",
            "Your data is back as it was before the import ({count} athletes).",
            outcome.athletes,
        )
        if after_import
        else _n(
            "Your data is back as it was before the restore ({count} athlete).",
            "Your data is back as it was before the restore ({count} athletes).",
            outcome.athletes,
        )
    )
    _print_where_the_old_data_went(outcome)
    return 0


def _print_where_the_old_data_went(outcome: RestoreOutcome) -> None:
    if outcome.damaged_kept_at is not None:
        print(
            _(
                "The damaged data was kept aside, as it was, in {path}. "
                "Judo Manager never deletes it.",
                path=outcome.damaged_kept_at,
            )
        )
    elif outcome.undo is not None:
        print(
            _(
                "Your previous data is kept in {path} (undo-restore puts it back).",
                path=outcome.undo.path,
            )
        )


def _print_preview(plan: RestorePlan) -> None:
    from judo_manager.db.contents import RECORD_KINDS

    # Translators: the row of when the backup was taken (or, unknown, its file's date).
    taken = _("taken") if plan.taken_at_from_backup else _("file date")
    rows = [
        (taken, f"{plan.taken_at:%Y-%m-%d %H:%M}", ""),
        (_("app version"), plan.app_version or str(_("unknown")), ""),
        (_("data version"), str(plan.schema_version), ""),
        *(
            (
                kind.name,
                _count(plan.backup.contents, kind.table),
                _count(plan.current.contents, kind.table) if plan.current else str(_("damaged")),
            )
            for kind in RECORD_KINDS
        ),
        (
            _("size"),
            str(megabytes(plan.backup.bytes)),
            str(megabytes(plan.current.bytes)) if plan.current else "",
        ),
    ]
    labels = [str(label) for label, _backup, _current in rows]
    width = max(18, *(len(label) for label in labels))
    # As wide as "1,234 (812.3 MB)" needs, and never narrower than before.
    column = max(14, *(len(value) for _label, *values in rows for value in values))
    backup, current = str(_("backup")), str(_("current data"))
    print(f"  {'':{width}} {backup:>{column}} {current:>{column}}")
    for label, (_label, backup, current) in zip(labels, rows, strict=True):
        print(f"  {label:{width}} {backup:>{column}} {current:>{column}}")


def _print_differences(differences: Sequence[KindDifference] | None, other: Message) -> None:
    """Who is only in the current data, only in `other`, and in both but different."""
    from judo_manager.db.contents import KINDS_BY_TABLE, describe_counts

    if differences is None:
        _indented(_("The current data is damaged, so it can't be compared."))
        return
    if not any(d.differs for d in differences):
        _indented(_("The current data and {other} hold the same records.", other=other))
        return
    for title, count_of, examples_of in (
        (
            _("Only in your current data (lost by going ahead)"),
            "only_current",
            "only_current_examples",
        ),
        (_("Only in {other} (added)", other=other), "only_other", "only_other_examples"),
        (_("In both, but different"), "changed", "changed_examples"),
    ):
        counted = [(d, getattr(d, count_of)) for d in differences if getattr(d, count_of)]
        if not counted:
            continue
        counts = describe_counts({d.table: n for d, n in counted})
        _indented(_("{title}: {counts}", title=title, counts=counts))
        for difference, count in counted:
            examples = getattr(difference, examples_of)
            for example in examples:
                _indented(_described(example, KINDS_BY_TABLE, other), level=2)
            if count > len(examples) and examples:
                _indented(_("and {more} more", more=count - len(examples)), level=2)


def _described(
    example: RecordDifference, kinds: Mapping[str, RecordKind], other: Message
) -> Message | str:
    parts: list[Message] = [
        _("{field} {current} -> {other}", field=c.field, current=c.current, other=c.other)
        for c in example.fields
    ]
    for child in example.children:
        records = kinds[child.table].counted
        if child.only_current:
            parts.append(_("{records} only in your data", records=records(child.only_current)))
        if child.only_other:
            parts.append(
                _("{records} only in {other}", records=records(child.only_other), other=other)
            )
    if not parts:
        return example.label
    return _("{name}: {changes}", name=example.label, changes="; ".join(map(str, parts)))


def _indented(text: Message | str, level: int = 1) -> None:
    print("  " * level + str(text))


def _count(contents: Contents, kind: str) -> str:
    """A count in the preview's table, with its files' size: "12 (8.1 MB)"."""
    value, size = contents.get(kind), contents.size(kind)
    if value is None:
        return "-"
    if not value or size is None:
        return str(value)
    return str(_("{count} ({size})", count=str(value), size=file_size(size)))


def _confirm(question: Message) -> bool:
    """The coach's yes; no when nobody can answer (no keyboard, or the windowed app, which
    has no standard input at all and where `input` would raise).

    "y" and "yes" always count, and so do the words for them in the language spoken.
    """
    if sys.stdin is None:
        return False
    try:
        prompt = _(
            "{question} A safety copy of your current data is kept. [y/N]", question=question
        )
        answer = input(f"{prompt} ")
    except (EOFError, OSError, RuntimeError):
        return False
    # Translators: the short and the whole word a coach types to say yes ("y", "ya").
    yes = {"y", "yes", str(_("y")), str(_("yes"))}
    return answer.strip().lower() in yes


def _status(args: argparse.Namespace, data_dir: Path) -> int:
    import json

    if args.json:
        # For scripts: the same keys and words whatever the system's language.
        with speaking(SOURCE_LANGUAGE):
            print(json.dumps(_status_report(DataFolder(data_dir)), indent=2))
        return 0
    report = _status_report(DataFolder(data_dir))
    database = report["database"]
    lines: list[tuple[Message | str, Message | str]] = [(_("Data folder"), report["dataFolder"])]
    if database is None:
        lines.append((_("Database"), _("none yet: Judo Manager makes it when it first opens")))
    elif "damaged" in database:
        lines.append((_("Database"), database["damaged"]))
    else:
        lines.append(
            (
                _("Database"),
                _(
                    "{size}, data version {version}",
                    size=megabytes(database["bytes"]),
                    version=str(database["schemaVersion"]),
                ),
            )
        )
        # Translators: `status`: what the database holds ("25 athletes, …").
        lines.append((_("Holds"), database["holds"]))
    last = report["lastBackup"]
    lines.append(
        (
            _("Last backup"),
            _("never (on this computer)")
            if last is None
            else _(
                "{when} to {path} ({size})",
                when=last["finishedAt"],
                path=last["path"],
                size=megabytes(last["bytes"]),
            ),
        )
    )
    copies = report["safetyCopies"]
    lines.append((_("Safety copies"), str(len(copies)) if copies else _("none")))
    lines += [("", f"{c['takenAt']}  {megabytes(c['bytes'])}  {c['path']}") for c in copies]
    window = _("open with this data") if report["openInWindow"] else _("not open")
    # Translators: `status`: whether a window has the data open.
    lines.append((_("Window"), window))
    labels = [str(label) for label, _value in lines]
    # One column for the values, as wide as the longest label needs.
    width = max(14, *(len(label) + 1 for label in labels))
    for label, (_label, value) in zip(labels, lines, strict=True):
        print(f"{label:{width}} {value}")
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
            "damaged": str(_("can't be read now ({error})", error=error)),
        }
        return report
    finally:
        db.close()
    report["database"] = {
        "path": str(info.database_path),
        "bytes": info.database_bytes,
        "schemaVersion": info.schema_version,
        "contents": info.contents.as_record(),
        "holds": str(describe_counts(info.contents)),
    }
    if last is not None:
        report["lastBackup"] = {
            "finishedAt": last.finished_at,
            "path": str(last.path),
            "bytes": last.bytes,
            "contents": last.contents.as_record() if last.contents else {},
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
        raise JudoManagerError(_("--athletes needs a number of 1 or more."))
    with _services(data_dir, writer=True) as services:
        added = fill_demo_club(services.db, args.athletes, force=args.force, photos=args.photos)
        now = count_contents(services.db.connection())
    print(
        _n(
            "Added {count} demo athlete to {path}; it now holds {counts}.",
            "Added {count} demo athletes to {path}; it now holds {counts}.",
            added,
            path=services.db.path,
            counts=describe_counts(now),
        )
    )
    return 0


def _require_club_data(data_dir: Path) -> None:
    """Refuse a data folder without a club: opening it would make an empty one."""
    if not DataFolder(data_dir).database.exists():
        raise JudoManagerError(
            _(
                "There is no club data in {folder}. Check the folder (--data-dir or ${variable}).",
                folder=data_dir,
                variable=DATA_DIR_ENV,
            )
        )


def _tournaments_list(args: argparse.Namespace, data_dir: Path) -> int:
    import json

    from judo_manager.bridge.convert import to_wire

    _require_club_data(data_dir)
    with _services(data_dir) as services:
        summaries = services.tournaments.list()
    if args.json:
        # For scripts: the bridge's keys, and words in no language but the code's.
        with speaking(SOURCE_LANGUAGE):
            print(json.dumps(to_wire(summaries), indent=2, ensure_ascii=False))
        return 0
    if not summaries:
        print(_("No tournaments yet."))
        return 0
    for upcoming, heading in ((True, _("Upcoming tournaments")), (False, _("Past tournaments"))):
        shown = [t for t in summaries if t.upcoming is upcoming]
        if not shown:
            continue
        print(_("{heading}:", heading=heading))
        for tournament in shown:
            entries = (
                _n(
                    "{count} entry, {conflicts} with conflicts",
                    "{count} entries, {conflicts} with conflicts",
                    tournament.entry_count,
                    conflicts=tournament.conflict_count,
                )
                if tournament.conflict_count
                else _n("{count} entry", "{count} entries", tournament.entry_count)
            )
            where = tournament.name
            if tournament.location:
                where = str(_("{name}, {location}", name=where, location=tournament.location))
            _indented(
                _(
                    "#{id}  {days}  {name}: {entries}",
                    id=str(tournament.id),
                    days=_days(tournament.starts_on, tournament.ends_on),
                    name=where,
                    entries=entries,
                )
            )
    return 0


def _days(starts_on: str, ends_on: str | None) -> Message | str:
    """A tournament's dates as the coach's language writes them."""
    import datetime as dt

    try:
        first = dt.date.fromisoformat(starts_on)
        last = None if ends_on is None else dt.date.fromisoformat(ends_on)
    except ValueError:
        return starts_on if ends_on is None else f"{starts_on}/{ends_on}"
    if last is None or last == first:
        return formatted(first)
    return _("{first} to {last}", first=first, last=last)


def _tournaments_entry_sheet(args: argparse.Namespace, data_dir: Path) -> int:
    destination, export_format = _export_destination(args.dest, ("pdf", "csv", "xlsx"), args)
    _require_club_data(data_dir)
    with _services(data_dir) as services:
        sheet = services.tournaments.entry_sheet(args.id)
        saved = services.exports.save(sheet, export_format, destination)
    print(
        _(
            "Saved the entry sheet of {name} to {path} ({size}).",
            name=sheet.title,
            path=destination,
            size=file_size(saved.bytes),
        )
    )
    return 0


def _athletes_export(args: argparse.Namespace, data_dir: Path) -> int:
    destination, export_format = _export_destination(args.dest, ("pdf", "csv", "xlsx"), args)
    _require_club_data(data_dir)
    with _services(data_dir) as services:
        query = services.reports.query(
            {"name": "roster", "filters": {"status": "active", "season": args.season}}
        )
        sheet = services.reports.sheet(query)
        saved = services.exports.save(sheet, export_format, destination)
    count = sum(len(group.rows) for group in sheet.groups)
    print(
        _n(
            "Saved {count} athlete to {path} ({size}).",
            "Saved {count} athletes to {path} ({size}).",
            count,
            path=destination,
            size=file_size(saved.bytes),
        )
    )
    return 0


def _report(args: argparse.Namespace, data_dir: Path) -> int:
    from judo_manager.reports.commands import check_period, save_report

    check_period(args)
    destination, export_format = _export_destination(args.dest, ("pdf", "csv", "xlsx"), args)
    _require_club_data(data_dir)
    with _services(data_dir) as services:
        return save_report(args, services, destination, export_format)


def _athletes_import(args: argparse.Namespace, data_dir: Path) -> int:
    from judo_manager.imports.commands import import_athletes

    _require_club_data(data_dir)
    # --dry-run only reads: it works while the window is open, as `inspect` does.
    with _services(data_dir, writer=not args.dry_run) as services:
        return import_athletes(args, services, _confirm)


def _export_destination(
    dest: Path, allowed: Sequence[ExportFormat], args: argparse.Namespace
) -> tuple[Path, ExportFormat]:
    """DEST made absolute, and the kind of file its extension asks for; refused before
    anything is read if DEST is a folder, if that kind isn't offered here, or if DEST is
    there and --force wasn't given."""
    from judo_manager.exports.service import format_of

    destination = dest.absolute()
    if destination.is_dir():
        raise JudoManagerError(
            _("{path} is a folder. Give the name of the file to save.", path=destination)
        )
    export_format = format_of(dest)
    if export_format is None or export_format not in allowed:
        raise JudoManagerError(
            _(
                "{name} doesn't end in one of {extensions}: the extension picks the kind of file.",
                name=dest.name,
                extensions=", ".join(f".{f}" for f in allowed),
            )
        )
    if destination.exists() and not args.force:
        raise JudoManagerError(
            _("{path} already exists. Add --force to replace it.", path=destination)
        )
    return destination, export_format
