"""Writes `frontend/src/types/bridge.ts` from the bridge's Python declarations.

The shapes are the service dataclasses that bridge methods take and return as `Wire[Model]`
(and the dataclasses inside them), plus the TypedDicts of `bridge/types.py`; the namespaces
are the classes that `JudoManagerApi` annotates, and the event names are
`bridge/events.py`'s: the TypeScript is never written by hand.
`tests/unit/test_bridge_types.py` fails when the file is not current.

    .venv/bin/python -m judo_manager.bridge.typescript
"""

from __future__ import annotations

import inspect
import json
import textwrap
import types
import typing
from dataclasses import dataclass
from pathlib import Path

from judo_manager.athletes.model import (
    AthleteFields,
    DocumentFields,
    DocumentKind,
    MedalFields,
    MedalPlace,
    PapersFilter,
    PromotionFields,
    Roster,
    RosterRow,
    Sex,
    SortKey,
    Status,
    Validity,
)
from judo_manager.bridge import types as shapes
from judo_manager.bridge.api import JudoManagerApi
from judo_manager.bridge.events import BRIDGE_EVENTS
from judo_manager.bridge.wire import wire_fields, wired_model
from judo_manager.db.snapshot import Phase as BackupPhase
from judo_manager.errors import JudoManagerError
from judo_manager.exports.model import ExportFormat
from judo_manager.i18n import Message
from judo_manager.imports.model import DateOrder, DuplicatePolicy, ImportField, SheetFormat
from judo_manager.restore.service import RestorePhase
from judo_manager.rules.model import BeltFields, BeltKind, CategoryFields, WeightClassFields
from judo_manager.tournaments.model import ConflictCode, Result

BRIDGE_TS = Path(__file__).resolve().parents[3] / "frontend" / "src" / "types" / "bridge.ts"
# Enumerations the page names, declared once in Python and spelled by name in TypeScript.
NAMED_LITERALS: dict[str, object] = {
    "Sex": Sex,
    "BeltKind": BeltKind,
    "MedalPlace": MedalPlace,
    "RosterStatus": Status,
    "RosterSort": SortKey,
    "RosterPapers": PapersFilter,
    "Validity": Validity,
    "DocumentKind": DocumentKind,
    "BackupPhase": BackupPhase,
    "RestorePhase": RestorePhase,
    "TournamentResult": Result,
    "ConflictCode": ConflictCode,
    "ExportFormat": ExportFormat,
    "ImportField": ImportField,
    "DateOrder": DateOrder,
    "DuplicatePolicy": DuplicatePolicy,
    "SheetFormat": SheetFormat,
}
# The page's names for dataclasses whose Python name says what they are to the service.
TS_NAMES: dict[type, str] = {
    Roster: "AthleteList",
    RosterRow: "AthleteRow",
    AthleteFields: "AthleteInput",
    PromotionFields: "PromotionInput",
    MedalFields: "MedalInput",
    DocumentFields: "DocumentInput",
    BeltFields: "BeltInput",
    CategoryFields: "AgeCategoryInput",
    WeightClassFields: "WeightClassInput",
}
HEADER = """\
// Generated from backend/judo_manager/bridge by `python -m judo_manager.bridge.typescript`.
// Don't edit: change the Python side and run that command again.
"""


def ts_type(py_type: object) -> str:
    """How a Python annotation is written in TypeScript."""
    for name, literal in NAMED_LITERALS.items():
        if py_type == literal:
            return name
    if py_type is type(None):
        return "null"
    if py_type in (int, float):
        return "number"
    if py_type is str or py_type is Message:
        # A coach message crosses rendered, in the call's language.
        return "string"
    if py_type is bool:
        return "boolean"
    origin = typing.get_origin(py_type)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(ts_type(arg) for arg in typing.get_args(py_type))
    if origin is typing.Literal:
        return " | ".join(json.dumps(arg) for arg in typing.get_args(py_type))
    if origin is list:
        item = ts_type(typing.get_args(py_type)[0])
        return f"({item})[]" if " | " in item else f"{item}[]"
    if origin is dict:
        key, value = typing.get_args(py_type)
        return f"Record<{ts_type(key)}, {ts_type(value)}>"
    model = wired_model(py_type)
    if model is not None:
        return ts_name(model)
    if typing.is_typeddict(py_type):
        return py_type.__name__  # type: ignore[union-attr]
    raise TypeError(f"no TypeScript spelling for {py_type!r}")


def ts_name(model: type) -> str:
    """The TypeScript name of a dataclass that crosses the bridge."""
    return TS_NAMES.get(model, model.__name__)


@dataclass(frozen=True)
class Shape:
    """One interface of bridge.ts: its name, the class that documents it, and its fields."""

    name: str
    source: type
    fields: dict[str, object]


