"""What people said of their sessions and of their coaching as a whole."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from bot.domain.feedback import Feedback, FinalEvaluation


class FeedbackStore(Protocol):
    def save_feedback(self, feedback: Feedback) -> None:
        """Insert or replace the feedback of (session, person)."""
        ...

    def list_feedback(self, *, since: datetime | None = None) -> list[Feedback]: ...
    def save_evaluation(self, evaluation: FinalEvaluation) -> None:
        """Insert or replace the evaluation of (engagement, person)."""
        ...

    def list_evaluations(self, *, since: datetime | None = None) -> list[FinalEvaluation]: ...
