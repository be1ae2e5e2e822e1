"""The `athletes` and `rules` namespaces as JavaScript sees them: shapes and typed errors."""

from __future__ import annotations

import json
import types
import typing
from pathlib import Path

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
from tests.media_files import ChoosingWindow, pdf_bytes, photo_bytes, write


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
    "weightClassId": None,
    "clubId": None,
    "papers": "all",
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
    sent = error_for_page(error.value)
    assert (sent["name"], sent["code"]) == ("ValidationError", "validation")
    problems = json.loads(sent["message"])
    assert conforms(problems, wire.FieldProblems)
    assert problems["fields"]["fullName"] == "Full name is required."
    assert problems["fields"]["birthDate"] == "Birth date can't be in the future."
    assert {"sex", "beltId", "weightKg"} <= set(problems["fields"])
    assert problems["message"].startswith("Full name is required.")


def test_a_missing_athlete_is_told_in_words(api: JudoManagerApi) -> None:
    with pytest.raises(NotFoundError, match="no longer there"):
        api.athletes.get(987654)


def test_a_file_chosen_through_media_is_saved_by_the_athletes_forms(
    db: Database, tmp_path: Path
) -> None:
    # The page's path: media.chooseFile → a token → athletes.addDocument / setPhoto, on the
    # services the app wires (one media service holds what the other saves).
    scan = write(tmp_path, "medical.pdf", pdf_bytes())
    face = write(tmp_path, "face.jpg", photo_bytes())
    api = JudoManagerApi(AppServices.build(db), ChoosingWindow(scan, face))  # type: ignore[arg-type]
    belts = {b["name"]: b["id"] for b in api.rules.get()["belts"]}
    assert api.athletes.nextMemberId() == "JM-001"
    ayu = api.athletes.create(
        {
            "fullName": "Ayu Lestari",
            "birthDate": "2010-04-02",
            "sex": "F",
            "beltId": belts["Orange"],
            "weightKg": 44.5,
            "memberId": None,
            "medicalValidUntil": "2000-01-01",
            "active": True,
        }  # type: ignore[typeddict-item]
    )
    assert ayu["memberId"] == "JM-001" and api.athletes.nextMemberId() == "JM-002"

    pending = api.media.chooseFile("document")
    assert pending is not None
    ayu = api.athletes.addDocument(
        ayu["id"],
        ayu["revision"],
        pending["token"],
        {
            "kind": "medical_certificate",
            "title": "Medical check",
            "issuedOn": "2025-01-10",
            "validUntil": "2099-01-09",
            "notes": None,
        },
    )
    photo = api.media.chooseFile("photo")
    assert photo is not None
    ayu = api.athletes.setPhoto(ayu["id"], ayu["revision"], photo["token"])

    assert conforms(ayu, Athlete)
    assert ayu["documents"][0]["media"]["fileName"] == "medical.pdf"
    assert ayu["medical"] == {"validUntil": "2099-01-09", "state": "valid", "fromDocument": True}
    (row,) = api.athletes.list({**FILTERS, "papers": "all", "clubId": None})["rows"]
    assert (row["photoId"], row["medicalState"], row["licenceState"]) == (
        ayu["photoId"],
        "valid",
        None,
    )
    assert api.athletes.list({**FILTERS, "papers": "missing"})["rows"] == [row]
    assert api.athletes.list({**FILTERS, "papers": "expired"})["rows"] == []
    ayu = api.athletes.deleteDocument(ayu["documents"][0]["id"], ayu["revision"])
    assert ayu["medical"]["state"] == "expired"  # the typed date again
