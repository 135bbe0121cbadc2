"""Matching: hard rules first, then a weighted score, then reasons for the few shown.

Cost per request is one pass over the pool with comparisons and a few integer operations per
coach (free time is bits on the index's grid), plus work proportional to the coaches sharing
the request's themes and words (postings); reasons and slot previews only for the shortlist.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence

from bot.domain.coaches import Format
from bot.domain.timewindow import TimeWindow
from bot.matching.index import CoachIndex, IndexedCoach
from bot.matching.inputs import CoachCandidate, MatchContext
from bot.matching.places import places_match
from bot.matching.query import Query
from bot.matching.reasons import reasons_for
from bot.matching.results import Exclusion, MatchResult, RankedCoach
from bot.matching.rules import RuleBook
from bot.matching.scoring import Components, format_component, topic_component
from bot.matching.shortfall import shortfall_reason
from bot.matching.timegrid import starts
from bot.scheduling import candidate_slots, intersect

PREVIEW_SLOTS = 3


def match(
    context: MatchContext,
    candidates: CoachIndex | Sequence[CoachCandidate],
    *,
    shortlist_size: int = 3,
) -> MatchResult:
    """The best `shortlist_size` coaches for a request, everyone excluded and why.

    Pass a `CoachIndex` to reuse one across requests; a plain sequence is indexed for this
    call only, over `context.horizon`.
    """
    index = (
        candidates
        if isinstance(candidates, CoachIndex)
        else CoachIndex.build(candidates, horizon=context.horizon)
    )
    query = Query.of(context, index.grid)
    rules = RuleBook.of(query)

    excluded: list[Exclusion] = []
    eligible: list[int] = []  # positions in the index
    fitting: list[int] = []  # for each eligible coach, the bits where a session could start
    usable, cells, coaches = query.usable, query.cells, index.coaches
    for position, coach in enumerate(coaches):
        verdict = rules.check(coach)
        if verdict is None:
            fits = starts(coach.free & usable, cells)
            if fits:
                eligible.append(position)
                fitting.append(fits)
                continue
            verdict = rules.no_time
        excluded.append(index.exclusion(position, *verdict))

    topics = _TopicHits(index, query)
    scored = [
        _score(coaches[position], position, fits, query, topics)
        for position, fits in zip(eligible, fitting, strict=True)
    ]
    best = heapq.nsmallest(shortlist_size, scored, key=lambda s: (-s[1].score, s[0].id))
    shortlist = tuple(
        _ranked(coach, components, days_free, query, topics.informative)
        for coach, components, days_free in best
    )
    excluded.sort(key=lambda exclusion: exclusion.coach_id)
    return MatchResult(
        candidates=shortlist,
        excluded=tuple(excluded),
        shortfall_reason=shortfall_reason(
            qualified=len(eligible),
            shortlist_size=shortlist_size,
            counts=Counter(exclusion.code for exclusion in excluded),
            query=query,
        ),
    )


class _TopicHits:
    """Per-coach sums of the request's theme and word weights, from the index's postings."""

    def __init__(self, index: CoachIndex, query: Query) -> None:
        size = len(index.coaches)
        self.themes = [0.0] * size
        self.words = [0.0] * size
        self.theme_total = sum(query.themes.values())
        self.word_total = 0.0
        for key, weight in query.themes.items():
            for position, credit in index.theme_postings.get(key, ()):
                self.themes[position] += weight * credit
        informative: set[str] = set()
        for word, weight in query.words.items():
            rarity = index.word_weights.get(word, 0.0)
            if rarity <= 0.0:
                continue  # no coach has it, or every coach does: it tells coaches apart not at all
            informative.add(word)
            self.word_total += weight * rarity
            for position, credit in index.word_postings[word]:
                self.words[position] += weight * rarity * credit
        self.informative = frozenset(informative)


def _score(
    coach: IndexedCoach, position: int, fits: int, query: Query, topics: _TopicHits
) -> tuple[IndexedCoach, Components, int]:
    days_free = sum(1 for day in query.days if fits & day)
    wants = query.wants
    same_place = (
        places_match(query.place, coach.places)
        if wants is not Format.ONLINE and coach.in_person
        else None
    )
    components = Components(
        topic=topic_component(
            theme_hits=topics.themes[position],
            theme_total=topics.theme_total,
            word_hits=topics.words[position],
            word_total=topics.word_total,
        ),
        availability=days_free / len(query.days),
        load=coach.load,
        balance=coach.balance,
        format=format_component(
            wants, online=coach.online, in_person=coach.in_person, same_place=same_place
        ),
    )
    return coach, components, days_free


def _ranked(
    coach: IndexedCoach,
    components: Components,
    days_free: int,
    query: Query,
    informative: frozenset[str],
) -> RankedCoach:
    context = query.context
    free: Sequence[TimeWindow] = coach.candidate.free
    if context.free_until is not None:
        free = intersect(free, [TimeWindow(context.earliest_start, context.free_until)])
    slots = candidate_slots(
        free,
        context.request.windows,
        length=context.session_length,
        step=query.grid_step,
        not_before=context.earliest_start,
        limit=PREVIEW_SLOTS,
        tz=context.coachee_tz,
    )
    return RankedCoach(
        coach_id=coach.id,
        score=components.score,
        reasons=reasons_for(
            coach,
            components=components,
            days_free=days_free,
            query=query,
            informative_words=informative,
        ),
        slots_preview=tuple(slots),
    )
