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
from judo_manager.errors import BackupError
from judo_manager.i18n import _


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
