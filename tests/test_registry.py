"""One registry for every slice: a duplicate stops the bot at start-up, and every verb and
outbox kind the core can produce has exactly one answer."""

from __future__ import annotations

import pytest

import bot.assembly
from bot.actions import Action, Verb
from bot.aftercare import registration as aftercare
from bot.app import CoachingBot
from bot.assembly import build_registry
from bot.booking import registration as booking
from bot.coaches import registration as coaches
from bot.digest import registration as digest
from bot.domain import Person
from bot.engagements import registration as engagements
from bot.keys import OutboxKind
from bot.lapse import always
from bot.messages import Incoming, Outcome
from bot.overview import registration as overview
from bot.registry import (
    Audience,
    Before,
    Command,
    DuplicateRegistration,
    FormRoute,
    HomePlace,
    HomeSection,
    Registry,
    Timer,
    phrases,
)
from bot.replies import Reply
from bot.requests import registration as requests


def _press(bot: CoachingBot, person: Person, incoming: Incoming, action: Action) -> Outcome:
    return Outcome()


def test_every_verb_and_outbox_kind_is_answered_once() -> None:
    registry = build_registry()
    assert set(registry.verbs) == set(Verb)
    assert set(registry.timers) == set(OutboxKind)
    assert registry.verb("act-of-an-older-version") is None


def test_every_typed_answer_and_home_section_has_its_slice() -> None:
    """Each place in the order of typed answers and of the home surface is taken once."""
    registry = build_registry()
    assert set(registry.typed_answers) == set(Before)
    assert [s.heading for s in registry.home_sections()] == [
        "Your requests",
        "Your sessions",
        "Waiting for your answer",
        "",  # a coach's availability, titled by its own card
        "",  # this week's figures, titled by the digest's week
        "",  # the requests waiting, titled by their count
        "Dashboard",
    ]
    assert registry.start_request is not None


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
        pytest.param(overview.register, id="overview: talk, sessions and availability"),
        pytest.param(digest.register, id="digest: the weekly digest, figures on request"),
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


def _answer(bot: CoachingBot, person: Person, text: str) -> Outcome:
    return Outcome()


def test_a_command_word_another_slice_answers_raises() -> None:
    """Typed words reach one answer: 'my sessions' is the overview's, so a rival raises,
    even when only one of its words clashes."""
    registry = build_registry()
    with pytest.raises(DuplicateRegistration, match="command word 'my sessions'"):
        registry.add_command(Command(frozenset({"my diary", "my sessions"}), _answer))
    with pytest.raises(ValueError, match="lower case"):
        registry.add_command(Command(frozenset({"My diary"}), _answer))


def test_a_command_is_the_whole_text_ignoring_case_and_trailing_punctuation() -> None:
    registry = build_registry()
    sessions = registry.command("sessions")
    assert sessions is not None
    assert registry.command("  My Sessions?!") is sessions
    assert registry.command("my  sessions") is None
    assert registry.command("sessions please") is None
    assert phrases(("", "my "), ("session", "sessions")) == {
        "session",
        "sessions",
        "my session",
        "my sessions",
    }


def test_a_second_typed_answer_or_home_section_at_a_place_raises() -> None:
    """Order is said by the place, so two slices may not share one."""
    registry = build_registry()
    with pytest.raises(DuplicateRegistration, match="typed answer"):
        registry.add_typed_answer(Before.INTENT, lambda bot, person, incoming: None)
    section = HomeSection("Mine", Audience.EVERYONE, lambda services, person: Outcome())
    with pytest.raises(DuplicateRegistration, match="home section"):
        registry.add_home_section(HomePlace.SESSIONS, section)
    with pytest.raises(DuplicateRegistration, match="starting a request"):
        registry.add_request_starter(lambda bot, person, incoming: Outcome())
