"""Running an engagement: next sessions, moving or cancelling with notice, attendance,
sponsor approval, and closing when the allowance is used or either side ends it."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from typing import TYPE_CHECKING

from bot.actions import Action, action_value
from bot.aftercare.keys import FINAL_EVALUATION
from bot.coaching.booking import ActionHandler
from bot.coaching.confirmations import invite_for
from bot.domain import (
    Engagement,
    EngagementState,
    Person,
    RequestState,
    Session,
    SessionKind,
    SessionState,
)
from bot.domain.audit import AuditEntry
from bot.domain.outbox import OutboxMessage
from bot.domain.requests import AWAITING_ANSWER
from bot.messages import Incoming, Outcome, refusal
from bot.replies import Choice, Choices, Outgoing, Reply, Text
from bot.services import Services

if TYPE_CHECKING:
    from bot.app import CoachingBot

# A short pause, so the evaluation doesn't arrive in the same breath as the closing news.
EVALUATION_AFTER = timedelta(minutes=5)
OLD = "That session has changed since this message, so I've left it as it is."


def _say(*texts: str) -> Outcome:
    return Outcome(tuple(Text(t) for t in texts))


def _own_session(services: Services, person: Person, action: Action) -> Session | None:
    session = services.store.get_session(action.int_arg(0))
    if session is None or person.id not in {session.coach_id, session.coachee_id}:
        return None
    return session


def _tell_other(
    services: Services, session_or_engagement: Session | Engagement, actor: Person, text: str
) -> tuple[Outgoing, ...]:
    other = (
        session_or_engagement.coachee_id
        if actor.id == session_or_engagement.coach_id
        else session_or_engagement.coach_id
    )
    return (Outgoing(other, (Text(text),)),)


def book_next(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
    engagement = bot.services.store.get_engagement(action.int_arg(0))
    if engagement is None or person.id not in {engagement.coach_id, engagement.coachee_id}:
        return refusal("Sorry, I can't find that coaching engagement.")
    if engagement.state is not EngagementState.ACTIVE:
        return refusal("This coaching isn't active, so I can't book a session for it.")
    if sessions_left(bot.services, engagement) <= 0:
        return _say("All the sessions in this engagement are booked or used.")
    return bot.start("schedule_session", person, incoming, engagement_id=engagement.id)


def reschedule(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
    session = _own_session(bot.services, person, action)
    if session is None:
        return refusal("Sorry, I can't find that session.")
    if (
        session.state is not SessionState.CONFIRMED
        or session.window.start <= bot.services.clock.now()
    ):
        return refusal(OLD)
    return bot.start(
        "schedule_session",
        person,
        incoming,
        engagement_id=session.engagement_id,
        session_id=session.id,
    )


def cancel(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
    services, store, now = bot.services, bot.services.store, bot.services.clock.now()
    session = _own_session(services, person, action)
    if session is None:
        return refusal("Sorry, I can't find that session.")
    if session.state is not SessionState.CONFIRMED or session.window.start <= now:
        return refusal(OLD)
    engagement = store.get_engagement(session.engagement_id)
    programme = store.get_programme(engagement.programme_id) if engagement else None
    notice = session.window.start - now
    late = programme is not None and notice < timedelta(hours=programme.late_cancellation_hours)
    with store.transaction():
        gone = dataclasses.replace(
            session,
            state=SessionState.CANCELLED,
            cancelled_by=person.id,
            cancelled_at=now,
            late_cancellation=late,
            calendar_sequence=session.calendar_sequence + 1,
        )
        store.update_session(gone, expected=SessionState.CONFIRMED)
        store.cancel_scheduled(f"session:{session.id}:")
        store.audit(
            AuditEntry(
                now,
                person.id,
                "session.cancelled",
                f"session:{session.id}",
                "late" if late else "with notice",
            )
        )
    note = " As it's within 24 hours it's recorded as a late cancellation." if late else ""
    followup = Choices(
        "Would you like to book another time?",
        (Choice("Book another session", action_value("book", session.engagement_id)),),
    )
    removal = invite_for(services, gone, cancelled=True)
    told = _tell_other(
        services,
        session,
        person,
        f"{person.name} has cancelled your coaching session. The attached cancellation takes "
        "it out of your calendar.",
    )
    return Outcome(
        (
            Text(
                "Done: the session is cancelled and I've told the other person; the attached "
                f"cancellation takes it out of your calendar.{note}"
            ),
            removal,
            followup,
        ),
        tuple(Outgoing(o.person_id, (*o.replies, removal)) for o in told),
    )


def _attendance(state: SessionState) -> ActionHandler:
    def mark(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
        services, store, now = bot.services, bot.services.store, bot.services.clock.now()
        session = _own_session(services, person, action)
        if session is None or session.coach_id != person.id:
            return refusal("Only the coach can record whether a session was held.")
        if session.state is not SessionState.CONFIRMED:
            return refusal(
                f"That session is already recorded as {session.state.value.replace('_', '-')}."
            )
        if session.window.start > now:
            return refusal("That session hasn't started yet, so I can't record it.")
        with store.transaction():
            store.update_session(
                dataclasses.replace(
                    session,
                    state=state,
                    no_show_by=session.coachee_id if state is SessionState.NO_SHOW else None,
                ),
                expected=SessionState.CONFIRMED,
            )
            store.audit(
                AuditEntry(now, person.id, f"session.{state.value}", f"session:{session.id}")
            )
            closing = close_if_used_up(services, session.engagement_id)
            if state is SessionState.NO_SHOW and not closing.outgoing:
                closing = apply_no_show_policy(services, session.engagement_id, coach=person)
        if state is SessionState.NO_SHOW:
            return _say("Thanks, recorded as a no-show.") + closing
        themes = bot.start("session_themes", person, incoming, session_id=session.id)
        return _say("Thanks, recorded as held.") + closing + themes

    return mark


def sessions_left(services: Services, engagement: Engagement) -> int:
    used = [
        s
        for s in services.store.list_sessions(engagement_id=engagement.id)
        if s.kind is SessionKind.COACHING
        and s.state in {SessionState.CONFIRMED, SessionState.HELD, SessionState.NO_SHOW}
    ]
    return engagement.sessions_allowed - len(used)


def close_if_used_up(services: Services, engagement_id: int) -> Outcome:
    store = services.store
    engagement = store.get_engagement(engagement_id)
    if engagement is None or engagement.state is EngagementState.CLOSED:
        return Outcome()
    finished = [
        s
        for s in store.list_sessions(engagement_id=engagement.id)
        if s.kind is SessionKind.COACHING and s.state in {SessionState.HELD, SessionState.NO_SHOW}
    ]
    if len(finished) < engagement.sessions_allowed:
        return Outcome()
    return close(services, engagement, reason="all sessions used", actor=None)


def apply_no_show_policy(services: Services, engagement_id: int, *, coach: Person) -> Outcome:
    """The programme's rule, e.g. two unnotified misses end the engagement; both are told."""
    store = services.store
    engagement = store.get_engagement(engagement_id)
    programme = store.get_programme(engagement.programme_id) if engagement else None
    if engagement is None or programme is None or not programme.no_show_limit:
        return Outcome()
    missed = [
        s
        for s in store.list_sessions(engagement_id=engagement.id, states=[SessionState.NO_SHOW])
        if s.no_show_by == engagement.coachee_id
    ]
    if len(missed) < programme.no_show_limit:
        return Outcome()
    reason = f"{len(missed)} sessions missed without notice"
    closed = close(services, engagement, reason=reason, actor=coach)
    note = Text(
        f"As that's {len(missed)} sessions missed without notice, {programme.name}'s rules end "
        "the coaching here. I've let your coachee know."
    )
    return Outcome((note,)) + closed


