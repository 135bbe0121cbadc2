"""Running an engagement: next sessions, moving or cancelling with notice, attendance,
and closing when the allowance is used or either side ends it."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from bot import keys
from bot.actions import Action, action_value
from bot.calendar_invite import invite_for
from bot.conversation_names import AftercareConversation, CoachConversation, EngagementConversation
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
from bot.domain.requests import AWAITING_ANSWER
from bot.engagements.missed_sessions import session_to_record
from bot.events import EngagementClosed, PlaceFreed, SessionCancelled
from bot.messages import Outcome, refusal
from bot.registry import Context, Door, VerbHandler
from bot.replies import Choice, Choices, Outgoing, Reply, Text
from bot.services import Services
from bot.verbs import EngagementVerb

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


def book_next(ctx: Context, action: Action) -> Outcome:
    engagement = ctx.services.store.get_engagement(action.int_arg(0))
    if engagement is None or ctx.person.id not in {engagement.coach_id, engagement.coachee_id}:
        return refusal("Sorry, I can't find that coaching engagement.")
    if engagement.state is not EngagementState.ACTIVE:
        return refusal("This coaching isn't active, so I can't book a session for it.")
    if sessions_left(ctx.services, engagement) <= 0:
        return _say("All the sessions in this engagement are booked or used.")
    return ctx.start(EngagementConversation.SCHEDULE_SESSION, engagement_id=engagement.id)


def reschedule(ctx: Context, action: Action) -> Outcome:
    session = _own_session(ctx.services, ctx.person, action)
    if session is None:
        return refusal("Sorry, I can't find that session.")
    if (
        session.state is not SessionState.CONFIRMED
        or session.window.start <= ctx.services.clock.now()
    ):
        return refusal(OLD)
    return ctx.start(
        EngagementConversation.SCHEDULE_SESSION,
        engagement_id=session.engagement_id,
        session_id=session.id,
    )


def cancel(ctx: Context, action: Action) -> Outcome:
    services, store, now = ctx.services, ctx.services.store, ctx.services.clock.now()
    session = _own_session(services, ctx.person, action)
    if session is None:
        return refusal("Sorry, I can't find that session.")
    if session.state is not SessionState.CONFIRMED or session.window.start <= now:
        return refusal(OLD)
    late = late_cancellation(services, session)
    with store.transaction():
        gone = dataclasses.replace(
            session,
            state=SessionState.CANCELLED,
            cancelled_by=ctx.person.id,
            cancelled_at=now,
            late_cancellation=late,
            calendar_sequence=session.calendar_sequence + 1,
        )
        store.update_session(gone, expected=SessionState.CONFIRMED)
        store.cancel_scheduled(keys.session_prefix(session.id))
        removed = ctx.publish(SessionCancelled(gone))  # out of the coach's calendar
        store.audit(
            AuditEntry(
                now,
                ctx.person.id,
                "session.cancelled",
                f"session:{session.id}",
                "late" if late else "with notice",
            )
        )
    note = " As it's within 24 hours it's recorded as a late cancellation." if late else ""
    followup = Choices(
        "Would you like to book another time?",
        (Choice("Book another session", action_value(EngagementVerb.BOOK, session.engagement_id)),),
    )
    removal = invite_for(services, gone, cancelled=True)
    told = _tell_other(
        services,
        session,
        ctx.person,
        f"{ctx.person.name} has cancelled your coaching session. The attached cancellation takes "
        "it out of your calendar.",
    )
    return (
        Outcome(
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
        + removed
    )


def late_cancellation(services: Services, session: Session) -> bool:
    """Cancelled now, with less notice than the programme asks for."""
    engagement = services.store.get_engagement(session.engagement_id)
    programme = services.store.get_programme(engagement.programme_id) if engagement else None
    notice = session.window.start - services.clock.now()
    return programme is not None and notice < timedelta(hours=programme.late_cancellation_hours)


def _attendance(state: SessionState) -> VerbHandler:
    def mark(ctx: Context, action: Action) -> Outcome:
        services, store, now = ctx.services, ctx.services.store, ctx.services.clock.now()
        session = session_to_record(services, ctx.person, action)
        if isinstance(session, Outcome):
            return session
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
                AuditEntry(now, ctx.person.id, f"session.{state.value}", f"session:{session.id}")
            )
            closing = close_if_used_up(ctx.bot, session.engagement_id)
            if state is SessionState.NO_SHOW and not closing.outgoing:
                closing = apply_no_show_policy(ctx.bot, session.engagement_id, coach=ctx.person)
        if state is SessionState.NO_SHOW:
            return _say("Thanks, recorded as a no-show.") + closing
        themes = ctx.start(AftercareConversation.SESSION_THEMES, session_id=session.id)
        return _say("Thanks, recorded as held.") + closing + themes

    return mark


def _uses_allowance(session: Session, engagement: Engagement, states: set[SessionState]) -> bool:
    """A coaching session in one of `states`; one the coach missed never uses the coachee's."""
    missed_by_coach = session.no_show_by == engagement.coach_id
    return session.kind is SessionKind.COACHING and session.state in states and not missed_by_coach


