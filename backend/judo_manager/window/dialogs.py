"""The native file dialogs: the one seam where tests may answer in the coach's place.

Everything else reaches the dialogs through these two functions, so a test launcher can
replace them and nothing else. The page never passes a path to Python; paths come from here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


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


def _first_path(chosen: str | tuple[str, ...] | list[str] | None) -> Path | None:
    if not chosen:
        return None
    return Path(chosen if isinstance(chosen, str) else chosen[0])
