"""The one-folder bundle, started as a coach would start it: its window, its version, a backup
through the real Qt save dialog, and an update's first start on data from an older version.

The bundle is frozen, so the dialog seam that the e2e tests replace (tests/e2e/launch_app.py)
can't be swapped in here: every dialog is Qt's real one, answered with xdotool.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from judo_manager import __version__
from judo_manager.db import open_database
from judo_manager.db.layout import database_path
from judo_manager.db.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, migrate
from tests.conftest import assert_valid_backup
from tests.e2e.conftest import ROOT, LaunchApp, save_screenshot
from tests.e2e.native import SAVE_DIALOG_TITLE, type_path_and_accept, xdotool
from tests.tournament_club import TournamentClub

ATHLETES = 25
# Generous for a slow machine; every wait ends as soon as its condition holds.
UI_TIMEOUT_MS = 30_000


@pytest.fixture
def coach_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A private home for the app, and no trace of this repository's Python in its way.

    The bundle must not need the venv: no PYTHON* variables, and a PATH without .venv/bin.
    """
    for name in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV", "QT_API"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PATH", os.pathsep.join(("/usr/local/bin", "/usr/bin", "/bin")))
    home = tmp_path / "home"
    home.mkdir()
    return {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}


def test_the_window_opens_and_settings_shows_the_version(
    bundle: Path, launch_app: LaunchApp, coach_env: dict[str, str]
) -> None:
    # A German desktop: the bundle keeps only Chromium's en-US strings, which it falls back to.
    app = launch_app(executable=bundle, env={**coach_env, "LANG": "de_DE.UTF-8"})
    page = app.page

    nav = page.get_by_role("navigation")
    expect(nav.get_by_role("button", name="Athletes")).to_be_visible(timeout=UI_TIMEOUT_MS)
    expect(page.get_by_text("No athletes yet")).to_be_visible()
    # The window's class is what the desktop entry's StartupWMClass names.
    search = ["search", "--pid", str(app.process.pid), "--classname", "^judo-manager$"]
    assert xdotool(*search).split(), "no window of class judo-manager"
    _open_settings(page)
    expect(_value(page, "App version")).to_have_text(__version__)
    expect(_value(page, "Schema version")).to_have_text(str(SCHEMA_VERSION))
    expect(_value(page, "Data folder")).to_have_text(str(app.data_dir))
    save_screenshot(page, "bundle-settings")

    # Everything the running app has mapped comes from the bundle or the system, never from
    # the Python that built it.
    builders = {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve(), ROOT / "backend"}
    mapped = _mapped_files(app.process.pid)
    assert mapped, "nothing mapped: is this Linux?"
    assert not [path for path in mapped if any(p in path.parents for p in builders)]
    assert "Traceback" not in app.log()


def test_the_bundle_speaks_indonesian_on_an_indonesian_system(
    bundle: Path, launch_app: LaunchApp, coach_env: dict[str, str], tmp_path: Path
) -> None:
    indonesian = {**coach_env, "LANG": "id_ID.UTF-8"}
    data = tmp_path / "data"
    # Python's catalog and Babel's Indonesian numbers are in the bundle: "1.500", not "1,500".
    made = _run(bundle, data, "demo", "--athletes", "1500", env=indonesian)
    assert made.stdout.startswith("1.500 atlet contoh ditambahkan"), made.stdout
    # The club was made by an Indonesian command: its default belts are named in Indonesian.
    with sqlite3.connect(database_path(data)) as conn:
        assert conn.execute("SELECT name FROM belts ORDER BY rank").fetchone() == ("Sabuk Putih",)

    page = launch_app(data, executable=bundle, env=indonesian).page
    # The app opens on the Dashboard, in Indonesian; the roster is one click away.
    expect(page.get_by_role("heading", level=1, name="Dasbor")).to_be_visible(timeout=UI_TIMEOUT_MS)
    page.get_by_role("navigation").get_by_role("button", name="Atlet").click()
    expect(page.get_by_role("heading", level=1, name="Atlet")).to_be_visible(timeout=UI_TIMEOUT_MS)
    # The active ones of the 1.500 (the roster hides the inactive), grouped as Indonesian does.
    expect(page.get_by_test_id("roster-count")).to_have_text(
        re.compile(r"^Menampilkan 1\.\d{3} dari 1\.500 atlet$")
    )
    page.get_by_role("navigation").get_by_role("button", name="Pengaturan").click()
    expect(page.get_by_role("combobox", name="Bahasa")).to_have_value("system")
    expect(page.get_by_role("region", name="Cadangan terakhir")).to_contain_text(
        "Belum pernah dicadangkan"
    )
    save_screenshot(page, "bundle-settings-indonesian")


