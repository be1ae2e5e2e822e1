"""`window.pywebview.api.system`."""

from __future__ import annotations

from judo_manager.backup.model import BackupAttempt, BackupStatus
from judo_manager.bridge.convert import to_wire
from judo_manager.bridge.events import DATA_REPLACED_EVENT, PROGRESS_EVENT
from judo_manager.bridge.guards import coach_errors
from judo_manager.bridge.host import Host
from judo_manager.bridge.prompts import ask_backup_destination, ask_restore_source
from judo_manager.bridge.types import (
    AppInfo,
    BackupRecord,
    BackupReminderState,
    BackupStatusState,
    DataProblem,
    DataSummary,
    LanguageOption,
    LanguageSettings,
    ProgressUpdate,
    RecordCount,
    RestorePreview,
    RestoreResult,
    SafetyCopy,
    UndoPreview,
    WindowPreferences,
)
from judo_manager.db import contents as record_kinds
from judo_manager.db.contents import Contents, FileSummary
from judo_manager.db.snapshot import Phase
from judo_manager.i18n import LANGUAGES, spoken_language, system_language
from judo_manager.progress import ThrottledProgress
from judo_manager.restore.safety_copies import CopyKind, SafetyCopyFile, SafetyCopyKind
from judo_manager.restore.service import RestoreOutcome, RestorePhase, RestorePlan, UndoPlan
from judo_manager.system.preferences import Preferences
from judo_manager.wiring import AppServices

# What the page calls each kind of safety copy: the step its Undo takes back (None: none).
_WIRE_KINDS: dict[CopyKind, SafetyCopyKind | None] = {
    "restore": "restore",
    "import": "import",
    "undo": None,
}


class SystemApi:
    """The app itself, its data file, its backups and restores."""

    def __init__(self, services: AppServices, window: Host) -> None:
        self._system = services.system
        self._backup = services.backup
        self._restore = services.restore
        self._jobs = services.jobs
        self._window = window

    @coach_errors
    def getDataProblem(self) -> DataProblem | None:
        """Why the club's data can't be used (it is damaged), or None; the page then offers
        the rescue."""
        message = self._system.data_problem()
        return None if message is None else DataProblem(message=str(message))

    @coach_errors
    def showDataFolder(self) -> None:
        """Open the data folder in the system's file manager."""
        self._window.show_folder(self._system.data_folder())

    @coach_errors
    def getAppInfo(self) -> AppInfo:
        """Version, schema version, data folder, database size and what it holds."""
        info = self._system.app_info()
        return AppInfo(
            appVersion=info.app_version,
            schemaVersion=info.schema_version,
            dataDir=str(info.data_dir),
            databasePath=str(info.database_path),
            databaseBytes=info.database_bytes,
            contents=_record_counts(info.contents),
        )

    @coach_errors
    def getPreferences(self) -> WindowPreferences:
        """This computer's choices for the window: its zoom, the backup reminder."""
        return _preferences(self._system.preferences())

    @coach_errors
    def setZoom(self, zoom: float) -> WindowPreferences:
        """Zoom the page (1.0 is 100%, from 0.5 to 2.0) and keep it for the next start."""
        preferences = self._system.set_zoom(zoom)
        self._window.set_zoom(preferences.zoom)
        return _preferences(preferences)

    @coach_errors
    def getLanguage(self) -> LanguageSettings:
        """The coach's language choice, the language it means, and every one to choose."""
        return _language_settings(self._system.preferences())

    @coach_errors
    def setLanguage(self, choice: str) -> LanguageSettings:
        """Speak `choice` (a language's code, or "system") from now on, and at every start."""
        return _language_settings(self._system.set_language(choice))

    @coach_errors
    def snoozeBackupReminder(self) -> WindowPreferences:
        """ "Remind me tomorrow": the backup reminder stays quiet until tomorrow."""
        return _preferences(self._system.snooze_backup_reminder())

    @coach_errors
    def getBackupReminder(self) -> BackupReminderState:
        """Whether to remind the coach to back up (as `getBackupStatus` says it is due)."""
        reminder = self._system.backup_reminder()
        last_on = reminder.last_backup_on
        return BackupReminderState(
            due=reminder.due, lastBackupOn=None if last_on is None else last_on.isoformat()
        )

    @coach_errors
    def getBackupStatus(self) -> BackupStatusState:
        """The last backup, the changes since it, and whether another is due (the dashboard)."""
        return _backup_status(self._backup.status())

    @coach_errors
    def getLastBackup(self) -> BackupRecord | None:
        """The most recent successful backup, or None if there was none."""
        last = self._backup.last_backup()
        return None if last is None else _backup_record(last)

    @coach_errors
    def backupDatabase(self) -> BackupRecord | None:
        """Export Database: the native save dialog, then a verified backup; None if cancelled."""
        with self._jobs.exclusive():  # no second job starts while the dialog is open
            last = self._backup.last_backup()
            destination = ask_backup_destination(self._window, last.path if last else None)
            if destination is None:
                return None
            progress = ThrottledProgress(self._push_backup_progress)
            return _backup_record(self._backup.export(destination, replace=True, progress=progress))

    @coach_errors
    def chooseRestoreFile(self) -> RestorePreview | None:
        """Import Database: the native open dialog, then a full check; None if cancelled."""
        with self._jobs.exclusive():
            last = self._backup.last_backup()
            source = ask_restore_source(self._window, last.path if last else None)
            if source is None:
                return None
            plan = self._restore.inspect(source, ThrottledProgress(self._push_restore_progress))
            return _preview(plan)

    @coach_errors
    def restoreDatabase(self, token: str) -> RestoreResult:
        """Replace the data with the checked file behind `token`, keeping a safety copy."""
        outcome = self._restore.restore(token, ThrottledProgress(self._push_restore_progress))
        self._window.push_event(DATA_REPLACED_EVENT, {})
        return _restore_result(outcome)

    @coach_errors
    def previewUndo(self) -> UndoPreview:
        """What "Undo last restore" would put back, and the work since that it throws away."""
        return _undo_preview(self._restore.preview_undo())

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
        return None if copy is None else safety_copy(copy)

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


