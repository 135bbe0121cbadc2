"""What a session's scheduled messages say when they fall due: each is a timer
(`(bot, message) -> Outcome`, run by the door in one transaction). Each re-reads the store,
so a message whose moment has passed (a cancelled session, a prompt already answered)
lapses quietly."""

from __future__ import annotations

import dataclasses

from bot.actions import action_value
from bot.aftercare.evaluation_form import already_evaluated
from bot.aftercare.feedback_form import already_given
from bot.domain import Person, Session, SessionState
from bot.domain.outbox import OutboxMessage
from bot.domain.people import zone_of
from bot.messages import Outcome
from bot.registry import Door
from bot.replies import Choice, Choices, Outgoing, Text
from bot.services import Services
from bot.session_cards import attendance_choices, session_card
from bot.verbs import AftercareVerb
from bot.when import describe_window


def _session_and_person(
    services: Services, message: OutboxMessage
) -> tuple[Session, Person] | None:
    store = services.store
    session = store.get_session(int(message.payload["session_id"]))
    person = store.get_person(message.recipient_id)
    if session is None or person is None or person.erased:
        return None
    return session, person


def _other(services: Services, session: Session, person: Person) -> Person | None:
    other = session.coachee_id if person.id == session.coach_id else session.coach_id
    return services.store.get_person(other)


def render_reminder(bot: Door, message: OutboxMessage) -> Outcome:
    services = bot.services
    found = _session_and_person(services, message)
    if found is None or found[0].state is not SessionState.CONFIRMED:
        return Outcome()
    session, person = found
    if services.clock.now() >= session.window.start:
        # Delivered late (no dispatcher ran in time): a reminder after the start misleads.
        return Outcome()
    hours = int(message.payload.get("hours", 24))
    when = "in an hour" if hours == 1 else f"in {hours} hours"
    if hours == 24:
        when = "tomorrow"
    card = session_card(
        services, session, viewer=person, title=f"Reminder: your coaching session is {when}"
    )
    return Outcome((card,))


def render_attendance(bot: Door, message: OutboxMessage) -> Outcome:
    """Asks the coach whether the session was held: this is what counts hours delivered."""
    services = bot.services
    found = _session_and_person(services, message)
    if found is None or found[0].state is not SessionState.CONFIRMED:
        return Outcome()
    session, coach = found
    coachee = _other(services, session, coach)
    name = coachee.first_name if coachee else "your coachee"
    when = describe_window(
        session.window,
        zone_of(coach, services.settings.pool_timezone),
        now=services.clock.now(),
    )
    opener = "A gentle reminder: " if message.kind.endswith("followup") else ""
    prompt = Choices(
        f"{opener}How did your session with {name} go ({when})? Recording it counts the "
        "hours for your organisation.",
        attendance_choices(session, name),
    )
    return Outcome((prompt,))


def render_feedback_prompt(bot: Door, message: OutboxMessage) -> Outcome:
    services = bot.services
    found = _session_and_person(services, message)
    if found is None:
        return Outcome()
    session, coachee = found
    if session.state not in {SessionState.CONFIRMED, SessionState.HELD}:
        return Outcome()
    if already_given(services, session, coachee):
        return Outcome()
    coach = _other(services, session, coachee)
    name = coach.first_name if coach else "your coach"
    opener = (
        "Just a gentle nudge, in case my last message got buried. "
        if message.kind.endswith("followup")
        else ""
    )
    prompt = Choices(
        f"{opener}How was your session with {name}? Four quick questions; only anonymous "
        "totals are shared with the pool.",
        (
            Choice(
                "Give feedback", action_value(AftercareVerb.FEEDBACK, session.id), style="primary"
            ),
        ),
    )
    return Outcome((prompt,))


def render_final_evaluation(bot: Door, message: OutboxMessage) -> Outcome:
    services = bot.services
    store = services.store
    engagement = store.get_engagement(int(message.payload["engagement_id"]))
    person = store.get_person(message.recipient_id)
    if engagement is None or person is None or person.erased:
        return Outcome()
    if already_evaluated(services, engagement, person):
        return Outcome()
    prompt = Choices(
        "Your coaching has finished. Two last questions, to help the pool do better?",
        (
            Choice(
                "Give my evaluation",
                action_value(AftercareVerb.EVALUATE, engagement.id),
                style="primary",
            ),
        ),
    )
    return Outcome((prompt,))


def render_calendar_event(bot: Door, message: OutboxMessage) -> Outcome:
    """Outside the booking's transaction and any other (the calendar is a network call:
    registered with `calls_out`): the session goes into the coach's calendar (or, moved, its
    event moves) and, if that made an online meeting, both get its link, queued as news by
    the door just after the event's id is recorded, so a failed send is retried on its own."""
    services = bot.services
    found = _session_and_person(services, message)
    if services.calendar is None or found is None or found[0].state is not SessionState.CONFIRMED:
        return Outcome()
    session, coach = found
    coachee = _other(services, session, coach)
    if coachee is None:
        return Outcome()
    if session.calendar_event_id:
        services.calendar.update_event(session, coach=coach, coachee=coachee)
        return Outcome()
    entry = services.calendar.create_event(session, coach=coach, coachee=coachee)
    if entry is None:
        return Outcome()
    made = dataclasses.replace(session, calendar_event_id=entry.event_id)
    link = entry.join_url
    if not link or session.meeting_link:
        services.store.update_session(made)
        return Outcome()  # the coach's own room, where they have one, stays the place to meet
    services.store.update_session(dataclasses.replace(made, meeting_link=link))
    links: list[Outgoing] = []
    for person in (coach, coachee):
        when = describe_window(
            session.window,
            zone_of(person, services.settings.pool_timezone),
            now=services.clock.now(),
        )
        links.append(Outgoing(person.id, (Text(f"Your online meeting link for {when}: {link}"),)))
    return Outcome(outgoing=tuple(links))


def render_calendar_removal(bot: Door, message: OutboxMessage) -> Outcome:
    """A cancelled session's event leaves the coach's calendar; nothing is said in chat
    (the cancellation .ics already went to both)."""
    services = bot.services
    found = _session_and_person(services, message)
    if services.calendar is None or found is None:
        return Outcome()
    session, coach = found
    if session.state is SessionState.CANCELLED and session.calendar_event_id:
        services.calendar.delete_event(session, coach=coach)
    return Outcome()
