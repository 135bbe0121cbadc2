from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain import AvailabilityException, CoachProfile, WeeklySlot
from bot.domain.timewindow import TimeWindow
from bot.scheduling import expand_weekly, free_windows

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
KOLKATA = ZoneInfo("Asia/Kolkata")
MONDAY_9_TO_12 = WeeklySlot(0, time(9), time(12))


def utc(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def span(first: date, days: int) -> TimeWindow:
    start = datetime.combine(first, time(0), tzinfo=UTC)
    return TimeWindow(start, start + timedelta(days=days))


def profile(*slots: WeeklySlot, exceptions: tuple[AvailabilityException, ...] = ()) -> CoachProfile:
    return CoachProfile(person_id=1, weekly=slots, exceptions=exceptions)


def test_monday_morning_moves_an_hour_in_utc_when_london_clocks_go_forward_in_march_2026() -> None:
    # Clocks go forward on Sunday 29 March 2026.
    free = free_windows(
        profile(MONDAY_9_TO_12), coach_tz=LONDON, within=span(date(2026, 3, 23), 14), busy=()
    )
    assert free == [
        TimeWindow(utc(2026, 3, 23, 9), utc(2026, 3, 23, 12)),  # GMT
        TimeWindow(utc(2026, 3, 30, 8), utc(2026, 3, 30, 11)),  # BST
    ]


def test_monday_morning_moves_back_when_london_clocks_go_back_in_october_2026() -> None:
    # Clocks go back on Sunday 25 October 2026.
    free = free_windows(
        profile(MONDAY_9_TO_12), coach_tz=LONDON, within=span(date(2026, 10, 19), 14), busy=()
    )
    assert free == [
        TimeWindow(utc(2026, 10, 19, 8), utc(2026, 10, 19, 11)),
        TimeWindow(utc(2026, 10, 26, 9), utc(2026, 10, 26, 12)),
    ]


def test_clock_changes_of_2027() -> None:
    # 28 March and 31 October 2027.
    spring = free_windows(
        profile(MONDAY_9_TO_12), coach_tz=LONDON, within=span(date(2027, 3, 22), 14), busy=()
    )
    autumn = free_windows(
        profile(MONDAY_9_TO_12), coach_tz=LONDON, within=span(date(2027, 10, 25), 14), busy=()
    )
    assert [window.start for window in spring] == [utc(2027, 3, 22, 9), utc(2027, 3, 29, 8)]
    assert [window.start for window in autumn] == [utc(2027, 10, 25, 8), utc(2027, 11, 1, 9)]


def test_a_slot_spanning_the_missing_hour_is_one_hour_shorter() -> None:
    # Sunday 29 March 2026, 00:30-03:00 London: 01:00-02:00 does not exist.
    sunday = WeeklySlot(6, time(0, 30), time(3))
    free = expand_weekly([sunday], tz=LONDON, within=span(date(2026, 3, 29), 1))
    assert free == [TimeWindow(utc(2026, 3, 29, 0, 30), utc(2026, 3, 29, 2))]


def test_a_slot_spanning_the_repeated_hour_is_one_hour_longer() -> None:
    # Sunday 25 October 2026, 00:30-03:00 London: 01:00-02:00 happens twice.
    sunday = WeeklySlot(6, time(0, 30), time(3))
    free = expand_weekly([sunday], tz=LONDON, within=span(date(2026, 10, 24), 2))
    assert free == [TimeWindow(utc(2026, 10, 24, 23, 30), utc(2026, 10, 25, 3))]


def test_new_york_coach_as_seen_from_london_across_both_clock_changes() -> None:
    # New York springs forward on 8 March 2026, London on 29 March: for three weeks the
    # two are four hours apart instead of five.
    free = free_windows(
        profile(WeeklySlot(0, time(9), time(10))),
        coach_tz=NEW_YORK,
        within=span(date(2026, 3, 2), 29),
        busy=(),
    )
    starts = [window.start for window in free]
    assert starts == [
        utc(2026, 3, 2, 14),  # EST
        utc(2026, 3, 9, 13),  # EDT
        utc(2026, 3, 16, 13),
        utc(2026, 3, 23, 13),
        utc(2026, 3, 30, 13),  # EDT
    ]
    in_london = [start.astimezone(LONDON).time() for start in starts]
    assert in_london == [time(14), time(13), time(13), time(13), time(14)]


def test_half_hour_zone_and_a_slot_on_the_previous_utc_day() -> None:
    # 04:00-05:00 Monday in Kolkata (UTC+5:30) is 22:30-23:30 Sunday UTC.
    free = free_windows(
        profile(WeeklySlot(0, time(4), time(5))),
        coach_tz=KOLKATA,
        within=span(date(2026, 3, 1), 1),  # Sunday 1 March, UTC
        busy=(),
    )
    assert free == [TimeWindow(utc(2026, 3, 1, 22, 30), utc(2026, 3, 1, 23, 30))]


def test_exceptions_add_and_remove_time_and_leave_wins() -> None:
    saturday_extra = TimeWindow(utc(2026, 3, 7, 10), utc(2026, 3, 7, 12))
    monday_away = TimeWindow(utc(2026, 3, 2, 10), utc(2026, 3, 2, 11))
    leave_over_extra = TimeWindow(utc(2026, 3, 7, 11), utc(2026, 3, 7, 13))
    coach = profile(
        MONDAY_9_TO_12,
        exceptions=(
            AvailabilityException(saturday_extra, available=True, note="extra Saturday"),
            AvailabilityException(monday_away, note="dentist"),
            AvailabilityException(leave_over_extra, note="leave"),
        ),
    )
    free = free_windows(coach, coach_tz=LONDON, within=span(date(2026, 3, 2), 7), busy=())
    assert free == [
        TimeWindow(utc(2026, 3, 2, 9), utc(2026, 3, 2, 10)),
        TimeWindow(utc(2026, 3, 2, 11), utc(2026, 3, 2, 12)),
        TimeWindow(utc(2026, 3, 7, 10), utc(2026, 3, 7, 11)),
    ]


def test_busy_time_is_removed_and_result_is_clipped_to_within() -> None:
    busy = [TimeWindow(utc(2026, 3, 2, 9, 30), utc(2026, 3, 2, 10, 30))]
    within = TimeWindow(utc(2026, 3, 2, 9), utc(2026, 3, 2, 11, 30))
    free = free_windows(profile(MONDAY_9_TO_12), coach_tz=LONDON, within=within, busy=busy)
    assert free == [
        TimeWindow(utc(2026, 3, 2, 9), utc(2026, 3, 2, 9, 30)),
        TimeWindow(utc(2026, 3, 2, 10, 30), utc(2026, 3, 2, 11, 30)),
    ]


def test_overlapping_slots_merge_and_no_slots_means_no_time() -> None:
    coach = profile(WeeklySlot(0, time(9), time(11)), WeeklySlot(0, time(10), time(12)))
    free = free_windows(coach, coach_tz=LONDON, within=span(date(2026, 3, 2), 1), busy=())
    assert free == [TimeWindow(utc(2026, 3, 2, 9), utc(2026, 3, 2, 12))]
    assert free_windows(profile(), coach_tz=LONDON, within=span(date(2026, 3, 2), 7), busy=()) == []
