"""`Wire[Model]`: a service dataclass as it crosses the bridge, camelCase JSON.

The bridge annotates what it takes and returns with the service's own dataclasses, so an
entity's fields are declared once, in its model: `convert.to_wire` and `from_wire` convert
the values, and `bridge/typescript.py` writes the TypeScript interface from the same fields.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import operator
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from judo_manager.bridge.convert import camel


@dataclass(frozen=True)
class WireOf:
    """The metadata `Wire[Model]` carries: which dataclass the JSON object mirrors."""

    model: type


class Wire:
    """`Wire[Model]` is `dict[str, Any]` at run time, marked with the dataclass it mirrors."""

    def __class_getitem__(cls, model: type) -> Any:
        """The annotation for the camelCase JSON form of `model`."""
        return Annotated[dict[str, Any], WireOf(model)]


def wired_model(hint: object) -> type | None:
    """The dataclass behind a `Wire[...]` annotation (or a nested dataclass), else None."""
    if typing.get_origin(hint) is Annotated:
        for extra in getattr(hint, "__metadata__", ()):
            if isinstance(extra, WireOf):
                return extra.model
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return hint
    return None


def wire_fields(model: type) -> dict[str, object]:
    """{camelCase name: annotation as it travels} for each field of `model`.

    A date travels as its ISO text (an optional one as text or null), and any sequence as
    a JSON array.
    """
    hints = typing.get_type_hints(model)
    return {camel(f.name): _as_sent(hints[f.name]) for f in dataclasses.fields(model)}


def _as_sent(hint: object) -> object:
    if hint is dt.date:
        return str
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType) and dt.date in typing.get_args(hint):
        return functools.reduce(operator.or_, [_as_sent(arg) for arg in typing.get_args(hint)])
    if origin in (list, Sequence, tuple):
        (item,) = typing.get_args(hint)[:1]
        return list[_as_sent(item)]  # type: ignore[misc]
    return hint
