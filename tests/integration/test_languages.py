"""Python speaks each bridge call's language, on that call's thread alone; a new club's rules
are named in the app's language; the language choice is kept on this computer.

Calls go through the guarded dispatcher that the window installs, on the real services of a
real database: only pywebview's window is stood in for, by what the dispatcher uses of it.
"""

from __future__ import annotations

import json
import queue
import threading
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from webview.util import parse_file_type

from judo_manager.bridge import JudoManagerApi
from judo_manager.bridge.guards import guard_dispatch
from judo_manager.bridge.prompts import ask_backup_destination, ask_restore_source
from judo_manager.db import Database, open_database
from judo_manager.db.layout import database_path
from judo_manager.i18n import LANGUAGES, speaking, translate
from judo_manager.rules.service import RulesService
from judo_manager.system.preferences import PREFERENCES_FILENAME, PreferencesFile
from judo_manager.window.handle import DesktopWindow
from judo_manager.wiring import AppServices

TIMEOUT_S = 30


class _Window:
    """What the guarded dispatcher uses of a pywebview window; `run_js` keeps the answers."""

    def __init__(self, api: object) -> None:
        self._js_api = api
        self._functions: dict[str, object] = {}
        self.answers: queue.Queue[str] = queue.Queue()

    def run_js(self, script: str) -> None:
        self.answers.put(script)


class _Page:
    """The page's side of the bridge: calls as the stubs send them, answers as they settle."""

    def __init__(self, api: object) -> None:
        self.window = _Window(api)
        self._backend = ModuleType("backend")
        self._backend.js_bridge_call = lambda *call: None  # pywebview's own, never reached
        guard_dispatch(self._backend, from_app_page=lambda window: True)

    def send(self, name: str, language: str, *args: object, call_id: str = "1") -> None:
        """Call `name` as the stubs do: {language, args}; answered on a thread of its own."""
        param = {"language": language, "args": list(args)}
        self._backend.js_bridge_call(self.window, name, param, call_id)

    def answers(self, count: int) -> dict[str, dict[str, Any]]:
        """The next `count` answers, by call id: {"isError": …, "value": …}."""
        found = {}
        for _ in range(count):
            script = self.window.answers.get(timeout=TIMEOUT_S)
            call_id = script.split("][", 1)[1].split("]", 1)[0].strip('"')
            reply = json.loads(script.rsplit("](", 1)[1].removesuffix(");"))
            found[call_id] = {
                "isError": reply.get("isError", False),
                "value": json.loads(reply["value"]),
            }
        return found

    def call(self, name: str, language: str, *args: object) -> dict[str, Any]:
        self.send(name, language, *args)
        return self.answers(1)["1"]


@pytest.fixture
def api(db: Database) -> JudoManagerApi:
    return JudoManagerApi(AppServices.build(db), DesktopWindow())


def test_an_error_reaches_the_page_in_the_calls_language_with_its_stable_code(
    api: JudoManagerApi,
) -> None:
    page = _Page(api)

    indonesian = page.call("athletes.get", "id", 987654)
    english = page.call("athletes.get", "en", 987654)

    assert indonesian["isError"] and english["isError"]
    assert indonesian["value"]["code"] == english["value"]["code"] == "not-found"
    assert indonesian["value"]["message"] == (
        "Data atlet itu sudah tidak ada; mungkin data baru saja dipulihkan."
    )
    assert english["value"]["message"] == (
        "That athlete is no longer there; the data may have been restored meanwhile."
    )


def test_a_language_the_app_doesnt_speak_is_answered_in_english(api: JudoManagerApi) -> None:
    reply = _Page(api).call("athletes.get", "fr", 987654)
    assert reply["value"]["message"].startswith("That athlete is no longer there")


class _Meeting:
    """A bridge namespace whose calls wait for each other inside the call, then ask the real
    roster: so two calls are surely running at the same moment when they answer."""

    def __init__(self, api: JudoManagerApi, barrier: threading.Barrier) -> None:
        self._api = api
        self._barrier = barrier

    def get(self, id: int) -> object:
        self._barrier.wait(timeout=TIMEOUT_S)
        return self._api.athletes.get(id)


