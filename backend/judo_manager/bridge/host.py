"""What the bridge needs of the window that hosts the page.

`window.handle.DesktopWindow` is the real one; the bridge names only this protocol, so it
depends on no window code and the window package alone builds the bridge.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol


class Host(Protocol):
    """The native dialogs, the file manager, the system's viewer, the page's zoom, and
    events pushed to the page."""

    def ask_save_path(
        self, *, title: str, directory: Path, filename: str, file_types: tuple[str, ...]
    ) -> Path | None:
        """The native save dialog; None when the coach cancels."""
        ...

    def ask_open_path(
        self, *, title: str, directory: Path, file_types: tuple[str, ...]
    ) -> Path | None:
        """The native open dialog; None when the coach cancels."""
        ...

    def show_folder(self, folder: Path) -> None:
        """Open `folder` in the system's file manager."""
        ...

    def open_file(self, path: Path) -> None:
        """Open `path` in the system's viewer for its kind (a PDF reader)."""
        ...

    def set_zoom(self, factor: float) -> None:
        """Zoom the page (1.0 is 100%)."""
        ...

    def push_event(self, name: str, detail: object) -> None:
        """Dispatch a window event with `detail` on the page."""
        ...
