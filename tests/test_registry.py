"""One registry for every slice: a duplicate stops the bot at start-up, every verb,
outbox kind, form and conversation named by a slice's enum has exactly one answer, and
every event one slice publishes for others is heard."""

from __future__ import annotations

from enum import StrEnum

import pytest

import bot.assembly
from bot.actions import Action
from bot.aftercare import registration as aftercare
from bot.aftercare.forms import AftercareForm
from bot.aftercare.kinds import AftercareKind
from bot.assembly import build_registry
from bot.booking import registration as booking
from bot.booking.kinds import BookingKind
from bot.choosing import ChoosingKind
from bot.coaches import registration as coaches
from bot.conversation_names import (
    AftercareConversation,
    BookingConversation,
    CoachConversation,
    EngagementConversation,
    RequestConversation,
)
from bot.digest import registration as digest
from bot.digest.kinds import DigestKind
from bot.engagements import registration as engagements
from bot.events import Event, PlaceFreed, event_types
from bot.lapse import always
from bot.messages import Outcome
from bot.notices import NoticeKind
from bot.overview import registration as overview
from bot.registry import (
    Audience,
    Before,
    Command,
    Context,
    DuplicateRegistration,
    FormRoute,
    HomePlace,
    HomeSection,
    IncompleteRegistration,
    Registry,
    Timer,
    phrases,
)
from bot.replies import Reply
from bot.requests import registration as requests
from bot.requests.forms import RequestForm
from bot.verbs import VOCABULARIES, AftercareVerb

# Every outbox kind (the kernel's and each slice's), form and conversation name.
KINDS: tuple[type[StrEnum], ...] = (
    NoticeKind,
    ChoosingKind,
    BookingKind,
    AftercareKind,
    DigestKind,
)
FORMS: tuple[type[StrEnum], ...] = (RequestForm, AftercareForm)
CONVERSATIONS: tuple[type[StrEnum], ...] = (
    RequestConversation,
    BookingConversation,
    EngagementConversation,
    CoachConversation,
    AftercareConversation,
)


def _values(vocabularies: tuple[type[StrEnum], ...]) -> list[str]:
    return [str(member) for vocabulary in vocabularies for member in vocabulary]


def _press(ctx: Context, action: Action) -> Outcome:
    return Outcome()


def test_every_verb_and_outbox_kind_is_answered_once() -> None:
    registry = build_registry()
    verbs, kinds = _values(VOCABULARIES), _values(KINDS)
    assert len(verbs) == len(set(verbs)) and set(registry.verbs) == set(verbs)
    assert len(kinds) == len(set(kinds)) and set(registry.timers) == set(kinds)
    assert set(registry.forms) == set(_values(FORMS))
    assert set(registry.conversations) == set(_values(CONVERSATIONS))
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
    """Another enum with the same value: the verb as pressed is the same."""

    class RivalVerb(StrEnum):
        BOOK = "book"

    def rival(registry: Registry) -> None:
        registry.add_verbs(RivalVerb, {RivalVerb.BOOK: _press})

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
        registry.add_timer(AftercareKind.REMINDER, Timer(lambda bot, message: Outcome(), always))


def test_a_kind_of_another_enum_with_the_same_value_stops_the_start(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Rows store the value: two slices' kinds named alike would share their rows."""

    class RivalKind(StrEnum):
        REMINDER = "reminder"

    def rival(registry: Registry) -> None:
        registry.add_timer(RivalKind.REMINDER, Timer(lambda bot, message: Outcome(), always))

    monkeypatch.setattr(bot.assembly, "SLICES", (*bot.assembly.SLICES, rival))
    with pytest.raises(DuplicateRegistration, match="outbox kind 'reminder'"):
        build_registry()


def test_a_slice_answers_its_verbs_exactly() -> None:
    """A verb of the slice's enum left unanswered, or a handler for another enum's verb,
    stops the start: the enum is the slice's whole button vocabulary."""
    with pytest.raises(IncompleteRegistration, match="AftercareVerb: no handler for button verb"):
        Registry().add_verbs(AftercareVerb, {AftercareVerb.FEEDBACK: _press})
    stray = {AftercareVerb.FEEDBACK: _press, AftercareVerb.EVALUATE: _press, "book": _press}
    with pytest.raises(IncompleteRegistration, match="button verb book not in the enum"):
        Registry().add_verbs(AftercareVerb, stray)  # type: ignore[type-var]
    with pytest.raises(DuplicateRegistration, match="button verb 'feedback'"):
        Registry().add_verbs(
            AftercareVerb,
            {AftercareVerb.FEEDBACK: _press},
            {AftercareVerb.FEEDBACK: _press, AftercareVerb.EVALUATE: _press},
        )


def test_a_slice_registers_its_conversations_exactly() -> None:
    registry = build_registry()
    intake = registry.conversations[RequestConversation.INTAKE]
    with pytest.raises(IncompleteRegistration, match="no handler for conversation change_request"):
        Registry().add_conversations(RequestConversation, (intake,))
    with pytest.raises(IncompleteRegistration, match="conversation intake not in the enum"):
        Registry().add_conversations(AftercareConversation, (intake,))
    with pytest.raises(DuplicateRegistration, match="conversation 'intake'"):
        registry.add_conversations(
            RequestConversation,
            (intake, registry.conversations[RequestConversation.CHANGE_REQUEST]),
        )


class CheckInForm(StrEnum):
    CHECK_IN = "form:check-in:"


def test_form_prefixes_may_not_overlap() -> None:
    """A token must reach one form: a prefix inside another form's is refused too."""
    registry = build_registry()

    def again(*_: object) -> tuple[Reply, ...]:
        return ()

    route = FormRoute(submit=lambda *_: None, again=again)
    for prefix in ("form:feedback:", "form:feedback:7", "form:"):
        clashing = StrEnum("Clashing", {"FORM": prefix})  # type: ignore[misc]
        with pytest.raises(DuplicateRegistration, match="overlaps"):
            registry.add_forms(clashing, {clashing.FORM: route})
    registry.add_forms(CheckInForm, {CheckInForm.CHECK_IN: route})
    assert registry.form("form:check-in:12") is route


def _answer(ctx: Context, text: str) -> Outcome:
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
        registry.add_typed_answer(Before.INTENT, lambda ctx, text: None)
    section = HomeSection("Mine", Audience.EVERYONE, lambda ctx: Outcome())
    with pytest.raises(DuplicateRegistration, match="home section"):
        registry.add_home_section(HomePlace.SESSIONS, section)
    with pytest.raises(DuplicateRegistration, match="starting a request"):
        registry.add_request_starter(lambda ctx: Outcome())
