"""What the engagements slice answers: the session and engagement buttons, the ones that
ask before cancelling, ending or withdrawing, the line manager's approval, held and missed
sessions, and the conversation that schedules a session; in words, a line manager's
'approvals'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.domain import Person
from bot.engagements import confirm_first, engagement_actions, missed_sessions, sponsor
from bot.engagements.schedule_session import SCHEDULE_SESSION
from bot.messages import Outcome
from bot.registry import Command, Registry, phrases

if TYPE_CHECKING:
    from bot.app import CoachingBot


def register(registry: Registry) -> None:
    for actions in (
        engagement_actions.ACTIONS,
        confirm_first.ACTIONS,  # asks before cancelling, ending or withdrawing
        sponsor.ACTIONS,
        missed_sessions.ACTIONS,
    ):
        registry.add_verbs(actions.items())
    registry.add_conversation(SCHEDULE_SESSION)
    words = phrases(("", "my ", "pending "), ("approval", "approvals", "sponsor", "sponsoring"))
    registry.add_command(Command(words, _approvals))


def _approvals(bot: CoachingBot, person: Person, text: str) -> Outcome:
    return sponsor.approvals(bot.services, person)
