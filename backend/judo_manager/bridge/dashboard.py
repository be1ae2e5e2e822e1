"""`window.pywebview.api.dashboard`: the club at a glance."""

from __future__ import annotations

from judo_manager.bridge.convert import to_wire
from judo_manager.bridge.guards import coach_errors
from judo_manager.bridge.wire import Wire
from judo_manager.dashboard.model import Overview
from judo_manager.dashboard.service import DashboardService


class DashboardApi:
    """The dashboard as the page sees it."""

    def __init__(self, dashboard: DashboardService) -> None:
        self._dashboard = dashboard

    @coach_errors
    def overview(self, season: int | None, medalSeason: int | None) -> Wire[Overview]:
        """The counts of `season` (null: this year), the medals of `medalSeason` (null: all
        time), and what needs the coach's attention today."""
        return to_wire(self._dashboard.overview(season, medalSeason))
