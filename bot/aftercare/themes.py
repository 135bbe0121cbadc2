"""A coach logs the themes of a held session from a fixed list; never its content.
Diagram: themes.mmd."""

from __future__ import annotations

from dataclasses import dataclass

from bot.conversation_names import AftercareConversation
from bot.domain.feedback import THEMES, Feedback
from bot.engine import Conversation, Finish, Retry, Transition, Turn
from bot.messages import Outcome
from bot.replies import Choice, Choices, Reply, Text
from bot.step_answers import SKIP_WORDS

DONE = "done"


@dataclass(frozen=True)
class ThemesStep:
    name: str = "themes"
    help: str = "Pick each theme that came up, then 'Done'. Only counts are ever shared."

    def prompt(self, turn: Turn) -> list[Reply]:
        chosen = set(turn.data.get("themes", []))
        options = tuple(
            Choice(("✓ " if theme in chosen else "") + theme.capitalize(), f"theme:{theme}")
            for theme in THEMES
        )
        return [
            Choices(
                "Which themes came up? Pick any, then Done. (Themes only, never what was said.)",
                (*options, Choice("Done", DONE, style="primary")),
            )
        ]

    def handle(self, turn: Turn) -> Transition:
        said = turn.incoming.said.lower().strip(" .!")
        chosen: list[str] = list(turn.data.get("themes", []))
        if said in {DONE, *SKIP_WORDS}:
            turn.services.store.save_feedback(
                Feedback(
                    session_id=int(turn.data["session_id"]),
                    person_id=turn.person.id,
                    submitted_at=turn.services.clock.now(),
                    themes=tuple(chosen),
                )
            )
            return Finish(Outcome((Text("Thanks, themes saved." if chosen else "Thanks."),)))
        theme = said.removeprefix("theme:").removeprefix("✓ ").strip()
        if theme not in THEMES:
            return Retry((Text("Please pick themes from the list, then 'Done'."),))
        if theme in chosen:
            chosen.remove(theme)
        else:
            chosen.append(theme)
        turn.data["themes"] = chosen
        return Retry(())


THEMES_CONVERSATION = Conversation(
    name=AftercareConversation.SESSION_THEMES,
    steps={"themes": ThemesStep()},
    first_step=lambda turn: "themes",
    on_cancel="Okay, no themes saved.",
)
