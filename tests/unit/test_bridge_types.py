"""`frontend/src/types/bridge.ts` must declare exactly the bridge that Python exposes.

The Python side is read the way pywebview reads it: the public attributes of the root API
object. The TypeScript side is read from its `export interface` blocks.
"""

from __future__ import annotations

import inspect
import re
import types
import typing
from pathlib import Path

import pytest

from judo_manager.bridge import JudoManagerApi
from judo_manager.bridge import types as bridge_types
from judo_manager.db import Database
from judo_manager.desktop import DesktopWindow
from judo_manager.services import Services

BRIDGE_TS = Path(__file__).resolve().parents[2] / "frontend" / "src" / "types" / "bridge.ts"
MEMBER = re.compile(r"^\s*(\w+)(\(([^)]*)\))?\s*:\s*(.+?);\s*$")


def _ts_interfaces() -> dict[str, dict[str, str]]:
    """{interface: {member: "type" or "(params) => type"}} from bridge.ts."""
    text = BRIDGE_TS.read_text()
    interfaces: dict[str, dict[str, str]] = {}
    for name, body in re.findall(r"export interface (\w+) \{\n(.*?)\n\}", text, re.S):
        members: dict[str, str] = {}
        for line in body.splitlines():
            match = MEMBER.match(line)
            assert match, f"bridge.ts: can't read the line {line!r} in {name}"
            member, is_method, params, ts_type = match.groups()
            members[member] = f"({params}) => {ts_type}" if is_method else ts_type
        interfaces[name] = members
    return interfaces


def _ts_type(py_type: object) -> str:
    """How a Python annotation is written in bridge.ts."""
    if py_type is type(None):
        return "null"
    if py_type in (int, float):
        return "number"
    if py_type is str:
        return "string"
    if py_type is bool:
        return "boolean"
    origin = typing.get_origin(py_type)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(_ts_type(arg) for arg in typing.get_args(py_type))
    if origin is typing.Literal:
        return " | ".join(f'"{arg}"' for arg in typing.get_args(py_type))
    if origin is list:
        return f"{_ts_type(typing.get_args(py_type)[0])}[]"
    if origin is dict:
        key, value = typing.get_args(py_type)
        return f"Record<{_ts_type(key)}, {_ts_type(value)}>"
    if typing.is_typeddict(py_type):
        return py_type.__name__
    raise AssertionError(f"no TypeScript spelling for {py_type!r}")


def _python_method(method: object) -> str:
    hints = typing.get_type_hints(method)
    params = [f"{name}: {_ts_type(hints[name])}" for name in inspect.signature(method).parameters]
    return f"({', '.join(params)}) => Promise<{_ts_type(hints['return'])}>"


@pytest.fixture
def api(db: Database) -> JudoManagerApi:
    return JudoManagerApi(Services.build(db, DesktopWindow()))


def test_every_namespace_and_method_matches(api: JudoManagerApi) -> None:
    ts = _ts_interfaces()
    namespaces = {name: value for name, value in vars(api).items() if not name.startswith("_")}

    assert ts["JudoManagerApi"] == {name: type(ns).__name__ for name, ns in namespaces.items()}
    for namespace in namespaces.values():
        python_methods = {
            name: _python_method(getattr(namespace, name))
            for name in dir(namespace)
            if not name.startswith("_") and callable(getattr(namespace, name))
        }
        assert ts[type(namespace).__name__] == python_methods


def test_no_namespace_exposes_a_public_attribute_that_is_not_a_method(
    api: JudoManagerApi,
) -> None:
    # pywebview would walk into it and hand its methods to JavaScript.
    for namespace in vars(api).values():
        public = [n for n in vars(namespace) if not n.startswith("_")]
        assert public == [], f"{type(namespace).__name__} exposes {public}"


def test_every_data_shape_matches() -> None:
    ts = _ts_interfaces()
    shapes = [
        value
        for value in vars(bridge_types).values()
        if typing.is_typeddict(value) and value.__module__ == bridge_types.__name__
    ]
    assert shapes
    for shape in shapes:
        fields = {name: _ts_type(t) for name, t in typing.get_type_hints(shape).items()}
        assert ts.get(shape.__name__) == fields, shape.__name__
