"""What the engagements slice answers: the session and engagement buttons, the ones that
ask before cancelling, ending or withdrawing, the line manager's approval, held and missed
sessions, the conversation that schedules a session, and moving booked sessions to a
coach's new meeting room; in words, a line manager's 'approvals'."""

from __future__ import annotations

from bot.conversation_names import EngagementConversation
from bot.engagements import confirm_first, engagement_actions, missed_sessions, sponsor
from bot.engagements.meeting_room import room_changed
from bot.engagements.schedule_session import SCHEDULE_SESSION
from bot.events import MeetingRoomChanged
from bot.messages import Outcome
from bot.registry import Command, Context, Registry, phrases
from bot.verbs import EngagementVerb


def register(registry: Registry) -> None:
    registry.add_verbs(
        EngagementVerb,
        engagement_actions.ACTIONS,
        confirm_first.ACTIONS,  # asks before cancelling, ending or withdrawing
        sponsor.ACTIONS,
        missed_sessions.ACTIONS,
    )
    registry.add_conversations(EngagementConversation, (SCHEDULE_SESSION,))
    registry.subscribe(MeetingRoomChanged, room_changed)
    words = phrases(("", "my ", "pending "), ("approval", "approvals", "sponsor", "sponsoring"))
    registry.add_command(Command(words, _approvals))


def _approvals(ctx: Context, text: str) -> Outcome:
    return sponsor.approvals(ctx.services, ctx.person)
