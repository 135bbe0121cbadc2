"""Grouping items into clauses: which days go with which times.

A clause is a list of days and the times that apply to all of them, so "Mon or Wed morning"
is one clause (the morning distributes over the list) and "Tuesday morning or Thursday
afternoon" is two. Times said first ("2pm tomorrow", "2-4pm on Tuesday or Thursday") lead the
days that follow. A time left without a day ("Tuesday would be great, ideally in the afternoon")
joins a day said in the same sentence. A clause after "not"/"except" is negative: its windows
are taken away from the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from bot.when.atoms import (
    Break,
    DayAtom,
    Fortnightly,
    Item,
    Joint,
    Month,
    Negation,
    Part,
    TimeAtom,
    Week,
    Weekdays,
    WeekdaysWithin,
    WeekOf,
)

_QUALIFIERS = (Week, WeekOf, Month)
_QUALIFIABLE = frozenset({"", "every"})


@dataclass(eq=False)  # clauses are compared by identity while orphans are placed
class Clause:
    days: list[DayAtom] = field(default_factory=list)
    joined: list[bool] = field(default_factory=list)  # a list joint came before this day
    times: list[TimeAtom] = field(default_factory=list)
    negative: bool = False
    sentence: int = 0
    lead: bool = False  # its times came before its days


@dataclass
class Clauses:
    clauses: list[Clause]
    doubtful: bool  # a negation we couldn't attach to a day or time
    fortnightly: str = ""  # "fortnightly" said on its own: recurring days in alternate weeks


class _Builder:
    def __init__(self) -> None:
        self.done: list[Clause] = []
        self.current = Clause()
        self.sentence = 0
        self.negate_next = False
        self.joint = False
        self.doubtful = False
        self.fortnightly = ""

    def flush(self) -> None:
        if self.current.days or self.current.times:
            self.done.append(self.current)
        self.current = Clause(sentence=self.sentence)

    def _start(self) -> Clause:
        clause = self.current
        if not clause.days and not clause.times:
            clause.negative, self.negate_next = self.negate_next, False
        return clause

    def day(self, atom: DayAtom) -> None:
        c = self.current
        qualifier = isinstance(atom, _QUALIFIERS) and not self.joint  # "Tuesday at 2 next week"
        if c.days and c.times and not c.lead and not qualifier:
            self.flush()
        clause = self._start()
        clause.days.append(atom)
        clause.joined.append(self.joint)
        self.joint = False

    def time(self, atom: TimeAtom) -> None:
        if self.current.days and self.current.lead:
            self.flush()  # "2pm tomorrow or 3pm Friday"
        clause = self._start()
        clause.lead = clause.lead or not clause.days
        clause.times.append(atom)
        self.joint = False

    def joined(self, item: Joint) -> None:
        # A comma ends a negation: in "not Monday, Tuesday is fine" Tuesday is wanted.
        if item.comma and self.current.negative:
            self.flush()
        elif item.comma and self._qualifier_last():
            return  # "next week, Tuesday or Thursday": the week narrows what follows
        else:
            self.joint = True

    def _qualifier_last(self) -> bool:
        days = self.current.days
        return bool(days) and isinstance(days[-1], _QUALIFIERS) and not self.current.times

    def brk(self, item: Break) -> None:
        self.flush()
        self.joint = False
        if item.sentence:
            self.sentence += 1
            self.current.sentence = self.sentence
        if item.sentence or item.cancels_negation:
            self.negate_next = False

    def negation(self, item: Negation) -> None:
        self.flush()
        self.negate_next = self.negate_next or item.bound
        self.doubtful = self.doubtful or not item.bound


def build_clauses(items: list[Item]) -> Clauses:
    """The clauses of an item stream, orphan times placed and weekdays narrowed."""
    builder = _Builder()
    for item in items:
        if isinstance(item, Joint):
            builder.joined(item)
        elif isinstance(item, Break):
            builder.brk(item)
        elif isinstance(item, Negation):
            builder.negation(item)
        elif isinstance(item, Fortnightly):
            builder.fortnightly = item.text
        elif isinstance(item, DayAtom):
            builder.day(item)
        else:
            builder.time(item)
    builder.flush()
    clauses = [_narrow(_inherit(c)) for c in _place_orphans(builder.done)]
    return Clauses(clauses, builder.doubtful, builder.fortnightly)


def _place_orphans(clauses: list[Clause]) -> list[Clause]:
    """Give each clause of times without days a day said in the same sentence, if there is one."""
    out = list(clauses)
    for clause in clauses:
        if clause.days:
            continue
        index = out.index(clause)
        near = [out[i] for i in (index - 1, index + 1) if 0 <= i < len(out)]
        near = [c for c in near if c.sentence == clause.sentence]
        partner = next((c for c in near if _takes_times(c, clause)), None)
        if partner is not None:
            partner.times, partner.lead = list(clause.times), out.index(partner) > index
            out.remove(clause)
            continue
        if all(_recurring(t) for t in clause.times):
            continue  # "not Mondays, otherwise any afternoon": every day, needing no other
        earlier = [c for c in out[:index] if c.sentence == clause.sentence and c.days]
        if earlier:  # "busy Monday morning but free in the afternoon"
            clause.days, clause.joined = list(earlier[-1].days), list(earlier[-1].joined)
            continue
        before = out[index - 1] if index > 0 else None
        # "Could we do Wednesday? Any time after 2": the day of the sentence just before.
        previous_sentence = before is not None and before.sentence == clause.sentence - 1
        if before is not None and previous_sentence and _takes_times(before, clause):
            before.times = list(clause.times)
            out.remove(clause)
    return out


def _recurring(atom: TimeAtom) -> bool:
    part = atom if isinstance(atom, Part) else atom.context
    return part is not None and part.plural


def _takes_times(candidate: Clause, orphan: Clause) -> bool:
    return bool(candidate.days) and not candidate.times and candidate.negative == orphan.negative


def _inherit(clause: Clause) -> Clause:
    """ "next Tuesday or Wednesday": a listed weekday takes the modifier of the one before."""
    days, modifier = list(clause.days), ""
    for i, day in enumerate(days):
        if not isinstance(day, Weekdays):
            continue
        if day.modifier:
            modifier = day.modifier
        elif clause.joined[i] and modifier in {"next", "this", "every"}:
            days[i] = replace(day, modifier=modifier)
    clause.days = days
    return clause


def _narrow(clause: Clause) -> Clause:
    """ "Tuesday or Thursday next week", "Tuesdays in December": the week or month narrows."""
    days, joined = clause.days, clause.joined
    last = len(days) - 1
    for k, atom in enumerate(days):
        # Said right beside the weekdays, not as another choice ("Monday or next week").
        after = k == last and k > 0 and not joined[k]
        before = k == 0 and last > 0 and not joined[1]
        if isinstance(atom, _QUALIFIERS) and (after or before) and _bare_weekdays(days):
            clause.days = [_within(d, atom) for d in days if d is not atom]
            clause.joined = [j for d, j in zip(days, joined, strict=True) if d is not atom]
            break
    return clause


def _bare_weekdays(days: list[DayAtom]) -> bool:
    return any(isinstance(d, Weekdays) and d.modifier in _QUALIFIABLE for d in days)


def _within(day: DayAtom, within: Week | WeekOf | Month) -> DayAtom:
    if isinstance(day, Weekdays) and day.modifier in _QUALIFIABLE:
        return WeekdaysWithin(day.days, within, f"{day.text} {within.text}")
    return day
