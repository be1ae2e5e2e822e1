"""Safety copies are ordered by the app's own numbers, never by the clock.

A laptop whose battery died may wake up in 2020. Its next safety copy must still count as
the newest: kept when older ones are pruned, and the one that Undo puts back.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from judo_manager.db import open_database
from judo_manager.db.layout import database_path
from judo_manager.db.snapshot import write_verified_copy
from judo_manager.demo.generator import fill_demo_club
from judo_manager.restore.safety_copies import KEEP


def _backup(tmp_path: Path, athletes: int) -> Path:
    db = open_database(database_path(tmp_path / f"club-{athletes}"))
    fill_demo_club(db, athletes, seed=athletes)
    db.close()
    destination = tmp_path / f"backup-{athletes}.db"
    write_verified_copy(db.path, destination, scratch_dir=tmp_path / "scratch")
    return destination


def _judo_manager(data_dir: Path, *args: str, clock: str | None = None) -> str:
    faked = ["faketime", clock] if clock else []
    result = subprocess.run(
        [*faked, sys.executable, "-m", "judo_manager", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_with_the_clock_set_back_undo_still_brings_back_the_data_before_the_latest_restore(
    data_dir: Path, tmp_path: Path
) -> None:
    if shutil.which("faketime") is None:
        pytest.fail("faketime is missing; run the README's test command, which installs it")
    db = open_database(database_path(data_dir))
    fill_demo_club(db, 20, seed=1)
    db.close()
    for athletes in range(30, 30 + KEEP):
        _judo_manager(data_dir, "restore", str(_backup(tmp_path, athletes)), "--yes")

    _judo_manager(
        data_dir, "restore", str(_backup(tmp_path, 60)), "--yes", clock="2020-01-01 10:00:00"
    )
    copies = sorted(p.name for p in (data_dir / "safety").iterdir())
    undone = _judo_manager(data_dir, "undo-restore")

    assert len(copies) == KEEP
    # The copy taken in "2020" is the newest by number, so it was kept and Undo used it.
    assert any("-20200101-" in name for name in copies)
    assert f"back as it was before the restore ({30 + KEEP - 1} athletes)" in undone
