"""The command line speaks the system's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), or
the one `--lang` names: its output, its errors, its help and its questions."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from judo_manager.db.layout import database_path
from tests.conftest import make_backup, make_club, run_cli, system_speaking

INDONESIAN = system_speaking("id_ID.UTF-8")
FRENCH = system_speaking("fr_FR.UTF-8")


def _one_error_line(result: object) -> str:
    assert result.returncode == 1, result.stdout  # type: ignore[attr-defined]
    lines = result.stderr.splitlines()  # type: ignore[attr-defined]
    assert len(lines) == 1 and "Traceback" not in result.stderr  # type: ignore[attr-defined]
    return lines[0]


def test_a_missing_backup_is_refused_in_the_systems_language(
    data_dir: Path, tmp_path: Path
) -> None:
    make_club(data_dir, 3)
    missing = tmp_path / "stick" / "club.db"

    line = _one_error_line(run_cli(data_dir, "restore", str(missing), "--yes", env=INDONESIAN))

    assert line == "kesalahan: club.db tidak bisa dibuka (file atau folder itu tidak ada)."


def test_a_file_that_is_no_database_is_refused_in_the_language_lang_names(
    data_dir: Path, tmp_path: Path
) -> None:
    make_club(data_dir, 3)
    notes = tmp_path / "notes.txt"
    notes.write_text("Training on Tuesday\n" * 20)

    line = _one_error_line(
        run_cli(data_dir, "--lang", "id", "restore", str(notes), "--yes", env=FRENCH)
    )

    assert line == (
        "kesalahan: notes.txt bukan cadangan Judo Manager: ini file teks, bukan database."
    )


def test_a_language_the_app_doesnt_speak_gives_english(data_dir: Path, tmp_path: Path) -> None:
    make_club(data_dir, 3)
    notes = tmp_path / "notes.txt"
    notes.write_text("Training on Tuesday\n" * 20)

    line = _one_error_line(run_cli(data_dir, "restore", str(notes), "--yes", env=FRENCH))

    assert (
        line == "error: notes.txt is not a Judo Manager backup: it is a text file, not a database."
    )


def test_lang_outranks_the_system(data_dir: Path, tmp_path: Path) -> None:
    make_club(data_dir, 3)
    missing = tmp_path / "club.db"

    line = _one_error_line(
        run_cli(data_dir, "--lang", "en", "inspect", str(missing), env=INDONESIAN)
    )

    assert line == "error: club.db can't be opened (the file or folder isn't there)."


def test_a_language_lang_doesnt_know_is_refused(data_dir: Path) -> None:
    result = run_cli(data_dir, "--lang", "fr", "status")
    assert result.returncode == 2 and "--lang" in result.stderr


def test_the_restore_preview_and_its_question_are_indonesian_and_ya_says_yes(
    data_dir: Path, tmp_path: Path
) -> None:
    make_club(data_dir, 12)
    backup = make_backup(tmp_path / "stick" / "other.db", 5)

    result = run_cli(data_dir, "restore", str(backup), answer="ya\n", env=INDONESIAN)

    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Hanya ada di data Anda saat ini (hilang jika dilanjutkan): 12 atlet" in out
    assert "Ganti data Anda saat ini dengan cadangan ini? Salinan pengaman" in out
    assert "5 atlet dipulihkan dari" in out
    conn = sqlite3.connect(database_path(data_dir))
    assert conn.execute("SELECT count(*) FROM athletes").fetchone()[0] == 5
    conn.close()


@pytest.mark.parametrize("answer", ["tidak\n", "\n"])
def test_any_other_answer_changes_nothing(data_dir: Path, tmp_path: Path, answer: str) -> None:
    make_club(data_dir, 12)
    backup = make_backup(tmp_path / "stick" / "other.db", 5)

    result = run_cli(data_dir, "restore", str(backup), answer=answer, env=INDONESIAN)

    assert result.returncode == 1
    assert result.stdout.rstrip().endswith("Tidak ada yang diubah.")


def test_the_status_and_its_sizes_follow_the_language(data_dir: Path) -> None:
    make_club(data_dir, 25)

    result = run_cli(data_dir, "status", env=INDONESIAN)

    assert result.returncode == 0, result.stderr
    assert "Isi                25 atlet, " in result.stdout
    assert "Cadangan terakhir  belum pernah (di komputer ini)" in result.stdout
    # A size in megabytes has a decimal comma.
    assert re.search(r"^Database +\d+,\d MB, versi data \d+$", result.stdout, re.MULTILINE)


def test_the_help_of_our_own_arguments_is_translated(data_dir: Path) -> None:
    result = run_cli(data_dir, "--help", env=INDONESIAN)

    assert result.returncode == 0
    assert "tampilkan bantuan ini lalu keluar" in result.stdout
    assert "ganti data klub dengan cadangan (menyimpan salinan pengaman)" in result.stdout
    assert "bahasa keluaran perintah: en, id" in result.stdout


def test_status_as_json_is_the_same_for_scripts_in_every_language(data_dir: Path) -> None:
    import json

    make_club(data_dir, 3)
    english = run_cli(data_dir, "status", "--json")
    indonesian = run_cli(data_dir, "--lang", "id", "status", "--json", env=INDONESIAN)

    assert english.returncode == indonesian.returncode == 0
    assert json.loads(indonesian.stdout) == json.loads(english.stdout)
    assert json.loads(english.stdout)["database"]["holds"].startswith("3 athletes")