def close(
    services: Services, engagement: Engagement, *, reason: str, actor: Person | None
) -> Outcome:
    store, now = services.store, services.clock.now()
    removals: list[Reply] = []  # a CANCEL invite for each future session, for both people
    with store.transaction():
        store.update_engagement(
            dataclasses.replace(
                engagement, state=EngagementState.CLOSED, closed_at=now, close_reason=reason
            ),
            expected=engagement.state,
        )
        for session in store.list_sessions(
            engagement_id=engagement.id, states=[SessionState.CONFIRMED]
        ):
            if session.window.start > now:
                gone = dataclasses.replace(
                    session,
                    state=SessionState.CANCELLED,
                    cancelled_by=actor.id if actor else None,
                    cancelled_at=now,
                    calendar_sequence=session.calendar_sequence + 1,
                )
                store.update_session(gone, expected=SessionState.CONFIRMED)
                store.cancel_scheduled(f"session:{session.id}:")
                removals.append(invite_for(services, gone, cancelled=True))
        request = store.get_request(engagement.request_id)
        if request is not None:
            store.update_request(
                dataclasses.replace(request, state=RequestState.CLOSED, updated_at=now),
                expected=request.state,
            )
        _ask_for_final_evaluation(services, engagement)
        store.audit(
            AuditEntry(
                now,
                actor.id if actor else None,
                "engagement.closed",
                f"engagement:{engagement.id}",
                reason,
            )
        )
    text = f"Your coaching engagement has closed ({reason}). Thank you for taking part in the pool."
    recipients = {engagement.coach_id, engagement.coachee_id} - ({actor.id} if actor else set())
    return Outcome(
        tuple(removals) if actor else (),
        tuple(Outgoing(pid, (Text(text), *removals)) for pid in sorted(recipients)),
    )


def _ask_for_final_evaluation(services: Services, engagement: Engagement) -> None:
    store = services.store
    programme = store.get_programme(engagement.programme_id)
    held = store.list_sessions(engagement_id=engagement.id, states=[SessionState.HELD])
    if programme is None or not programme.feedback_required or not held:
        return
    store.schedule(
        OutboxMessage(
            key=f"engagement:{engagement.id}:{FINAL_EVALUATION}:person:{engagement.coachee_id}",
            recipient_id=engagement.coachee_id,
            kind=FINAL_EVALUATION,
            due_at=services.clock.now() + EVALUATION_AFTER,
            payload={"engagement_id": engagement.id},
        )
    )


