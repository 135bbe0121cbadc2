"""Changing a submitted request (its topic, times, format, place...) and matching it again.

A request can be changed while the coachee is choosing or waiting; once a coach has been
asked, the coach is answering what they were shown, so it waits for that answer.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from bot.domain import CoachingRequest, Person, RequestState
from bot.domain.audit import AuditEntry
from bot.domain.timewindow import windows_to_data
from bot.messages import Outcome, refusal
from bot.replies import Text
from bot.requests.eligibility import organisation_place_free
from bot.requests.shortlist import offer_shortlist
from bot.services import Services

CHANGEABLE = frozenset({RequestState.OPEN, RequestState.SHORTLISTED, RequestState.WAITLISTED})


def request_data(request: CoachingRequest) -> dict[str, object]:
    """What the conversation starts from: the request as it is stored."""
    return {
        "request_id": request.id,
        "programme_id": request.programme_id,
        "topic": request.topic,
        "goal": request.goal,
        "reality": request.reality,
        "preferences": request.preferences,
        "format": request.format.value,
        "location": request.location,
        "windows": windows_to_data(request.windows),
    }


def changeable_request(
    services: Services, person: Person, request_id: int
) -> CoachingRequest | Outcome:
    """The person's own request if it may be changed now, else the polite answer why not."""
    request = services.store.get_request(request_id)
    if request is None or request.coachee_id != person.id:
        return refusal("Sorry, I can't find that request.")
    if request.state is RequestState.WAITING_COACH:
        return refusal(
            "A coach is considering this request as it stands, so I can't change it until "
            "they answer. If they can't take it on, you can change it then."
        )
    if request.state not in CHANGEABLE:
        return refusal("That request isn't open any more, so there's nothing to change.")
    return request


def amend_request(
    services: Services,
    person: Person,
    request_id: int,
    change: Callable[[CoachingRequest], CoachingRequest],
) -> Outcome:
    """Apply `change` to the request and match it again: a fresh shortlist, or the
    waiting list with the reason."""
    request = changeable_request(services, person, request_id)
    if isinstance(request, Outcome):
        return request
    store, now = services.store, services.clock.now()
    changed = dataclasses.replace(change(request), updated_at=now)
    with store.transaction():
        store.update_request(changed, expected=request.state)
        store.audit(AuditEntry(now, person.id, "request.changed", f"request:{request.id}"))
        saved = Outcome((Text(f"I've changed your request (reference {request.id})."),))
        programme = store.get_programme(request.programme_id)
        if programme is not None and not organisation_place_free(store, person, programme):
            return saved + Outcome(
                (
                    Text(
                        "It stays on the waiting list until one of your organisation's places "
                        "opens; I'll message you as soon as one does and a coach is free for you."
                    ),
                )
            )
        # Coordinators already heard about a request that was waiting: not again.
        again = request.state is not RequestState.WAITLISTED
        return saved + offer_shortlist(services, changed, tell_coordinators=again)
