"""The window's start-up installs every guard of the bridge on the pywebview modules it uses.

The start-up path is run as the window runs it (`_import_webview`), without opening a
window; the checks look at the modules of Qt, the engine this system runs, and at every
pywebview module that holds a copy of a guarded function. tests/unit/test_engines.py checks
the engines of Windows and macOS, whose modules can't be imported here.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from types import ModuleType

import pytest

from judo_manager.bridge.guards import GUARD_MARK
from judo_manager.window import app
from judo_manager.window.guards import backend_modules


@pytest.fixture(scope="module")
def started() -> Iterator[tuple[ModuleType, ModuleType]]:
    """pywebview's util and backend modules, after the window's start-up prepared them."""
    with pytest.MonkeyPatch.context() as env:
        # _import_webview sets these for Qt when unset; keep them out of other tests.
        env.setenv("QT_API", "pyside6")
        env.setenv("QTWEBENGINE_DISABLE_SANDBOX", "1")
        env.delenv(app.DEBUG_PORT_ENV, raising=False)
        app._import_webview("qt")
        yield backend_modules("qt")


def _guarded(function: object) -> bool:
    return getattr(function, GUARD_MARK, False) is True


def test_the_backend_is_the_one_the_window_starts() -> None:
    _, backend = backend_modules("qt")
    assert backend.__name__ == "webview.platforms.qt"


def test_every_pywebview_module_dispatches_through_the_guard(
    started: tuple[ModuleType, ModuleType],
) -> None:
    util, backend = started
    # Qt's JSBridge.call reads `js_bridge_call` from its own module's globals.
    assert _guarded(backend.js_bridge_call)
    assert _guarded(util.js_bridge_call)
    holders = [
        name
        for name, module in list(sys.modules.items())
        if name.startswith("webview") and hasattr(module, "js_bridge_call")
    ]
    assert backend.__name__ in holders
    unguarded = [n for n in holders if not _guarded(sys.modules[n].js_bridge_call)]
    assert unguarded == []


def test_the_injected_script_builds_its_stubs_without_eval(
    started: tuple[ModuleType, ModuleType],
) -> None:
    util, _ = started
    assert _guarded(util.load_js_files)
    holders = [
        name
        for name, module in list(sys.modules.items())
        if name.startswith("webview") and hasattr(module, "load_js_files")
    ]
    assert [n for n in holders if not _guarded(sys.modules[n].load_js_files)] == []


def test_the_backend_page_is_held_to_the_app_page(
    started: tuple[ModuleType, ModuleType],
) -> None:
    _, backend = started
    page = backend.BrowserView.WebPage
    for name in ("__init__", "acceptNavigationRequest", "createWindow"):
        assert _guarded(getattr(page, name)), f"BrowserView.WebPage.{name} is pywebview's own"


def test_installing_twice_changes_nothing(
    started: tuple[ModuleType, ModuleType], monkeypatch: pytest.MonkeyPatch
) -> None:
    util, backend = started
    before = (
        backend.js_bridge_call,
        util.js_bridge_call,
        util.load_js_files,
        backend.BrowserView.WebPage.acceptNavigationRequest,
        backend.BrowserView.WebPage.__init__,
    )
    monkeypatch.setenv("QT_API", "pyside6")
    monkeypatch.setenv("QTWEBENGINE_DISABLE_SANDBOX", "1")
    app._import_webview("qt")
    after = (
        backend.js_bridge_call,
        util.js_bridge_call,
        util.load_js_files,
        backend.BrowserView.WebPage.acceptNavigationRequest,
        backend.BrowserView.WebPage.__init__,
    )
    assert after == before
