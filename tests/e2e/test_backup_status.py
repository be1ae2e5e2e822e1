"""The backup status card: red before the first backup, then what an edit and Export now do
to it, in the real window (Export now through the dialog seam)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from tests.e2e.axe import expect_no_violations
from tests.e2e.conftest import ROOT, LaunchApp, save_screenshot

# The Dashboard composes the card (app/pages.tsx).
PAGE_WITH_THE_CARD = "Dashboard"
UI_TIMEOUT_MS = 20_000


def _demo_club(tmp_path: Path, athletes: int) -> Path:
    data = tmp_path / "data"
    command = ["-m", "judo_manager", "--data-dir", str(data), "demo", "--athletes", str(athletes)]
    subprocess.run(
        [sys.executable, *command],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return data


def _go(page: Page, name: str) -> None:
    page.get_by_role("navigation").get_by_role("button", name=name).click(timeout=30_000)
    expect(page.get_by_role("heading", level=1, name=name)).to_be_visible()


def _card(page: Page) -> Locator:
    _go(page, PAGE_WITH_THE_CARD)
    card = page.get_by_role("region", name="Backup status")
    expect(card).not_to_contain_text("Checking")
    return card


def _add_athlete(page: Page, name: str) -> None:
    _go(page, "Athletes")
    page.get_by_role("button", name="Add athlete").click()
    form = page.get_by_role("dialog", name="Add athlete")
    form.get_by_label("Full name").fill(name)
    form.get_by_label("Birth date").fill("14/03/2012")
    form.get_by_label("Sex").select_option(label="Female")
    form.get_by_label("Belt").select_option(index=1)
    form.get_by_label("Weight (kg)").fill("40")
    form.get_by_role("button", name="Save athlete").click()
    expect(form).to_have_count(0, timeout=UI_TIMEOUT_MS)


def test_the_card_turns_from_never_to_backed_up_and_counts_an_edit_after_it(
    launch_app: LaunchApp, tmp_path: Path
) -> None:
    app = launch_app(_demo_club(tmp_path, 5))
    page = app.page

    card = _card(page)
    expect(card).to_contain_text("Never backed up")
    expect(card).to_contain_text("Your club's data exists only on this computer.")
    expect_no_violations(page, "the backup status card, never backed up")

    stick = tmp_path / "usb-stick"
    stick.mkdir()
    app.answer_dialog(stick / "club.db")
    card.get_by_role("button", name="Export now").click()
    expect(card).to_contain_text("Backed up", timeout=UI_TIMEOUT_MS)
    expect(card).to_contain_text("club.db")
    expect(card).to_contain_text(str(stick))
    expect(card).to_contain_text("Nothing has changed since.")
    assert (stick / "club.db").is_file()
    [asked] = app.dialogs_asked()
    assert asked["kind"] == "save"

    _add_athlete(page, "Yuki Tanaka")
    card = _card(page)
    expect(card).to_contain_text("1 athlete added, edited or deleted since.")
    expect(card).to_contain_text("Backed up")
    save_screenshot(page, "backup-status-after-an-edit")
    expect_no_violations(page, "the backup status card after an edit")
