"""Unusual but possible athletes: Python warns, by field, and saving still works."""

from __future__ import annotations

import pytest

from judo_manager.athletes.model import AthleteWarnings
from judo_manager.athletes.service import AthletesService
from tests.integration.test_athletes import TODAY, belts, form, service

__all__ = ["belts", "service"]  # fixtures, used by name below


def _born(age: int) -> str:
    return f"{TODAY.year - age}-03-14"


def test_a_two_year_old_6th_dan_of_91_kg_gets_both_warnings_and_still_saves(
    service: AthletesService, belts: dict[str, int]
) -> None:
    toddler = form(
        belts,
        full_name="Baby Tanaka",
        birth_date=_born(2),
        sex="M",
        belt_id=belts["6th Dan"],
        weight_kg=91.0,
        guardian_name=None,
        guardian_phone=None,
    )
    warnings = service.warnings(toddler)
    assert str(warnings.belt_id) == (
        "6th Dan at 2 is unusual: a dan grade is usually awarded from 14 or later. "
        "Check the belt, or save anyway."
    )
    assert str(warnings.weight_kg) == (
        "91 kg is far from the usual 8 to 22 kg for boys aged 2. Check the weight, or save anyway."
    )
    saved = service.create(toddler)  # a warning, never a refusal
    assert (saved.full_name, saved.weight_kg) == ("Baby Tanaka", 91.0)
    assert service.get(saved.id).belt_id == belts["6th Dan"]


@pytest.mark.parametrize(
    ("age", "belt", "warned"),
    [(13, "1st Dan", True), (14, "1st Dan", False), (9, "Brown", False), (40, "6th Dan", False)],
)
def test_a_dan_grade_is_unusual_under_14(
    service: AthletesService, belts: dict[str, int], age: int, belt: str, warned: bool
) -> None:
    weight = 50.0 if age < 18 else 70.0
    warnings = service.warnings(
        form(belts, birth_date=_born(age), belt_id=belts[belt], weight_kg=weight)
    )
    assert (warnings.belt_id is not None) == warned
    assert warnings.weight_kg is None


@pytest.mark.parametrize(
    ("age", "sex", "weight", "warned"),
    [
        (16, "F", 120.0, False),
        (16, "F", 121.0, True),
        (16, "M", 140.0, False),
        (30, "F", 37.0, True),
        (30, "M", 180.0, False),
        (8, "F", 16.0, True),
    ],
)
def test_a_weight_far_from_the_usual_band_for_the_age_and_sex_is_warned_of(
    service: AthletesService, belts: dict[str, int], age: int, sex: str, weight: float, warned: bool
) -> None:
    checked = form(belts, birth_date=_born(age), sex=sex, belt_id=belts["White"], weight_kg=weight)
    assert (service.warnings(checked).weight_kg is not None) == warned


def test_fields_that_dont_read_are_left_to_the_save_to_refuse(
    service: AthletesService, belts: dict[str, int]
) -> None:
    assert service.warnings(form(belts, birth_date="not a date")) == AthleteWarnings(None, None)
    assert service.warnings(form(belts, weight_kg="heavy", sex=None)).weight_kg is None
