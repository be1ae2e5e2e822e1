"""The native dialogs the bridge opens before it hands a chosen path to a service.

The page never passes a path: it asks for a dialog, and Python takes the path from it.
"""

from __future__ import annotations

from pathlib import Path

from judo_manager.backup.file_names import default_filename, with_db_suffix
from judo_manager.bridge.host import Host
from judo_manager.errors import BackupError

BACKUP_FILE_TYPES = ("Judo Manager backups (*.db)", "All files (*.*)")


def ask_backup_destination(window: Host, last_backup: Path | None) -> Path | None:
    """Where the coach wants the backup, with `.db` added; None if they cancelled.

    The dialog asked before replacing the name chosen there, so a file under that name may
    be replaced; a file under the name with `.db` added was never confirmed.
    """
    chosen = window.ask_save_path(
        directory=dialog_start_folder(last_backup), filename=default_filename()
    )
    if chosen is None:
        return None
    destination = with_db_suffix(chosen)
    if destination != chosen and destination.exists():
        raise BackupError(
            f"A file named {destination.name} already exists in {destination.parent}. "
            "Choose it in the dialog to replace it, or pick another name."
        )
    return destination


def ask_restore_source(window: Host) -> Path | None:
    """The backup file the coach chose to restore; None if they cancelled."""
    return window.ask_open_path(directory=dialog_start_folder(None), file_types=BACKUP_FILE_TYPES)


def dialog_start_folder(last_backup: Path | None) -> Path:
    """The last backup's folder if it still exists, else Documents, else the home folder."""
    from platformdirs import user_documents_dir  # only the window's dialogs need it

    candidates = [last_backup.parent] if last_backup else []
    candidates += [Path(user_documents_dir()), Path.home()]
    for folder in candidates:
        if folder.is_dir():
            return folder
    return Path.home()
