"""A time on a button: the slot's start in the value, found again among the times offered."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.actions import Action, action_value
from bot.domain.timewindow import TimeWindow
from bot.verbs import BookingVerb


def slot_value(verb: BookingVerb, request_id: int, window: TimeWindow) -> str:
    return action_value(verb, request_id, int(window.start.timestamp()))


def slot_from(action: Action, index: int, offered: tuple[TimeWindow, ...]) -> TimeWindow | None:
    start = datetime.fromtimestamp(action.int_arg(index), tz=UTC)
    return next((w for w in offered if w.start == start), None)
