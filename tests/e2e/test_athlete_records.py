"""An athlete's photo and documents in the real window (issue #16): chosen through the native
open dialog (answered by the dialog seam), shown in the header and the Documents section,
opened in the viewer (zoomed, moved) or the system's PDF viewer, copied out byte for byte,
attached as a promotion's proof, and deleted leaving nothing behind. A file dropped on the
page is refused, never loaded and never stored.

One window on one club; each test works on an athlete of its own.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import Locator, Page, expect

from judo_manager.db.layout import database_path
from judo_manager.logs import LOG_FILENAME
from tests.e2e.conftest import LaunchApp, RunningApp, save_screenshot
from tests.e2e.native import resize_window, wait_until
from tests.e2e.test_roster import ANA, BRUNO, ELIF, KENJI, club_window
from tests.media_files import GPS_INFO, pdf_bytes, photo_bytes, write

UI_TIMEOUT_MS = 30_000
CLUB = [ANA, BRUNO, ELIF, KENJI]


@pytest.fixture(scope="module")
def shared(launch_module_app: LaunchApp, tmp_path_factory: pytest.TempPathFactory) -> RunningApp:
    """One window on `CLUB` at 1366 x 800; Kenji Abe has a 2nd Dan grading and a gold medal."""
    app = club_window(launch_module_app, tmp_path_factory.mktemp("club") / "data", CLUB)
    resize_window(app, 1366, 800)
    return app


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """A folder of the coach's files, where they choose from and save copies to."""
    folder = tmp_path / "files"
    folder.mkdir()
    return folder


@pytest.fixture
def page(shared: RunningApp) -> Iterator[Page]:
    """The shared window with no dialog left open by a test that failed."""
    dialogs = shared.page.locator("[role=dialog], [role=alertdialog]")
    while dialogs.count():
        shared.page.keyboard.press("Escape")
        expect(dialogs).to_have_count(0)
    yield shared.page


def _row_of(page: Page, name: str) -> Locator:
    """The roster row of the athlete named exactly `name` (its name cell also holds the
    member ID and any papers badge)."""
    return page.get_by_role("row").filter(has=page.get_by_text(name, exact=True))


def _open_athlete(page: Page, name: str) -> Locator:
    """The athlete's page, opened from the roster; its header."""
    page.get_by_role("navigation", name="Main").get_by_role("button", name="Athletes").click()
    _row_of(page, name).get_by_role("gridcell").first.click()
    expect(page.get_by_role("heading", level=2, name=name)).to_be_visible()
    return page.get_by_role("region", name=name)


def _toast(page: Page, title: str, role: str = "status") -> Locator:
    toast = (
        page.get_by_role("region", name="Notifications").get_by_role(role).filter(has_text=title)
    )
    expect(toast).to_be_visible(timeout=UI_TIMEOUT_MS)
    return toast


def _database(app: RunningApp) -> sqlite3.Connection:
    """The club's database on disk, read only, beside the running app."""
    return sqlite3.connect(f"{database_path(app.data_dir).as_uri()}?mode=ro", uri=True)


def _one(app: RunningApp, sql: str, *params: object) -> object:
    conn = _database(app)
    try:
        row = conn.execute(sql, params).fetchone()
        return None if row is None else row[0]
    finally:
        conn.close()


def _stored_bytes(app: RunningApp, media_id: int) -> bytes:
    data = _one(app, "SELECT data FROM media_data WHERE media_id = ?", media_id)
    assert isinstance(data, bytes), f"no stored file {media_id}"
    return data


def _athlete_id(app: RunningApp, name: str) -> int:
    found = _one(app, "SELECT id FROM athletes WHERE full_name = ?", name)
    assert isinstance(found, int)
    return found


def _documents_of(app: RunningApp, name: str) -> list[tuple[int, str, str, int]]:
    """(id, kind, title, media id) of each document the database holds for `name`."""
    conn = _database(app)
    try:
        return conn.execute(
            "SELECT d.id, d.kind, d.title, d.media_id FROM documents d"
            " JOIN athletes a ON a.id = d.athlete_id WHERE a.full_name = ? ORDER BY d.id",
            (name,),
        ).fetchall()
    finally:
        conn.close()


def _media_count(app: RunningApp) -> int:
    count = _one(app, "SELECT count(*) FROM media")
    assert isinstance(count, int)
    return count


