"""Every error the app reports to a coach.

The messages are shown as they are: in a toast, in a startup window or after `error:` on the
command line. They say what happened and what to do, in a coach's words.

JudoManagerError
 ├── DataFolderError          the data folder can't be created or written
 │    ├── ReadOnlyDataError   the data folder's disk is read-only (often: it is failing)
 │    └── DiskFullError       the disk holding the data folder is full
 ├── DatabaseError            the club database can't be used
 │    ├── ForeignDatabaseError  SQLite, but not Judo Manager's
 │    ├── NewerDatabaseError  written by a newer version of the app
 │    └── DamagedDatabaseError  the club's data on this computer is damaged: restore it
 │         └── NotADatabaseError  it isn't even an SQLite file any more
 ├── DialogError              the native file dialog could not be shown
 ├── WindowEngineError        the window's web engine is missing (WebView2) or not allowed
 ├── UnexpectedError          a fault in the app itself, told calmly
 ├── BusyError                another backup or restore is running
 ├── FolderInUseError         another Judo Manager has this data folder open
 ├── FileInUseError           another task of this app still has the database file open
 ├── MediaRefusedError        a chosen photo or document can't be kept
 ├── MediaCopyError           a copy of a stored file could not be written where chosen
 ├── ExportError              an entry sheet or list could not be written where chosen
 ├── BackupError              a backup could not be written
 │    ├── BackupVerificationError  the copy on the drive is not what was written
 │    └── DestinationExistsError   a file is already there and replacing it wasn't asked for
 ├── RestoreError             a restore could not be done; the data is unchanged
 │    └── RestoreRejectedError  the chosen file can't be restored
 ├── ImportRejectedError      a spreadsheet of athletes can't be imported; nothing changed
 ├── ValidationError          some fields of a form are wrong; says which
 ├── NotFoundError            the athlete, promotion, medal or rule is no longer there
 ├── StaleRecordError         the record changed (or was restored over) since the page loaded it
 └── ConflictError            the change would break data the club holds
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

from judo_manager.i18n import Message, _, translate

_WORD_START = re.compile(r"(?<!^)(?=[A-Z])")


class JudoManagerError(Exception):
    """Base of every error whose message is meant for the coach.

    `message` is kept as a `Message` and rendered when read: `str(error)` is in the
    language being spoken on this thread (the bridge call's, the command line's). `code`
    is stable, derived from the class name ("StaleRecordError" is "stale-record"), so the
    page can react to an error without reading its text.
    """

    code: ClassVar[str] = "judo-manager"

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls.code = _WORD_START.sub("-", cls.__name__.removesuffix("Error")).lower()

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:
        return translate(self.message)


class DataFolderError(JudoManagerError):
    """The data folder can't be created or written."""


class ReadOnlyDataError(DataFolderError):
    """The data folder's disk is read-only; what only reads (a backup) still works."""


class DiskFullError(DataFolderError):
    """The disk holding the data folder is full; nothing was changed."""


class DatabaseError(JudoManagerError):
    """The club database can't be used."""


class ForeignDatabaseError(DatabaseError):
    """The file is an SQLite database that another program made."""


class NewerDatabaseError(DatabaseError):
    """The database was written by a newer version of Judo Manager."""


class DamagedDatabaseError(DatabaseError):
    """The live database is empty, cut off, or fails its check: it must be restored.

    Never replaced by an empty club; a restore keeps it aside as it is.
    """


class NotADatabaseError(DamagedDatabaseError):
    """The live database file is not an SQLite database (any more)."""


class DialogError(JudoManagerError):
    """The native file dialog could not be shown."""


class WindowEngineError(JudoManagerError):
    """The window's web engine is missing (WebView2 on Windows) or not one the app guards."""


class UnexpectedError(JudoManagerError):
    """Something failed that the app did not foresee; the details go to the log."""


class BackupError(JudoManagerError):
    """A backup could not be written; nothing was left under the chosen name."""


class BusyError(JudoManagerError):
    """Another backup or restore is already running."""


class FolderInUseError(JudoManagerError):
    """Another Judo Manager window or command has this data folder open for writing."""


class FileInUseError(JudoManagerError):
    """The database file can't be replaced while another task of the app has it open."""


class BackupVerificationError(BackupError):
    """The copy on the drive differs from what was written, or fails its checks."""


class DestinationExistsError(BackupError):
    """A file is already under the chosen name, and the coach didn't ask to replace it.

    The message names the file; the command line or the window adds how to replace it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            _("A file named {name} already exists in {folder}.", name=path.name, folder=path.parent)
        )


class RestoreError(JudoManagerError):
    """A restore or undo could not be done; the current data is unchanged."""


class RestoreRejectedError(RestoreError):
    """The chosen file is not a backup that can be restored, and says why."""


class ImportRejectedError(JudoManagerError):
    """A spreadsheet of athletes can't be imported (its kind, its size, its rows, or the
    preview is gone); says why, and nothing was changed."""


class MediaRefusedError(JudoManagerError):
    """A chosen photo or document can't be kept: its kind, its size, or its content."""


class MediaCopyError(JudoManagerError):
    """A copy of a stored photo or document could not be written where the coach chose."""


class ExportError(JudoManagerError):
    """An exported document (an entry sheet, a roster list) could not be written where the
    coach chose; a file that was under that name is unchanged."""


class ValidationError(JudoManagerError):
    """Some fields of a form are wrong; `fields` maps each field to what is wrong with it."""

    def __init__(self, fields: Mapping[str, Message]) -> None:
        self.fields = dict(fields)
        super().__init__(next(iter(self.fields.values()), _("Some fields are not right.")))

    def __str__(self) -> str:
        return " ".join(translate(message) for message in self.fields.values())


class NotFoundError(JudoManagerError):
    """The athlete, promotion, medal or rule asked for is no longer there."""

    @classmethod
    def of(cls, what: Message) -> NotFoundError:
        """The error for a missing `what` (`_("athlete")`, `_("medal")`, ...)."""
        return cls(
            _(
                "That {what} is no longer there; the data may have been restored meanwhile.",
                what=what,
            )
        )


class StaleRecordError(JudoManagerError):
    """The record changed, or a restore replaced it, since the page loaded it.

    The page reloads the record on this error, so the coach sees what is saved now.
    """

    @classmethod
    def of(cls, what: Message) -> StaleRecordError:
        """The error for a changed `what` (`_("athlete")`, ...)."""
        return cls(
            _(
                "This {what} changed since you opened the form, so nothing was saved. The "
                "form now shows the saved version: make your change again if it is still "
                "needed.",
                what=what,
            )
        )


class ConflictError(JudoManagerError):
    """The change would break data the club holds, such as deleting a belt in use."""
