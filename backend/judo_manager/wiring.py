"""Builds every service once per run, around one open database."""

from __future__ import annotations

from dataclasses import dataclass

from judo_manager.athletes.service import AthletesService
from judo_manager.backup.service import BackupService
from judo_manager.clubs.service import ClubsService
from judo_manager.dashboard.service import DashboardService
from judo_manager.db import Database
from judo_manager.exports.service import ExportsService
from judo_manager.imports.service import ImportService
from judo_manager.jobs import JobLock
from judo_manager.media.service import MediaService
from judo_manager.reports.service import ReportsService
from judo_manager.restore.service import RestoreService
from judo_manager.rules.service import RulesService
from judo_manager.system.service import SystemService
from judo_manager.tournaments.service import TournamentsService


@dataclass(frozen=True)
class AppServices:
    """Every service of the app, sharing one database and one job lock."""

    db: Database
    jobs: JobLock
    system: SystemService
    athletes: AthletesService
    rules: RulesService
    media: MediaService
    clubs: ClubsService
    backup: BackupService
    restore: RestoreService
    tournaments: TournamentsService
    exports: ExportsService
    reports: ReportsService
    imports: ImportService
    dashboard: DashboardService

    @classmethod
    def build(cls, db: Database) -> AppServices:
        """Wire the services around an open database."""
        jobs = JobLock()
        rules = RulesService(db)
        backup = BackupService(db, jobs)
        media = MediaService(db)
        clubs = ClubsService(db, media)
        # The same media service as the bridge's `media.chooseFile`, which holds the files
        # the athlete's forms then save.
        athletes = AthletesService(db, rules, clubs=clubs, media=media)
        restore = RestoreService(db, jobs, backup)
        # Results are medals in the athletes' histories, written through their service.
        tournaments = TournamentsService(db, athletes, rules, clubs, media)
        return cls(
            db=db,
            jobs=jobs,
            system=SystemService(db, backup.status),
            athletes=athletes,
            rules=rules,
            media=media,
            clubs=clubs,
            backup=backup,
            restore=restore,
            tournaments=tournaments,
            # One for the run: "Open" finds the files it saved by their tokens.
            exports=ExportsService(),
            reports=ReportsService(athletes, rules, clubs, viewing=db.folder.viewing),
            # One for the run: it holds the file read until the coach imports or closes it.
            imports=ImportService(db, jobs, athletes, rules, clubs, restore),
            dashboard=DashboardService(athletes, rules, tournaments),
        )
