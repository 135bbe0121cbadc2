"""Scoring the bot's understanding against the labelled corpora in ``corpus/``.

Each phrase or message is right, asked back (the bot asks instead of taking a reading) or
silently wrong (the bot takes a reading that isn't what the person meant, without asking).
The bench prints the figures; ``test_understanding_corpus`` asserts that nothing is silently
wrong. Labels were written from how people write, before the code was changed.

times.tsv: phrase, now (ISO), zone, expected: "ask", or windows in the zone joined by "; ",
each "YYYY-MM-DD HH:MM-HH:MM" or a run "YYYY-MM-DD..YYYY-MM-DD [Mon,Tue] HH:MM-HH:MM" (every
such weekday in the run; Monday to Friday when no days are named).

*_holdout.tsv are more of each, written after the code was changed and before it was run on
them, to show how far the figures carry to phrasing the code was not shaped on.

first_messages.tsv: message, topic, preferences, format, times. topic is the person's words
("a || b" when either reading is right), "ASK" (the bot should ask what it's about),
"NOT A REQUEST" or "NOT ENGLISH"; "-" means none; times is the phrase whose reading the bot
should take as the person's free time.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.domain.timewindow import TimeWindow
from bot.understanding.first_message import FirstMessage, Intent, read_first_message
from bot.understanding.service_questions import recognise
from bot.when import describe_windows, parse_when
from bot.when.vocabulary import WEEKDAY_NAMES

CORPUS = Path(__file__).parent / "corpus"
RIGHT, ASKED, WRONG = "right", "asked back", "silently wrong"
# The moment first messages are read from: Monday 30 November 2026, 18:50 in London.
MESSAGE_NOW = datetime.fromisoformat("2026-11-30T18:50:00+00:00")
MESSAGE_ZONE = ZoneInfo("Europe/London")
_DAYS = {name[:3]: i for i, name in enumerate(WEEKDAY_NAMES)}
_ITEM = re.compile(
    r"^(?P<first>\d{4}-\d\d-\d\d)(?:\.\.(?P<last>\d{4}-\d\d-\d\d))?"
    r"(?: (?P<days>[A-Za-z,]+))? (?P<start>\d\d:\d\d)-(?P<end>\d\d:\d\d)$"
)


@dataclass
class Tally:
    counts: dict[str, int] = field(default_factory=lambda: {RIGHT: 0, ASKED: 0, WRONG: 0})
    wrong: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)

    def add(self, outcome: str, detail: str) -> None:
        self.counts[outcome] += 1
        if outcome == WRONG:
            self.wrong.append(detail)
        elif outcome == ASKED:
            self.asked.append(detail)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def line(self, name: str) -> str:
        total = self.total or 1
        shown = ", ".join(
            f"{kind} {n} ({100 * n / total:.1f} %)" for kind, n in self.counts.items()
        )
        return f"{name}: {self.total} — {shown}"


def _rows(name: str) -> Iterator[dict[str, str]]:
    with (CORPUS / name).open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def expected_windows(text: str, tz: ZoneInfo) -> list[TimeWindow]:
    """The windows a label names, merged as the parser merges them."""
    windows: list[TimeWindow] = []
    for item in text.split(";"):
        match = _ITEM.match(item.strip())
        if match is None:
            raise ValueError(f"unreadable label {item!r}")
        first = date.fromisoformat(match["first"])
        last = date.fromisoformat(match["last"] or match["first"])
        days = {_DAYS[d] for d in match["days"].split(",")} if match["days"] else set(range(5))
        if not match["last"]:
            days = {first.weekday()}
        for offset in range((last - first).days + 1):
            day = first + timedelta(days=offset)
            if day.weekday() in days:
                windows.append(_window(day, match["start"], match["end"], tz))
    return _merged(windows)


def _window(day: date, start: str, end: str, tz: ZoneInfo) -> TimeWindow:
    def at(clock: str) -> datetime:
        hour, minute = (int(x) for x in clock.split(":"))
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)

    return TimeWindow(at(start), at(end))


def _merged(windows: list[TimeWindow]) -> list[TimeWindow]:
    out: list[TimeWindow] = []
    for window in sorted(windows):
        if out and window.start <= out[-1].end:
            out[-1] = TimeWindow(out[-1].start, max(out[-1].end, window.end))
        else:
            out.append(window)
    return out


def score_times(name: str = "times.tsv") -> Tally:
    tally = Tally()
    for row in _rows(name):
        tz = ZoneInfo(row["zone"])
        now = datetime.fromisoformat(row["now"])
        result = parse_when(row["phrase"], now=now, tz=tz)
        got = describe_windows(result.windows, tz, now=now)
        detail = f"{row['phrase']!r} @ {row['now']}: got {got} {list(result.questions)}"
        if row["expected"] == "ask":
            tally.add(RIGHT if result.questions else WRONG, detail + " — expected a question")
            continue
        expected = expected_windows(row["expected"], tz)
        if result.questions:
            tally.add(ASKED, detail)
        elif list(result.windows) == expected:
            tally.add(RIGHT, detail)
        else:
            tally.add(WRONG, detail + f" — expected {describe_windows(expected, tz, now=now)}")
    return tally


def _same(got: str, expected: str) -> bool:
    options = [o.strip() for o in expected.split("||")]
    return _tidy(got) in {_tidy(o) for o in options}


def _tidy(text: str) -> str:
    return " ".join(text.split()).strip(" .,;:!?-")


def read(message: str) -> FirstMessage:
    """What the bot makes of a first message; a service question is answered, not taken."""
    if recognise(message) is not None:
        return FirstMessage(Intent.NOT_A_REQUEST)
    return read_first_message(message, now=MESSAGE_NOW, tz=MESSAGE_ZONE)


def topic_outcome(expected: str, reading: FirstMessage) -> str:
    if expected == "NOT A REQUEST":
        return RIGHT if reading.intent is Intent.NOT_A_REQUEST else WRONG
    if expected == "NOT ENGLISH":
        if reading.intent is Intent.OTHER_LANGUAGE:
            return RIGHT
        return ASKED if reading.intent is Intent.NOT_A_REQUEST else WRONG
    if reading.intent is not Intent.REQUEST:
        return ASKED  # the bot says it isn't sure what the person means
    if expected == "ASK":
        return RIGHT if not reading.topic or reading.topic_doubtful else WRONG
    if not reading.topic or reading.topic_doubtful:
        return ASKED
    return RIGHT if _same(reading.topic, expected) else WRONG


def field_outcomes(row: dict[str, str], reading: FirstMessage) -> dict[str, bool]:
    """Whether preferences, format and times were each taken as the label says."""
    preferences = row["preferences"]
    got_format = reading.format.value if reading.format else "-"
    expected_format = row["format"].replace(" ", "_")
    times: list[TimeWindow] = []
    if row["times"] != "-":
        times = list(parse_when(row["times"], now=MESSAGE_NOW, tz=MESSAGE_ZONE).windows)
    return {
        "preferences": (reading.preferences or "-") == preferences
        or _same(reading.preferences, preferences),
        "format": got_format == expected_format,
        "times": list(reading.windows) == times,
    }


@dataclass
class MessageScore:
    topics: Tally = field(default_factory=Tally)
    fields: dict[str, Tally] = field(default_factory=dict)


def score_messages(name: str = "first_messages.tsv") -> MessageScore:
    score = MessageScore()
    for row in _rows(name):
        reading = read(row["message"])
        outcome = topic_outcome(row["topic"], reading)
        detail = (
            f"{row['message']!r}: got {reading.intent.value} {reading.topic!r}"
            f"{' (doubtful)' if reading.topic_doubtful else ''} — expected {row['topic']!r}"
        )
        score.topics.add(outcome, detail)
        if reading.intent is not Intent.REQUEST or row["topic"].isupper():
            continue
        for part, ok in field_outcomes(row, reading).items():
            got = getattr(reading, "windows" if part == "times" else part)
            score.fields.setdefault(part, Tally()).add(
                RIGHT if ok else WRONG, f"{row['message']!r}: got {got!r}, expected {row[part]!r}"
            )
    return score
