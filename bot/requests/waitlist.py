"""The waiting list: a request waits when no coach suits it or no place is left, and when a
place frees the waiting requests are matched again, oldest first.

Whatever frees a place sends the news `rematch_waiting` returns through the outbox in the
transaction of its change, so the news is committed with the change that made it true: a
slice (an engagement closes, a request is withdrawn, a coach resumes or changes their times
or profile) publishes `PlaceFreed` (bot/events.py), which this slice answers; outside a turn
(coaches imported, the daily job, someone erased) `rematch_and_queue` or `rematch_waiting`.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from bot.domain import CoachingRequest, Programme, RequestState
from bot.matching import CoachCandidate, CoachIndex
from bot.matching.results import Rule
from bot.notices import queue_outgoing
from bot.replies import Outgoing, Text
from bot.requests.candidates import match_request
from bot.requests.eligibility import organisation_place_free
from bot.requests.matching_pool import pool_of
from bot.requests.shortlist import offer_shortlist
from bot.services import Services

_ROOM_RULES = (Rule.PAUSED, Rule.AT_CAPACITY)
PLACE_OPENED = "Good news: a place has opened for your coaching request (reference {id})."


def _adjusted(
    services: Services,
    request: CoachingRequest,
    adjust: Callable[[CoachCandidate], CoachCandidate],
) -> CoachIndex:
    """The kept pool, current for this request's coachee, with each coach as `adjust` sees
    them (one place fuller, or with every place free)."""
    index = pool_of(services.store).index(services, coachee_id=request.coachee_id)
    return _adjusted_index(index, adjust)


def _adjusted_index(
    index: CoachIndex,
    adjust: Callable[[CoachCandidate], CoachCandidate],
    only: frozenset[int] | None = None,
) -> CoachIndex:
    """`index` with each coach (of `only`, when given) as `adjust` sees them."""
    changed = {
        position: adjusted
        for position, coach in enumerate(index.coaches)
        if (only is None or coach.id in only)
        and (adjusted := adjust(coach.candidate)) is not coach.candidate
    }
    return index.refreshed(changed) if changed else index


class WaitReason(StrEnum):
    NO_PLACE = "no_place"  # the organisation's places are in use, or suitable coaches are full
    NO_COACH = "no_suitable_coach"  # no coach fits, however much room they had
    COACH_FREE = "coach_free"  # a coach has room now: offered at the next re-match


@dataclass(frozen=True)
class Waiting:
    reason: WaitReason
    detail: str

    def describe(self) -> str:
        label = {
            WaitReason.NO_PLACE: "no place left",
            WaitReason.NO_COACH: "no suitable coach",
            WaitReason.COACH_FREE: "a coach has room now",
        }[self.reason]
        return f"{label}: {self.detail}" if self.detail else label


def rematch_waiting(services: Services) -> tuple[Outgoing, ...]:
    """Offer a shortlist to each waiting request that has a place and a coach now, oldest
    first; the news for each coachee (and anything the shortlist sends) to queue."""
    store = services.store
    waiting = _oldest_first(store.list_requests(states=[RequestState.WAITLISTED]))
    if not waiting:
        return ()
    programmes = {p.id: p for p in store.list_programmes()}
    news: list[Outgoing] = []
    reserved: frozenset[int] = frozenset()  # coaches offered this round: one place fuller
    for request in waiting:
        if not _place_free(services, request, programmes):
            continue
        index = _adjusted(services, request, functools.partial(_reserve, coach_ids=reserved))
        result = match_request(services, request, candidates=index)
        if not result.candidates:
            continue
        offered = offer_shortlist(services, request, result=result)
        opened = Text(PLACE_OPENED.format(id=request.id))
        news.append(Outgoing(request.coachee_id, (opened, *offered.replies)))
        news += offered.outgoing
        reserved |= {c.coach_id for c in result.candidates}
    return tuple(news)


def why_waiting(services: Services, request: CoachingRequest) -> Waiting:
    """Why a request is on the waiting list now: no place left, or no suitable coach."""
    store = services.store
    if not _place_free(services, request):
        programme = store.get_programme(request.programme_id)
        cap = programme.max_per_organisation if programme else None
        return Waiting(
            WaitReason.NO_PLACE, f"the organisation's {cap} places in this programme are in use"
        )
    index = pool_of(store).index(services, coachee_id=request.coachee_id)
    now = match_request(services, request, candidates=index)
    if now.candidates:
        return Waiting(
            WaitReason.COACH_FREE, "offered at the next re-match (when a place frees, or 07:30)"
        )
    # Room changes the verdict only for a coach excluded as paused or full: every other coach
    # fails a rule that room does not touch, or has no time, room or not.
    held_back = frozenset(e.coach_id for e in now.excluded if e.code in _ROOM_RULES)
    roomy = held_back and match_request(
        services, request, candidates=_adjusted_index(index, _with_room, held_back)
    )
    if roomy and roomy.candidates:
        return Waiting(WaitReason.NO_PLACE, "every suitable coach is full or paused")
    return Waiting(WaitReason.NO_COACH, now.shortfall_reason)


def waiting_reasons(services: Services, requests: Iterable[CoachingRequest]) -> dict[int, Waiting]:
    """Request id -> why it waits, for each wait-listed request."""
    waiting = [r for r in requests if r.state is RequestState.WAITLISTED]
    return {r.id: why_waiting(services, r) for r in waiting}


def _oldest_first(requests: Iterable[CoachingRequest]) -> list[CoachingRequest]:
    return sorted(requests, key=lambda r: (r.created_at, r.id))


def _place_free(
    services: Services, request: CoachingRequest, programmes: dict[int, Programme] | None = None
) -> bool:
    store = services.store
    programme = (programmes or {}).get(request.programme_id) or store.get_programme(
        request.programme_id
    )
    if programme is None or not programme.active:
        return False
    if programme.max_per_organisation is None:
        return True  # no cap: no need to read who holds places
    coachee = store.get_person(request.coachee_id)
    return coachee is not None and organisation_place_free(store, coachee, programme)


def _reserve(candidate: CoachCandidate, coach_ids: frozenset[int]) -> CoachCandidate:
    """An older request has first call on a coach's last place: later ones in the round see
    the coaches just offered to it as one place fuller."""
    if candidate.id not in coach_ids:
        return candidate
    return dataclasses.replace(candidate, active_coachees=candidate.active_coachees + 1)


def _with_room(candidate: CoachCandidate) -> CoachCandidate:
    """The coach as if they had every place free: to tell 'full' from 'unsuitable'."""
    return dataclasses.replace(
        candidate,
        active_coachees=0,
        hours_this_month=0.0,
        profile=dataclasses.replace(candidate.profile, paused=False),
    )


def rematch_and_queue(services: Services, *, origin: str) -> int:
    """For changes made outside a chat turn (the command line): re-match and queue the news
    in one transaction; how many people are told."""
    store, now = services.store, services.clock.now()
    with store.transaction():
        news = rematch_waiting(services)
        queue_outgoing(store, news, now=now, origin=origin)
    return len({n.person_id for n in news})
