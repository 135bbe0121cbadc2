"""What happened in one slice that another slice reacts to.

A slice never imports another to make it react: it publishes one of these through the door
(`CoachingBot.publish`; `ctx.publish` in a handler of what a person did, `turn.publish` in a
conversation step), and the slices that care
subscribe in their `register` (`registry.subscribe(SessionBooked, handler)`). The subscribers
run at once, inside the publisher's store transaction, and their `Outcome` comes back to the
publisher, which says and queues it as it would its own: what the state change made true is
committed with it. Each event is named for what happened, not for who reacts; every one here
has at least one subscriber (tests/test_registry.py), since an event nobody hears is a bug.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.domain import CoachingRequest, Engagement, Person, Session
from bot.messages import Outcome


@dataclass(frozen=True)
class Event:
    """What every event is: published through the door, heard by its subscribers."""


@dataclass(frozen=True)
class SessionBooked(Event):
    """A session was confirmed: the first of a request, or the next of an engagement."""

    session: Session


@dataclass(frozen=True)
class SessionMoved(Event):
    """A confirmed session moved to another time (its calendar sequence already raised)."""

    session: Session


@dataclass(frozen=True)
class SessionCancelled(Event):
    """A session was cancelled, and its own scheduled messages already stopped."""

    session: Session


@dataclass(frozen=True)
class EngagementClosed(Event):
    """An engagement closed (its allowance used, ended by either side, or too many sessions
    missed): `engagement` as closed, its future sessions already cancelled."""

    engagement: Engagement


@dataclass(frozen=True)
class PlaceFreed(Event):
    """A place may have opened for a waiting request: an engagement closed, a request was
    withdrawn, a coach resumed or changed their times or profile."""


@dataclass(frozen=True)
class MeetingRoomChanged(Event):
    """A coach's online meeting room changed from `old` to `new` (both links)."""

    coach: Person
    old: str
    new: str


@dataclass(frozen=True)
class RequestBackToChoosing(Event):
    """A request went back to the coachee choosing a coach: they passed on every coach
    offered, or the chosen coach declined, ran out of time or left the pool (the coaches
    not to offer again are in `request.declined_coach_ids`)."""

    request: CoachingRequest


# How a slice's code reaches the door when all it has is a conversation turn.
Publish = Callable[[Event], Outcome]


def event_types() -> tuple[type[Event], ...]:
    """Every kind of event there is (the subclasses of `Event` defined here)."""
    return tuple(Event.__subclasses__())
