"""Availability maths: weekly patterns to UTC windows, interval algebra, slots, working days.

Pure functions of their arguments: no wall clock (callers pass `now`/`not_before`), no storage.
"""

from bot.scheduling.availability import expand_weekly, free_windows
from bot.scheduling.bank_holidays import Nation, bank_holidays
from bot.scheduling.intervals import intersect, merge, subtract, total_overlap
from bot.scheduling.slots import align_up, candidate_slots
from bot.scheduling.working_days import add_working_days, is_working_day

__all__ = [
    "Nation",
    "add_working_days",
    "align_up",
    "bank_holidays",
    "candidate_slots",
    "expand_weekly",
    "free_windows",
    "intersect",
    "is_working_day",
    "merge",
    "subtract",
    "total_overlap",
]
