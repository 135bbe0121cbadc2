"""The one door into the core, with two entrances that share one transaction, one error
policy and one outgoing queue: every channel turns what a person did into an Incoming and
calls `CoachingBot.handle`; the outbox dispatcher hands each due message to
`CoachingBot.handle_due`, so a timer's state change and its news commit together, like a
person's turn. Inside either, a slice tells the others what happened with
`CoachingBot.publish` (bot/events.py).

The door knows no slice: it is given the registry every slice registered into
(bot/registry.py), and bot/assembly builds it with that registry (`coaching_bot`)."""

from __future__ import annotations

import logging
import uuid

from bot.actions import parse_action
from bot.domain import Channel, Person
from bot.domain.outbox import OutboxMessage
from bot.engine import ConversationEngine
from bot.events import Event
from bot.messages import Incoming, Outcome, refusal
from bot.notices import queue_outgoing
from bot.ports.errors import StaleState, StoreUnavailable
from bot.registry import Context, Registry
from bot.replies import Text
from bot.router import route_action, route_aside, route_form, route_text
from bot.safeguarding import answer_kindly, at_risk
from bot.services import Services
from bot.text_hygiene import at_the_door

log = logging.getLogger("coachpool.core")

SORRY = (
    "Sorry, something went wrong on my side and nothing was changed. "
    "Please try again in a minute; if it keeps happening, tell your pool coordinator."
)


class TimerFailed(Exception):
    """A due message's timer failed and nothing it changed was kept; `retryable` says
    whether running it again later may succeed (the dispatcher retries with backoff)."""

    def __init__(self, reason: str, *, retryable: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable


class CoachingBot:
    def __init__(self, services: Services, registry: Registry) -> None:
        self.services = services
        self.registry = registry
        self.engine = ConversationEngine(services, registry.conversations, self.publish)

    @at_the_door  # every input cleaned of control characters and held to length limits
    def handle(self, incoming: Incoming) -> Outcome:
        """Answer one input. One error policy for every channel: a failure is logged with
        its context and the person gets a calm apology; nothing half-done is kept."""
        try:
            with self.services.store.transaction():
                outcome = self._handle(incoming)
                origin = incoming.event_id or uuid.uuid4().hex
                queue_outgoing(
                    self.services.store,
                    outcome.outgoing,
                    now=self.services.clock.now(),
                    origin=f"turn:{origin}",
                )
                return outcome
        except StaleState as stale:
            # Someone else moved the record on between this turn's read and its write: the
            # whole turn was undone, so the truth is that nothing changed.
            log.info("turn refused, its record moved on: %s", stale)
            return refusal(
                "That changed at the same moment from elsewhere, so I've left things as they "
                "are. Please have another look."
            )
        except StoreUnavailable:
            log.exception("store unavailable", extra={"person_id": incoming.person_id})
            return Outcome(
                (
                    Text(
                        "Sorry, I can't reach the pool's records just now. "
                        "Please try again in a few minutes."
                    ),
                )
            )
        except Exception:
            log.exception(
                "failed to handle input",
                extra={"person_id": incoming.person_id, "channel": incoming.channel},
            )
            return Outcome((Text(SORRY),))

    def handle_due(self, message: OutboxMessage) -> Outcome:
        """Run a due outbox message's timer (registered by its slice for the message's kind).

        One transaction, as for a person's turn: what the timer changes and the news it
        returns in `Outcome.outgoing` are queued together, or nothing is kept. Its
        `Outcome.replies` are for the message's recipient; the dispatcher delivers them after
        the commit. One error policy: a failure is logged with its context and raised as
        `TimerFailed`; a record that moved on at the same moment (`StaleState`) or an
        unreachable store may succeed later, anything else will not. A timer that calls out
        to another system runs before its transaction, so no lock waits on that system
        (`Timer.calls_out`)."""
        store = self.services.store
        try:
            timer = self.registry.timer(message.kind)
            outcome = timer.handle(self, message) if timer.calls_out else None
            with store.transaction():
                if outcome is None:
                    outcome = timer.handle(self, message)
                queue_outgoing(
                    store,
                    outcome.outgoing,
                    now=self.services.clock.now(),
                    origin=message.key,  # running it again queues the same keys
                )
                return outcome
        except StaleState as stale:
            log.info("timer %s undone, its record moved on: %s", message.key, stale)
            raise TimerFailed(f"StaleState: {stale}", retryable=True) from stale
        except StoreUnavailable as error:
            log.exception("store unavailable", extra=_log_fields(message))
            raise TimerFailed(f"StoreUnavailable: {error}", retryable=True) from error
        except Exception as error:
            log.exception(
                "outbox message %s (%s) to person %s could not be handled",
                message.key,
                message.kind,
                message.recipient_id,
                extra=_log_fields(message),
            )
            raise TimerFailed(f"{type(error).__name__}: {error}", retryable=False) from error

    def _handle(self, incoming: Incoming) -> Outcome:
        person = self.services.store.get_person(incoming.person_id)
        if at_risk(incoming):
            # Before any routing, so risky words are never stored or passed on anywhere.
            return answer_kindly(self, person, incoming)
        if person is None or person.erased:
            return Outcome(
                (
                    Text(
                        "Sorry, I don't know you yet. Please ask your pool coordinator "
                        "to add you to the coaching pool."
                    ),
                )
            )
        ctx = Context(self, person, incoming)
        action = parse_action(incoming.value) if incoming.value else None
        if action is not None:
            return route_action(ctx, action)
        if incoming.form is not None:
            answered = route_form(ctx, incoming.form)
            if answered is not None:
                return answered
        state = self.engine.active(person, incoming)
        if state is not None:
            aside = None if incoming.value else route_aside(ctx, incoming.text.strip())
            if aside is not None:
                note = "To carry on where we were, answer this (or say 'cancel'):"
                return aside + self.engine.ask_again(
                    state, person=person, incoming=incoming, note=note
                )
            return self.engine.continue_(state, person=person, incoming=incoming)
        if incoming.form:
            return self.registry.start_request(ctx)  # the intake form, at once
        if incoming.value:
            # An answer button from a conversation that has since ended or been cancelled.
            return refusal(
                "That button belongs to a conversation that has finished, so I've ignored "
                "it. Say 'help' to see what you can do."
            )
        return route_text(ctx)

    def publish(self, event: Event) -> Outcome:
        """Run every subscriber of `event` (bot/events.py), in the order the slices
        subscribed, and give back what they add. Called inside a turn or a timer, so they
        run in its store transaction: the publisher returns their replies with its own and
        their news for others is queued with the change that made it true."""
        outcome = Outcome()
        for subscriber in self.registry.subscribers_of(type(event)):
            outcome += subscriber(self, event)
        return outcome

    def start(self, name: str, person: Person, incoming: Incoming, **data: object) -> Outcome:
        return self.engine.start(name, person=person, incoming=incoming, data=dict(data))

    def context(self, person: Person, channel: Channel) -> Context:
        """What a handler is given for `person` outside a turn, when a channel shows their
        home surface: the Context the door would build for an input with nothing in it."""
        return Context(self, person, Incoming(person.id, channel))


def _log_fields(message: OutboxMessage) -> dict[str, object]:
    return {"person_id": message.recipient_id, "outbox_key": message.key, "kind": message.kind}
