"""The medals report: a season's medals (or all time's), grouped by athlete (the club's
medal table: most gold first) or by competition (in date order), gold, silver and bronze
counted for each group and for the whole."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from judo_manager.athletes.model import MedalRecord
from judo_manager.athletes.names import search_key
from judo_manager.i18n import _, translate
from judo_manager.reports.cells import PLACE_RANK, day, iso_or_none, medal_count, place
from judo_manager.reports.model import MedalGrouping
from judo_manager.reports.table import Field, Line, Section, Table

BY_ATHLETE: tuple[Field, ...] = (
    Field("competition", _("Competition"), 3.0),
    Field("held_on", _("Date"), 1.3, "right"),
    Field("category", _("Category"), 1.6),
    Field("place", _("Medal"), 1.0),
)
BY_TOURNAMENT: tuple[Field, ...] = (
    Field("name", _("Name"), 3.0),
    Field("member_id", _("Member ID"), 1.2),
    Field("category", _("Category"), 1.6),
    Field("place", _("Medal"), 1.0),
)


def fields_of(group_by: MedalGrouping) -> tuple[Field, ...]:
    """The columns of the report grouped by `group_by`."""
    return BY_ATHLETE if group_by == "athlete" else BY_TOURNAMENT


def build(medals: Sequence[MedalRecord], season: int | None, group_by: MedalGrouping) -> Table:
    """The medals report, in the language spoken now."""
    group_of: Callable[[MedalRecord], tuple[object, ...]]
    if group_by == "athlete":
        group_of = _athlete_group
        group_columns = [translate(_("Athlete"))]
    else:
        group_of = _competition_group
        group_columns = [translate(_("Competition")), translate(_("Date"))]
    grouped: dict[tuple[object, ...], list[MedalRecord]] = {}
    for medal in medals:
        grouped.setdefault(group_of(medal), []).append(medal)
    groups = list(grouped.values())
    if group_by == "athlete":
        # The club's medal table: most gold, then silver, then bronze, then by name.
        groups.sort(key=lambda group: (*_tally_order(group), search_key(group[0].full_name)))
        for group in groups:
            group.sort(key=lambda m: (m.held_on, search_key(m.competition), m.medal_id))
    else:
        # `medals` come by date: the competitions follow in date order.
        for group in groups:
            group.sort(key=lambda m: (PLACE_RANK.get(m.place, 3), search_key(m.full_name)))
    sections = [
        Section(
            values=[group[0].full_name]
            if group_by == "athlete"
            else [group[0].competition, day(group[0].held_on)],
            lines=[_line(medal) for medal in group],
            total=medal_count(*_tally(group)),
        )
        for group in groups
    ]
    title = (
        _("Medals, all time")
        if season is None
        else _("Medals, season {season}", season=str(season))
    )
    details = [
        translate(_("By athlete") if group_by == "athlete" else _("By competition")),
    ]
    return Table(
        name="medals",
        title=translate(title),
        details=details,
        group_columns=group_columns,
        fields=list(fields_of(group_by)),
        sections=sections,
        summary=medal_count(*_tally(medals)),
        problems_label=translate(_("Notes")),
    )


def _athlete_group(medal: MedalRecord) -> tuple[object, ...]:
    return (medal.athlete_id,)


def _competition_group(medal: MedalRecord) -> tuple[object, ...]:
    # A tournament's own medals are one group; medals typed by hand for the same
    # competition on the same day join them, whatever capitals or spaces were typed.
    return (medal.held_on, search_key(medal.competition))


def _tally(medals: Sequence[MedalRecord]) -> tuple[int, int, int]:
    counted = Counter(medal.place for medal in medals)
    return counted["gold"], counted["silver"], counted["bronze"]


def _tally_order(medals: Sequence[MedalRecord]) -> tuple[int, int, int]:
    gold, silver, bronze = _tally(medals)
    return -gold, -silver, -bronze


def _line(medal: MedalRecord) -> Line:
    return Line(
        cells={
            "competition": medal.competition,
            "held_on": day(medal.held_on),
            "category": medal.category or "",
            "place": place(medal.place),
            "name": medal.full_name,
            "member_id": medal.member_id or "",
        },
        order={
            "competition": search_key(medal.competition),
            "held_on": iso_or_none(medal.held_on),
            "place": PLACE_RANK.get(medal.place, 3),
            "name": search_key(medal.full_name),
        },
        athlete_id=medal.athlete_id,
    )
