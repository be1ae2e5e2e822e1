"""TEMP (t18-base): the reports service's interface, filled in by the reports branch."""

from __future__ import annotations

from judo_manager.exports.model import Sheet
from judo_manager.reports.model import ReportQuery, ReportView


class ReportsService:
    """Builds each report from the features' services."""

    def query(self, data: object) -> ReportQuery:
        """The page's `ReportRequest`, checked."""
        raise NotImplementedError

    def view(self, query: ReportQuery) -> ReportView:
        """The report as the page shows it."""
        raise NotImplementedError

    def sheet(self, query: ReportQuery) -> Sheet:
        """The report as a sheet to save, exactly as `view` shows it."""
        raise NotImplementedError

    def file_name(self, query: ReportQuery, export_format: str) -> str:
        """The name the save dialog offers."""
        raise NotImplementedError
