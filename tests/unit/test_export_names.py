"""The names exported files are offered under: readable, and held by every drive a coach
uses (FAT32 and exFAT sticks, NTFS, APFS, ext4)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest

from judo_manager.exports.files import MAX_NAME, export_file_name, safe_file_name

DAY = dt.date(2026, 5, 3)
# What FAT, exFAT and NTFS refuse in a name.
FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def test_the_default_name_says_what_which_and_when() -> None:
    assert export_file_name("entries", "Jakarta Open 2026", DAY, "pdf") == (
        "entries_Jakarta Open 2026_2026-05-03.pdf"
    )
    assert export_file_name("athletes", "", DAY, "xlsx") == "athletes_2026-05-03.xlsx"


@pytest.mark.parametrize(
    "subject",
    [
        'Kejurnas: "A/B" <2026>?*|\\',
        "Open\tof\nthe year",
        "Piala Gubernur...",
        "Piala Gubernur . . ",
        "../../etc/passwd",
        "CON",
        "  ",
    ],
)
def test_any_typed_name_makes_a_name_every_drive_holds(subject: str) -> None:
    name = export_file_name("entries", subject, DAY, "csv")

    assert not FORBIDDEN.search(name), name
    assert name.endswith("_2026-05-03.csv")
    assert name.startswith("entries")
    assert ".._" not in name and " _" not in name  # nothing Windows would drop before "_"


def test_a_long_tournament_name_is_shortened_never_the_date_or_the_extension() -> None:
    name = export_file_name("entries", "Kejuaraan Judo Terbuka " * 20, DAY, "xlsx")

    assert len(name) <= MAX_NAME
    assert name.startswith("entries_Kejuaraan Judo Terbuka")
    assert name.endswith("_2026-05-03.xlsx")


def test_letters_of_any_script_stay_and_are_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Nguyễn Cup 山田")

    name = export_file_name("entries", decomposed, DAY, "pdf")

    assert name == "entries_Nguyễn Cup 山田_2026-05-03.pdf"
    assert unicodedata.is_normalized("NFC", name)


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("CON.pdf", "_CON.pdf"),
        ("lpt1.csv", "_lpt1.csv"),
        ("nul", "_nul"),
        ("CONSOLE.pdf", "CONSOLE.pdf"),
        ("entries.pdf.", "entries.pdf"),
        (".hidden.csv", "hidden.csv"),
        ("a:b?.pdf", "a-b-.pdf"),
        ("", "export"),
    ],
)
def test_a_name_is_made_safe_for_windows_and_fat(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe


def test_a_long_name_keeps_its_extension() -> None:
    name = safe_file_name("x" * 300 + ".xlsx")

    assert len(name) == MAX_NAME
    assert name.endswith("x.xlsx")
