"""The reports a coach hands over, built from the features' services: shown in the page,
saved as PDF, CSV or XLSX, and printed from the system's viewer.

One builder per report makes a `Table` (`reports/table.py`); the view and the sheet are
both copied from it, so a saved or printed report is the one the page showed.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable, Mapping
from pathlib import Path

from judo_manager.athletes.service import AthletesService
from judo_manager.clubs.service import ClubsService
from judo_manager.collector import collector_paused
from judo_manager.db.verified_write import write_verified
from judo_manager.errors import ExportError
from judo_manager.exports.files import export_file_name, safe_file_name
from judo_manager.exports.model import ExportFormat, Sheet
from judo_manager.exports.service import checked_format, render
from judo_manager.reports import grading, medals, papers, promotions, roster
from judo_manager.reports.model import ReportQuery, ReportView
from judo_manager.reports.request import read_query
from judo_manager.reports.table import Table, sheet_of, sorted_table, view_of
from judo_manager.rules.service import RulesService

Today = Callable[[], dt.date]


class ReportsService:
    """Builds each report from the athletes', rules' and clubs' services; reads only."""

    def __init__(
        self,
        athletes: AthletesService,
        rules: RulesService,
        clubs: ClubsService,
        *,
        viewing: Path,
        today: Today = dt.date.today,
    ) -> None:
        self._athletes = athletes
        self._rules = rules
        self._clubs = clubs
        # The data folder's `viewing/`, where a printed report waits for the viewer.
        self._viewing = viewing
        self._today = today

    def query(self, data: object) -> ReportQuery:
        """The page's `ReportRequest` (snake_case keys, its `filters` too), checked: an
        unknown report, column or sort key, a date that doesn't read or a period that runs
        backwards is refused (ValidationError)."""
        return read_query(data, roster_query=self._athletes.roster_query, today=self._today())

    def view(self, query: ReportQuery) -> ReportView:
        """The report as the page shows it, in the language spoken now."""
        return view_of(self._table(query))

    def sheet(self, query: ReportQuery) -> Sheet:
        """The report as a sheet to save, exactly as `view` shows it, headed by the
        organisation's name and logo."""
        table = self._table(query)
        return sheet_of(table, self._clubs.organisation().name, self._clubs.letterhead_logo())

    def file_name(self, query: ReportQuery, export_format: ExportFormat) -> str:
        """The name the save dialog offers: `grading_2026-12-02.pdf`,
        `promotions_2026-01-01_2026-06-30.csv` (the period), `medals_2025_2026-12-02.xlsx`."""
        today = self._today()
        if query.name == "promotions" and query.from_date and query.to_date:
            return export_file_name(
                "promotions", query.from_date.isoformat(), query.to_date, export_format
            )
        subject = ""
        if query.name == "medals" and query.season is not None:
            subject = str(query.season)
        elif query.name == "roster" and query.filters is not None:
            subject = str(query.filters.season)
        return export_file_name(query.name, subject, today, export_format)

    def printable(self, query: ReportQuery) -> Path:
        """The report's PDF written into the data folder's `viewing/` (removed a day
        later), for the system's viewer to open and print."""
        data = render(self.sheet(query), checked_format("pdf"))
        self._viewing.mkdir(exist_ok=True)
        # A name of its own each time: the viewer may still hold the last one open, and
        # Windows refuses to replace a file that is open.
        name = safe_file_name(f"{secrets.token_hex(4)}-{self.file_name(query, 'pdf')}")
        path = self._viewing / name
        write_verified(data, path, failure=ExportError)
        return path

    def _table(self, query: ReportQuery) -> Table:
        # Thousands of rows of small objects, none in a cycle (see `collector`).
        with collector_paused():
            return sorted_table(self._built(query), query.sort, query.descending)

    def _built(self, query: ReportQuery) -> Table:
        today = self._today()
        if query.name == "roster":
            return roster.build(query, self._athletes, self._rules.get(), self._club_names())
        if query.name == "grading":
            readiness = self._athletes.grading_readiness(today=today)
            return grading.build(readiness, self._rules.get().belts, today)
        if query.name == "promotions":
            assert query.from_date is not None and query.to_date is not None
            found = self._athletes.promotions_between(query.from_date, query.to_date)
            return promotions.build(found, self._rules.get().belts, query.from_date, query.to_date)
        if query.name == "medals":
            held = self._athletes.medals_held(query.season)
            return medals.build(held, query.season, query.group_by)
        rows = self._athletes.roster({"status": "active"}).rows
        due = {paper.athlete.id for paper in papers.papers_due(rows)}
        return papers.build(rows, self._athletes.details(sorted(due)), today)

    def _club_names(self) -> Mapping[int, str]:
        return {club.id: club.name for club in self._clubs.clubs()}
