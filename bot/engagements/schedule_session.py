"""Booking the next session of an engagement, or moving one: when → pick a time → booked.

Diagram: schedule_session.mmd. Either party may run it; the other is told.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.bookable import in_bookable_range, slots_for
from bot.calendar_invite import invite_for
from bot.conversation_names import EngagementConversation
from bot.domain import EngagementState, Session, SessionKind, SessionState
from bot.domain.audit import AuditEntry
from bot.domain.lifecycles.session import SESSION
from bot.domain.people import zone_of
from bot.domain.timewindow import TimeWindow
from bot.engine import Conversation, Finish, Goto, Retry, Transition, Turn
from bot.events import SessionBooked, SessionMoved
from bot.messages import Outcome
from bot.ports.errors import SlotTaken
from bot.replies import Choice, Choices, Outgoing, Reply, Text
from bot.session_cards import session_card
from bot.session_place import next_session_place
from bot.step_answers import read_times
from bot.text_format import local_time
from bot.text_hygiene import small_number


def _parties(turn: Turn) -> tuple[int, int]:
    engagement = turn.services.store.get_engagement(int(turn.data["engagement_id"]))
    assert engagement is not None
    return engagement.coach_id, engagement.coachee_id


@dataclass(frozen=True)
class WhenStep:
    name: str = "when"
    help: str = "Say roughly when suits you, e.g. 'next week', 'Thursday afternoon', '3/12 at 10'."

    def prompt(self, turn: Turn) -> list[Reply]:
        return [Text("When would suit you? For example 'next week' or 'Thursday afternoon'.")]

    def handle(self, turn: Turn) -> Transition:
        services, store = turn.services, turn.services.store
        zone = zone_of(turn.person, services.settings.pool_timezone)
        wanted = read_times(turn, tz=zone)
        if isinstance(wanted, Retry):
            return wanted
        coach_id, coachee_id = _parties(turn)
        coach, coachee = store.get_person(coach_id), store.get_person(coachee_id)
        engagement = store.get_engagement(int(turn.data["engagement_id"]))
        programme = store.get_programme(engagement.programme_id) if engagement else None
        assert coach is not None and coachee is not None and programme is not None
        slots = slots_for(
            services,
            coach=coach,
            coachee=coachee,
            programme=programme,
            wanted=wanted,
            limit=4,
        )
        if not slots:
            return Retry(
                (
                    Text(
                        "Sorry, there's no time then when you're both free. Could you try "
                        "other days or times?"
                    ),
                )
            )
        turn.data["slots"] = [int(s.start.timestamp()) for s in slots]
        turn.data["slot_minutes"] = programme.session_minutes
        return Goto("pick")


@dataclass(frozen=True)
class PickStep:
    name: str = "pick"
    help: str = "Choose one of the times, or say 'back' to give other days."

    def prompt(self, turn: Turn) -> list[Reply]:
        zone = zone_of(turn.person, turn.services.settings.pool_timezone)
        options = tuple(
            Choice(
                local_time(
                    datetime.fromtimestamp(start, tz=UTC), zone, now=turn.services.clock.now()
                ),
                f"slot:{start}",
            )
            for start in turn.data["slots"]
        )
        return [Choices("These times are free for you both. Which one?", options)]

    def handle(self, turn: Turn) -> Transition:
        said = small_number(turn.incoming.said.removeprefix("slot:"), digits=12)
        if said is None or said not in turn.data["slots"]:
            return Retry((Text("Please choose one of the times shown, or say 'back'."),))
        window = _window(turn, said)
        if not in_bookable_range(turn.services, window):
            # The list was made earlier (a turn can be answered days later): keep what's live.
            turn.data["slots"] = [
                s for s in turn.data["slots"] if in_bookable_range(turn.services, _window(turn, s))
            ]
            sorry = "Sorry, that time has already passed."
            if not turn.data["slots"]:
                return Goto("when", (Text(sorry + " Let's look at other days."),))
            return Retry((Text(sorry + " Here are the times still to come."),))
        try:
            return Finish(_book(turn, window))
        except SlotTaken:
            turn.data["slots"] = [s for s in turn.data["slots"] if s != said]
            if not turn.data["slots"]:
                return Goto(
                    "when", (Text("Sorry, that time has just gone. Let's look at other days."),)
                )
            return Retry((Text("Sorry, that time has just gone. Here are the others."),))


def _window(turn: Turn, start: int) -> TimeWindow:
    begins = datetime.fromtimestamp(start, tz=UTC)
    return TimeWindow(begins, begins + timedelta(minutes=int(turn.data["slot_minutes"])))


def _book(turn: Turn, window: TimeWindow) -> Outcome:
    services, store, now = turn.services, turn.services.store, turn.services.clock.now()
    engagement = store.get_engagement(int(turn.data["engagement_id"]))
    assert engagement is not None
    if engagement.state is EngagementState.CLOSED:
        return Outcome((Text("This coaching has ended, so I can't book another session."),))
    moving = turn.data.get("session_id")
    with store.transaction():
        if moving:
            old = store.get_session(int(moving))
            assert old is not None
            session = dataclasses.replace(
                old, window=window, calendar_sequence=old.calendar_sequence + 1
            )
            store.update_session(session)
            action, title = "session.rescheduled", "Your session has moved"
        else:
            location, meeting_link = next_session_place(services, engagement)
            session = store.add_session(
                Session(
                    id=0,
                    engagement_id=engagement.id,
                    coach_id=engagement.coach_id,
                    coachee_id=engagement.coachee_id,
                    window=window,
                    state=SESSION.started(SessionState.CONFIRMED),
                    kind=SessionKind.COACHING,
                    location=location,
                    meeting_link=meeting_link,
                )
            )
            action, title = "session.confirmed", "Your next session is booked"
        # Its reminders and feedback, moved with it when it moved.
        armed = turn.publish(SessionMoved(session) if moving else SessionBooked(session))
        store.audit(AuditEntry(now, turn.person.id, action, f"session:{session.id}"))
    other_id = (
        engagement.coachee_id if turn.person.id == engagement.coach_id else engagement.coach_id
    )
    other = store.get_person(other_id)
    assert other is not None
    note = Text(
        f"{turn.person.name} {'moved' if moving else 'booked'} a coaching session with you."
    )
    invite = invite_for(services, session)  # an update of the same entry when it moved
    return (
        Outcome(
            (session_card(services, session, viewer=turn.person, title=title), invite),
            (
                Outgoing(
                    other.id,
                    (note, session_card(services, session, viewer=other, title=title), invite),
                ),
            ),
        )
        + armed
    )


SCHEDULE_SESSION = Conversation(
    name=EngagementConversation.SCHEDULE_SESSION,
    steps={"when": WhenStep(), "pick": PickStep()},
    first_step=lambda turn: "when",
    on_cancel="Okay, nothing has been booked or changed.",
)