def data_shapes() -> list[Shape]:
    """Every shape that crosses the bridge.

    First the dataclasses the bridge methods take and return (and those inside them), in
    the order the methods name them; then the TypedDicts of `bridge/types.py`.
    """
    found: dict[str, Shape] = {}

    def visit(hint: object) -> None:
        model = wired_model(hint)
        if model is None:
            for arg in typing.get_args(hint):
                visit(arg)
        elif ts_name(model) not in found:
            shape = Shape(ts_name(model), model, wire_fields(model))
            found[shape.name] = shape
            for field in shape.fields.values():
                visit(field)

    for namespace in namespaces().values():
        for method in public_methods(namespace).values():
            for hint in typing.get_type_hints(method, include_extras=True).values():
                visit(hint)
    for value in vars(shapes).values():
        if typing.is_typeddict(value) and value.__module__ == shapes.__name__:
            hints = typing.get_type_hints(value, include_extras=True)
            found[value.__name__] = Shape(value.__name__, value, hints)
            for hint in hints.values():
                visit(hint)  # the dataclasses a TypedDict carries, as `Wire[...]`
    return list(found.values())


def namespaces() -> dict[str, type]:
    """`window.pywebview.api`'s namespaces: {attribute: bridge class}."""
    return typing.get_type_hints(JudoManagerApi)


def public_methods(namespace: type) -> dict[str, typing.Any]:
    """The methods pywebview exposes on a namespace: its public callables."""
    return {
        name: member
        for name, member in vars(namespace).items()
        if not name.startswith("_") and inspect.isfunction(member)
    }


def method_signature(method: typing.Any) -> str:
    """`name(param: type): Promise<type>` for one bridge method."""
    hints = typing.get_type_hints(method, include_extras=True)
    params = [
        f"{name}: {ts_type(hints[name])}"
        for name in inspect.signature(method).parameters
        if name != "self"
    ]
    return f"{method.__name__}({', '.join(params)}): Promise<{ts_type(hints['return'])}>"


def render() -> str:
    """The whole of bridge.ts."""
    blocks = [HEADER]
    blocks.append(
        "\n".join(
            f"export type {name} = {ts_type_of_literal(literal)};"
            for name, literal in NAMED_LITERALS.items()
        )
    )
    for shape in data_shapes():
        body = "\n".join(f"  {field}: {ts_type(hint)};" for field, hint in shape.fields.items())
        blocks.append(f"{_comment(shape.source)}export interface {shape.name} {{\n{body}\n}}")
    for attribute, namespace in namespaces().items():
        members = "\n".join(
            f"{_comment(method, indent='  ')}  {method_signature(method)};"
            for method in public_methods(namespace).values()
        )
        blocks.append(
            f"// window.pywebview.api.{attribute}: {_first_line(namespace)}\n"
            f"export interface {namespace.__name__} {{\n{members}\n}}"
        )
    root = "\n".join(f"  {attribute}: {ns.__name__};" for attribute, ns in namespaces().items())
    blocks.append(f"// window.pywebview.api\nexport interface JudoManagerApi {{\n{root}\n}}")
    events = "\n".join(f"  {key}: {json.dumps(name)}," for key, name in BRIDGE_EVENTS.items())
    blocks.append(
        "// The window events Python dispatches to the page.\n"
        f"export const BRIDGE_EVENTS = {{\n{events}\n}} as const;"
    )
    codes = " | ".join(json.dumps(code) for code in error_codes())
    blocks.append(
        "// The stable `code` of every error a bridge call can reject with.\n"
        f"export type ErrorCode = {codes};"
    )
    blocks.append(
        "declare global {\n  interface Window {\n    pywebview?: { api: JudoManagerApi };\n  }\n}"
    )
    return "\n\n".join(block.rstrip("\n") for block in blocks) + "\n"


def error_codes() -> list[str]:
    """Every coach error's code, from the whole `JudoManagerError` hierarchy."""
    codes: list[str] = []
    pending: list[type[JudoManagerError]] = [JudoManagerError]
    while pending:
        error = pending.pop(0)
        codes.append(error.code)
        pending.extend(error.__subclasses__())
    return sorted(set(codes))


def ts_type_of_literal(literal: object) -> str:
    """A Literal spelled out as TypeScript string literals."""
    return " | ".join(json.dumps(arg) for arg in typing.get_args(literal))


def _first_line(obj: object) -> str:
    return (inspect.getdoc(obj) or "").split("\n\n")[0].replace("\n", " ")


def _comment(obj: object, indent: str = "") -> str:
    text = _first_line(obj) if indent else (inspect.getdoc(obj) or "")
    if not text:
        return ""
    lines: list[str] = []
    for paragraph in text.split("\n\n"):
        lines += textwrap.wrap(" ".join(paragraph.split()), width=92 - len(indent))
    return "".join(f"{indent}// {line}\n" for line in lines)


def main() -> None:
    """Write bridge.ts."""
    BRIDGE_TS.write_text(render())
    print(f"wrote {BRIDGE_TS}")


if __name__ == "__main__":
    main()