def sessions_left(services: Services, engagement: Engagement) -> int:
    used = [
        s
        for s in services.store.list_sessions(engagement_id=engagement.id)
        if _uses_allowance(
            s, engagement, {SessionState.CONFIRMED, SessionState.HELD, SessionState.NO_SHOW}
        )
    ]
    return engagement.sessions_allowed - len(used)


def close_if_used_up(bot: Door, engagement_id: int) -> Outcome:
    store = bot.services.store
    engagement = store.get_engagement(engagement_id)
    if engagement is None or engagement.state is EngagementState.CLOSED:
        return Outcome()
    finished = [
        s
        for s in store.list_sessions(engagement_id=engagement.id)
        if _uses_allowance(s, engagement, {SessionState.HELD, SessionState.NO_SHOW})
    ]
    if len(finished) < engagement.sessions_allowed:
        return Outcome()
    return close(bot, engagement, reason="all sessions used", actor=None)


def apply_no_show_policy(bot: Door, engagement_id: int, *, coach: Person) -> Outcome:
    """The programme's rule, e.g. two unnotified misses end the engagement; both are told."""
    store = bot.services.store
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
    closed = close(bot, engagement, reason=reason, actor=coach)
    note = Text(
        f"As that's {len(missed)} sessions missed without notice, {programme.name}'s rules end "
        "the coaching here. I've let your coachee know."
    )
    return Outcome((note,)) + closed


def close(bot: Door, engagement: Engagement, *, reason: str, actor: Person | None) -> Outcome:
    services = bot.services
    store, now = services.store, services.clock.now()
    removals: list[Reply] = []  # a CANCEL invite for each future session, for both people
    removed = Outcome()  # what the cancelled sessions' subscribers add
    closed = dataclasses.replace(
        engagement, state=EngagementState.CLOSED, closed_at=now, close_reason=reason
    )
    with store.transaction():
        store.update_engagement(closed, expected=engagement.state)
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
                store.cancel_scheduled(keys.session_prefix(session.id))
                removed += bot.publish(SessionCancelled(gone))
                removals.append(invite_for(services, gone, cancelled=True))
        request = store.get_request(engagement.request_id)
        if request is not None:
            store.update_request(
                dataclasses.replace(request, state=RequestState.CLOSED, updated_at=now),
                expected=request.state,
            )
        ended = bot.publish(EngagementClosed(closed))  # the coachee's final evaluation
        store.audit(
            AuditEntry(
                now,
                actor.id if actor else None,
                "engagement.closed",
                f"engagement:{engagement.id}",
                reason,
            )
        )
        freed = bot.publish(PlaceFreed())  # the coach's place, and the organisation's
    text = f"Your coaching engagement has closed ({reason}). Thank you for taking part in the pool."
    recipients = {engagement.coach_id, engagement.coachee_id} - ({actor.id} if actor else set())
    told = Outcome(
        tuple(removals) if actor else (),
        tuple(Outgoing(pid, (Text(text), *removals)) for pid in sorted(recipients)),
    )
    return told + removed + ended + freed


