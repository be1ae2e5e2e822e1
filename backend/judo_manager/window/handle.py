"""The app's window as the bridge sees it: native dialogs and events pushed to the page."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from judo_manager.errors import DialogError
from judo_manager.i18n import _
from judo_manager.window import dialogs

logger = logging.getLogger(__name__)


class DesktopWindow:
    """A handle on the pywebview window, attached once the window exists."""

    def __init__(self) -> None:
        self._window: Any = None
        self._zoom: Callable[[float], None] | None = None

    def attach(self, window: Any, zoom: Callable[[float], None]) -> None:
        """Remember the window the bridge serves, and how to zoom its page."""
        self._window = window
        self._zoom = zoom

    def set_zoom(self, factor: float) -> None:
        """Zoom the page (1.0 is 100%)."""
        if self._zoom is not None:
            self._zoom(factor)

    def ask_save_path(
        self, *, title: str, directory: Path, filename: str, file_types: tuple[str, ...]
    ) -> Path | None:
        """The native save dialog; None when the coach cancels."""
        return dialogs.ask_save_path(
            self._require(),
            title=title,
            directory=directory,
            filename=filename,
            file_types=file_types,
        )

    def ask_open_path(
        self, *, title: str, directory: Path, file_types: tuple[str, ...]
    ) -> Path | None:
        """The native open dialog; None when the coach cancels."""
        return dialogs.ask_open_path(
            self._require(), title=title, directory=directory, file_types=file_types
        )

    def show_folder(self, folder: Path) -> None:
        """Open `folder` in the system's file manager."""
        dialogs.show_folder(folder)

    def open_file(self, path: Path) -> None:
        """Open `path` in the system's viewer for its kind."""
        dialogs.open_file(path)

    def confirm(self, title: str, message: str) -> bool:
        """A native OK/Cancel question; True for OK (each backend shows it on its GUI thread).

        macOS's buttons are named from pywebview's words, in the language of the question.
        """
        window = self._require()
        window.localization.update({"global.ok": str(_("OK")), "global.cancel": str(_("Cancel"))})
        return bool(window.create_confirmation_dialog(title, message))

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

    def bring_to_front(self) -> None:
        """Show the window in front of the others, as it was (maximized stays maximized).

        Called from another thread (a second start knocking, `window/front.py`): Qt's
        window may only be touched on its GUI thread, so the work is queued there.
        """
        window = self._window
        if window is None:
            return
        native = window.native
        if native is None:
            return  # not shown yet: it comes up in front on its own
        if hasattr(native, "activateWindow"):
            on_qt_gui_thread(native, lambda: _raise_qt_window(native))
        else:
            window.restore()  # the other backends un-minimize and raise on their GUI thread

    def _require(self) -> Any:
        if self._window is None:
            raise DialogError(_("The app window isn't ready yet. Please try again in a moment."))
        return self._window


def _raise_qt_window(native: Any) -> None:
    from qtpy.QtCore import Qt

    native.setWindowState(native.windowState() & ~Qt.WindowState.WindowMinimized)
    native.show()
    native.raise_()
    native.activateWindow()


def on_qt_gui_thread(native: Any, work: Callable[[], None]) -> None:
    """Run `work` on the GUI thread of Qt's window `native`, whichever thread asks (bridge
    calls and the front door don't run on it): a zero timer in the window's own thread."""
    from qtpy import QtCore

    QtCore.QTimer.singleShot(0, native, work)
