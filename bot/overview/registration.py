"""What the overview slice answers: whatever people type outside a conversation (help,
listings, questions about the service), a request form's text starting intake."""

from __future__ import annotations

from bot.overview import talk
from bot.registry import Registry, Talk
from bot.requests.one_request import start_intake


def register(registry: Registry) -> None:
    registry.add_talk(Talk(text=talk.route_text, aside=talk.route_aside, form=start_intake))
