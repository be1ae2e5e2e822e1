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

    operation: Literal["backup"]
    phase: Literal["snapshot", "copying", "verifying"]
    fraction: float
