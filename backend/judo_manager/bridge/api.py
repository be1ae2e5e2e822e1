"""The root bridge object: one attribute per namespace."""

from __future__ import annotations

from judo_manager.bridge.athletes import AthletesApi
from judo_manager.bridge.clubs import ClubsApi
from judo_manager.bridge.dashboard import DashboardApi
from judo_manager.bridge.exports import ExportsApi
from judo_manager.bridge.host import Host
from judo_manager.bridge.imports import ImportsApi
from judo_manager.bridge.media import MediaApi
from judo_manager.bridge.reports import ReportsApi
from judo_manager.bridge.rules import RulesApi
from judo_manager.bridge.system import SystemApi
from judo_manager.bridge.tournaments import TournamentsApi
from judo_manager.wiring import AppServices


class JudoManagerApi:
    """`window.pywebview.api`: `system.*`, `athletes.*`, `rules.*`, `media.*`, `clubs.*`,
    `tournaments.*`, `exports.*`, `reports.*`, `imports.*` and `dashboard.*`."""

    # Declared here so that bridge.ts can be generated without building the services.
    system: SystemApi
    athletes: AthletesApi
    rules: RulesApi
    media: MediaApi
    clubs: ClubsApi
    tournaments: TournamentsApi
    exports: ExportsApi
    reports: ReportsApi
    imports: ImportsApi
    dashboard: DashboardApi

    def __init__(self, services: AppServices, window: Host) -> None:
        self.system = SystemApi(services, window)
        self.athletes = AthletesApi(services.athletes)
        self.rules = RulesApi(services.rules)
        self.media = MediaApi(services.media, window)
        self.clubs = ClubsApi(services.clubs)
        self.tournaments = TournamentsApi(services.tournaments, services.exports, window)
        self.exports = ExportsApi(services.exports, window)
        self.reports = ReportsApi(services.reports, services.exports, window)
        self.imports = ImportsApi(services.imports, window)
        self.dashboard = DashboardApi(services.dashboard)