def test_two_calls_at_the_same_moment_each_speak_their_own_language(
    api: JudoManagerApi,
) -> None:
    barrier = threading.Barrier(2)
    api.meeting = _Meeting(api, barrier)  # type: ignore[attr-defined]
    page = _Page(api)

    page.send("meeting.get", "id", 987654, call_id="indonesian")
    page.send("meeting.get", "en", 987654, call_id="english")
    answers = page.answers(2)

    assert not barrier.broken
    assert answers["indonesian"]["value"]["message"].startswith("Data atlet itu sudah tidak ada")
    assert answers["english"]["value"]["message"].startswith("That athlete is no longer there")
    assert {a["value"]["code"] for a in answers.values()} == {"not-found"}


def test_a_forms_field_problems_reach_the_page_in_the_calls_language(
    api: JudoManagerApi,
) -> None:
    reply = _Page(api).call("athletes.create", "id", {"fullName": "", "weightKg": 300})

    assert reply["isError"] and reply["value"]["code"] == "validation"
    problems = json.loads(reply["value"]["message"])
    assert problems["fields"]["fullName"] == "Nama lengkap wajib diisi."
    assert problems["fields"]["sex"] == "Silakan pilih jenis kelamin."
    assert problems["fields"]["beltId"] == "Silakan pilih sabuk."
    assert problems["fields"]["weightKg"] == "Berat badan harus antara 15 dan 250 kg."
    assert problems["message"].startswith("Nama lengkap wajib diisi.")


def test_a_warning_is_worded_and_numbered_in_the_calls_language(api: JudoManagerApi) -> None:
    belts = {belt["name"]: belt["id"] for belt in api.rules.get()["belts"]}
    form = {"birthDate": "2020-03-14", "sex": "F", "beltId": belts["White"], "weightKg": 61.5}

    reply = _Page(api).call("athletes.checkAthlete", "id", form)

    assert not reply["isError"]
    warning = reply["value"]["weightKg"]
    assert warning.startswith("61,5 kg jauh dari berat biasa")
    assert "untuk anak perempuan berusia" in warning


def test_a_data_problem_is_told_in_the_calls_language(data_dir: Path) -> None:
    path = database_path(data_dir)
    path.write_bytes(b"")
    api = JudoManagerApi(AppServices.build(Database(path)), DesktopWindow())

    reply = _Page(api).call("system.getDataProblem", "id")

    assert reply["value"]["message"] == (
        "Data klub Anda di komputer ini rusak: judo_manager.db kosong (0 byte). "
        "Pulihkan dari cadangan: file yang rusak akan disimpan terpisah, apa adanya."
    )


# --- a new club's default rules ----------------------------------------------------------


def _rules_of(path: Path, language: str) -> tuple[list[str], list[tuple[str, str]], str]:
    db = open_database(path, language=language)
    try:
        rules = RulesService(db).get()
    finally:
        db.close()
    categories = [(category.code, category.name) for category in rules.categories]
    return [belt.name for belt in rules.belts], categories, rules.ruleset_name


def test_a_new_club_gets_its_belts_and_categories_in_the_apps_language(tmp_path: Path) -> None:
    belts, categories, ruleset = _rules_of(database_path(tmp_path / "dojo"), "id")

    assert belts[:3] == ["Sabuk Putih", "Sabuk Putih-Kuning", "Sabuk Kuning"]
    assert belts[8] == "Sabuk Cokelat"
    assert belts[9:] == [f"Dan {n}" for n in range(1, 11)]
    assert ("U9", "Di bawah 9 tahun") in categories and ("U18", "Kadet") in categories
    assert ruleset == "Kategori usia IJF"


def test_a_new_club_in_english_gets_the_english_names(tmp_path: Path) -> None:
    belts, categories, ruleset = _rules_of(database_path(tmp_path / "club"), "en")

    assert belts[0] == "White" and belts[9] == "1st Dan" and belts[-1] == "10th Dan"
    assert ("U9", "Under 9") in categories
    assert ruleset == "IJF age categories"


def test_an_existing_club_is_never_renamed(tmp_path: Path) -> None:
    path = database_path(tmp_path / "club")
    english = _rules_of(path, "en")

    assert _rules_of(path, "id") == english


def test_the_command_line_makes_a_new_club_in_its_language(tmp_path: Path) -> None:
    from tests.conftest import run_cli, system_speaking

    data = tmp_path / "data"
    assert (
        run_cli(data, "demo", "--athletes", "3", env=system_speaking("id_ID.UTF-8")).returncode == 0
    )

    belts, _categories, _ruleset = _rules_of(database_path(data), "en")
    assert belts[0] == "Sabuk Putih"


