"""One request as matching sees it, worked out once before the pool is scanned."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain.coaches import Format
from bot.matching.inputs import MatchContext
from bot.matching.places import normalise_place
from bot.matching.scoring import TOPIC_FIELD_FACTOR
from bot.matching.text import stems
from bot.matching.timegrid import TimeGrid, starts
from bot.matching.topics import themes_in

_NOON = 12 * 60
_EVENING = 17 * 60
_TEA_TIME = 18 * 60  # an afternoon window may run to 18:00
_MIDNIGHT = 24 * 60


@dataclass(frozen=True)
class Query:
    context: MatchContext
    wanted: int  # bits: the coachee's windows (or the whole horizon) from the earliest start on
    usable: int  # the bits of `wanted` where a coach's free time counts (see free_until)
    cells: int  # a session's length in grid cells
    wanted_starts: int  # where a session could start at all within `wanted`
    days: tuple[int, ...]  # per local day with a possible start: that day's cell bits
    part_of_day: str  # "afternoons", "mornings", "evenings" or "days", for reasons
    themes: dict[str, float]  # theme -> weight
    words: dict[str, float]  # stem -> weight
    place: str  # normalised
    grid_step: timedelta

    @classmethod
    def of(cls, context: MatchContext, grid: TimeGrid) -> Query:
        request = context.request
        windows = request.windows or (context.horizon,)
        wanted = (
            grid.mask(windows)
            & grid.from_instant(context.earliest_start)
            & grid.before(context.horizon.end)
        )
        until = context.free_until
        cells = max(1, -(-context.session_length // grid.step))
        possible = starts(wanted, cells)
        days = tuple(bits for _, bits in grid.days(context.coachee_tz) if bits & possible)
        themes, words = _topic_weights(context)
        return cls(
            context=context,
            wanted=wanted,
            usable=wanted if until is None else wanted & grid.ending_by(until),
            cells=cells,
            wanted_starts=possible,
            days=days,
            part_of_day=_part_of_day(context) if request.windows else "days",
            themes=themes,
            words=words,
            place=normalise_place(request.location),
            grid_step=grid.step,
        )

    @property
    def wants(self) -> Format:
        return self.context.request.format


def _topic_weights(context: MatchContext) -> tuple[dict[str, float], dict[str, float]]:
    request = context.request
    themes: dict[str, float] = {}
    words: dict[str, float] = {}
    fields = (
        (request.topic, TOPIC_FIELD_FACTOR),
        (request.goal, 1.0),
        (request.reality, 1.0),
        (request.preferences, 1.0),
    )
    for text, weight in fields:
        found = stems(text)
        for key in themes_in(found):
            themes[key] = max(themes.get(key, 0.0), weight)
        for word in found:
            words[word] = max(words.get(word, 0.0), weight)
    return themes, words


def _part_of_day(context: MatchContext) -> str:
    """How the coachee's windows read in their own zone: all afternoons, all mornings..."""
    tz = context.coachee_tz
    spans: list[tuple[int, int]] = []  # minutes since local midnight; an end at midnight is 1440
    for window in context.request.windows:
        start, end = window.start.astimezone(tz), window.end.astimezone(tz)
        end_minute = _minute(end)
        if end.date() != start.date():
            if end.date() != start.date() + timedelta(days=1) or end_minute:
                return "days"
            end_minute = _MIDNIGHT
        spans.append((_minute(start), end_minute))
    if all(end <= _NOON for _, end in spans):
        return "mornings"
    if all(start >= _EVENING for start, _ in spans):
        return "evenings"
    if all(start >= _NOON and end <= _TEA_TIME for start, end in spans):
        return "afternoons"
    return "days"


def _minute(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute
