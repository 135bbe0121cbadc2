"""UK bank holidays by nation, for counting working days.

From the maintained `holidays` package: every year, past and future, worked out by the rules
(Easter, the May and August Mondays, weekend substitutes) plus the one-off days proclaimed so
far; upgrading the package brings newly proclaimed ones. England and Wales share one calendar;
Scotland and Northern Ireland have their own.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from enum import StrEnum
from functools import cache


class Nation(StrEnum):
    """Whose bank holidays a pool keeps (the `COACHPOOL_BANK_HOLIDAYS` setting)."""

    ENGLAND = "england"  # England and Wales
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern_ireland"


# The package's ISO 3166-2 subdivisions of GB.
_SUBDIVISION = {Nation.ENGLAND: "ENG", Nation.SCOTLAND: "SCT", Nation.NORTHERN_IRELAND: "NIR"}


@cache
def bank_holidays(nation: Nation = Nation.ENGLAND) -> Collection[date]:
    """The nation's bank holidays, any year: a `date in` test fills in its year on first use.
    A weekend holiday is listed on its own day and on its weekday substitute."""
    import holidays  # loaded on first use: most commands never count working days

    calendar: Collection[date] = holidays.country_holidays("GB", subdiv=_SUBDIVISION[nation])
    return calendar
