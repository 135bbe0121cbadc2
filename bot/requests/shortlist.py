"""Offering the coachee a shortlist of matched coaches, each with its reasons."""

from __future__ import annotations

import dataclasses

from bot.actions import action_value
from bot.choosing import SHORTLIST, schedule_coachee_deadlines, shortlist_choices
from bot.domain import CoachingRequest, RequestState, Role, ShortlistEntry
from bot.domain.audit import AuditEntry
from bot.matching import MatchResult
from bot.matching.shortfall import WIDEN_TO_ONLINE
from bot.messages import Outcome
from bot.replies import Choice, Choices, Outgoing, Text
from bot.requests.candidates import match_request, zone_of
from bot.requests.wishes import honour_wishes
from bot.services import Services
from bot.text_format import local_date
from bot.verbs import RequestVerb


def offer_shortlist(
    services: Services,
    request: CoachingRequest,
    *,
    result: MatchResult | None = None,
    tell_coordinators: bool = True,
) -> Outcome:
    """Match (or take `result`, already matched), store the shortlist and ask the coachee to
    choose; or wait-list with the reason. A request that was already waiting and still has
    no coach need not trouble the coordinators twice: `tell_coordinators=False`."""
    store = services.store
    with store.reading():  # a dozen small reads, one transaction
        result, wishes_note = honour_wishes(
            services, request, result or match_request(services, request)
        )
    now = services.clock.now()
    entries = [
        ShortlistEntry(request.id, c.coach_id, rank, c.score, c.reasons)
        for rank, c in enumerate(result.candidates, start=1)
    ]
    with store.transaction():
        store.save_shortlist(request.id, entries)
        state = RequestState.SHORTLISTED if entries else RequestState.WAITLISTED
        store.update_request(
            dataclasses.replace(request, state=state, updated_at=now), expected=request.state
        )
        if entries:
            due = schedule_coachee_deadlines(services, request, stage=SHORTLIST)
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
        to_coachee = Text(
            f"I couldn't find a coach for you just now. {reason} Your request is saved "
            f"(reference {request.id}) and the pool coordinators can see it; I'll message you "
            "when a coach becomes available."
        )
        widen = widen_choices(request.id, reason)
        told = _tell_coordinators(services, request, reason) if tell_coordinators else ()
        return Outcome((to_coachee, *widen), told)
    with store.reading():
        coachee = store.get_person(request.coachee_id)
        assert coachee is not None
        zone = zone_of(coachee, services.settings.pool_timezone)
        note = " ".join(n for n in (wishes_note, result.shortfall_reason) if n)
        choose_by = local_date(due.nudge_at, zone, now=now)
        choices = shortlist_choices(services, request.id, entries, note=note, choose_by=choose_by)
    return Outcome((choices,))


def widen_choices(request_id: int, reason: str) -> tuple[Choices, ...]:
    """The bot's own suggestion to meet online comes with the button that does it."""
    if WIDEN_TO_ONLINE not in reason:
        return ()
    button = Choice("Include online sessions", action_value(RequestVerb.ONLINE, request_id))
    return (Choices("Would you like me to include online sessions?", (button,)),)


def _tell_coordinators(
    services: Services, request: CoachingRequest, reason: str
) -> tuple[Outgoing, ...]:
    """A request no coach can take needs a person: the coordinators hear of it at once,
    with what they need to find capacity and nothing that names the coachee."""
    store = services.store
    programme = store.get_programme(request.programme_id)
    coachee = store.get_person(request.coachee_id)
    organisation = store.get_organisation(coachee.organisation_id) if coachee else None
    note = Text(
        f"Request {request.id} ({programme.name if programme else 'a programme'}, from "
        f"{organisation.name if organisation else 'a member organisation'}) is waiting: no coach "
        f"could take it. {reason} `coachpool match {request.id}` shows why each coach was "
        "excluded."
    )
    return tuple(Outgoing(person.id, (note,)) for person in store.list_people(Role.COORDINATOR))
