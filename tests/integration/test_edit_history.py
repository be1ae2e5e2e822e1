"""Correcting a promotion or a medal: the same checks as adding one, the history a chain,
the revision rule, and nothing changed when the correction doesn't fit."""

from __future__ import annotations

import pytest

from judo_manager.athletes.model import Athlete
from judo_manager.athletes.service import AthletesService
from judo_manager.errors import StaleRecordError, ValidationError
from tests.integration.test_athletes import belts, form, service

__all__ = ["belts", "service"]  # fixtures, used by name below


def _graded(service: AthletesService, belts: dict[str, int]) -> Athlete:
    """Ayu: Orange, then Orange-Green on 2025-03-01, then Green on 2026-03-01."""
    ayu = service.create(form(belts))
    for day, belt in (("2025-03-01", "Orange-Green"), ("2026-03-01", "Green")):
        ayu = service.add_promotion(
            ayu.id, ayu.revision, {"promoted_on": day, "belt_id": belts[belt]}
        )
    return ayu


def _chain(ayu: Athlete) -> list[tuple[str, int | None, int | None]]:
    return [(p.promoted_on, p.from_belt_id, p.belt_id) for p in ayu.promotions]


def test_correcting_the_newest_grading_changes_the_belt_and_keeps_the_chain(
    service: AthletesService, belts: dict[str, int]
) -> None:
    ayu = _graded(service, belts)
    newest = ayu.promotions[0]
    ayu = service.update_promotion(
        newest.id,
        ayu.revision,
        {"promoted_on": "2026-02-20", "belt_id": belts["Blue"], "examiner": "K. Tanaka"},
    )
    assert ayu.belt_id == belts["Blue"]
    assert _chain(ayu) == [
        ("2026-02-20", belts["Orange-Green"], belts["Blue"]),
        ("2025-03-01", belts["Orange"], belts["Orange-Green"]),
    ]
    assert ayu.promotions[0].examiner == "K. Tanaka"


def test_a_grading_moved_past_the_newest_relinks_both_and_sets_the_belt(
    service: AthletesService, belts: dict[str, int]
) -> None:
    ayu = _graded(service, belts)
    older = ayu.promotions[1]  # was Orange to Orange-Green on 2025-03-01
    ayu = service.update_promotion(
        older.id, ayu.revision, {"promoted_on": "2026-05-01", "belt_id": belts["Blue"]}
    )
    assert ayu.belt_id == belts["Blue"]
    assert _chain(ayu) == [
        ("2026-05-01", belts["Green"], belts["Blue"]),
        ("2026-03-01", belts["Orange"], belts["Green"]),
    ]


def test_a_correction_that_breaks_the_chain_is_refused_and_changes_nothing(
    service: AthletesService, belts: dict[str, int]
) -> None:
    ayu = _graded(service, belts)
    older = ayu.promotions[1]
    # Green on 2025-03-01, with the 2026 grading to Green after it: a grading to the same belt.
    with pytest.raises(ValidationError, match="held this belt around that date"):
        service.update_promotion(
            older.id, ayu.revision, {"promoted_on": "2025-03-01", "belt_id": belts["Green"]}
        )
    with pytest.raises(ValidationError, match="can't be in the future"):
        service.update_promotion(
            older.id, ayu.revision, {"promoted_on": "2099-01-01", "belt_id": belts["Blue"]}
        )
    assert service.get(ayu.id) == ayu


def test_a_medal_is_corrected_with_the_same_checks(
    service: AthletesService, belts: dict[str, int]
) -> None:
    ayu = service.create(form(belts))
    ayu = service.add_medal(
        ayu.id,
        ayu.revision,
        {"competition": "City Opn", "held_on": "2024-05-01", "place": "bronze"},
    )
    medal = ayu.medals[0]
    ayu = service.update_medal(
        medal.id,
        ayu.revision,
        {"competition": "City Open", "held_on": "2024-05-02", "place": "silver", "category": "U15"},
    )
    assert [(m.id, m.competition, m.held_on, m.place, m.category) for m in ayu.medals] == [
        (medal.id, "City Open", "2024-05-02", "silver", "U15")
    ]
    with pytest.raises(ValidationError) as error:
        service.update_medal(
            medal.id, ayu.revision, {"competition": "", "held_on": "2001-01-01", "place": "4th"}
        )
    assert set(error.value.fields) == {"competition", "held_on", "place"}
    assert service.get(ayu.id) == ayu


def test_a_correction_from_a_form_opened_before_another_change_saves_nothing(
    service: AthletesService, belts: dict[str, int]
) -> None:
    ayu = _graded(service, belts)
    ayu = service.add_medal(
        ayu.id, ayu.revision, {"competition": "City Open", "held_on": "2025-05-01", "place": "gold"}
    )
    newer = service.update(
        ayu.id,
        ayu.revision,
        form(belts, member_id=ayu.member_id, belt_id=belts["Green"], notes="x"),
    )
    with pytest.raises(StaleRecordError, match="changed since you opened the form"):
        service.update_promotion(
            ayu.promotions[0].id,
            ayu.revision,
            {"promoted_on": "2026-03-02", "belt_id": belts["Blue"]},
        )
    with pytest.raises(StaleRecordError, match="changed since you opened the form"):
        service.update_medal(
            ayu.medals[0].id,
            ayu.revision,
            {"competition": "X", "held_on": "2025-05-01", "place": "gold"},
        )
    assert service.get(ayu.id) == newer
    # A correction changes the revision, as every write to the athlete does.
    corrected = service.update_medal(
        ayu.medals[0].id,
        newer.revision,
        {"competition": "X", "held_on": "2025-05-01", "place": "gold"},
    )
    assert corrected.revision != newer.revision
