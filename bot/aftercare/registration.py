"""What the aftercare slice answers: the feedback and final-evaluation forms and buttons,
the themes conversation, and a session's timed messages (reminders, the attendance check,
feedback prompts, calendar events), armed when another slice books, moves or cancels a
session, and an engagement's final evaluation, armed when engagements closes one."""

from __future__ import annotations

from collections.abc import Callable

from bot.actions import action_value
from bot.aftercare import aftercare_actions, evaluation_form, feedback_form, lifetimes, renderers
from bot.aftercare.forms import AftercareForm
from bot.aftercare.kinds import AftercareKind
from bot.aftercare.schedule import (
    schedule_calendar_removal,
    schedule_final_evaluation,
    schedule_session_messages,
)
from bot.aftercare.themes import THEMES_CONVERSATION
from bot.conversation_names import AftercareConversation
from bot.domain import Person
from bot.events import EngagementClosed, SessionBooked, SessionCancelled, SessionMoved
from bot.lapse import always, within
from bot.messages import Outcome
from bot.registry import Context, Door, FormHandler, FormRoute, PersonHandler, Registry, Timer
from bot.replies import Choice, Choices, Reply, Text
from bot.safeguarding import FORM_NOT_SAVED
from bot.services import Services
from bot.verbs import AftercareVerb


def register(registry: Registry) -> None:
    registry.add_verbs(AftercareVerb, aftercare_actions.ACTIONS)
    registry.add_conversations(AftercareConversation, (THEMES_CONVERSATION,))
    registry.add_forms(
        AftercareForm,
        {
            AftercareForm.FEEDBACK: FormRoute(
                submit=_submitted(feedback_form.submit_feedback),
                again=_again(
                    AftercareForm.FEEDBACK, AftercareVerb.FEEDBACK, feedback_form.open_feedback
                ),
            ),
            AftercareForm.EVALUATION: FormRoute(
                submit=_submitted(evaluation_form.submit_evaluation),
                again=_again(
                    AftercareForm.EVALUATION,
                    AftercareVerb.EVALUATE,
                    evaluation_form.open_evaluation,
                ),
            ),
        },
    )
    add = registry.add_timer
    add(AftercareKind.REMINDER, Timer(renderers.render_reminder, lifetimes.reminder_until))
    add(AftercareKind.ATTENDANCE, Timer(renderers.render_attendance, lifetimes.attendance_until))
    add(
        AftercareKind.ATTENDANCE_FOLLOWUP,
        Timer(renderers.render_attendance, lifetimes.attendance_follow_up_until),
    )
    add(AftercareKind.FEEDBACK, Timer(renderers.render_feedback_prompt, lifetimes.feedback_until))
    add(
        AftercareKind.FEEDBACK_FOLLOWUP,
        Timer(renderers.render_feedback_prompt, lifetimes.feedback_follow_up_until),
    )
    add(
        AftercareKind.FINAL_EVALUATION,
        Timer(renderers.render_final_evaluation, within(28, "a final evaluation")),
    )
    add(
        AftercareKind.CALENDAR_EVENT,
        Timer(renderers.render_calendar_event, lifetimes.before_start, calls_out=True),
    )
    # A Graph event must leave the calendar however late: never stale.
    add(
        AftercareKind.CALENDAR_REMOVAL,
        Timer(renderers.render_calendar_removal, always, calls_out=True),
    )
    registry.subscribe(SessionBooked, _arm)
    registry.subscribe(SessionMoved, _arm)
    registry.subscribe(SessionCancelled, _remove_from_calendar)
    registry.subscribe(EngagementClosed, _ask_for_final_evaluation)


def _arm(bot: Door, event: SessionBooked | SessionMoved) -> Outcome:
    """(Re)schedule the session's reminders, attendance check, feedback and calendar event."""
    schedule_session_messages(bot.services, event.session)
    return Outcome()


def _remove_from_calendar(bot: Door, event: SessionCancelled) -> Outcome:
    schedule_calendar_removal(bot.services, event.session)
    return Outcome()


def _ask_for_final_evaluation(bot: Door, event: EngagementClosed) -> Outcome:
    schedule_final_evaluation(bot.services, event.engagement)
    return Outcome()


Submit = Callable[[Services, Person, str, dict[str, str]], Outcome]
Open = Callable[[Services, Person, int], Outcome]


def _submitted(submit: Submit) -> FormHandler:
    def submitted(ctx: Context, form: dict[str, str]) -> Outcome:
        return submit(ctx.services, ctx.person, ctx.incoming.token, form)

    return submitted


def _again(
    prefix: AftercareForm, verb: AftercareVerb, opened: Open
) -> PersonHandler[str, tuple[Reply, ...]]:
    """A form not kept can be filled in again by its button, while it may still be given."""

    def again(ctx: Context, token: str) -> tuple[Reply, ...]:
        ref = token.removeprefix(prefix)
        if not ref.isdigit() or opened(ctx.services, ctx.person, int(ref)).refused:
            return (Text(FORM_NOT_SAVED),)
        button = Choice("Fill it in again", action_value(verb, int(ref)))
        return (
            Choices(f"{FORM_NOT_SAVED} You can fill it in again when you're ready.", (button,)),
        )

    return again
