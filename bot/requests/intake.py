"""Intake: from "I'd like some coaching" to a submitted request and a shortlist.

Diagram: intake.mmd. Each step asks only for what the opening message didn't say;
the summary echoes everything back and lets the coachee correct any part.
"""

from __future__ import annotations

from bot.conversation_names import RequestConversation
from bot.domain.coaches import Format
from bot.domain.timewindow import TimeWindow, windows_to_data
from bot.engine import Conversation, Finish, Retry, Step, Transition, Turn
from bot.replies import Choice, Field, Form, Reply, Text
from bot.requests.forms import RequestForm
from bot.requests.intake_steps import (
    FORMAT_CHOICES,
    TOPIC_CHECK,
    FormatStep,
    ProgrammeStep,
    TextStep,
    TopicCheckStep,
    WhenStep,
    next_missing,
    open_programmes,
    windows_from_data,
)
from bot.requests.submit import RequestDraft, submit_request
from bot.requests.summary import CONFIRM, SummaryStep
from bot.services import Services
from bot.step_answers import person_zone
from bot.understanding.first_message import read_first_message
from bot.understanding.request_text import understand_format, understand_request
from bot.understanding.wellbeing import shows_distress, support_message
from bot.when import parse_when


def _submit(turn: Turn) -> Transition:
    return Finish(submit_request(turn.services, turn.person, draft_of(turn)))


def draft_of(turn: Turn) -> RequestDraft:
    """The request as the conversation holds it."""
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
        if programme and programme in open_programmes(turn):
            data.setdefault("programme_id", programme.id)
    _default_programme(turn)
    if reading.windows:
        data.setdefault("windows", windows_to_data(reading.windows))
    if reading.topic_doubtful:
        return TOPIC_CHECK
    return next_missing(turn)


def _default_programme(turn: Turn) -> None:
    active = open_programmes(turn)
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
    for programme in open_programmes(turn):
        if programme_key in {str(programme.id), programme.slug}:
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
        token=RequestForm.INTAKE,
    )


def opening_replies(turn_text: str, *, first_name: str, eap_contact: str) -> tuple[Reply, ...]:
    """What the bot says before its first question (a kind word first, if needed)."""
    if shows_distress(turn_text):
        return (Text(support_message(first_name=first_name, eap_contact=eap_contact)),)
    return ()


# The steps that ask for each part of a request: a submitted request is changed with them too.
PART_STEPS: dict[str, Step] = {
    "topic": TextStep(
        "topic",
        "What would you like coaching on? A sentence is plenty, for example "
        "'leading my team through a restructure'.",
        help="Say what you'd like to work on, in your own words. Your coach sees this.",
    ),
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
}
_STEPS: dict[str, Step] = {**PART_STEPS, TOPIC_CHECK: TopicCheckStep()}
_STEPS[CONFIRM] = SummaryStep(finish=_submit, steps=_STEPS)

INTAKE = Conversation(
    name=RequestConversation.INTAKE,
    steps=_STEPS,
    first_step=_first_step,
    on_cancel=(
        "Okay, I've stopped there. Nothing was saved or sent. "
        "Say 'coaching' any time to start again."
    ),
)

__all__ = ["INTAKE", "Retry", "opening_replies"]
