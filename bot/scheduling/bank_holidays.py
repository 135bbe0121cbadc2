"""England and Wales bank holidays, 2025-2028, for counting working days.

2025-2027 as published on gov.uk/bank-holidays; 2028 worked out by the usual rules (Easter,
first and last Mondays of May, last Monday of August, weekend substitutes). A royal
proclamation can add or move a day: update this table when one is announced, and extend it
before 2029. Scotland and Northern Ireland have different days and are not covered.
"""

from __future__ import annotations

from datetime import date

ENGLAND_AND_WALES_BANK_HOLIDAYS: frozenset[date] = frozenset(
    {
        # 2025
        date(2025, 1, 1),
        date(2025, 4, 18),  # Good Friday
        date(2025, 4, 21),  # Easter Monday
        date(2025, 5, 5),
        date(2025, 5, 26),
        date(2025, 8, 25),
        date(2025, 12, 25),
        date(2025, 12, 26),
        # 2026
        date(2026, 1, 1),
        date(2026, 4, 3),
        date(2026, 4, 6),
        date(2026, 5, 4),
        date(2026, 5, 25),
        date(2026, 8, 31),
        date(2026, 12, 25),
        date(2026, 12, 28),  # Boxing Day falls on a Saturday: substitute
        # 2027
        date(2027, 1, 1),
        date(2027, 3, 26),
        date(2027, 3, 29),
        date(2027, 5, 3),
        date(2027, 5, 31),
        date(2027, 8, 30),
        date(2027, 12, 27),  # Christmas Day falls on a Saturday: substitute
        date(2027, 12, 28),  # Boxing Day falls on a Sunday: substitute
        # 2028
        date(2028, 1, 3),  # New Year's Day falls on a Saturday: substitute
        date(2028, 4, 14),
        date(2028, 4, 17),
        date(2028, 5, 1),
        date(2028, 5, 29),
        date(2028, 8, 28),
        date(2028, 12, 25),
        date(2028, 12, 26),
    }
)
