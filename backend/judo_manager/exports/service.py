"""Exports: a feature's `Sheet` rendered as PDF, CSV or XLSX, and written where the coach
chose as a backup is written (`db.verified_write`).

The page never holds a path: a save returns a token, and `saved_path(token)` finds the file
again for "Open", among the recent saves of this run only.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from pathlib import Path

from judo_manager.collector import collector_paused
from judo_manager.db.verified_write import write_verified
from judo_manager.errors import ExportError, NotFoundError, ValidationError
from judo_manager.exports.model import EXPORT_FORMATS, ExportFormat, SavedExport, Sheet
from judo_manager.i18n import _

# Saves the page may still offer to open ("Open" in the toast), newest kept.
MAX_REMEMBERED = 20


def format_of(path: Path) -> ExportFormat | None:
    """The export format a file name asks for by its extension (`.PDF` too); None if none."""
    suffix = path.suffix.lower().removeprefix(".")
    return next((f for f in EXPORT_FORMATS if f == suffix), None)


def with_suffix_for(path: Path, export_format: ExportFormat) -> Path:
    """`path` ending in the format's extension: added when the name has another or none
    (Qt's dialog ignores its file types), so `entries.csv` saved as PDF is `entries.csv.pdf`."""
    if format_of(path) == export_format:
        return path
    return path.with_name(f"{path.name}.{export_format}")


def render(sheet: Sheet, export_format: ExportFormat) -> bytes:
    """The sheet as the bytes of a PDF, CSV or XLSX file."""
    export_format = checked_format(export_format)
    with collector_paused():
        if export_format == "pdf":
            from judo_manager.exports.pdf import render_pdf  # fpdf2 loads only when asked

            return render_pdf(sheet)
        from judo_manager.exports.spreadsheets import render_csv, render_xlsx

        return render_csv(sheet) if export_format == "csv" else render_xlsx(sheet)


class ExportsService:
    """Renders sheets and writes them, verified; remembers the recent saves for "Open"."""

    def __init__(self) -> None:
        self._saved: OrderedDict[str, Path] = OrderedDict()
        self._lock = threading.Lock()

    def render(self, sheet: Sheet, export_format: ExportFormat) -> bytes:
        """The sheet as a file's bytes in `export_format` ("pdf", "csv", "xlsx")."""
        return render(sheet, export_format)

    def save(self, sheet: Sheet, export_format: ExportFormat, destination: Path) -> SavedExport:
        """Render the sheet and write it to `destination`, verified on the drive before it
        takes the name. A failure leaves no part of it there, and a file that was already
        under the name unchanged (ExportError says why).

        `destination` must end in the format's extension (`with_suffix_for` makes one): a
        PDF saved as `entries.csv` would open as garbage.
        """
        export_format = checked_format(export_format)
        if format_of(destination) != export_format:
            raise ExportError(
                _(
                    "{name} doesn't end in .{extension}, so it would not open as this kind "
                    "of file. Choose a name ending in .{extension}.",
                    name=destination.name,
                    extension=export_format,
                )
            )
        data = render(sheet, export_format)
        write_verified(data, destination, failure=ExportError)
        token = secrets.token_urlsafe(16)
        with self._lock:
            self._saved[token] = destination
            while len(self._saved) > MAX_REMEMBERED:
                self._saved.popitem(last=False)
        return SavedExport(
            token=token, file_name=destination.name, bytes=len(data), format=export_format
        )

    def saved_path(self, token: object) -> Path:
        """Where the save named by `token` was written, if it is still there.

        Only the recent saves of this run are known: a token the page made up, or an old
        one, names nothing (NotFoundError), so no path the page sends can be opened.
        """
        with self._lock:
            path = self._saved.get(token) if isinstance(token, str) else None
        if path is None:
            raise NotFoundError(
                _("That file was not saved recently. Open it from the folder you saved it in.")
            )
        if not path.is_file():
            raise NotFoundError(
                _(
                    "{name} is no longer in {folder}: it was moved, renamed or deleted.",
                    name=path.name,
                    folder=path.parent,
                )
            )
        return path


def checked_format(export_format: object) -> ExportFormat:
    """`export_format` if it is one ("pdf", "csv", "xlsx"), as the page may send anything;
    else ValidationError."""
    for known in EXPORT_FORMATS:
        if export_format == known:
            return known
    raise ValidationError({"format": _("Choose PDF, CSV or XLSX.")})
