"""The final evaluation at the end of an engagement: goal attainment (from the prompt's
button), then whether they would recommend the pool."""

from __future__ import annotations

from dataclasses import dataclass

from bot.conversations.engine import Conversation, Finish, Retry, Transition, Turn
from bot.domain.feedback import FinalEvaluation
from bot.messages import Outcome
from bot.replies import Choice, Choices, Reply, Text


@dataclass(frozen=True)
class RecommendStep:
    name: str = "recommend"
    help: str = "0 means you wouldn't recommend it at all, 10 that you certainly would."

    def prompt(self, turn: Turn) -> list[Reply]:
        return [
            Choices(
                "How likely are you to recommend the coaching pool to a colleague? "
                "(0 = not at all, 10 = certainly)",
                tuple(Choice(str(n), f"score:{n}") for n in range(11)),
            )
        ]

    def handle(self, turn: Turn) -> Transition:
        said = turn.incoming.said.strip().removeprefix("score:")
        if not said.isdigit() or not 0 <= int(said) <= 10:
            return Retry((Text("Please choose a number from 0 to 10."),))
        turn.services.store.save_evaluation(
            FinalEvaluation(
                engagement_id=int(turn.data["engagement_id"]),
                person_id=turn.person.id,
                submitted_at=turn.services.clock.now(),
                goal_attainment=int(turn.data["goal_attainment"]),
                would_recommend=int(said),
            )
        )
        return Finish(Outcome((Text("Thank you, and all the best with what comes next."),)))


FINAL_EVALUATION = Conversation(
    name="final_evaluation",
    steps={"recommend": RecommendStep()},
    first_step=lambda turn: "recommend",
    on_cancel="Okay, nothing saved.",
)
