"""The pieces under parse_when: the bare-hour rule, the tokenizer, window sums, lazy dateparser."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.domain.timewindow import TimeWindow
from bot.when.atoms import Clock, Part
from bot.when.clock import read_point, read_range
from bot.when.tokens import tokenize
from bot.when.windows import merge, subtract

LONDON = ZoneInfo("Europe/London")
EVENING = Part("evening", 17 * 60, 19 * 60, "evening")


@pytest.mark.parametrize(
    ("hour", "minutes"),
    [(1, 13 * 60), (2, 14 * 60), (6, 18 * 60), (8, 8 * 60), (9, 9 * 60), (11, 11 * 60),
     (12, 12 * 60), (13, 13 * 60), (0, 0), (23, 23 * 60)],
)  # fmt: skip
def test_bare_hour_rule(hour: int, minutes: int) -> None:
    assert read_point(Clock(hour, 0, str(hour)), None, "x") == minutes


def test_bare_seven_is_asked_unless_context_settles_it() -> None:
    assert read_point(Clock(7, 0, "7"), None, "at 7") == 'Did you mean 7am or 7pm by "at 7"?'
    assert read_point(Clock(7, 0, "7"), EVENING, "at 7") == 19 * 60


@pytest.mark.parametrize(
    ("clock", "minutes"),
    [
        (Clock(12, 0, "12am", meridiem="am"), 0),
        (Clock(12, 0, "12pm", meridiem="pm"), 12 * 60),
        (Clock(7, 15, "7:15am", meridiem="am"), 7 * 60 + 15),
        (Clock(9, 0, "09:00", literal=True), 9 * 60),
        (Clock(2, 0, "02:00", literal=True), 2 * 60),
    ],
)
def test_written_meridiem_and_24_hour_times_are_taken_as_written(
    clock: Clock, minutes: int
) -> None:
    assert read_point(clock, None, clock.text) == minutes


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (Clock(2, 0, "2"), Clock(4, 0, "4pm", meridiem="pm"), (14 * 60, 16 * 60)),
        (Clock(11, 0, "11"), Clock(1, 0, "1pm", meridiem="pm"), (11 * 60, 13 * 60)),
        (Clock(9, 0, "9"), Clock(5, 0, "5"), (9 * 60, 17 * 60)),
        (Clock(5, 0, "5"), Clock(7, 0, "7"), (17 * 60, 19 * 60)),
        (Clock(7, 0, "7"), Clock(9, 0, "9"), (7 * 60, 9 * 60)),
        (Clock(10, 0, "10am", meridiem="am"), Clock(12, 0, "12"), (10 * 60, 12 * 60)),
        (
            Clock(10, 0, "10pm", meridiem="pm"),
            Clock(1, 0, "1am", meridiem="am"),
            (22 * 60, 25 * 60),
        ),
    ],
)
def test_range_rule(start: Clock, end: Clock, expected: tuple[int, int]) -> None:
    assert read_range(start, end, None, "x") == expected


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Tues–Thurs 2–4pm", ["weekday", "dash", "weekday", "num", "dash", "time"]),
        ("3rd Dec at 10am", ["date", "prep", "time"]),
        ("1-3 December", ["daterange"]),
        ("day after tomorrow", ["rel"]),
        ("the week after next", ["weekref"]),
        ("24/7", []),
        ("Good morning", []),
        ("tonight", ["rel", "part"]),
        ("we sat", ["word", "word"]),
        ("Sat", ["weekday"]),
    ],
)
def test_tokenizer(text: str, kinds: list[str]) -> None:
    assert [t.kind for t in tokenize(text)] == kinds


def hours(*pairs: tuple[int, int]) -> list[TimeWindow]:
    return [
        TimeWindow(datetime(2026, 12, 1, a, tzinfo=LONDON), datetime(2026, 12, 1, b, tzinfo=LONDON))
        for a, b in pairs
    ]


def test_merge_joins_overlapping_and_touching_windows() -> None:
    assert merge(hours((13, 15), (9, 12), (12, 13), (16, 17))) == hours((9, 15), (16, 17))


def test_subtract_cuts_holes() -> None:
    assert subtract(hours((9, 17)), hours((10, 11), (16, 18))) == hours((9, 10), (11, 16))
    assert subtract(hours((9, 12)), hours((8, 13))) == []


def test_dateparser_is_only_imported_for_written_dates() -> None:
    script = (
        "import sys\n"
        "from datetime import datetime\n"
        "from zoneinfo import ZoneInfo\n"
        "from bot.when import parse_when\n"
        "tz = ZoneInfo('Europe/London')\n"
        "now = datetime(2026, 11, 25, 10, tzinfo=tz)\n"
        "parse_when('Tuesday or Thursday afternoons, next week at 2pm', now=now, tz=tz)\n"
        "print('dateparser' in sys.modules)\n"
        "parse_when('3 December', now=now, tz=tz)\n"
        "print('dateparser' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=root
    )
    assert done.stdout.split() == ["False", "True"]
