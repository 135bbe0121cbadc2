"""The one table of everything the core answers: button verbs, forms, conversations,
timed messages (outbox kinds), what people type and see outside a conversation (typed
commands, typed answers, starting a request, the home surface's parts), and who hears each
event one slice publishes for others (bot/events.py).

Each slice has a `register(registry)` function; bot/assembly calls them all, once, when the
bot is built. A second registration of the same verb, form prefix, conversation, kind,
command word, typed answer's or home section's place raises `DuplicateRegistration` there
and then, so two slices can never silently share a button or a timer (the later one used to
win). The tables of names are keyed by value, as stored and as pressed: two slices' enums
holding the same value collide too.

Every name is a member of a StrEnum, one per slice: the button verbs and conversation names,
which cross slices, in the kernel (bot/verbs.py, bot/conversation_names.py); outbox kinds
and form prefixes in their slice, or in the kernel module that schedules them
(bot/notices.py, bot/choosing.py). A slice registers its verbs, forms and conversations with
their enum, and the registry checks the enum is answered exactly: a member left without a
handler, or a handler for a name not in the enum, raises `IncompleteRegistration` at
start-up. The door (bot/app.py), the router (bot/router.py) and the dispatcher
(bot/outbox/dispatcher.py) only read these tables.

Every handler has one of two shapes (`PersonHandler`, `DoorHandler` below), besides the
conversation steps (bot/engine.py). What a person did (a button, a form, typed words, the
home surface) is `(Context, what they did)`: the door builds the `Context` once per turn.
What time or another slice did (a due outbox message, a published event) is `(the door,
the message or the event)`: no person acted, so there is no Context to give.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum, StrEnum
from itertools import product
from typing import Any, Protocol, TypeVar

from bot.actions import Action
from bot.domain import Person
from bot.domain.outbox import OutboxMessage
from bot.engine import Conversation, ConversationEngine
from bot.events import Event
from bot.lapse import WorthUntil
from bot.messages import Incoming, Outcome
from bot.replies import Reply
from bot.services import Services

X = TypeVar("X")
R = TypeVar("R")


class Door(Protocol):
    """What handlers are given of the door (bot/app.py's `CoachingBot`, which satisfies it
    without naming it): so no handler imports the door, and the door can import this module.
    Here, beside the `Registry` it exposes and the `Context` that carries it, because the
    three name one another."""

    @property
    def services(self) -> Services: ...

    @property
    def registry(self) -> Registry:
        """Read by the router and the overview to find who answers what."""
        ...

    @property
    def engine(self) -> ConversationEngine:
        """For a handler that carries a conversation on at once (a coach's typed answer)."""
        ...

    def publish(self, event: Event) -> Outcome: ...

    def start(self, name: str, person: Person, incoming: Incoming, **data: object) -> Outcome: ...


@dataclass(frozen=True)
class Context:
    """What every handler of what a person did is given: the door itself (`bot`), who acted
    (`person`) and what they sent (`incoming`). The door builds it once per turn
    (bot/app.py); for a channel's home surface, shown outside a turn, `CoachingBot.context`
    builds one for an input with nothing in it."""

    bot: Door
    person: Person
    incoming: Incoming

    @property
    def services(self) -> Services:
        return self.bot.services

    def start(self, conversation: str, **data: object) -> Outcome:
        """Start a conversation with this person, on the channel they used."""
        return self.bot.start(conversation, self.person, self.incoming, **data)

    def publish(self, event: Event) -> Outcome:
        """Tell the other slices what this turn did (bot/events.py)."""
        return self.bot.publish(event)


# The two shapes of handler.
#
# What a person did: (the turn's Context, what they did: the pressed button's Action, the
# form's fields, the typed text, a form's token) -> what to say; `Outcome | None` where
# None means "not mine" (read on). Where there is nothing more than the turn itself
# (starting a request, a section of the home surface), the Context alone.
PersonHandler = Callable[[Context, X], R]
# What time or another slice did: (the door, the due outbox message or the published
# event) -> its outcome. No person acted, so there is no Context (a timer's recipient is
# not the one who did anything); the door is all these need.
DoorHandler = Callable[[Door, X], Outcome]

# A button press -> what to say.
VerbHandler = PersonHandler[Action, Outcome]
# A submitted form's fields, by its token; None when the token is not this form's after all.
FormHandler = PersonHandler[dict[str, str], Outcome | None]
# A due outbox message, through the door's other entrance (`CoachingBot.handle_due`):
# its replies for the message's recipient and news for others, in the same transaction
# as any state it changes; `Outcome()` when it has lapsed.
TimerHandler = DoorHandler[OutboxMessage]
# An event another slice published (`CoachingBot.publish`): what it adds to the
# publisher's outcome, run in the publisher's transaction.
Subscriber = DoorHandler[Any]


class DuplicateRegistration(ValueError):
    """Two registrations of the same verb, form prefix, conversation, outbox kind, command
    word, or place of a typed answer or home section, or the same subscriber twice for one
    event."""


class IncompleteRegistration(ValueError):
    """A slice's enum not answered exactly: a member with no handler, or a handler for a
    name the enum does not hold."""


@dataclass(frozen=True)
class FormRoute:
    """A form sent on its own (not asked by a conversation step), found by its token's
    prefix. `again` says what became of a form that was not kept (it signalled risk, so
    nothing in it was saved) and how to fill it in again; it is given the token.
    `starts_request` marks the request form, which is also what a form without a token is
    taken to be."""

    submit: FormHandler
    again: PersonHandler[str, tuple[Reply, ...]]
    starts_request: bool = False


@dataclass(frozen=True)
class Timer:
    """A kind of outbox message: `handle` runs when it is due, inside the door's
    transaction (bot/app.py, `CoachingBot.handle_due`), so it sees the store as it is then;
    `worth_until` is asked first (bot/lapse.py).

    A plain message (a reminder) returns `Outcome(replies)`, delivered to the message's
    recipient. A kind that changes state changes it and returns its news as
    `Outcome.outgoing`: queued in the same transaction, like a person's turn, so a failed
    send never leaves the state changed but the people untold.

    `calls_out` marks a timer that waits on another system (the organisational calendar):
    the door runs it outside the store transaction, so no lock is held while it waits (on
    SQLite a transaction holds the one write lock), and queues its news in a transaction of
    its own straight after; what it writes, it writes in one short write of its own."""

    handle: TimerHandler
    worth_until: WorthUntil
    calls_out: bool = False


@dataclass(frozen=True)
class Talk:
    """What a person types when no conversation is waiting (`text`), and what may be said
    even mid-conversation, a command or a question (`aside`, None for anything else)."""

    text: PersonHandler[str, Outcome]
    aside: PersonHandler[str, Outcome | None]


# -- What people type and see outside a conversation -----------------------------------
#
# bot/overview reads what people type and builds their home surface from these tables, so
# it imports no slice: the slice that owns a listing or an answer registers it. Where the
# order matters it is a place named below, never the order the slices happened to register.

# Typed words: the text as typed -> the answer; None when the words are not for this
# person (a coach's 'pending' typed by a coachee), read on as unknown.
CommandHandler = PersonHandler[str, Outcome | None]
# A typed answer a slice reads before the overview does, given the text as typed: None
# when it is not one.
Interpreter = PersonHandler[str, Outcome | None]
# Starting a coaching request from what a person typed or a request form's text (both in
# the Context's `incoming`).
RequestStarter = Callable[[Context], Outcome]


def phrases(*parts: Iterable[str]) -> frozenset[str]:
    """Every phrase made of one choice from each part, in order: `phrases(("", "my "),
    ("session", "sessions"))` is the four ways of asking for sessions."""
    return frozenset("".join(chosen) for chosen in product(*parts))


@dataclass(frozen=True)
class Command:
    """Words that mean the same wherever they are typed, even mid-conversation. `words`
    are whole phrases in lower case, matched ignoring case, leading spaces and trailing
    punctuation ('My sessions?' is 'my sessions')."""

    words: frozenset[str]
    answer: CommandHandler


class Before(Enum):
    """Where a slice's typed answer is tried in what a person types outside a conversation
    (bot/overview/talk.py), in this order; one slice's answer at each place."""

    GREETINGS = "before greetings, commands and questions"  # 'help' at a shortlist
    INTENT = "before a request for coaching is read"  # a coach's answer in words


class Audience(Enum):
    """Who a section of the home surface is for (bot/overview/home.py checks the roles)."""

    EVERYONE = "everyone"
    COACHES = "coaches"
    FIGURES = "coordinators and organisation leads"  # figures only, never a coachee's


class HomePlace(Enum):
    """The parts of a person's home surface (Slack's App Home, the Teams welcome), in the
    order they are shown; one slice's section at each place."""

    REQUESTS = "your requests"
    SESSIONS = "your sessions"
    OFFERS = "offers waiting for a coach's answer"
    AVAILABILITY = "a coach's availability"
    FIGURES = "this week's figures"
    WAITING = "the requests waiting for a coach"
    DASHBOARD = "the dashboard link"


@dataclass(frozen=True)
class HomeSection:
    """One section of the home surface: what the matching chat command answers, so the two
    never disagree. `heading` is "" where the section's own card already carries a title."""

    heading: str
    audience: Audience
    show: Callable[[Context], Outcome]


E = TypeVar("E", bound=StrEnum)
K = TypeVar("K")
V = TypeVar("V")
EventT = TypeVar("EventT", bound=Event)


class Registry:
    def __init__(self) -> None:
        # Keyed by value: as pressed, as stored in tokens and rows.
        self.verbs: dict[str, VerbHandler] = {}
        self.forms: dict[str, FormRoute] = {}
        self.conversations: dict[str, Conversation] = {}
        self.timers: dict[str, Timer] = {}
        self._talk: Talk | None = None
        self.subscribers: dict[type[Event], list[Subscriber]] = {}
        # what people type and see outside a conversation (the block below)
        self.commands: dict[str, Command] = {}
        self.typed_answers: dict[Before, Interpreter] = {}
        self.home: dict[HomePlace, HomeSection] = {}
        self._request_starter: RequestStarter | None = None

    # -- registering -------------------------------------------------------------------

    def add_verbs(self, vocabulary: type[E], *tables: Mapping[E, VerbHandler]) -> None:
        """Every verb of the slice's enum (bot/verbs.py), each answered by one handler of
        `tables` (a slice may keep its handlers in several modules)."""
        answered: dict[str, VerbHandler] = {}
        for table in tables:
            for verb, handler in table.items():
                _add(answered, str(verb), handler, "button verb")
        _exactly(vocabulary, answered, "button verb")
        for pressed, handler in answered.items():
            _add(self.verbs, pressed, handler, "button verb")

    def add_forms(self, vocabulary: type[E], routes: Mapping[E, FormRoute]) -> None:
        """Every form prefix of the slice's enum, each with its route. A prefix starts
        every token of its form; no two forms' prefixes may overlap, or one form's tokens
        would reach the other's handler."""
        _exactly(vocabulary, routes.keys(), "form prefix")
        for prefix, route in routes.items():
            clash = next(
                (p for p in self.forms if p.startswith(prefix) or prefix.startswith(p)), None
            )
            if clash is not None:
                raise DuplicateRegistration(f"form prefix {prefix!r} overlaps {clash!r}")
            self.forms[str(prefix)] = route

    def add_conversations(
        self, vocabulary: type[StrEnum], conversations: Iterable[Conversation]
    ) -> None:
        """Every conversation named by the slice's enum; the names are stored in people's
        conversation state, so a name is its enum member's value."""
        named: dict[str, Conversation] = {}
        for conversation in conversations:
            _add(named, conversation.name, conversation, "conversation")
        _exactly(vocabulary, named, "conversation")
        for name, conversation in named.items():
            _add(self.conversations, name, conversation, "conversation")

    def add_timer(self, kind: StrEnum, timer: Timer) -> None:
        """One outbox kind, a member of its slice's enum, and what it does when due."""
        _add(self.timers, str(kind), timer, "outbox kind")

    def subscribe(self, event: type[EventT], handler: DoorHandler[EventT]) -> None:
        """`handler` runs whenever a slice publishes an `event`, after those subscribed
        before it (the order bot/assembly registers the slices in)."""
        handlers = self.subscribers.setdefault(event, [])
        if handler in handlers:
            raise DuplicateRegistration(f"{handler.__name__} already hears {event.__name__}")
        handlers.append(handler)

    def add_talk(self, talk: Talk) -> None:
        if self._talk is not None:
            raise DuplicateRegistration("what people type is already answered by another slice")
        self._talk = talk

    # -- reading -----------------------------------------------------------------------

    @property
    def talk(self) -> Talk:
        if self._talk is None:
            raise LookupError("no slice answers what people type (bot/assembly registers one)")
        return self._talk

    def verb(self, pressed: str) -> VerbHandler | None:
        """The handler of a pressed verb; None for a verb this version does not know."""
        return self.verbs.get(pressed)

    def form(self, token: str) -> FormRoute | None:
        """The form a token belongs to; an empty token is the request form's."""
        if not token:
            return next((r for r in self.forms.values() if r.starts_request), None)
        return next((r for p, r in self.forms.items() if token.startswith(p)), None)

    def subscribers_of(self, event: type[Event]) -> tuple[Subscriber, ...]:
        """Who hears `event`; an event no slice hears is a fault, not a quiet no-op."""
        handlers = self.subscribers.get(event)
        if not handlers:
            raise LookupError(f"no slice subscribes to {event.__name__} (bot/events.py)")
        return tuple(handlers)

    def timer(self, kind: str) -> Timer:
        try:
            return self.timers[kind]
        except KeyError:
            raise ValueError(f"no timer for outbox messages of kind '{kind}'") from None

    # -- what people type and see outside a conversation ----------------------------------

    def add_command(self, command: Command) -> None:
        """A word another command already answers raises: typed words reach one answer."""
        for word in command.words:
            if word != word.lower().strip():
                raise ValueError(f"command word {word!r}: lower case, no outer spaces")
            _add(self.commands, word, command, "command word")

    def command(self, text: str) -> Command | None:
        """The command typed, if any: the whole text, ignoring case, leading spaces and
        trailing punctuation."""
        said = _COMMAND.match(text)
        return None if said is None else self.commands.get(said[1].lower())

    def add_typed_answer(self, before: Before, interpreter: Interpreter) -> None:
        _add(self.typed_answers, before, interpreter, "typed answer")

    def typed_answer(self, before: Before) -> Interpreter | None:
        return self.typed_answers.get(before)

    def add_request_starter(self, starter: RequestStarter) -> None:
        if self._request_starter is not None:
            raise DuplicateRegistration("starting a request is already answered by a slice")
        self._request_starter = starter

    @property
    def start_request(self) -> RequestStarter:
        if self._request_starter is None:
            raise LookupError("no slice starts a coaching request (bot/assembly registers one)")
        return self._request_starter

    def add_home_section(self, place: HomePlace, section: HomeSection) -> None:
        _add(self.home, place, section, "home section")

    def home_sections(self) -> list[HomeSection]:
        """The registered sections of the home surface, in `HomePlace` order."""
        return [self.home[place] for place in HomePlace if place in self.home]


# The whole text is the command: leading spaces and trailing punctuation aside.
_COMMAND = re.compile(r"^\s*(.*?)\W*$", re.S)


def _add(table: dict[K, V], key: K, value: V, what: str) -> None:
    if key in table:
        raise DuplicateRegistration(f"{what} '{key}' is registered twice")
    table[key] = value


def _exactly(vocabulary: type[StrEnum], answered: Collection[str], what: str) -> None:
    """`answered` holds every member of `vocabulary` and nothing else."""
    names = {str(member) for member in vocabulary}
    missing = sorted(names - set(answered))
    extra = sorted(str(name) for name in answered if name not in names)
    problems = []
    if missing:
        problems.append(f"no handler for {what} {', '.join(missing)}")
    if extra:
        problems.append(f"{what} {', '.join(extra)} not in the enum")
    if problems:
        raise IncompleteRegistration(f"{vocabulary.__name__}: {'; '.join(problems)}")
