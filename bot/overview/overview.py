"""What a person can see on request that no other slice owns: their booked sessions, and a
coach's availability. Other listings are their slices' own, registered as commands."""

from __future__ import annotations

from bot.actions import action_value
from bot.domain import EngagementState, Person, Role, SessionState
from bot.domain.people import zone_of
from bot.messages import Outcome
from bot.registry import Context
from bot.replies import Card, Choice, Choices, Fact, Reply, Text
from bot.services import Services
from bot.session_cards import session_card
from bot.text_format import local_date
from bot.verbs import EngagementVerb

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def sessions(ctx: Context) -> Outcome:
    services, person = ctx.services, ctx.person
    store, now = services.store, services.clock.now()
    upcoming = store.list_sessions(
        person_id=person.id, states=[SessionState.CONFIRMED], starting_from=now
    )
    replies: list[Reply] = []
    if not upcoming:
        replies.append(Text("You have no sessions booked."))
    else:
        replies.append(Text(f"Your next {'session' if len(upcoming) == 1 else 'sessions'}:"))
        replies += [
            session_card(services, s, viewer=person, title="Coaching session")
            for s in upcoming[:10]
        ]
    active = [
        e
        for e in store.list_engagements(coach_id=person.id)
        + store.list_engagements(coachee_id=person.id)
        if e.state is EngagementState.ACTIVE
    ]
    options = []
    for engagement in active:
        other = store.get_person(
            engagement.coachee_id if engagement.coach_id == person.id else engagement.coach_id
        )
        name = other.name if other else "your coaching"
        options.append(
            Choice(f"Book a session with {name}", action_value(EngagementVerb.BOOK, engagement.id))
        )
        options.append(
            Choice(
                f"End coaching with {name}",
                action_value(EngagementVerb.END, engagement.id),
                style="danger",
            )
        )
    if Role.COACH in person.roles:
        options += _attendance_options(services, person)
    if options:
        replies.append(Choices("Anything else?", tuple(options)))
    return Outcome(tuple(replies))


def _attendance_options(services: Services, person: Person) -> list[Choice]:
    """Past confirmed sessions a coach hasn't recorded yet."""
    store, now = services.store, services.clock.now()
    zone = zone_of(person, services.settings.pool_timezone)
    options = []
    for session in store.list_sessions(person_id=person.id, states=[SessionState.CONFIRMED]):
        if session.coach_id == person.id and session.window.end <= now:
            day = local_date(session.window.start, zone, now=now)
            options.append(Choice(f"{day}: held", action_value(EngagementVerb.HELD, session.id)))
            options.append(
                Choice(f"{day}: no-show", action_value(EngagementVerb.NO_SHOW, session.id))
            )
    return options


def availability(ctx: Context) -> Outcome:
    services, person = ctx.services, ctx.person
    profile = services.store.get_coach(person.id)
    if profile is None:
        return Outcome((Text("Availability is for coaches; you don't have a coach profile."),))
    slots = [
        f"{_WEEKDAYS[s.weekday]} {s.start:%H:%M}–{s.end:%H:%M}" for s in sorted(profile.weekly)
    ]
    facts = [
        Fact("Weekly", ", ".join(slots) or "none set"),
        Fact(
            "Capacity",
            f"{profile.max_coachees} coachees, {profile.max_hours_per_month:g} hours a month",
        ),
        Fact("Online room", profile.meeting_link or "not set"),
        Fact("Status", f"paused: {profile.pause_reason}" if profile.paused else "taking coachees"),
    ]
    pause_or_resume = (
        Choice("Resume taking coachees", action_value(EngagementVerb.RESUME), style="primary")
        if profile.paused
        else Choice("Pause (leave, supervision)", action_value(EngagementVerb.PAUSE))
    )
    card = Card(
        "Your availability",
        tuple(facts),
        text=f"Times are in your time zone ({person.timezone}).",
        actions=(
            Choice("Change my weekly times", action_value(EngagementVerb.AVAILABILITY)),
            Choice("Set my online meeting link", action_value(EngagementVerb.MEETING_LINK)),
            pause_or_resume,
        ),
    )
    return Outcome((card,))