def _language_settings(preferences: Preferences) -> LanguageSettings:
    return LanguageSettings(
        choice=preferences.language,
        language=spoken_language(preferences.language),
        system=system_language(),
        languages=[
            LanguageOption(code=option.code, name=option.name, formats=option.formats)
            for option in LANGUAGES
        ],
    )


def _preferences(preferences: Preferences) -> WindowPreferences:
    snoozed = preferences.backup_reminder_snoozed_until
    return WindowPreferences(
        zoom=preferences.zoom,
        backupReminderSnoozedUntil=None if snoozed is None else snoozed.isoformat(),
    )


def _record_counts(contents: Contents | None) -> list[RecordCount]:
    """Every kind the app knows, in its order; a kind the contents don't hold is null."""
    counts = contents or Contents({})
    return [
        RecordCount(kind=kind.table, count=counts.get(kind.table), bytes=counts.size(kind.table))
        for kind in record_kinds.RECORD_KINDS
    ]


def _backup_record(attempt: BackupAttempt) -> BackupRecord:
    return BackupRecord(
        finishedAt=attempt.finished_at,
        path=str(attempt.path),
        fileName=attempt.path.name,
        bytes=attempt.bytes or 0,
        durationMs=attempt.duration_ms,
        contents=_record_counts(attempt.contents),
    )


def _backup_status(status: BackupStatus) -> BackupStatusState:
    return BackupStatusState(
        level=status.level,
        last=None if status.last is None else _backup_record(status.last),
        daysSince=status.days_since,
        changes=to_wire(status.changes),
    )


def _summary(summary: FileSummary) -> DataSummary:
    return DataSummary(contents=_record_counts(summary.contents), bytes=summary.bytes)


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
        current=None if plan.current is None else _summary(plan.current),
        differences=None if plan.differences is None else to_wire(plan.differences),
    )


def _undo_preview(plan: UndoPlan) -> UndoPreview:
    return UndoPreview(
        copy=safety_copy(plan.copy),
        copyData=_summary(plan.backup),
        current=None if plan.current is None else _summary(plan.current),
        differences=None if plan.differences is None else to_wire(plan.differences),
        workSince=None if plan.work_since is None else str(plan.work_since),
    )


def safety_copy(copy: SafetyCopyFile) -> SafetyCopy:
    """A copy that Undo puts back, as the page knows it (Settings' undo card, the import's
    toast): its kind says what it undoes. A `pre-undo` copy is none (Undo never offers it):
    a ValueError, never shown as a restore's."""
    kind = _WIRE_KINDS[copy.kind]
    if kind is None:
        raise ValueError(f"{copy.path.name} protects an undo, which Undo never puts back")
    return SafetyCopy(
        kind=kind,
        takenAt=copy.taken_at.isoformat(timespec="seconds"),
        fileName=copy.path.name,
        bytes=copy.bytes,
        athletes=copy.athletes,
    )


def _restore_result(outcome: RestoreOutcome) -> RestoreResult:
    undo = None if outcome.undo is None else safety_copy(outcome.undo)
    return RestoreResult(athletes=outcome.athletes, undo=undo)
