"""Destructive actions ask first: withdrawing a request, ending coaching and cancelling a
session each take one confirmation that names what will happen and to whom.

The buttons people already have ('withdraw', 'end', 'cancel') now ask; the confirmation's
'Yes' carries its own verb, which does the deed through the one handler that always did, so
every check (a stale card, a second press, someone else's record) still applies there.
"""

from __future__ import annotations

from bot.actions import Action, action_value
from bot.domain import EngagementState, RequestState, SessionState
from bot.domain.people import zone_of
from bot.engagements import engagement_actions
from bot.messages import Outcome, refusal
from bot.registry import Context, VerbHandler
from bot.replies import Choice, Choices
from bot.services import Services
from bot.verbs import EngagementVerb
from bot.when import describe_window

_KEEP = "Okay, nothing has changed."


def _ask(question: str, *, yes: Choice, no_label: str) -> Outcome:
    return Outcome((Choices(question, (yes, Choice(no_label, action_value(EngagementVerb.KEEP)))),))


def _name(services: Services, person_id: int | None, fallback: str) -> str:
    other = services.store.get_person(person_id) if person_id else None
    return other.name if other and not other.erased else fallback


def ask_withdraw(ctx: Context, action: Action) -> Outcome:
    request = ctx.services.store.get_request(action.int_arg(0))
    if request is None or request.coachee_id != ctx.person.id:
        return refusal("Sorry, I can't find that request.")
    if not request.state.is_open:
        return refusal("That request isn't open any more, so there's nothing to withdraw.")
    told = ""
    if request.state is RequestState.WAITING_COACH and request.chosen_coach_id:
        coach = _name(ctx.services, request.chosen_coach_id, "the coach you chose")
        told = f" {coach}, who has been asked to coach you, will be told there's no need to answer."
    return _ask(
        f"Withdraw your request {request.id} (coaching on {request.topic})? I'll stop looking "
        f"for a coach for it.{told}",
        yes=Choice(
            "Yes, withdraw it",
            action_value(EngagementVerb.WITHDRAW_YES, request.id),
            style="danger",
        ),
        no_label="No, keep it",
    )


def ask_end(ctx: Context, action: Action) -> Outcome:
    store, now = ctx.services.store, ctx.services.clock.now()
    engagement = store.get_engagement(action.int_arg(0))
    if engagement is None or ctx.person.id not in {engagement.coach_id, engagement.coachee_id}:
        return refusal("Sorry, I can't find that coaching engagement.")
    if engagement.state is EngagementState.CLOSED:
        return refusal("That coaching has already ended.")
    other_id = (
        engagement.coachee_id if ctx.person.id == engagement.coach_id else engagement.coach_id
    )
    other = _name(ctx.services, other_id, "the other person")
    ahead = [
        s
        for s in store.list_sessions(engagement_id=engagement.id, states=[SessionState.CONFIRMED])
        if s.window.start > now
    ]
    booked = (
        f" Your {len(ahead)} booked {'session' if len(ahead) == 1 else 'sessions'} will be "
        "cancelled and taken out of both your calendars."
        if ahead
        else ""
    )
    return _ask(
        f"End your coaching with {other}? {other} will be told it has ended.{booked} "
        "This can't be undone; to carry on later you'd make a new request.",
        yes=Choice(
            "Yes, end the coaching",
            action_value(EngagementVerb.END_YES, engagement.id),
            style="danger",
        ),
        no_label="No, carry on",
    )


def ask_cancel(ctx: Context, action: Action) -> Outcome:
    services, now = ctx.services, ctx.services.clock.now()
    session = services.store.get_session(action.int_arg(0))
    if session is None or ctx.person.id not in {session.coach_id, session.coachee_id}:
        return refusal("Sorry, I can't find that session.")
    if session.state is not SessionState.CONFIRMED or session.window.start <= now:
        return refusal(engagement_actions.OLD)
    other = _name(
        services,
        session.coachee_id if ctx.person.id == session.coach_id else session.coach_id,
        "the other person",
    )
    zone = zone_of(ctx.person, services.settings.pool_timezone)
    when = describe_window(session.window, zone, now=services.clock.now())
    late = (
        " As that's short notice, it will be recorded as a late cancellation."
        if engagement_actions.late_cancellation(services, session)
        else ""
    )
    return _ask(
        f"Cancel your session with {other} on {when}? {other} will be told and the calendar "
        f"entry removed for you both.{late}",
        yes=Choice(
            "Yes, cancel it", action_value(EngagementVerb.CANCEL_YES, session.id), style="danger"
        ),
        no_label="No, keep it",
    )


def keep(ctx: Context, action: Action) -> Outcome:
    return refusal(_KEEP)


ACTIONS: dict[EngagementVerb, VerbHandler] = {
    EngagementVerb.WITHDRAW: ask_withdraw,
    EngagementVerb.WITHDRAW_YES: engagement_actions.withdraw,
    EngagementVerb.END: ask_end,
    EngagementVerb.END_YES: engagement_actions.end,
    EngagementVerb.CANCEL: ask_cancel,
    EngagementVerb.CANCEL_YES: engagement_actions.cancel,
    EngagementVerb.KEEP: keep,
}
