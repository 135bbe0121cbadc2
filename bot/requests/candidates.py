"""A request's shortlist: the request in context, matched against the pool as it is now."""

from __future__ import annotations

from datetime import datetime

from bot.bookable import horizon
from bot.domain import CoachingRequest
from bot.domain.management import walk_chain
from bot.domain.people import zone_of
from bot.matching import CoachIndex, MatchContext, MatchResult, match
from bot.requests.matching_pool import month_of, pool_of
from bot.services import Services

__all__ = ["match_request", "month_of", "zone_of"]


def match_request(
    services: Services,
    request: CoachingRequest,
    *,
    now: datetime | None = None,
    everyone: bool = False,
    candidates: CoachIndex | None = None,
) -> MatchResult:
    """The shortlist for a request; with `everyone`, every qualifying coach, ranked.
    `candidates`: the pool as the caller adjusted it (the waiting list's reservations);
    by default the store's kept pool, current for this coachee."""
    store = services.store
    coachee = store.get_person(request.coachee_id)
    programme = store.get_programme(request.programme_id)
    if coachee is None or programme is None:
        raise LookupError(f"request {request.id} refers to a missing coachee or programme")
    context = MatchContext(
        request=request,
        coachee=coachee,
        programme=programme,
        now=now or services.clock.now(),
        free_until=horizon(services).end,
        management_chain=walk_chain(coachee.id, store.line_manager, store.direct_reports),
    )
    if candidates is None:
        candidates = pool_of(store).index(services, coachee_id=coachee.id)
    size = len(candidates) if everyone else services.settings.shortlist_size
    return match(context, candidates, shortlist_size=size)
