"""Import Database: stage, validate and preview a chosen backup; then restore or undo.

The page only ever holds an opaque token: the chosen path stays here, in Python.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import secrets
import sqlite3
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from judo_manager.backup.service import BackupService
from judo_manager.db import Database, fileio
from judo_manager.db.checks import check_backup, check_file_header, unreadable_message
from judo_manager.db.comparison import KindDifference, compare, describe_work_since, marks_of, since
from judo_manager.db.connection import connect, is_part_of
from judo_manager.db.contents import FileSummary, count_contents, summarize
from judo_manager.db.database import bring_up_to_date
from judo_manager.db.drive_errors import os_reason, reason_of, sqlite_reason
from judo_manager.db.fileio import remove_leftover
from judo_manager.db.health import damage_of, describe_database_error
from judo_manager.db.migrations import read_header
from judo_manager.db.rescue import replace_damaged
from judo_manager.db.stamp import read_stamp
from judo_manager.errors import BackupError, RestoreError, RestoreRejectedError
from judo_manager.i18n import Message, _
from judo_manager.jobs import JobLock
from judo_manager.progress import spread
from judo_manager.restore import safety_copies, staging
from judo_manager.restore.replace import checkpoint, replace_live_data
from judo_manager.restore.safety_copies import CopyKind, SafetyCopyFile

logger = logging.getLogger(__name__)
RestorePhase = Literal["staging", "validating", "safetyCopy", "replacing"]
RestoreProgress = Callable[[RestorePhase, float], None]

# Each phase's share of its job, so each job's bar only moves forward.
CHECK_SPANS: dict[RestorePhase, tuple[float, float]] = {
    "staging": (0.0, 0.3),
    "validating": (0.3, 1.0),
}
RESTORE_SPANS: dict[RestorePhase, tuple[float, float]] = {
    "safetyCopy": (0.0, 0.6),
    "replacing": (0.6, 1.0),
}
_NOTHING_TO_UNDO = _("There is no restore to undo.")


@dataclass(frozen=True)
class RestorePlan:
    """A chosen file that passed every check, staged and waiting for the coach's yes."""

    token: str
    source: Path
    source_stamp: staging.SourceStamp
    staged: Path
    taken_at: dt.datetime
    taken_at_from_backup: bool
    app_version: str | None
    schema_version: int
    backup: FileSummary
    # None when the current data is damaged and can't be read: the backup stands alone.
    current: FileSummary | None
    # Who is lost, added or changed (None with damaged current data, as above).
    differences: Sequence[KindDifference] | None
    # The live file passed SQLite's quick check while the backup was checked: it can become
    # the safety copy itself, by rename, instead of being copied and verified.
    live_sound: bool = False
    # The marks of the staged data (`comparison.marks_of`) in JSON, kept with the safety
    # copy; taken while checking, as they take seconds to read from a big club.
    marks: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class UndoPlan:
    """What "Undo last restore" would put back, and what it would throw away."""

    copy: SafetyCopyFile
    current: FileSummary | None
    backup: FileSummary
    # Between the current data and the copy, as for a restore (None when damaged).
    differences: Sequence[KindDifference] | None
    # "Since the restore you added 1 athlete (Ana Silva)…", None when nothing was done since
    # or when that can't be told (a copy from before the app kept marks).
    work_since: Message | None


@dataclass(frozen=True)
class RestoreOutcome:
    """The data now in place, and the safety copy that Undo would put back.

    `damaged_kept_at` is where the live data went when it was found damaged: it was kept
    aside as it was, instead of in a (verified) safety copy.
    """

    athletes: int
    undo: SafetyCopyFile | None
    damaged_kept_at: Path | None = None


