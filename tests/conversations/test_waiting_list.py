"""The waiting list keeps its promise: when a place frees, the people waiting are matched
again, oldest first, and told; coordinators see why each request waits."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from bot.domain import Person, RequestState, Role
from handlers.cli.main import main
from handlers.pool.sample import DEMO_COACHEE_EMAIL, DEMO_COORDINATOR_EMAIL
from handlers.wall_clock import WallClock
from tests.conversations.test_programme_rules import rapid_request
from tests.conversations.transcript import Transcript, squeeze

SAM = DEMO_COACHEE_EMAIL
COORDINATOR = DEMO_COORDINATOR_EMAIL
COACH = "catherine.ellis@shropshire.gov.uk"  # not from Sam's organisation


def colleagues_of_sam(t: Transcript, count: int) -> list[str]:
    dudley = t.person(SAM).organisation_id
    people = [
        t.store.add_person(Person(0, f"colleague{n}@dudley.gov.uk", f"Colleague {n}", dudley,
                                  frozenset({Role.COACHEE})))
        for n in range(count)
    ]  # fmt: skip
    return [p.email for p in people]


def state_of(t: Transcript, email: str) -> RequestState:
    (request,) = [r for r in t.store.list_requests() if r.coachee_id == t.person(email).id]
    return request.state


def waits_for_a_sunday_dawn(t: Transcript) -> str:
    """A request no coach can take: nobody is free on Sunday at 6am."""
    t.say(SAM, "coaching on leading my team through a restructure, online")
    t.say(SAM, "Keep my team motivated")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    t.press(SAM, "Regional Coaching Pool")
    t.say(SAM, "Sunday at 6am")
    return squeeze(t.press(SAM, "Yes, find me a coach"))


def new_weekly_times(t: Transcript, coach: str, times: str) -> str:
    t.say(coach, "availability")
    t.press(coach, "Change my weekly times")
    t.say(coach, times)
    return t.press(coach, "Save")


def test_a_freed_organisation_place_goes_to_the_person_waiting(t: Transcript) -> None:
    colleagues = colleagues_of_sam(t, 3)
    for colleague in colleagues:
        rapid_request(t, colleague)
    waiting = squeeze(rapid_request(t, SAM))
    assert "I'll message you as soon as a place opens and a coach is free for you" in waiting
    assert t.inbox(SAM) == ""
    t.say(colleagues[0], "my requests")
    t.press(colleagues[0], "Withdraw")
    assert "withdrawn" in t.press(colleagues[0], "Yes, withdraw it")
    news = squeeze(t.inbox(SAM))
    assert "Good news: a place has opened for your coaching request" in news
    assert "who could work with you" in news
    assert state_of(t, SAM) is RequestState.SHORTLISTED
    t.press(SAM, ", ")  # the new shortlist works: Sam chooses a coach
    assert state_of(t, SAM) is RequestState.WAITING_COACH


def test_places_go_to_the_oldest_request_first(t: Transcript) -> None:
    colleagues = colleagues_of_sam(t, 4)
    for colleague in colleagues:
        rapid_request(t, colleague)
    rapid_request(t, SAM)  # waits behind colleague 3, who asked first
    assert [state_of(t, e) for e in (colleagues[3], SAM)] == [RequestState.WAITLISTED] * 2
    t.say(colleagues[0], "my requests")
    t.press(colleagues[0], "Withdraw")
    t.press(colleagues[0], "Yes, withdraw it")
    assert "a place has opened" in t.inbox(colleagues[3])
    assert t.inbox(SAM) == ""
    assert state_of(t, SAM) is RequestState.WAITLISTED
    waiting = squeeze(t.say(COORDINATOR, "waiting"))
    assert "on the waiting list (no place left: the organisation's 3 places" in waiting


def test_an_ended_engagement_frees_its_place(t: Transcript) -> None:
    colleagues = colleagues_of_sam(t, 3)
    for colleague in colleagues:
        rapid_request(t, colleague)
    rapid_request(t, SAM)
    t.press(colleagues[0], ", ")
    (asked,) = t.store.list_requests(states=[RequestState.WAITING_COACH])
    coach = t.store.get_person(asked.chosen_coach_id or 0)
    assert coach is not None
    t.inbox(coach.email)
    t.press(coach.email, "Accept")
    assert t.inbox(SAM) == ""  # a booking holds the place: nothing has freed yet
    t.say(colleagues[0], "sessions")
    t.press(colleagues[0], "End coaching")
    t.press(colleagues[0], "Yes, end the coaching")
    news = squeeze(t.inbox(SAM))
    assert "Good news: a place has opened" in news
    assert "who could work with you" in news


def test_a_coach_with_new_times_is_offered_to_the_person_waiting(t: Transcript) -> None:
    reply = waits_for_a_sunday_dawn(t)
    assert "I'll message you when a coach becomes available" in reply
    t.inbox(COORDINATOR)
    waiting = squeeze(t.say(COORDINATOR, "waiting"))
    assert "on the waiting list (no suitable coach: " in waiting
    assert "Saved." in new_weekly_times(t, COACH, "Sun 06:00-09:00")
    news = squeeze(t.inbox(SAM))
    assert "Good news: a place has opened" in news
    assert "Catherine Ellis" in news
    assert state_of(t, SAM) is RequestState.SHORTLISTED


def test_a_coach_back_from_a_pause_is_offered_to_the_person_waiting(t: Transcript) -> None:
    waits_for_a_sunday_dawn(t)
    t.say(COACH, "availability")
    t.press(COACH, "Pause")
    t.say(COACH, "on leave until January")
    new_weekly_times(t, COACH, "Sun 06:00-09:00")
    assert t.inbox(SAM) == ""  # paused: not offered, however free
    waiting = squeeze(t.say(COORDINATOR, "waiting"))
    assert "(no place left: every suitable coach is full or paused)" in waiting
    t.say(COACH, "availability")
    assert "Welcome back" in t.press(COACH, "Resume taking coachees")
    news = squeeze(t.inbox(SAM))
    assert "Good news: a place has opened" in news
    assert "Catherine Ellis" in news


def test_coaches_imported_on_the_command_line_reach_the_person_waiting(
    t: Transcript,
    database_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    waits_for_a_sunday_dawn(t)
    roster = tmp_path / "coaches.csv"
    roster.write_text(
        "email,name,organisation,accreditation,formats,max_coachees,availability\n"
        "early.bird@coventry.gov.uk,Early Bird,coventry,ILM7,online,2,Sun 06:00-09:00\n",
        encoding="utf-8",
    )
    # The command line runs at the conversation's simulated time, not the machine's.
    monkeypatch.setattr(WallClock, "now", lambda _self: t.clock.now())
    capsys.readouterr()
    assert main(["--database", database_url, "requests"]) == 0
    listed = capsys.readouterr().out
    assert "WHY WAITING" in listed
    assert "waitlisted  no suitable coach: " in listed
    assert main(["--database", database_url, "import", "coaches", str(roster)]) == 0
    assert "1 waiting request(s) now have coaches to choose from" in capsys.readouterr().out
    news = squeeze(t.inbox(SAM))
    assert "Good news: a place has opened" in news
    assert "Early Bird" in news


def test_a_coachs_last_place_goes_to_the_older_request_in_a_round(
    t: Transcript,
    database_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    walsall = next(o for o in t.store.list_organisations() if o.slug == "walsall")
    later = t.store.add_person(
        Person(0, "later@walsall.gov.uk", "Lee Later", walsall.id, frozenset({Role.COACHEE}))
    )
    waits_for_a_sunday_dawn(t)  # Sam asks first
    t.clock.advance(timedelta(minutes=5))
    t.say(later.email, "coaching on leading my team through a restructure, online")
    t.say(later.email, "Keep my team motivated")
    t.say(later.email, "skip")
    t.say(later.email, "skip")
    t.press(later.email, "Regional Coaching Pool")
    t.say(later.email, "Sunday at 6am")
    t.press(later.email, "Yes, find me a coach")
    roster = tmp_path / "coaches.csv"
    roster.write_text(
        "email,name,organisation,accreditation,formats,max_coachees,availability\n"
        "early.bird@coventry.gov.uk,Early Bird,coventry,ILM7,online,1,Sun 06:00-09:00\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(WallClock, "now", lambda _self: t.clock.now())
    assert main(["--database", database_url, "import", "coaches", str(roster)]) == 0
    assert "Early Bird" in t.inbox(SAM)
    assert t.inbox(later.email) == ""
    assert state_of(t, later.email) is RequestState.WAITLISTED


def test_erasing_someone_frees_the_place_they_held(
    t: Transcript, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    colleagues = colleagues_of_sam(t, 3)
    for colleague in colleagues:
        rapid_request(t, colleague)
    rapid_request(t, SAM)
    monkeypatch.setattr(WallClock, "now", lambda _self: t.clock.now())
    assert main(["--database", database_url, "erase", colleagues[0], "--yes"]) == 0
    news = squeeze(t.inbox(SAM))
    assert "Good news: a place has opened" in news
    assert state_of(t, SAM) is RequestState.SHORTLISTED
