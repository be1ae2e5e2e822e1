"""Everything that guards the bridge, installed on pywebview before the window opens.

`install_guards` is the one place: the window's start-up (`app._import_webview`) calls it,
and tests/unit/test_guards_installed.py fails if any guard is missing from the modules of
the backend the window runs on (`GUI`).

- The dispatcher answers only the app's page, refuses private names and hands errors over
  without a traceback (`bridge.guards.guard_dispatch`); the api stubs need no `eval`
  (`bridge.guards.guard_stubs`), so the page's Content-Security-Policy can forbid it.
- The window's page never leaves the app's page (`guard_navigation`): no link, script,
  dropped file or redirect loads another page into it, no new window opens, and a link to
  another web site opens in the system browser.

The policy itself is written into the page by frontend/vite.config.ts.
"""

from __future__ import annotations

import importlib
import logging
import threading
import webbrowser
from types import ModuleType
from typing import Any

from judo_manager.bridge.guards import GUARD_MARK, guard_dispatch, guard_stubs
from judo_manager.window.pages import is_app_page, is_external_link, same_origin

logger = logging.getLogger(__name__)

# The pywebview backend the window runs on: `webview.start(gui=GUI)`.
GUI = "qt"


def backend_modules() -> tuple[ModuleType, ModuleType]:
    """pywebview's `webview.util` and the module of the backend named by `GUI`."""
    return (
        importlib.import_module("webview.util"),
        importlib.import_module(f"webview.platforms.{GUI}"),
    )


def install_guards() -> None:
    """Install every guard of the bridge on pywebview; safe to call more than once."""
    util, backend = backend_modules()
    # webview.platforms.qt did `from webview.util import js_bridge_call`: both names count.
    guard_dispatch(util, backend, from_app_page=_from_app_page)
    guard_stubs(util)
    guard_navigation(backend)


def _from_app_page(window: Any) -> bool:
    """Whether the window's page is on the app's origin now (called on Qt's GUI thread).

    A bridge call carries no origin of its own; it comes from the page of its window.
    """
    browser = window.native  # the backend's BrowserView, once the window exists
    if browser is None:
        return False
    return same_origin(browser.webview.url().toString(), window.real_url)


def guard_navigation(backend: ModuleType) -> None:
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


def _open_in_browser(url: str) -> None:
    logger.warning("opened %s in the system browser, not in the window", _shown(url))
    # webbrowser may wait for the browser command; the GUI thread must not.
    threading.Thread(target=webbrowser.open, args=(url, 2), daemon=True).start()


def _shown(url: str) -> str:
    """An address as the log shows it: a `data:` page would fill the log."""
    return url if len(url) <= 300 else f"{url[:300]}..."
