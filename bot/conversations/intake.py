"""Intake: from "I'd like some coaching" to a submitted request and a shortlist.

Diagram: intake.mmd. Each step asks only for what the opening message didn't say;
the summary echoes everything back and lets the coachee correct any part.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.coaching.submit import RequestDraft, submit_request
from bot.conversations.engine import Conversation, Finish, Goto, Retry, Transition, Turn
from bot.conversations.intake_steps import (
    FORMAT_CHOICES,
    TOPIC_CHECK,
    FormatStep,
    ProgrammeStep,
    TextStep,
    TopicCheckStep,
    WhenStep,
    next_missing,
    person_zone,
    windows_from_data,
    windows_to_data,
)
from bot.domain.coaches import Format
from bot.replies import Card, Choice, Choices, Fact, Field, Form, Reply, Text
from bot.services import Services
from bot.timewindow import TimeWindow
from bot.understanding.first_message import read_first_message
from bot.understanding.request_text import understand_format, understand_request
from bot.understanding.wellbeing import shows_distress, support_message
from bot.when import describe_windows, parse_when

CONFIRM = "confirm"
# The intake form's token: its submission starts a request afresh, whatever was under way.
INTAKE_FORM = "form:intake"
_CHANGES = (
    ("topic", "Change the topic"),
    ("goal", "Change the goal"),
    ("when", "Change the times"),
    ("format", "Change online / in person"),
    ("programme", "Change the programme"),
)


@dataclass(frozen=True)
class ConfirmStep:
    name: str = CONFIRM
    help: str = "Choose 'Find me a coach' if the summary is right, or pick the part to change."

    def prompt(self, turn: Turn) -> list[Reply]:
        options = (
            Choice("Yes, find me a coach", "confirm", style="primary"),
            *(Choice(label, f"change:{step}") for step, label in _CHANGES),
        )
        return [_summary(turn), Choices("Is that right?", options)]

    def handle(self, turn: Turn) -> Transition:
        said = turn.incoming.said.lower()
        if said in {"confirm", "yes", "y", "yes please", "correct", "that's right", "ok"}:
            return Finish(submit_request(turn.services, turn.person, _draft(turn)))
        step = said.removeprefix("change:").removeprefix("change ").strip()
        step = {"times": "when", "time": "when", "format": "format"}.get(step, step)
        if step in {name for name, _ in _CHANGES}:
            return Goto(step)
        return Retry(
            (Text("Please choose 'Yes, find me a coach' or the part you'd like to change."),)
        )


def _summary(turn: Turn) -> Card:
    data = turn.data
    store = turn.services.store
    programme = store.get_programme(int(data["programme_id"])) if data.get("programme_id") else None
    windows = [TimeWindow(s, e) for s, e in windows_from_data(turn)]
    facts = [
        Fact("Coaching on", data.get("topic", "")),
        Fact("Goal", data.get("goal", "")),
    ]
    if data.get("reality"):
        facts.append(Fact("Where things are now", data["reality"]))
    if data.get("preferences"):
        facts.append(Fact("Preferences", data["preferences"]))
    if programme:
        facts.append(Fact("Programme", programme.name))
    fmt = Format(data.get("format", Format.EITHER.value))
    place = f" ({data['location']})" if data.get("location") else ""
    facts.append(Fact("Meeting", fmt.label.capitalize() + place))
    facts.append(
        Fact(
            "When you're free",
            describe_windows(windows, person_zone(turn), now=turn.services.clock.now()),
        )
    )
    return Card("Here's what I've understood", tuple(facts))


def _draft(turn: Turn) -> RequestDraft:
    data = turn.data
    return RequestDraft(
        programme_id=int(data["programme_id"]) if data.get("programme_id") else None,
        topic=data.get("topic", ""),
        goal=data.get("goal", ""),
        reality=data.get("reality", ""),
        preferences=data.get("preferences", ""),
        format=Format(data.get("format", Format.EITHER.value)),
        location=data.get("location", ""),
        windows=tuple(TimeWindow(s, e) for s, e in windows_from_data(turn)),
    )


def _first_step(turn: Turn) -> str:
    """Take what the opening message (or form) already says, then ask for the first
    missing part; a doubtful topic is checked before anything else."""
    if turn.incoming.form:
        _take_form(turn, turn.incoming.form)
        return next_missing(turn)
    text = turn.incoming.text.strip()
    reading = read_first_message(text, now=turn.services.clock.now(), tz=person_zone(turn))
    understood = understand_request(text)
    data = turn.data
    if reading.topic:
        data.setdefault("topic", reading.topic)
    if reading.preferences:
        data.setdefault("preferences", reading.preferences)
    if understood.goal:
        data.setdefault("goal", understood.goal)
    if reading.format:
        data.setdefault("format", reading.format.value)
    if understood.location:
        data.setdefault("location", understood.location)
    if understood.programme_hint:
        programme = turn.services.store.find_programme(understood.programme_hint)
        if programme and programme.active:
            data.setdefault("programme_id", programme.id)
    _default_programme(turn)
    if reading.windows:
        data.setdefault("windows", windows_to_data(reading.windows))
    if reading.topic_doubtful:
        return TOPIC_CHECK
    return next_missing(turn)


def _default_programme(turn: Turn) -> None:
    active = [p for p in turn.services.store.list_programmes() if p.active]
    if len(active) == 1:
        turn.data.setdefault("programme_id", active[0].id)


def _take_form(turn: Turn, form: dict[str, str]) -> None:
    """A submitted intake form: the same checks as the conversation, all at once; what
    fails a check is left missing, so the conversation asks for it with the reason."""
    data = turn.data
    for name in ("topic", "goal", "reality", "preferences", "location"):
        value = form.get(name, "").strip()[:1000]
        if value or name in {"reality", "preferences"}:
            data[name] = value
    chosen = understand_format(form.get("format", "")) or (
        Format(form["format"]) if form.get("format") in set(Format) else None
    )
    if chosen:
        data["format"] = chosen.value
    programme_key = form.get("programme", "").strip().lower()
    for programme in turn.services.store.list_programmes():
        if programme.active and programme_key in {str(programme.id), programme.slug}:
            data["programme_id"] = programme.id
    _default_programme(turn)
    when_text = form.get("when", "").strip()
    if when_text:
        when = parse_when(when_text, now=turn.services.clock.now(), tz=person_zone(turn))
        if when.understood:
            data["windows"] = windows_to_data(when.windows)
            data["when_text"] = when_text
        else:
            data["_when_note"] = " ".join(when.questions)


def intake_form(services: Services) -> Form:
    """The intake as one form, for channels with dialogs (a Slack modal, a Teams card)."""
    programmes = tuple(Choice(p.name, p.slug) for p in services.store.list_programmes() if p.active)
    return Form(
        title="Request coaching",
        fields=(
            Field(
                "topic",
                "What would you like coaching on?",
                kind="multiline",
                hint="e.g. leading my team through a restructure",
            ),
            Field("goal", "What would you like to be different by the end?", kind="multiline"),
            Field("reality", "Where are things now?", kind="multiline", required=False),
            Field(
                "preferences",
                "Anything you'd like in a coach, or not?",
                required=False,
                hint="e.g. not someone from my directorate",
            ),
            Field(
                "programme",
                "Programme",
                kind="choice",
                options=programmes,
                initial=programmes[0].value if programmes else "",
            ),
            Field(
                "format",
                "Online or in person?",
                kind="choice",
                options=FORMAT_CHOICES,
                initial=Format.ONLINE.value,
            ),
            Field("location", "Where, if in person?", required=False),
            Field("when", "When are you usually free?", hint="e.g. Tuesday or Thursday afternoons"),
        ),
        submit_label="Find me a coach",
        token=INTAKE_FORM,
    )


def opening_replies(turn_text: str, *, first_name: str, eap_contact: str) -> tuple[Reply, ...]:
    """What the bot says before its first question (a kind word first, if needed)."""
    if shows_distress(turn_text):
        return (Text(support_message(first_name=first_name, eap_contact=eap_contact)),)
    return ()


INTAKE = Conversation(
    name="intake",
    steps={
        "topic": TextStep(
            "topic",
            "What would you like coaching on? A sentence is plenty, for example "
            "'leading my team through a restructure'.",
            help="Say what you'd like to work on, in your own words. Your coach sees this.",
        ),
        TOPIC_CHECK: TopicCheckStep(),
        "goal": TextStep(
            "goal",
            "What would you like to be different by the end of the coaching?",
            help="A goal can be small: 'feel confident running team meetings' is a good one.",
        ),
        "reality": TextStep(
            "reality",
            "And where are things now? A line or two helps your coach prepare",
            help="Just the situation as it is today. Keep anything confidential for your coach.",
            optional=True,
        ),
        "preferences": TextStep(
            "preferences",
            "Anything you'd like in a coach, or not? For example 'not someone from my "
            "directorate' or 'someone who has led a team through change'",
            help="Preferences help me rank coaches; I never share them beyond your coach.",
            optional=True,
        ),
        "programme": ProgrammeStep(),
        "format": FormatStep(),
        "location": TextStep(
            "location",
            "Where would suit you to meet in person? A town or office is fine.",
            help="Name a town or office; I'll look for coaches who can meet there.",
            min_length=2,
        ),
        "when": WhenStep(),
        CONFIRM: ConfirmStep(),
    },
    first_step=_first_step,
    on_cancel=(
        "Okay, I've stopped there. Nothing was saved or sent. "
        "Say 'coaching' any time to start again."
    ),
)

__all__ = ["INTAKE", "Retry", "opening_replies"]
