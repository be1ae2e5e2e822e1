"""Tournaments as part of the club's data: an athlete's delete and its undo, backups and the
restore preview, older backups, rows a restored file may hold, the bridge and the command
line."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from judo_manager.backup.service import BackupService
from judo_manager.bridge import JudoManagerApi
from judo_manager.bridge.guards import error_for_page
from judo_manager.bridge.wire import wire_fields
from judo_manager.cli import main
from judo_manager.db import Database, open_database
from judo_manager.db.contents import count_contents
from judo_manager.db.layout import database_path
from judo_manager.db.migrations import MIGRATIONS, migrate
from judo_manager.errors import (
    ConflictError,
    NotFoundError,
    RestoreRejectedError,
    ValidationError,
)
from judo_manager.exports.model import SavedExport
from judo_manager.jobs import JobLock
from judo_manager.restore.service import RestoreService
from judo_manager.tournaments.model import (
    AthleteTournament,
    Conflict,
    Entry,
    Tournament,
    TournamentCategory,
    TournamentSummary,
)
from judo_manager.window.handle import DesktopWindow
from judo_manager.wiring import AppServices
from tests.media_files import ChoosingWindow
from tests.tournament_club import TournamentClub, category, entry_of, weight_class

RESULTS_DAY = dt.date(2026, 7, 12)


@pytest.fixture
def club(db: Database) -> TournamentClub:
    return TournamentClub.on(db)


def _podium(club: TournamentClub, name: str = "Bogor Open") -> tuple[int, int]:
    """A tournament where Budi took gold: (tournament id, Budi's id)."""
    budi = club.athlete("Budi Santoso")
    made = club.enter(club.tournament(name), budi, club.athlete("Cahyo Putra"))
    club.clock.today = RESULTS_DAY
    club.tournaments.set_result(made.id, entry_of(made, budi).id, "1")
    return made.id, budi.id


# An athlete's delete and its undo


def test_an_athlete_deleted_then_undone_gets_their_entries_and_results_back(
    club: TournamentClub,
) -> None:
    tournament_id, budi_id = _podium(club)
    before = club.tournaments.get(tournament_id)

    deleted = club.athletes.delete(budi_id, club.athletes.get(budi_id).revision)
    assert [e.full_name for e in club.tournaments.get(tournament_id).entries] == ["Cahyo Putra"]
    back = club.athletes.undo_delete(deleted.undo_token)

    assert club.tournaments.get(tournament_id) == before
    [gold] = back.medals
    assert (gold.place, gold.tournament_id) == ("gold", tournament_id)
    assert entry_of(before, back).medal_id == gold.id


def test_an_undo_after_the_tournament_was_deleted_keeps_the_medal_alone(
    club: TournamentClub,
) -> None:
    tournament_id, budi_id = _podium(club)
    deleted = club.athletes.delete(budi_id, club.athletes.get(budi_id).revision)
    club.tournaments.delete(tournament_id, keep_medals=True)

    back = club.athletes.undo_delete(deleted.undo_token)

    [gold] = back.medals
    assert (gold.competition, gold.tournament_id) == ("Bogor Open", None)
    assert club.tournaments.for_athlete(budi_id) == []


def test_an_undo_never_lands_in_a_tournament_made_after_its_own_was_deleted(
    club: TournamentClub,
) -> None:
    # Ids are never given twice: the new tournament (and its copied categories and classes)
    # can't take the deleted one's, so the athlete comes back with a medal of their own.
    tournament_id, budi_id = _podium(club)
    deleted = club.athletes.delete(budi_id, club.athletes.get(budi_id).revision)
    club.tournaments.delete(tournament_id, keep_medals=True)
    newer = club.tournament("Jakarta Cup")

    back = club.athletes.undo_delete(deleted.undo_token)

    assert newer.id != tournament_id
    assert [e.full_name for e in club.tournaments.get(newer.id).entries] == []
    [gold] = back.medals
    assert (gold.competition, gold.tournament_id) == ("Bogor Open", None)


def test_a_delete_is_not_undone_into_data_restored_since(
    club: TournamentClub, tmp_path: Path
) -> None:
    # After a restore the deleted athlete's ids (theirs, their tournament's) may be another
    # club's: the undo is refused and the restored data stays exactly as restored.
    _tournament_id, budi_id = _podium(club)
    snapshot = tmp_path / "before.db"
    BackupService(club.db, JobLock()).export(snapshot, replace=False)
    deleted = club.athletes.delete(budi_id, club.athletes.get(budi_id).revision)
    restore = RestoreService(club.db, JobLock())
    restore.restore(restore.inspect(snapshot).token)
    restored = club.tournaments.list()

    with pytest.raises(ConflictError, match="a backup was restored since"):
        club.athletes.undo_delete(deleted.undo_token)

    assert club.tournaments.list() == restored
    assert club.athletes.get(budi_id).full_name == "Budi Santoso"


# Backups, the restore preview, older backups


def test_backups_and_the_restore_preview_count_tournaments_and_entries(
    club: TournamentClub, tmp_path: Path
) -> None:
    tournament_id, _budi = _podium(club)
    backup = BackupService(club.db, JobLock()).export(tmp_path / "club.db", replace=False)
    club.tournament("Jakarta Open")
    restore = RestoreService(club.db, JobLock())

    plan = restore.inspect(tmp_path / "club.db")

    assert backup.contents is not None
    assert (backup.contents["tournaments"], backup.contents["tournament_entries"]) == (1, 2)
    assert (plan.backup.contents["tournaments"], plan.current.contents["tournaments"]) == (1, 2)
    assert plan.current.contents["tournament_entries"] == 2
    differences = {d.table: d for d in plan.differences or []}
    assert differences["tournaments"].only_current == 1
    assert [e.label for e in differences["tournaments"].only_current_examples] == ["Jakarta Open"]
    assert not differences["tournament_entries"].differs
    restore.restore(plan.token)
    assert [t.id for t in club.tournaments.list()] == [tournament_id]


def test_a_backup_from_data_version_7_restores_with_no_tournaments(
    club: TournamentClub, tmp_path: Path
) -> None:
    _podium(club)
    old = tmp_path / "from-version-7.db"
    conn = sqlite3.connect(old, isolation_level=None)
    migrate(conn, 0, MIGRATIONS[:7])
    conn.execute(
        "INSERT INTO athletes(full_name, search_name, birth_date, sex, member_id) "
        "VALUES ('Dewi Lestari', 'dewi lestari', '2011-02-03', 'F', 'JM-001')"
    )
    conn.execute(
        "INSERT INTO medals(athlete_id, competition, held_on, place) "
        "VALUES (1, 'City Open', '2024-05-01', 'silver')"
    )
    assert (count_contents(conn)["tournaments"], count_contents(conn)["tournament_entries"]) == (
        None,
        None,
    )
    conn.close()
    restore = RestoreService(club.db, JobLock())

    restore.restore(restore.inspect(old).token)

    assert club.tournaments.list() == []
    [dewi] = club.athletes.roster({}).rows
    [silver] = club.athletes.get(dewi.id).medals
    assert (silver.competition, silver.tournament_id) == ("City Open", None)
    assert club.tournaments.for_athlete(dewi.id) == []
    # A new tournament takes the weight classes the migration gave the ruleset.
    made = club.tournament()
    assert weight_class(made, "U18", "F", "-44")


# What a restored file may hold


def _restored_with(tmp_path: Path, club: TournamentClub, *statements: str) -> None:
    """Restore, over `club`, another club's file with two tournaments that another program
    then changed with `statements` (checks and foreign keys as SQLite has them)."""
    other = open_database(database_path(tmp_path / "other"))
    theirs = TournamentClub.on(other)
    ade, bayu = theirs.athlete("Ade Putra"), theirs.athlete("Bayu Putra")
    first = theirs.enter(theirs.tournament("First Cup"), ade, bayu)
    theirs.enter(theirs.tournament("Second Cup"), ade)
    theirs.clock.today = RESULTS_DAY
    theirs.tournaments.set_result(first.id, entry_of(first, bayu).id, "2")
    other.close()
    conn = sqlite3.connect(other.path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    for statement in statements:
        conn.execute(statement)
    conn.close()
    restore = RestoreService(club.db, JobLock())
    restore.restore(restore.inspect(other.path).token)


def test_an_entry_naming_another_tournaments_category_or_class_reads_as_none_chosen(
    club: TournamentClub, tmp_path: Path
) -> None:
    second = "(SELECT id FROM tournaments WHERE name = 'Second Cup')"
    first = "(SELECT id FROM tournaments WHERE name = 'First Cup')"
    other_category = (
        f"(SELECT id FROM tournament_categories WHERE tournament_id = {second} AND code = 'U18')"
    )
    other_class = (
        "(SELECT min(w.id) FROM tournament_weight_classes w JOIN tournament_categories c "
        f"ON c.id = w.category_id WHERE c.tournament_id = {second} AND c.code = 'U21')"
    )
    _restored_with(
        tmp_path,
        club,
        f"UPDATE tournament_entries SET category_id = {other_category} "
        f"WHERE tournament_id = {first} AND athlete_id = 1",
        f"UPDATE tournament_entries SET weight_class_id = {other_class} "
        f"WHERE tournament_id = {first} AND athlete_id = 2",
        # A deadline only another program would write.
        f"UPDATE tournaments SET entry_deadline = 'soon' WHERE id = {first}",
    )
    cup = next(t for t in club.tournaments.list() if t.name == "First Cup")

    read = club.tournaments.get(cup.id)

    # Without a category, Ade's entry comes last.
    bayu, ade = read.entries
    assert (ade.full_name, ade.category_id, ade.weight_class_id) == ("Ade Putra", None, None)
    assert [c.code for c in ade.conflicts] == ["no_category"]
    assert (bayu.category_id, bayu.weight_class_id) == (category(read, "U18"), None)
    assert [c.code for c in bayu.conflicts] == ["weight_class"]
    assert club.tournaments.entry_sheet(cup.id).groups[0].values[2] == "No weight class"


def test_an_entry_naming_another_athletes_medal_never_changes_it(
    club: TournamentClub, tmp_path: Path
) -> None:
    first = "(SELECT id FROM tournaments WHERE name = 'First Cup')"
    # Ade's entry names Bayu's silver; Bayu's names none.
    _restored_with(
        tmp_path,
        club,
        "CREATE TEMP TABLE silver AS SELECT medal_id AS id FROM tournament_entries "
        "WHERE medal_id IS NOT NULL",
        f"UPDATE tournament_entries SET medal_id = NULL WHERE tournament_id = {first}",
        f"UPDATE tournament_entries SET medal_id = (SELECT id FROM silver) "
        f"WHERE tournament_id = {first} AND athlete_id = 1",
    )
    club.clock.today = RESULTS_DAY
    cup = next(t for t in club.tournaments.list() if t.name == "First Cup")
    read = club.tournaments.get(cup.id)
    ade, bayu = read.entries
    [silver] = club.athletes.get(bayu.athlete_id).medals

    assert (ade.medal_id, bayu.medal_id, bayu.result) == (None, None, "2")
    # No entry gives it now: Bayu's page may change it like any other medal.
    assert silver.tournament_id is None

    after = club.tournaments.set_result(cup.id, ade.id, None)
    club.tournaments.set_result(cup.id, ade.id, "3")

    assert club.athletes.get(bayu.athlete_id).medals == [silver]
    [bronze] = club.athletes.get(ade.athlete_id).medals
    assert (bronze.place, bronze.tournament_id) == ("bronze", cup.id)
    assert entry_of(after, club.athletes.get(ade.athlete_id)).result is None

    # Deleting the tournament with its medals takes the one its results gave, not Bayu's.
    club.tournaments.delete(cup.id, keep_medals=False)

    assert club.athletes.get(ade.athlete_id).medals == []
    [kept] = club.athletes.get(bayu.athlete_id).medals
    assert (kept.id, kept.place, kept.competition) == (silver.id, "silver", "First Cup")


def test_an_odd_weigh_in_from_a_file_doesnt_block_changing_the_entry(
    club: TournamentClub, tmp_path: Path
) -> None:
    # 270 kg passes the file's CHECK (up to 300) but not the form's 15 to 250: kept as it is
    # while the coach changes the category, checked once the coach types another.
    first = "(SELECT id FROM tournaments WHERE name = 'First Cup')"
    _restored_with(
        tmp_path,
        club,
        f"UPDATE tournament_entries SET weigh_in_kg = 270 WHERE tournament_id = {first} "
        "AND athlete_id = 1",
    )
    cup = next(t for t in club.tournaments.list() if t.name == "First Cup")
    read = club.tournaments.get(cup.id)
    ade = next(e for e in read.entries if e.full_name == "Ade Putra")
    fields = {"weight_class_id": None, "weigh_in_kg": 270.0, "follow_weight": True}

    moved = club.tournaments.update_entry(
        cup.id, ade.id, {"category_id": category(read, "SEN"), **fields}
    )

    assert entry_of(moved, ade).weigh_in_kg == 270.0
    assert entry_of(moved, ade).category_id == category(moved, "SEN")
    with pytest.raises(ValidationError) as refused:
        club.tournaments.update_entry(
            cup.id, ade.id, {"category_id": category(read, "SEN"), **fields, "weigh_in_kg": 280}
        )
    assert set(refused.value.fields) == {"weigh_in_kg"}


def test_a_file_with_a_weigh_in_of_zero_is_refused(club: TournamentClub, tmp_path: Path) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="CHECK constraint failed"):
        _restored_with(tmp_path / "checked", club, "UPDATE tournament_entries SET weigh_in_kg = 0")
    with pytest.raises(RestoreRejectedError, match="1 tournament entry has values outside"):
        _restored_with(
            tmp_path / "unchecked",
            club,
            "PRAGMA ignore_check_constraints = 1",
            "UPDATE tournament_entries SET weigh_in_kg = 0 WHERE id = 1",
        )
    assert club.tournaments.list() == []


# The bridge and the command line


@pytest.fixture
def api(db: Database) -> JudoManagerApi:
    return JudoManagerApi(AppServices.build(db), DesktopWindow())


def test_the_bridge_speaks_camel_case_and_returns_coach_errors_with_codes(
    api: JudoManagerApi, club: TournamentClub
) -> None:
    budi = club.athlete("Budi Santoso", sex="M", weight=66.0)
    # The bridge's services run on the real clock: a tournament still to come, whenever
    # the test runs.
    made = api.tournaments.create(
        {"name": "Bogor Open", "startsOn": "2099-07-12", "entryDeadline": "2099-07-01"}
    )
    added = api.tournaments.addEntries(made["id"], [budi.id, budi.id])
    json.dumps(added)  # what pywebview sends

    tournament = added["tournament"]
    assert (added["added"], added["skipped"]) == (1, 0)
    assert set(tournament) == set(wire_fields(Tournament))
    [entry] = tournament["entries"]
    assert set(entry) == set(wire_fields(Entry))
    assert set(tournament["categories"][0]) == set(wire_fields(TournamentCategory))
    assert {"openToF", "openToM", "minBeltId", "weightClasses"} <= set(tournament["categories"][0])
    assert set(api.tournaments.list()[0]) == set(wire_fields(TournamentSummary))
    assert set(api.tournaments.forAthlete(budi.id)[0]) == set(wire_fields(AthleteTournament))

    changed = api.tournaments.updateEntry(
        made["id"],
        entry["id"],
        {
            "categoryId": entry["categoryId"],
            "weightClassId": entry["weightClassId"],
            "weighInKg": 67,
        },
    )
    conflicts = {c["code"]: c for c in changed["entries"][0]["conflicts"]}
    assert set(conflicts["weight_class"]) == set(wire_fields(Conflict))
    assert conflicts["weight_class"]["message"] == (
        "67 kg is outside the chosen weight class, -66 kg."
    )

    cases = [
        (lambda: api.tournaments.get(999), NotFoundError, "not-found"),
        (lambda: api.tournaments.setResult(made["id"], entry["id"], "4"), ValidationError,
         "validation"),
        (lambda: api.tournaments.setResult(made["id"], entry["id"], "1"), ConflictError,
         "conflict"),
        (lambda: api.tournaments.updateEntry(made["id"], entry["id"], {"categoryId": 999}),
         ValidationError, "validation"),
        (lambda: api.tournaments.removeEntries("1", [entry["id"]]), NotFoundError, "not-found"),
    ]  # fmt: skip
    for call, kind, code in cases:
        with pytest.raises(kind) as error:
            call()
        assert error_for_page(error.value)["code"] == code
    with pytest.raises(ValidationError) as error:
        api.tournaments.updateEntry(made["id"], entry["id"], {"categoryId": 999})
    fields = json.loads(error_for_page(error.value)["message"])["fields"]
    assert list(fields) == ["categoryId"]
    assert api.tournaments.delete(made["id"], True) is None


def test_the_command_line_lists_the_tournaments(
    club: TournamentClub, capsys: pytest.CaptureFixture[str]
) -> None:
    _podium(club, "Bogor Open")
    club.tournament("Past Cup", starts_on="2025-05-01", ends_on="2025-05-02", location=None)
    data_dir = str(club.db.path.parent)

    assert main(["--data-dir", data_dir, "tournaments", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert main(["--data-dir", data_dir, "--lang", "id", "tournaments", "list"]) == 0
    indonesian = capsys.readouterr().out.splitlines()
    assert main(["--data-dir", data_dir, "tournaments", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)

    # The command runs on the real clock: the July 2026 tournament may be past by then.
    assert "Past tournaments:" in lines
    assert any(line.endswith("Bogor Open, GOR Pajajaran, Bogor: 2 entries") for line in lines), (
        lines
    )
    assert any("1 May 2025 to 2 May 2025  Past Cup: 0 entries" in line for line in lines)
    assert any(line.endswith("Bogor Open, GOR Pajajaran, Bogor: 2 pendaftaran") for line in
               indonesian)  # fmt: skip
    assert [t["name"] for t in listed][-1] == "Past Cup"
    assert set(listed[0]) == set(wire_fields(TournamentSummary))


def test_the_command_line_wants_club_data_to_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(tmp_path / "none"), "tournaments", "list"]) == 1
    assert "There is no club data in" in capsys.readouterr().err
    assert not (tmp_path / "none").exists()


def test_the_entry_sheet_is_saved_where_the_coach_chooses(
    db: Database, club: TournamentClub, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    window = ChoosingWindow(tmp_path / "bogor.pdf", tmp_path / "bogor", None)
    api = JudoManagerApi(AppServices.build(db), window)
    made = club.enter(club.tournament(), club.athlete("Nguyễn Văn An"), club.athlete("山田 太郎"))

    pdf = api.tournaments.saveEntrySheet(made.id, "pdf")
    csv = api.tournaments.saveEntrySheet(made.id, "csv")
    cancelled = api.tournaments.saveEntrySheet(made.id, "xlsx")

    assert window.asked[0]["filename"] == "entries_Bogor Open_2026-07-12.pdf"
    assert window.asked[2]["filename"] == "entries_Bogor Open_2026-07-12.xlsx"
    assert pdf is not None and set(pdf) == set(wire_fields(SavedExport))
    assert (pdf["fileName"], pdf["format"]) == ("bogor.pdf", "pdf")
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "bogor.pdf").pages)
    assert "Nguyễn Văn An" in text and "山田 太郎" in text and "2 entries" in text
    assert csv is not None and csv["fileName"] == "bogor.csv"
    assert "Nguyễn Văn An" in (tmp_path / "bogor.csv").read_text(encoding="utf-8-sig")
    assert cancelled is None and sorted(p.name for p in tmp_path.glob("bogor*")) == [
        "bogor.csv",
        "bogor.pdf",
    ]
    api.exports.open(pdf["token"])
    assert window.opened == [tmp_path / "bogor.pdf"]
    with pytest.raises(ValidationError) as error:
        api.tournaments.saveEntrySheet(made.id, "docx")
    assert error_for_page(error.value)["code"] == "validation"
    with pytest.raises(NotFoundError):
        api.tournaments.saveEntrySheet(999, "pdf")
    assert len(window.asked) == 3  # neither asked where
