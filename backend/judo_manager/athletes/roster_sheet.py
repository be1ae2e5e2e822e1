"""The roster as a sheet to export (CSV, XLSX): one line per athlete, with their season's age
category and weight class, and their papers' problems in the last column."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from judo_manager.athletes.model import Roster, RosterRow
from judo_manager.exports.model import Column, Group, Row, Sheet
from judo_manager.i18n import _, _n, in_kilograms, translate
from judo_manager.rules.model import AgeCategory, WeightClass
from judo_manager.rules.weights import weight_class_label


def roster_sheet(
    roster: Roster,
    *,
    belts: Mapping[int, str],
    categories: Sequence[AgeCategory],
    clubs: Mapping[int, str],
    organisation: str | None,
    birth_dates: Mapping[int, str],
) -> Sheet:
    """The rows of `roster` as a sheet, every text in the language spoken now; the birth
    date as YYYY-MM-DD, which every spreadsheet reads the same way and `athletes import`
    reads back (`birth_dates` by athlete id).

    `belts` and `clubs` name the ids; `categories` are the ruleset's that the roster's rows
    were placed in (an id missing from them, a restored file's oddity, is left blank).
    """
    category_codes = {category.id: category.code for category in categories}
    classes: dict[int, WeightClass] = {
        weight_class.id: weight_class
        for category in categories
        for weight_class in category.weight_classes
    }
    labels: dict[int, str] = {}
    sexes = {"F": translate(_("Female")), "M": translate(_("Male"))}
    rows = []
    for athlete in roster.rows:
        class_id = athlete.weight_class_id
        if class_id is not None and class_id not in labels and class_id in classes:
            labels[class_id] = translate(weight_class_label(classes[class_id]))
        rows.append(
            Row(
                cells=[
                    athlete.member_id or "",
                    athlete.full_name,
                    birth_dates.get(athlete.id, str(athlete.birth_year)),
                    sexes.get(athlete.sex, ""),
                    "" if athlete.belt_id is None else belts.get(athlete.belt_id, ""),
                    ""
                    if athlete.weight_kg is None
                    else translate(_("{weight} kg", weight=in_kilograms(athlete.weight_kg))),
                    "" if athlete.club_id is None else clubs.get(athlete.club_id, ""),
                    ""
                    if athlete.category_id is None
                    else category_codes.get(athlete.category_id, ""),
                    "" if class_id is None else labels.get(class_id, ""),
                ],
                problems=_paper_problems(athlete),
            )
        )
    count = len(rows)
    athletes = translate(_n("{count} athlete", "{count} athletes", count))
    return Sheet(
        title=translate(_("Athletes, season {season}", season=str(roster.season))),
        details=[],
        organisation=organisation,
        logo=None,
        group_columns=[],
        columns=[
            Column(translate(_("Member ID")), 1.2),
            Column(translate(_("Name")), 3.0),
            Column(translate(_("Birth date")), 1.2, "right"),
            Column(translate(_("Sex")), 0.8),
            Column(translate(_("Belt")), 1.3),
            Column(translate(_("Weight")), 1.0, "right"),
            Column(translate(_("Club")), 2.0),
            Column(translate(_("Age category")), 1.0),
            Column(translate(_("Weight class")), 1.0),
        ],
        groups=[Group(values=[], rows=rows, total=athletes)],
        problems_label=translate(_("Papers")),
        summary=athletes,
    )


def _paper_problems(athlete: RosterRow) -> list[str]:
    """What a federation would refuse: a licence or medical certificate missing or expired
    today (the roster's own reading of the effective dates)."""
    problems = []
    if athlete.licence_state is None:
        problems.append(_("No licence on record (no valid-until date)."))
    elif athlete.licence_state == "expired":
        problems.append(_("The licence expired on {day}.", day=_day(athlete.licence_until)))
    if athlete.medical_state is None:
        problems.append(_("No medical certificate on record (no valid-until date)."))
    elif athlete.medical_state == "expired":
        problems.append(
            _("The medical certificate expired on {day}.", day=_day(athlete.medical_until))
        )
    return [translate(problem) for problem in problems]


def _day(text: str | None) -> dt.date | str:
    """A stored date, to be written in the coach's language; as stored if it isn't one."""
    try:
        return dt.date.fromisoformat(text or "")
    except ValueError:
        return text or ""