def end(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
    engagement = bot.services.store.get_engagement(action.int_arg(0))
    if engagement is None or person.id not in {engagement.coach_id, engagement.coachee_id}:
        return refusal("Sorry, I can't find that coaching engagement.")
    if engagement.state is EngagementState.CLOSED:
        return refusal("That coaching has already ended.")
    return _say("Done: the coaching has ended and any future sessions are cancelled.") + close(
        bot.services, engagement, reason=f"ended by {person.name}", actor=person
    )


def _sponsor_answer(approved: bool) -> ActionHandler:
    def answer(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
        store, now = bot.services.store, bot.services.clock.now()
        engagement = store.get_engagement(action.int_arg(0))
        if engagement is None or engagement.sponsor_id != person.id:
            return refusal("Sorry, that approval isn't yours to give.")
        if engagement.state is not EngagementState.AWAITING_SPONSOR:
            return refusal("You've already answered this one. Thank you.")
        if not approved:
            store.audit(
                AuditEntry(
                    now, person.id, "engagement.sponsor_concerns", f"engagement:{engagement.id}"
                )
            )
            return _say(
                "Thank you. I've let the pool coordinators know, and they'll be in touch "
                "to talk it through. Nothing has been cancelled yet."
            )
        with store.transaction():
            store.update_engagement(
                dataclasses.replace(engagement, state=EngagementState.ACTIVE),
                expected=EngagementState.AWAITING_SPONSOR,
            )
            store.audit(
                AuditEntry(now, person.id, "engagement.approved", f"engagement:{engagement.id}")
            )
        return Outcome(
            (Text("Thank you: approved."),),
            tuple(
                Outgoing(pid, (Text(f"{person.name} has approved the coaching. You're all set."),))
                for pid in (engagement.coach_id, engagement.coachee_id)
            ),
        )

    return answer


def withdraw(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
    store, now = bot.services.store, bot.services.clock.now()
    request = store.get_request(action.int_arg(0))
    if request is None or request.coachee_id != person.id:
        return refusal("Sorry, I can't find that request.")
    if not request.state.is_open:
        return refusal("That request isn't open any more, so there's nothing to withdraw.")
    with store.transaction():
        store.update_request(
            dataclasses.replace(request, state=RequestState.WITHDRAWN, updated_at=now),
            expected=request.state,
        )
        store.cancel_scheduled(f"deadline:request:{request.id}:")
        store.audit(AuditEntry(now, person.id, "request.withdrawn", f"request:{request.id}"))
    outgoing: tuple[Outgoing, ...] = ()
    if request.state in AWAITING_ANSWER and request.chosen_coach_id:
        outgoing = (
            Outgoing(
                request.chosen_coach_id,
                (
                    Text(
                        f"{person.name} has withdrawn their coaching request, "
                        "so there's no need to answer it."
                    ),
                ),
            ),
        )
    return Outcome(
        (Text("Done: your request is withdrawn. Say 'coaching' any time to start a new one."),),
        outgoing,
    )


def edit_availability(
    bot: CoachingBot, person: Person, incoming: Incoming, action: Action
) -> Outcome:
    if bot.services.store.get_coach(person.id) is None:
        return refusal("Availability is for coaches; you don't have a coach profile.")
    return bot.start("availability", person, incoming)


def pause(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
    profile = bot.services.store.get_coach(person.id)
    if profile is None:
        return refusal("Pausing is for coaches; you don't have a coach profile.")
    if profile.paused:
        return refusal(
            "You're already paused. Say 'availability' and choose Resume when you're back."
        )
    return bot.start("pause", person, incoming)


def resume(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
    store, now = bot.services.store, bot.services.clock.now()
    profile = store.get_coach(person.id)
    if profile is None or not profile.paused:
        return refusal("You're taking coachees already; nothing to resume.")
    with store.transaction():
        store.save_coach(dataclasses.replace(profile, paused=False, pause_reason=""))
        store.audit(AuditEntry(now, person.id, "coach.resumed", f"person:{person.id}"))
    return _say("Welcome back: you'll be offered to coachees again.")


def set_meeting_link(
    bot: CoachingBot, person: Person, incoming: Incoming, action: Action
) -> Outcome:
    if bot.services.store.get_coach(person.id) is None:
        return refusal("A meeting link is for coaches; you don't have a coach profile.")
    return bot.start("meeting_link", person, incoming)


ACTIONS: dict[str, ActionHandler] = {
    "availability": edit_availability,
    "meeting_link": set_meeting_link,
    "pause": pause,
    "resume": resume,
    "book": book_next,
    "reschedule": reschedule,
    "cancel": cancel,
    "held": _attendance(SessionState.HELD),
    "noshow": _attendance(SessionState.NO_SHOW),
    "end": end,
    "approve": _sponsor_answer(True),
    "refuse": _sponsor_answer(False),
    "withdraw": withdraw,
}
