"""Creating the desktop window and running it until the coach closes it.

This is the only module that imports pywebview and its engine (`guards.chosen_gui`: WebView2
on Windows, WKWebView on macOS, Qt on Linux); the command-line subcommands never load it, so
they start as fast as plain Python.
"""

from __future__ import annotations

import contextlib
import gc
import html
import importlib
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from judo_manager.db.layout import DataFolder
from judo_manager.i18n import _, current_language, language, speaking
from judo_manager.system.preferences import PreferencesFile
from judo_manager.window.guards import chosen_gui
from judo_manager.window.pages import FirstScreen, frontend_url, page_server_port, web_dir

if TYPE_CHECKING:
    from judo_manager.db import Database
    from judo_manager.wiring import AppServices

WINDOW_TITLE = "Judo Manager"
DEBUG_PORT_ENV = "JUDO_MANAGER_DEBUG_PORT"


def run_window(data_dir: Path, *, dev: bool) -> int:
    """Open the main window on the club database in `data_dir`; the process exit code.

    Until the page speaks for itself (each bridge call names its language), the app speaks
    the coach's language: the one chosen in Settings on this computer, else the system's.
    """
    spoken = PreferencesFile(data_dir).language()
    with speaking(spoken):
        return _run_window(data_dir, spoken, dev=dev)


def _run_window(data_dir: Path, spoken: str, *, dev: bool) -> int:
    from judo_manager.bridge import JudoManagerApi
    from judo_manager.db.database import refuse_network_folder
    from judo_manager.db.lock import DataFolderLock
    from judo_manager.errors import FolderInUseError, JudoManagerError, WindowEngineError
    from judo_manager.window.closing import CloseGuard
    from judo_manager.window.front import FrontDoor, bring_open_window_forward
    from judo_manager.window.handle import DesktopWindow
    from judo_manager.wiring import AppServices

    try:
        gui = chosen_gui()
        webview = _import_webview(gui)
    except WindowEngineError as error:
        # No window can show it: the console (if any) and a message box of the system's own.
        print(_("error: {message}", message=str(error)), file=sys.stderr)
        _tell_without_a_window(str(error))
        return 1
    folder = DataFolder(data_dir)
    lock = DataFolderLock(folder)
    try:
        if not dev and not (web_dir() / "index.html").exists():
            raise JudoManagerError(
                _(
                    "The app's screens are missing from this installation. "
                    "Run the setup command from the README again."
                )
            )
        # One window per data folder, taken before the data is even opened: a second
        # window would migrate it under the first, and save over its work.
        refuse_network_folder(folder.root)  # before anything is made there
        with contextlib.suppress(OSError):  # opening the data says why it can't be made
            folder.root.mkdir(parents=True, exist_ok=True)
        lock.acquire(
            _(
                "Switch to its window (it may be behind others), or close it before opening "
                "Judo Manager again."
            )
        )
        db, opened = _open(folder, spoken)
    except FolderInUseError as error:
        # The coach clicked the icon again: the open window comes forward instead.
        if bring_open_window_forward(folder):
            print(
                _(
                    "Judo Manager is already open with this club's data: its window was "
                    "brought to the front."
                )
            )
            return 0
        return _show_error(webview, gui, error)
    except JudoManagerError as error:
        return _show_error(webview, gui, error)

    services = AppServices.build(db)
    window_handle = DesktopWindow()
    api = JudoManagerApi(services, window_handle)
    # What the imports and the build made lives as long as the app: out of the collector's
    # reach before Qt starts, so neither a collection while the page loads nor the one when
    # it has loaded (`_freeze_startup_objects`) scans its 90,000 objects (40-50 ms a time).
    gc.freeze()
    window = webview.create_window(
        WINDOW_TITLE,
        url=frontend_url(dev, FirstScreen(language(spoken), data_opened=opened)),
        js_api=api,
        width=1200,
        height=800,
        # Small laptops and split screens: the pages fold their sidebar and filters down to
        # 800 x 600 (and below, at a large zoom).
        min_size=(640, 480),
        background_color="#f8fafc",
    )

    def zoom(factor: float) -> None:
        # Qt's zoom factor, kept across restarts. WebView2 zooms with the same keys itself;
        # WKWebView has no page zoom that pywebview reaches (the page's keys do nothing there).
        if gui == "qt":
            _zoom_page(window, factor)

    window_handle.attach(window, zoom)
    window.events.loaded += _freeze_startup_objects
    # The zoom the coach chose last time, from the first load on (and after a reload).
    window.events.loaded += lambda: zoom(_saved_zoom(services))
    # Closing the window (or Cmd+Q) during a backup or restore asks first, never cuts it short.
    window.events.closing += CloseGuard(
        services.jobs, window_handle, services.system.language
    ).on_closing
    front_door = FrontDoor(folder, window_handle.bring_to_front)
    front_door.open()
    try:
        webview.start(gui=gui, http_port=None if dev else page_server_port())
    finally:
        front_door.close()
        db.close()
        lock.release()
    return 0


