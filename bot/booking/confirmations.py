"""Booking confirmations: a card and an .ics invite for each party, in their own zone."""

from __future__ import annotations

import dataclasses

from bot.actions import action_value
from bot.calendar_invite import session_invite
from bot.domain import Engagement, EngagementState, Person, Session
from bot.messages import Outcome
from bot.replies import Attachment, Choice, Choices, Outgoing, Reply, Text
from bot.services import Services
from bot.session_cards import session_card
from bot.verbs import EngagementVerb

LEFT_POOL = "a pool member"


def invite_for(
    services: Services,
    session: Session,
    *,
    cancelled: bool = False,
    without: Person | None = None,
) -> Attachment:
    """The session's calendar invite as it stands (an update after a move, a CANCEL once
    cancelled): the same for both people. `without`, a person being erased, is neither
    named in the title nor an attendee, so the invite kept for the other holds nothing of
    them (its UID, a hash, still matches the entry in their calendar), nor the place or
    link, which erasure blanks too."""
    store = services.store
    if without is not None:
        session = dataclasses.replace(session, location="", meeting_link="")
    coach, coachee = store.get_person(session.coach_id), store.get_person(session.coachee_id)
    assert coach is not None and coachee is not None
    gone = without.id if without is not None else None
    names = [LEFT_POOL if p.id == gone else p.name for p in (coach, coachee)]
    return session_invite(
        session,
        coach=coach,
        coachee=coachee,
        stamp=services.clock.now(),
        title=f"Coaching: {names[0]} and {names[1]}",
        location=session.location or "Online",
        organizer=services.settings.invite_organizer,
        organizer_name=services.settings.pool_name,
        cancelled=cancelled,
        left_out=without,
    )


def booking_confirmations(
    services: Services, session: Session, engagement: Engagement, *, actor: Person
) -> Outcome:
    store = services.store
    coach, coachee = store.get_person(session.coach_id), store.get_person(session.coachee_id)
    assert coach is not None and coachee is not None
    invite = invite_for(services, session)
    awaiting = engagement.state is EngagementState.AWAITING_SPONSOR and engagement.sponsor_id
    sponsor = store.get_person(engagement.sponsor_id or 0) if awaiting else None

    def replies_for(viewer: Person) -> tuple[Reply, ...]:
        card = session_card(services, session, viewer=viewer, title="Your session is booked")
        if sponsor is None:
            return (card, invite)
        # Said now, so that the sponsor's approval, when it comes, is news they expect.
        whose = "your" if viewer.id == coachee.id else f"{coachee.first_name}'s"
        note = Text(
            f"{sponsor.name}, {whose} line manager, is asked to approve the coaching; "
            "I'll tell you when they have."
        )
        return (card, note, invite)

    mine = replies_for(actor)
    other = coachee if actor.id == coach.id else coach
    outgoing = [Outgoing(other.id, replies_for(other))]
    if engagement.state is EngagementState.AWAITING_SPONSOR and engagement.sponsor_id:
        outgoing.append(Outgoing(engagement.sponsor_id, sponsor_request(services, engagement)))
    return Outcome(mine, tuple(outgoing))


def sponsor_request(services: Services, engagement: Engagement) -> tuple[Reply, ...]:
    store = services.store
    coachee, programme = (
        store.get_person(engagement.coachee_id),
        store.get_programme(engagement.programme_id),
    )
    assert coachee is not None and programme is not None
    return (
        Choices(
            f"{coachee.name} has been matched with a coach in {programme.name} (up to "
            f"{engagement.sessions_allowed} sessions). As their line manager, do you support this "
            "coaching? The content of the sessions stays confidential between coach and coachee. "
            "'I have concerns' tells the pool coordinators, who will call you; say 'approvals' "
            "any time to see what waits for you.",
            (
                Choice(
                    "Approve", action_value(EngagementVerb.APPROVE, engagement.id), style="primary"
                ),
                Choice("I have concerns", action_value(EngagementVerb.REFUSE, engagement.id)),
            ),
        ),
    )
