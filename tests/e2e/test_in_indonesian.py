"""The main flows once in Bahasa Indonesia (issue #15): the language chosen in Settings and
kept, an athlete added with an Indonesian decimal comma and date order, an export and a bad
file to import, with Python's own messages and the dialogs' filters in Indonesian too."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from judo_manager.db.layout import database_path
from tests.e2e.conftest import LaunchApp, go_to, save_screenshot
from tests.e2e.test_roster import SEASON, START_TIMEOUT_MS

UI_TIMEOUT_MS = 20_000
# What Python writes, in Indonesian: the dialogs' file types, and why a text file is refused.
INDONESIAN_FILTERS = ["Cadangan Judo Manager (*.db)", "Semua file (*.*)"]
NOT_A_BACKUP = "catatan.db bukan cadangan Judo Manager: ini file teks, bukan database."


# Run before the page's own scripts: every text the page's body shows, in order.
_RECORD_EVERY_TEXT_SHOWN = """
window.__textsShown = [];
new MutationObserver(() => {
  const text = document.body ? document.body.innerText.trim() : "";
  const seen = window.__textsShown;
  if (text && seen[seen.length - 1] !== text) seen.push(text);
}).observe(document, { childList: true, subtree: true, characterData: true });
"""


def _toasts(page: Page, region: str) -> Locator:
    """Sonner's notifications region, named in the language spoken."""
    return page.get_by_role("region", name=region)


def _belt_names(data: Path) -> list[str]:
    conn = sqlite3.connect(f"{database_path(data).as_uri()}?mode=ro", uri=True)
    try:
        return [name for (name,) in conn.execute("SELECT name FROM belts ORDER BY rank")]
    finally:
        conn.close()


