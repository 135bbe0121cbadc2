"""The attendance check's other answers: the session didn't happen at all, or the coach
couldn't make it. Neither counts as hours delivered nor uses up one of the coachee's
sessions, and the coachee is told in a sentence and offered another time."""

from __future__ import annotations

import dataclasses

from bot import keys
from bot.actions import Action, action_value
from bot.domain import Person, Session, SessionState
from bot.domain.audit import AuditEntry
from bot.domain.people import zone_of
from bot.messages import Outcome, refusal
from bot.registry import Context, VerbHandler
from bot.replies import Choice, Choices, Outgoing, Text
from bot.services import Services
from bot.verbs import EngagementVerb
from bot.when import describe_window


def session_to_record(services: Services, person: Person, action: Action) -> Session | Outcome:
    session = services.store.get_session(action.int_arg(0))
    if session is None or session.coach_id != person.id:
        return refusal("Only the coach can record whether a session was held.")
    if session.state is not SessionState.CONFIRMED:
        return refusal(
            f"That session is already recorded as {session.state.value.replace('_', '-')}."
        )
    if session.window.start > services.clock.now():
        return refusal("That session hasn't started yet, so I can't record it.")
    return session


def _record(ctx: Context, action: Action, *, missed_by_coach: bool) -> Outcome:
    services, coach = ctx.services, ctx.person
    store, now = services.store, services.clock.now()
    found = session_to_record(services, coach, action)
    if isinstance(found, Outcome):
        return found
    session = found
    if missed_by_coach:
        changed = dataclasses.replace(session, state=SessionState.NO_SHOW, no_show_by=coach.id)
    else:
        changed = dataclasses.replace(
            session, state=SessionState.CANCELLED, cancelled_at=now, cancelled_by=None
        )
    what = "session.coach_missed" if missed_by_coach else "session.did_not_happen"
    with store.transaction():
        store.update_session(changed, expected=SessionState.CONFIRMED)
        store.cancel_scheduled(keys.session_prefix(session.id))  # no feedback on a session not held
        store.audit(AuditEntry(now, coach.id, what, f"session:{session.id}"))
    coachee = store.get_person(session.coachee_id)
    zone = zone_of(coachee, services.settings.pool_timezone) if coachee else None
    when = describe_window(session.window, zone, now=now) if zone else "your last session"
    news = (
        f"{coach.name} has let me know they couldn't make your session ({when}). Sorry about that."
        if missed_by_coach
        else f"{coach.name} has recorded that your session ({when}) didn't happen."
    )
    book = Choices(
        "It doesn't use up one of your sessions. Would you like to book another time?",
        (Choice("Book another session", action_value(EngagementVerb.BOOK, session.engagement_id)),),
    )
    recorded = "you couldn't make it" if missed_by_coach else "it didn't happen"
    return Outcome(
        (
            Text(
                f"Thanks, recorded that {recorded}. It doesn't count as hours delivered or use "
                "up one of your coachee's sessions, and I've let them know."
            ),
            dataclasses.replace(book, prompt="Would you like to book another time?"),
        ),
        (Outgoing(session.coachee_id, (Text(news), book)),),
    )


def coach_missed(ctx: Context, action: Action) -> Outcome:
    return _record(ctx, action, missed_by_coach=True)


def did_not_happen(ctx: Context, action: Action) -> Outcome:
    return _record(ctx, action, missed_by_coach=False)


ACTIONS: dict[EngagementVerb, VerbHandler] = {
    EngagementVerb.COACH_MISSED: coach_missed,
    EngagementVerb.NOT_HAPPENED: did_not_happen,
}
