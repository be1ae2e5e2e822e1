"""`judo-manager report NAME DEST`: a report saved from the command line, the kind of file
from DEST's extension, as the Reports page saves it.

Only argparse and the messages are imported here: the services load when the command
runs, so `judo-manager -h` stays as quick as before.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from judo_manager.errors import JudoManagerError
from judo_manager.i18n import Message, _, file_size
from judo_manager.reports.names import MEDAL_GROUPINGS, REPORT_NAMES

if TYPE_CHECKING:
    from judo_manager.exports.model import ExportFormat
    from judo_manager.wiring import AppServices

    Commands = argparse._SubParsersAction[argparse.ArgumentParser]
    # `cli._command`: a subcommand whose `-h` is translated like the rest.
    CommandMaker = Callable[[Commands, str, Message, Message | None], argparse.ArgumentParser]


def add_report_command(
    commands: Commands, command: CommandMaker, run: Callable[[argparse.Namespace, Path], int]
) -> None:
    """Register `report` among the `commands`; `run` (cli.py's) runs it."""
    report = command(
        commands,
        "report",
        _("save a report (roster, grading, promotions, medals, papers) as PDF, CSV or XLSX"),
        _(
            "Save report NAME to DEST; its extension picks the kind of file: .pdf, .csv or "
            ".xlsx. roster: the active athletes; grading: who is ready to grade now and "
            "within 3 months; promotions: the promotions from --from to --to; medals: a "
            "season's medals (all time without --season); papers: licences and medical "
            "certificates expired or expiring within 30 days."
        ),
    )
    report.add_argument("name", metavar="NAME", choices=REPORT_NAMES)
    report.add_argument("dest", metavar="DEST", type=Path)
    report.add_argument(
        "--season",
        type=int,
        metavar="YEAR",
        help=str(_("the season: of the medals (default: all time), or the roster's categories")),
    )
    report.add_argument(
        "--from",
        dest="from_date",
        metavar="DATE",
        help=str(_("the first day of the promotions' period, YYYY-MM-DD")),
    )
    report.add_argument(
        "--to",
        dest="to_date",
        metavar="DATE",
        help=str(_("the last day of the promotions' period, YYYY-MM-DD")),
    )
    report.add_argument(
        "--group-by",
        choices=MEDAL_GROUPINGS,
        default="athlete",
        help=str(_("group the medals by athlete or by tournament (default: athlete)")),
    )
    report.add_argument("--force", action="store_true", help=str(_("replace DEST if it exists")))
    report.set_defaults(run=run)


def check_period(args: argparse.Namespace) -> None:
    """Refuse the promotions report without its period, before anything is read."""
    if args.name == "promotions" and not (args.from_date and args.to_date):
        raise JudoManagerError(
            _("The promotions report needs the period: --from DATE --to DATE (YYYY-MM-DD).")
        )


def save_report(
    args: argparse.Namespace,
    services: AppServices,
    destination: Path,
    export_format: ExportFormat,
) -> int:
    """Save the report the arguments ask for to `destination` (checked by the command line:
    its extension, --force); the exit code."""
    request: dict[str, object] = {
        "name": args.name,
        "season": args.season,
        "from_date": args.from_date,
        "to_date": args.to_date,
        "group_by": args.group_by,
    }
    if args.name == "roster":
        request["filters"] = {"status": "active", "season": args.season}
    sheet = services.reports.sheet(services.reports.query(request))
    saved = services.exports.save(sheet, export_format, destination)
    print(
        _(
            "Saved {report} to {path} ({size}).",
            report=sheet.title,
            path=destination,
            size=file_size(saved.bytes),
        )
    )
    return 0
