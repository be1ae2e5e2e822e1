"""`window.pywebview.api.system`."""

from __future__ import annotations

from judo_manager.backup.repository import BackupAttempt
from judo_manager.backup.service import BackupService
from judo_manager.backup.writer import Phase, ThrottledProgress
from judo_manager.bridge.types import AppInfo, BackupRecord, ProgressUpdate
from judo_manager.desktop import DesktopWindow
from judo_manager.system.service import SystemService

PROGRESS_EVENT = "judo-manager:progress"


class SystemApi:
    """The app itself, its data file and its backups."""

    def __init__(self, system: SystemService, backup: BackupService, window: DesktopWindow) -> None:
        self._system = system
        self._backup = backup
        self._window = window

    def getAppInfo(self) -> AppInfo:
        """Version, schema version, data folder, database size and athlete count."""
        info = self._system.app_info()
        return AppInfo(
            appVersion=info.app_version,
            schemaVersion=info.schema_version,
            dataDir=str(info.data_dir),
            databasePath=str(info.database_path),
            databaseBytes=info.database_bytes,
            athleteCount=info.athlete_count,
        )

    def getLastBackup(self) -> BackupRecord | None:
        """The most recent successful backup, or None if there was none."""
        last = self._backup.last_backup()
        return None if last is None else _backup_record(last)

    def backupDatabase(self) -> BackupRecord | None:
        """Export Database: the native save dialog, then a verified backup; None if cancelled."""
        written = self._backup.export_with_dialog(ThrottledProgress(self._push_backup_progress))
        return None if written is None else _backup_record(written)

    def _push_backup_progress(self, phase: Phase, fraction: float) -> None:
        update = ProgressUpdate(operation="backup", phase=phase, fraction=round(fraction, 4))
        self._window.push_event(PROGRESS_EVENT, update)


def _backup_record(attempt: BackupAttempt) -> BackupRecord:
    return BackupRecord(
        finishedAt=attempt.finished_at,
        path=str(attempt.path),
        fileName=attempt.path.name,
        bytes=attempt.bytes or 0,
        durationMs=attempt.duration_ms,
        athleteCount=attempt.athlete_count or 0,
    )
