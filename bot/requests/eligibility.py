"""Whether a person may open a request in a programme now, and if not, why and what next."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain import (
    HOLDING_A_PLACE,
    CoachingRequest,
    EngagementState,
    Person,
    Programme,
    RequestState,
)
from bot.ports.store import Store

OPEN_STATES = (
    RequestState.OPEN,
    RequestState.SHORTLISTED,
    RequestState.WAITING_COACH,
    RequestState.WAITING_COACHEE,
    RequestState.WAITLISTED,
)


@dataclass(frozen=True)
class Eligibility:
    allowed: bool
    # When not allowed: the plain reason, and whether the request may wait for a place.
    reason: str = ""
    waitlist: bool = False
    existing: CoachingRequest | None = None


def check_eligibility(store: Store, person: Person, programme: Programme) -> Eligibility:
    if not programme.active:
        return Eligibility(False, f"{programme.name} isn't taking new requests at the moment.")
    if programme.open_to and person.directorate.casefold() not in {
        d.casefold() for d in programme.open_to
    }:
        return Eligibility(
            False,
            f"{programme.name} is open only to {' and '.join(programme.open_to)}. Your pool "
            "coordinator can tell you which programme fits.",
        )
    open_here = store.list_requests(
        coachee_id=person.id, programme_id=programme.id, states=OPEN_STATES
    )
    if open_here:
        return Eligibility(
            False,
            f"You already have a request open in {programme.name}; you can have one at a time. "
            "Say 'my requests' to see it, or withdraw it to start a new one.",
            existing=open_here[0],
        )
    active = [
        e
        for e in store.list_engagements(coachee_id=person.id)
        if e.programme_id == programme.id and e.state is not EngagementState.CLOSED
    ]
    if active:
        return Eligibility(
            False,
            f"You're already being coached in {programme.name}. Your coach can book your next "
            "session; say 'sessions' to see them.",
        )
    if not organisation_place_free(store, person, programme):
        return Eligibility(
            False,
            f"{programme.name} takes at most {programme.max_per_organisation} people from "
            "each organisation at a time, "
            "and your organisation's places are all in use.",
            waitlist=True,
        )
    return Eligibility(True)


def organisation_place_free(store: Store, person: Person, programme: Programme) -> bool:
    """Whether the programme's cap per organisation leaves a place for this person."""
    cap = programme.max_per_organisation
    return cap is None or _places_taken(store, person, programme) < cap


def _places_taken(store: Store, person: Person, programme: Programme) -> int:
    """People from the person's organisation with an open request or a live engagement."""
    holders = store.place_holders(
        programme.id,
        person.organisation_id,
        request_states=OPEN_STATES[:3],
        engagement_states=HOLDING_A_PLACE,
    )
    holders.discard(person.id)
    return len(holders)
