"""The grading report, for the examiner: who is ready to take their next belt today, then
who will be within 3 months, with their current belt and time in it, and a line to sign."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from judo_manager.athletes.model import READY_SOON_MONTHS, GradingCandidate, GradingReadiness
from judo_manager.athletes.names import search_key
from judo_manager.i18n import _, _n, translate
from judo_manager.reports.cells import age_on, day, iso_or_none, months_in_words
from judo_manager.reports.table import Field, Line, Section, Table
from judo_manager.rules.model import Belt

FIELDS: tuple[Field, ...] = (
    Field("name", _("Name"), 3.0),
    Field("member_id", _("Member ID"), 1.2),
    Field("birth_date", _("Birth date"), 1.3, "right"),
    Field("age", _("Age"), 0.7, "right"),
    Field("belt", _("Current belt"), 1.4),
    Field("time_in_grade", _("Time in grade"), 1.8),
    Field("next_belt", _("Next belt"), 1.4),
    Field("ready_on", _("Ready on"), 1.3, "right"),
)


def build(readiness: GradingReadiness, belts: Sequence[Belt], today: dt.date) -> Table:
    """The grading report of `readiness`, in the language spoken now."""
    by_id = {belt.id: belt for belt in belts}
    sections = [
        Section(
            values=[heading],
            lines=[_line(candidate, by_id, today) for candidate in candidates],
            total=translate(_n("{count} athlete", "{count} athletes", len(candidates))),
        )
        for heading, candidates in (
            (translate(_("Ready to grade")), readiness.ready),
            (
                translate(
                    _n(
                        "Ready within {count} month",
                        "Ready within {count} months",
                        READY_SOON_MONTHS,
                    )
                ),
                readiness.soon,
            ),
        )
        # An empty group would be a heading over nothing: the summary says it is none.
        if candidates
    ]
    details = [translate(_("As of {day}", day=today))]
    if readiness.no_date:
        details.append(
            translate(
                _n(
                    "{count} athlete has neither a promotion nor a date joined to count "
                    "from, so is not listed.",
                    "{count} athletes have neither a promotion nor a date joined to count "
                    "from, so are not listed.",
                    readiness.no_date,
                )
            )
        )
    return Table(
        name="grading",
        title=translate(_("Grading readiness")),
        details=details,
        group_columns=[translate(_("Readiness"))],
        fields=list(FIELDS),
        sections=sections,
        summary=translate(
            _(
                "{ready} ready now, {soon} ready within {months} months",
                ready=len(readiness.ready),
                soon=len(readiness.soon),
                months=READY_SOON_MONTHS,
            )
        ),
        problems_label=translate(_("Notes")),
        signature=translate(_("Examiner's name and signature")),
    )


def _line(candidate: GradingCandidate, belts: Mapping[int, Belt], today: dt.date) -> Line:
    belt, next_belt = belts.get(candidate.belt_id), belts.get(candidate.next_belt_id)
    age = age_on(candidate.birth_date, today)
    time_in_grade = months_in_words(candidate.months_in_grade)
    if candidate.counted_from_kind == "joined":
        time_in_grade = translate(_("{time} (since joining)", time=time_in_grade))
    return Line(
        cells={
            "name": candidate.full_name,
            "member_id": candidate.member_id or "",
            "birth_date": day(candidate.birth_date),
            "age": "" if age is None else str(age),
            "belt": "" if belt is None else belt.name,
            "time_in_grade": time_in_grade,
            "next_belt": "" if next_belt is None else next_belt.name,
            "ready_on": day(candidate.ready_on),
        },
        order={
            "name": search_key(candidate.full_name),
            "birth_date": iso_or_none(candidate.birth_date),
            "age": age,
            "belt": None if belt is None else belt.rank,
            "time_in_grade": candidate.months_in_grade,
            "next_belt": None if next_belt is None else next_belt.rank,
            "ready_on": iso_or_none(candidate.ready_on),
        },
        athlete_id=candidate.athlete_id,
    )
