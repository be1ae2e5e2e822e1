"""Builds the services once per run and hands them the window when it exists."""

from __future__ import annotations

from dataclasses import dataclass

from judo_manager.athletes.service import AthletesService
from judo_manager.db import Database
from judo_manager.desktop import DesktopWindow
from judo_manager.system.service import SystemService


@dataclass(frozen=True)
class Services:
    """Every service of the app, sharing one database."""

    db: Database
    system: SystemService
    athletes: AthletesService

    @classmethod
    def build(cls, db: Database, window: DesktopWindow) -> Services:
        """Wire the services around an open database and the app's window."""
        return cls(db=db, system=SystemService(db), athletes=AthletesService(db))
