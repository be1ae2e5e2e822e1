"""Saving an export where the coach chose, as a backup is written: the bytes verified on the
drive before they take the name, and a failed write leaving no half file and the earlier file
under that name as it was."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from judo_manager.bridge.exports import ExportsApi, save_through_dialog
from judo_manager.errors import ExportError, NotFoundError, ValidationError
from judo_manager.exports.model import Sheet
from judo_manager.exports.service import ExportsService, render
from tests.conftest import mounted_tmpfs
from tests.export_sheets import big_sheet, entry_row, entry_sheet
from tests.integration.test_usb_sticks import _mounted_fat
from tests.media_files import ChoosingWindow

EARLIER = b"last week's entry sheet"


@pytest.fixture
def exports() -> ExportsService:
    return ExportsService()


@pytest.fixture
def fat_stick(tmp_path: Path) -> Iterator[Path]:
    """A 64 MB FAT32 stick, mounted."""
    with _mounted_fat(tmp_path) as (mount, _driver):
        yield mount


def _sheet() -> Sheet:
    return entry_sheet([(("U18", "Men", "-66 kg"), [entry_row("Nguyễn Văn An")])])


def test_a_saved_sheet_is_the_rendered_file_and_leaves_nothing_beside_it(
    exports: ExportsService, tmp_path: Path
) -> None:
    sheet = _sheet()
    (tmp_path / "entries.xlsx").write_bytes(EARLIER)

    saved = {f: exports.save(sheet, f, tmp_path / f"entries.{f}") for f in ("pdf", "csv", "xlsx")}

    assert sorted(os.listdir(tmp_path)) == ["entries.csv", "entries.pdf", "entries.xlsx"]
    assert (tmp_path / "entries.csv").read_bytes() == render(sheet, "csv")
    assert (tmp_path / "entries.xlsx").read_bytes() != EARLIER  # the dialog asked to replace
    assert (tmp_path / "entries.pdf").read_bytes().startswith(b"%PDF-")
    pdf = saved["pdf"]
    assert (pdf.file_name, pdf.format) == ("entries.pdf", "pdf")
    assert pdf.bytes == (tmp_path / "entries.pdf").stat().st_size
    assert exports.saved_path(pdf.token) == tmp_path / "entries.pdf"


def test_the_save_dialog_offers_the_name_and_kind_and_a_cancel_writes_nothing(
    exports: ExportsService, tmp_path: Path
) -> None:
    window = ChoosingWindow(None)

    saved = save_through_dialog(exports, window, _sheet(), "entries_Open_2026-05-03.pdf", "pdf")

    assert saved is None
    assert os.listdir(tmp_path) == []
    (asked,) = window.asked
    assert asked["filename"] == "entries_Open_2026-05-03.pdf"
    assert asked["file_types"] == ("PDF documents (*.pdf)", "All files (*.*)")


def test_a_name_typed_without_the_extension_gets_it(
    exports: ExportsService, tmp_path: Path
) -> None:
    window = ChoosingWindow(tmp_path / "entries", tmp_path / "ENTRIES.CSV")

    first = save_through_dialog(exports, window, _sheet(), "entries.xlsx", "xlsx")
    second = save_through_dialog(exports, window, _sheet(), "entries.csv", "csv")

    assert first is not None and first["fileName"] == "entries.xlsx"
    assert second is not None and second["fileName"] == "ENTRIES.CSV"
    assert sorted(os.listdir(tmp_path)) == ["ENTRIES.CSV", "entries.xlsx"]


def test_a_file_under_the_name_with_the_extension_added_is_not_replaced_unasked(
    exports: ExportsService, tmp_path: Path
) -> None:
    (tmp_path / "entries.pdf").write_bytes(EARLIER)
    window = ChoosingWindow(tmp_path / "entries")  # the dialog confirmed "entries" only

    with pytest.raises(ExportError, match=r"A file named entries\.pdf already exists"):
        save_through_dialog(exports, window, _sheet(), "entries.pdf", "pdf")

    assert (tmp_path / "entries.pdf").read_bytes() == EARLIER


def test_a_format_the_page_made_up_opens_no_dialog(exports: ExportsService, tmp_path: Path) -> None:
    window = ChoosingWindow(tmp_path / "entries.exe")

    with pytest.raises(ValidationError, match="Choose PDF, CSV or XLSX"):
        save_through_dialog(exports, window, _sheet(), "entries.exe", "exe")  # type: ignore[arg-type]

    assert window.asked == []


def test_a_destination_of_another_kind_is_refused(exports: ExportsService, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match=r"entries\.csv doesn't end in \.pdf"):
        exports.save(_sheet(), "pdf", tmp_path / "entries.csv")

    assert os.listdir(tmp_path) == []


def test_a_full_stick_keeps_the_earlier_file_and_no_part_of_the_new_one(
    exports: ExportsService, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    with mounted_tmpfs(stick, "size=64k"):
        (stick / "entries.pdf").write_bytes(EARLIER)

        with pytest.raises(
            ExportError, match=r"entries\.pdf could not be saved to .*the disk is full"
        ):
            exports.save(big_sheet(1000), "pdf", stick / "entries.pdf")

        assert os.listdir(stick) == ["entries.pdf"]
        assert (stick / "entries.pdf").read_bytes() == EARLIER


def test_a_read_only_stick_is_named_as_such_and_nothing_is_written(
    exports: ExportsService, read_only_dir: Path
) -> None:
    # As root the fixture is a read-only mount; otherwise a folder whose bits refuse us.
    reason = "the disk is read-only" if os.geteuid() == 0 else "isn't allowed to write there"

    with pytest.raises(ExportError, match=f"entries.csv could not be saved to .*{reason}"):
        exports.save(_sheet(), "csv", read_only_dir / "entries.csv")

    assert os.listdir(read_only_dir) == []


@pytest.mark.parametrize("name", ["entries: Open?.pdf", 'say "hi".pdf'])
def test_a_name_the_stick_refuses_is_named_as_such_and_leaves_nothing(
    exports: ExportsService, fat_stick: Path, name: str
) -> None:
    (fat_stick / "entries.pdf").write_bytes(EARLIER)

    with pytest.raises(ExportError, match="That file name isn't allowed on this drive"):
        exports.save(_sheet(), "pdf", fat_stick / name)

    assert os.listdir(fat_stick) == ["entries.pdf"]
    assert (fat_stick / "entries.pdf").read_bytes() == EARLIER


def test_a_name_windows_keeps_for_a_device_is_refused_before_anything_is_written(
    exports: ExportsService, tmp_path: Path
) -> None:
    with pytest.raises(ExportError, match=r'"CON\.csv" is a name Windows keeps for a device'):
        exports.save(_sheet(), "csv", tmp_path / "CON.csv")

    assert os.listdir(tmp_path) == []


def test_a_save_to_a_pulled_stick_says_to_plug_it_back_in(
    exports: ExportsService, tmp_path: Path
) -> None:
    with _mounted_fat(tmp_path) as (stick, driver):
        driver.kill()  # what the system sees when the stick is pulled
        driver.wait(10)

        with pytest.raises(ExportError, match="plug it back in"):
            exports.save(_sheet(), "xlsx", stick / "entries.xlsx")


def test_open_shows_a_saved_file_in_the_systems_viewer(
    exports: ExportsService, tmp_path: Path
) -> None:
    saved = exports.save(_sheet(), "pdf", tmp_path / "entries.pdf")
    window = ChoosingWindow()

    ExportsApi(exports, window).open(saved.token)

    assert window.opened == [tmp_path / "entries.pdf"]


@pytest.mark.parametrize("token", ["made-up", "", "../../etc/passwd", None, 7])
def test_open_refuses_a_token_it_did_not_hand_out(exports: ExportsService, token: object) -> None:
    window = ChoosingWindow()

    with pytest.raises(NotFoundError, match="not saved recently"):
        ExportsApi(exports, window).open(token)  # type: ignore[arg-type]

    assert window.opened == []


def test_open_says_so_when_the_saved_file_was_moved_since(
    exports: ExportsService, tmp_path: Path
) -> None:
    saved = exports.save(_sheet(), "pdf", tmp_path / "entries.pdf")
    (tmp_path / "entries.pdf").rename(tmp_path / "moved.pdf")

    with pytest.raises(NotFoundError, match=r"entries\.pdf is no longer in"):
        exports.saved_path(saved.token)


def test_only_the_recent_saves_can_be_opened(exports: ExportsService, tmp_path: Path) -> None:
    tokens = [exports.save(_sheet(), "csv", tmp_path / f"{n}.csv").token for n in range(25)]

    with pytest.raises(NotFoundError):
        exports.saved_path(tokens[0])
    assert exports.saved_path(tokens[-1]) == tmp_path / "24.csv"