def _expect_drawn(image: Locator, width: int | None = None) -> None:
    """Wait until the browser has drawn `image` (at its own `width`, if given): loaded under
    the page's policy, not a broken picture."""
    image.page.wait_for_function(
        "([img, width]) => img.complete && img.naturalWidth > 0"
        " && (width === null || img.naturalWidth === width)",
        arg=[image.element_handle(), width],
    )


def _zoom(viewer: Locator) -> int:
    """The viewer's zoom as it reads it out, in percent."""
    text = viewer.get_by_test_id("viewer-zoom").inner_text()
    found = re.fullmatch(r"(\d+)%", text.strip())
    assert found, f"the zoom reads {text!r}"
    return int(found.group(1))


def _image_box(viewer: Locator) -> dict[str, float]:
    box = viewer.get_by_test_id("viewer-stage").get_by_role("img").bounding_box()
    assert box is not None
    return box


def _add_document(
    app: RunningApp, section: Locator, chosen: Path, kind: str, **dates: str
) -> Locator:
    """Chooses `chosen` through the open dialog and saves it as a `kind`; its row."""
    page = app.page
    app.answer_dialog(chosen)
    section.get_by_role("button", name="Add document").click()
    form = page.get_by_role("dialog", name="Add document")
    expect(form).to_be_visible(timeout=UI_TIMEOUT_MS)
    expect(form.get_by_test_id("chosen-file")).to_contain_text(chosen.name)
    # The title starts as the file's name without its extension.
    expect(form.get_by_label("Title")).to_have_value(chosen.stem)
    form.get_by_label("Kind").select_option(label=kind)
    for label, value in dates.items():
        form.get_by_label(label.replace("_", " ").capitalize()).fill(value)
    form.get_by_role("button", name="Save document").click()
    expect(form).to_have_count(0)
    _toast(page, f"Added {chosen.stem}")
    row = (
        section.get_by_role("list", name="Documents")
        .get_by_role("listitem")
        .filter(has=page.get_by_text(chosen.stem, exact=True))
    )
    expect(row).to_be_visible()
    return row


def _typed(day: dt.date) -> str:
    """A date as a coach types it in English: dd/mm/yyyy."""
    return day.strftime("%d/%m/%Y")


