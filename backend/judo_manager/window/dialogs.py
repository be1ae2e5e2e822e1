"""The native file dialogs and the file manager: the one seam where tests may answer in the
coach's place.

Everything else reaches them through these functions, so a test launcher can replace them
and nothing else. The page never passes a path to Python; paths come from here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from judo_manager.errors import DialogError


def ask_save_path(window: Any, *, directory: Path, filename: str) -> Path | None:
    """Show the native save dialog; the chosen path, or None if the coach cancelled."""
    import webview

    chosen = window.create_file_dialog(
        webview.FileDialog.SAVE, directory=str(directory), save_filename=filename
    )
    return _first_path(chosen)


def ask_open_path(window: Any, *, directory: Path, file_types: tuple[str, ...]) -> Path | None:
    """Show the native open dialog; the chosen file, or None if the coach cancelled."""
    import webview

    chosen = window.create_file_dialog(
        webview.FileDialog.OPEN, directory=str(directory), file_types=file_types
    )
    return _first_path(chosen)


def show_folder(folder: Path) -> None:
    """Open `folder` in the system's file manager, without waiting for it."""
    if sys.platform == "win32":
        os.startfile(folder)  # type: ignore[attr-defined]
        return
    opener = shutil.which("open" if sys.platform == "darwin" else "xdg-open")
    if opener is None:
        raise DialogError(f"No file manager could be opened here. The folder is {folder}.")
    subprocess.Popen([opener, str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _first_path(chosen: str | tuple[str, ...] | list[str] | None) -> Path | None:
    if not chosen:
        return None
    return Path(chosen if isinstance(chosen, str) else chosen[0])
