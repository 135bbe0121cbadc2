"""Erasing a person on request: their coaching stops cleanly, then nothing identifies them.

One transaction: their open requests are withdrawn, open engagements end, future sessions
are cancelled, and whoever was coaching with them (or waiting on them) is told in a neutral
sentence that names no one. A cancelled session is cancelled as any other: the other person
gets its METHOD:CANCEL invite (naming only them) and the Outlook event is deleted where the
organisational calendar is on. Then the store removes or scrubs every trace (see
`Store.erase_person`). Held sessions stay, without a name, so hours and digests still add up.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from bot import keys
from bot.aftercare.schedule import schedule_calendar_removal
from bot.booking.next_coach import release_coach
from bot.calendar_invite import invite_for
from bot.domain import (
    CoachingRequest,
    Engagement,
    EngagementState,
    Person,
    RequestState,
    Session,
    SessionState,
)
from bot.domain.requests import AWAITING_ANSWER
from bot.notices import queue_outgoing
from bot.replies import Attachment, Outgoing, Text
from bot.requests.shortlist import offer_shortlist
from bot.requests.waitlist import rematch_waiting
from bot.services import Services

ENGAGEMENT_ENDED = "a pool member left the pool"
TO_COACHEE = (
    "Your coaching with a pool member has ended: they are no longer in the pool, so any "
    "sessions you had booked together are cancelled{removal}. If you'd like to carry on with "
    "another coach, just say 'coaching'."
)
TO_COACH = (
    "Your coaching with a pool member has ended: they are no longer in the pool, so any "
    "sessions you had booked together are cancelled{removal}. There's nothing you need to do."
)
REQUEST_WITHDRAWN = (
    "A coaching request you were asked about has been withdrawn, so there's no need to answer it."
)
REMOVAL = "; the attached cancellation takes it out of your calendar"
REMOVALS = "; the attached cancellations take them out of your calendar"
COACH_GONE = "The coach you chose is no longer in the pool, so I've looked for other coaches."


@dataclass(frozen=True)
class ErasureReport:
    person_id: int
    requests_withdrawn: int = 0
    engagements_ended: int = 0
    sessions_cancelled: int = 0
    people_told: int = 0

    def summary(self) -> str:
        return (
            f"Erased person {self.person_id}: {self.requests_withdrawn} open request(s) "
            f"withdrawn, {self.engagements_ended} engagement(s) ended, "
            f"{self.sessions_cancelled} future session(s) cancelled, {self.people_told} "
            "other person(s) told."
        )


def erase_person(services: Services, person: Person, *, by: str) -> ErasureReport:
    """Erase `person`. `by` says who asked (e.g. "command line"), for the audit log."""
    store, now = services.store, services.clock.now()
    news: list[Outgoing] = []
    withdrawn = ended = cancelled = 0
    # Events in an erased coach's own Outlook calendar: deleted after the commit (a network
    # call), with the coach as they were; the removal message a cancellation schedules would
    # be erased with the rest of what is addressed to them.
    coach_events: list[Session] = []
    with store.transaction():
        for request in store.list_requests(coachee_id=person.id):
            if request.state.is_open:
                news += _withdraw(services, request)
                withdrawn += 1
        for engagement in {
            e.id: e
            for e in store.list_engagements(coach_id=person.id)
            + store.list_engagements(coachee_id=person.id)
        }.values():
            if engagement.state is not EngagementState.CLOSED:
                gone = _end(services, engagement, erased=person)
                cancelled += len(gone)
                ended += 1
                coach_events += [s for s, _ in gone if s.coach_id == person.id]
                removals = [
                    invite_for(services, s, cancelled=True, without=person)
                    for s, was in gone
                    if was is SessionState.CONFIRMED  # its invite went out
                ]
                news.append(_told(engagement, erased=person, removals=removals))
        waiting = store.list_requests(chosen_coach_id=person.id, states=list(AWAITING_ANSWER))
        store.erase_person(person.id, at=now, by=by)
        # After the profile is withdrawn, so the erased coach is never matched again.
        for request in waiting:
            released = release_coach(services, request, coach_id=person.id)
            shortlist = offer_shortlist(services, released)
            news += [
                Outgoing(request.coachee_id, (Text(COACH_GONE), *shortlist.replies)),
                *shortlist.outgoing,
            ]
        news += rematch_waiting(services)  # the places their coaching and requests held
        queue_outgoing(store, tuple(news), now=now, origin=f"erasure:{person.id}")
    _delete_coach_events(services, coach_events, coach=person)
    return ErasureReport(
        person.id, withdrawn, ended, cancelled, people_told=len({n.person_id for n in news})
    )


def _withdraw(services: Services, request: CoachingRequest) -> list[Outgoing]:
    store, now = services.store, services.clock.now()
    store.update_request(
        dataclasses.replace(request, state=RequestState.WITHDRAWN, updated_at=now),
        expected=request.state,
    )
    store.cancel_scheduled(keys.request_prefix(request.id))
    if request.state in AWAITING_ANSWER and request.chosen_coach_id:
        return [Outgoing(request.chosen_coach_id, (Text(REQUEST_WITHDRAWN),))]
    return []


def _end(
    services: Services, engagement: Engagement, *, erased: Person
) -> list[tuple[Session, SessionState]]:
    """Close the engagement and cancel its sessions still to come: each cancelled, with the
    state it was in."""
    store, now = services.store, services.clock.now()
    store.update_engagement(
        dataclasses.replace(
            engagement,
            state=EngagementState.CLOSED,
            closed_at=now,
            close_reason=ENGAGEMENT_ENDED,
        ),
        expected=engagement.state,
    )
    cancelled: list[tuple[Session, SessionState]] = []
    for session in store.list_sessions(
        engagement_id=engagement.id, states=[SessionState.CONFIRMED, SessionState.PROPOSED]
    ):
        if session.window.start > now:
            gone = dataclasses.replace(
                session,
                state=SessionState.CANCELLED,
                cancelled_by=erased.id,
                cancelled_at=now,
                # As any cancellation: the CANCEL supersedes the invite people hold.
                calendar_sequence=session.calendar_sequence + 1,
            )
            store.update_session(gone, expected=session.state)
            store.cancel_scheduled(keys.session_prefix(session.id))
            if gone.coach_id != erased.id:
                schedule_calendar_removal(services, gone)
            cancelled.append((gone, session.state))
    request = store.get_request(engagement.request_id)
    if request is not None and request.state is not RequestState.CLOSED:
        store.update_request(
            dataclasses.replace(request, state=RequestState.CLOSED, updated_at=now),
            expected=request.state,
        )
    return cancelled


def _told(engagement: Engagement, *, erased: Person, removals: list[Attachment]) -> Outgoing:
    removal = "" if not removals else REMOVAL if len(removals) == 1 else REMOVALS
    if erased.id == engagement.coach_id:
        said = TO_COACHEE.format(removal=removal)
        return Outgoing(engagement.coachee_id, (Text(said), *removals))
    return Outgoing(engagement.coach_id, (Text(TO_COACH.format(removal=removal)), *removals))


def _delete_coach_events(services: Services, sessions: list[Session], *, coach: Person) -> None:
    """Out of the erased coach's Outlook calendar (Graph sends the attendee Outlook's own
    cancellation). A calendar never raises: the .ics cancellations stand either way."""
    if services.calendar is None:
        return
    for session in sessions:
        if session.calendar_event_id:
            services.calendar.delete_event(session, coach=coach)