def test_a_photo_chosen_in_the_open_dialog_shows_in_the_header_zooms_and_copies_out_whole(
    shared: RunningApp, page: Page, files: Path
) -> None:
    header = _open_athlete(page, ANA.name)
    photo = header.get_by_test_id("athlete-photo")
    expect(photo).to_have_text("AK")  # her initials, until there is a photo

    # A photo with the place it was taken in its EXIF, as a phone writes it.
    chosen = write(files, "ana.jpg", photo_bytes((1600, 1000), gps=True))
    shared.answer_dialog(chosen)
    header.get_by_role("button", name="Add photo of Ana Kovač").click()
    _toast(page, "Added a photo of Ana Kovač")
    assert shared.dialogs_asked()[-1]["title"] == "Choose a photo"
    shown = header.get_by_role("button", name="View the photo of Ana Kovač")
    thumbnail = shown.locator("img")  # alt="": the button carries the name
    expect(thumbnail).to_have_attribute("src", re.compile(r"^data:image/"))
    # Drawn, under the page's policy (which must allow data: images).
    _expect_drawn(thumbnail)
    save_screenshot(page, "athlete-photo")
    photo_id = _one(shared, "SELECT photo_id FROM athletes WHERE full_name = ?", ANA.name)
    assert isinstance(photo_id, int)

    # The whole photo in the viewer, fitted to the window at first.
    shown.click()
    viewer = page.get_by_role("dialog", name="Photo of Ana Kovač")
    image = viewer.get_by_test_id("viewer-stage").get_by_role("img", name="Photo of Ana Kovač")
    expect(image).to_have_attribute("src", re.compile(r"^blob:"))
    _expect_drawn(image, 1600)
    stage = viewer.get_by_test_id("viewer-stage").bounding_box()
    assert stage is not None
    fitted = _zoom(viewer)
    assert fitted < 100
    box = _image_box(viewer)
    assert box["width"] <= stage["width"] + 1 and box["height"] <= stage["height"] + 1
    assert abs(box["height"] - stage["height"]) < 2 or abs(box["width"] - stage["width"]) < 2
    save_screenshot(page, "athlete-photo-viewer")

    # Zoom in with the keyboard and the button, out with the wheel, back with 0.
    page.keyboard.press("+")
    expect(viewer.get_by_test_id("viewer-zoom")).not_to_have_text(f"{fitted}%")
    after_key = _zoom(viewer)
    assert after_key > fitted
    viewer.get_by_role("button", name="Zoom in").click()
    expect(viewer.get_by_test_id("viewer-zoom")).not_to_have_text(f"{after_key}%")
    assert _zoom(viewer) > after_key
    page.keyboard.press("0")
    expect(viewer.get_by_test_id("viewer-zoom")).to_have_text(f"{fitted}%")
    page.mouse.move(stage["x"] + stage["width"] / 2, stage["y"] + stage["height"] / 2)
    page.mouse.wheel(0, -300)
    expect(viewer.get_by_test_id("viewer-zoom")).not_to_have_text(f"{fitted}%")
    assert _zoom(viewer) > fitted
    # A wheel over the image zooms the image, never the whole app.
    assert page.evaluate("() => window.devicePixelRatio") == pytest.approx(1.0)

    # At 100% the photo is its own size, larger than the room, and a drag moves it.
    viewer.get_by_role("button", name="100%").click()
    expect(viewer.get_by_test_id("viewer-zoom")).to_have_text("100%")
    box = _image_box(viewer)
    assert box["width"] == pytest.approx(1600, abs=1.5)
    assert box["height"] == pytest.approx(1000, abs=1.5)
    centre = (stage["x"] + stage["width"] / 2, stage["y"] + stage["height"] / 2)
    page.mouse.move(*centre)
    page.mouse.down()
    page.mouse.move(centre[0] - 150, centre[1] - 80, steps=5)
    page.mouse.up()
    moved = _image_box(viewer)
    assert moved["x"] == pytest.approx(box["x"] - 150, abs=1.5)
    assert moved["y"] == pytest.approx(box["y"] - 80, abs=1.5)

    # "Save a copy…" from the viewer: the file as stored, byte for byte, with no location in it.
    copy = files / "copies" / "ana-copy.jpg"
    copy.parent.mkdir()
    shared.answer_dialog(copy)
    viewer.get_by_role("button", name="Save a copy…").click()
    expect(_toast(page, "Saved a copy of the photo of Ana Kovač")).to_contain_text(
        f"Saved as {copy}"
    )
    assert shared.dialogs_asked()[-1]["kind"] == "save"
    assert copy.read_bytes() == _stored_bytes(shared, photo_id)
    with Image.open(io.BytesIO(copy.read_bytes())) as saved:
        assert saved.size == (1600, 1000)
        assert not saved.getexif().get_ifd(GPS_INFO)

    # Escape closes the viewer, and the focus is back on the photo.
    page.keyboard.press("Escape")
    expect(viewer).to_have_count(0)
    expect(shown).to_be_focused()

    # Removed after a confirmation: her initials again, and no stored file left.
    media_before = _media_count(shared)
    header.get_by_role("button", name="Remove photo of Ana Kovač").click()
    confirm = page.get_by_role("alertdialog", name="Remove the photo of Ana Kovač?")
    confirm.get_by_role("button", name="Remove photo").click()
    _toast(page, "Removed the photo of Ana Kovač")
    expect(photo).to_have_text("AK")
    assert _one(shared, "SELECT photo_id FROM athletes WHERE full_name = ?", ANA.name) is None
    assert _media_count(shared) == media_before - 1


