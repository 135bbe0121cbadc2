"""The conversation engine: persisted steps with global cancel, back and help.

A conversation is a set of named steps. Each turn the engine loads the person's state
for the channel, offers the input to the current step, applies the transition it
returns and saves the new state, all inside one store transaction, so any replica can
take the next turn and a crash never leaves half a turn behind.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from bot.domain.conversation import ConversationState
from bot.domain.people import Person
from bot.events import Publish
from bot.messages import Incoming, Outcome
from bot.replies import Card, Choices, Form, Reply, Text
from bot.services import Services

CANCEL_WORDS = frozenset({"cancel", "stop", "quit", "exit", "never mind", "nevermind"})
BACK_WORDS = frozenset({"back", "go back", "previous"})
HELP_WORDS = frozenset({"help", "?", "what can i say", "what can i do"})


@dataclass
class Turn:
    """One turn of one person's conversation. `data` is persisted after the turn."""

    services: Services
    person: Person
    incoming: Incoming
    data: dict[str, Any]
    # Tells the other slices what this turn did (the door's `CoachingBot.publish`).
    publish: Publish


@dataclass(frozen=True)
class Goto:
    """Move to `step` and ask its question, after saying `say`."""

    step: str
    say: tuple[Reply, ...] = ()


@dataclass(frozen=True)
class Retry:
    """Stay on this step: say why, then ask again."""

    say: tuple[Reply, ...]


@dataclass(frozen=True)
class Finish:
    """End the conversation with a final outcome."""

    outcome: Outcome = field(default_factory=Outcome)


@dataclass(frozen=True)
class Handover:
    """End this conversation and start another (e.g. intake hands over to choosing)."""

    conversation: str
    data: dict[str, Any] = field(default_factory=dict)
    say: tuple[Reply, ...] = ()
    outcome: Outcome = field(default_factory=Outcome)


Transition = Goto | Retry | Finish | Handover


