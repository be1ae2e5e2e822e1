"""The root bridge object: one attribute per namespace."""

from __future__ import annotations

from judo_manager.bridge.athletes import AthletesApi
from judo_manager.bridge.rules import RulesApi
from judo_manager.bridge.system import SystemApi
from judo_manager.services import Services


class JudoManagerApi:
    """`window.pywebview.api`: `system.*`, `athletes.*` and `rules.*`."""

    def __init__(self, services: Services) -> None:
        self.system = SystemApi(services)
        self.athletes = AthletesApi(services.athletes)
        self.rules = RulesApi(services.rules)