class RestoreService:
    """Validates backups and replaces the live data with them, undoably."""

    def __init__(self, db: Database, jobs: JobLock, backup: BackupService | None = None) -> None:
        self._db = db
        self._jobs = jobs
        # The backup log is this computer's history: each restore carries it over.
        self._backup = backup or BackupService(db, jobs)
        self._pending: RestorePlan | None = None

    def inspect(self, source: Path, progress: RestoreProgress | None = None) -> RestorePlan:
        """Stage and check `source`; the plan that `restore` carries out once confirmed."""
        with self._jobs.exclusive():
            return self._check(source, progress)

    def restore(self, token: str, progress: RestoreProgress | None = None) -> RestoreOutcome:
        """Replace the live data with the checked file behind `token`, after a safety copy."""
        with self._jobs.exclusive():
            plan = self._pending
            if plan is None or not secrets.compare_digest(plan.token, token):
                raise RestoreError(
                    _("This restore is no longer waiting for confirmation. Choose the file again.")
                )
            self._pending = None
            try:
                staging.check_unchanged(plan.source, plan.source_stamp)
                aside = self._replace_with(
                    plan.staged,
                    "restore",
                    plan.source,
                    spread(progress, RESTORE_SPANS),
                    live_sound=plan.live_sound,
                    marks=plan.marks,
                )
            finally:
                staging.discard(plan.staged)
            return self._outcome(aside)

    def undo(self, progress: RestoreProgress | None = None) -> RestoreOutcome:
        """Put back the data as it was before the latest restore."""
        with self._jobs.exclusive():
            copy = safety_copies.latest_undo(self._db.folder)
            if copy is None:
                raise RestoreError(_NOTHING_TO_UNDO)
            self._db.folder.clean_stale()
            staged = staging.stage(copy.path, self._db.folder, lambda fraction: None)
            try:
                check_file_header(staged, copy.path.name)
                with ThreadPoolExecutor(max_workers=1) as checker:
                    live_sound = checker.submit(self._live_is_sound)
                    schema_version = self._validate(staged, copy.path.name, lambda f: None)
                self._prepare(staged, copy.path.name, schema_version)
                aside = self._replace_with(
                    staged,
                    "undo",
                    copy.path,
                    spread(progress, RESTORE_SPANS),
                    live_sound=live_sound.result(),
                )
            finally:
                staging.discard(staged)
            remove_leftover(copy.path)  # a leftover, never a reason to fail the undo
            safety_copies.drop_marks(copy.path)
            return self._outcome(aside)

    def preview_undo(self) -> UndoPlan:
        """What `undo` would put back and throw away, for the coach to confirm first."""
        with self._jobs.exclusive():
            copy = safety_copies.latest_undo(self._db.folder)
            if copy is None:
                raise RestoreError(_NOTHING_TO_UNDO)
            current = self.current_summary()
            with contextlib.closing(connect(copy.path, read_only=True)) as other:
                backup = summarize(other, copy.bytes)
            differences = work_since = None
            if current is not None:
                try:
                    differences, work_since = self._compare_with_copy(copy)
                except (OSError, sqlite3.Error) as error:
                    # The counts above still tell; the undo itself checks the copy in full.
                    logger.warning("the safety copy %s can't be compared: %s", copy.path, error)
            return UndoPlan(copy, current, backup, differences, work_since)

    def _compare_with_copy(
        self, copy: SafetyCopyFile
    ) -> tuple[Sequence[KindDifference], Message | None]:
        """The current data against the copy, brought up to this version as `undo` does: a
        copy from an older version lacks columns the comparison reads."""
        self._db.folder.clean_stale()
        staged = staging.stage(copy.path, self._db.folder, lambda fraction: None)
        try:
            self._prepare(staged, copy.path.name, self._version_of(staged))
            with (
                self._db.snapshot() as conn,
                contextlib.closing(connect(staged, read_only=True)) as other,
            ):
                differences = compare(conn, other)
                work_since = _work_since(
                    conn, safety_copies.marks_for(copy.path), after_import=copy.kind == "import"
                )
            return differences, work_since
        finally:
            staging.discard(staged)

    def take_import_copy(self) -> Path:
        """A verified safety copy of the live data as it is now, which "Undo import" puts
        back, taken exactly as before a restore; for an import inside its write (so nothing
        else is written between the copy and the import) while the caller holds the job
        lock."""
        return safety_copies.take(self._db.folder, "import")

    def import_done(self, copy: Path) -> None:
        """Keep the marks of the data the import left, so that the undo preview names the
        work done since; without them (a full disk) it only lacks that sentence."""
        try:
            safety_copies.keep_marks(copy, marks_of(self._db.connection()))
        except (OSError, sqlite3.Error) as error:
            logger.warning("the marks for %s could not be kept: %s", copy.name, error)

    def import_failed(self, copy: Path) -> None:
        """The import changed nothing, so its copy protects nothing: left, Undo would offer
        it."""
        remove_leftover(copy)
        safety_copies.drop_marks(copy)

    def safety_copies(self) -> list[SafetyCopyFile]:
        """Every safety copy kept, newest first."""
        return safety_copies.every_copy(self._db.folder)

    def undo_status(self) -> SafetyCopyFile | None:
        """The safety copy that "Undo last restore" would put back, if any."""
        return safety_copies.latest_undo(self._db.folder)

    def discard_pending(self) -> None:
        """Forget the file waiting for confirmation, if any."""
        with self._jobs.exclusive():
            self._drop_pending()

    def _drop_pending(self) -> None:
        if self._pending is not None:
            staging.discard(self._pending.staged)
            self._pending = None

    def _check(self, source: Path, progress: RestoreProgress | None) -> RestorePlan:
        self._drop_pending()
        report = spread(progress, CHECK_SPANS)
        name = source.name
        self._refuse_live_database(source)
        try:
            source_stamp = staging.stamp(source)
            # Its first bytes first: a 2 GB photo is refused before it is copied.
            check_file_header(source, name)
        except OSError as error:
            raise RestoreRejectedError(
                _("{name} can't be opened ({reason}).", name=name, reason=os_reason(error))
            ) from error
        self._db.folder.clean_stale()
        staged = staging.stage(source, self._db.folder, lambda f: report("staging", f))
        try:
            check_file_header(staged, name)
            # The live file is checked on the other core meanwhile, for the restore to keep it
            # whole as the safety copy.
            # Said at once: SQLite's first progress comes only once the b-trees are checked.
            report("validating", 0.0)
            with ThreadPoolExecutor(max_workers=1) as checker:
                live_check = checker.submit(self._live_is_sound)
                schema_version = self._validate(staged, name, lambda f: report("validating", f))
            live_sound = live_check.result()
            # Described before it is migrated: an old backup shows that it records no
            # promotions or medals, rather than zero of them.
            try:
                taken_at, from_backup, app_version, backup = _describe_backup(staged, source_stamp)
            except sqlite3.DatabaseError as error:  # read before its rows are checked
                raise RestoreRejectedError(unreadable_message(name, error)) from error
            self._prepare(staged, name, schema_version)
            current = self.current_summary()
            differences = None if current is None else self._differences(staged)
            marks = _marks_json(staged)
        except BaseException:
            staging.discard(staged)
            raise
        plan = RestorePlan(
            token=secrets.token_urlsafe(16),
            source=source,
            source_stamp=source_stamp,
            staged=staged,
            taken_at=taken_at,
            taken_at_from_backup=from_backup,
            app_version=app_version,
            schema_version=schema_version,
            backup=backup,
            current=current,
            differences=differences,
            live_sound=live_sound,
            marks=marks,
        )
        self._pending = plan
        return plan

    def _live_is_sound(self) -> bool:
        """Whether the live file passes SQLite's quick check in full (on its own connection)."""
        try:
            return damage_of(self._db.path, full_check=True) is None
        except (OSError, sqlite3.Error):
            return False

    def current_summary(self) -> FileSummary | None:
        """What the live database holds now; None when it is damaged and can't be read."""
        if damage_of(self._db.path, full_check=False) is not None:
            return None
        try:
            with self._db.snapshot() as conn:
                return summarize(conn, self._db.size_bytes())
        except sqlite3.DatabaseError as error:
            if describe_database_error(error, self._db.path) is None:
                raise
            return None

    def _differences(self, staged: Path) -> Sequence[KindDifference]:
        with (
            self._db.snapshot() as conn,
            contextlib.closing(connect(staged, read_only=True)) as other,
        ):
            return compare(conn, other)

    def _version_of(self, staged: Path) -> int:
        """The data version of one of our own files (a safety copy, checked when written)."""
        with contextlib.closing(connect(staged, read_only=True)) as conn:
            return read_header(conn)[1]

    def _validate(self, staged: Path, name: str, progress: Callable[[float], None]) -> int:
        try:
            # Read-only: nothing is changed before it is known to be sound, and SQLite's
            # integrity_check runs markedly faster on a read-only connection.
            conn = connect(staged, read_only=True)
        except sqlite3.Error as error:
            raise RestoreRejectedError(
                _("{name} can't be opened ({reason}).", name=name, reason=sqlite_reason(error))
            ) from error
        try:
            return check_backup(conn, name, progress).schema_version
        finally:
            conn.close()

    def _prepare(self, staged: Path, name: str, schema_version: int) -> None:
        try:
            staging.make_ready(staged, name, schema_version, self._live_page_size())
        except sqlite3.Error as error:
            raise RestoreRejectedError(
                _(
                    "{name} could not be brought up to this version of Judo Manager ({error}). "
                    "Nothing was changed.",
                    name=name,
                    error=sqlite_reason(error),
                )
            ) from error

    def _live_page_size(self) -> int | None:
        """The live page size to match, or None when the live data can't be read."""
        try:
            return self._db.page_size()
        except sqlite3.DatabaseError:
            return None

    def _replace_with(
        self,
        staged: Path,
        kind: CopyKind,
        source: Path,
        report: RestoreProgress,
        *,
        live_sound: bool,
        marks: str | None = None,
    ) -> Path | None:
        """Put `staged` in place of the live data; where damaged live data was kept, if it was.

        Sound live data becomes the safety copy that Undo puts back by itself, renamed
        (`db/swap.py`), where nothing else holds the file open; elsewhere it is first saved
        in a verified copy and `staged` is copied over it. Data whose safety copy fails
        because it is damaged is kept aside as it is instead.
        """
        carried = False
        if live_sound and fileio.RENAME_OPEN_FILES:
            copy = safety_copies.next_name(self._db.folder, kind)
            report("safetyCopy", 0.0)
            self._backup.carry_history(staged, kind, source)
            carried = True
            report("safetyCopy", 1.0)
            report("replacing", 0.0)
            try:
                swapped = self._db.swap_file(staged, copy)
            except (sqlite3.Error, OSError) as error:
                raise _not_replaced(error) from error
            if swapped:
                report("replacing", 1.0)
                # After the swap, so no marks are ever left without their copy: a crash
                # before this loses only the undo preview's "since the restore" sentence.
                _keep_marks(copy, marks)
                safety_copies.prune(self._db.folder)
                return None
            # Another thread or program has the file open: copy, as where renames can't be.
            logger.info("the live data is open elsewhere: it is copied over, not renamed")
        try:
            copy = safety_copies.take(
                self._db.folder, kind, lambda _phase, f: report("safetyCopy", f)
            )
        except BackupError:
            problem = damage_of(self._db.path, full_check=True)
            if problem is None:
                raise
            return self._rescue(staged, report)
        try:
            if carried:
                _keep_marks(copy, marks)
            else:
                self._carry_over(copy, staged, kind, source, marks)
            report("replacing", 0.0)
            replace_live_data(self._db, staged)
        except BaseException as error:
            # Nothing changed, so this copy protects nothing; left, Undo would offer it.
            remove_leftover(copy)
            safety_copies.drop_marks(copy)
            if isinstance(error, sqlite3.Error | OSError):
                raise _not_replaced(error) from error
            raise
        report("replacing", 1.0)
        # Outside the write lock: the coach can save edits while the new pages settle.
        checkpoint(self._db)
        return None

    def _carry_over(
        self, copy: Path, staged: Path, kind: CopyKind, source: Path, marks: str | None
    ) -> None:
        """Keep with `copy` the marks of the restored data, and carry the backup log into
        `staged`: what the copied and the renamed ways both do before the data changes."""
        _keep_marks(copy, marks)
        self._backup.carry_history(staged, kind, source)

    def _rescue(self, staged: Path, report: RestoreProgress) -> Path:
        """Replace damaged live data, which can't be copied, by moving files."""
        report("replacing", 0.0)
        with self._db.replacing_file():
            self._db.data_replaced()
            try:
                aside = replace_damaged(self._db.folder, staged)
            except OSError as error:
                raise RestoreError(
                    _(
                        "The damaged data could not be replaced ({reason}). Nothing was changed.",
                        reason=os_reason(error),
                    )
                ) from error
            bring_up_to_date(self._db.path)
        report("replacing", 1.0)
        return aside

    def _outcome(self, damaged_kept_at: Path | None) -> RestoreOutcome:
        athletes = count_contents(self._db.connection())["athletes"] or 0
        return RestoreOutcome(athletes, self.undo_status(), damaged_kept_at)

    def _refuse_live_database(self, source: Path) -> None:
        if is_part_of(self._db.path, source):
            raise RestoreRejectedError(
                _(
                    "That is the database Judo Manager is using right now, not a backup. "
                    "Choose a backup file you exported earlier."
                )
            )


