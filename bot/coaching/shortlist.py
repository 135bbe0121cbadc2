"""Offering the coachee a shortlist of matched coaches, each with its reasons."""

from __future__ import annotations

import dataclasses

from bot.actions import action_value
from bot.coaching.candidates import match_request
from bot.domain import CoachingRequest, RequestState, ShortlistEntry
from bot.domain.audit import AuditEntry
from bot.messages import Outcome
from bot.replies import Choice, Choices, Text
from bot.services import Services


def offer_shortlist(services: Services, request: CoachingRequest) -> Outcome:
    """Match, store the shortlist and ask the coachee to choose; or wait-list with the reason."""
    store = services.store
    result = match_request(services, request)
    now = services.clock.now()
    entries = [
        ShortlistEntry(request.id, c.coach_id, rank, c.score, c.reasons)
        for rank, c in enumerate(result.candidates, start=1)
    ]
    with store.transaction():
        store.save_shortlist(request.id, entries)
        state = RequestState.SHORTLISTED if entries else RequestState.WAITLISTED
        store.update_request(dataclasses.replace(request, state=state, updated_at=now))
        store.audit(
            AuditEntry(
                now,
                None,
                f"request.{state.value}",
                f"request:{request.id}",
                f"{len(entries)} candidates",
            )
        )
    if not entries:
        reason = result.shortfall_reason or "No coach is free at the times you gave."
        return Outcome(
            (
                Text(
                    f"I couldn't find a coach for you just now. {reason} Your request is saved "
                    f"(reference {request.id}) and the pool coordinators can see it; "
                    "I'll message you "
                    "when a coach becomes available."
                ),
            )
        )
    return Outcome(
        (shortlist_choices(services, request.id, entries, note=result.shortfall_reason),)
    )


def shortlist_choices(
    services: Services, request_id: int, entries: list[ShortlistEntry], *, note: str = ""
) -> Choices:
    store = services.store
    options = []
    for entry in entries:
        coach = store.get_person(entry.coach_id)
        organisation = store.get_organisation(coach.organisation_id) if coach else None
        if coach is None or organisation is None:
            continue
        options.append(
            Choice(
                f"{coach.name}, {organisation.name}",
                action_value("choose", request_id, coach.id),
                details=entry.reasons,
            )
        )
    options.append(Choice("None of these suit me", action_value("none", request_id)))
    intro = (
        f"Here {'is the coach' if len(entries) == 1 else f'are {len(entries)} coaches'} "
        "who could work with you. Choose one and I'll ask them for a time."
    )
    if note:
        intro += f" ({note})"
    return Choices(intro, tuple(options))
