"""What a person can see on request: help, their sessions, requests, offers, availability."""

from __future__ import annotations

from bot.actions import action_value
from bot.booking.booking import coach_offer
from bot.booking.live_times import refresh_offer
from bot.domain import EngagementState, Person, RequestState, Role, SessionState
from bot.domain.people import zone_of
from bot.messages import Outcome
from bot.replies import Card, Choice, Choices, Fact, Reply, Text
from bot.requests.amend import CHANGEABLE
from bot.services import Services
from bot.session_cards import session_card
from bot.text_format import local_date
from bot.verbs import EngagementVerb, RequestVerb

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def help_text(person: Person) -> str:
    lines = [
        f"Hello {person.first_name}! I match people with a trained coach from another "
        "organisation in the pool, free of charge. You can say:",
        "• what you'd like coaching on, e.g. 'coaching on leading my team through a "
        "restructure, Tuesday afternoons, online'",
        "• 'sessions' to see and change your booked sessions",
        "• 'my requests' to see, change or withdraw a request",
    ]
    if Role.COACH in person.roles:
        lines += [
            "• 'pending' to see coaching requests waiting for your answer",
            "• 'availability' to see or change your weekly times, or to pause",
            "• 'profile' to see or change your bio, specialisms, capacity, formats and places",
        ]
    if Role.SPONSOR in person.roles:
        lines.append("• 'approvals' to see coaching waiting for your approval as a line manager")
    if person.roles & {Role.COORDINATOR, Role.ORG_LEAD}:
        lines += [
            "• 'digest' for last week's figures ('digest this week' for this week so far)",
            "• 'waiting' for the requests still waiting for a coach",
            "• 'dashboard' for a one-time sign-in link to the web dashboard",
        ]
    lines.append("At any question, 'back' goes back, 'cancel' stops and 'help' explains.")
    return "\n".join(lines)


def sessions(services: Services, person: Person) -> Outcome:
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


def requests(services: Services, person: Person) -> Outcome:
    store = services.store
    mine = [r for r in store.list_requests(coachee_id=person.id) if r.state.is_open]
    if not mine:
        return Outcome(
            (Text("You have no open requests. Tell me what you'd like coaching on to start one."),)
        )
    zone = zone_of(person, services.settings.pool_timezone)
    replies: list[Reply] = []
    for request in mine:
        programme = store.get_programme(request.programme_id)
        facts = [
            Fact("Programme", programme.name if programme else ""),
            Fact("Coaching on", request.topic),
            Fact("Made on", local_date(request.created_at, zone, now=services.clock.now())),
            Fact("Status", _status(services, request.state, request.chosen_coach_id)),
        ]
        change = (
            (Choice("Change it", action_value(RequestVerb.CHANGE, request.id)),)
            if request.state in CHANGEABLE
            else ()
        )
        withdraw = Choice(
            "Withdraw", action_value(EngagementVerb.WITHDRAW, request.id), style="danger"
        )
        replies.append(Card(f"Request {request.id}", tuple(facts), actions=(*change, withdraw)))
    return Outcome(tuple(replies))


def _status(services: Services, state: RequestState, coach_id: int | None) -> str:
    coach = services.store.get_person(coach_id) if coach_id else None
    return {
        RequestState.OPEN: "looking for coaches",
        RequestState.SHORTLISTED: "waiting for you to choose a coach",
        RequestState.WAITING_COACH: f"waiting for {coach.name if coach else 'the coach'} to answer",
        RequestState.WAITING_COACHEE: "waiting for you to pick one of the times "
        f"{coach.name if coach else 'your coach'} proposed",
        RequestState.WAITLISTED: "on the waiting list",
    }.get(state, state.value)


def pending_offers(services: Services, person: Person) -> Outcome:
    waiting = services.store.list_requests(
        chosen_coach_id=person.id, states=[RequestState.WAITING_COACH]
    )
    if not waiting:
        return Outcome((Text("No requests are waiting for your answer."),))
    replies: list[Reply] = []
    for request in waiting:
        live = refresh_offer(services, request, person)  # an old offer's times may have gone
        replies += coach_offer(services, live, person, list(live.offered_slots))
    return Outcome(tuple(replies))


def availability(services: Services, person: Person) -> Outcome:
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