def test_a_coach_switches_to_indonesian_adds_an_athlete_exports_and_is_told_of_a_bad_file(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    app = launch_app(data)
    page = app.page
    expect(page.get_by_text("No athletes yet")).to_be_visible(timeout=START_TIMEOUT_MS)

    go_to(page, "Settings")
    language = page.get_by_role("combobox", name="Language")
    expect(language).to_have_value("system")
    language.select_option(label="Bahasa Indonesia")
    # At once, without a restart: the whole frame speaks Indonesian.
    expect(page.get_by_role("heading", level=1, name="Pengaturan")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.get_by_role("navigation").get_by_role("button", name="Atlet")).to_be_visible()
    expect(page.get_by_role("combobox", name="Bahasa")).to_have_value("id")
    expect(page).to_have_title("Pengaturan · Judo Manager")

    go_to(page, "Atlet")
    expect(page.get_by_text("Belum ada atlet")).to_be_visible()
    page.get_by_role("button", name="Tambah atlet").click()
    form = page.get_by_role("dialog", name="Tambah atlet")
    form.get_by_label("Nama lengkap").fill("Budi Santoso")
    birth = form.get_by_label("Tanggal lahir")
    expect(birth).to_have_attribute("placeholder", "hh/bb/tttt")
    birth.fill(f"14/08/{SEASON - 14}")
    form.get_by_label("Jenis kelamin").select_option(label="Laki-laki")
    # The club's belts are its own words, never translated: this club began in English.
    form.get_by_label("Sabuk").select_option(label="Yellow")
    form.get_by_label("Berat badan (kg)").fill("38,5")
    form.get_by_role("button", name="Simpan atlet").click()

    expect(_toasts(page, "Pemberitahuan").get_by_role("status")).to_contain_text(
        "Budi Santoso ditambahkan", timeout=UI_TIMEOUT_MS
    )
    header = page.get_by_role("region", name="Budi Santoso", exact=True)
    expect(header).to_contain_text("Laki-laki")
    expect(header).to_contain_text("38,5 kg")
    expect(header).to_contain_text(f"Usia 14 pada {SEASON}")
    # The date in Indonesian order and month names: "14 Agu", not "14 Aug".
    expect(header.locator("dt:text-is('Tanggal lahir') + dd")).to_have_text(f"14 Agu {SEASON - 14}")
    page.get_by_role("button", name="Kembali ke daftar atlet").click()
    row = page.get_by_role("row").filter(has_text="Budi Santoso")
    expect(row.get_by_role("gridcell")).to_contain_text(["Budi Santoso", "Laki-laki", "Yellow"])
    expect(row).to_contain_text("38,5 kg")
    save_screenshot(page, "indonesian-roster")

    # Export: the dialog is asked with Indonesian filters, and the toast is Indonesian.
    go_to(page, "Pengaturan")
    stick = tmp_path / "usb-stick"
    stick.mkdir()
    app.answer_dialog(stick / "cadangan-klub.db")
    page.get_by_role("button", name="Ekspor database").click()
    saved = (
        _toasts(page, "Pemberitahuan")
        .get_by_role("status")
        .filter(has_text="Cadangan tersimpan: cadangan-klub.db")
    )
    expect(saved).to_be_visible(timeout=UI_TIMEOUT_MS)
    expect(saved).to_contain_text("1 atlet")
    [asked] = app.dialogs_asked()
    assert asked["file_types"] == INDONESIAN_FILTERS

    # A bad file to import: Python says why, in Indonesian, and nothing changes.
    notes = tmp_path / "catatan.db"
    notes.write_text("Latihan Senin dan Kamis\n", encoding="utf-8")
    app.answer_dialog(notes)
    page.get_by_role("button", name="Impor database").click()
    alert = _toasts(page, "Pemberitahuan").get_by_role("alert")
    expect(alert).to_contain_text("File ini tidak bisa dipulihkan", timeout=UI_TIMEOUT_MS)
    expect(alert).to_contain_text(NOT_A_BACKUP)
    expect(page.get_by_role("alertdialog")).to_have_count(0)
    save_screenshot(page, "indonesian-import-refused")
    app.stop()

    # Kept: the next start speaks Indonesian from its first screen.
    again = launch_app(data).page
    expect(again.get_by_role("heading", level=1, name="Dasbor")).to_be_visible(
        timeout=START_TIMEOUT_MS
    )
    # From its very first frame: the address Python opened the window on tells the page the
    # language before the bridge could. A reload of that page, watched from before its first
    # script, never shows a word of English ("Starting Judo Manager…") on the way.
    again.add_init_script(_RECORD_EVERY_TEXT_SHOWN)
    again.reload()
    expect(again.get_by_role("heading", level=1, name="Dasbor")).to_be_visible(
        timeout=START_TIMEOUT_MS
    )
    shown: list[str] = again.evaluate("window.__textsShown")
    assert shown, "the recorder saw nothing drawn"
    assert not [text for text in shown if "Starting" in text or "Dashboard" in text], shown
    assert "Membuka Judo Manager" in shown[0] or "Dasbor" in shown[0], shown
    go_to(again, "Atlet")
    expect(again.get_by_role("row").filter(has_text="Budi Santoso")).to_contain_text("38,5 kg")


def test_on_an_indonesian_system_a_new_club_speaks_indonesian_and_its_belts_stay_its_own(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    page = launch_app(data, env={"LANG": "id_ID.UTF-8"}).page
    expect(page.get_by_text("Belum ada atlet")).to_be_visible(timeout=START_TIMEOUT_MS)
    assert _belt_names(data)[0] == "Sabuk Putih"

    go_to(page, "Pengaturan")
    language = page.get_by_role("combobox", name="Bahasa")
    expect(language).to_have_value("system")
    expect(language.locator("option[value=system]")).to_have_text(
        "Ikuti bahasa sistem (Bahasa Indonesia)"
    )
    belts = page.get_by_role("region", name="Sabuk")
    expect(belts).to_contain_text("Sabuk Putih")

    language.select_option(label="English")
    expect(page.get_by_role("heading", level=1, name="Settings")).to_be_visible()
    # The club's words are its data: choosing English renames nothing.
    expect(page.get_by_role("region", name="Belts")).to_contain_text("Sabuk Putih")
    assert _belt_names(data)[0] == "Sabuk Putih"
