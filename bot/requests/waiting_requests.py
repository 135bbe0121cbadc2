"""The requests still waiting for a coach, as coordinators and organisation leads see them
('waiting' in chat, and their home surface): by reference, programme, organisation, stage
and age; figures only, no coachee names."""

from __future__ import annotations

from bot.domain import CoachingRequest, Person, RequestState, Role
from bot.help_text import may_see_figures
from bot.messages import Outcome
from bot.replies import Card, Fact, Text
from bot.requests.eligibility import OPEN_STATES
from bot.requests.waitlist import waiting_reasons
from bot.services import Services
from bot.text_format import plural

_STATUS = {
    RequestState.OPEN: "being matched",
    RequestState.SHORTLISTED: "coachee choosing",
    RequestState.WAITING_COACH: "waiting for the coach",
    RequestState.WAITING_COACHEE: "coachee choosing a time",
    RequestState.WAITLISTED: "on the waiting list",
}


def waiting_requests(services: Services, person: Person, *, reasons: bool = True) -> Outcome:
    """Open requests by reference, programme, organisation, stage and age. `reasons` says
    why each wait-listed one waits, which re-matches it: too slow for a large pool's home
    surface, opened far more often than 'waiting' is asked (bench/bench_home.py)."""
    if not may_see_figures(person):
        return Outcome((Text("The list of waiting requests is for coordinators."),))
    store, now = services.store, services.clock.now()
    organisation_of = store.organisation_of_people()
    names = {o.id: o.name for o in store.list_organisations()}
    programmes = {p.id: p.name for p in store.list_programmes()}
    waiting = [
        r
        for r in store.list_requests(states=OPEN_STATES)
        if Role.COORDINATOR in person.roles
        or organisation_of.get(r.coachee_id) == person.organisation_id
    ]
    if not waiting:
        return Outcome((Text("No requests are waiting. Every request has a coach."),))
    shown = waiting[:25]
    why = waiting_reasons(services, shown) if reasons else {}

    def status(request: CoachingRequest) -> str:
        reason = why.get(request.id)
        label = _STATUS[request.state]
        return f"{label} ({reason.describe()})" if reason else label

    facts = tuple(
        Fact(
            f"Request {r.id}",
            f"{programmes.get(r.programme_id, '')}, "
            f"{names.get(organisation_of.get(r.coachee_id, 0), '')}: {status(r)}, "
            f"{(now - r.created_at).days} days",
        )
        for r in shown
    )
    more = f" Showing the oldest 25 of {len(waiting)}." if len(waiting) > 25 else ""
    if not reasons:
        more += " Say 'waiting' to see why each one on the waiting list waits."
    return Outcome(
        (
            Card(
                f"{plural(len(waiting), 'request')} waiting",
                facts,
                text="`coachpool match REQUEST_ID` shows why coaches were excluded." + more,
            ),
        )
    )
