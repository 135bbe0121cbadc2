"""The steps of the intake conversation, framed by GROW: goal, reality, options, way forward."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.domain.coaches import Format
from bot.domain.programmes import Programme
from bot.domain.timewindow import windows_to_data
from bot.engine import Goto, Retry, Transition, Turn
from bot.matching.topics import near_themes
from bot.replies import Choice, Choices, Reply, Text
from bot.requests.one_request import BUSY_PROGRAMMES
from bot.step_answers import SKIP_WORDS, YES_WORDS, person_zone, read_times
from bot.understanding.request_text import is_bare_opener, understand_format
from bot.when import describe_windows

TOPIC_CHECK = "topic_check"
FORMAT_CHOICES = (
    Choice("Online", Format.ONLINE.value),
    Choice("In person", Format.IN_PERSON.value),
    Choice("Either is fine", Format.EITHER.value),
)


def _too_vague(topic: str) -> bool:
    """ "coaching", or one word that names no coaching theme ("banana"); "leadership" and a
    misspelt "leadrship" are fine."""
    return is_bare_opener(topic) or (len(topic.split()) == 1 and not near_themes(topic))


def open_programmes(turn: Turn) -> list[Programme]:
    """The active programmes this person may ask in: not those holding an open request of
    theirs (one at a time in each)."""
    busy = set(turn.data.get(BUSY_PROGRAMMES, []))
    return [p for p in turn.services.store.list_programmes() if p.active and p.id not in busy]


def next_missing(turn: Turn) -> str:
    """The first thing intake still needs, or "confirm" when it has everything."""
    data = turn.data
    programmes = open_programmes(turn)
    order = (
        ("topic", not data.get("topic")),
        ("goal", not data.get("goal")),
        ("reality", "reality" not in data),
        ("preferences", "preferences" not in data),
        ("programme", not data.get("programme_id") and len(programmes) > 1),
        ("format", not data.get("format")),
        ("location", data.get("format") == Format.IN_PERSON.value and not data.get("location")),
        ("when", not data.get("windows")),
    )
    return next((step for step, missing in order if missing), "confirm")


def windows_from_data(turn: Turn) -> list[tuple[datetime, datetime]]:
    return [
        (datetime.fromisoformat(start), datetime.fromisoformat(end))
        for start, end in turn.data.get("windows", [])
    ]


@dataclass(frozen=True)
class TextStep:
    """A free-text answer stored under `name`; optional ones accept "skip"."""

    name: str
    question: str
    help: str
    optional: bool = False
    min_length: int = 3

    def prompt(self, turn: Turn) -> list[Reply]:
        suffix = " (or say 'skip')" if self.optional else ""
        return [Text(self.question + suffix)]

    def handle(self, turn: Turn) -> Transition:
        answer = turn.incoming.said
        if answer.lower().strip(" .!") in SKIP_WORDS:
            if not self.optional:  # "skip" is not a goal or a topic: never store it as one
                return Retry(
                    (
                        Text(
                            "This one I need, as it helps your coach most: a few words are "
                            "plenty (or say 'cancel' to stop)."
                        ),
                    )
                )
            turn.data[self.name] = ""
            return Goto(next_missing(turn))
        if len(answer) < self.min_length or (self.name == "topic" and _too_vague(answer)):
            return Retry((Text("Could you say a little more? A short sentence is plenty."),))
        if len(answer) > 1000:
            return Retry(
                (
                    Text(
                        "That's a lot to take in at once: could you keep it under 1,000 "
                        "characters? The detail is best kept for your coach."
                    ),
                )
            )
        turn.data[self.name] = answer
        return Goto(next_missing(turn))


@dataclass(frozen=True)
class TopicCheckStep:
    """A topic read from a described situation, with no coaching theme in it, is echoed back
    at once: the person confirms it or says it another way."""

    name: str = TOPIC_CHECK
    help: str = "Say 'yes' if that's what you'd like coaching on, or put it in your own words."

    def prompt(self, turn: Turn) -> list[Reply]:
        topic = turn.data.get("topic", "")
        return [
            Choices(
                f"Have I got that right: you'd like coaching on “{topic}”? "
                "If not, tell me in a sentence what you'd like to work on.",
                (Choice("Yes, that's right", "yes"),),
            )
        ]

    def handle(self, turn: Turn) -> Transition:
        answer = turn.incoming.said.strip()
        if answer.lower().strip(" .!") in YES_WORDS:
            return Goto(next_missing(turn))
        if len(answer) < 3 or _too_vague(answer) or len(answer) > 1000:
            return Retry((Text("Could you say in a sentence what you'd like coaching on?"),))
        turn.data["topic"] = answer
        return Goto(next_missing(turn))


@dataclass(frozen=True)
class ProgrammeStep:
    name: str = "programme"
    help: str = "Pick the programme that fits; the coordinator can move you later if needed."

    def prompt(self, turn: Turn) -> list[Reply]:
        options = tuple(
            Choice(p.name, str(p.id), details=(p.description,) if p.description else ())
            for p in open_programmes(turn)
        )
        return [Choices("Which programme is this for?", options)]

    def handle(self, turn: Turn) -> Transition:
        said = turn.incoming.said.lower()
        for programme in open_programmes(turn):
            if said in {
                str(programme.id),
                programme.slug,
                programme.name.lower(),
            }:
                turn.data["programme_id"] = programme.id
                return Goto(next_missing(turn))
        return Retry((Text("Sorry, I didn't catch which programme. Please pick one of these."),))


@dataclass(frozen=True)
class FormatStep:
    name: str = "format"
    help: str = "Online sessions are usually on Teams or Zoom; in person means meeting somewhere."

    def prompt(self, turn: Turn) -> list[Reply]:
        return [Choices("Would you like to meet online or in person?", FORMAT_CHOICES)]

    def handle(self, turn: Turn) -> Transition:
        said = turn.incoming.said
        chosen = next((Format(c.value) for c in FORMAT_CHOICES if said == c.value), None)
        chosen = chosen or understand_format(said)
        if chosen is None:
            return Retry((Text("Please choose online, in person, or either."),))
        turn.data["format"] = chosen.value
        return Goto(next_missing(turn))


@dataclass(frozen=True)
class WhenStep:
    name: str = "when"
    help: str = (
        "Tell me when you're usually free, in your own words: 'Tuesday or Thursday "
        "afternoons', 'mornings next week', 'Mon–Wed 2–4pm', '3/12 at 10am'."
    )

    def prompt(self, turn: Turn) -> list[Reply]:
        note = turn.data.pop("_when_note", "")
        return [
            *([Text(note)] if note else []),
            Text(
                "When are you usually free over the next few weeks? For example "
                "'Tuesday or Thursday afternoons' or 'mornings next week'."
            ),
        ]

    def handle(self, turn: Turn) -> Transition:
        times = read_times(turn, tz=person_zone(turn))
        if isinstance(times, Retry):
            return times
        turn.data["windows"] = windows_to_data(times)
        turn.data["when_text"] = turn.incoming.said
        said = describe_windows(times, person_zone(turn), now=turn.services.clock.now())
        return Goto(next_missing(turn), (Text(f"Got it: {said}."),))
