"""Every conflict an entry can have, each in the coach's words, in English and Indonesian."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from judo_manager.athletes.model import AthleteFacts
from judo_manager.i18n import speaking
from judo_manager.rules.model import Belt, WeightClass
from judo_manager.tournaments.conflicts import entry_conflicts
from judo_manager.tournaments.model import CONFLICT_CODES, Conflict, TournamentCategory

LAST_DAY = dt.date(2026, 7, 13)
BELTS = {
    1: Belt(1, 1, "White", "kyu", "#ffffff", None, None, None, 0),
    3: Belt(3, 3, "Yellow", "kyu", "#facc15", None, None, None, 0),
    5: Belt(5, 5, "Orange", "kyu", "#f97316", None, None, None, 0),
}
MINUS_60 = WeightClass(10, 7, "M", 60.0, False, None)
MINUS_66 = WeightClass(11, 7, "M", 66.0, False, None)
PLUS_66 = WeightClass(12, 7, "M", 66.0, True, None)
MINUS_44_5 = WeightClass(13, 7, "F", 44.5, False, None)
U18 = TournamentCategory(
    id=7,
    code="U18",
    name="Cadets",
    min_age=15,
    max_age=17,
    weight_classes=(MINUS_44_5, MINUS_60, MINUS_66, PLUS_66),
)
BUDI = AthleteFacts(
    id=1,
    full_name="Budi Santoso",
    member_id="JM-001",
    birth_year=2010,
    sex="M",
    belt_id=5,
    weight_kg=63.5,
    club_id=None,
    licence_number="PJSI-1",
    active=True,
    licence_until="2026-07-13",
    medical_until="2027-01-01",
)


def _conflicts(athlete: AthleteFacts = BUDI, **choices: Any) -> list[Conflict]:
    judged: dict[str, Any] = {
        "age": 16,
        "age_year": 2026,
        "category": U18,
        "weight_class": MINUS_66,
        "weight_kg": athlete.weight_kg,
        "last_day": LAST_DAY,
        "belts": BELTS,
        "duplicate": False,
    }
    return entry_conflicts(athlete, **(judged | choices))


def _said(conflicts: list[Conflict]) -> dict[str, str]:
    return {conflict.code: str(conflict.message) for conflict in conflicts}


def test_an_entry_that_fits_everything_has_no_conflict() -> None:
    # A licence valid until the last day itself is still valid on it.
    assert _conflicts() == []


@pytest.mark.parametrize(
    ("age", "said"),
    [
        (14, "Not eligible by age: 14 in 2026, and U18 is for ages 15 to 17."),
        (18, "Not eligible by age: 18 in 2026, and U18 is for ages 15 to 17."),
    ],
)
def test_an_age_outside_the_category(age: int, said: str) -> None:
    assert _said(_conflicts(age=age)) == {"age": said}


def test_an_open_ended_category_says_so() -> None:
    seniors = dataclasses.replace(U18, code="SEN", min_age=15, max_age=None)
    assert _said(_conflicts(age=14, category=seniors)) == {
        "age": "Not eligible by age: 14 in 2026, and SEN is for ages 15 and over."
    }


def test_no_weight_at_all() -> None:
    assert _said(_conflicts(weight_kg=None)) == {
        "no_weight": "No weight recorded: enter the weigh-in, or the athlete's weight."
    }


@pytest.mark.parametrize(
    ("weight_class", "weight", "said"),
    [
        # Heavier than an up-to class; lighter is allowed (fighting up).
        (MINUS_60, 60.1, "60.1 kg is outside the chosen weight class, -60 kg."),
        (MINUS_66, 55.0, None),
        (MINUS_66, 66.0, None),
        # Not over the over class's limit.
        (PLUS_66, 66.0, "66 kg is outside the chosen weight class, +66 kg."),
        (PLUS_66, 66.1, None),
        (None, 63.5, "No weight class chosen: at 63.5 kg it would be -66 kg."),
    ],
)
def test_a_weight_and_its_class(
    weight_class: WeightClass | None, weight: float, said: str | None
) -> None:
    found = _said(_conflicts(weight_class=weight_class, weight_kg=weight))
    assert found == ({} if said is None else {"weight_class": said})


def test_no_class_of_the_category_fits() -> None:
    # The over class was removed from the ladder: 70 kg is neither -66 nor anything above.
    no_top = dataclasses.replace(U18, weight_classes=(MINUS_60, MINUS_66))
    assert _said(_conflicts(category=no_top, weight_class=None, weight_kg=70.0)) == {
        "weight_class": "No weight class of U18 fits 70 kg."
    }


def test_no_category_is_one_conflict_and_no_class_check() -> None:
    assert _said(_conflicts(category=None, weight_class=None)) == {
        "no_category": "No age category chosen."
    }


def test_a_belt_below_the_categorys_lowest() -> None:
    yellow_and_up = dataclasses.replace(U18, min_belt_id=3)
    white = dataclasses.replace(BUDI, belt_id=1)
    unknown = dataclasses.replace(BUDI, belt_id=None)

    assert _conflicts(category=yellow_and_up) == []  # orange is above yellow
    assert _said(_conflicts(white, category=yellow_and_up)) == {
        "belt": "U18 is for Yellow and up; the athlete holds White."
    }
    assert _said(_conflicts(unknown, category=yellow_and_up)) == {
        "belt": "U18 is for Yellow and up, and no belt is recorded for the athlete."
    }


def test_a_category_closed_to_the_athletes_sex() -> None:
    women_only = dataclasses.replace(U18, open_to_m=False)
    men_only = dataclasses.replace(U18, open_to_f=False)
    ayu = dataclasses.replace(BUDI, sex="F", weight_kg=44.0)

    assert _said(_conflicts(category=women_only)) == {"sex_closed": "U18 is closed to men."}
    assert _said(_conflicts(ayu, category=men_only, weight_class=MINUS_44_5)) == {
        "sex_closed": "U18 is closed to women."
    }


def test_inactive_and_entered_twice() -> None:
    resting = dataclasses.replace(BUDI, active=False)
    assert _said(_conflicts(resting, duplicate=True)) == {
        "inactive": "The athlete is inactive on the roster.",
        "duplicate": "Entered more than once in this category.",
    }


def test_papers_missing_or_running_out_before_the_last_day() -> None:
    missing = dataclasses.replace(BUDI, licence_until=None, medical_until=None)
    running_out = dataclasses.replace(BUDI, licence_until="2026-07-12", medical_until="2026-01-31")

    assert _said(_conflicts(missing)) == {
        "licence_missing": "No licence on record (no valid-until date).",
        "medical_missing": "No medical certificate on record (no valid-until date).",
    }
    assert _said(_conflicts(running_out)) == {
        "licence_expired": (
            "The licence runs out on 12 Jul 2026, before the tournament's last day (13 Jul 2026)."
        ),
        "medical_expired": (
            "The medical certificate runs out on 31 Jan 2026, before the tournament's last "
            "day (13 Jul 2026)."
        ),
    }


def test_every_code_comes_in_one_order_and_reads_in_indonesian() -> None:
    everything = dataclasses.replace(
        BUDI, belt_id=1, active=False, licence_until=None, medical_until="2026-01-31"
    )
    closed = dataclasses.replace(U18, min_belt_id=3, open_to_m=False)
    found = _conflicts(everything, age=18, category=closed, weight_class=MINUS_60) + _conflicts(
        weight_kg=None, category=None, weight_class=None, duplicate=True
    )
    codes = [conflict.code for conflict in found]
    assert sorted(set(codes), key=CONFLICT_CODES.index) == [
        c for c in CONFLICT_CODES if c not in ("licence_expired", "medical_missing")
    ]
    with speaking("id"):
        said = _said(found)
    assert said["age"] == (
        "Tidak memenuhi syarat usia: 18 tahun pada 2026, sedangkan U18 untuk usia 15 sampai "
        "17 tahun."
    )
    assert said["weight_class"] == "63,5 kg di luar kelas berat yang dipilih, -60 kg."
    assert said["medical_expired"].startswith("Surat keterangan sehat habis berlaku pada 31 Jan")
