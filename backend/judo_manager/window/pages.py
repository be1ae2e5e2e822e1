"""Which page the window loads: the built frontend, or the Vite dev server."""

from __future__ import annotations

from pathlib import Path

DEV_SERVER_URL = "http://localhost:5173/"


def web_dir() -> Path:
    """The Vite build of the frontend, inside the package (or the PyInstaller bundle)."""
    return Path(__file__).resolve().parents[1] / "web"


def frontend_url(dev: bool) -> str:
    """What the window loads: the Vite dev server with `--dev`, else the built index.html.

    The built page is given by absolute path so that pywebview serves it over its local
    HTTP server; module scripts don't load from `file://`.
    """
    if dev:
        return DEV_SERVER_URL
    return str(web_dir() / "index.html")
