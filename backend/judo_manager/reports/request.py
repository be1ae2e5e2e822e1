"""The page's report request, checked field by field into a `ReportQuery`.

The page is not trusted: a report, a column or a sort key it names may not exist (an old
page, a hand-made call), a date may not read, a period may run backwards. Each is refused
with a `ValidationError` in the coach's words, naming the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import cast

from judo_manager.athletes.model import RosterQuery
from judo_manager.forms import FormReader
from judo_manager.i18n import _
from judo_manager.reports import grading, medals, papers, promotions, roster
from judo_manager.reports.model import (
    MEDAL_GROUPINGS,
    REPORT_NAMES,
    MedalGrouping,
    ReportName,
    ReportQuery,
)
from judo_manager.reports.table import keys_of

# The most columns a roster report can ask for: each one once.
MAX_COLUMNS = len(roster.FIELDS)


def column_keys(name: ReportName, group_by: MedalGrouping) -> tuple[str, ...]:
    """The keys of every column report `name` can show (and sort by)."""
    fields = {
        "roster": roster.FIELDS,
        "grading": grading.FIELDS,
        "promotions": promotions.FIELDS,
        "medals": medals.fields_of(group_by),
        "papers": papers.FIELDS,
    }[name]
    return keys_of(fields)


def read_query(
    data: object,
    *,
    roster_query: Callable[[Mapping[str, object]], RosterQuery],
    today: dt.date,
) -> ReportQuery:
    """`data` (the request with snake_case keys, `filters` too) as a checked query.

    `roster_query` checks the roster's filters, as the roster itself does.
    """
    form = FormReader(data)
    fields: Mapping[str, object] = data if isinstance(data, Mapping) else {}
    name = cast(
        ReportName | None,
        form.choice("name", _("Report"), REPORT_NAMES, choose=_("a report")),
    )
    season = form.integer(
        "season", _("Season"), minimum=1900, maximum=today.year + 50, required=False
    )
    is_promotions = name == "promotions"
    from_date = form.date("from_date", _("From"), required=is_promotions)
    to_date = form.date("to_date", _("To"), required=is_promotions)
    if from_date is not None and to_date is not None and to_date < from_date:
        form.problem(
            "to_date",
            _(
                "The period ends on {last}, before it starts on {first}. Choose an end on "
                "or after the start.",
                first=from_date,
                last=to_date,
            ),
        )
    group_by = cast(
        MedalGrouping,
        form.choice("group_by", _("Group by"), MEDAL_GROUPINGS, required=False) or "athlete",
    )
    new_in_season = form.flag("new_in_season", _("Only new this season"), default=False)
    descending = form.flag("descending", _("Descending"), default=False)
    sort = form.text("sort", _("Sort"), required=False, max_length=40)
    columns = _columns(form, fields.get("columns"))
    if name is not None:
        known = column_keys(name, group_by)
        unknown = [key for key in columns if key not in known]
        if unknown:
            form.problem(
                "columns",
                _(
                    "This report has no column {column}. Choose among the columns it offers.",
                    column=unknown[0],
                ),
            )
        if sort is not None and sort not in known:
            form.problem(
                "sort",
                _("This report can't be sorted by {column}.", column=sort),
            )
    filters_data = fields.get("filters")
    if filters_data is not None and not isinstance(filters_data, Mapping):
        form.problem("filters", _("The roster's filters are not right. Reload the page."))
    form.check()
    assert name is not None
    filters = None
    if name == "roster":
        filters = roster_query(cast(Mapping[str, object], filters_data or {}))
    return ReportQuery(
        name=name,
        season=season,
        from_date=from_date,
        to_date=to_date,
        filters=filters,
        columns=columns if name == "roster" else (),
        new_in_season=new_in_season,
        group_by=group_by,
        sort=sort,
        descending=descending,
    )


def _columns(form: FormReader, value: object) -> tuple[str, ...]:
    """The chosen column keys, each once, in the order given; () for the default set."""
    if value is None:
        return ()
    if (
        not isinstance(value, list | tuple)
        or len(value) > 4 * MAX_COLUMNS
        or not all(isinstance(key, str) for key in value)
    ):
        form.problem("columns", _("The chosen columns are not right. Reload the page."))
        return ()
    return tuple(dict.fromkeys(cast(list[str], value)))
