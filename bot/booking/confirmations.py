"""Booking confirmations: a card and an .ics invite for each party, in their own zone."""

from __future__ import annotations

from bot.actions import action_value
from bot.calendar_invite import invite_for
from bot.domain import Engagement, EngagementState, Person, Session
from bot.messages import Outcome
from bot.replies import Choice, Choices, Outgoing, Reply, Text
from bot.services import Services
from bot.session_cards import session_card
from bot.verbs import EngagementVerb


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