class Step(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def help(self) -> str:
        """Said when the person asks for help at this step, before the question again."""
        ...

    def prompt(self, turn: Turn) -> list[Reply]: ...
    def handle(self, turn: Turn) -> Transition: ...


@dataclass(frozen=True)
class Conversation:
    name: str
    steps: Mapping[str, Step]
    # Picks the first step from the opening input, e.g. skipping what was already said.
    first_step: Callable[[Turn], str]
    on_cancel: str = "Okay, I've stopped there. Nothing was sent to anyone."


class ConversationEngine:
    def __init__(
        self, services: Services, conversations: Mapping[str, Conversation], publish: Publish
    ) -> None:
        self._services = services
        self._conversations = dict(conversations)
        self._publish = publish

    def active(self, person: Person, incoming: Incoming) -> ConversationState | None:
        return self._services.store.load_conversation(person.id, incoming.channel)

    def start(
        self, name: str, *, person: Person, incoming: Incoming, data: dict[str, Any] | None = None
    ) -> Outcome:
        conversation = self._conversations[name]
        turn = Turn(self._services, person, incoming, dict(data or {}), self._publish)
        step = conversation.first_step(turn)
        return self._enter(conversation, turn, step, history=(), say=())

    def continue_(self, state: ConversationState, *, person: Person, incoming: Incoming) -> Outcome:
        conversation = self._conversations.get(state.name)
        if conversation is None or state.step not in conversation.steps:
            # A conversation from an older release: start afresh rather than guess.
            self._services.store.clear_conversation(person.id, incoming.channel)
            return Outcome((Text("Sorry, I lost my place there. Let's start again."),))
        turn = Turn(self._services, person, incoming, dict(state.data), self._publish)
        step = conversation.steps[state.step]
        said = incoming.said.lower().strip(" .!")
        if not incoming.value and said in CANCEL_WORDS:
            self._services.store.clear_conversation(person.id, incoming.channel)
            return Outcome((Text(conversation.on_cancel),))
        if not incoming.value and said in BACK_WORDS:
            return self._back(conversation, turn, state)
        if not incoming.value and said in HELP_WORDS:
            return self._ask(
                conversation,
                turn,
                state.step,
                state.history,
                (Text(step.help),),
                same_question=True,
            )
        if incoming.token and incoming.token != state.data.get("_token"):
            asked = self._ask(
                conversation,
                turn,
                state.step,
                state.history,
                (
                    Text(
                        "That button belongs to an earlier question, so I've ignored it. "
                        "Here is where we are now:"
                    ),
                ),
                same_question=True,
            )
            return dataclasses.replace(asked, refused=True)
        return self._apply(conversation, turn, state, step.handle(turn))

    def ask_again(
        self, state: ConversationState, *, person: Person, incoming: Incoming, note: str
    ) -> Outcome:
        """Repeat the current question (its buttons still valid) after `note`, for when the
        person stepped aside mid-conversation, e.g. to look at their sessions."""
        conversation = self._conversations.get(state.name)
        if conversation is None or state.step not in conversation.steps:
            return Outcome()
        turn = Turn(self._services, person, incoming, dict(state.data), self._publish)
        return self._ask(
            conversation, turn, state.step, state.history, (Text(note),), same_question=True
        )

    def _apply(
        self,
        conversation: Conversation,
        turn: Turn,
        state: ConversationState,
        transition: Transition,
    ) -> Outcome:
        store = self._services.store
        if isinstance(transition, Retry):
            return self._ask(conversation, turn, state.step, state.history, transition.say)
        if isinstance(transition, Goto):
            history = (*state.history, state.step)
            return self._enter(conversation, turn, transition.step, history, transition.say)
        if isinstance(transition, Finish):
            store.clear_conversation(turn.person.id, turn.incoming.channel)
            return transition.outcome
        store.clear_conversation(turn.person.id, turn.incoming.channel)
        started = self.start(
            transition.conversation,
            person=turn.person,
            incoming=turn.incoming,
            data=transition.data,
        )
        return transition.outcome + Outcome(transition.say) + started

    def _back(self, conversation: Conversation, turn: Turn, state: ConversationState) -> Outcome:
        if not state.history:
            return self._ask(
                conversation, turn, state.step, (), (Text("We're at the first question already."),)
            )
        *earlier, previous = state.history
        return self._ask(conversation, turn, previous, tuple(earlier), ())

    def _enter(
        self,
        conversation: Conversation,
        turn: Turn,
        step_name: str,
        history: tuple[str, ...],
        say: tuple[Reply, ...],
    ) -> Outcome:
        return self._ask(conversation, turn, step_name, history, say)

    def _ask(
        self,
        conversation: Conversation,
        turn: Turn,
        step_name: str,
        history: tuple[str, ...],
        say: tuple[Reply, ...],
        *,
        same_question: bool = False,
    ) -> Outcome:
        """Ask the step's question. A new asking gets a new token, which retires the
        buttons of earlier ones; `same_question` (help, a stale press) keeps the token, so
        the buttons already on screen still work."""
        token = str(turn.data.get("_token", ""))
        if not same_question or not token:
            sequence = int(turn.data.get("_seq", 0)) + 1
            token = f"{conversation.name}.{step_name}.{sequence}"
            turn.data["_seq"] = sequence
            turn.data["_token"] = token
        prompt = [_stamp(reply, token) for reply in conversation.steps[step_name].prompt(turn)]
        self._services.store.save_conversation(
            ConversationState(
                person_id=turn.person.id,
                channel=turn.incoming.channel,
                name=conversation.name,
                step=step_name,
                data=turn.data,
                history=history,
                updated_at=self._services.clock.now(),
            )
        )
        return Outcome((*(_stamp(reply, token) for reply in say), *prompt))


def _stamp(reply: Reply, token: str) -> Reply:
    """Tie a question's buttons to the step that asked it."""
    if isinstance(reply, Choices | Form | Card):
        return dataclasses.replace(reply, token=token)
    return reply
