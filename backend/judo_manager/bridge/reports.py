"""`window.pywebview.api.reports`: the reports, shown, saved and printed."""

from __future__ import annotations

from collections.abc import Mapping

from judo_manager.bridge.convert import from_wire, to_wire
from judo_manager.bridge.exports import save_through_dialog
from judo_manager.bridge.guards import coach_errors
from judo_manager.bridge.host import Host
from judo_manager.bridge.types import ReportRequest
from judo_manager.bridge.wire import Wire
from judo_manager.exports.model import ExportFormat, SavedExport
from judo_manager.exports.service import ExportsService, checked_format
from judo_manager.reports.model import ReportView
from judo_manager.reports.service import ReportsService


class ReportsApi:
    """Reports as the page sees them: what a request shows is what it saves."""

    def __init__(self, reports: ReportsService, exports: ExportsService, window: Host) -> None:
        self._reports = reports
        self._exports = exports
        self._window = window

    @coach_errors
    def show(self, request: ReportRequest) -> Wire[ReportView]:
        """The report for `request`, as the page shows it."""
        return to_wire(self._reports.view(self._reports.query(_from_request(request))))

    @coach_errors
    def save(self, request: ReportRequest, format: ExportFormat) -> Wire[SavedExport] | None:
        """Save the report as PDF, CSV or XLSX where the coach chooses in the save dialog;
        null if they cancelled."""
        export_format = checked_format(format)
        query = self._reports.query(_from_request(request))
        name = self._reports.file_name(query, export_format)
        sheet = self._reports.sheet(query)
        return save_through_dialog(self._exports, self._window, sheet, name, export_format)

    @coach_errors
    def print(self, request: ReportRequest) -> None:
        """Open the report's PDF in the system's viewer, to print from there."""
        query = self._reports.query(_from_request(request))
        self._window.open_file(self._reports.printable(query))


def _from_request(request: object) -> dict[str, object]:
    """The request with snake_case keys, its roster `filters` too (anything else there is
    left as sent, for the service to refuse)."""
    data = from_wire(request)
    if isinstance(data.get("filters"), Mapping):
        data["filters"] = from_wire(data["filters"])
    return data
