"""Which data folder the app uses."""

from __future__ import annotations

from pathlib import Path

import pytest
from platformdirs import user_data_dir

from judo_manager.db.layout import DATA_DIR_ENV, resolve_data_dir


def test_command_line_wins_over_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert resolve_data_dir(str(tmp_path / "from-cli")) == tmp_path / "from-cli"


def test_environment_wins_over_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert resolve_data_dir(None) == tmp_path / "from-env"


def test_default_is_the_users_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    assert resolve_data_dir(None) == Path(user_data_dir("Judo Manager", appauthor=False))
