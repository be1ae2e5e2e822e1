"""`window.pywebview.api.system`."""

from __future__ import annotations

from judo_manager.bridge.types import AppInfo
from judo_manager.system.service import SystemService


class SystemApi:
    """The app itself and its data file."""

    def __init__(self, system: SystemService) -> None:
        self._system = system

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
