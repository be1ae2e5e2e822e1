"""Everything that guards the bridge, installed on pywebview before the window opens.

`install_guards` is the one place: the window's start-up (`app._import_webview`) calls it
for the engine `chosen_gui` picks, and tests/unit/test_guards_installed.py fails if any
guard is missing from the modules of any engine the app can run on.

One engine per system, chosen here: WebView2 (pywebview's "edgechromium", through its
WinForms backend) on Windows, WKWebView ("cocoa") on macOS, Qt WebEngine ("qt") on Linux.
`PYWEBVIEW_GUI` may name another of these three; an engine the guards don't know (GTK, CEF,
MSHTML) is refused rather than run unguarded.

- The dispatcher answers only the app's page, refuses private names and hands errors over
  without a traceback (`bridge.guards.guard_dispatch`); the api stubs need no `eval`
  (`bridge.guards.guard_stubs`), so the page's Content-Security-Policy can forbid it.
- The window's page never leaves the app's page (`guard_*_navigation`): no link, script,
  dropped file or redirect loads another page into it, no new window opens, and a link to
  another web site opens in the system browser.

The policy itself is written into the page by frontend/vite.config.ts.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import threading
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from judo_manager.bridge.guards import GUARD_MARK, guard_dispatch, guard_stubs
from judo_manager.errors import WindowEngineError
from judo_manager.i18n import Message, _
from judo_manager.window.pages import is_app_page, is_external_link, same_origin

logger = logging.getLogger(__name__)

GUI_ENV = "PYWEBVIEW_GUI"
# The engine of each system; anything else (Linux, the BSDs) runs Qt.
GUI_BY_SYSTEM = {"win32": "edgechromium", "darwin": "cocoa"}
DEFAULT_GUI = "qt"
# Where WebView2's runtime comes from, for a Windows without it (Windows 10 before 2021).
WEBVIEW2_DOWNLOAD = "https://developer.microsoft.com/microsoft-edge/webview2/"


def chosen_gui(system: str = sys.platform, environ: Any = os.environ) -> str:
    """The engine the window runs on: this system's, or the guarded one PYWEBVIEW_GUI names."""
    override = environ.get(GUI_ENV, "").strip().lower()
    if override:
        if override not in ENGINES:
            raise WindowEngineError(
                _(
                    "{variable}={value} names a window engine Judo Manager can't run safely. "
                    "Use one of {engines}, or leave {variable} unset.",
                    variable=GUI_ENV,
                    value=override,
                    engines=", ".join(sorted(ENGINES)),
                )
            )
        return override
    return GUI_BY_SYSTEM.get(system, DEFAULT_GUI)


@dataclass(frozen=True)
class Engine:
    """What guarding one pywebview engine takes."""

    # The module that calls `js_bridge_call` when the page calls the bridge.
    dispatcher: str
    # The address of the page a window shows now (read on the engine's GUI thread).
    page_url: Callable[[ModuleType, Any], str | None]
    guard_navigation: Callable[[ModuleType], None]
    # What must be imported first, so that `dispatcher` is the module pywebview will use.
    prepare: Callable[[], None] = lambda: None


def backend_modules(gui: str | None = None) -> tuple[ModuleType, ModuleType]:
    """pywebview's `webview.util` and the module of `gui` (the chosen engine) that dispatches."""
    engine = ENGINES[gui or chosen_gui()]
    engine.prepare()
    return (
        importlib.import_module("webview.util"),
        importlib.import_module(engine.dispatcher),
    )


def install_guards(gui: str | None = None) -> None:
    """Install every guard of the bridge on pywebview's `gui`; safe to call more than once."""
    gui = gui or chosen_gui()
    engine = ENGINES[gui]
    util, backend = backend_modules(gui)
    # The backend did `from webview.util import js_bridge_call`: both names count.
    guard_dispatch(
        util, backend, from_app_page=lambda window: _from_app_page(engine, backend, window)
    )
    guard_stubs(util)
    engine.guard_navigation(backend)


def _from_app_page(engine: Engine, backend: ModuleType, window: Any) -> bool:
    """Whether the window's page is on the app's origin now (called on the GUI thread).

    A bridge call carries no origin of its own; it comes from the page of its window.
    """
    if window.native is None:  # the backend's window, once it exists
        return False
    url = engine.page_url(backend, window)
    return url is not None and same_origin(url, window.real_url)


