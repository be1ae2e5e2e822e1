"""One engine per system, and the bridge's guards on each engine pywebview could pick.

WebView2's and WKWebView's pywebview modules import Windows' and macOS's own libraries
(pythonnet, PyObjC), so they can't be imported here. Two checks stand in for running them:
their source, read from the installed pywebview, still dispatches bridge calls through
`webview.util.js_bridge_call` and still has the handlers the navigation guard replaces;
and `install_guards` really replaces them, on a module of the same shape. The workflow's
Windows and macOS runners start the real window.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from judo_manager.bridge.guards import GUARD_MARK
from judo_manager.errors import WindowEngineError
from judo_manager.window import guards
from judo_manager.window.guards import ENGINES, chosen_gui

# The handlers each engine's navigation guard replaces: (class path, method).
NAVIGATION_HOOKS = {
    # Qt's page class gets acceptNavigationRequest from Qt; pywebview's __init__ is wrapped.
    "qt": [("BrowserView.WebPage", "__init__"), ("BrowserView.WebPage", "createWindow")],
    "edgechromium": [
        ("EdgeChrome", "on_navigation_start"),
        ("EdgeChrome", "on_new_window_request"),
    ],
    "cocoa": [
        ("BrowserView.BrowserDelegate", "webView_decidePolicyForNavigationAction_decisionHandler_"),
        (
            "BrowserView.BrowserDelegate",
            "webView_createWebViewWithConfiguration_forNavigationAction_windowFeatures_",
        ),
    ],
}


@pytest.mark.parametrize(
    ("system", "engine"), [("win32", "edgechromium"), ("darwin", "cocoa"), ("linux", "qt")]
)
def test_each_system_runs_its_own_engine(system: str, engine: str) -> None:
    assert chosen_gui(system, {}) == engine


def test_pywebview_gui_overrides_with_a_guarded_engine() -> None:
    assert chosen_gui("darwin", {"PYWEBVIEW_GUI": "qt"}) == "qt"
    assert chosen_gui("linux", {"PYWEBVIEW_GUI": " QT "}) == "qt"


@pytest.mark.parametrize("unguarded", ["gtk", "cef", "mshtml", "android", "winforms"])
def test_an_engine_the_guards_dont_know_is_refused(unguarded: str) -> None:
    with pytest.raises(WindowEngineError, match="can't run safely"):
        chosen_gui("linux", {"PYWEBVIEW_GUI": unguarded})


def test_every_engine_pywebview_could_pick_here_is_guarded() -> None:
    assert set(ENGINES) == {"qt", "edgechromium", "cocoa"} == set(NAVIGATION_HOOKS)


def _source_of(module: str) -> ast.Module:
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None, f"pywebview has no {module}"
    return ast.parse(Path(spec.origin).read_text())


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_the_engine_dispatches_bridge_calls_through_the_guarded_function(engine: str) -> None:
    tree = _source_of(ENGINES[engine].dispatcher)
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "webview.util"
        for alias in node.names
    }
    called = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    # From its own module's globals: the name `guard_dispatch` replaces there.
    assert "js_bridge_call" in imported and "js_bridge_call" in called


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_the_engine_still_has_the_handlers_the_navigation_guard_replaces(engine: str) -> None:
    tree = _source_of(ENGINES[engine].dispatcher)
    for class_path, method in NAVIGATION_HOOKS[engine]:
        body: list[ast.stmt] = tree.body
        for name in class_path.split("."):
            (found,) = [n for n in body if isinstance(n, ast.ClassDef) and n.name == name]
            body = found.body
        methods = {n.name for n in body if isinstance(n, ast.FunctionDef)}
        assert method in methods, f"{class_path}.{method} is gone from pywebview's {engine}"


def _stand_in(engine: str) -> types.ModuleType:
    """A module shaped as pywebview's `engine` module is, for what the guards touch."""
    import webview.util

    module = types.ModuleType(ENGINES[engine].dispatcher)
    module.js_bridge_call = webview.util.js_bridge_call  # type: ignore[attr-defined]
    classes: dict[str, Any] = {}
    for class_path, method in NAVIGATION_HOOKS[engine]:
        owner = classes.setdefault(class_path, type(class_path.split(".")[-1], (), {}))
        setattr(owner, method, lambda *args: None)
    if engine == "edgechromium":
        module.EdgeChrome = classes["EdgeChrome"]  # type: ignore[attr-defined]
    else:
        view = type("BrowserView", (), {"BrowserDelegate": classes["BrowserView.BrowserDelegate"]})
        module.BrowserView = view  # type: ignore[attr-defined]
    return module


@pytest.mark.parametrize("engine", ["edgechromium", "cocoa"])
def test_start_up_installs_every_guard_on_the_engine_of_windows_and_macos(
    engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import webview.util

    module = _stand_in(engine)
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setattr(webview.util, "js_bridge_call", webview.util.js_bridge_call)
    monkeypatch.setattr(webview.util, "load_js_files", webview.util.load_js_files)
    monkeypatch.setitem(
        guards.ENGINES,
        engine,
        guards.ENGINES[engine].__class__(
            ENGINES[engine].dispatcher, ENGINES[engine].page_url, ENGINES[engine].guard_navigation
        ),
    )  # without `prepare`, which imports the real WinForms backend

    guards.install_guards(engine)

    assert getattr(module.js_bridge_call, GUARD_MARK, False)
    assert getattr(webview.util.js_bridge_call, GUARD_MARK, False)
    assert getattr(webview.util.load_js_files, GUARD_MARK, False)
    for class_path, method in NAVIGATION_HOOKS[engine]:
        owner: Any = module
        for name in class_path.split("."):
            owner = getattr(owner, name)
        assert getattr(getattr(owner, method), GUARD_MARK, False), f"{class_path}.{method}"


def test_a_windows_without_webview2_is_told_where_to_get_it() -> None:
    message = str(guards.missing_webview2_message())
    assert "WebView2" in message and guards.WEBVIEW2_DOWNLOAD in message
