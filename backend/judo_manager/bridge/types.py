"""Shapes of the data that crosses the bridge, with the camelCase keys JavaScript sees.

`frontend/src/types/bridge.ts` declares the same shapes; `tests/unit/test_bridge_types.py`
compares the two, so neither side can drift.
"""

from __future__ import annotations

from typing import Literal, TypedDict

from judo_manager.athletes.model import MedalPlace, Sex, SortKey, Status
from judo_manager.db.snapshot import Phase as BackupPhase
from judo_manager.restore.service import RestorePhase
from judo_manager.rules.model import BeltKind


class RecordCount(TypedDict):
    """How many records of one kind a database holds; `count` is null where the file's data
    version has no such table. Kinds come in the order the app lists them."""

    kind: str
    singular: str
    plural: str
    count: int | None


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
    """A chosen backup that passed validation, side by side with the current data."""

    token: str
    fileName: str
    path: str
    takenAt: str
    takenAtFromBackup: bool
    appVersion: str | None
    schemaVersion: int
    backup: DataSummary
    current: DataSummary


class SafetyCopy(TypedDict):
    """The copy of the data as it was before the latest restore, which Undo puts back."""

    takenAt: str
    fileName: str
    bytes: int
    athletes: int


class RestoreResult(TypedDict):
    """What a restore or an undo left in place."""

    athletes: int
    undo: SafetyCopy | None


class AthleteFilters(TypedDict):
    """What the roster shows: a name search, filters, the season and the sort order.

    `season` null means the current year. `categoryId` keeps the athletes *eligible* for that
    category in the season, which is what a coach entering a competition needs.
    """

    search: str
    sex: Sex | None
    beltId: int | None
    categoryId: int | None
    status: Status
    season: int | None
    sort: SortKey
    descending: bool


class AthleteRow(TypedDict):
    """One line of the roster; `categoryId` is the youngest category the athlete fits."""

    id: int
    fullName: str
    birthYear: int
    age: int
    sex: Sex
    beltId: int | None
    weightKg: float | None
    categoryId: int | None
    active: bool


class AthleteList(TypedDict):
    """The roster for some filters; `total` counts every athlete, filtered or not."""

    season: int
    total: int
    rows: list[AthleteRow]


class AthleteInput(TypedDict):
    """The add/edit form. Optional text fields are null (or empty) when not given."""

    fullName: str
    birthDate: str
    sex: Sex
    beltId: int
    weightKg: float
    licenceNumber: str | None
    phone: str | None
    email: str | None
    guardianName: str | None
    guardianPhone: str | None
    notes: str | None
    active: bool


class Promotion(TypedDict):
    """One grading: the belt reached on a date, and the belt held before it."""

    id: int
    promotedOn: str
    beltId: int
    fromBeltId: int | None
    examiner: str | None
    notes: str | None


class PromotionInput(TypedDict):
    """The "record a promotion" form."""

    promotedOn: str
    beltId: int
    examiner: str | None
    notes: str | None


class Medal(TypedDict):
    """One podium place at a competition."""

    id: int
    competition: str
    heldOn: str
    place: MedalPlace
    category: str | None


class MedalInput(TypedDict):
    """The "add a medal" form."""

    competition: str
    heldOn: str
    place: MedalPlace
    category: str | None


class Athlete(TypedDict):
    """One athlete in full, with promotions and medals newest first."""

    id: int
    fullName: str
    birthDate: str
    sex: Sex
    beltId: int | None
    weightKg: float | None
    licenceNumber: str | None
    phone: str | None
    email: str | None
    guardianName: str | None
    guardianPhone: str | None
    notes: str | None
    active: bool
    createdAt: str
    updatedAt: str
    promotions: list[Promotion]
    medals: list[Medal]


class Belt(TypedDict):
    """One step of the belt ladder; `rank` orders the ladder, lowest first.

    A two-coloured belt (white-yellow, red-and-white) has a `secondColor`.
    """

    id: int
    rank: int
    name: str
    kind: BeltKind
    color: str
    secondColor: str | None
    athleteCount: int


class BeltInput(TypedDict):
    """The belt editor's fields."""

    name: str
    kind: BeltKind
    color: str
    secondColor: str | None


class AgeCategory(TypedDict):
    """An age band of the ruleset; ages are the season year minus the birth year."""

    id: int
    code: str
    name: str
    minAge: int
    maxAge: int | None


class AgeCategoryInput(TypedDict):
    """The category editor's fields; `maxAge` null means no upper limit."""

    code: str
    name: str
    minAge: int
    maxAge: int | None


class Rules(TypedDict):
    """The belt ladder, lowest first, and the active ruleset's age categories, youngest first.

    The first category that fits an age is the one the roster shows.
    """

    rulesetName: str
    belts: list[Belt]
    categories: list[AgeCategory]


class FieldProblems(TypedDict):
    """The message of a `ValidationError` as it crosses the bridge, as JSON.

    `fields` maps a form field's name (as in the input shapes above) to what is wrong with it.
    """

    message: str
    fields: dict[str, str]
