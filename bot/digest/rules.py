"""The digest's fixed choices, in one place so a pool can see and change them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DigestRules:
    # No figure about coachees' feedback, themes, topics or (per organisation) the coaching
    # they received is shown when it comes from fewer people than this.
    min_group: int = 5
    # "Year to date" is the UK public-sector financial year, which starts on 1 April.
    year_start_month: int = 4
    year_start_day: int = 1
    # Weeks of hours in the chart, ending with the digest's week.
    chart_weeks: int = 12
    # Longest lists shown in chat; the rest are counted ("and 12 more").
    list_limit: int = 15


RULES = DigestRules()
