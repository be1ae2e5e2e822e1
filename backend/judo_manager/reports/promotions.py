"""The promotions report, for the federation's registrar: every grading in a period, with
the athlete's birth date and licence number, the belts from and to, and the examiner."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from judo_manager.athletes.model import PromotionRecord
from judo_manager.athletes.names import search_key
from judo_manager.i18n import _, _n, translate
from judo_manager.reports.cells import day, iso_or_none
from judo_manager.reports.table import Field, Line, Section, Table
from judo_manager.rules.model import Belt

FIELDS: tuple[Field, ...] = (
    Field("name", _("Name"), 3.0),
    Field("member_id", _("Member ID"), 1.2),
    Field("birth_date", _("Birth date"), 1.3, "right"),
    Field("licence_number", _("Licence number"), 1.5),
    Field("from_belt", _("From belt"), 1.4),
    Field("to_belt", _("To belt"), 1.4),
    Field("promoted_on", _("Date"), 1.3, "right"),
    Field("examiner", _("Examiner"), 2.0),
)


def build(
    promotions: Sequence[PromotionRecord], belts: Sequence[Belt], first: dt.date, last: dt.date
) -> Table:
    """The promotions report of `first` to `last`, in the language spoken now."""
    belt_names: dict[int | None, str] = {belt.id: belt.name for belt in belts}
    belt_ranks: dict[int | None, int] = {belt.id: belt.rank for belt in belts}
    # An athlete graded many times is listed as often: their name is folded once.
    name_keys: dict[str, str] = {}
    lines = []
    for promotion in promotions:
        name = promotion.full_name
        name_key = name_keys.get(name)
        if name_key is None:
            name_key = name_keys[name] = search_key(name)
        # No belt has the id None: a promotion without a "from" belt gets "" and no rank.
        from_id, to_id = promotion.from_belt_id, promotion.belt_id
        lines.append(
            Line(
                cells={
                    "name": name,
                    "member_id": promotion.member_id or "",
                    "birth_date": day(promotion.birth_date),
                    "licence_number": promotion.licence_number or "",
                    "from_belt": belt_names.get(from_id, ""),
                    "to_belt": belt_names.get(to_id, ""),
                    "promoted_on": day(promotion.promoted_on),
                    "examiner": promotion.examiner or "",
                },
                order={
                    "name": name_key,
                    "birth_date": iso_or_none(promotion.birth_date),
                    "from_belt": belt_ranks.get(from_id),
                    "to_belt": belt_ranks.get(to_id),
                    "promoted_on": iso_or_none(promotion.promoted_on),
                },
                athlete_id=promotion.athlete_id,
            )
        )
    count = translate(_n("{count} promotion", "{count} promotions", len(lines)))
    athletes = len({promotion.athlete_id for promotion in promotions})
    return Table(
        name="promotions",
        title=translate(_("Promotions, {first} to {last}", first=first, last=last)),
        details=[],
        group_columns=[],
        fields=list(FIELDS),
        sections=[Section(values=[], lines=lines, total=count)],
        summary=translate(
            _n(
                "{promotions}, of {count} athlete",
                "{promotions}, of {count} athletes",
                athletes,
                promotions=count,
            )
        ),
        problems_label=translate(_("Notes")),
    )