def test_documents_are_added_through_the_open_dialog_opened_copied_corrected_and_deleted(
    shared: RunningApp, page: Page, files: Path
) -> None:
    header = _open_athlete(page, BRUNO.name)
    section = page.get_by_role("region", name="Documents")
    expect(section).to_contain_text("No documents yet.")
    papers = header.get_by_role("list", name="Licence and medical certificate")
    expect(papers).to_contain_text("No licence date on record")
    expect(papers).to_contain_text("No medical certificate on record")

    # Cancelling the open dialog adds nothing and opens no form.
    asked = len(shared.dialogs_asked())
    shared.answer_dialog(None)
    section.get_by_role("button", name="Add document").click()
    wait_until(lambda: len(shared.dialogs_asked()) > asked, "the open dialog", shared)
    assert shared.dialogs_asked()[-1]["title"] == "Choose a document"
    expect(section.get_by_role("button", name="Add document")).to_be_enabled()
    expect(page.get_by_role("dialog")).to_have_count(0)

    # A file that is no photo and no PDF is refused, with Python's reason, and not stored.
    media_before = _media_count(shared)
    shared.answer_dialog(write(files, "scan.jpg", b"just some notes, not a picture\n"))
    section.get_by_role("button", name="Add document").click()
    _toast(page, "Couldn't add this file", role="alert")
    expect(page.get_by_role("dialog")).to_have_count(0)
    assert _media_count(shared) == media_before

    # A scan of his birth certificate, and a medical certificate (a PDF) running out soon.
    born = dt.date.fromisoformat(BRUNO.birth_date)
    birth = _add_document(
        shared,
        section,
        write(files, "birth certificate.png", photo_bytes((600, 800), kind="PNG")),
        "Birth certificate",
        issued_on=_typed(born + dt.timedelta(days=10)),
    )
    expect(birth).to_contain_text(re.compile(r"Birth certificate · Issued .+ · PNG, [\d.]+ K?B"))
    pdf = pdf_bytes(pages=2)
    until = dt.date.today() + dt.timedelta(days=12)
    medical = _add_document(
        shared,
        section,
        write(files, "medical 2026.pdf", pdf),
        "Medical certificate",
        valid_until=_typed(until),
    )
    expect(medical).to_contain_text(f"Valid until {until.day} ")
    expect(medical).to_contain_text("Expires soon")
    # The header says it plainly, from the document's date.
    expect(papers).to_contain_text(
        re.compile(rf"Medical certificate expires on {until.day} \w+ {until.year} \(in 12 days\)")
    )
    save_screenshot(page, "athlete-documents")
    stored = _documents_of(shared, BRUNO.name)
    assert [(kind, title) for _, kind, title, _ in stored] == [
        ("birth_certificate", "birth certificate"),
        ("medical_certificate", "medical 2026"),
    ]
    medical_media = stored[1][3]
    assert _stored_bytes(shared, medical_media) == pdf  # a PDF is kept as it came

    # A PDF opens in the system's viewer, from a copy of the stored bytes.
    medical.get_by_role("button", name="View medical 2026").click()
    wait_until(
        lambda: shared.dialogs_asked()[-1]["kind"] == "open-file", "the system viewer", shared
    )
    assert Path(shared.dialogs_asked()[-1]["path"]).read_bytes() == pdf
    expect(page.get_by_role("dialog")).to_have_count(0)

    # "Save a copy…": the save dialog, then the very bytes stored.
    copy = files / "saved" / "Bruno medical.pdf"
    copy.parent.mkdir()
    shared.answer_dialog(copy)
    medical.get_by_role("button", name="Save a copy of medical 2026").click()
    expect(_toast(page, "Saved a copy of medical 2026")).to_contain_text(f"Saved as {copy}")
    assert shared.dialogs_asked()[-1]["filename"] == "medical 2026.pdf"
    assert copy.read_bytes() == _stored_bytes(shared, medical_media) == pdf
    # Cancelled, nothing is said and nothing written.
    shared.answer_dialog(None)
    asked = len(shared.dialogs_asked())
    medical.get_by_role("button", name="Save a copy of medical 2026").click()
    wait_until(lambda: len(shared.dialogs_asked()) > asked, "the save dialog", shared)
    expect(medical.get_by_role("button", name="Save a copy of medical 2026")).to_be_enabled()
    assert sorted(p.name for p in copy.parent.iterdir()) == ["Bruno medical.pdf"]

    # An image document opens in the app's own viewer.
    birth.get_by_role("button", name="View birth certificate").click()
    viewer = page.get_by_role("dialog", name="birth certificate")
    image = viewer.get_by_role("img", name="birth certificate")
    _expect_drawn(image, 600)
    page.keyboard.press("Escape")
    expect(viewer).to_have_count(0)

    # Corrected: a new title, and a date the document can't have is refused by its field.
    medical.get_by_role("button", name="Edit medical 2026").click()
    form = page.get_by_role("dialog", name="Edit document")
    form.get_by_label("Issued on").fill(_typed(until + dt.timedelta(days=1)))
    form.get_by_role("button", name="Save changes").click()
    expect(form.locator("[data-field-error=issuedOn]")).to_be_visible()
    form.get_by_label("Issued on").fill(_typed(dt.date.today()))
    form.get_by_label("Title").fill("Medical certificate 2026")
    form.get_by_role("button", name="Save changes").click()
    expect(form).to_have_count(0)
    _toast(page, "Saved Medical certificate 2026")
    assert _documents_of(shared, BRUNO.name)[1][2] == "Medical certificate 2026"

    # Deleted after a confirmation: gone from the list, the header, and the database.
    medical = section.get_by_role("listitem").filter(has_text="Medical certificate 2026")
    medical.get_by_role("button", name="Delete Medical certificate 2026").click()
    confirm = page.get_by_role("alertdialog", name="Delete this document?")
    expect(confirm).to_contain_text("Medical certificate 2026 (Medical certificate)")
    confirm.get_by_role("button", name="Delete document").click()
    _toast(page, "Deleted Medical certificate 2026")
    expect(section.get_by_role("listitem")).to_have_count(1)
    expect(papers).to_contain_text("No medical certificate on record")
    assert [title for _, _, title, _ in _documents_of(shared, BRUNO.name)] == ["birth certificate"]
    assert _one(shared, "SELECT count(*) FROM media WHERE id = ?", medical_media) == 0


