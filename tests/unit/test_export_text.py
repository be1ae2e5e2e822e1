"""How a sheet's texts are written into every kind of file: one line each, problems read as
sentences, and nothing a spreadsheet would run."""

from __future__ import annotations

from judo_manager.exports.model import joined_problems, one_line
from judo_manager.exports.spreadsheets import guarded


def test_a_rows_problems_read_as_sentences_or_as_a_list() -> None:
    assert joined_problems(["The athlete is inactive.", "The licence runs out on 9 Nov."]) == (
        "The athlete is inactive. The licence runs out on 9 Nov."
    )
    assert joined_problems(["Weight outside -66 kg", "Belt below yellow"]) == (
        "Weight outside -66 kg; Belt below yellow"
    )
    assert joined_problems(["", "  ", "Duplicate\nentry"]) == "Duplicate entry"
    assert joined_problems([]) == ""


def test_a_cell_is_one_line_whatever_a_restored_backup_holds() -> None:
    assert one_line("  Budi\tSantoso\r\n(U18)\u2028 ") == "Budi Santoso (U18)"
    assert one_line("\x00\x07") == ""


def test_only_what_starts_like_a_formula_gets_the_apostrophe() -> None:
    assert guarded("-66 kg") == "'-66 kg"
    assert guarded("=1+1") == "'=1+1"
    assert guarded("Budi - Santoso") == "Budi - Santoso"
    assert guarded("") == ""
