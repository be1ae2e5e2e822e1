"""`window.pywebview.api.system`."""

from __future__ import annotations

from judo_manager.athletes.summary import DataSummary as Summary
from judo_manager.backup.repository import BackupAttempt
from judo_manager.backup.writer import Phase
from judo_manager.bridge.safety import coach_errors
from judo_manager.bridge.types import (
    AppInfo,
    BackupRecord,
    DataSummary,
    ProgressUpdate,
    RestorePreview,
    RestoreResult,
    SafetyCopy,
)
from judo_manager.progress import ThrottledProgress
from judo_manager.restore.safety import SafetyCopyFile
from judo_manager.restore.service import RestoreOutcome, RestorePhase, RestorePlan
from judo_manager.services import Services

PROGRESS_EVENT = "judo-manager:progress"
DATA_REPLACED_EVENT = "judo-manager:data-replaced"


class SystemApi:
    """The app itself, its data file, its backups and restores."""

    def __init__(self, services: Services) -> None:
        self._system = services.system
        self._backup = services.backup
        self._restore = services.restore
        self._window = services.window

    @coach_errors
    def getAppInfo(self) -> AppInfo:
        """Version, schema version, data folder, database size and athlete count."""
        info = self._system.app_info()
        return AppInfo(
            appVersion=info.app_version,
            schemaVersion=info.schema_version,
            dataDir=str(info.data_dir),
            databasePath=str(info.database_path),
            databaseBytes=info.database_bytes,
            athleteCount=info.contents.athletes,
            promotionCount=info.contents.promotions or 0,
            medalCount=info.contents.medals or 0,
        )

    @coach_errors
    def getLastBackup(self) -> BackupRecord | None:
        """The most recent successful backup, or None if there was none."""
        last = self._backup.last_backup()
        return None if last is None else _backup_record(last)

    @coach_errors
    def backupDatabase(self) -> BackupRecord | None:
        """Export Database: the native save dialog, then a verified backup; None if cancelled."""
        written = self._backup.export_with_dialog(ThrottledProgress(self._push_backup_progress))
        return None if written is None else _backup_record(written)

    @coach_errors
    def chooseRestoreFile(self) -> RestorePreview | None:
        """Import Database: the native open dialog, then a full check; None if cancelled."""
        plan = self._restore.choose_with_dialog(ThrottledProgress(self._push_restore_progress))
        return None if plan is None else _preview(plan)

    @coach_errors
    def restoreDatabase(self, token: str) -> RestoreResult:
        """Replace the data with the checked file behind `token`, keeping a safety copy."""
        outcome = self._restore.restore(token, ThrottledProgress(self._push_restore_progress))
        self._window.push_event(DATA_REPLACED_EVENT, {})
        return _restore_result(outcome)

    @coach_errors
    def undoRestore(self) -> RestoreResult:
        """Put back the data as it was before the latest restore."""
        outcome = self._restore.undo(ThrottledProgress(self._push_restore_progress))
        self._window.push_event(DATA_REPLACED_EVENT, {})
        return _restore_result(outcome)

    @coach_errors
    def getUndoStatus(self) -> SafetyCopy | None:
        """The safety copy that "Undo last restore" would put back, or None."""
        copy = self._restore.undo_status()
        return None if copy is None else _safety_copy(copy)

    @coach_errors
    def cancelRestore(self) -> None:
        """The coach said no to the preview: drop the staged copy."""
        self._restore.discard_pending()

    def _push_backup_progress(self, phase: Phase, fraction: float) -> None:
        self._push_progress(ProgressUpdate(operation="backup", phase=phase, fraction=fraction))

    def _push_restore_progress(self, phase: RestorePhase, fraction: float) -> None:
        self._push_progress(ProgressUpdate(operation="restore", phase=phase, fraction=fraction))

    def _push_progress(self, update: ProgressUpdate) -> None:
        update["fraction"] = round(update["fraction"], 4)
        self._window.push_event(PROGRESS_EVENT, update)


def _backup_record(attempt: BackupAttempt) -> BackupRecord:
    return BackupRecord(
        finishedAt=attempt.finished_at,
        path=str(attempt.path),
        fileName=attempt.path.name,
        bytes=attempt.bytes or 0,
        durationMs=attempt.duration_ms,
        athleteCount=attempt.athlete_count or 0,
        promotionCount=attempt.promotion_count or 0,
        medalCount=attempt.medal_count or 0,
    )


def _summary(summary: Summary) -> DataSummary:
    return DataSummary(
        athletes=summary.athletes,
        promotions=summary.promotions,
        medals=summary.medals,
        bytes=summary.bytes,
    )


def _preview(plan: RestorePlan) -> RestorePreview:
    return RestorePreview(
        token=plan.token,
        fileName=plan.source.name,
        path=str(plan.source),
        takenAt=plan.taken_at.isoformat(timespec="seconds"),
        takenAtFromBackup=plan.taken_at_from_backup,
        appVersion=plan.app_version,
        schemaVersion=plan.schema_version,
        backup=_summary(plan.backup),
        current=_summary(plan.current),
    )


def _safety_copy(copy: SafetyCopyFile) -> SafetyCopy:
    return SafetyCopy(
        takenAt=copy.taken_at.isoformat(timespec="seconds"),
        fileName=copy.path.name,
        bytes=copy.bytes,
        athletes=copy.athletes,
    )


def _restore_result(outcome: RestoreOutcome) -> RestoreResult:
    undo = None if outcome.undo is None else _safety_copy(outcome.undo)
    return RestoreResult(athletes=outcome.athletes, undo=undo)