def test_the_window_opens_a_new_club_in_the_coachs_language(tmp_path: Path) -> None:
    from judo_manager.db.layout import DataFolder
    from judo_manager.window.app import _open

    folder = DataFolder(tmp_path / "data")
    folder.root.mkdir()
    PreferencesFile(folder.root).set_language("id")

    db, opened = _open(folder, PreferencesFile(folder.root).language())
    db.close()

    assert opened

    assert _rules_of(folder.database, "en")[0][0] == "Sabuk Putih"


# --- the choice, on this computer ---------------------------------------------------------


def test_set_language_keeps_the_choice_for_the_next_start(api: JudoManagerApi) -> None:
    chosen = api.system.setLanguage("id")
    assert (chosen["choice"], chosen["language"]) == ("id", "id")

    folder = api.system.getAppInfo()["dataDir"]
    assert PreferencesFile(Path(folder)).read().language == "id"
    assert api.system.getLanguage()["choice"] == "id"
    assert {option["code"] for option in chosen["languages"]} == {"en", "id"}

    assert api.system.setLanguage("system")["choice"] == "system"


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b'{"language": "fr"}', b'{"language": 7}', b'{"language": null}'],
)
def test_a_damaged_or_unknown_choice_means_the_systems_language(
    tmp_path: Path, content: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / PREFERENCES_FILENAME).write_bytes(content)
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "id_ID.UTF-8")

    preferences = PreferencesFile(tmp_path)

    assert preferences.read().language == "system"
    assert preferences.language() == "id"


def test_an_unknown_choice_is_refused_in_the_calls_language(api: JudoManagerApi) -> None:
    reply = _Page(api).call("system.setLanguage", "id", "fr")

    assert reply["value"]["code"] == "validation"
    problems = json.loads(reply["value"]["message"])
    assert problems["fields"]["language"] == "Pilih salah satu bahasa dalam daftar."


# --- the native dialogs ---------------------------------------------------------------------


class _Dialogs:
    """The window as the dialogs see it, answering Cancel and keeping what they showed."""

    def __init__(self) -> None:
        self.shown: list[dict[str, object]] = []

    def ask_save_path(self, **shown: object) -> None:
        self.shown.append(shown)

    def ask_open_path(self, **shown: object) -> None:
        self.shown.append(shown)


def test_the_dialogs_titles_and_file_types_are_in_the_calls_language() -> None:
    window = _Dialogs()
    with speaking("id"):
        ask_backup_destination(window, None)  # type: ignore[arg-type]
        ask_restore_source(window, None)  # type: ignore[arg-type]

    saving, opening = window.shown
    assert saving["title"] == "Simpan cadangan"
    assert opening["title"] == "Pilih cadangan untuk dipulihkan"
    assert (
        saving["file_types"]
        == opening["file_types"]
        == (
            "Cadangan Judo Manager (*.db)",
            "Semua file (*.*)",
        )
    )


@pytest.mark.parametrize("code", [language.code for language in LANGUAGES])
def test_every_languages_file_types_are_ones_pywebview_accepts(code: str) -> None:
    window = _Dialogs()
    with speaking(code):
        ask_restore_source(window, None)  # type: ignore[arg-type]

    for file_type in window.shown[0]["file_types"]:  # type: ignore[attr-defined]
        parse_file_type(file_type)  # raises for a description pywebview can't read


def test_sqlites_reasons_are_told_in_the_coachs_words(tmp_path: Path) -> None:
    import sqlite3

    from judo_manager.db.drive_errors import sqlite_reason

    notes = tmp_path / "notes.db"
    notes.write_bytes(b"Training on Tuesday\n" * 400)
    conn = sqlite3.connect(notes)
    try:
        with pytest.raises(sqlite3.DatabaseError) as raised:
            conn.execute("SELECT * FROM sqlite_master").fetchall()
    finally:
        conn.close()

    reason = sqlite_reason(raised.value)
    # Not SQLite's "file is not a database", in English whatever the coach reads.
    assert translate(reason, "en") == "it isn't a database file"
    assert translate(reason, "id") == "ini bukan file database"
