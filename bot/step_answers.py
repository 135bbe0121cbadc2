"""Reading a person's answer at any conversation's step: yes and skip words, the person's
time zone, and times said in words (checked back when worth checking).

Kernel, beside the engine: the intake, proposing and scheduling times, availability and the
themes conversation all read answers the same way."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.timewindow import TimeWindow, windows_to_data
from bot.engine import Retry, Turn
from bot.replies import Choice, Choices, Text
from bot.when import parse_when

YES_WORDS = frozenset({"yes", "y", "yes please", "yep", "correct", "that's right", "right"})
SKIP_WORDS = frozenset({"skip", "none", "no", "nothing", "n/a", "no preference", "pass"})


def person_zone(turn: Turn) -> ZoneInfo:
    try:
        return ZoneInfo(turn.person.timezone)
    except (KeyError, ValueError):
        return turn.services.settings.pool_timezone


def read_times(turn: Turn, *, tz: ZoneInfo) -> tuple[TimeWindow, ...] | Retry:
    """The times the person gave, or the question to ask them. A phrase understood but
    worth checking ("next Wednesday" said on a Tuesday) is asked back as yes / no, and a
    yes on the next turn takes it."""
    pending = turn.data.pop("_pending_windows", None)
    if pending and turn.incoming.said.lower().strip(" .!") in YES_WORDS:
        return tuple(
            TimeWindow(datetime.fromisoformat(start), datetime.fromisoformat(end))
            for start, end in pending
        )
    result = parse_when(
        turn.incoming.said,
        now=turn.services.clock.now(),
        tz=tz,
        horizon_weeks=turn.services.settings.horizon_weeks,
    )
    if result.windows and result.questions:
        turn.data["_pending_windows"] = windows_to_data(result.windows)
        check = Choices(
            " ".join(result.questions),
            (Choice("Yes, that's right", "yes"), Choice("No, I'll say it another way", "no")),
        )
        return Retry((check,))
    if not result.understood:
        questions = result.questions or ("Could you put that another way?",)
        return Retry(tuple(Text(q) for q in questions))
    return result.windows
