"""camelCase for JavaScript, snake_case for Python: the only place keys are converted."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping
from typing import Any

from judo_manager.i18n import Message

_CAPITAL = re.compile(r"(?<!^)(?=[A-Z])")
_PLAIN = frozenset({str, int, float, bool, type(None)})


def camel(name: str) -> str:
    """`birth_date` → `birthDate`."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def snake(name: str) -> str:
    """`birthDate` → `birth_date`."""
    return _CAPITAL.sub("_", name).lower()


@functools.cache
def _wire_names(cls: type) -> tuple[tuple[str, str], ...]:
    # Looked up once per class: the roster converts thousands of rows per call.
    return tuple((field.name, camel(field.name)) for field in dataclasses.fields(cls))


def to_wire(value: Any) -> Any:
    """A service's dataclasses as the JSON-ready, camelCase shapes of `bridge/types.py`,
    with every coach message rendered as text."""
    if type(value) in _PLAIN:
        return value
    if isinstance(value, Message):
        # In the language of the call being answered.
        return value.render()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {wire: to_wire(getattr(value, name)) for name, wire in _wire_names(type(value))}
    if isinstance(value, list | tuple):
        return [to_wire(item) for item in value]
    return value


def from_wire(data: object) -> dict[str, object]:
    """A form or filter object from the page with snake_case keys; anything else is empty.

    The page is not trusted, so the values are left as they came for the services to check.
    """
    if not isinstance(data, Mapping):
        return {}
    return {snake(str(key)): value for key, value in data.items()}
