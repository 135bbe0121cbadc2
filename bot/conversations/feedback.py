"""Feedback after a session: usefulness (from the prompt's button), progress, an optional
comment and consent to share anonymised themes. Diagram: feedback.mmd."""

from __future__ import annotations

from dataclasses import dataclass

from bot.conversations.engine import Conversation, Finish, Goto, Retry, Transition, Turn
from bot.conversations.intake_steps import SKIP_WORDS, YES_WORDS
from bot.domain.feedback import Feedback
from bot.messages import Outcome
from bot.replies import Choice, Choices, Reply, Text

NO_WORDS = frozenset({"no", "n", "no thanks", "nope"})


def _score(said: str, low: int, high: int) -> int | None:
    said = said.strip().removeprefix("score:")
    return int(said) if said.isdigit() and low <= int(said) <= high else None


@dataclass(frozen=True)
class ProgressStep:
    name: str = "progress"
    help: str = "0 means no progress yet, 10 means you've reached your goal."

    def prompt(self, turn: Turn) -> list[Reply]:
        options = tuple(Choice(str(n), f"score:{n}") for n in range(11))
        return [
            Choices(
                "Thank you. How much progress have you made towards your goal? "
                "(0 = none yet, 10 = reached it)",
                options,
            )
        ]

    def handle(self, turn: Turn) -> Transition:
        score = _score(turn.incoming.said, 0, 10)
        if score is None:
            return Retry((Text("Please choose a number from 0 to 10."),))
        turn.data["progress"] = score
        return Goto("comment")


@dataclass(frozen=True)
class CommentStep:
    name: str = "comment"
    help: str = "Anything about the session or the pool. Say 'skip' to leave it."

    def prompt(self, turn: Turn) -> list[Reply]:
        return [
            Text(
                "Anything you'd like to add? It's kept confidential and never shown "
                "with your name. (Or say 'skip'.)"
            )
        ]

    def handle(self, turn: Turn) -> Transition:
        said = turn.incoming.said
        turn.data["comment"] = "" if said.lower().strip(" .!") in SKIP_WORDS else said[:2000]
        return Goto("consent")


@dataclass(frozen=True)
class ConsentStep:
    name: str = "consent"
    help: str = "Themes are topics like 'managing change', counted across the pool, never named."

    def prompt(self, turn: Turn) -> list[Reply]:
        return [
            Choices(
                "May the pool count the themes of your coaching (like 'managing change') "
                "in its anonymous figures?",
                (Choice("Yes", "yes"), Choice("No", "no")),
            )
        ]

    def handle(self, turn: Turn) -> Transition:
        said = turn.incoming.said.lower().strip(" .!")
        if said not in YES_WORDS | NO_WORDS:
            return Retry((Text("Please answer yes or no."),))
        services = turn.services
        services.store.save_feedback(
            Feedback(
                session_id=int(turn.data["session_id"]),
                person_id=turn.person.id,
                submitted_at=services.clock.now(),
                usefulness=int(turn.data["usefulness"]),
                progress=int(turn.data["progress"]),
                comment=str(turn.data.get("comment", "")),
                consent_to_share_themes=said in YES_WORDS,
            )
        )
        return Finish(Outcome((Text("Thank you: that helps the pool keep coaching good."),)))


FEEDBACK = Conversation(
    name="feedback",
    steps={s.name: s for s in (ProgressStep(), CommentStep(), ConsentStep())},
    first_step=lambda turn: "progress",
    on_cancel="Okay, no feedback saved. You can give it later from the reminder.",
)