def _show_error(webview: ModuleType, gui: str, error: Exception) -> int:
    """Say why the app can't start, in a small window of its own; the exit code."""
    print(_("error: {message}", message=str(error)), file=sys.stderr)
    webview.create_window(WINDOW_TITLE, html=_error_page(str(error)), width=640, height=320)
    webview.start(gui=gui)
    return 1


def _open(folder: DataFolder, spoken: str) -> tuple[Database, bool]:
    """The club's database, a new club's rules named in `spoken`, and whether it opened:
    it is left unopened when it is damaged, for the rescue screen to replace."""
    from judo_manager.db import Database, open_database
    from judo_manager.errors import DamagedDatabaseError

    try:
        return open_database(folder.database, language=spoken), True
    except DamagedDatabaseError as error:
        # The app opens all the same, on its rescue screen (`system.getDataProblem`): the
        # coach restores a backup from there. Nothing opens the damaged file meanwhile.
        print(_("error: {message}", message=str(error)), file=sys.stderr)
        return Database(folder.database), False


def _saved_zoom(services: AppServices) -> float:
    return services.system.preferences().zoom


def _zoom_page(window: object, factor: float) -> None:
    """Set the page's zoom on Qt's own thread, whichever thread asks (bridge calls don't run
    on it)."""
    from judo_manager.window.handle import on_qt_gui_thread

    native = window.native  # type: ignore[attr-defined]  # pywebview's Qt BrowserView
    on_qt_gui_thread(native, lambda: native.webview.setZoomFactor(factor))


def _freeze_startup_objects() -> None:
    """Move the objects made at start-up out of reach of the garbage collector.

    Qt and pywebview leave some 80,000 long-lived objects; every full collection scanned
    them all, pausing a bridge call (such as a 5,000-row roster) for 18 to 31 ms. Frozen, they
    are never scanned again. Repeated page loads just freeze what is new.
    """
    gc.collect()
    gc.freeze()


def _import_webview(gui: str) -> ModuleType:
    if gui == "qt":
        # pywebview's Qt backend goes through qtpy; name the binding so PyQt is never picked.
        os.environ.setdefault("QT_API", "pyside6")
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            # Chromium refuses to sandbox itself as root; QtWebEngine needs this to start.
            os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    import webview

    from judo_manager.window.guards import install_guards

    install_guards(gui)
    if gui == "qt":
        from judo_manager.window.dialogs import offer_file_types_when_saving

        offer_file_types_when_saving(importlib.import_module("webview.platforms.qt"))
    port = os.environ.get(DEBUG_PORT_ENV)
    if port:
        webview.settings["REMOTE_DEBUGGING_PORT"] = int(port)
    return webview


def _tell_without_a_window(message: str) -> None:
    """Show `message` where no web window can: Windows' own message box (the windowed app
    has no console), else only the console."""
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.MessageBoxW(None, message, WINDOW_TITLE, 0x10)  # type: ignore[attr-defined]


def _error_page(message: str) -> str:
    """The startup error window's page, in the language spoken now."""
    title = html.escape(str(_("Judo Manager can't start")))
    return f"""<!doctype html><html lang="{current_language()}">
    <body style="font-family: system-ui, sans-serif;
    background:#f8fafc;color:#0f172a;margin:0;padding:32px">
    <h1 style="font-size:20px;margin:0 0 12px">{title}</h1>
    <p role="alert" style="font-size:15px;line-height:1.5">{html.escape(message)}</p>
    </body></html>"""
