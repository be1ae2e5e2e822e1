"""The `js_api` objects that pywebview exposes to the page as `window.pywebview.api`.

pywebview exposes every public attribute, so each class keeps its services in `_private`
attributes and offers only its camelCase methods. Each method is a thin hand-off to a service.
"""

from judo_manager.bridge.api import JudoManagerApi

__all__ = ["JudoManagerApi"]
