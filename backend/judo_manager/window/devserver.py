"""Starting the Vite dev server for `judo-manager --dev`."""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from judo_manager.errors import JudoManagerError
from judo_manager.i18n import _
from judo_manager.window.pages import DEV_SERVER_URL

FRONTEND_DIR = Path(__file__).resolve().parents[3] / "frontend"
START_TIMEOUT_S = 30.0


def ensure_dev_server() -> subprocess.Popen[bytes] | None:
    """Start `npm run dev` in `frontend/` unless a dev server already answers.

    Returns the server we started, for the caller to stop when the window closes.
    """
    if _answers():
        return None
    npm = shutil.which("npm")
    if npm is None or not (FRONTEND_DIR / "package.json").exists():
        raise JudoManagerError(_("--dev needs a source checkout with frontend/ and npm installed."))
    server = subprocess.Popen([npm, "run", "dev"], cwd=FRONTEND_DIR)
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if _answers():
            return server
        time.sleep(0.2)
    server.terminate()
    raise JudoManagerError(
        _("The Vite dev server did not start at {address}.", address=DEV_SERVER_URL)
    )


def _answers() -> bool:
    try:
        with urllib.request.urlopen(DEV_SERVER_URL, timeout=0.5):
            return True
    except (urllib.error.URLError, OSError):
        return False
