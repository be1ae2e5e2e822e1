"""`window.pywebview.api.exports`: opening a document the app just saved, by its token."""

from __future__ import annotations

from judo_manager.bridge.convert import to_wire
from judo_manager.bridge.guards import coach_errors
from judo_manager.bridge.host import Host
from judo_manager.bridge.prompts import ask_export_destination
from judo_manager.bridge.wire import Wire
from judo_manager.exports.model import ExportFormat, SavedExport, Sheet
from judo_manager.exports.service import ExportsService, checked_format


class ExportsApi:
    """Saved exports as the page knows them: by a token, never by a path."""

    def __init__(self, exports: ExportsService, window: Host) -> None:
        self._exports = exports
        self._window = window

    @coach_errors
    def open(self, token: str) -> None:
        """Open a file saved a moment ago (its `SavedExport.token`) in the system's viewer."""
        self._window.open_file(self._exports.saved_path(token))


def save_through_dialog(
    exports: ExportsService,
    window: Host,
    sheet: Sheet,
    file_name: str,
    export_format: ExportFormat,
) -> Wire[SavedExport] | None:
    """Ask where in the native save dialog, offering `file_name`, and save the sheet there;
    None if the coach cancelled (then nothing is written). For the features' bridges, e.g.
    `tournaments.saveEntrySheet`."""
    export_format = checked_format(export_format)  # the page may send anything
    destination = ask_export_destination(window, file_name, export_format)
    if destination is None:
        return None
    return to_wire(exports.save(sheet, export_format, destination))
