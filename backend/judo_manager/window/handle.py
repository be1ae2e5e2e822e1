"""The app's window as the bridge sees it: native dialogs and events pushed to the page."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from judo_manager.errors import DialogError
from judo_manager.window import dialogs

logger = logging.getLogger(__name__)


class DesktopWindow:
    """A handle on the pywebview window, attached once the window exists."""

    def __init__(self) -> None:
        self._window: Any = None

    def attach(self, window: Any) -> None:
        """Remember the window the bridge serves."""
        self._window = window

    def ask_save_path(
        self, *, directory: Path, filename: str, file_types: tuple[str, ...]
    ) -> Path | None:
        """The native save dialog; None when the coach cancels."""
        return dialogs.ask_save_path(
            self._require(), directory=directory, filename=filename, file_types=file_types
        )

    def ask_open_path(self, *, directory: Path, file_types: tuple[str, ...]) -> Path | None:
        """The native open dialog; None when the coach cancels."""
        return dialogs.ask_open_path(self._require(), directory=directory, file_types=file_types)

    def show_folder(self, folder: Path) -> None:
        """Open `folder` in the system's file manager."""
        dialogs.show_folder(folder)

    def confirm(self, title: str, message: str) -> bool:
        """A native OK/Cancel question; True for OK (each backend shows it on its GUI thread)."""
        return bool(self._require().create_confirmation_dialog(title, message))

    def close(self) -> None:
        """Close the window, ending the app."""
        self._require().destroy()

    def push_event(self, name: str, detail: object) -> None:
        """Dispatch a `CustomEvent` on the page's `window`, so the page never has to poll."""
        if self._window is None:
            return
        script = (
            f"window.dispatchEvent(new CustomEvent({json.dumps(name)}, "
            f"{{detail: {json.dumps(detail)}}}))"
        )
        try:
            # run_js, not evaluate_js: that one wraps the script in `eval`, which the page's
            # Content-Security-Policy refuses.
            self._window.run_js(script)
        except Exception:
            # The page only shows progress and reloads; the work itself must not fail on it
            # (for instance when the coach closes the window mid-job).
            logger.exception("could not push %s to the page", name)

    def _require(self) -> Any:
        if self._window is None:
            raise DialogError("The app window isn't ready yet. Please try again in a moment.")
        return self._window
