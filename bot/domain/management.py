"""The management chain: everyone above a person (their manager, their manager's manager...)
and everyone below them (the people they manage, and theirs). A coach is never matched with
anyone in their coachee's chain."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def management_chain(managers: Mapping[int, int | None], person_id: int) -> dict[int, str]:
    """Person id -> how they stand to `person_id`, from `managers` (person id -> their line
    manager's id). A loop in the data ends the walk instead of going round it."""
    reports: dict[int, list[int]] = defaultdict(list)
    for person, manager in managers.items():
        if manager is not None:
            reports[manager].append(person)
    return walk_chain(
        person_id, managers.get, lambda frontier: [r for p in frontier for r in reports[p]]
    )


def walk_chain(
    person_id: int,
    manager_of: Callable[[int], int | None],
    reports_of: Callable[[list[int]], list[int]],
) -> dict[int, str]:
    """The chain of `person_id` as `management_chain` gives it, asking only about the
    people on it: `manager_of` a person's line manager, `reports_of` everyone whose line
    manager is one of the people given (so a store answers with a query a level)."""
    chain: dict[int, str] = {}
    above, level = manager_of(person_id), 1
    while above is not None and above != person_id and above not in chain:
        chain[above] = (
            "is the coachee's line manager"
            if level == 1
            else f"is above the coachee in their management chain ({level} levels up)"
        )
        above, level = manager_of(above), level + 1
    frontier, level = [person_id], 1
    while frontier:
        below = [r for r in reports_of(frontier) if r != person_id and r not in chain]
        for report in below:
            chain[report] = (
                "is line managed by the coachee"
                if level == 1
                else f"is below the coachee in their management chain ({level} levels down)"
            )
        frontier, level = below, level + 1
    return chain


def in_a_loop(managers: Mapping[K, K | None], person: K) -> bool:
    """Whether following line managers up from `person` comes back to them."""
    seen: set[K] = set()
    above = managers.get(person)
    while above is not None and above not in seen:
        if above == person:
            return True
        seen.add(above)
        above = managers.get(above)
    return False
