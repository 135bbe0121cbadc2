"""What the bot understood of a time phrase."""

from __future__ import annotations

from dataclasses import dataclass

from bot.domain.timewindow import TimeWindow


@dataclass(frozen=True)
class WhenResult:
    """Windows the person offered, and questions to ask them before relying on those windows.

    ``windows`` are sorted, merged where they overlap or touch, and all after ``now``.
    ``questions`` are polite questions about anything ambiguous or already past: the bot never
    guesses silently, so a result with questions may still carry windows it is fairly sure of.
    """

    windows: tuple[TimeWindow, ...]
    questions: tuple[str, ...] = ()

    @property
    def understood(self) -> bool:
        """True when there is at least one window and nothing left to ask."""
        return bool(self.windows) and not self.questions
