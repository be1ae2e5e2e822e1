"""Safety copies are ordered by the app's own numbers, never by the clock.

A laptop whose battery died may wake up in 2020. Its next safety copy must still count as
the newest: kept when older ones are pruned, and the one that Undo puts back.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from judo_manager.bridge.system import safety_copy
from judo_manager.db import Database
from judo_manager.restore.safety_copies import KEEP
from judo_manager.wiring import AppServices
from tests.conftest import make_backup, make_club, run_cli


def _judo_manager(data_dir: Path, *args: str, clock: str | None = None) -> str:
    result = run_cli(data_dir, *args, clock=clock)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_with_the_clock_set_back_undo_still_brings_back_the_data_before_the_latest_restore(
    data_dir: Path, tmp_path: Path
) -> None:
    if shutil.which("faketime") is None:
        pytest.fail("faketime is missing; run the README's test command, which installs it")
    make_club(data_dir, 20)
    for athletes in range(30, 30 + KEEP):
        backup = make_backup(tmp_path / "usb" / f"backup-{athletes}.db", athletes)
        _judo_manager(data_dir, "restore", str(backup), "--yes")

    latest = make_backup(tmp_path / "usb" / "backup-60.db", 60)
    _judo_manager(data_dir, "restore", str(latest), "--yes", clock="2020-01-01 10:00:00")
    copies = sorted(p.name for p in (data_dir / "safety").glob("*.db"))
    undone = _judo_manager(data_dir, "undo-restore", "--yes")

    assert len(copies) == KEEP
    # The copy taken in "2020" is the newest by number, so it was kept and Undo used it.
    assert any("-20200101-" in name for name in copies)
    assert f"back as it was before the restore ({30 + KEEP - 1} athletes)" in undone


def test_each_safety_copy_reaches_the_page_as_what_it_undoes(db: Database, tmp_path: Path) -> None:
    services = AppServices.build(db)
    plan = services.restore.inspect(make_backup(tmp_path / "usb" / "backup.db", 3))
    restored = services.restore.restore(plan.token)
    assert restored.undo is not None
    assert safety_copy(restored.undo)["kind"] == "restore"
    services.restore.undo()

    newest = services.restore.safety_copies()[0]

    # The copy taken before the undo protects it; Undo never puts it back, so the page is
    # never told it is a restore's.
    assert newest.kind == "undo"
    with pytest.raises(ValueError, match="protects an undo"):
        safety_copy(newest)


def test_a_restore_after_an_import_is_the_newer_copy_whatever_the_clock_said(
    db: Database, tmp_path: Path
) -> None:
    services = AppServices.build(db)
    taken = services.restore.take_import_copy()
    # Taken while the clock was years ahead; it has since been set right.
    ahead = taken.with_name(re.sub(r"\d{8}-", "20990101-", taken.name, count=1))
    taken.rename(ahead)

    restored = services.restore.restore(
        services.restore.inspect(make_backup(tmp_path / "usb" / "backup.db", 3)).token
    )

    # Undo puts back the data from before the restore, not from before the import.
    assert restored.undo is not None and restored.undo.kind == "restore"
