"""The waiting list: a request waits when no coach suits it or no place is left, and when a
place frees the waiting requests are matched again, oldest first.

Whatever frees a place (an engagement closes, a request is withdrawn, a coach resumes or
changes their times, coaches are imported, someone is erased) calls `rematch_waiting` in its
own transaction and sends what it returns through the outbox, so the news is committed with
the change that made it true.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from bot.coaching.candidates import coach_candidates, match_request, pool_index
from bot.coaching.eligibility import organisation_place_free
from bot.coaching.shortlist import offer_shortlist
from bot.domain import CoachingRequest, Programme, RequestState
from bot.matching import CoachCandidate, CoachIndex
from bot.outbox.notices import queue_outgoing
from bot.replies import Outgoing, Text
from bot.services import Services

PLACE_OPENED = "Good news: a place has opened for your coaching request (reference {id})."


@dataclass(frozen=True)
class _Pool:
    """The pool indexed twice: as it is, and as if every coach had room (to tell 'full'
    from 'unsuitable')."""

    as_is: CoachIndex
    with_room: CoachIndex

    @classmethod
    def of(cls, services: Services) -> _Pool:
        pool = coach_candidates(services)
        roomy = [_with_room(c) for c in pool]
        return cls(pool_index(services, pool), pool_index(services, roomy))


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
    pool = coach_candidates(services)
    index = pool_index(services, pool)
    programmes = {p.id: p for p in store.list_programmes()}
    news: list[Outgoing] = []
    for request in waiting:
        if not _place_free(services, request, programmes):
            continue
        result = match_request(services, request, candidates=index)
        if not result.candidates:
            continue
        offered = offer_shortlist(services, request, result=result)
        opened = Text(PLACE_OPENED.format(id=request.id))
        news.append(Outgoing(request.coachee_id, (opened, *offered.replies)))
        news += offered.outgoing
        # The older request has first call on a coach's last place: later ones in this
        # round see the coaches just offered as one place fuller.
        pool = _reserve(pool, {c.coach_id for c in result.candidates})
        index = pool_index(services, pool)
    return tuple(news)


def why_waiting(
    services: Services, request: CoachingRequest, *, pool: _Pool | None = None
) -> Waiting:
    """Why a request is on the waiting list now: no place left, or no suitable coach."""
    store = services.store
    if not _place_free(services, request):
        programme = store.get_programme(request.programme_id)
        cap = programme.max_per_organisation if programme else None
        return Waiting(
            WaitReason.NO_PLACE, f"the organisation's {cap} places in this programme are in use"
        )
    pool = _Pool.of(services) if pool is None else pool
    now = match_request(services, request, candidates=pool.as_is)
    if now.candidates:
        return Waiting(
            WaitReason.COACH_FREE, "offered at the next re-match (when a place frees, or 07:30)"
        )
    roomy = match_request(services, request, candidates=pool.with_room)
    if roomy.candidates:
        return Waiting(WaitReason.NO_PLACE, "every suitable coach is full or paused")
    return Waiting(WaitReason.NO_COACH, now.shortfall_reason)


def waiting_reasons(services: Services, requests: Iterable[CoachingRequest]) -> dict[int, Waiting]:
    """Request id -> why it waits, for each wait-listed request; the pool is read once."""
    waiting = [r for r in requests if r.state is RequestState.WAITLISTED]
    if not waiting:
        return {}
    pool = _Pool.of(services)
    return {r.id: why_waiting(services, r, pool=pool) for r in waiting}


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


def _reserve(pool: list[CoachCandidate], coach_ids: set[int]) -> list[CoachCandidate]:
    return [
        dataclasses.replace(c, active_coachees=c.active_coachees + 1) if c.id in coach_ids else c
        for c in pool
    ]


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
