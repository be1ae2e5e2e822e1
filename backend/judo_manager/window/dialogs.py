"""The native file dialogs, the file manager and the system's viewer: the one seam where
tests may answer in the coach's place.

Everything else reaches them through these functions, so a test launcher can replace them
and nothing else. The page never passes a path to Python; paths come from here. Titles and
file types come translated, in the language of the call that opens the dialog.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from judo_manager.errors import DialogError
from judo_manager.i18n import _

T = TypeVar("T")


def ask_save_path(
    window: Any, *, title: str, directory: Path, filename: str, file_types: tuple[str, ...]
) -> Path | None:
    """Show the native save dialog titled `title`; the chosen path, or None if the coach
    cancelled."""
    import webview

    # pywebview titles its Qt and macOS save dialogs with this word of its own.
    window.localization["global.saveFile"] = title
    chosen = on_gui_thread(
        window,
        lambda: window.create_file_dialog(
            webview.FileDialog.SAVE,
            directory=str(directory),
            save_filename=filename,
            file_types=file_types,
        ),
    )
    return _first_path(chosen)


def ask_open_path(
    window: Any, *, title: str, directory: Path, file_types: tuple[str, ...]
) -> Path | None:
    """Show the native open dialog titled `title`; the chosen file, or None if the coach
    cancelled."""
    import webview

    # pywebview titles its Qt open dialog with this word of its own.
    window.localization["linux.openFile"] = title
    chosen = on_gui_thread(
        window,
        lambda: window.create_file_dialog(
            webview.FileDialog.OPEN, directory=str(directory), file_types=file_types
        ),
    )
    return _first_path(chosen)


def on_gui_thread(window: Any, show: Callable[[], T]) -> T:
    """Run `show` (a native dialog) on the window's GUI thread, and wait for its answer.

    pywebview's Qt and Cocoa backends hand their dialogs to the GUI thread themselves. Its
    WinForms backend shows them from the calling thread, a bridge thread here, which can
    hang the app: the dialog is given to the form's own thread with `Control.Invoke`.
    """
    form = window.native
    if sys.platform != "win32" or form is None or not getattr(form, "InvokeRequired", False):
        return show()
    from System import Func, Type  # type: ignore[import-not-found]  # pythonnet, on Windows

    answer: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            answer.append(show())
        except BaseException as error:  # handed back to the bridge thread below
            failure.append(error)

    form.Invoke(Func[Type](run))
    if failure:
        raise failure[0]
    return answer[0]


def offer_file_types_when_saving(qt_backend: Any) -> None:
    """Make pywebview's Qt save dialog offer the file types it is given, as its open dialog
    does (it passes them to the open dialog only): "Judo Manager backups (*.db)" first."""
    view = qt_backend.BrowserView
    if getattr(view.on_file_dialog, "_judo_manager_file_types", False):
        return
    pywebview_dialog = view.on_file_dialog
    save = qt_backend.FileDialog.SAVE

    def on_file_dialog(
        self: Any,
        dialog_type: int,
        directory: str,
        allow_multiple: bool,
        save_filename: str,
        file_filter: str,
    ) -> None:
        if dialog_type != save or not file_filter:
            pywebview_dialog(
                self, dialog_type, directory, allow_multiple, save_filename, file_filter
            )
            return
        start = os.path.join(str(directory), str(save_filename)) if directory else save_filename
        self._file_name = qt_backend.QFileDialog.getSaveFileName(
            self, self.localization["global.saveFile"], start, file_filter
        )
        self._file_name_semaphore.release()

    on_file_dialog._judo_manager_file_types = True  # type: ignore[attr-defined]
    view.on_file_dialog = on_file_dialog


def show_folder(folder: Path) -> None:
    """Open `folder` in the system's file manager, without waiting for it."""
    if sys.platform == "win32":
        os.startfile(folder)  # type: ignore[attr-defined]
        return
    opener = shutil.which("open" if sys.platform == "darwin" else "xdg-open")
    if opener is None:
        raise DialogError(
            _("No file manager could be opened here. The folder is {folder}.", folder=folder)
        )
    subprocess.Popen([opener, str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def open_file(path: Path) -> None:
    """Open `path` in the system's viewer for its kind (a PDF reader), without waiting."""
    if sys.platform == "win32":
        os.startfile(path)  # type: ignore[attr-defined]
        return
    opener = shutil.which("open" if sys.platform == "darwin" else "xdg-open")
    if opener is None:
        raise DialogError(
            _(
                "No program to open {name} was found on this computer. Use Save a copy… and "
                "open the copy yourself.",
                name=path.name,
            )
        )
    subprocess.Popen([opener, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _first_path(chosen: str | tuple[str, ...] | list[str] | None) -> Path | None:
    if not chosen:
        return None
    return Path(chosen if isinstance(chosen, str) else chosen[0])
