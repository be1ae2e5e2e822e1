"""Where the app keeps its data and finds its built frontend."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "Judo Manager"
DATA_DIR_ENV = "JUDO_MANAGER_DATA_DIR"
DATABASE_FILENAME = "judo_manager.db"
DEV_SERVER_URL = "http://localhost:5173/"


def resolve_data_dir(cli_value: str | None = None) -> Path:
    """The data folder: `--data-dir`, else `$JUDO_MANAGER_DATA_DIR`, else the OS's user data dir."""
    chosen = cli_value or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    from platformdirs import user_data_dir  # only needed here; keeps subcommands quick

    return Path(user_data_dir(APP_NAME, appauthor=False))


def database_path(data_dir: Path) -> Path:
    """The club database inside a data folder."""
    return data_dir / DATABASE_FILENAME


def web_dir() -> Path:
    """The Vite build of the frontend, inside the package (or the PyInstaller bundle)."""
    return Path(__file__).resolve().parent / "web"


def frontend_url(dev: bool) -> str:
    """What the window loads: the Vite dev server with `--dev`, else the built index.html.

    The built page is given by absolute path so that pywebview serves it over its local
    HTTP server; module scripts don't load from `file://`.
    """
    if dev:
        return DEV_SERVER_URL
    return str(web_dir() / "index.html")