def test_a_promotion_carries_its_certificate_as_proof_and_the_paperclip_opens_it(
    shared: RunningApp, page: Page, files: Path
) -> None:
    _open_athlete(page, KENJI.name)
    section = page.get_by_role("region", name="Documents")
    _add_document(
        shared,
        section,
        write(files, "2nd dan.jpg", photo_bytes((900, 640))),
        "Grading certificate",
    )

    history = page.get_by_role("region", name="Promotion history")
    history.get_by_role("button", name="Edit promotion to 2nd Dan").click()
    form = history.get_by_role("form", name="Edit promotion")
    form.get_by_label("Proof").select_option(label="2nd dan (Grading certificate)")
    form.get_by_role("button", name="Save changes").click()
    expect(form).to_have_count(0)
    [(document_id, _, _, _)] = _documents_of(shared, KENJI.name)
    proof = _one(
        shared,
        "SELECT proof_document_id FROM promotions WHERE athlete_id = ?",
        _athlete_id(shared, KENJI.name),
    )
    assert proof == document_id

    history.get_by_role("button", name="Open the proof: 2nd dan").click()
    viewer = page.get_by_role("dialog", name="2nd dan")
    image = viewer.get_by_role("img", name="2nd dan")
    _expect_drawn(image, 900)
    page.keyboard.press("Escape")
    expect(viewer).to_have_count(0)

    # Deleting the certificate says what it proves; the promotion stays, without its proof.
    section.get_by_role("button", name="Delete 2nd dan").click()
    confirm = page.get_by_role("alertdialog", name="Delete this document?")
    expect(confirm).to_contain_text("It is the proof of 1 promotion or medal")
    confirm.get_by_role("button", name="Delete document").click()
    _toast(page, "Deleted 2nd dan")
    expect(history.get_by_role("button", name="Open the proof: 2nd dan")).to_have_count(0)
    expect(history.get_by_role("listitem")).to_have_count(1)


