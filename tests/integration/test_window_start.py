"""What the window's start loads: only what the first screen needs."""

from __future__ import annotations

import subprocess
import sys

from judo_manager.db import Database


def test_the_window_start_loads_no_spreadsheet_pdf_or_workbook_library(db: Database) -> None:
    # The coach waits for the window while it starts: openpyxl (and the Pillow it brings)
    # once cost it 0.16 s, and a spreadsheet or a PDF is only made when asked (issue 20).
    # The probe does what `window.app` does before the window shows: the command line, the
    # engine with its guards, the services and the bridge on the club's database.
    probe = (
        "import sys; import judo_manager.cli; "
        "from judo_manager.window.app import _import_webview; "
        "from judo_manager.bridge import JudoManagerApi; "
        "from judo_manager.db import open_database; "
        "from judo_manager.window.handle import DesktopWindow; "
        "from judo_manager.wiring import AppServices; "
        "_import_webview('qt'); "
        f"db = open_database(__import__('pathlib').Path({str(db.path)!r})); "
        "JudoManagerApi(AppServices.build(db), DesktopWindow()); "
        "heavy = ('openpyxl', 'PIL', 'fpdf', 'python_calamine'); "
        "print('PySide6' in sys.modules, [m for m in heavy if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.strip() == "True []", result.stdout + result.stderr
