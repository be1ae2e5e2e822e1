"""Shapes of the data that crosses the bridge, with the camelCase keys JavaScript sees.

`frontend/src/types/bridge.ts` declares the same shapes; `tests/unit/test_bridge_types.py`
compares the two, so neither side can drift.
"""

from __future__ import annotations

from typing import Literal, TypedDict


class AppInfo(TypedDict):
    """What Settings shows about the running app and its data."""

    appVersion: str
    schemaVersion: int
    dataDir: str
    databasePath: str
    databaseBytes: int
    athleteCount: int


class BackupRecord(TypedDict):
    """One successful backup: returned by an export and shown as "last backup"."""

    finishedAt: str
    path: str
    fileName: str
    bytes: int
    durationMs: int
    athleteCount: int


class ProgressUpdate(TypedDict):
    """Pushed from Python as a `judo-manager:progress` window event while a long job runs."""

    operation: Literal["backup", "restore"]
    phase: Literal[
        "snapshot", "copying", "verifying", "staging", "validating", "safetyCopy", "replacing"
    ]
    fraction: float


class DataSummary(TypedDict):
    """What one database holds; `promotions`/`medals` are null where those tables don't exist."""

    athletes: int
    promotions: int | None
    medals: int | None
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