def test_export_through_the_real_qt_save_dialog(
    bundle: Path, launch_app: LaunchApp, coach_env: dict[str, str], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    _run(bundle, data, "demo", "--athletes", str(ATHLETES), env=coach_env)
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    app = launch_app(data, executable=bundle, env=coach_env)
    page = app.page
    _open_settings(page)
    expect(_value(page, "Athletes")).to_have_text(str(ATHLETES))

    target = stick / "club-backup.db"
    page.get_by_role("button", name="Export Database").click()
    type_path_and_accept(app, SAVE_DIALOG_TITLE, str(target))

    toast = page.get_by_role("status").filter(has_text="Backup saved: club-backup.db")
    expect(toast).to_be_visible(timeout=UI_TIMEOUT_MS)
    expect(toast).to_contain_text(f"{ATHLETES} athletes")
    expect(page.get_by_role("region", name="Last backup")).to_contain_text(str(target))
    save_screenshot(page, "bundle-export-succeeded")
    assert sorted(os.listdir(stick)) == ["club-backup.db"]  # nothing half-written beside it
    assert_valid_backup(target, ATHLETES)


def test_an_update_migrates_data_from_an_older_version_on_first_start(
    bundle: Path, coach_env: dict[str, str], tmp_path: Path
) -> None:
    # The data folder lives outside the bundle, so an update meets the old version's data.
    data = tmp_path / "data"
    data.mkdir()
    conn = sqlite3.connect(database_path(data))
    try:
        migrate(conn, 0, MIGRATIONS[:1])
        with conn:
            conn.execute("INSERT INTO clubs(id, name, city) VALUES (1, 'Judo Club Bogor', 'Bogor')")
            conn.executemany(
                "INSERT INTO athletes(club_id, full_name, birth_date, sex) VALUES (1, ?, ?, ?)",
                [("Ayu Lestari", "2010-04-02", "F"), ("Budi Santoso", "2009-11-19", "M")],
            )
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    finally:
        conn.close()

    out = tmp_path / "after-update.db"
    printed = _run(bundle, data, "backup", str(out), env=coach_env).stdout

    assert "2 athletes" in printed
    assert_valid_backup(out, 2)
    _assert_schema(database_path(data))  # the live data itself was migrated, not just the copy
    conn = sqlite3.connect(f"{out.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT name, city FROM clubs").fetchall() == [
            ("Judo Club Bogor", "Bogor")
        ]
        assert conn.execute("SELECT full_name FROM athletes ORDER BY id").fetchall() == [
            ("Ayu Lestari",),
            ("Budi Santoso",),
        ]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema")}
        assert "backup_log" in tables  # added by the second migration
    finally:
        conn.close()


def test_subcommands_load_no_qt(bundle: Path, coach_env: dict[str, str], tmp_path: Path) -> None:
    # As from the venv, a subcommand starts without Qt (build/hooks says why that needs care).
    # glibc's loader names every library it opens when LD_DEBUG=files.
    data = tmp_path / "data"
    _run(bundle, data, "demo", "--athletes", "3", env=coach_env)
    traced = {**coach_env, "LD_DEBUG": "files"}
    done = _run(bundle, data, "backup", str(tmp_path / "copy.db"), env=traced)

    loaded = set(re.findall(r"file=(\S+)", done.stderr))
    assert any("libpython" in name for name in loaded), "LD_DEBUG printed nothing usable"
    assert not [name for name in loaded if "Qt6" in name or "pyside6" in name.lower()]


def test_entry_sheets_in_any_script_come_out_of_the_bundle(
    bundle: Path, coach_env: dict[str, str], tmp_path: Path
) -> None:
    # The fonts are read from the bundle itself, not from this system: the coach's may have
    # none for Vietnamese or Japanese names.
    data = tmp_path / "data"
    data.mkdir()
    db = open_database(database_path(data))
    club = TournamentClub.on(db)
    names = ("Öztürk, Ayşe", "Nguyễn Văn An", "山田太郎")
    entered = [club.athlete(name) for name in names]
    club.enter(club.tournament("Jakarta Open"), *entered)
    db.close()

    sheet = tmp_path / "entries.pdf"
    _run(bundle, data, "tournaments", "entry-sheet", "1", str(sheet), env=coach_env)
    _run(bundle, data, "athletes", "export", str(tmp_path / "athletes.xlsx"), env=coach_env)

    reader = PdfReader(sheet)
    text = reader.pages[0].extract_text()
    assert all(name in text for name in names), text
    fonts = {
        str(f.get_object()["/BaseFont"]) for f in reader.pages[0]["/Resources"]["/Font"].values()
    }
    assert {name.split("+")[1] for name in fonts} == {
        "DejaVuSansBook",
        "DejaVuSansBold",
        "DroidSansFallback",
    }
    rows = load_workbook(tmp_path / "athletes.xlsx").active.iter_rows(min_row=2, values_only=True)
    assert sorted(row[1] for row in rows) == sorted(names)


def _run(
    bundle: Path, data: Path, *args: str, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """Run a bundle subcommand on the data folder `data`, which must succeed."""
    done = subprocess.run(
        [str(bundle), "--data-dir", str(data), *args],
        env={**os.environ, **env},
        cwd=data.parent,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, f"{args[0]} failed:\n{done.stdout}{done.stderr[-4000:]}"
    return done


def _open_settings(page: Page) -> None:
    page.get_by_role("navigation").get_by_role("button", name="Settings").click(
        timeout=UI_TIMEOUT_MS
    )
    expect(page.get_by_role("heading", level=1, name="Settings")).to_be_visible()
    last_backup = page.get_by_role("region", name="Last backup")
    expect(last_backup).to_be_visible()
    expect(last_backup).not_to_contain_text("Checking")


def _value(page: Page, label: str) -> Locator:
    return page.locator(f"dt:text-is('{label}') + dd")


def _mapped_files(pid: int) -> set[Path]:
    maps = Path(f"/proc/{pid}/maps")
    if not maps.exists():
        return set()
    fields = (line.split(maxsplit=5) for line in maps.read_text().splitlines())
    return {Path(f[5]) for f in fields if len(f) == 6 and f[5].startswith("/")}


def _assert_schema(path: Path) -> None:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()
