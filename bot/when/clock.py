"""Reading clock times the way people write them when booking coaching.

The bare-hour rule, for an hour written without am/pm and not as a 24-hour time ("at 2", "2:30",
"between 2 and 4"): coaching happens in working hours, so

* 8, 9, 10 and 11 are in the morning,
* 12 is noon,
* 1 to 6 are in the afternoon (13:00 to 18:00),
* 7 could be 07:00 or 19:00, so the bot asks, unless a part of the day settles it
  ("Tuesday evening at 7") or the other end of a range does ("between 5 and 7").

"09:30", "14:30" and other hours from 13 are read as 24-hour times. A part of the day next to a
time ("7 in the evening", "morning at 10") chooses the reading that falls in it, taken broadly
(``PART_CONTEXTS``: "in the morning" is any time before noon); a time outside it is a
contradiction, and the bot asks.

All results are minutes after local midnight; a range may end after midnight (beyond 1440).
"""

from __future__ import annotations

from bot.when import questions as q
from bot.when.atoms import Clock, Part
from bot.when.vocabulary import PART_CONTEXTS

DAY = 24 * 60
_LONGEST_RANGE = 12 * 60
_EARLIEST_GUESS = 6 * 60  # a bare hour is never read as the small hours


def readings(clock: Clock) -> tuple[int, ...]:
    """Every sensible reading of ``clock``, in minutes after midnight (none if impossible)."""
    hour, minute = clock.hour, clock.minute
    if minute > 59 or hour > 23:
        return ()
    if clock.meridiem:
        if not 1 <= hour <= 12:
            return ()
        return ((hour % 12 + (12 if clock.meridiem == "pm" else 0)) * 60 + minute,)
    if clock.literal or hour == 0 or hour >= 13:
        return (hour * 60 + minute,)
    return tuple(sorted({hour * 60 + minute, (hour % 12 + 12) * 60 + minute}))


def preferred(clock: Clock) -> tuple[int, ...]:
    """The readings the bare-hour rule prefers: one, or both for 7."""
    options = readings(clock)
    if len(options) < 2:
        return options
    if 8 <= clock.hour <= 11:
        return options[:1]
    if 1 <= clock.hour <= 6:
        return options[1:]
    return options


def read_point(clock: Clock, context: Part | None, text: str) -> int | str:
    """The minute ``clock`` means, or a question (quoting ``text``) when it can't be told."""
    options = readings(clock)
    if not options:
        return q.not_a_time(text)
    if context is not None:
        low, high = PART_CONTEXTS[context.name]
        options = tuple(x for x in options if low <= x < high)
        if not options:
            return q.outside_part(text, context.name)
    best = tuple(x for x in preferred(clock) if x in options) or options
    if len(best) == 1:
        return best[0]
    return q.am_or_pm(text, clock.hour)


def read_range(start: Clock, end: Clock, context: Part | None, text: str) -> tuple[int, int] | str:
    """The (start, end) minutes of a range such as "2-4pm", or a question."""
    pairs = _pairs(start, end)
    if context is not None:
        low, high = PART_CONTEXTS[context.name]
        pairs = [p for p in pairs if low <= p[0] < high]
        if not pairs:
            return q.outside_part(text, context.name)
    if not pairs:
        return q.backwards(text)

    def rank(pair: tuple[int, int]) -> tuple[bool, bool, int]:
        # Prefer the bare-hour rule's reading of the start, then of the end, then the shorter.
        s, e = pair
        return (s not in preferred(start), e % DAY not in preferred(end), e - s)

    pairs.sort(key=rank)
    if len(pairs) > 1 and rank(pairs[0]) == rank(pairs[1]):
        return q.am_or_pm(text, start.hour)
    return pairs[0]


def _pairs(start: Clock, end: Clock) -> list[tuple[int, int]]:
    # Only a written "am"/"pm" or 24-hour end may carry a range past midnight ("10pm-1am").
    crosses = bool(end.meridiem) or end.literal
    starts = [s for s in readings(start) if s >= _EARLIEST_GUESS or start.meridiem or start.literal]
    ends = [e + extra for e in readings(end) for extra in ((0, DAY) if crosses else (0,))]
    return [(s, e) for s in starts for e in ends if 0 < e - s <= _LONGEST_RANGE]
