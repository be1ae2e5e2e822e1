"""Where the native file dialogs open."""

from __future__ import annotations

from pathlib import Path


def dialog_start_folder(last_backup: Path | None) -> Path:
    """The last backup's folder if it still exists, else Documents, else the home folder."""
    from platformdirs import user_documents_dir  # only the window's dialogs need it

    candidates = [last_backup.parent] if last_backup else []
    candidates += [Path(user_documents_dir()), Path.home()]
    for folder in candidates:
        if folder.is_dir():
            return folder
    return Path.home()
