"""A report once built, before it is shown or saved: one `Table` gives both the page's
`ReportView` and the file's `Sheet`, so what is saved is what was shown, row for row.

Each report's builder (`reports/roster.py`, …) makes a `Table` of its rows, every text
already in the coach's language; `sorted_table` puts the rows of each group in the order
asked for, and `view_of` and `sheet_of` only copy what the table holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from judo_manager.athletes.names import search_key
from judo_manager.exports.model import Align, Column, Group, Row, Sheet
from judo_manager.i18n import Message, translate
from judo_manager.reports.model import (
    ColumnChoice,
    ReportColumn,
    ReportGroup,
    ReportName,
    ReportRow,
    ReportView,
)


@dataclass(frozen=True)
class Field:
    """A column a report can show: its key (in `ReportQuery.columns` and `sort`), its
    heading, its share of the PDF's width and its alignment."""

    key: str
    label: Message
    width: float = 1.0
    align: Align = "left"


# Slots, and no list of its own for no problems: a report of all time holds tens of
# thousands of lines, and each object more is work for the garbage collector.
@dataclass(slots=True)
class Line:
    """One row: its text by column key, and where text would sort wrongly (a date written
    "3 May 2026", a number) the value it sorts by. A blank cell sorts last."""

    cells: dict[str, str]
    order: dict[str, object] = field(default_factory=dict)
    athlete_id: int | None = None
    problems: Sequence[str] = ()

    def sort_value(self, key: str) -> object:
        """What the line sorts by in column `key`; None for a blank cell."""
        if key in self.order:
            return self.order[key]
        text = self.cells.get(key, "")
        return search_key(text) if text else None


@dataclass
class Section:
    """Rows under one heading (`values` match the table's group columns) and its total."""

    values: list[str]
    lines: list[Line]
    total: str


@dataclass
class Table:
    """A whole report as built: the columns shown, in order, and its groups of rows.

    `choices` are the columns the roster report offers (empty for the others);
    `sort`/`descending` the order the rows are in.
    """

    name: ReportName
    title: str
    details: list[str]
    group_columns: list[str]
    fields: list[Field]
    sections: list[Section]
    summary: str
    problems_label: str
    signature: str | None = None
    choices: list[ColumnChoice] = field(default_factory=list)
    sort: str | None = None
    descending: bool = False


def sorted_table(table: Table, sort: str | None, descending: bool) -> Table:
    """`table` with the rows of each group sorted by column `sort` (None: as built, the
    report's own order); blank cells last either way, ties kept in the report's order."""
    if sort is None:
        table.sort, table.descending = None, False
        return table
    for section in table.sections:
        valued = [(line.sort_value(sort), line) for line in section.lines]
        filled = [pair for pair in valued if pair[0] is not None]
        filled.sort(key=_value, reverse=descending)
        section.lines = [line for _value, line in filled] + [
            line for value, line in valued if value is None
        ]
    table.sort, table.descending = sort, descending
    return table


def view_of(table: Table) -> ReportView:
    """The table as the page shows it."""
    keys = [f.key for f in table.fields]
    blanks = [""] * len(keys)
    groups = [
        ReportGroup(
            values=section.values,
            rows=[
                ReportRow(
                    cells=list(map(line.cells.get, keys, blanks)),
                    athlete_id=line.athlete_id,
                    problems=line.problems,
                )
                for line in section.lines
            ],
            total=section.total,
        )
        for section in table.sections
    ]
    return ReportView(
        name=table.name,
        title=table.title,
        details=table.details,
        group_columns=table.group_columns,
        columns=[
            ReportColumn(key=f.key, label=translate(f.label), align=f.align, sortable=True)
            for f in table.fields
        ],
        groups=groups,
        summary=table.summary,
        row_count=sum(len(section.lines) for section in table.sections),
        available_columns=table.choices,
        sort=table.sort,
        descending=table.descending,
    )


def sheet_of(table: Table, organisation: str | None, logo: bytes | None) -> Sheet:
    """The table as a sheet to save or print, headed by the organisation and its logo."""
    keys = [f.key for f in table.fields]
    # A missing cell is blank; `map` over `dict.get` makes each row without a Python loop.
    blanks = [""] * len(keys)
    return Sheet(
        title=table.title,
        details=table.details,
        organisation=organisation,
        logo=logo,
        group_columns=table.group_columns,
        columns=[Column(translate(f.label), f.width, f.align) for f in table.fields],
        groups=[
            Group(
                values=section.values,
                rows=[
                    Row(cells=list(map(line.cells.get, keys, blanks)), problems=line.problems)
                    for line in section.lines
                ],
                total=section.total,
            )
            for section in table.sections
        ],
        problems_label=table.problems_label,
        summary=table.summary,
        signature=table.signature,
    )


def _value(pair: tuple[Any, Line]) -> Any:
    # A column's sort values are all of one kind (dates as ISO text, numbers, folded names).
    return pair[0]


def keys_of(fields: Sequence[Field]) -> tuple[str, ...]:
    """The keys of `fields`, in order."""
    return tuple(f.key for f in fields)
