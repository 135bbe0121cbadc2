"""How a session looks in chat wherever it is shown: its card (with the buttons to move or
cancel it) and the coach's answers to "how did it go?". Shared by the slices that book
sessions and the aftercare that follows them."""

from __future__ import annotations

from bot.actions import action_value
from bot.domain import Person, Session, SessionKind
from bot.domain.people import zone_of
from bot.replies import Card, Choice, Fact
from bot.services import Services
from bot.verbs import EngagementVerb
from bot.when import describe_window


def session_card(services: Services, session: Session, *, viewer: Person, title: str) -> Card:
    store = services.store
    other = store.get_person(
        session.coachee_id if viewer.id == session.coach_id else session.coach_id
    )
    zone = zone_of(viewer, services.settings.pool_timezone)
    facts = [
        Fact("With", other.name if other else "(no longer in the pool)"),
        Fact(
            "When",
            describe_window(session.window, zone, now=services.clock.now()),
        ),
        Fact("Where", session.location or "Online"),
    ]
    if session.meeting_link:
        facts.append(Fact("Join", session.meeting_link))
    if session.kind is SessionKind.CHEMISTRY:
        facts.append(
            Fact(
                "Type",
                "Chemistry session: a first conversation to check you work well "
                "together. It doesn't use up a session.",
            )
        )
    actions = (
        Choice("Reschedule", action_value(EngagementVerb.RESCHEDULE, session.id)),
        Choice("Cancel", action_value(EngagementVerb.CANCEL, session.id), style="danger"),
    )
    return Card(title, tuple(facts), actions=actions)


def attendance_choices(session: Session, coachee_name: str) -> tuple[Choice, ...]:
    """Every answer the coach can give to 'how did it go?'."""
    return (
        Choice("It was held", action_value(EngagementVerb.HELD, session.id), style="primary"),
        Choice(
            f"{coachee_name} didn't come (no-show)",
            action_value(EngagementVerb.NO_SHOW, session.id),
        ),
        Choice("I couldn't make it", action_value(EngagementVerb.COACH_MISSED, session.id)),
        Choice(
            "It didn't happen (cancelled)", action_value(EngagementVerb.NOT_HAPPENED, session.id)
        ),
    )
