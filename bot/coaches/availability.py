"""A coach changes their weekly availability, or pauses taking coachees.

Diagram: availability.mmd. Weekly times can be typed as a coordinator would
("Mon 09:00-12:00; Thu 13:00-17:00") or in plain words ("Tuesday and Thursday
afternoons"); either way the bot shows the pattern it understood before saving.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import time

from bot.conversation_names import CoachConversation
from bot.domain.audit import AuditEntry
from bot.domain.coaches import WeeklySlot
from bot.engine import Conversation, Finish, Goto, Retry, Transition, Turn
from bot.events import MeetingRoomChanged, PlaceFreed
from bot.meeting_links import meeting_link
from bot.messages import Outcome
from bot.pool.availability import AvailabilityError, format_weekly, parse_weekly
from bot.replies import Choice, Choices, Reply, Text
from bot.step_answers import YES_WORDS, person_zone
from bot.when import parse_when


def weekly_from_words(turn: Turn, text: str) -> tuple[WeeklySlot, ...]:
    """Plain words to a weekly pattern: the weekdays and local times of what they describe
    ("Tuesday and Thursday afternoons" gives Tue and Thu 13:00-17:00)."""
    result = parse_when(
        f"every {text}" if not text.lower().startswith("every") else text,
        now=turn.services.clock.now(),
        tz=person_zone(turn),
        horizon_weeks=2,
    )
    slots: set[WeeklySlot] = set()
    today = turn.services.clock.now().astimezone(person_zone(turn)).date()
    for window in result.windows:
        start, end = (
            window.start.astimezone(person_zone(turn)),
            window.end.astimezone(person_zone(turn)),
        )
        if start.date() == today or (start.date() != end.date() and end.time() != time(0)):
            continue  # today's may be cut short by the hour; overnight spans aren't coaching time
        slots.add(
            WeeklySlot(
                start.weekday(), start.time(), end.time() if end.time() != time(0) else time(23, 59)
            )
        )
    return tuple(sorted(slots))


@dataclass(frozen=True)
class WeeklyStep:
    name: str = "weekly"
    help: str = (
        "Give your usual weekly times, e.g. 'Mon 09:00-12:00; Thu 13:00-17:00' or "
        "'Tuesday and Thursday afternoons'. Times are in your own time zone."
    )

    def prompt(self, turn: Turn) -> list[Reply]:
        profile = turn.services.store.get_coach(turn.person.id)
        current = format_weekly(profile.weekly) if profile and profile.weekly else "none set"
        return [
            Text(
                f"Your weekly availability is now: {current}, in your time zone "
                f"({turn.person.timezone}). What should it be? For example "
                "'Mon 09:00-12:00; Thu 13:00-17:00' or 'Tuesday and Thursday afternoons'."
            )
        ]

    def handle(self, turn: Turn) -> Transition:
        text = turn.incoming.said
        try:
            slots = parse_weekly(text)
        except AvailabilityError as error:
            slots = weekly_from_words(turn, text)
            if not slots:
                return Retry((Text(f"Sorry, I couldn't read that as weekly times ({error})."),))
        turn.data["weekly"] = format_weekly(slots)
        return Goto("confirm")


@dataclass(frozen=True)
class ConfirmWeeklyStep:
    name: str = "confirm"
    help: str = "Choose Save to keep the new times, or say 'back' to change them."

    def prompt(self, turn: Turn) -> list[Reply]:
        return [
            Choices(
                f"From now on: {turn.data['weekly']} ({turn.person.timezone}). Save?",
                (Choice("Save", "yes", style="primary"), Choice("Change them", "no")),
            )
        ]

    def handle(self, turn: Turn) -> Transition:
        said = turn.incoming.said.lower().strip(" .!")
        if said in {"no", "change them", "change"}:
            return Goto("weekly")
        if said not in YES_WORDS:
            return Retry((Text("Please choose Save or Change them."),))
        store, now = turn.services.store, turn.services.clock.now()
        profile = store.get_coach(turn.person.id)
        if profile is None:
            return Finish(Outcome((Text("You don't have a coach profile any more."),)))
        with store.transaction():
            store.save_coach(dataclasses.replace(profile, weekly=parse_weekly(turn.data["weekly"])))
            store.audit(
                AuditEntry(
                    now,
                    turn.person.id,
                    "coach.availability",
                    f"person:{turn.person.id}",
                    turn.data["weekly"],
                )
            )
            freed = turn.publish(PlaceFreed())  # new times may suit someone waiting
        return Finish(
            Outcome(
                (
                    Text(
                        "Saved. New requests will be matched to these times; "
                        "sessions already booked stay as they are."
                    ),
                ),
            )
            + freed
        )


@dataclass(frozen=True)
class PauseReasonStep:
    name: str = "reason"
    help: str = "A few words, e.g. 'on leave until January'. Only coordinators see it."

    def prompt(self, turn: Turn) -> list[Reply]:
        return [
            Text(
                "While you're paused you won't be offered new coachees; your current "
                "coachees and booked sessions stay as they are. What's the reason? "
                "(e.g. 'on leave until January'; only coordinators see it)"
            )
        ]

    def handle(self, turn: Turn) -> Transition:
        reason = turn.incoming.said.strip()[:200]
        if len(reason) < 2:
            return Retry((Text("A few words are enough."),))
        store, now = turn.services.store, turn.services.clock.now()
        profile = store.get_coach(turn.person.id)
        if profile is None:
            return Finish(Outcome((Text("You don't have a coach profile any more."),)))
        with store.transaction():
            store.save_coach(dataclasses.replace(profile, paused=True, pause_reason=reason))
            store.audit(
                AuditEntry(now, turn.person.id, "coach.paused", f"person:{turn.person.id}", reason)
            )
        return Finish(
            Outcome((Text("Paused. Say 'availability' and choose Resume when you're back."),))
        )


AVAILABILITY = Conversation(
    name=CoachConversation.AVAILABILITY,
    steps={"weekly": WeeklyStep(), "confirm": ConfirmWeeklyStep()},
    first_step=lambda turn: "weekly",
    on_cancel="Okay, your availability is unchanged.",
)
PAUSE = Conversation(
    name=CoachConversation.PAUSE,
    steps={"reason": PauseReasonStep()},
    first_step=lambda turn: "reason",
    on_cancel="Okay, you're still taking coachees.",
)


@dataclass(frozen=True)
class MeetingLinkStep:
    name: str = "link"
    help: str = "Paste the web address of your usual Teams or Zoom meeting, starting https://."

    def prompt(self, turn: Turn) -> list[Reply]:
        profile = turn.services.store.get_coach(turn.person.id)
        current = profile.meeting_link if profile and profile.meeting_link else "none yet"
        return [
            Text(
                f"Your online meeting room is: {current}. Paste the link to use for online "
                "sessions from now on (or say 'none' to remove it)."
            )
        ]

    def handle(self, turn: Turn) -> Transition:
        said = turn.incoming.said.strip()
        try:
            link = "" if said.lower() in {"none", "remove", "no"} else meeting_link(said)
        except ValueError as error:
            return Retry((Text(f"Sorry, {error}."),))
        store, now = turn.services.store, turn.services.clock.now()
        profile = store.get_coach(turn.person.id)
        if profile is None:
            return Finish(Outcome((Text("You don't have a coach profile any more."),)))
        with store.transaction():
            store.save_coach(dataclasses.replace(profile, meeting_link=link))
            store.audit(
                AuditEntry(now, turn.person.id, "coach.meeting_link", f"person:{turn.person.id}")
            )
            # The sessions booked in the old room move too: one updated invite each.
            moved = turn.publish(
                MeetingRoomChanged(turn.person, old=profile.meeting_link, new=link)
            )
        if not link:
            return Finish(
                Outcome((Text("Removed. Sessions already booked keep the link they were sent."),))
            )
        done = "Saved: new online sessions will use it."
        if count := len(moved.replies):
            done += (
                f" Your {count} booked online {'session' if count == 1 else 'sessions'} in your "
                "old room now use it too: the reminders will carry the new link, and I've sent "
                "your coachees the change with updated calendar entries (attached for you)."
            )
        return Finish(Outcome((Text(done),)) + moved)


MEETING_LINK = Conversation(
    name=CoachConversation.MEETING_LINK,
    steps={"link": MeetingLinkStep()},
    first_step=lambda turn: "link",
    on_cancel="Okay, your meeting link is unchanged.",
)
