"""Which weight class a weight falls in, and how a class reads, without a database."""

from __future__ import annotations

import random

import pytest

from judo_manager.i18n import speaking
from judo_manager.rules.model import Sex, WeightClass
from judo_manager.rules.weights import ladder, outside_class, weight_class_for, weight_class_label


def _classes(sex: Sex, limits: tuple[float, ...], over: float | None) -> list[WeightClass]:
    made = [WeightClass(i, 1, sex, limit, False, None) for i, limit in enumerate(limits, 1)]
    if over is not None:
        made.append(WeightClass(len(made) + 1, 1, sex, over, True, None))
    return made


SENIOR_MEN = _classes("M", (60, 66, 73, 81, 90, 100), 100)


def _label(weight_class: WeightClass | None) -> str | None:
    return None if weight_class is None else str(weight_class_label(weight_class))


@pytest.mark.parametrize(
    ("weight", "label"),
    [
        (50.0, "-60 kg"),  # lighter than the lightest class: it is still theirs
        (66.0, "-66 kg"),
        (66.1, "-73 kg"),
        (81.0, "-81 kg"),
        (81.1, "-90 kg"),  # the peer's ladder put every man over 81 kg in "+81"
        (85.0, "-90 kg"),
        (95.0, "-100 kg"),
        (100.0, "-100 kg"),
        (100.1, "+100 kg"),
        (120.0, "+100 kg"),
    ],
)
def test_a_senior_man_falls_in_the_class_his_weight_is_up_to(weight: float, label: str) -> None:
    assert _label(weight_class_for(SENIOR_MEN, "M", weight)) == label


def test_the_ladder_is_found_whatever_order_the_classes_come_in() -> None:
    shuffled = list(reversed(SENIOR_MEN))

    assert [_label(c) for c in ladder(shuffled, "M")] == [_label(c) for c in SENIOR_MEN]
    assert _label(weight_class_for(shuffled, "M", 95)) == "-100 kg"
    assert _label(weight_class_for(shuffled, "M", 120)) == "+100 kg"


def test_only_the_athletes_own_sex_counts() -> None:
    women = _classes("F", (48, 52), 52)
    both = [*women, *SENIOR_MEN]

    assert _label(weight_class_for(both, "F", 50)) == "-52 kg"
    assert _label(weight_class_for(both, "M", 50)) == "-60 kg"
    assert weight_class_for(women, "M", 50) is None


def test_no_class_fits_a_weight_between_a_removed_top_class_and_the_over_class() -> None:
    # Cadet men with -90 removed: -81 is the top up-to class, then "over 90".
    cadets = _classes("M", (50, 55, 60, 66, 73, 81), 90)

    assert _label(weight_class_for(cadets, "M", 81)) == "-81 kg"
    assert weight_class_for(cadets, "M", 85) is None
    assert weight_class_for(cadets, "M", 90) is None
    assert _label(weight_class_for(cadets, "M", 90.1)) == "+90 kg"


def test_no_weight_or_no_classes_gives_no_class() -> None:
    assert weight_class_for(SENIOR_MEN, "M", None) is None
    assert weight_class_for([], "F", 60) is None
    # Without an over class, a heavier athlete has no class.
    assert weight_class_for(_classes("F", (48, 52), None), "F", 52.1) is None


def test_the_one_pass_agrees_with_the_ladder_as_the_contract_words_it() -> None:
    # "The first class in ladder order the weight is not outside of": checked on many odd
    # ladders, as a restored file may hold them (an over class below an up-to class, an up-to
    # and an over class of the same limit, classes in any order, both sexes mixed).
    rng = random.Random(17)
    for _ in range(2_000):
        classes = [
            WeightClass(
                i,
                1,
                rng.choice(("F", "M")),
                rng.choice((40, 44.5, 48, 52, 57, 63, 70, 78, 100)),
                rng.random() < 0.25,
                None,
            )
            for i in range(rng.randint(0, 10))
        ]
        rng.shuffle(classes)
        sex: Sex = rng.choice(("F", "M"))
        weight = round(rng.uniform(30, 110), 1)
        by_the_words = next((c for c in ladder(classes, sex) if not outside_class(c, weight)), None)
        assert weight_class_for(classes, sex, weight) is by_the_words


def test_outside_a_class_means_heavier_than_up_to_or_not_over_an_over_class() -> None:
    minus_66, plus_100 = SENIOR_MEN[1], SENIOR_MEN[-1]

    assert not outside_class(minus_66, 66.0) and outside_class(minus_66, 66.1)
    assert not outside_class(minus_66, 55.0)  # fighting up is allowed
    assert outside_class(plus_100, 100.0) and not outside_class(plus_100, 100.1)


def test_a_class_reads_as_federations_write_it_in_the_coachs_language() -> None:
    light = WeightClass(1, 1, "F", 44.5, False, None)
    heavy = WeightClass(2, 1, "M", 100.0, True, None)
    named = WeightClass(3, 1, "M", 100.0, True, "Heavyweight")

    assert (str(weight_class_label(light)), str(weight_class_label(heavy))) == (
        "-44.5 kg",
        "+100 kg",
    )
    with speaking("id"):
        assert str(weight_class_label(light)) == "-44,5 kg"
        assert str(weight_class_label(heavy)) == "+100 kg"
    assert weight_class_label(named) == "Heavyweight"
