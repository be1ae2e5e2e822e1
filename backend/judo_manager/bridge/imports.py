"""`window.pywebview.api.imports`: athletes from the coach's spreadsheet."""

from __future__ import annotations

from judo_manager.bridge.convert import from_wire, to_wire
from judo_manager.bridge.guards import coach_errors
from judo_manager.bridge.host import Host
from judo_manager.bridge.prompts import ask_import_file
from judo_manager.bridge.system import safety_copy
from judo_manager.bridge.types import ImportResult
from judo_manager.bridge.wire import Wire
from judo_manager.imports.model import ImportPreview, ImportSettings
from judo_manager.imports.service import ImportService


class ImportsApi:
    """A spreadsheet read once, previewed as often as the coach changes a setting, and
    imported in one transaction; the page holds only the file's token."""

    def __init__(self, imports: ImportService, window: Host) -> None:
        self._imports = imports
        self._window = window

    @coach_errors
    def chooseFile(self) -> Wire[ImportPreview] | None:
        """The native open dialog, then the file read and previewed with the app's guesses;
        null if the coach cancelled."""
        source = ask_import_file(self._window)
        return None if source is None else to_wire(self._imports.read(source))

    @coach_errors
    def preview(self, token: str, settings: Wire[ImportSettings]) -> Wire[ImportPreview]:
        """What importing the file with these settings would do; nothing changes."""
        return to_wire(self._imports.preview(token, from_wire(settings)))

    @coach_errors
    def apply(self, token: str, settings: Wire[ImportSettings]) -> ImportResult:
        """Import the good rows in one transaction, after a safety copy that Undo puts back
        (`system.previewUndo`, `system.undoRestore`); the page then says the athletes and
        clubs changed."""
        outcome = self._imports.apply(token, from_wire(settings))
        return ImportResult(
            added=outcome.added,
            filled=outcome.filled,
            skipped=outcome.skipped,
            problems=outcome.problems,
            undo=None if outcome.undo is None else safety_copy(outcome.undo),
        )

    @coach_errors
    def discard(self, token: str) -> None:
        """The coach closed the preview: forget the file."""
        self._imports.discard(token)
