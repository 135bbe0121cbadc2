"""``parse_when``: the pipeline from a message to windows and questions.

text -> tokens (``tokens``) -> items (``grammar``) -> clauses (``clauses``)
     -> dates (``plans``) x times (``clock``) -> windows in UTC (``windows``, ``resolve``)

Nothing here reads the wall clock: ``now`` is always given.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.when import questions as q
from bot.when.clauses import build_clauses
from bot.when.describe import describe_windows
from bot.when.grammar import read
from bot.when.plans import Calendar
from bot.when.resolve import Context, resolve_all
from bot.when.result import WhenResult
from bot.when.tokens import tokenize


def parse_when(
    text: str,
    *,
    now: datetime,
    tz: ZoneInfo,
    default_minutes: int = 60,
    horizon_weeks: int = 3,
) -> WhenResult:
    """What ``text`` says about when the person is free, in their zone ``tz``, seen from ``now``.

    ``default_minutes`` is the length of a meeting given only its start ("Tuesday at 2pm");
    recurring phrases ("Tuesdays", "every Tuesday", "afternoons") reach ``horizon_weeks`` weeks
    from today (today counts, the day ``horizon_weeks`` weeks on doesn't).

    Decisions, each documented where it is made:

    * "next Tuesday" is the Tuesday of next calendar week; if a Tuesday is still to come this
      week the window comes with a question to confirm (``plans``).
    * Bare hours: 8-11 morning, 12 noon, 1-6 afternoon, 7 asked about (``clock``).
    * A range or part of the day that has started is trimmed to begin at ``now``; a meeting at a
      time counts only if it hasn't started. A bare weekday that is today counts while its window
      is still open, else it means a week on (``windows``, ``plans``).
    * Clock changes: a typed time the clocks skip is asked about and not placed; one they
      repeat is placed at its first occurrence and asked back (``resolve``, ``windows``).
    * A day-month without a year is the next one on or after today (``dates``).
    """
    if now.utcoffset() is None:
        raise ValueError("parse_when needs a timezone-aware now")
    if default_minutes <= 0 or horizon_weeks < 0:
        raise ValueError("default_minutes must be positive and horizon_weeks not negative")
    today = now.astimezone(tz).date()
    calendar = Calendar(today, today + timedelta(weeks=horizon_weeks), tz.key)
    context = Context(now.astimezone(UTC), tz, default_minutes, calendar)
    items, unused = read(tokenize(text))
    windows, questions = resolve_all(build_clauses(items), context)
    if unused:
        # A word about time was left out of the reading: say what was understood, and ask.
        words = " ".join(token.text for token in unused)
        understood = describe_windows(windows, tz, now=now) if windows else ""
        questions = [q.unread_words(words, understood), *questions]
    return WhenResult(tuple(windows), tuple(questions))