def test_a_photo_damaged_inside_the_data_is_said_to_be_and_not_shown(
    shared: RunningApp, page: Page, files: Path
) -> None:
    header = _open_athlete(page, KENJI.name)
    shared.answer_dialog(write(files, "kenji.jpg", photo_bytes((800, 600))))
    header.get_by_role("button", name=f"Add photo of {KENJI.name}").click()
    _toast(page, f"Added a photo of {KENJI.name}")
    photo_id = _one(shared, "SELECT photo_id FROM athletes WHERE full_name = ?", KENJI.name)
    # Another program flips one byte in the middle of the stored photo, size unchanged.
    conn = sqlite3.connect(database_path(shared.data_dir))
    try:
        data = bytearray(_stored_bytes(shared, int(photo_id)))  # type: ignore[call-overload]
        data[len(data) // 2] ^= 0xFF
        conn.execute("UPDATE media_data SET data = ? WHERE media_id = ?", (bytes(data), photo_id))
        conn.commit()
    finally:
        conn.close()

    header.get_by_role("button", name=f"View the photo of {KENJI.name}").click()
    viewer = page.get_by_role("dialog", name=f"Photo of {KENJI.name}")
    expect(viewer).to_contain_text("This file is damaged inside the club's data")
    expect(viewer.get_by_test_id("viewer-stage").get_by_role("img")).to_have_count(0)


def _warnings(app: RunningApp) -> str:
    """What the app logged: its terminal and its log file."""
    files = sorted((app.data_dir.parent / "state").rglob(LOG_FILENAME))
    return app.log() + "".join(f.read_text(errors="replace") for f in files)


def test_a_file_dropped_on_the_athlete_page_is_neither_loaded_nor_stored(
    shared: RunningApp, page: Page, files: Path
) -> None:
    _open_athlete(page, ELIF.name)
    section = page.get_by_role("region", name="Documents")
    section.scroll_into_view_if_needed()
    box = section.bounding_box()
    assert box is not None
    url = page.url
    media_before = _media_count(shared)
    dropped = write(files, "dropped.jpg", photo_bytes((320, 200)))

    # The drop a file manager makes, onto the Documents section, as Chromium receives one.
    session = page.context.new_cdp_session(page)
    at = {"x": box["x"] + box["width"] / 2, "y": box["y"] + box["height"] / 2}
    drag = {"items": [], "files": [str(dropped)], "dragOperationsMask": 1}
    for step in ("dragEnter", "dragOver", "drop"):
        session.send("Input.dispatchDragEvent", {"type": step, **at, "data": drag})
    session.detach()

    refusal = f"refused to load {dropped.as_uri()}"
    wait_until(lambda: refusal in _warnings(shared), "the refusal", shared)
    assert page.url == url
    expect(page.get_by_role("heading", level=2, name=ELIF.name)).to_be_visible()
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(section).to_contain_text("No documents yet.")
    assert _media_count(shared) == media_before
    assert _documents_of(shared, ELIF.name) == []


def test_in_indonesian_the_papers_the_document_kinds_and_the_copy_button_speak_it(
    shared: RunningApp, page: Page, files: Path
) -> None:
    # Named in the language spoken, so found without its name.
    nav = page.get_by_role("navigation")
    nav.get_by_role("button", name="Settings").click()
    page.get_by_role("combobox", name="Language").select_option(label="Bahasa Indonesia")
    expect(page.get_by_role("heading", level=1, name="Pengaturan")).to_be_visible()
    try:
        nav.get_by_role("button", name="Atlet").click()
        _row_of(page, ELIF.name).get_by_role("gridcell").first.click()
        header = page.get_by_role("region", name=ELIF.name)
        expect(header.get_by_role("button", name=f"Tambah foto {ELIF.name}")).to_be_visible()
        papers = header.get_by_role("list", name="Lisensi dan surat keterangan sehat")
        expect(papers).to_contain_text("Belum ada surat keterangan sehat yang tercatat")

        # A medical certificate that ran out last month: said so in the header and the list.
        section = page.get_by_role("region", name="Dokumen")
        ended = dt.date.today() - dt.timedelta(days=30)
        shared.answer_dialog(write(files, "surat sehat.pdf", pdf_bytes()))
        section.get_by_role("button", name="Tambah dokumen").click()
        form = page.get_by_role("dialog", name="Tambah dokumen")
        expect(form.get_by_test_id("chosen-file")).to_contain_text("PDF")
        form.get_by_label("Jenis").select_option(label="Surat keterangan sehat")
        form.get_by_label("Berlaku sampai").fill(_typed(ended))
        form.get_by_role("button", name="Simpan dokumen").click()
        expect(form).to_have_count(0)
        row = section.get_by_role("listitem").filter(has_text="surat sehat")
        expect(row).to_contain_text("Surat keterangan sehat · PDF")
        expect(row).to_contain_text(f"Berlaku sampai {ended.day} ")
        expect(row).to_contain_text("Habis berlaku")
        expect(row.get_by_role("button", name="Simpan salinan surat sehat")).to_have_text(
            "Simpan salinan…"
        )
        expect(papers).to_contain_text(
            re.compile(rf"Surat keterangan sehat habis berlaku pada {ended.day} \w+ {ended.year}")
        )
    finally:
        nav.get_by_role("button", name="Pengaturan").click()
        page.get_by_role("combobox", name="Bahasa").select_option(value="system")
        expect(page.get_by_role("heading", level=1, name="Settings")).to_be_visible()
