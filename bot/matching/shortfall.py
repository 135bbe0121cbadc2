"""Why the shortlist is short, in one plain sentence built from the exclusion counts.

The rule that removed the most coaches is named (ties go to what the coachee can change
first: their times, then the format), with what would help when the coachee can act on it.
"""

from __future__ import annotations

from collections import Counter

from bot.domain.coaches import Accreditation, Format
from bot.matching.query import Query
from bot.matching.results import Rule
from bot.matching.wording import span, the

# The suggestion that comes with a button doing it (bot/requests/shortlist.py: widen_choices).
WIDEN_TO_ONLINE = "online sessions would widen the choice"

# The order in which equally large blockers are named.
_BLOCKERS: tuple[Rule, ...] = (
    Rule.NO_TIME,
    Rule.FORMAT,
    Rule.AT_CAPACITY,  # counts paused coaches too
    Rule.ACCREDITATION,
    Rule.ALREADY_SEEN,
    Rule.SAME_ORGANISATION,
)


def shortfall_reason(
    *, qualified: int, shortlist_size: int, counts: Counter[Rule], query: Query
) -> str:
    """The sentence, or an empty string when at least `shortlist_size` coaches qualified."""
    if qualified >= shortlist_size:
        return ""
    context = query.context
    if qualified == 0 and not counts:
        return "There are no coaches in the pool yet."
    if context.request.windows and not query.wanted_starts:
        return (
            f"None of the times you gave leaves room for a {context.programme.session_minutes}"
            f"-minute session in the next {span(context.horizon_days)}; "
            "please give some other times."
        )
    sizes = Counter(counts)
    sizes[Rule.AT_CAPACITY] += sizes.pop(Rule.PAUSED, 0)
    blocker = min(_BLOCKERS, key=lambda rule: (-sizes[rule], _BLOCKERS.index(rule)))
    if not sizes[blocker]:
        return f"{_only(qualified, 'coach', 'coaches')} in the pool can take this request."
    if blocker is Rule.NO_TIME and sizes[Rule.AT_CAPACITY]:
        # Coaches who are full were never checked against the times (capacity is ruled on
        # first): "no coach is free then" could be untrue of them, so they are named apart.
        return _no_time_among_those_with_room(qualified, sizes[Rule.AT_CAPACITY], query)
    return _SENTENCES[blocker](qualified, query)


def _only(count: int, one: str, many: str) -> str:
    if count == 0:
        return f"No {one}"
    if count == 1:
        return f"Only 1 {one}"
    return f"Only {count} {many}"


def _no_time(count: int, query: Query) -> str:
    context = query.context
    if context.request.windows:
        free = _only(count, "coach is", "coaches are")
        return f"{free} free at the times you gave; widening your times would help."
    free = _only(count, "coach has", "coaches have")
    return f"{free} free time in the next {span(context.horizon_days)}."


def _no_time_among_those_with_room(count: int, full: int, query: Query) -> str:
    free = _only(count, "coach with room is", "coaches with room are")
    others = "1 more is" if full == 1 else f"{full} more are"
    when = "at the times you gave" if query.context.request.windows else "in the coming weeks"
    return (
        f"{free} free {when}; {others} full or paused just now, so a place may open. "
        "Widening your times would help too."
    )


def _format(count: int, query: Query) -> str:
    request = query.context.request
    if request.format is Format.ONLINE:
        offer = _only(count, "suitable coach offers", "suitable coaches offer")
        return f"{offer} online sessions; meeting in person would widen the choice."
    if request.location.strip():
        meet = _only(count, "suitable coach meets", "suitable coaches meet")
        where = f"in person in {request.location.strip()}"
    else:
        meet = _only(count, "suitable coach offers", "suitable coaches offer")
        where = "in-person sessions"
    return f"{meet} {where}; {WIDEN_TO_ONLINE}."


def _capacity(count: int, query: Query) -> str:
    required = query.context.programme.required_accreditation
    if required is Accreditation.NONE:
        return f"{_only(count, 'coach has', 'coaches have')} capacity right now."
    who = _only(count, f"coach with {required.label} has", f"coaches with {required.label} have")
    return f"{who} capacity right now."


def _accreditation(count: int, query: Query) -> str:
    programme = query.context.programme
    hold = _only(count, "suitable coach holds", "suitable coaches hold")
    return f"{hold} {programme.required_accreditation.label}, which {the(programme.name)} requires."


def _already_seen(count: int, _query: Query) -> str:
    left = _only(count, "coach is", "coaches are")
    return f"{left} left whom you have not already turned down or worked with."


def _same_organisation(count: int, _query: Query) -> str:
    return f"{_only(count, 'coach is', 'coaches are')} from outside your organisation."


_SENTENCES = {
    Rule.NO_TIME: _no_time,
    Rule.FORMAT: _format,
    Rule.AT_CAPACITY: _capacity,
    Rule.ACCREDITATION: _accreditation,
    Rule.ALREADY_SEEN: _already_seen,
    Rule.SAME_ORGANISATION: _same_organisation,
}
