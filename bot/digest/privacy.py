"""The digest's disclosure rule, written down once. Every figure about people that any digest
prints (the coordinators', each organisation lead's, the chart, `--json`) is decided here.

Who a figure's "people" are. The digest protects coachees; a figure's people are the distinct
coachees whose coaching it counts:

- sessions held, hours, cancellations, no-shows: each session's coachee. Hours an
  organisation's coaches *gave* count the coachees they coached, so an hour given to one
  person is a figure from one person;
- new requests, waiting requests, overdue coach answers: the coachees who asked; matches:
  the coachees matched;
- ratings and final evaluations: the coachees who gave them;
- places taken with coaches (the dashboard): the coachees holding them, except those of a
  coach named at their coachee limit and exactly at it, whose count the list tells anyway:
  a part's people are what subtracting the list leaves (`release._places`);
- themes: the coachees of the sessions whose themes are counted. An engagement has one
  coachee, so a theme from 5 people comes from at least 5 engagements.

Coaches are pool staff acting in that role: the digest names those at their limits, with the
limits they set, never with how many coachees or hours they have.

Rule 1, the threshold. A figure is printed only if it comes from at least `min_group` people,
or from nobody (it is then 0, "none": about no one). Otherwise it is "withheld".

Rule 2, parts that add up. Where printed figures add up to a printed total (each
organisation's hours received make the week's hours; cancellations are late or not; by the
coach, by the coachee or otherwise), everything of the group that is withheld, parts that
are never printed included, must together come from at least `min_group` people, or from
nobody. If not, more parts are withheld, the smallest first, until it does (`disclose`). So
subtracting printed parts from the printed total yields at best the sum of the withheld
parts: a figure from at least `min_group` people. A total from fewer people is withheld by
rule 1, and then so is every part that is not about nobody.

Rule 3, one decision for every digest. A group is decided once, for the whole pool, and an
organisation lead's digest prints its organisation's parts as decided there: never a figure
of its own that the pool's digest would not print (such as the union of the hours its
coaches gave and its staff received, which would reveal one from the other). Digests print
only the margins of a table, never its inside (an organisation's late cancellations), so
two groups over the same sessions (hours given by coaches' organisations and received by
coachees' organisations) meet only in their common total.

Rule 4, time. A week's figures are computed from that week's records alone. A "this year"
figure is the sum of the weekly figures that were printed in their own weeks; weeks that
were withheld are left out, and the digest says so. So a later digest says nothing about an
earlier week that the earlier digest did not, and the change in "this year" from one week to
the next is the week's own printed figure. Themes are never printed per week: each theme's
count grows in blocks of consecutive weeks, each block from at least `min_group` people, and
the digest prints the count to the end of the last complete block (`closed_blocks`), so the
difference between any two digests is a sum of whole blocks.

A fact recorded after its week's digest went out (a session marked as held days later) is
counted in its own week; a later digest then prints that week's figures with it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Figure:
    value: float | None
    # How many people it comes from, where that is worth saying (ratings); None otherwise.
    people: int | None = None
    # Withheld by rule 2: it comes from enough people, but printing it would reveal another.
    protecting: bool = False

    @property
    def withheld(self) -> bool:
        return self.value is None

    def text(self, *, digits: int = 0, unit: str = "", withheld: str = "withheld") -> str:
        if self.value is None:
            return withheld
        return f"{self.value:,.{digits}f}{unit}"


WITHHELD = Figure(None)


def exact(value: float) -> Figure:
    """A figure that is not about people (a target, a coach's own limit)."""
    return Figure(value)


def enough(people: int, min_group: int) -> bool:
    """Rule 1: at least `min_group` people, or nobody at all."""
    return people == 0 or people >= min_group


def guarded(value: float, *, people: int, min_group: int) -> Figure:
    """Rule 1 alone, for a figure that is no part of a group: `value` if at least
    `min_group` distinct people contributed, else withheld."""
    return Figure(value, people) if enough(people, min_group) else WITHHELD


@dataclass(frozen=True)
class Part:
    """One part of a group that adds up: its value, the people it comes from, and whether
    any digest prints it (a part never printed still counts as withheld under rule 2)."""

    value: float = 0.0
    people: frozenset[int] = frozenset()
    printed: bool = True

    def plus(self, value: float, person: int) -> Part:
        return Part(self.value + value, self.people | {person}, self.printed)


@dataclass(frozen=True)
class Disclosure(Generic[K]):
    """A group decided under rules 1 and 2: the total and each printed part."""

    total: Figure
    parts: Mapping[K, Figure] = field(default_factory=dict)

    def part(self, key: K) -> Figure:
        """A key with no records at all is a part about nobody: 0."""
        return self.parts.get(key, Figure(0.0, 0))


def disclose(parts: Mapping[K, Part], min_group: int, *, order: Sequence[K] = ()) -> Disclosure[K]:
    """Decide a group whose parts add up to its total. `order` breaks ties between parts of
    the same size (default: by key as text), so every digest decides a group alike."""
    everyone = frozenset().union(*(p.people for p in parts.values()))
    total_value = sum((p.value for p in parts.values()), 0.0)
    if not enough(len(everyone), min_group):
        return Disclosure(
            WITHHELD,
            # A part from nobody is printed: it is 0, or known another way (`release._places`).
            {k: Figure(p.value, 0) if not p.people else WITHHELD for k, p in parts.items()},
        )
    rank = {key: index for index, key in enumerate(order)}
    withheld = {
        k for k, p in parts.items() if not p.printed or not enough(len(p.people), min_group)
    }
    protecting: set[K] = set()
    while not enough(len(_people(parts, withheld)), min_group):
        candidates = [k for k, p in parts.items() if k not in withheld and p.people]
        if not candidates:  # cannot happen: all parts together are the total's people
            raise AssertionError("a group from enough people has no part left to withhold")
        smallest = min(
            candidates,
            key=lambda k: (len(parts[k].people), rank.get(k, len(rank)), str(k)),
        )
        withheld.add(smallest)
        protecting.add(smallest)
    shown: dict[K, Figure] = {}
    for key, part in parts.items():
        if key in protecting:
            shown[key] = Figure(None, protecting=True)
        elif key in withheld:
            shown[key] = WITHHELD
        else:
            shown[key] = Figure(part.value, len(part.people))
    return Disclosure(Figure(total_value, len(everyone)), shown)


def _people(parts: Mapping[K, Part], keys: Iterable[K]) -> frozenset[int]:
    return frozenset().union(*(parts[k].people for k in keys))


def closed_blocks(weeks: Sequence[Part], min_group: int) -> tuple[float, int]:
    """Rule 4 for a figure printed only as a running total: cut the weeks, oldest first,
    into blocks each from at least `min_group` people, and return the sum of the complete
    blocks and how many weeks they cover. The weeks after the last complete block wait
    for the next one."""
    total, covered = 0.0, 0
    block_value, block_people = 0.0, frozenset[int]()
    for index, week in enumerate(weeks):
        block_value += week.value
        block_people |= week.people
        if len(block_people) >= min_group:
            total, covered = total + block_value, index + 1
            block_value, block_people = 0.0, frozenset()
    return total, covered
