"""The `clubs` namespace as JavaScript sees it: camelCase shapes and coach errors with codes."""

from __future__ import annotations

import json

import pytest

from judo_manager.bridge import JudoManagerApi
from judo_manager.bridge.guards import error_for_page
from judo_manager.bridge.wire import wire_fields
from judo_manager.clubs.model import Club, Organisation
from judo_manager.db import Database
from judo_manager.errors import NotFoundError, ValidationError
from judo_manager.i18n import speaking
from judo_manager.window.handle import DesktopWindow
from judo_manager.wiring import AppServices

FORM = {
    "name": "Judo Club Bogor",
    "shortName": "JCB",
    "federation": "PJSI",
    "city": "Bogor",
    "contact": "Pak Budi\n0812 555 0101",
}


@pytest.fixture
def api(db: Database) -> JudoManagerApi:
    return JudoManagerApi(AppServices.build(db), DesktopWindow())


def test_clubs_cross_in_camel_case_with_their_athlete_counts(api: JudoManagerApi) -> None:
    created = api.clubs.create(FORM)

    assert created == api.clubs.list()
    [club] = created
    assert set(club) == set(wire_fields(Club))
    assert {key: club[key] for key in FORM} == FORM
    assert (club["logoId"], club["athleteCount"]) == (None, 0)
    json.dumps(created)  # what pywebview sends

    [renamed] = api.clubs.update(club["id"], {**FORM, "name": "JC Bogor", "shortName": None})
    assert (renamed["name"], renamed["shortName"]) == ("JC Bogor", None)
    assert api.clubs.delete(club["id"]) == []


def test_a_wrong_club_form_names_each_field_as_the_page_calls_it(api: JudoManagerApi) -> None:
    api.clubs.create(FORM)

    with pytest.raises(ValidationError) as error:
        api.clubs.create({**FORM, "name": "JUDO CLUB BOGOR", "shortName": "Judo Club Bogor"})

    problems = json.loads(error_for_page(error.value)["message"])["fields"]
    assert problems == {
        "name": "There is already a club called Judo Club Bogor. Club names must differ by "
        "more than capital letters or spaces.",
        "shortName": "Short name is too long (at most 12 characters).",
    }


def test_a_club_gone_meanwhile_is_a_not_found_error_for_the_page(api: JudoManagerApi) -> None:
    [club] = api.clubs.create(FORM)
    api.clubs.delete(club["id"])

    with pytest.raises(NotFoundError) as error:
        api.clubs.update(club["id"], FORM)

    page = error_for_page(error.value)
    assert (page["name"], page["code"]) == ("NotFoundError", "not-found")
    assert page["message"] == (
        "That club is no longer there; the data may have been restored meanwhile."
    )


def test_the_organisation_crosses_in_camel_case(api: JudoManagerApi) -> None:
    assert api.clubs.getOrganisation() == {"name": None, "logoId": None, "memberIdPrefix": "JM-"}

    saved = api.clubs.updateOrganisation({"name": "Bogor Judo Club", "memberIdPrefix": "BJC-"})

    assert set(saved) == set(wire_fields(Organisation))
    assert saved == {"name": "Bogor Judo Club", "logoId": None, "memberIdPrefix": "BJC-"}
    assert api.clubs.getOrganisation() == saved
    with pytest.raises(ValidationError) as error:
        api.clubs.updateOrganisation({"name": None, "memberIdPrefix": "BJC/"})
    assert list(json.loads(error_for_page(error.value)["message"])["fields"]) == ["memberIdPrefix"]


def test_a_clash_is_told_in_indonesian_naming_the_club_as_it_is_saved(
    api: JudoManagerApi,
) -> None:
    api.clubs.create({**FORM, "name": "Dojo A"})

    with pytest.raises(ValidationError) as error, speaking("id"):
        api.clubs.create({**FORM, "name": "dojo a"})
    with speaking("id"):
        message = error_for_page(error.value)["message"]

    assert json.loads(message)["fields"] == {
        "name": "Sudah ada klub bernama Dojo A. Nama klub harus berbeda lebih dari sekadar "
        "huruf besar-kecil atau spasi."
    }
