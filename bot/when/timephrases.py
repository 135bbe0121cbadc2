"""Recognising clock times and ranges: "at 2", "2.30pm", "14:00-16:00", "between 2 and 4".

A bare number is a time only where a time is expected, so that "ILM 7", "6 sessions" and
"team of 5" stay numbers: after "at", "from", "between", "after", "before", "until"; with
"o'clock" or "ish"; as a range right after a day or part of day ("Tuesday 2-4") or right before
one ("2-4 on Tuesday"); or in a range whose other end is clearly a time ("2-4pm").
"""

from __future__ import annotations

from bot.when.atoms import At, Between, Clock, DayAtom, Item, Joint, Open, Part, TimeAtom
from bot.when.reader import DAY_STARTS, Reader
from bot.when.vocabulary import COUNT_NOUNS

_STRONG = frozenset({"time", "clock"})
_RANGE_JOIN = frozenset({"dash", "to"})
_BEFORE = frozenset({"before", "by", "until", "till", "til"})
_AT = frozenset({"at", "around", "about"})
_UNITS_AFTER = frozenset({"unit"})


def time_rule(r: Reader) -> bool:
    """Recognise a time phrase at the reader's position; False when there is none."""
    kind, key = r.kind(), r.key()
    if kind == "prep" and key == "between":
        return _between(r)
    if kind == "prep" and key in _AT:
        return _at(r, 1, contextual=True)
    if kind == "prep" and key in {"from", "after"}:
        return _after(r)
    if kind in {"prep", "to"} and key in _BEFORE:
        return _before(r)
    if kind in _STRONG or (kind == "num" and key == "oclock"):
        return _at(r, 0, contextual=False)
    if kind in {"num", "dotclock"}:
        return _bare(r)
    return False


def point(r: Reader, offset: int, contextual: bool) -> Clock | None:
    """The clock reading at ``offset``, if there is one there."""
    token = r.at(offset)
    if token is None:
        return None
    if token.kind == "time":
        return Clock(token.n, token.m, token.text, meridiem=token.key)
    if token.kind == "clock":
        return Clock(token.n, token.m, token.text, literal=token.key == "24h")
    bare = token.kind in {"num", "dotclock", "numword"}
    if not bare or not (contextual or token.key == "oclock") or counted(r, offset + 1):
        return None
    return Clock(token.n, token.m, token.text) if token.n <= 24 else None


def counted(r: Reader, offset: int) -> bool:
    """Whether the number before ``offset`` counts something ("2 sessions", "3 weeks")."""
    return r.is_word(offset, COUNT_NOUNS) or r.kind(offset) in _UNITS_AFTER


def _range_end(r: Reader, offset: int, joins: frozenset[str]) -> Clock | None:
    if r.kind(offset) in joins or (r.kind(offset) == "joint" and r.key(offset) in joins):
        return point(r, offset + 1, contextual=True)
    return None


def _at(r: Reader, skip: int, contextual: bool) -> bool:
    start = point(r, skip, contextual)
    if start is None:
        return False
    end = _range_end(r, skip + 1, _RANGE_JOIN)
    if end is not None:
        return r.emit(Between(start, end, r.text(skip + 3)), skip + 3)
    return r.emit(At(start, r.text(skip + 1)), skip + 1)


def _between(r: Reader) -> bool:
    start = point(r, 1, contextual=True)
    end = _range_end(r, 2, _RANGE_JOIN | {"and"}) if start else None
    if start is None or end is None:
        return False
    return r.emit(Between(start, end, r.text(4)), 4)


def _after(r: Reader) -> bool:
    start = point(r, 1, contextual=True)
    if start is None:
        return False
    end = _range_end(r, 2, _RANGE_JOIN) if r.key() == "from" else None
    if end is not None:
        return r.emit(Between(start, end, r.text(4)), 4)
    return r.emit(Open(start, True, r.text(2)), 2)


def _before(r: Reader) -> bool:
    end = point(r, 1, contextual=True)
    return r.emit(Open(end, False, r.text(2)), 2) if end else False


def _bare(r: Reader) -> bool:
    """A number with no "at": a time only in a range next to a day, or ending in am/pm."""
    start = point(r, 0, contextual=True)
    end = _range_end(r, 1, _RANGE_JOIN)
    if start is not None and end is None and _before_part(r):
        return r.emit(At(start, r.text(1)), 1)
    if start is None or end is None:
        return _after_list(r)
    if end.meridiem or end.literal or _beside_day(r, 3) or _listed(r):
        return r.emit(Between(start, end, r.text(3)), 3)
    return False


def _listed(r: Reader) -> bool:
    """ "Tuesday 1-3 or 4-5": a range listed after another time."""
    items = r.items
    return len(items) >= 2 and isinstance(items[-1], Joint) and isinstance(items[-2], At | Between)


def _after_list(r: Reader) -> bool:
    """ "Tuesday at 2 or 3" and "Tuesday 2.30": a lone bare number that is still a time."""
    items, start = r.items, point(r, 0, contextual=True)
    previous = items[-1] if items else None
    listed = isinstance(previous, Joint) and len(items) >= 2 and isinstance(items[-2], At | Between)
    # "Tuesday 9.30", "9.30 on Tuesday", "Tuesday 1st December, 10.30".
    beside = _is_day(previous) or isinstance(previous, Part) or _after_day_and_comma(items)
    dotted = r.kind() == "dotclock" and (beside or _beside_day(r, 1))
    return r.emit(At(start, r.text(1)), 1) if start and (listed or dotted) else False


def _before_part(r: Reader) -> bool:
    """ "7 in the evening", "10 in the morning"."""
    offset = r.skip(1, frozenset({"prep"}), frozenset({"in", "the", "at"}))
    return offset > 1 and r.kind(offset) == "part"


def _after_day_and_comma(items: list[Item]) -> bool:
    """ "Tuesday or Thursday, 1-3": a day, then a comma or "and"."""
    return len(items) >= 2 and isinstance(items[-1], Joint) and _is_day(items[-2])


def _beside_day(r: Reader, after: int) -> bool:
    """Whether the range just read sits next to a day or part of day."""
    if r.items and (_is_day(r.items[-1]) or isinstance(r.items[-1], Part)):
        return True
    if _after_day_and_comma(r.items):
        return True
    offset = after + 1 if r.kind(after) == "prep" and r.key(after) == "on" else after
    return r.kind(offset) in DAY_STARTS


def _is_day(item: object) -> bool:
    return isinstance(item, DayAtom)


def with_context(time: TimeAtom, part: Part) -> TimeAtom:
    """``time`` narrowed by a part of the day said next to it."""
    if isinstance(time, At):
        return At(time.clock, time.text, part)
    if isinstance(time, Between):
        return Between(time.start, time.end, time.text, part)
    if isinstance(time, Open):
        return Open(time.clock, time.after, time.text, part)
    return time
