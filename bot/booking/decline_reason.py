"""A coach who declined may say why, in one optional line (shared with coordinators only)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.conversation_names import BookingConversation
from bot.domain.audit import AuditEntry
from bot.engine import Conversation, Finish, Transition, Turn
from bot.messages import Outcome
from bot.replies import Reply, Text

_SKIP = frozenset({"skip", "no", "none", "no thanks", "n/a"})


@dataclass(frozen=True)
class ReasonStep:
    name: str = "reason"
    help: str = "A short reason helps the coordinators plan capacity. Say 'skip' to leave it."

    def prompt(self, turn: Turn) -> list[Reply]:
        return [
            Text(
                "Thanks for letting me know; I've offered them other coaches. If you'd like "
                "to say why (only the coordinators see it), type it now, or say 'skip'."
            )
        ]

    def handle(self, turn: Turn) -> Transition:
        reason = turn.incoming.said[:500]
        if reason.lower().strip(" .!") not in _SKIP:
            turn.services.store.audit(
                AuditEntry(
                    turn.services.clock.now(),
                    turn.person.id,
                    "request.decline_reason",
                    f"request:{turn.data.get('request_id')}",
                    reason,
                )
            )
        return Finish(Outcome((Text("Thank you."),)))


DECLINE_REASON = Conversation(
    name=BookingConversation.DECLINE_REASON,
    steps={"reason": ReasonStep()},
    first_step=lambda turn: "reason",
    on_cancel="Okay. Thank you.",
)
