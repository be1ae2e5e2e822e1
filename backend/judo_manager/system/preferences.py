"""This computer's own choices for the window: its language, its zoom, and when to remind
of a backup.

Kept in a small JSON file in the data folder rather than in the database: they belong to
this computer, so a backup doesn't carry them and a restore doesn't change them. A file
that is missing, unreadable or damaged means the defaults; nothing else depends on it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from judo_manager.db.drive_errors import os_reason
from judo_manager.errors import DataFolderError, ValidationError
from judo_manager.i18n import SYSTEM_CHOICE, _, is_language, spoken_language

logger = logging.getLogger(__name__)

PREFERENCES_FILENAME = "preferences.json"
# The usual browser steps, 50% to 200%.
ZOOM_LEVELS = (0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)
DEFAULT_ZOOM = 1.0


@dataclass(frozen=True)
class Preferences:
    """What the window remembers on this computer."""

    zoom: float = DEFAULT_ZOOM
    # A language's code, or SYSTEM_CHOICE: whatever the system's language is at each start.
    language: str = SYSTEM_CHOICE
    # The backup reminder stays quiet until this day (exclusive); None: not snoozed.
    backup_reminder_snoozed_until: dt.date | None = None


class PreferencesFile:
    """Reads and writes `preferences.json` in a data folder."""

    def __init__(self, folder: Path) -> None:
        self._path = folder / PREFERENCES_FILENAME

    def read(self) -> Preferences:
        """The saved preferences; the defaults for anything missing or unreadable."""
        try:
            raw = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Preferences()
        except (OSError, ValueError):
            logger.warning("ignoring unreadable %s", self._path, exc_info=True)
            return Preferences()
        if not isinstance(raw, dict):
            return Preferences()
        zoom = raw.get("zoom")
        language = raw.get("language")
        snoozed = raw.get("backup_reminder_snoozed_until")
        try:
            snoozed_until = dt.date.fromisoformat(snoozed) if isinstance(snoozed, str) else None
        except ValueError:
            snoozed_until = None
        return Preferences(
            zoom=zoom if zoom in ZOOM_LEVELS else DEFAULT_ZOOM,
            backup_reminder_snoozed_until=snoozed_until,
            language=language if is_language(language) else SYSTEM_CHOICE,
        )

    def language(self) -> str:
        """The language the app speaks on this computer: the coach's choice, or the
        system's when the coach chose that (English when the app doesn't speak it)."""
        return spoken_language(self.read().language)

    def set_zoom(self, zoom: object) -> Preferences:
        """Keep `zoom`, one of `ZOOM_LEVELS`."""
        if isinstance(zoom, bool) or zoom not in ZOOM_LEVELS:
            raise ValidationError({"zoom": _("Zoom must be between 50% and 200%.")})
        return self._write(replace(self.read(), zoom=float(zoom)))  # type: ignore[arg-type]

    def set_language(self, choice: object) -> Preferences:
        """Keep the language: one of the app's, or SYSTEM_CHOICE."""
        if choice != SYSTEM_CHOICE and not is_language(choice):
            raise ValidationError({"language": _("Choose one of the languages in the list.")})
        return self._write(replace(self.read(), language=str(choice)))

    def snooze_backup_reminder(self, today: dt.date) -> Preferences:
        """Quiet the backup reminder until tomorrow."""
        tomorrow = today + dt.timedelta(days=1)
        return self._write(replace(self.read(), backup_reminder_snoozed_until=tomorrow))

    def _write(self, preferences: Preferences) -> Preferences:
        snoozed = preferences.backup_reminder_snoozed_until
        text = json.dumps(
            {
                "zoom": preferences.zoom,
                "language": preferences.language,
                "backup_reminder_snoozed_until": None if snoozed is None else snoozed.isoformat(),
            }
        )
        try:
            # Written beside it and moved over it: a crash leaves the old file or the new.
            handle, temporary = tempfile.mkstemp(
                prefix=".preferences-", suffix=".tmp", dir=self._path.parent
            )
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(text)
            os.replace(temporary, self._path)
        except OSError as error:
            raise DataFolderError(
                _(
                    "Couldn't remember this setting: the data folder can't be written ({error}).",
                    error=os_reason(error),
                )
            ) from error
        return preferences
