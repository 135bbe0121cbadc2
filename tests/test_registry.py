"""One registry for every slice: a duplicate stops the bot at start-up, every verb and
outbox kind the core can produce has exactly one answer, and every event one slice publishes
for others is heard."""

from __future__ import annotations

import pytest

import bot.assembly
from bot.actions import Action, Verb
from bot.aftercare import registration as aftercare
from bot.app import CoachingBot
from bot.assembly import build_registry
from bot.booking import registration as booking
from bot.coaches import registration as coaches
from bot.domain import Person
from bot.engagements import registration as engagements
from bot.events import Event, PlaceFreed, event_types
from bot.keys import OutboxKind
from bot.lapse import always
from bot.messages import Incoming, Outcome
from bot.overview import registration as overview
from bot.registry import DuplicateRegistration, FormRoute, Registry, Timer
from bot.replies import Reply
from bot.requests import registration as requests


def _press(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
    return Outcome()


def test_every_verb_and_outbox_kind_is_answered_once() -> None:
    registry = build_registry()
    assert set(registry.verbs) == set(Verb)
    assert set(registry.timers) == set(OutboxKind)
    assert registry.verb("act-of-an-older-version") is None


def unheard_events(registry: Registry) -> set[type[Event]]:
    """The events in bot/events.py no slice subscribes to: publishing one would be a fault."""
    return {event for event in event_types() if not registry.subscribers.get(event)}


def test_every_event_has_a_subscriber() -> None:
    assert event_types(), "bot/events.py defines no event"
    assert not unheard_events(build_registry())


def test_the_event_check_catches_an_event_nobody_hears() -> None:
    """The check above can fail: without the requests slice nobody hears that a place was
    freed, and publishing it is refused rather than silently dropped."""
    registry = Registry()
    for register in bot.assembly.SLICES:
        if register is not requests.register:
            register(registry)
    assert PlaceFreed in unheard_events(registry)
    with pytest.raises(LookupError, match="no slice subscribes to PlaceFreed"):
        registry.subscribers_of(PlaceFreed)


def test_the_same_subscriber_twice_for_an_event_raises() -> None:
    registry = build_registry()
    handler = registry.subscribers_of(PlaceFreed)[0]
    with pytest.raises(DuplicateRegistration, match="already hears PlaceFreed"):
        registry.subscribe(PlaceFreed, handler)


def test_a_slice_registering_a_verb_another_already_answers_stops_the_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def rival(registry: Registry) -> None:
        registry.add_verb(Verb.BOOK, _press)

    monkeypatch.setattr(bot.assembly, "SLICES", (*bot.assembly.SLICES, rival))
    with pytest.raises(DuplicateRegistration, match="button verb 'book'"):
        build_registry()


@pytest.mark.parametrize(
    "again",
    [
        pytest.param(requests.register, id="requests: conversations, request form, verbs"),
        pytest.param(booking.register, id="booking: verbs, conversations, deadlines"),
        pytest.param(engagements.register, id="engagements: verbs and a conversation"),
        pytest.param(aftercare.register, id="aftercare: forms, verbs, timers"),
        pytest.param(coaches.register, id="coaches: verbs and conversations"),
        pytest.param(overview.register, id="overview: talk"),
    ],
)
def test_registering_a_slice_twice_raises(again: object) -> None:
    registry = build_registry()
    assert callable(again)
    with pytest.raises(DuplicateRegistration):
        again(registry)


def test_a_second_timer_for_a_kind_raises() -> None:
    registry = build_registry()
    with pytest.raises(DuplicateRegistration, match="outbox kind 'reminder'"):
        registry.add_timer(OutboxKind.REMINDER, Timer(lambda bot, message: Outcome(), always))


def test_form_prefixes_may_not_overlap() -> None:
    """A token must reach one form: a prefix inside another form's is refused too."""
    registry = build_registry()

    def again(*_: object) -> tuple[Reply, ...]:
        return ()

    route = FormRoute(submit=lambda *_: None, again=again)
    for prefix in ("form:feedback:", "form:feedback:7", "form:"):
        with pytest.raises(DuplicateRegistration, match="overlaps"):
            registry.add_form(prefix, route)
    registry.add_form("form:check-in:", route)
    assert registry.form("form:check-in:12") is route
