"""`judo-manager athletes import FILE`: the same preview as the window's, then the import.

Registered in `cli.py`; kept here so the import's command line lives with the import.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from judo_manager.errors import JudoManagerError
from judo_manager.i18n import Message, _, _n
from judo_manager.imports.model import DATE_ORDERS, DUPLICATE_POLICIES, LABELS, ImportPreview

if TYPE_CHECKING:  # the services (openpyxl and all) load only when a command runs
    from judo_manager.wiring import AppServices

SEPARATOR_NAMES = {",": _("comma"), ";": _("semicolon"), "\t": _("tab")}


def add_import_command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    command: Callable[..., argparse.ArgumentParser],
    run: Callable[[argparse.Namespace, Path], int],
) -> None:
    """`athletes import` among the athletes' subcommands (`command` makes one, as cli.py's)."""
    parser = command(
        commands,
        "import",
        _("add athletes from a spreadsheet (.xlsx, .xls, .ods or .csv), undoably"),
        _(
            "Read FILE, show which column is which, how many athletes would be added and "
            "every row with a problem, then import the good rows in one step, after a "
            "safety copy that `undo-restore` puts back."
        ),
    )
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.add_argument(
        "--dry-run", action="store_true", help=str(_("show the preview only; change nothing"))
    )
    parser.add_argument("--yes", action="store_true", help=str(_("don't ask for confirmation")))
    parser.add_argument(
        "--date-order",
        choices=DATE_ORDERS,
        help=str(_("how the file's dates are written, when it can't be told: dmy, mdy or ymd")),
    )
    parser.add_argument(
        "--duplicates",
        choices=DUPLICATE_POLICIES,
        default="skip",
        help=str(
            _("athletes already in the club: skip them, or fill their empty fields (default: skip)")
        ),
    )
    parser.set_defaults(run=run)


def import_athletes(
    args: argparse.Namespace, services: AppServices, confirm: Callable[[Message], bool]
) -> int:
    """Preview FILE, then import it unless --dry-run or the coach says no; the exit code."""
    imports = services.imports
    first = imports.read(args.file)
    settings = {
        "columns": [column.field for column in first.columns],
        "date_order": args.date_order,
        "duplicates": args.duplicates,
    }
    preview = imports.preview(first.token, settings)
    print_preview(preview)
    if args.dry_run:
        print(_("Dry run: nothing was changed."))
        return 0
    if not preview.can_import:
        raise JudoManagerError(_why_not(preview))
    count = preview.to_add + preview.to_fill
    question = _n("Import {count} athlete?", "Import {count} athletes?", count)
    if not args.yes and not confirm(question):
        imports.discard(preview.token)
        print(_("Nothing was changed."))
        return 1
    outcome = imports.apply(preview.token, settings)
    print(
        _n(
            "Imported {count} athlete.",
            "Imported {count} athletes.",
            outcome.added,
        )
    )
    if outcome.filled:
        print(
            _n(
                "Filled the empty fields of {count} athlete already in the club.",
                "Filled the empty fields of {count} athletes already in the club.",
                outcome.filled,
            )
        )
    if outcome.skipped:
        print(
            _n(
                "Left {count} athlete already in the club as they were.",
                "Left {count} athletes already in the club as they were.",
                outcome.skipped,
            )
        )
    if outcome.problems:
        print(
            _n(
                "{count} row with a problem was not imported.",
                "{count} rows with a problem were not imported.",
                outcome.problems,
            )
        )
    if outcome.undo is not None:
        print(_("To undo it: judo-manager undo-restore"))
    return 0


def print_preview(preview: ImportPreview) -> None:
    """The preview as the window shows it: the file, its columns, the counts, the problems."""
    if preview.format == "csv":
        print(
            _(
                "{name}: CSV, {encoding}, separated by {separator}.",
                name=preview.file_name,
                encoding=preview.encoding or "",
                separator=SEPARATOR_NAMES.get(preview.separator or ",", _("comma")),
            )
        )
    else:
        print(_("{name}: sheet {sheet}.", name=preview.file_name, sheet=preview.sheet_name or ""))
    print(_("Columns:"))
    for column in preview.columns:
        header = column.header or _("(no header)")
        field = _("ignored") if column.field is None else LABELS[column.field]
        samples = ", ".join(column.samples)
        print(f"  {header} → {field}" + (f"  ({samples})" if samples else ""))
    print(_n("{count} row", "{count} rows", preview.row_count))
    print(_n("{count} athlete to add", "{count} athletes to add", preview.to_add))
    if preview.duplicates:
        print(
            _n(
                "{count} already in the club ({fill} with empty fields to fill)",
                "{count} already in the club ({fill} with empty fields to fill)",
                preview.duplicates,
                fill=preview.to_fill,
            )
        )
    if preview.new_clubs:
        print(_("New clubs to add: {clubs}", clubs=", ".join(preview.new_clubs)))
    if preview.date_order_needed and preview.date_example is not None:
        example = preview.date_example
        print(
            _(
                "Row {row}: '{text}' is {as_dmy} read day first, or {as_mdy} read month "
                "first. Say which with --date-order dmy or --date-order mdy.",
                row=str(example.row),
                text=example.text,
                as_dmy=example.as_dmy or "?",
                as_mdy=example.as_mdy or "?",
            )
        )
    if preview.problem_count:
        print(
            _n("{count} row with a problem:", "{count} rows with a problem:", preview.problem_count)
        )
        for problem in preview.problems:
            print(
                "  " + str(_("row {row}: {message}", row=str(problem.row), message=problem.message))
            )
        more = preview.problem_count - len(preview.problems)
        if more:
            print("  " + str(_n("… and {count} more", "… and {count} more", more)))


def _why_not(preview: ImportPreview) -> Message:
    if preview.missing_fields:
        return _(
            "No column is chosen for: {fields}. Name those columns in the file's header row.",
            fields=", ".join(str(LABELS[f]) for f in preview.missing_fields),
        )
    if preview.date_order_needed:
        return _("Say how the dates are written: --date-order dmy or --date-order mdy.")
    return _("No row would add an athlete. Nothing was changed.")
