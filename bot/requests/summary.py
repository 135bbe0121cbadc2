"""The summary a request is checked at, before it is sent (intake) or changed (a submitted
request): everything echoed back, a button per part, and corrections in the person's own
words ("change the goal to …", "where things are now: …", "actually Thursday mornings").

A correction is handed to the step that owns the part, as if answered there, so a value is
checked one way whether it is typed at its question or at the summary.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from bot.domain.coaches import Format
from bot.domain.timewindow import TimeWindow
from bot.engine import Goto, Retry, Step, Transition, Turn
from bot.replies import Card, Choice, Choices, Fact, Reply, Text
from bot.requests.intake_steps import windows_from_data
from bot.step_answers import person_zone
from bot.understanding.corrections import read_correction
from bot.understanding.request_text import understand_format, understand_request
from bot.when import describe_windows, parse_when

CONFIRM = "confirm"
CONFIRM_WORDS = frozenset(
    {"confirm", "yes", "y", "yes please", "correct", "that's right", "ok", "save"}
)
# Every part of a request, and its button.
PARTS: tuple[tuple[str, str], ...] = (
    ("topic", "Change the topic"),
    ("goal", "Change the goal"),
    ("reality", "Change where things are now"),
    ("preferences", "Change preferences"),
    ("programme", "Change the programme"),
    ("format", "Change online / in person"),
    ("location", "Change the place"),
    ("when", "Change the times"),
)
_SYNONYMS = {
    "times": "when",
    "time": "when",
    "place": "location",
    "where things are now": "reality",
}
NOT_CAUGHT = (
    "I didn't catch which part to change. Pick one below, or say it in a sentence, "
    "for example 'change the goal to feeling confident in meetings'."
)


@dataclass(frozen=True)
class SummaryStep:
    """`finish` runs when the person says the summary is right; `steps` are the
    conversation's own, which apply a correction to their part."""

    finish: Callable[[Turn], Transition]
    steps: Mapping[str, Step]
    title: str = "Here's what I've understood"
    confirm_label: str = "Yes, find me a coach"
    parts: tuple[str, ...] = tuple(part for part, _ in PARTS)
    name: str = CONFIRM
    help: str = (
        "Choose the first button if the summary is right, or pick the part to change; you can "
        "also type a correction, such as 'change the goal to …'."
    )

    def prompt(self, turn: Turn) -> list[Reply]:
        online = turn.data.get("format") == Format.ONLINE.value
        options = (
            Choice(self.confirm_label, "confirm", style="primary"),
            *(
                Choice(label, f"change:{part}")
                for part, label in PARTS
                if part in self.parts and not (part == "location" and online)
            ),
        )
        return [summary_card(turn, self.title), Choices("Is that right?", options)]

    def handle(self, turn: Turn) -> Transition:
        said = turn.incoming.said.strip()
        plain = said.lower().strip(" .!")
        if plain in CONFIRM_WORDS:
            return self.finish(turn)
        named = plain.removeprefix("change:").removeprefix("change ").strip()
        named = _SYNONYMS.get(named.removeprefix("the "), named.removeprefix("the "))
        if named in self.parts:
            return Goto(named)
        return self._correct(turn, said)

    def _correct(self, turn: Turn, said: str) -> Transition:
        correction = read_correction(said)
        if correction is None:
            return self._unnamed(turn, said)
        if correction.part not in self.parts:
            return Retry((Text("That part can't be changed here. " + NOT_CAUGHT),))
        if not correction.value:
            return Goto(correction.part)
        return self._answer(turn, correction.part, correction.value)

    def _unnamed(self, turn: Turn, said: str) -> Transition:
        """Words naming no part may still plainly be a format or times."""
        chosen = understand_format(said)
        if chosen is not None and "format" in self.parts:
            place = understand_request(said).location
            if place and "location" in self.parts:
                turn.data["location"] = place
            return self._answer(turn, "format", chosen.value)
        when = parse_when(said, now=turn.services.clock.now(), tz=person_zone(turn))
        if when.understood and "when" in self.parts:
            return self._answer(turn, "when", said)
        return Retry((Text(NOT_CAUGHT),))

    def _answer(self, turn: Turn, part: str, value: str) -> Transition:
        """Answer the part's own step with `value`; if it is refused, ask that question
        with the step's reason, as a typed answer there would be."""
        incoming = dataclasses.replace(turn.incoming, text=value, value="", token="")
        transition = self.steps[part].handle(dataclasses.replace(turn, incoming=incoming))
        if isinstance(transition, Retry):
            return Goto(part, transition.say)
        return transition


def summary_card(turn: Turn, title: str) -> Card:
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
    return Card(title, tuple(facts))
