"""The pool prepared once and reused across requests.

Building tokenises every specialism and bio, turns free time into bits on a `TimeGrid`, and
posts each theme and word to the coaches that have it, so that a request touches only the
coaches sharing its words instead of re-reading 5,000 bios. Build it over the requests'
`MatchContext.horizon`: free time outside the index's horizon is not seen. Rebuild it when
a profile changes and at least daily; when only a coach's figures move (a booked session, a
new month for hours) `refreshed` re-prepares just them (bot/requests/matching_pool.py does
both). An index is immutable (but for the cache below): share it freely, across threads too.

It also hands out `Exclusion`s, the same object each time a coach is excluded for the same
reason. A request over 5,000 coaches excludes thousands; built afresh, they outlive several
young-generation collections and push CPython into full collections of the whole pool
(~50-80 ms pauses every dozen requests). Reused, a request leaves almost nothing behind.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from bot.domain.coaches import Format
from bot.domain.timewindow import TimeWindow
from bot.matching.inputs import CoachCandidate
from bot.matching.places import normalise_place
from bot.matching.results import Exclusion, Rule
from bot.matching.scoring import BIO_FACTOR, balance_component, load_component
from bot.matching.text import stems
from bot.matching.timegrid import TimeGrid
from bot.matching.topics import themes_in

Postings = Mapping[str, tuple[tuple[int, float], ...]]


@dataclass(frozen=True, slots=True)
class Specialism:
    text: str
    themes: frozenset[str]
    words: frozenset[str]


@dataclass(frozen=True, slots=True)
class IndexedCoach:
    """One coach with everything a request needs precomputed."""

    candidate: CoachCandidate
    id: int
    organisation_id: int
    manager_id: int | None
    accreditation_level: int
    free: int  # bits on the index's grid
    online: bool
    in_person: bool
    places: tuple[str, ...]  # normalised
    load: float
    balance: float
    specialisms: tuple[Specialism, ...]
    bio_themes: frozenset[str]


@dataclass(frozen=True, eq=False)
class CoachIndex:
    coaches: tuple[IndexedCoach, ...]
    grid: TimeGrid
    theme_postings: Postings  # theme -> (position in coaches, credit)
    word_postings: Postings  # stem -> (position in coaches, credit)
    word_weights: Mapping[str, float]  # stem -> inverse document frequency
    # sentence -> position -> Exclusion; grows to at most (coaches x distinct sentences).
    _exclusions: dict[str, dict[int, Exclusion]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(
        cls,
        candidates: Iterable[CoachCandidate],
        *,
        horizon: TimeWindow,
        step: timedelta = timedelta(minutes=30),
    ) -> CoachIndex:
        grid = TimeGrid.covering(horizon, step)
        coaches: list[IndexedCoach] = []
        theme_postings: dict[str, list[tuple[int, float]]] = {}
        word_postings: dict[str, list[tuple[int, float]]] = {}
        for position, candidate in enumerate(candidates):
            coach, spec_words, bio_words = _prepare(candidate, grid)
            coaches.append(coach)
            spec_themes = frozenset().union(*(s.themes for s in coach.specialisms))
            _post(theme_postings, position, spec_themes, coach.bio_themes)
            _post(word_postings, position, spec_words, bio_words)
        total = len(coaches)
        return cls(
            coaches=tuple(coaches),
            grid=grid,
            theme_postings={key: tuple(hits) for key, hits in theme_postings.items()},
            word_postings={key: tuple(hits) for key, hits in word_postings.items()},
            word_weights={key: math.log(total / len(hits)) for key, hits in word_postings.items()},
        )

    def refreshed(self, changed: Mapping[int, CoachCandidate]) -> CoachIndex:
        """This pool with the candidates at some positions replaced by newer ones of the same
        coaches whose load, balance, free time or history moved on but whose profile did not:
        only they are prepared again; texts, postings and word weights are shared."""
        if not changed:
            return self
        coaches = list(self.coaches)
        for position, candidate in changed.items():
            coaches[position] = _refresh(coaches[position], candidate, self.grid)
        return replace(self, coaches=tuple(coaches))

    def __len__(self) -> int:
        return len(self.coaches)

    def exclusion(self, position: int, rule: Rule, sentence: str) -> Exclusion:
        """The coach at `position` excluded by `rule`, worded `sentence` (a shared object)."""
        by_coach = self._exclusions.get(sentence)
        if by_coach is None:
            by_coach = self._exclusions.setdefault(sentence, {})
        found = by_coach.get(position)
        if found is None:
            found = by_coach.setdefault(
                position, Exclusion(self.coaches[position].id, sentence, rule)
            )
        return found


def _prepare(
    candidate: CoachCandidate, grid: TimeGrid
) -> tuple[IndexedCoach, frozenset[str], frozenset[str]]:
    profile = candidate.profile
    specialisms = []
    for text in profile.specialisms:
        words = stems(text)
        specialisms.append(Specialism(text, themes_in(words), frozenset(words)))
    bio_words = stems(profile.bio)
    spec_words = frozenset().union(*(s.words for s in specialisms))
    coach = IndexedCoach(
        candidate=candidate,
        id=candidate.person.id,
        organisation_id=candidate.person.organisation_id,
        manager_id=candidate.person.manager_id,
        accreditation_level=profile.accreditation.level,
        online=profile.offers(Format.ONLINE),
        in_person=profile.offers(Format.IN_PERSON),
        places=tuple(normalise_place(place) for place in profile.locations),
        specialisms=tuple(specialisms),
        bio_themes=themes_in(bio_words),
        **_moving_parts(candidate, grid),
    )
    return coach, spec_words, frozenset(bio_words)


def _refresh(coach: IndexedCoach, candidate: CoachCandidate, grid: TimeGrid) -> IndexedCoach:
    return replace(coach, candidate=candidate, **_moving_parts(candidate, grid, coach))


def _moving_parts(
    candidate: CoachCandidate, grid: TimeGrid, before: IndexedCoach | None = None
) -> dict[str, Any]:
    """What changes between requests while the profile stays: free time, load, balance.
    Free time given as the very windows `before` had keeps its bits (the costly part)."""
    profile = candidate.profile
    same_free = before is not None and candidate.free is before.candidate.free
    return {
        "free": before.free if before is not None and same_free else grid.mask(candidate.free),
        "load": load_component(
            active=candidate.active_coachees,
            max_coachees=profile.max_coachees,
            hours=candidate.hours_this_month,
            max_hours=profile.max_hours_per_month,
        ),
        "balance": balance_component(candidate.organisation_balance_hours),
    }


def _post(
    postings: dict[str, list[tuple[int, float]]],
    position: int,
    strong: frozenset[str],
    weak: frozenset[str],
) -> None:
    for key in strong:
        postings.setdefault(key, []).append((position, 1.0))
    for key in weak - strong:
        postings.setdefault(key, []).append((position, BIO_FACTOR))
