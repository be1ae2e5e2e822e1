"""Builds the services once per run and hands them the database and the window."""

from __future__ import annotations

from dataclasses import dataclass

from judo_manager.athletes.service import AthletesService
from judo_manager.backup.service import BackupService
from judo_manager.db import Database
from judo_manager.desktop import DesktopWindow
from judo_manager.maintenance import MaintenanceLock
from judo_manager.restore.service import RestoreService
from judo_manager.rules.service import RulesService
from judo_manager.system.service import SystemService


@dataclass(frozen=True)
class Services:
    """Every service of the app, sharing one database and one window."""

    db: Database
    window: DesktopWindow
    system: SystemService
    athletes: AthletesService
    rules: RulesService
    backup: BackupService
    restore: RestoreService

    @classmethod
    def build(cls, db: Database, window: DesktopWindow) -> Services:
        """Wire the services around an open database and the app's window."""
        maintenance = MaintenanceLock()
        return cls(
            db=db,
            window=window,
            system=SystemService(db),
            athletes=AthletesService(db),
            rules=RulesService(db),
            backup=BackupService(db, window, maintenance),
            restore=RestoreService(db, window, maintenance),
        )
