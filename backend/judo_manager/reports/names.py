"""The reports there are and how the medals report groups its rows: light enough for the
command line's parser, which offers them as choices before any report is made."""

from __future__ import annotations

from typing import Literal, get_args

ReportName = Literal["roster", "grading", "promotions", "medals", "papers"]
REPORT_NAMES: tuple[ReportName, ...] = get_args(ReportName)
# How the medals report groups its rows.
MedalGrouping = Literal["athlete", "tournament"]
MEDAL_GROUPINGS: tuple[MedalGrouping, ...] = get_args(MedalGrouping)
