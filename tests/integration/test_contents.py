"""What a database holds is counted in one place, and every count follows it.

Adding a table to the restore preview and the backup records is one line in
`db/contents.py` (beside the table's migration): these tests list one more kind there and
see it in Settings, a backup's record, the restore preview and the command line, with no
other change.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from judo_manager.bridge import JudoManagerApi
from judo_manager.cli import main
from judo_manager.db import Database, contents
from judo_manager.db.contents import RecordKind, count_contents, describe_counts
from judo_manager.db.migrations import MIGRATIONS, migrate
from judo_manager.i18n import _, _n
from judo_manager.window.handle import DesktopWindow
from judo_manager.wiring import AppServices

# `rulesets` has been a table since data version 3, but isn't counted.
RULESETS = RecordKind(
    "rulesets", _("rulesets"), lambda count: _n("{count} ruleset", "{count} rulesets", count)
)


@pytest.fixture
def with_rulesets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(contents, "RECORD_KINDS", (*contents.RECORD_KINDS, RULESETS))


def _add_rulesets(db: Database, count: int) -> None:
    with db.write() as conn:
        first = conn.execute("SELECT count(*) FROM rulesets").fetchone()[0]
        conn.executemany(
            "INSERT INTO rulesets(name) VALUES (?)",
            [(f"Rules {i}",) for i in range(first, first + count)],
        )


def _counts(wire_contents: list[dict[str, object]]) -> dict[object, object]:
    return {item["kind"]: item["count"] for item in wire_contents}


@pytest.mark.usefixtures("with_rulesets")
def test_a_listed_kind_reaches_settings_backups_the_preview_and_the_command_line(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _add_rulesets(db, 1)  # and the default one
    services = AppServices.build(db)
    api = JudoManagerApi(services, DesktopWindow())
    backup = tmp_path / "club.db"

    attempt = services.backup.export(backup, replace=False)
    _add_rulesets(db, 1)
    plan = services.restore.inspect(backup)
    services.restore.discard_pending()

    assert _counts(api.system.getAppInfo()["contents"])["rulesets"] == 3
    assert attempt.contents is not None and attempt.contents["rulesets"] == 2
    last = api.system.getLastBackup()
    assert last is not None and _counts(last["contents"])["rulesets"] == 2
    assert (plan.backup.contents["rulesets"], plan.current.contents["rulesets"]) == (2, 3)
    assert main(["--data-dir", str(db.path.parent), "inspect", str(backup)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert any(line.split() == ["rulesets", "2", "3"] for line in out)


@pytest.mark.usefixtures("with_rulesets")
def test_a_file_without_the_table_counts_none_rather_than_zero(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    migrate(conn, 0, MIGRATIONS[:2])  # from before promotions, rules and stored files

    assert count_contents(conn) == {
        "athletes": 0,
        "promotions": None,
        "medals": None,
        "photos": None,
        "documents": None,
        "clubs": 0,
        "tournaments": None,
        "tournament_entries": None,
        "rulesets": None,
    }
    conn.close()


def test_counts_read_as_a_coach_would_say_them() -> None:
    assert str(describe_counts({"athletes": 1, "promotions": 2, "medals": 0})) == (
        "1 athlete, 2 promotions and 0 medals"
    )
    assert str(describe_counts({"athletes": 3, "promotions": None, "medals": None})) == (
        "3 athletes"
    )