def end(ctx: Context, action: Action) -> Outcome:
    engagement = ctx.services.store.get_engagement(action.int_arg(0))
    if engagement is None or ctx.person.id not in {engagement.coach_id, engagement.coachee_id}:
        return refusal("Sorry, I can't find that coaching engagement.")
    if engagement.state is EngagementState.CLOSED:
        return refusal("That coaching has already ended.")
    return _say("Done: the coaching has ended and any future sessions are cancelled.") + close(
        ctx.bot, engagement, reason=f"ended by {ctx.person.name}", actor=ctx.person
    )


def withdraw(ctx: Context, action: Action) -> Outcome:
    store, now = ctx.services.store, ctx.services.clock.now()
    request = store.get_request(action.int_arg(0))
    if request is None or request.coachee_id != ctx.person.id:
        return refusal("Sorry, I can't find that request.")
    if not request.state.is_open:
        return refusal("That request isn't open any more, so there's nothing to withdraw.")
    with store.transaction():
        store.update_request(
            dataclasses.replace(request, state=RequestState.WITHDRAWN, updated_at=now),
            expected=request.state,
        )
        store.cancel_scheduled(keys.request_prefix(request.id))
        store.audit(AuditEntry(now, ctx.person.id, "request.withdrawn", f"request:{request.id}"))
        freed = ctx.publish(PlaceFreed())  # the organisation's place it held
    outgoing: tuple[Outgoing, ...] = ()
    if request.state in AWAITING_ANSWER and request.chosen_coach_id:
        outgoing = (
            Outgoing(
                request.chosen_coach_id,
                (
                    Text(
                        f"{ctx.person.name} has withdrawn their coaching request, "
                        "so there's no need to answer it."
                    ),
                ),
            ),
        )
    return (
        Outcome(
            (Text("Done: your request is withdrawn. Say 'coaching' any time to start a new one."),),
            outgoing,
        )
        + freed
    )


def edit_availability(ctx: Context, action: Action) -> Outcome:
    if ctx.services.store.get_coach(ctx.person.id) is None:
        return refusal("Availability is for coaches; you don't have a coach profile.")
    return ctx.start(CoachConversation.AVAILABILITY)


def pause(ctx: Context, action: Action) -> Outcome:
    profile = ctx.services.store.get_coach(ctx.person.id)
    if profile is None:
        return refusal("Pausing is for coaches; you don't have a coach profile.")
    if profile.paused:
        return refusal(
            "You're already paused. Say 'availability' and choose Resume when you're back."
        )
    return ctx.start(CoachConversation.PAUSE)


def resume(ctx: Context, action: Action) -> Outcome:
    store, now = ctx.services.store, ctx.services.clock.now()
    profile = store.get_coach(ctx.person.id)
    if profile is None or not profile.paused:
        return refusal("You're taking coachees already; nothing to resume.")
    with store.transaction():
        store.save_coach(dataclasses.replace(profile, paused=False, pause_reason=""))
        store.audit(AuditEntry(now, ctx.person.id, "coach.resumed", f"person:{ctx.person.id}"))
        freed = ctx.publish(PlaceFreed())
    return _say("Welcome back: you'll be offered to coachees again.") + freed


def set_meeting_link(ctx: Context, action: Action) -> Outcome:
    if ctx.services.store.get_coach(ctx.person.id) is None:
        return refusal("A meeting link is for coaches; you don't have a coach profile.")
    return ctx.start(CoachConversation.MEETING_LINK)


ACTIONS: dict[EngagementVerb, VerbHandler] = {
    EngagementVerb.AVAILABILITY: edit_availability,
    EngagementVerb.MEETING_LINK: set_meeting_link,
    EngagementVerb.PAUSE: pause,
    EngagementVerb.RESUME: resume,
    EngagementVerb.BOOK: book_next,
    EngagementVerb.RESCHEDULE: reschedule,
    EngagementVerb.HELD: _attendance(SessionState.HELD),
    EngagementVerb.NO_SHOW: _attendance(SessionState.NO_SHOW),
}
"""Cancelling, ending and withdrawing ask first: bot/engagements/confirm_first.py answers those
verbs and calls `cancel`, `end` and `withdraw` here once confirmed."""
