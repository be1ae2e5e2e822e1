"""`frontend/src/types/bridge.ts` must declare exactly the bridge that Python exposes.

The file is generated from the Python declarations; these tests fail when it is not current,
and when the generator's picture of the bridge differs from what pywebview really exposes
(the public attributes of the root API object).
"""

from __future__ import annotations

import pytest

from judo_manager.bridge import JudoManagerApi, typescript
from judo_manager.db import Database
from judo_manager.window.handle import DesktopWindow
from judo_manager.wiring import AppServices


@pytest.fixture
def api(db: Database) -> JudoManagerApi:
    return JudoManagerApi(AppServices.build(db), DesktopWindow())


def test_bridge_ts_is_generated_from_the_python_side() -> None:
    assert typescript.BRIDGE_TS.read_text() == typescript.render(), (
        "frontend/src/types/bridge.ts is out of date: run "
        "`.venv/bin/python -m judo_manager.bridge.typescript`"
    )


def test_the_generated_namespaces_are_what_pywebview_exposes(api: JudoManagerApi) -> None:
    exposed = {name: value for name, value in vars(api).items() if not name.startswith("_")}

    assert {name: type(ns) for name, ns in exposed.items()} == typescript.namespaces()
    for namespace in exposed.values():
        callables = {
            name
            for name in dir(namespace)
            if not name.startswith("_") and callable(getattr(namespace, name))
        }
        assert callables == set(typescript.public_methods(type(namespace)))


def test_no_namespace_exposes_a_public_attribute_that_is_not_a_method(
    api: JudoManagerApi,
) -> None:
    # pywebview would walk into it and hand its methods to JavaScript.
    for namespace in vars(api).values():
        public = [n for n in vars(namespace) if not n.startswith("_")]
        assert public == [], f"{type(namespace).__name__} exposes {public}"


def test_every_method_and_shape_has_a_typescript_spelling() -> None:
    for shape in typescript.data_shapes():
        for hint in shape.fields.values():
            typescript.ts_type(hint)
    for namespace in typescript.namespaces().values():
        for method in typescript.public_methods(namespace).values():
            typescript.method_signature(method)
