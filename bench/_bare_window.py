"""The baseline of bench/start.py: a bare pywebview window on Qt, as little as a window can be.

A static page with the sidebar's Settings button and a bridge of one method,
`system.getAppInfo`, so the same watcher times it as it times the app. Its debugging port
is the one named in JUDO_MANAGER_DEBUG_PORT, as the app's is.

    .venv/bin/python bench/_bare_window.py
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_API", "pyside6")
import webview  # after QT_API: pywebview's qtpy picks the binding on import

PAGE = """<!doctype html><html><body style="margin:0;background:#f8fafc;font-family:sans-serif">
<nav><button>Settings</button></nav><main><h1>Dashboard</h1></main></body></html>"""


class System:
    """The one namespace the watcher calls."""

    def getAppInfo(self) -> dict[str, str]:  # noqa: N802  # the bridge's camelCase
        """A constant answer: the round trip is what is timed."""
        return {"version": "0"}


class Api:
    """The bare window's bridge: one namespace, one method."""

    def __init__(self) -> None:
        self.system = System()


def main() -> None:
    """Open the bare window until it is closed (the bench ends it)."""
    webview.settings["REMOTE_DEBUGGING_PORT"] = int(os.environ["JUDO_MANAGER_DEBUG_PORT"])
    webview.create_window("bare", html=PAGE, js_api=Api(), width=1200, height=800)
    webview.start(gui="qt")


if __name__ == "__main__":
    main()
