"""Tournaments in the real window (issue #17): a tournament created, twenty athletes added from
the picker by keyboard, a conflict made and resolved (a lighter class, then the weigh-in; an
older category, then back), the entry sheet saved as a PDF through the dialog seam and read
back with pypdf, and results recorded that show as medals on the athlete's page; deleting a
tournament asks whether its medals stay.

One window on one club; each test makes its own tournament.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pytest
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

from judo_manager.db.layout import database_path
from tests.e2e.axe import expect_no_violations
from tests.e2e.conftest import LaunchApp, RunningApp, go_to, save_screenshot
from tests.e2e.native import resize_window, wait_until
from tests.e2e.test_roster import club

# A tournament held today: its ages are for this year, and results may be recorded at once.
TODAY = dt.date.today()
SEASON = TODAY.year
START_TIMEOUT_MS = 30_000
PAPERS_UNTIL = f"{SEASON + 1}-06-30"


@dataclass(frozen=True)
class Judoka:
    """An athlete written into the club before the window opens."""

    name: str
    age: int
    sex: Literal["F", "M"]
    belt: str
    weight_kg: float
    medical: bool = True
    active: bool = True


# By name, as the roster (and so the picker) lists them. The first two are left out of the
# tournament; Marta has no medical certificate, the one conflict there is to begin with.
CLUB = (
    Judoka("Aiko Tanaka", 13, "F", "Yellow", 40.0),
    Judoka("Alan Ford", 13, "M", "Yellow", 45.0),
    Judoka("Ana Kovač", 16, "F", "Yellow", 48.0),
    Judoka("Bruno Silva", 12, "M", "White", 38.0),
    Judoka("Carla Mendes", 15, "F", "Orange", 52.0),
    Judoka("Dario Rossi", 17, "M", "Green", 66.0),
    Judoka("Deniz Öztürk", 17, "M", "Orange", 73.0),
    Judoka("Elif Öztürk", 19, "F", "Green", 57.0),
    Judoka("Farah Aziz", 14, "F", "Yellow", 44.0),
    Judoka("Gita Putri", 11, "F", "White", 30.0),
    Judoka("Hana Sato", 18, "F", "Blue", 63.0),
    Judoka("Ivan Petrov", 20, "M", "Brown", 81.0),
    Judoka("Jonas Berg", 13, "M", "Yellow", 50.0),
    Judoka("Kenji Abe", 35, "M", "1st Dan", 81.0),
    Judoka("Lea Müller", 16, "F", "Orange", 57.0),
    Judoka("Marta Nowak", 24, "F", "Brown", 63.0, medical=False),
    Judoka("Nguyễn Văn An", 15, "M", "Green", 60.0),
    Judoka("Omar Haddad", 12, "M", "White", 42.0),
    Judoka("Sara Lind", 14, "F", "Blue", 44.0),
    Judoka("Tomás Silva", 22, "M", "Brown", 90.0),
    Judoka("Yuki Yamada", 17, "F", "Green", 52.0),
    Judoka("山田花子", 16, "F", "Yellow", 57.0),
    Judoka("Pia Winter", 15, "F", "Orange", 55.0, active=False),
)
ACTIVE = [judoka.name for judoka in CLUB if judoka.active]
ENTERED = ACTIVE[2:]


@pytest.fixture(scope="module")
def shared(launch_module_app: LaunchApp, tmp_path_factory: pytest.TempPathFactory) -> RunningApp:
    """One window at 1366 x 800 on `CLUB`, each with a licence and (but Marta) a medical
    certificate valid past the tournament."""
    data = tmp_path_factory.mktemp("club") / "data"
    with club(data) as c:
        for number, judoka in enumerate(CLUB, start=1):
            c.athletes.create(
                {
                    "full_name": judoka.name,
                    "birth_date": f"{SEASON - judoka.age}-03-14",
                    "sex": judoka.sex,
                    "belt_id": c.belts[judoka.belt],
                    "weight_kg": judoka.weight_kg,
                    "licence_number": f"PJSI-{number:04d}",
                    "licence_valid_until": PAPERS_UNTIL,
                    "medical_valid_until": PAPERS_UNTIL if judoka.medical else None,
                    "active": judoka.active,
                }
            )
    app = launch_module_app(data)
    go_to(app.page, "Athletes", timeout=START_TIMEOUT_MS)
    expect(app.page.get_by_test_id("roster-count")).to_have_text(
        f"Showing {len(ACTIVE)} of {len(CLUB)} athletes", timeout=START_TIMEOUT_MS
    )
    resize_window(app, 1366, 800)
    return app


@pytest.fixture
def page(shared: RunningApp) -> Iterator[Page]:
    """The shared window with no dialog left open by a test that failed."""
    dialogs = shared.page.locator("[role=dialog], [role=alertdialog]")
    while dialogs.count():
        shared.page.keyboard.press("Escape")
        expect(dialogs).to_have_count(0)
    yield shared.page


def _toast(page: Page, title: str, role: str = "status") -> Locator:
    toast = (
        page.get_by_role("region", name="Notifications").get_by_role(role).filter(has_text=title)
    )
    expect(toast.first).to_be_visible()
    return toast.first


def _create_tournament(page: Page, name: str) -> None:
    """A tournament held today, created from the Tournaments page; its page opens."""
    go_to(page, "Tournaments")
    page.get_by_role("button", name="New tournament").first.click()
    form = page.get_by_role("dialog", name="New tournament")
    expect(form).to_contain_text("copied into it now")
    form.get_by_label("Name").fill(name)
    form.get_by_label("First day").fill(TODAY.isoformat())
    form.get_by_label("Location").fill("GOR Pajajaran, Bogor")
    form.get_by_label("Organiser").fill("PJSI Kota Bogor")
    form.get_by_label("Entry deadline").fill(TODAY.isoformat())
    expect_no_violations(page, "the new tournament form")
    form.get_by_role("button", name="Create tournament").click()
    expect(form).to_have_count(0)
    _toast(page, f"{name} created")
    # Its page opens, reading from its name.
    expect(page.get_by_role("heading", level=2, name=name)).to_be_focused()


def _entries(page: Page) -> Locator:
    return page.get_by_role("table", name="Entries")


def _entry(page: Page, name: str) -> Locator:
    """The entry row of the athlete named exactly `name`."""
    return (
        _entries(page)
        .get_by_role("row")
        .filter(has=page.locator("[data-athlete-name]", has_text=name))
    )


def _find(page: Page, name: str) -> Locator:
    """The entries narrowed to `name` (the list draws only the rows in view), and their row."""
    page.get_by_label("Find an entry").fill(name)
    row = _entry(page, name)
    expect(row).to_have_count(1)
    return row


def _attention(page: Page) -> Locator:
    return page.get_by_test_id("attention-count")


def _database(app: RunningApp) -> sqlite3.Connection:
    return sqlite3.connect(f"{database_path(app.data_dir).as_uri()}?mode=ro", uri=True)


def _medals_of(app: RunningApp, name: str) -> list[tuple[str, str, bool]]:
    """(competition, place, from a tournament) of each medal the database holds for `name`."""
    conn = _database(app)
    try:
        rows = conn.execute(
            "SELECT m.competition, m.place, m.tournament_id IS NOT NULL FROM medals m"
            " JOIN athletes a ON a.id = m.athlete_id WHERE a.full_name = ? ORDER BY m.id",
            (name,),
        ).fetchall()
    finally:
        conn.close()
    return [(competition, place, bool(linked)) for competition, place, linked in rows]


def _add_by_keyboard(page: Page) -> None:
    """Every athlete shown picked with Ctrl+A, the first two unpicked with Space, the rest
    added with Enter: the keyboard alone from the moment the picker opens."""
    page.get_by_role("button", name="Add athletes").click()
    picker = page.get_by_role("dialog", name="Add athletes to Bogor Open")
    expect(page.get_by_test_id("picker-count")).to_have_text(
        f"Showing {len(ACTIVE)} of {len(CLUB)} athletes"
    )
    expect(picker.get_by_label("Search athletes")).to_be_focused()
    # The season is the tournament's year, so ages and categories are the tournament's.
    expect(picker.get_by_label("Season")).to_have_value(str(SEASON))
    page.keyboard.press("ArrowDown")
    listbox = picker.get_by_role("listbox", name="Athletes to pick")
    expect(listbox).to_be_focused()
    page.keyboard.press("Control+a")
    expect(page.get_by_test_id("picker-selected")).to_have_text(f"{len(ACTIVE)} selected")
    page.keyboard.press("Home")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    expect(page.get_by_test_id("picker-selected")).to_have_text("20 selected")
    expect(listbox.get_by_role("option", name="Aiko Tanaka")).to_have_attribute(
        "aria-selected", "false"
    )
    expect(listbox.get_by_role("option", name="Ana Kovač")).to_have_attribute(
        "aria-selected", "true"
    )
    expect(picker.get_by_role("button", name="Add 20 athletes")).to_be_enabled()
    save_screenshot(page, "tournament-picker")
    expect_no_violations(page, "the athlete picker")
    page.keyboard.press("Enter")
    expect(picker).to_have_count(0)
    _toast(page, "20 athletes added")


def test_a_tournament_from_its_entries_to_the_medals_it_gives(
    shared: RunningApp, page: Page, tmp_path: Path
) -> None:
    go_to(page, "Tournaments")
    expect(page.get_by_role("heading", name="No tournaments yet")).to_be_visible()
    expect(
        page.get_by_text("gives each of them an age category and a weight class")
    ).to_be_visible()
    _create_tournament(page, "Bogor Open")
    header = page.get_by_role("region", name="Bogor Open")
    expect(header).to_contain_text("GOR Pajajaran, Bogor")
    expect(header).to_contain_text("PJSI Kota Bogor")
    expect(header).to_contain_text("Rules copied from")
    expect(header.get_by_role("button", name="Refresh rules")).to_be_enabled()
    expect(page.get_by_role("heading", name="No entries yet")).to_be_visible()

    _add_by_keyboard(page)
    expect(page.get_by_role("heading", level=2, name="Entries (20)")).to_be_visible()
    # Marta has no medical certificate: said per entry in Python's words, counted at the top.
    expect(_attention(page)).to_have_text("1 entry needs attention")
    marta = _find(page, "Marta Nowak")
    expect(_entries(page)).to_contain_text("No medical certificate on record")
    expect(marta.get_by_label("Age category of Marta Nowak")).to_have_value(
        _category_id(shared, "Bogor Open", "SEN")
    )

    # The picker again: those entered are marked and can't be picked; the two left out can.
    page.get_by_label("Find an entry").fill("")
    page.get_by_role("button", name="Add athletes").click()
    picker = page.get_by_role("dialog", name="Add athletes to Bogor Open")
    listbox = picker.get_by_role("listbox")
    expect(listbox.get_by_role("option", name="Ana Kovač")).to_have_attribute(
        "aria-disabled", "true"
    )
    expect(listbox.get_by_role("option", name="Ana Kovač")).to_contain_text("Entered")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("End")
    page.keyboard.press("Space")
    expect(page.get_by_test_id("picker-selected")).to_have_text("None selected")
    page.keyboard.press("Escape")
    expect(picker).to_have_count(0)

    # The rules copied again before the deadline: the entries keep their category and class.
    page.get_by_role("button", name="Refresh rules").click()
    refresh = page.get_by_role("alertdialog", name="Copy the rules again?")
    expect(refresh).to_contain_text("Each entry keeps its age category and weight class")
    refresh.get_by_role("button", name="Refresh rules").click()
    _toast(page, "Rules copied again from")
    expect(refresh).to_have_count(0)
    ana = _find(page, "Ana Kovač")
    expect(ana.get_by_label("Age category of Ana Kovač")).to_have_value(
        _category_id(shared, "Bogor Open", "U18")
    )

    # A conflict made and resolved: Ana (48.0 kg) put in -44 kg, then weighed in at 43.8 kg.
    ana = _find(page, "Ana Kovač")
    expect(ana.get_by_label("Weight class of Ana Kovač")).to_have_value(
        _class_id(shared, "Bogor Open", "U18", "F", 48)
    )
    ana.get_by_label("Weight class of Ana Kovač").select_option(label="-44 kg")
    expect(_attention(page)).to_have_text("2 entries need attention")
    expect(_entries(page)).to_contain_text("48 kg is outside the chosen weight class, -44 kg.")
    weigh_in = ana.get_by_label("Weigh-in of Ana Kovač in kg")
    weigh_in.fill("43,8")
    weigh_in.press("Enter")
    expect(_attention(page)).to_have_text("1 entry needs attention")
    expect(ana).to_contain_text("43.8 kg")
    expect(ana).to_contain_text("weigh-in")
    expect(weigh_in).to_be_focused()

    # And a category: Farah (14) entered in U18 is too young for it, until put back in U15.
    farah = _find(page, "Farah Aziz")
    farah.get_by_label("Age category of Farah Aziz").select_option(
        label="U18 Cadets (age doesn't fit)"
    )
    expect(_attention(page)).to_have_text("2 entries need attention")
    expect(_entries(page)).to_contain_text("Not eligible by age: 14 in")
    page.get_by_role("button", name="Show only these").click()
    page.get_by_label("Find an entry").fill("")
    expect(_entries(page).locator("[data-athlete-name]")).to_have_text(
        ["Farah Aziz", "Marta Nowak"]
    )
    _entry(page, "Farah Aziz").get_by_label("Age category of Farah Aziz").select_option(
        label="U15 Under 15"
    )
    expect(_attention(page)).to_have_text("1 entry needs attention")
    expect(_entries(page).locator("[data-athlete-name]")).to_have_text(["Marta Nowak"])
    page.get_by_role("button", name="Show only these").click()
    page.get_by_role("button", name="Category limits").click()
    expect(page.get_by_label("Lowest belt allowed in U18 Cadets")).to_have_value("")
    save_screenshot(page, "tournament-entries")
    expect_no_violations(page, "a tournament's page with entries and a conflict")

    # The entry sheet as a PDF, through the save dialog.
    pdf = tmp_path / "bogor-open.pdf"
    shared.answer_dialog(pdf)
    page.get_by_role("button", name="Save as PDF").click()
    toast = _toast(page, "Saved bogor-open.pdf")
    asked = shared.dialogs_asked()[-1]
    assert asked["kind"] == "save"
    assert asked["filename"] == f"entries_Bogor Open_{TODAY.isoformat()}.pdf"
    assert pdf.exists()
    text = "\n".join(page_.extract_text() for page_ in PdfReader(pdf).pages)
    assert "Bogor Open" in text
    for name in ENTERED:
        assert name in text, f"{name} is not on the entry sheet"
    assert "Aiko Tanaka" not in text
    # In the sheet's order: the youngest category first, women before men.
    assert (
        text.index("Gita Putri")
        < text.index("Bruno Silva")
        < text.index("Ana Kovač")
        < text.index("Kenji Abe")
    )
    assert "No medical certificate on record" in text
    toast.get_by_role("button", name="Open").click()
    wait_until(
        lambda: shared.dialogs_asked()[-1]["kind"] == "open-file", "the system's viewer", shared
    )
    assert shared.dialogs_asked()[-1]["path"] == str(pdf)

    # Cancelling the save dialog writes nothing and says nothing.
    asked_before = len(shared.dialogs_asked())
    shared.answer_dialog(None)
    page.get_by_role("button", name="Save as CSV").click()
    wait_until(lambda: len(shared.dialogs_asked()) > asked_before, "the save dialog", shared)
    expect(page.get_by_role("button", name="Save as CSV")).to_be_enabled()
    expect(page.get_by_role("region", name="Notifications").get_by_text(".csv")).to_have_count(0)
    assert list(tmp_path.glob("*.csv")) == []

    # Results: 1st and 3rd are medals in the athletes' histories, "Took part" is not.
    _find(page, "Ana Kovač").get_by_label("Result of Ana Kovač").select_option(label="1st place")
    _toast(page, "1st place for Ana Kovač")
    _find(page, "Kenji Abe").get_by_label("Result of Kenji Abe").select_option(label="3rd place")
    _toast(page, "3rd place for Kenji Abe")
    _find(page, "Bruno Silva").get_by_label("Result of Bruno Silva").select_option(
        label="Took part"
    )
    expect(_find(page, "Bruno Silva").get_by_label("Result of Bruno Silva")).to_have_value(
        "participated"
    )
    assert _medals_of(shared, "Ana Kovač") == [("Bogor Open", "gold", True)]
    assert _medals_of(shared, "Kenji Abe") == [("Bogor Open", "bronze", True)]
    assert _medals_of(shared, "Bruno Silva") == []

    # On Ana's page: the gold medal, owned by the results (no Edit), and the tournament entered.
    go_to(page, "Athletes")
    page.get_by_role("row").filter(has=page.get_by_text("Ana Kovač", exact=True)).get_by_role(
        "gridcell"
    ).first.click()
    expect(page.get_by_role("heading", level=2, name="Ana Kovač")).to_be_visible()
    medals = page.get_by_role("list", name="Medals")
    medal = medals.get_by_role("listitem").filter(has_text="Bogor Open")
    expect(medal).to_contain_text("Gold")
    expect(medal).to_contain_text("From the results of Bogor Open")
    expect(medal.get_by_role("button", name="Edit")).to_have_count(0)
    tournaments = page.get_by_role("list", name="Tournaments entered")
    expect(tournaments.get_by_role("listitem").filter(has_text="Bogor Open")).to_contain_text(
        "1st place"
    )
    save_screenshot(page, "tournament-athlete-medal")

    # Back to the tournament: clearing Kenji's result takes his medal away.
    go_to(page, "Tournaments")
    upcoming = page.get_by_role("region", name="Upcoming")
    expect(upcoming.get_by_role("listitem").filter(has_text="Bogor Open")).to_contain_text(
        "20 entries"
    )
    expect(upcoming.get_by_role("listitem").filter(has_text="Bogor Open")).to_contain_text(
        "1 entry needs attention"
    )
    upcoming.get_by_role("button", name="Bogor Open").click()
    expect(page.get_by_role("heading", level=2, name="Bogor Open")).to_be_focused()
    _find(page, "Kenji Abe").get_by_label("Result of Kenji Abe").select_option(label="—")
    expect(_find(page, "Kenji Abe").get_by_label("Result of Kenji Abe")).to_have_value("")
    wait_until(lambda: _medals_of(shared, "Kenji Abe") == [], "Kenji's medal to go", shared)


def test_deleting_a_tournament_asks_whether_its_medals_stay(shared: RunningApp, page: Page) -> None:
    # Python's refusal lands on its field: entries can't close after the tournament.
    go_to(page, "Tournaments")
    page.get_by_role("button", name="New tournament").first.click()
    form = page.get_by_role("dialog", name="New tournament")
    form.get_by_label("Name").fill("Club Cup")
    form.get_by_label("First day").fill(TODAY.isoformat())
    form.get_by_label("Entry deadline").fill((TODAY + dt.timedelta(days=3)).isoformat())
    form.get_by_role("button", name="Create tournament").click()
    expect(form.locator("[data-field-error=entryDeadline]")).to_have_text(
        "Entry deadline can't be after the tournament's last day."
    )
    expect(form.get_by_label("Entry deadline")).to_be_focused()
    form.get_by_role("button", name="Cancel").click()
    expect(form).to_have_count(0)

    _create_tournament(page, "Club Cup")
    page.get_by_role("button", name="Add athletes").click()
    picker = page.get_by_role("dialog", name="Add athletes to Club Cup")
    picker.get_by_label("Search athletes").fill("Sara")
    expect(page.get_by_test_id("picker-count")).to_have_text(f"Showing 1 of {len(CLUB)} athletes")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    expect(picker).to_have_count(0)
    _find(page, "Sara Lind").get_by_label("Result of Sara Lind").select_option(label="2nd place")
    _toast(page, "2nd place for Sara Lind")
    assert _medals_of(shared, "Sara Lind") == [("Club Cup", "silver", True)]

    page.get_by_role("region", name="Club Cup").get_by_role("button", name="Delete").click()
    confirm = page.get_by_role("alertdialog", name="Delete Club Cup?")
    expect_no_violations(page, "the delete prompt")
    expect(confirm).to_contain_text("Its 1 entry goes with it.")
    expect(confirm).to_contain_text("Its results gave 1 medal")
    # Cancel first, and nothing is lost.
    expect(confirm.get_by_role("button", name="Cancel")).to_be_focused()
    expect(confirm.get_by_role("button", name="Delete with the medal")).to_be_visible()
    confirm.get_by_role("button", name="Delete but keep the medal").click()
    _toast(page, "Club Cup deleted; its medal stays")
    # The list again, without it; the medal stays, an ordinary one now.
    expect(page.get_by_role("button", name="Club Cup")).to_have_count(0)
    assert _medals_of(shared, "Sara Lind") == [("Club Cup", "silver", False)]


def _category_id(app: RunningApp, tournament: str, code: str) -> str:
    conn = _database(app)
    try:
        rows = conn.execute(
            "SELECT c.id FROM tournament_categories c JOIN tournaments t ON t.id = c.tournament_id"
            " WHERE t.name = ? AND c.code = ?",
            (tournament, code),
        ).fetchall()
    finally:
        conn.close()
    # One copy of the rules per tournament: a refresh replaces it.
    assert len(rows) == 1, rows
    return str(rows[0][0])


def _class_id(app: RunningApp, tournament: str, code: str, sex: str, limit: float) -> str:
    conn = _database(app)
    try:
        row = conn.execute(
            "SELECT w.id FROM tournament_weight_classes w"
            " JOIN tournament_categories c ON c.id = w.category_id"
            " JOIN tournaments t ON t.id = c.tournament_id"
            " WHERE t.name = ? AND c.code = ? AND w.sex = ? AND w.limit_kg = ? AND w.over = 0",
            (tournament, code, sex, limit),
        ).fetchone()
    finally:
        conn.close()
    assert row is not None
    return str(row[0])
