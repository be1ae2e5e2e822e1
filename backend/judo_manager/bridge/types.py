"""Shapes of the bridge's own data, with the camelCase keys JavaScript sees.

Entities that a service already declares as a dataclass (an athlete, a belt, the rules)
cross as `Wire[Model]` instead (see `bridge/wire.py`); these are the shapes that exist only
here. `frontend/src/types/bridge.ts` is generated from both.
"""

from __future__ import annotations

from typing import Literal, TypedDict

from judo_manager.athletes.model import PapersFilter, Sex, SortKey, Status
from judo_manager.backup.model import BackupLevel, ChangeCounts
from judo_manager.bridge.wire import Wire
from judo_manager.db.comparison import KindDifference
from judo_manager.db.snapshot import Phase as BackupPhase
from judo_manager.reports.model import MedalGrouping, ReportName
from judo_manager.restore.safety_copies import SafetyCopyKind
from judo_manager.restore.service import RestorePhase


class RecordCount(TypedDict):
    """How many records of one kind a database holds; `count` is null where the file's data
    version has no such table. Kinds come in the order the app lists them; `kind` is the
    table ("athletes"), which the page names in its own words. `bytes` is the size of their
    stored files, for kinds that are files (photos, documents); null for the others."""

    kind: str
    count: int | None
    bytes: int | None


class WindowPreferences(TypedDict):
    """This computer's choices for the window; `backupReminderSnoozedUntil` is YYYY-MM-DD."""

    zoom: float
    backupReminderSnoozedUntil: str | None


class LanguageOption(TypedDict):
    """One language of the app: `code` for `setLanguage`, `name` in itself, `formats` the
    locale its numbers and dates follow (for `Intl`)."""

    code: str
    name: str
    formats: str


class LanguageSettings(TypedDict):
    """The coach's language: `choice` is a code or "system"; `language` is the one spoken;
    `system` is the one "system" means on this computer."""

    choice: str
    language: str
    system: str
    languages: list[LanguageOption]


class BackupReminderState(TypedDict):
    """Whether every page reminds the coach to back up; `lastBackupOn` is YYYY-MM-DD."""

    due: bool
    lastBackupOn: str | None


class DataProblem(TypedDict):
    """The club's data on this computer can't be used: the message says why and what to do."""

    message: str


class AppInfo(TypedDict):
    """What Settings shows about the running app and its data."""

    appVersion: str
    schemaVersion: int
    dataDir: str
    databasePath: str
    databaseBytes: int
    contents: list[RecordCount]


class BackupRecord(TypedDict):
    """One successful backup: returned by an export and shown as "last backup"."""

    finishedAt: str
    path: str
    fileName: str
    bytes: int
    durationMs: int
    contents: list[RecordCount]


class BackupStatusState(TypedDict):
    """How the club's data stands with its backups, for the dashboard's card: `level` "ok",
    "due" (14 days or 50 changes since the last backup), "never" (none yet, and the club
    holds athletes) or "empty" (none yet, and nothing to back up); `daysSince` is 0 for a
    backup dated a day after today (a time zone crossed), null with no backup or one whose
    date can't be read or is later still (a clock set back since);
    `changes` counts the records added, edited or deleted since, each once."""

    level: BackupLevel
    last: BackupRecord | None
    daysSince: int | None
    changes: Wire[ChangeCounts]


class ProgressUpdate(TypedDict):
    """Pushed from Python as a `judo-manager:progress` window event while a long job runs."""

    operation: Literal["backup", "restore"]
    phase: BackupPhase | RestorePhase
    fraction: float


class DataSummary(TypedDict):
    """What one database file holds, and its size."""

    contents: list[RecordCount]
    bytes: int


class RestorePreview(TypedDict):
    """A chosen backup that passed validation, side by side with the current data.

    `current` is null when the current data is damaged and can't be read: the backup stands
    alone, and restoring it keeps the damaged file aside.
    """

    token: str
    fileName: str
    path: str
    takenAt: str
    takenAtFromBackup: bool
    appVersion: str | None
    schemaVersion: int
    backup: DataSummary
    current: DataSummary | None
    # Who is lost (only in the current data), added (only in the backup) or changed, per
    # kind; null with damaged current data.
    differences: list[Wire[KindDifference]] | None


class SafetyCopy(TypedDict):
    """The copy of the data as it was before the latest restore or import, which Undo puts
    back; `kind` says which of the two it was taken before ("Undo import")."""

    kind: SafetyCopyKind
    takenAt: str
    fileName: str
    bytes: int
    athletes: int


class UndoPreview(TypedDict):
    """What "Undo last restore" puts back (the safety copy) beside the current data.

    `differences` reads as for a restore, with the safety copy as the backup; `workSince`
    names the work done since the restore, which the undo throws away.
    """

    copy: SafetyCopy
    copyData: DataSummary
    current: DataSummary | None
    differences: list[Wire[KindDifference]] | None
    workSince: str | None


class RestoreResult(TypedDict):
    """What a restore or an undo left in place."""

    athletes: int
    undo: SafetyCopy | None


class ImportResult(TypedDict):
    """What an import did: athletes added, athletes already in the club whose empty fields
    were filled, athletes already in the club left as they were (`skipped`), rows with a
    problem, not imported; and the safety copy that "Undo import" puts back (null when it
    can't be read back: there is no undo to offer)."""

    added: int
    filled: int
    skipped: int
    problems: int
    undo: SafetyCopy | None


class AthleteFilters(TypedDict):
    """What the roster shows: a name search, filters, the season and the sort order.

    `season` null means the current year. `categoryId` keeps the athletes *eligible* for that
    category in the season, which is what a coach entering a competition needs.
    `weightClassId` (a weight class of the active ruleset) keeps the athletes whose row shows
    that class: the season's category is the class's, and sex and weight put them in it.
    `papers` keeps those whose licence or medical is "expired", "expiring" (within 30 days,
    none expired) or "missing" (no date for one of them).
    """

    search: str
    sex: Sex | None
    beltId: int | None
    categoryId: int | None
    weightClassId: int | None
    clubId: int | None
    papers: PapersFilter
    status: Status
    season: int | None
    sort: SortKey
    descending: bool


class ReportRequest(TypedDict):
    """Which report the page asks for, and for what (see `reports.model.ReportQuery`).

    Dates are YYYY-MM-DD; `filters` is the roster's own filter object (the roster report);
    `columns` are keys of the view's `availableColumns` (empty: the default set); `sort` is
    a column key (null: the report's own order).
    """

    name: ReportName
    season: int | None
    fromDate: str | None
    toDate: str | None
    filters: AthleteFilters | None
    columns: list[str]
    newInSeason: bool
    groupBy: MedalGrouping
    sort: str | None
    descending: bool


class FieldProblems(TypedDict):
    """The message of a `ValidationError` as it crosses the bridge, as JSON.

    `fields` maps a form field's name (as in the input shapes above) to what is wrong with it.
    """

    message: str
    fields: dict[str, str]
