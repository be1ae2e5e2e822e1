"""The window's preferences file in a real data folder: kept, refused, and never in the way."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from judo_manager.errors import ValidationError
from judo_manager.system.preferences import PREFERENCES_FILENAME, Preferences, PreferencesFile


def test_the_zoom_and_the_snooze_are_kept_for_the_next_start(tmp_path: Path) -> None:
    PreferencesFile(tmp_path).set_zoom(1.5)
    PreferencesFile(tmp_path).snooze_backup_reminder(dt.date(2026, 3, 14))

    assert PreferencesFile(tmp_path).read() == Preferences(
        zoom=1.5, backup_reminder_snoozed_until=dt.date(2026, 3, 15)
    )
    assert [p.name for p in tmp_path.iterdir()] == [PREFERENCES_FILENAME]


@pytest.mark.parametrize("zoom", [3.0, 0.1, 1.3, True, "1.5", None])
def test_a_zoom_outside_the_usual_steps_is_refused(tmp_path: Path, zoom: object) -> None:
    with pytest.raises(ValidationError, match="between 50% and 200%"):
        PreferencesFile(tmp_path).set_zoom(zoom)
    assert not (tmp_path / PREFERENCES_FILENAME).exists()


@pytest.mark.parametrize(
    "content", [b"", b"not json", b"[1, 2]", b'{"zoom": 9, "backup_reminder_snoozed_until": 5}']
)
def test_a_damaged_file_means_the_defaults(tmp_path: Path, content: bytes) -> None:
    (tmp_path / PREFERENCES_FILENAME).write_bytes(content)
    assert PreferencesFile(tmp_path).read() == Preferences()
    # And it is simply written anew.
    PreferencesFile(tmp_path).set_zoom(0.8)
    assert PreferencesFile(tmp_path).read().zoom == 0.8
