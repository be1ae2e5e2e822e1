"""The native dialogs the bridge opens before it hands a chosen path to a service.

The page never passes a path: it asks for a dialog, and Python takes the path from it. The
dialogs' titles and file types are in the language of the call that opens them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from judo_manager.backup.file_names import default_filename, with_db_suffix
from judo_manager.bridge.host import Host
from judo_manager.drives import removable_drives
from judo_manager.errors import BackupError, ExportError
from judo_manager.exports.model import ExportFormat
from judo_manager.exports.service import with_suffix_for
from judo_manager.i18n import Message, _
from judo_manager.media.model import Purpose


def backup_file_types() -> tuple[str, ...]:
    """The dialogs' file types, in the language of the call: "Judo Manager backups (*.db)"
    first. Each keeps its pattern in parentheses, which the dialogs read."""
    return (
        str(_("Judo Manager backups ({pattern})", pattern="*.db")),
        str(_("All files ({pattern})", pattern="*.*")),
    )


def ask_backup_destination(window: Host, last_backup: Path | None) -> Path | None:
    """Where the coach wants the backup, with `.db` added; None if they cancelled.

    The dialog asked before replacing the name chosen there, so a file under that name may
    be replaced; a file under the name with `.db` added was never confirmed.
    """
    chosen = window.ask_save_path(
        title=str(_("Save a backup")),
        directory=dialog_start_folder(last_backup),
        filename=default_filename(),
        file_types=backup_file_types(),
    )
    if chosen is None:
        return None
    destination = with_db_suffix(chosen)
    if destination != chosen and destination.exists():
        raise BackupError(
            _(
                "A file named {name} already exists in {folder}. "
                "Choose it in the dialog to replace it, or pick another name.",
                name=destination.name,
                folder=destination.parent,
            )
        )
    return destination


def ask_restore_source(window: Host, last_backup: Path | None) -> Path | None:
    """The backup file the coach chose to restore; None if they cancelled."""
    return window.ask_open_path(
        title=str(_("Choose a backup to restore")),
        directory=dialog_start_folder(last_backup),
        file_types=backup_file_types(),
    )


def media_file_types(purpose: Purpose) -> tuple[str, ...]:
    """The open dialog's file types for a photo, a logo or a document, in the call's language.

    Only a filter for the eye: what a file is, is read from its content.
    """
    images = "*.jpg *.jpeg *.png *.webp *.heic *.heif"
    first = (
        _("Photos and PDFs ({pattern})", pattern=images + " *.pdf")
        if purpose == "document"
        else _("Photos ({pattern})", pattern=images)
    )
    return (str(first), str(_("All files ({pattern})", pattern="*.*")))


_MEDIA_TITLES: dict[Purpose, Message] = {
    "photo": _("Choose a photo"),
    "logo": _("Choose a logo"),
    "document": _("Choose a document"),
}


def ask_media_source(window: Host, purpose: Purpose) -> Path | None:
    """The photo, logo or document the coach chose to add; None if they cancelled."""
    from platformdirs import user_pictures_dir  # only the window's dialogs need it

    start = Path(user_pictures_dir()) if purpose != "document" else Path.home()
    return window.ask_open_path(
        title=str(_MEDIA_TITLES[purpose]),
        directory=start if start.is_dir() else Path.home(),
        file_types=media_file_types(purpose),
    )


def import_file_types() -> tuple[str, ...]:
    """The open dialog's file types for a spreadsheet to import, in the call's language.

    Only a filter for the eye: what a file is, is read from its content.
    """
    return (
        str(_("Spreadsheets ({pattern})", pattern="*.xlsx *.xls *.ods *.csv")),
        str(_("All files ({pattern})", pattern="*.*")),
    )


def ask_import_file(window: Host) -> Path | None:
    """The spreadsheet of athletes the coach chose to import; None if they cancelled."""
    from platformdirs import user_documents_dir  # only the window's dialogs need it

    documents = Path(user_documents_dir())
    return window.ask_open_path(
        title=str(_("Choose a spreadsheet of athletes")),
        directory=documents if documents.is_dir() else Path.home(),
        file_types=import_file_types(),
    )


def ask_copy_destination(window: Host, file_name: str) -> Path | None:
    """Where the coach wants a copy of a stored file; None if they cancelled."""
    from platformdirs import user_documents_dir  # only the window's dialogs need it

    documents = Path(user_documents_dir())
    return window.ask_save_path(
        title=str(_("Save a copy")),
        directory=documents if documents.is_dir() else Path.home(),
        filename=file_name,
        file_types=(str(_("All files ({pattern})", pattern="*.*")),),
    )


def export_file_types(export_format: ExportFormat) -> tuple[str, ...]:
    """The save dialog's file types for an export, in the call's language: its own kind
    first ("PDF documents (*.pdf)"), then all files."""
    kinds: dict[ExportFormat, Message] = {
        "pdf": _("PDF documents ({pattern})", pattern="*.pdf"),
        "csv": _("CSV files ({pattern})", pattern="*.csv"),
        "xlsx": _("Excel workbooks ({pattern})", pattern="*.xlsx"),
    }
    return (str(kinds[export_format]), str(_("All files ({pattern})", pattern="*.*")))


def ask_export_destination(
    window: Host, file_name: str, export_format: ExportFormat
) -> Path | None:
    """Where the coach wants an exported file, ending in its format's extension; None if
    they cancelled.

    The dialog asked before replacing the name chosen there; a file under the name with the
    extension added was never confirmed, so it is refused rather than replaced.
    """
    from platformdirs import user_documents_dir  # only the window's dialogs need it

    documents = Path(user_documents_dir())
    chosen = window.ask_save_path(
        title=str(_("Save as {kind}", kind=export_format.upper())),
        directory=documents if documents.is_dir() else Path.home(),
        filename=file_name,
        file_types=export_file_types(export_format),
    )
    if chosen is None:
        return None
    destination = with_suffix_for(chosen, export_format)
    if destination != chosen and destination.exists():
        raise ExportError(
            _(
                "A file named {name} already exists in {folder}. "
                "Choose it in the dialog to replace it, or pick another name.",
                name=destination.name,
                folder=destination.parent,
            )
        )
    return destination


def dialog_start_folder(
    last_backup: Path | None, drives: Callable[[], list[Path]] = removable_drives
) -> Path:
    """Where the save and open dialogs start: the last backup's folder if it still exists,
    else a removable drive plugged in now, else Documents, else the home folder.

    A backup belongs off this computer: Documents is often synced by OneDrive or iCloud,
    which hold new files open and may keep them only in the cloud.
    """
    from platformdirs import user_documents_dir  # only the window's dialogs need it

    candidates = [last_backup.parent] if last_backup else []
    candidates += [*drives(), Path(user_documents_dir()), Path.home()]
    for folder in candidates:
        try:
            if folder.is_dir():
                return folder
        except OSError:
            continue  # a pulled stick, a drive that isn't ready
    return Path.home()
