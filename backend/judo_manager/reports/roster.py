"""The roster report: the roster with its filters and the columns the coach chose, one line
per athlete with their papers' problems. `athletes export` saves it too (the default
columns, active athletes): there is one way a roster becomes a sheet."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence

from judo_manager.athletes.model import AthleteDetails, RosterQuery, RosterRow
from judo_manager.athletes.names import search_key
from judo_manager.athletes.service import AthletesService
from judo_manager.i18n import Message, _, _n, in_kilograms, translate
from judo_manager.reports.cells import day, iso_or_none
from judo_manager.reports.model import ColumnChoice, ReportQuery
from judo_manager.reports.table import Field, Line, Section, Table
from judo_manager.rules.model import Rules, WeightClass
from judo_manager.rules.weights import weight_class_label

FIELDS: tuple[Field, ...] = (
    Field("member_id", _("Member ID"), 1.2),
    Field("name", _("Name"), 3.0),
    Field("birth_date", _("Birth date"), 1.3, "right"),
    Field("birth_year", _("Birth year"), 1.0, "right"),
    Field("age", _("Age"), 0.7, "right"),
    Field("sex", _("Sex"), 0.8),
    Field("belt", _("Belt"), 1.3),
    Field("weight", _("Weight"), 1.0, "right"),
    Field("club", _("Club"), 2.0),
    Field("category", _("Age category"), 1.0),
    Field("weight_class", _("Weight class"), 1.0),
    Field("licence_number", _("Licence number"), 1.5),
    Field("licence_until", _("Licence valid until"), 1.4, "right"),
    Field("medical_until", _("Medical valid until"), 1.4, "right"),
    Field("phone", _("Phone"), 1.4),
    Field("email", _("Email"), 2.0),
    Field("guardian_name", _("Guardian name"), 2.0),
    Field("guardian_phone", _("Guardian phone"), 1.4),
    Field("joined_on", _("Date joined"), 1.3, "right"),
)
# What a federation's list asks for, and what `athletes export` has always written.
DEFAULT_COLUMNS = (
    "member_id",
    "name",
    "birth_year",
    "sex",
    "belt",
    "weight",
    "club",
    "category",
    "weight_class",
)
# The columns read from the athletes' details rather than their roster rows.
_DETAIL_COLUMNS = frozenset(
    {"birth_date", "licence_number", "phone", "email", "guardian_name", "guardian_phone",
     "joined_on"}
)  # fmt: skip
_BY_KEY = {f.key: f for f in FIELDS}


def build(
    query: ReportQuery,
    athletes: AthletesService,
    rules: Rules,
    clubs: Mapping[int, str],
) -> Table:
    """The roster report for `query` (its `filters` checked), in the language spoken now."""
    assert query.filters is not None
    filters = query.filters
    roster = athletes.roster(dataclasses.asdict(filters))
    chosen = list(query.columns) or list(DEFAULT_COLUMNS)
    rows: Sequence[RosterRow] = roster.rows
    details: dict[int, AthleteDetails] = {}
    if query.new_in_season or _DETAIL_COLUMNS.intersection(chosen):
        details = athletes.details([row.id for row in rows])
    if query.new_in_season:
        rows = [row for row in rows if _new_in(details.get(row.id), roster.season)]
    lines = _lines(rows, details, rules, clubs)
    count = translate(_n("{count} athlete", "{count} athletes", len(lines)))
    return Table(
        name="roster",
        title=translate(_("Athletes, season {season}", season=str(roster.season))),
        details=[" · ".join(translate(part) for part in _filters_in_words(query, rules))],
        group_columns=[],
        fields=[_BY_KEY[key] for key in chosen],
        sections=[Section(values=[], lines=lines, total=count)],
        summary=count,
        problems_label=translate(_("Papers")),
        choices=[
            ColumnChoice(key=f.key, label=translate(f.label), chosen=f.key in chosen)
            for f in FIELDS
        ],
    )


def _lines(
    rows: Sequence[RosterRow],
    details: Mapping[int, AthleteDetails],
    rules: Rules,
    clubs: Mapping[int, str],
) -> list[Line]:
    belts = {belt.id: belt for belt in rules.belts}
    categories = {category.id: (index, category) for index, category in enumerate(rules.categories)}
    classes: dict[int, WeightClass] = {
        weight_class.id: weight_class
        for category in rules.categories
        for weight_class in category.weight_classes
    }
    class_labels = {i: translate(weight_class_label(c)) for i, c in classes.items()}
    sexes = {"F": translate(_("Female")), "M": translate(_("Male"))}
    lines = []
    for row in rows:
        belt = None if row.belt_id is None else belts.get(row.belt_id)
        category = None if row.category_id is None else categories.get(row.category_id)
        weight_class = None if row.weight_class_id is None else classes.get(row.weight_class_id)
        more = details.get(row.id)
        cells = {
            "member_id": row.member_id or "",
            "name": row.full_name,
            "birth_year": str(row.birth_year),
            "age": str(row.age),
            "sex": sexes.get(row.sex, ""),
            "belt": "" if belt is None else belt.name,
            "weight": ""
            if row.weight_kg is None
            else translate(_("{weight} kg", weight=in_kilograms(row.weight_kg))),
            "club": "" if row.club_id is None else clubs.get(row.club_id, ""),
            "category": "" if category is None else category[1].code,
            "weight_class": "" if weight_class is None else class_labels[weight_class.id],
            "licence_until": day(row.licence_until),
            "medical_until": day(row.medical_until),
        }
        order: dict[str, object] = {
            "name": search_key(row.full_name),
            "birth_year": row.birth_year,
            "age": row.age,
            "belt": None if belt is None else belt.rank,
            "weight": row.weight_kg,
            "category": None if category is None else category[0],
            "weight_class": None
            if weight_class is None
            else (weight_class.sex, weight_class.over, weight_class.limit_kg),
            "licence_until": iso_or_none(row.licence_until),
            "medical_until": iso_or_none(row.medical_until),
        }
        if more is not None:
            cells |= {
                "birth_date": day(more.birth_date),
                "licence_number": more.licence_number or "",
                "phone": more.phone or "",
                "email": more.email or "",
                "guardian_name": more.guardian_name or "",
                "guardian_phone": more.guardian_phone or "",
                "joined_on": day(more.joined_on),
            }
            order |= {
                "birth_date": iso_or_none(more.birth_date),
                "joined_on": iso_or_none(more.joined_on),
            }
        lines.append(Line(cells, order, athlete_id=row.id, problems=_paper_problems(row)))
    return lines


def _new_in(details: AthleteDetails | None, season: int) -> bool:
    """Whether the athlete is new in `season`: joined in its year, or, with no date joined,
    added to the app in it."""
    if details is None:
        return False  # deleted between the roster and its details
    since = details.joined_on or details.created_at
    return since[:4] == f"{season:04d}"


def _filters_in_words(query: ReportQuery, rules: Rules) -> list[Message | str]:
    """The roster's filters as the lines under the title say them."""
    filters: RosterQuery | None = query.filters
    assert filters is not None
    statuses = {
        "active": _("Active athletes"),
        "inactive": _("Inactive athletes"),
        "all": _("Active and inactive athletes"),
    }
    parts: list[Message | str] = [statuses[filters.status]]
    if filters.sex is not None:
        parts.append(_("Women") if filters.sex == "F" else _("Men"))
    belt = next((b for b in rules.belts if b.id == filters.belt_id), None)
    if belt is not None:
        parts.append(_("Belt: {belt}", belt=belt.name))
    category = next((c for c in rules.categories if c.id == filters.category_id), None)
    if category is not None:
        parts.append(_("Eligible for {category}", category=category.code))
    weight_class = next(
        (
            c
            for category in rules.categories
            for c in category.weight_classes
            if c.id == filters.weight_class_id
        ),
        None,
    )
    if weight_class is not None:
        parts.append(_("Weight class: {label}", label=weight_class_label(weight_class)))
    papers = {
        "expired": _("A paper expired"),
        "expiring": _("A paper expiring within 30 days"),
        "missing": _("A paper missing"),
    }
    if filters.papers in papers:
        parts.append(papers[filters.papers])
    if filters.search:
        parts.append(_("Name contains “{search}”", search=filters.search))
    if query.new_in_season:
        parts.append(_("New this season"))
    return parts


def _paper_problems(athlete: RosterRow) -> list[str]:
    """What a federation would refuse: a licence or medical certificate missing or expired
    today (the roster's own reading of the effective dates)."""
    problems = []
    if athlete.licence_state is None:
        problems.append(_("No licence on record (no valid-until date)."))
    elif athlete.licence_state == "expired":
        problems.append(_("The licence expired on {day}.", day=_date(athlete.licence_until)))
    if athlete.medical_state is None:
        problems.append(_("No medical certificate on record (no valid-until date)."))
    elif athlete.medical_state == "expired":
        problems.append(
            _("The medical certificate expired on {day}.", day=_date(athlete.medical_until))
        )
    return [translate(problem) for problem in problems]


def _date(text: str | None) -> dt.date | str:
    """A stored date, to be written in the coach's language; as stored if it isn't one."""
    try:
        return dt.date.fromisoformat(text or "")
    except ValueError:
        return text or ""