def _not_replaced(error: sqlite3.Error | OSError) -> RestoreError:
    return RestoreError(
        _(
            "The data could not be replaced ({error}). Your current data is unchanged.",
            error=reason_of(error),
        )
    )


def _marks_json(staged: Path) -> str | None:
    """The marks of the data a restore would put in place, in JSON; None if unreadable."""
    try:
        with contextlib.closing(connect(staged, read_only=True)) as conn:
            return json.dumps(marks_of(conn))
    except sqlite3.Error as error:
        logger.warning("the marks of %s could not be read: %s", staged.name, error)
        return None


def _keep_marks(copy: Path, marks: str | None) -> None:
    """Keep the marks of the data the restore puts in place (None: an undo, or marks that
    couldn't be read); without them (a full disk), the undo preview only lacks its "since
    the restore" sentence, so the restore goes on."""
    if marks is None:
        return
    try:
        safety_copies.keep_marks_json(copy, marks)
    except OSError as error:
        logger.warning("the marks for %s could not be kept: %s", copy.name, error)


def _work_since(conn: sqlite3.Connection, marks: object, *, after_import: bool) -> Message | None:
    """The work done since the restore or import, from the marks it kept (see
    `comparison.since`)."""
    if not isinstance(marks, dict):
        return None
    try:
        return describe_work_since(since(conn, marks), after_import=after_import)
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        # Marks edited or cut short by something else: the comparison still tells all.
        logger.warning("the marks kept with the safety copy can't be read")
        return None


def _describe_backup(
    staged: Path, source_stamp: staging.SourceStamp
) -> tuple[dt.datetime, bool, str | None, FileSummary]:
    conn = sqlite3.connect(f"{staged.as_uri()}?mode=ro", uri=True)
    try:
        stamp = read_stamp(conn)
        summary = summarize(conn, source_stamp.size)
    finally:
        conn.close()
    if stamp.taken_at is not None:
        return stamp.taken_at, True, stamp.app_version, summary
    # Not stamped by Judo Manager's export, or garbled: the file's own date will do.
    taken_at = dt.datetime.fromtimestamp(source_stamp.mtime_ns / 1e9).astimezone()
    return taken_at, False, stamp.app_version, summary
