"""A coach's new online room reaches the sessions already booked in the old one, so every
reminder, card and calendar entry from now on carries the link that works. The coaches
slice saves the new room and publishes `MeetingRoomChanged`; this answers it."""

from __future__ import annotations

import dataclasses

from bot.calendar_invite import invite_for
from bot.domain import Person, SessionState
from bot.events import MeetingRoomChanged
from bot.messages import Outcome
from bot.registry import Door
from bot.replies import Attachment, Outgoing, Text
from bot.services import Services
from bot.session_cards import session_card
from bot.session_place import ONLINE


def room_changed(bot: Door, event: MeetingRoomChanged) -> Outcome:
    """The sessions moved to the new room: the coach's updated invites, one for each moved
    session, as replies; each coachee's news, with their updated invite, as outgoing."""
    if not event.new:
        return Outcome()  # a removed link: booked sessions keep the one they were sent
    _, invites, news = move_booked_sessions(bot.services, event.coach, old=event.old, new=event.new)
    return Outcome(invites, news)


def move_booked_sessions(
    services: Services, coach: Person, *, old: str, new: str
) -> tuple[int, tuple[Attachment, ...], tuple[Outgoing, ...]]:
    """Future online sessions that meet in the coach's old room move to `new`; a link a
    calendar made for one session stays. Returns how many moved, the coach's updated
    invites, and each coachee's news with their updated invite."""
    store, now = services.store, services.clock.now()
    moved = [
        dataclasses.replace(s, meeting_link=new, calendar_sequence=s.calendar_sequence + 1)
        for s in store.list_sessions(
            person_id=coach.id, states=[SessionState.CONFIRMED], starting_from=now
        )
        if s.coach_id == coach.id and s.location == ONLINE and s.meeting_link == old and old
    ]
    invites: list[Attachment] = []
    news: list[Outgoing] = []
    for session in moved:
        store.update_session(session, expected=SessionState.CONFIRMED)
        coachee = store.get_person(session.coachee_id)
        invite = invite_for(services, session)
        invites.append(invite)
        if coachee is None or coachee.erased:
            continue
        card = session_card(
            services, session, viewer=coachee, title="New link for your coaching session"
        )
        note = Text(f"{coach.name} has a new online meeting room; use this link to join.")
        news.append(Outgoing(coachee.id, (note, card, invite)))
    return len(moved), tuple(invites), tuple(news)
