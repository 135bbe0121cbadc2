"""Where each person is in a conversation, and the platform events already handled."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bot.domain.conversation import ConversationState
from bot.domain.people import Channel


class ConversationStore(Protocol):
    def load_conversation(self, person_id: int, channel: Channel) -> ConversationState | None: ...
    def save_conversation(self, state: ConversationState) -> None: ...
    def clear_conversation(self, person_id: int, channel: Channel) -> None: ...
    def conversations_of(self, person_id: int) -> list[ConversationState]:
        """The person's conversations in progress on every channel, by channel name: the
        core never lists the channels itself."""
        ...


class EventStore(Protocol):
    def remember_event(self, platform: str, event_id: str, *, at: datetime) -> bool:
        """Record a platform event id; False if it was seen before (a retry or duplicate)."""
        ...
