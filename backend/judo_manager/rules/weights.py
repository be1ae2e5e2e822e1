"""Weight classes: which class a weight falls in, and how a class is named.

`weight_class_for` is the one place that decides it, for the roster, a tournament's entries
and the entry sheet alike.
"""

from __future__ import annotations

from collections.abc import Iterable

from judo_manager.i18n import Message, _, in_kilograms
from judo_manager.rules.model import Sex, WeightClass


def ladder(classes: Iterable[WeightClass], sex: Sex) -> list[WeightClass]:
    """One sex's classes in ladder order: the up-to classes lightest first, then "over"."""
    return sorted((c for c in classes if c.sex == sex), key=lambda c: (c.over, c.limit_kg))


def weight_class_for(
    classes: Iterable[WeightClass], sex: Sex, weight_kg: float | None
) -> WeightClass | None:
    """The class an athlete of `sex` weighing `weight_kg` falls in, or None.

    The first up-to class (lightest first) whose limit the weight doesn't pass: 66.0 kg is
    in -66, 66.1 kg in -73. Heavier than every up-to class, the over class when the weight
    is over its limit: 100.1 kg is in +100. None when there is no weight, or no class fits
    (the top up-to class was removed, so 85 kg is neither -81 nor +90).

    `classes` may hold both sexes, in any order. The roster asks this for thousands of
    athletes, so it looks once at each class instead of sorting a ladder each time: the
    first class in ladder order that the weight isn't outside of (`outside_class`) is the
    lightest fitting up-to class, or failing one, the lightest fitting over class.
    """
    if weight_kg is None:
        return None
    up_to: WeightClass | None = None
    over: WeightClass | None = None
    for weight_class in classes:
        if weight_class.sex != sex:
            continue
        limit = weight_class.limit_kg
        # `outside_class`, spelled out: a call per class would cost as much as the loop.
        if weight_class.over:
            if weight_kg > limit and (over is None or limit < over.limit_kg):
                over = weight_class
        elif weight_kg <= limit and (up_to is None or limit < up_to.limit_kg):
            up_to = weight_class
    return up_to if up_to is not None else over


def outside_class(weight_class: WeightClass, weight_kg: float) -> bool:
    """True when `weight_kg` can't compete in the class: heavier than an up-to class's
    limit, or not over an over class's. Lighter is allowed: an athlete may fight up."""
    if weight_class.over:
        return weight_kg <= weight_class.limit_kg
    return weight_kg > weight_class.limit_kg


def weight_class_label(weight_class: WeightClass) -> Message | str:
    """The class as the coach reads it: its own name, else "-66 kg" or "+100 kg" (with the
    language's decimal sign: "-44,5 kg")."""
    if weight_class.name is not None:
        return weight_class.name
    limit = in_kilograms(weight_class.limit_kg)
    if weight_class.over:
        # Translators: a weight class, "over N kg", as federations write it: "+100 kg".
        return _("+{limit} kg", limit=limit)
    # Translators: a weight class, "up to and including N kg": "-66 kg".
    return _("-{limit} kg", limit=limit)