def _qt_page_url(backend: ModuleType, window: Any) -> str | None:
    return str(window.native.webview.url().toString())


def _edge_page_url(backend: ModuleType, window: Any) -> str | None:
    # window.native is WinForms' BrowserForm; its `browser` is pywebview's EdgeChrome.
    control = window.native.browser.webview
    return None if control.Source is None else str(control.Source)


def _cocoa_page_url(backend: ModuleType, window: Any) -> str | None:
    view = backend.BrowserView.instances.get(window.uid)
    url = None if view is None else view.webview.URL()
    return None if url is None else str(url.absoluteString())


def _prepare_edgechromium() -> None:
    """Import pywebview's WinForms backend, which picks its renderer as it is imported:
    WebView2 if the runtime is installed, else Internet Explorer's MSHTML, which the app
    refuses."""
    winforms = importlib.import_module("webview.platforms.winforms")
    if getattr(winforms, "renderer", None) != "edgechromium":
        raise WindowEngineError(missing_webview2_message())


def missing_webview2_message() -> Message:
    """What a Windows without the WebView2 runtime is told."""
    return _(
        "Judo Manager needs Microsoft Edge WebView2, which is missing on this computer. "
        'The Judo Manager installer adds it; or download the "Evergreen Bootstrapper" '
        "from {address}, run it, and start Judo Manager again.",
        address=WEBVIEW2_DOWNLOAD,
    )


def guard_qt_navigation(backend: ModuleType) -> None:
    """Hold the page of each window of the Qt backend to the app's page.

    pywebview's `BrowserView.WebPage` gets the methods; it can't be replaced by a subclass,
    as its `__init__` calls `super(BrowserView.WebPage, self)`.
    """
    page_class = backend.BrowserView.WebPage
    if getattr(page_class.acceptNavigationRequest, GUARD_MARK, False):
        return
    typed = backend.QWebPage.NavigationType.NavigationTypeTyped
    link_clicked = backend.QWebPage.NavigationType.NavigationTypeLinkClicked
    pywebview_init = page_class.__init__

    def init(self: Any, parent: Any = None, profile: Any = None) -> None:
        pywebview_init(self, parent, profile)
        self.judo_manager_window = parent.pywebview_window
        self.newWindowRequested.connect(self.judo_manager_refuse_new_window)

    def acceptNavigationRequest(self: Any, url: Any, nav_type: Any, is_main_frame: bool) -> bool:  # noqa: N802
        """Only the one address Python had the window load (`window.real_url`)."""
        target = url.toString()
        app_url = self.judo_manager_window.real_url
        if is_app_page(target, app_url):
            return True
        if app_url is None and is_main_frame and nav_type == typed and url.scheme() == "data":
            return True  # a window of Python's own HTML (the start-up error), via setHtml
        if is_main_frame and nav_type == link_clicked and is_external_link(target, app_url):
            _open_in_browser(target)
        else:
            logger.warning("refused to load %s in the window", _shown(target))
        return False

    def judo_manager_refuse_new_window(self: Any, request: Any) -> None:
        """A link to another web site opens in the browser; nothing opens a window."""
        target = request.requestedUrl().toString()
        if is_external_link(target, self.judo_manager_window.real_url):
            _open_in_browser(target)
        else:
            logger.warning("refused to load %s in a new window", _shown(target))

    def createWindow(self: Any, window_type: Any) -> None:  # noqa: N802
        # Asked after `newWindowRequested`: no page, so no window. pywebview's own stand-in
        # page would open any address, file:// too, in the system browser.
        return None

    for name, method in (
        ("__init__", init),
        ("acceptNavigationRequest", acceptNavigationRequest),
        ("judo_manager_refuse_new_window", judo_manager_refuse_new_window),
        ("createWindow", createWindow),
    ):
        setattr(method, GUARD_MARK, True)
        setattr(page_class, name, method)


def _allowed(target: str, app_url: str | None) -> bool:
    """The app's page, or (for a window of Python's own HTML) the blank or data page
    that the engine shows it in."""
    if is_app_page(target, app_url):
        return True
    return app_url is None and (target.startswith("data:") or target == "about:blank")


