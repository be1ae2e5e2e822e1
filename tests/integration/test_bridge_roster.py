"""The `athletes` and `rules` namespaces as JavaScript sees them: shapes and typed errors."""

from __future__ import annotations

import json
import types
import typing

import pytest

from judo_manager.athletes.model import Athlete, Roster
from judo_manager.bridge import JudoManagerApi
from judo_manager.bridge import types as wire
from judo_manager.bridge.guards import error_for_page
from judo_manager.bridge.wire import wire_fields, wired_model
from judo_manager.db import Database
from judo_manager.demo.generator import fill_demo_club
from judo_manager.errors import NotFoundError, ValidationError
from judo_manager.rules.model import Rules
from judo_manager.window.handle import DesktopWindow
from judo_manager.wiring import AppServices


@pytest.fixture
def api(db: Database) -> JudoManagerApi:
    fill_demo_club(db, 60)
    return JudoManagerApi(AppServices.build(db), DesktopWindow())


def conforms(value: object, shape: object) -> bool:
    """True when a JSON-ready value has exactly the keys and types the annotation declares."""
    origin = typing.get_origin(shape)
    model = wired_model(shape)
    if model is not None:
        fields = wire_fields(model)
        return (
            isinstance(value, dict)
            and set(value) == set(fields)
            and all(conforms(value[key], hint) for key, hint in fields.items())
        )
    if typing.is_typeddict(shape):
        hints = typing.get_type_hints(shape)
        return (
            isinstance(value, dict)
            and set(value) == set(hints)
            and all(conforms(value[key], hint) for key, hint in hints.items())
        )
    if origin in (typing.Union, types.UnionType):
        return any(conforms(value, arg) for arg in typing.get_args(shape))
    if origin is typing.Literal:
        return value in typing.get_args(shape)
    if origin is list:
        (item,) = typing.get_args(shape)
        return isinstance(value, list) and all(conforms(v, item) for v in value)
    if origin is dict:
        key, item = typing.get_args(shape)
        return isinstance(value, dict) and all(
            conforms(k, key) and conforms(v, item) for k, v in value.items()
        )
    if shape is type(None):
        return value is None
    if shape is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if shape is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, shape)  # type: ignore[arg-type]


FILTERS: wire.AthleteFilters = {
    "search": "",
    "sex": None,
    "beltId": None,
    "categoryId": None,
    "status": "all",
    "season": None,
    "sort": "belt",
    "descending": True,
}


def test_every_answer_has_the_declared_shape(api: JudoManagerApi) -> None:
    rules = api.rules.get()
    roster = api.athletes.list(FILTERS)
    with_history = next(
        api.athletes.get(row["id"])
        for row in roster["rows"]
        if api.athletes.get(row["id"])["medals"]
    )

    assert conforms(rules, Rules)
    assert conforms(roster, Roster) and len(roster["rows"]) == 60
    assert conforms(with_history, Athlete)
    assert with_history["promotions"] and with_history["medals"]
    assert conforms(api.system.getAppInfo(), wire.AppInfo)


def test_a_round_trip_through_the_bridge(api: JudoManagerApi) -> None:
    belts = {b["name"]: b["id"] for b in api.rules.get()["belts"]}
    data: dict[str, object] = {
        "fullName": "Ayu Lestari",
        "birthDate": "2010-04-02",
        "sex": "F",
        "beltId": belts["Orange"],
        "weightKg": 44.5,
        "licenceNumber": "IDN-0042",
        "phone": None,
        "email": "ayu@example.com",
        "guardianName": "Sri Lestari",
        "guardianPhone": None,
        "notes": None,
        "active": True,
    }
    ayu = api.athletes.create(data)
    assert {k: ayu[k] for k in data} == data  # type: ignore[literal-required]

    ayu = api.athletes.addPromotion(
        ayu["id"],
        ayu["revision"],
        {"promotedOn": "2025-01-01", "beltId": belts["Green"], "examiner": None, "notes": None},
    )
    assert ayu["beltId"] == belts["Green"]
    found = api.athletes.list({**FILTERS, "search": "ayu lest"})
    assert [row["fullName"] for row in found["rows"]] == ["Ayu Lestari"]

    api.athletes.delete(ayu["id"], ayu["revision"])
    assert api.athletes.list({**FILTERS, "search": "ayu lest"})["rows"] == []


def test_a_validation_error_carries_each_field_in_camel_case(api: JudoManagerApi) -> None:
    with pytest.raises(ValidationError) as error:
        api.athletes.create({"fullName": "", "birthDate": "2999-01-01"})  # type: ignore[typeddict-item]

    # The page gets the class name, the code and the message: here, FieldProblems as JSON.
    page = error_for_page(error.value)
    assert (page["name"], page["code"]) == ("ValidationError", "validation")
    problems = json.loads(page["message"])
    assert conforms(problems, wire.FieldProblems)
    assert problems["fields"]["fullName"] == "Full name is required."
    assert problems["fields"]["birthDate"] == "Birth date can't be in the future."
    assert {"sex", "beltId", "weightKg"} <= set(problems["fields"])
    assert problems["message"].startswith("Full name is required.")


def test_a_missing_athlete_is_told_in_words(api: JudoManagerApi) -> None:
    with pytest.raises(NotFoundError, match="no longer there"):
        api.athletes.get(987654)
