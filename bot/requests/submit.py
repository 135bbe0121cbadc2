"""Submitting a request: eligibility, the stored request, and its first shortlist."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from bot.domain import CoachingRequest, Person, Programme, RequestState, Role
from bot.domain.audit import AuditEntry
from bot.domain.coaches import Format
from bot.domain.lifecycles.request import REQUEST
from bot.domain.timewindow import TimeWindow
from bot.messages import Outcome
from bot.replies import Text
from bot.requests.eligibility import check_eligibility
from bot.requests.shortlist import offer_shortlist
from bot.services import Services

DEFAULT_PROGRAMME = "regional-pool"


@dataclass(frozen=True)
class RequestDraft:
    programme_id: int | None
    topic: str
    goal: str
    reality: str
    preferences: str
    format: Format
    location: str
    windows: tuple[TimeWindow, ...]


def submit_request(services: Services, person: Person, draft: RequestDraft) -> Outcome:
    store = services.store
    with store.reading():
        programme = _programme(services, draft.programme_id)
        verdict = None if programme is None else check_eligibility(store, person, programme)
    if programme is None or verdict is None:
        return Outcome(
            (
                Text(
                    "Sorry, there's no programme taking requests just now. "
                    "Please ask your pool coordinator."
                ),
            )
        )
    if not verdict.allowed and not verdict.waitlist:
        return Outcome((Text(verdict.reason),))
    now = services.clock.now()
    with store.transaction():
        if Role.COACHEE not in person.roles:
            store.update_person(dataclasses.replace(person, roles=person.roles | {Role.COACHEE}))
        request = store.add_request(
            CoachingRequest(
                id=0,
                coachee_id=person.id,
                programme_id=programme.id,
                state=REQUEST.started(
                    RequestState.WAITLISTED if verdict.waitlist else RequestState.OPEN
                ),
                created_at=now,
                updated_at=now,
                topic=draft.topic,
                goal=draft.goal,
                reality=draft.reality,
                preferences=draft.preferences,
                format=draft.format,
                location=draft.location,
                windows=draft.windows,
            )
        )
        store.audit(
            AuditEntry(now, person.id, "request.created", f"request:{request.id}", programme.slug)
        )
    if verdict.waitlist:
        return Outcome(
            (
                Text(
                    f"{verdict.reason} I've put your request on the waiting list "
                    f"(reference {request.id}) "
                    "and I'll message you as soon as a place opens and a coach is free for "
                    "you. Nothing else for you to do."
                ),
            )
        )
    return offer_shortlist(services, request)


def _programme(services: Services, programme_id: int | None) -> Programme | None:
    store = services.store
    if programme_id is not None:
        return store.get_programme(programme_id)
    return store.find_programme(DEFAULT_PROGRAMME) or next(
        (p for p in store.list_programmes() if p.active), None
    )