def guard_edgechromium_navigation(backend: ModuleType) -> None:
    """Hold WebView2's page to the app's page (pywebview's `EdgeChrome` handlers).

    The handlers are bound when each window's control is made, after start-up installed
    these on the class.
    """
    chrome = backend.EdgeChrome
    if getattr(chrome.on_navigation_start, GUARD_MARK, False):
        return
    pywebview_start = chrome.on_navigation_start

    def on_navigation_start(self: Any, sender: Any, args: Any) -> None:
        target = str(args.Uri)
        app_url = self.pywebview_window.real_url
        if _allowed(target, app_url):
            pywebview_start(self, sender, args)
            return
        args.Cancel = True
        if args.IsUserInitiated and is_external_link(target, app_url):
            _open_in_browser(target)
        else:
            logger.warning("refused to load %s in the window", _shown(target))

    def on_new_window_request(self: Any, sender: Any, args: Any) -> None:
        args.set_Handled(True)  # no window opens: pywebview would load any address here
        target = str(args.get_Uri())
        if is_external_link(target, self.pywebview_window.real_url):
            _open_in_browser(target)
        else:
            logger.warning("refused to load %s in a new window", _shown(target))

    for name, method in (
        ("on_navigation_start", on_navigation_start),
        ("on_new_window_request", on_new_window_request),
    ):
        setattr(method, GUARD_MARK, True)
        setattr(chrome, name, method)


def guard_cocoa_navigation(backend: ModuleType) -> None:
    """Hold WKWebView's page to the app's page (pywebview's `BrowserView.BrowserDelegate`).

    PyObjC turns a function set on an Objective-C class into its method, with the selector's
    signature from WebKit's protocol.
    """
    delegate = backend.BrowserView.BrowserDelegate
    decide_name = "webView_decidePolicyForNavigationAction_decisionHandler_"
    create_name = "webView_createWebViewWithConfiguration_forNavigationAction_windowFeatures_"
    if getattr(getattr(delegate, decide_name), GUARD_MARK, False):
        return
    pywebview_decide = getattr(delegate, decide_name)
    cancel, link = 0, 0  # WKNavigationActionPolicyCancel, WKNavigationTypeLinkActivated

    def decide(self: Any, webview: Any, action: Any, handler: Any) -> None:
        target = str(action.request().URL().absoluteString())
        view = backend.BrowserView.get_instance("webview", webview)
        app_url = None if view is None else view.pywebview_window.real_url
        if _allowed(target, app_url):
            pywebview_decide(self, webview, action, handler)
            return
        if action.navigationType() == link and is_external_link(target, app_url):
            _open_in_browser(target)
        else:
            logger.warning("refused to load %s in the window", _shown(target))
        handler(cancel)

    def create(self: Any, webview: Any, config: Any, action: Any, features: Any) -> None:
        target = str(action.request().URL().absoluteString())
        view = backend.BrowserView.get_instance("webview", webview)
        if is_external_link(target, None if view is None else view.pywebview_window.real_url):
            _open_in_browser(target)
        else:
            logger.warning("refused to load %s in a new window", _shown(target))
        return None  # no new web view: no window opens

    for function in (decide, create):
        setattr(function, GUARD_MARK, True)
    setattr(delegate, decide_name, decide)
    setattr(delegate, create_name, create)


ENGINES: dict[str, Engine] = {
    "qt": Engine("webview.platforms.qt", _qt_page_url, guard_qt_navigation),
    "edgechromium": Engine(
        "webview.platforms.edgechromium",
        _edge_page_url,
        guard_edgechromium_navigation,
        prepare=_prepare_edgechromium,
    ),
    "cocoa": Engine("webview.platforms.cocoa", _cocoa_page_url, guard_cocoa_navigation),
}


def _open_in_browser(url: str) -> None:
    logger.warning("opened %s in the system browser, not in the window", _shown(url))
    # webbrowser may wait for the browser command; the GUI thread must not.
    threading.Thread(target=webbrowser.open, args=(url, 2), daemon=True).start()


def _shown(url: str) -> str:
    """An address as the log shows it: a `data:` page would fill the log."""
    return url if len(url) <= 300 else f"{url[:300]}..."
