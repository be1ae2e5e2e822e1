"""The papers report: the active athletes' licences and medical certificates that have
expired or expire within 30 days, one line per paper, the soonest first, with a phone
number to call about it. The dates are the effective ones (see `athletes.model.Paper`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from judo_manager.athletes.model import EXPIRING_DAYS, AthleteDetails, RosterRow, Validity
from judo_manager.athletes.names import search_key
from judo_manager.i18n import _, _n, translate
from judo_manager.reports.cells import day
from judo_manager.reports.table import Field, Line, Section, Table

FIELDS: tuple[Field, ...] = (
    Field("name", _("Name"), 3.0),
    Field("member_id", _("Member ID"), 1.2),
    Field("paper", _("Paper"), 1.8),
    Field("licence_number", _("Licence number"), 1.5),
    Field("valid_until", _("Valid until"), 1.3, "right"),
    Field("state", _("State"), 1.8),
    Field("phone", _("Phone"), 1.6),
)


@dataclass(frozen=True)
class _Paper:
    athlete: RosterRow
    kind: str  # "licence" or "medical"
    until: str
    state: Validity


def papers_due(rows: Sequence[RosterRow]) -> list[_Paper]:
    """The licences and medical certificates of `rows` expired or expiring, soonest first
    (then by name, the licence before the medical)."""
    due = [
        _Paper(row, kind, until, state)
        for row in rows
        for kind, until, state in (
            ("licence", row.licence_until, row.licence_state),
            ("medical", row.medical_until, row.medical_state),
        )
        if until is not None and state in ("expired", "expiring")
    ]
    due.sort(key=lambda p: (p.until, search_key(p.athlete.full_name), p.kind))
    return due


def build(
    rows: Sequence[RosterRow], details: Mapping[int, AthleteDetails], today: dt.date
) -> Table:
    """The papers report of the athletes `rows` (the roster judged on `today`)."""
    due = papers_due(rows)
    lines = [_line(paper, details.get(paper.athlete.id), today) for paper in due]
    expired = sum(1 for paper in due if paper.state == "expired")
    return Table(
        name="papers",
        title=translate(_("Licences and medical certificates to renew")),
        details=[
            translate(
                _(
                    "As of {day}: expired, or expiring within {days} days",
                    day=today,
                    days=EXPIRING_DAYS,
                )
            )
        ],
        group_columns=[],
        fields=list(FIELDS),
        sections=[
            Section(
                values=[],
                lines=lines,
                total=translate(_n("{count} paper", "{count} papers", len(lines))),
            )
        ],
        summary=translate(
            _(
                "{expired} expired, {expiring} expiring within {days} days",
                expired=expired,
                expiring=len(due) - expired,
                days=EXPIRING_DAYS,
            )
        ),
        problems_label=translate(_("Papers")),
    )


def _line(paper: _Paper, details: AthleteDetails | None, today: dt.date) -> Line:
    athlete = paper.athlete
    is_licence = paper.kind == "licence"
    phone = "" if details is None else details.phone or details.guardian_phone or ""
    problems = []
    if paper.state == "expired":
        problem = (
            _("The licence expired on {day}.", day=_date(paper.until))
            if is_licence
            else _("The medical certificate expired on {day}.", day=_date(paper.until))
        )
        problems.append(translate(problem))
    return Line(
        cells={
            "name": athlete.full_name,
            "member_id": athlete.member_id or "",
            "paper": translate(_("Licence") if is_licence else _("Medical certificate")),
            "licence_number": (details.licence_number or "")
            if is_licence and details is not None
            else "",
            "valid_until": day(paper.until),
            "state": _state(paper.until, today),
            "phone": phone,
        },
        order={
            "name": search_key(athlete.full_name),
            "valid_until": paper.until,
            "state": paper.until,
        },
        athlete_id=athlete.id,
        problems=problems,
    )


def _state(until: str, today: dt.date) -> str:
    """How far the paper is from its end: "Expired 12 days ago", "Expires today"."""
    valid_until = _date(until)
    if isinstance(valid_until, str):
        return ""
    days = (valid_until - today).days
    if days < 0:
        return translate(_n("Expired {count} day ago", "Expired {count} days ago", -days))
    if days == 0:
        return translate(_("Expires today"))
    return translate(_n("Expires in {count} day", "Expires in {count} days", days))


def _date(text: str) -> dt.date | str:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return text
