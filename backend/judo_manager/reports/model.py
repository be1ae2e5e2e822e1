"""The reports a coach hands over, as the page asks for them and as it shows them.

The page shows a report first (`ReportView`), then saves or prints the same thing: one
`ReportQuery` gives both the view and the file (`exports.model.Sheet`), so what is saved
is what was shown, in the same order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from judo_manager.athletes.model import RosterQuery
from judo_manager.exports.model import Align
from judo_manager.reports.names import MEDAL_GROUPINGS as MEDAL_GROUPINGS
from judo_manager.reports.names import REPORT_NAMES as REPORT_NAMES
from judo_manager.reports.names import MedalGrouping as MedalGrouping
from judo_manager.reports.names import ReportName as ReportName

# roster: the roster with its filters and chosen columns; grading: ready to grade and ready
# soon; promotions: the promotions in a period, for the federation's registrar; medals: a
# season's (or all time's) medals by athlete or by tournament; papers: licences and medical
# certificates expired or expiring within 30 days.


@dataclass(frozen=True)
class ReportQuery:
    """Which report, for what, once checked (the page sends `bridge.types.ReportRequest`).

    Each report reads the fields it needs and ignores the others:
    - roster: `filters` (the roster's own, `athletes.list`'s), `columns` (keys of
      `ReportView.available_columns`, in order; empty: the default set), `new_in_season`
      (only athletes who joined in the filters' season);
    - grading: nothing (ready now, and ready within 3 months);
    - promotions: `from_date` and `to_date`, both included (required);
    - medals: `season` (None: all time) and `group_by`;
    - papers: nothing (expired, or expiring within 30 days, as of today).
    `sort` is a column key of the report (None: the report's own order), `descending` its
    direction; rows are sorted within their groups.
    """

    name: ReportName
    season: int | None
    from_date: dt.date | None
    to_date: dt.date | None
    filters: RosterQuery | None
    columns: Sequence[str]
    new_in_season: bool
    group_by: MedalGrouping
    sort: str | None
    descending: bool


@dataclass(frozen=True)
class ReportColumn:
    """A column as the page shows it: `key` names it in `ReportQuery.columns` and `sort`."""

    key: str
    label: str
    align: Align
    sortable: bool


@dataclass(frozen=True)
class ReportRow:
    """One line: `cells` match the view's columns, as text in the coach's language.
    `athlete_id` lets the page open the athlete; `problems` are what the row is flagged for
    (a paper expired), in the coach's words."""

    cells: Sequence[str]
    athlete_id: int | None
    problems: Sequence[str]


@dataclass(frozen=True)
class ReportGroup:
    """Rows under one heading; `values` match the view's `group_columns`, `total` is the
    line under the group ("12 medals")."""

    values: Sequence[str]
    rows: Sequence[ReportRow]
    total: str


@dataclass(frozen=True)
class ColumnChoice:
    """A column the roster report can show, and whether the current request shows it."""

    key: str
    label: str
    chosen: bool


@dataclass(frozen=True)
class ReportView:
    """A report as the page shows it, exactly as it will be saved.

    `details` are lines under the title (the period, the filters in words); `summary`
    closes it ("120 athletes"); `available_columns` is the roster report's column choice
    (empty for the others); `sort`/`descending` the order actually applied.
    """

    name: ReportName
    title: str
    details: Sequence[str]
    group_columns: Sequence[str]
    columns: Sequence[ReportColumn]
    groups: Sequence[ReportGroup]
    summary: str
    row_count: int
    available_columns: Sequence[ColumnChoice]
    sort: str | None
    descending: bool
