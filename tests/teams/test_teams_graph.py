"""The optional Outlook event with a Teams meeting, against a fake Microsoft Graph: made at
booking, moved (PATCH) when the session moves, deleted when it is cancelled."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from teams_fakes import Answer, FakeLogin, FakeServer, Seen, self_signed
from teams_rig import APP_ID, SECRET, SHROPSHIRE_TENANT, START, set_tenants_in

from bot.assembly import coaching_bot
from bot.clock import SimulatedClock
from bot.domain import Person, Session, SessionState
from bot.domain.timewindow import TimeWindow
from bot.ports.calendar import CalendarEntry
from bot.services import Services
from handlers.pool.sample import DEMO_COACHEE_EMAIL, load_sample_pool
from handlers.teams.graph_calendar import GraphCalendar, calendar_from_environ
from storage.store import SqlStore
from tests.conversations.test_aftercare import SAM, booked
from tests.conversations.transcript import RecordingNotifier, Transcript

JOIN_URL = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_fake"


class FakeGraph(FakeServer):
    """Events by id, per mailbox path, as Graph keeps them."""

    def __init__(self) -> None:
        self.refuse = False
        self.events: dict[str, dict[str, Any]] = {}
        super().__init__()

    def answer(self, seen: Seen) -> Answer:
        if self.refuse:
            return Answer(403, {"error": {"code": "ErrorAccessDenied", "message": "no"}})
        if seen.method == "POST" and seen.path.endswith("/events"):
            meeting = {"joinUrl": JOIN_URL} if seen.body.get("isOnlineMeeting") else None
            event_id = f"event-{len(self.events) + 1}"
            self.events[f"{seen.path}/{event_id}"] = dict(seen.body)
            return Answer(201, {"id": event_id, "onlineMeeting": meeting})
        if seen.path not in self.events:
            return super().answer(seen)
        if seen.method == "PATCH":
            self.events[seen.path] |= seen.body
            return Answer(200, {"id": seen.path.rsplit("/", 1)[1], **self.events[seen.path]})
        if seen.method == "DELETE":
            del self.events[seen.path]
            return Answer(204)
        return super().answer(seen)


@pytest.fixture
def graph(
    store: SqlStore, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[GraphCalendar, FakeGraph, FakeLogin]]:
    tls, bundle = self_signed(tmp_path_factory.mktemp("graph-tls"))
    login, fake = FakeLogin(tls, client_id=APP_ID, secret=SECRET), FakeGraph()
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(bundle))
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    load_sample_pool(store, now=START)
    set_tenants_in(store, {"shropshire": SHROPSHIRE_TENANT})
    environ = {
        "MICROSOFT_GRAPH_CALENDAR": "1",
        "MICROSOFT_APP_ID": APP_ID,
        "MICROSOFT_APP_PASSWORD": SECRET,
        "MICROSOFT_APP_TENANT_ID": "tenant-pool-host",
        "MICROSOFT_LOGIN_URL": login.url,
        "GRAPH_URL": f"{fake.url}/v1.0",
    }
    calendar = calendar_from_environ(environ, store=store)
    assert calendar is not None
    yield calendar, fake, login
    login.close()
    fake.close()


def _people(store: SqlStore) -> tuple[Person, Person]:
    coach = store.find_person_by_email("catherine.ellis@shropshire.gov.uk")
    coachee = store.find_person_by_email(DEMO_COACHEE_EMAIL)
    assert coach is not None and coachee is not None
    return coach, coachee


def _session(coach: Person, coachee: Person, *, location: str = "Online") -> Session:
    start = datetime(2026, 11, 26, 14, 0, tzinfo=UTC)
    return Session(
        id=7,
        engagement_id=1,
        coach_id=coach.id,
        coachee_id=coachee.id,
        window=TimeWindow(start, start + timedelta(hours=1)),
        state=SessionState.CONFIRMED,
        location=location,
    )


def test_an_online_session_becomes_an_event_with_a_teams_meeting(
    store: SqlStore, graph: tuple[GraphCalendar, FakeGraph, FakeLogin]
) -> None:
    calendar, fake, login = graph
    coach, coachee = _people(store)
    made = calendar.create_event(_session(coach, coachee), coach=coach, coachee=coachee)
    assert made == CalendarEntry("event-1", JOIN_URL)
    [call] = fake.requests("POST")
    assert call.path == "/v1.0/users/catherine.ellis@shropshire.gov.uk/events"
    assert call.headers["Authorization"] == f"Bearer {login.issued[-1]}"
    event = call.body
    assert event["isOnlineMeeting"] is True
    assert event["onlineMeetingProvider"] == "teamsForBusiness"
    assert event["start"] == {"dateTime": "2026-11-26T14:00:00", "timeZone": "UTC"}
    assert event["end"] == {"dateTime": "2026-11-26T15:00:00", "timeZone": "UTC"}
    assert event["attendees"][0]["emailAddress"]["address"] == DEMO_COACHEE_EMAIL
    assert event["transactionId"] == "coachpool-session-7"
    # The token came from the coach's own tenant.
    assert login.requests("POST")[-1].path.startswith(f"/{SHROPSHIRE_TENANT}/")


def test_an_in_person_session_gets_no_meeting(
    store: SqlStore, graph: tuple[GraphCalendar, FakeGraph, FakeLogin]
) -> None:
    calendar, fake, _ = graph
    coach, coachee = _people(store)
    session = _session(coach, coachee, location="Shrewsbury Shirehall")
    assert calendar.create_event(session, coach=coach, coachee=coachee) == CalendarEntry("event-1")
    [call] = fake.requests("POST")
    assert "isOnlineMeeting" not in call.body
    assert call.body["location"] == {"displayName": "Shrewsbury Shirehall"}


def test_a_graph_failure_is_logged_and_never_raised(
    store: SqlStore,
    graph: tuple[GraphCalendar, FakeGraph, FakeLogin],
    caplog: pytest.LogCaptureFixture,
) -> None:
    calendar, fake, _ = graph
    fake.refuse = True
    coach, coachee = _people(store)
    with caplog.at_level(logging.WARNING, logger="coachpool.teams.graph"):
        assert calendar.create_event(_session(coach, coachee), coach=coach, coachee=coachee) is None
    assert "403" in caplog.records[-1].reason  # type: ignore[attr-defined]


def test_a_login_failure_is_logged_and_never_raised(
    store: SqlStore, graph: tuple[GraphCalendar, FakeGraph, FakeLogin]
) -> None:
    calendar, fake, login = graph
    login.secret = "rotated"
    coach, coachee = _people(store)
    assert calendar.create_event(_session(coach, coachee), coach=coach, coachee=coachee) is None
    assert fake.requests("POST") == []


def test_off_unless_configured(store: SqlStore) -> None:
    assert calendar_from_environ({}, store=store) is None
    assert calendar_from_environ({"MICROSOFT_GRAPH_CALENDAR": "1"}, store=store) is None


def test_a_sessions_life_in_outlook_made_moved_then_deleted(
    store: SqlStore, graph: tuple[GraphCalendar, FakeGraph, FakeLogin]
) -> None:
    """Through the bot: the booking makes the event, a reschedule moves that same event, a
    cancellation deletes it (Outlook sends the coachee its cancellation)."""
    calendar, fake, _ = graph
    clock = SimulatedClock(START)
    t = Transcript(
        coaching_bot(Services(store=store, clock=clock, calendar=calendar)),
        clock,
        RecordingNotifier(),
    )
    coach = booked(t)
    (session,) = store.list_sessions()
    [made] = fake.requests("POST")
    mailbox = f"/v1.0/users/{coach}/events"
    assert made.path == mailbox
    assert session.calendar_event_id == "event-1"
    assert fake.events[f"{mailbox}/event-1"]["start"]["dateTime"] == "2026-11-26T13:30:00"

    t.say(SAM, "sessions")
    t.press(SAM, "Reschedule")
    t.say(SAM, "Thursday 3 December afternoon")
    assert "Your session has moved" in t.press(SAM, "Thursday 3 December")
    t.inbox(coach)  # the dispatcher runs: the calendar follows
    (moved,) = store.list_sessions()
    [patched] = fake.requests("PATCH")
    assert patched.path == f"{mailbox}/event-1"
    expected = moved.window.start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    assert patched.body["start"] == {"dateTime": expected, "timeZone": "UTC"}
    assert fake.events[f"{mailbox}/event-1"]["start"]["dateTime"] == expected
    assert fake.requests("POST") == [made]  # the same event, not a second one

    t.say(SAM, "sessions")
    t.press(SAM, "Cancel")
    t.press(SAM, "Yes, cancel it")
    t.inbox(coach)
    [deleted] = fake.requests("DELETE")
    assert deleted.path == f"{mailbox}/event-1"
    assert fake.events == {}


def test_an_event_deleted_by_hand_counts_as_gone_and_a_failed_move_is_logged(
    store: SqlStore,
    graph: tuple[GraphCalendar, FakeGraph, FakeLogin],
    caplog: pytest.LogCaptureFixture,
) -> None:
    calendar, _, _ = graph
    coach, coachee = _people(store)
    gone = dataclasses.replace(_session(coach, coachee), calendar_event_id="event-9")
    assert calendar.delete_event(gone, coach=coach) is True  # Graph: 404, nothing to delete
    with caplog.at_level(logging.WARNING, logger="coachpool.teams.graph"):
        assert calendar.update_event(gone, coach=coach, coachee=coachee) is False
    assert "404" in caplog.records[-1].reason  # type: ignore[attr-defined]


def test_with_a_registration_per_council_the_coachs_councils_bot_writes_the_event(
    store: SqlStore,
    graph: tuple[GraphCalendar, FakeGraph, FakeLogin],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _, fake, login = graph
    shropshire_app, dudley_app = (f"5a10b000-0000-4000-8000-0000000000{n}" for n in ("bb", "da"))
    login.register(client_id=shropshire_app, secret="s-secret", tenant=SHROPSHIRE_TENANT)
    login.register(client_id=dudley_app, secret="d-secret", tenant="tenant-dudley")
    listed = tmp_path / "teams.toml"
    listed.write_text(
        f'[[registration]]\nname = "dudley"\napp_id = "{dudley_app}"\n'
        'tenant_id = "tenant-dudley"\npassword = "d-secret"\n'
        f'[[registration]]\nname = "shropshire"\napp_id = "{shropshire_app}"\n'
        f'tenant_id = "{SHROPSHIRE_TENANT}"\npassword = "s-secret"\n'
    )
    environ = {
        "MICROSOFT_GRAPH_CALENDAR": "1",
        "MICROSOFT_APP_REGISTRATIONS": str(listed),
        "MICROSOFT_LOGIN_URL": login.url,
        "GRAPH_URL": f"{fake.url}/v1.0",
    }
    calendar = calendar_from_environ(environ, store=store)
    assert calendar is not None
    coach, coachee = _people(store)
    made = calendar.create_event(_session(coach, coachee), coach=coach, coachee=coachee)
    assert made == CalendarEntry("event-1", JOIN_URL)
    # Shropshire's bot, with a token from Shropshire's tenant, wrote in Catherine's calendar.
    [grant] = login.requests("POST", "/oauth2/v2.0/token")
    assert grant.path.startswith(f"/{SHROPSHIRE_TENANT}/")
    assert grant.body["client_id"] == shropshire_app
    assert fake.requests("POST")[-1].headers["Authorization"] == f"Bearer {login.issued[-1]}"

    # A coach whose council registered no bot here: no event (logged), the .ics stands.
    set_tenants_in(store, {"shropshire": "tenant-without-a-registration"})
    with caplog.at_level(logging.WARNING, logger="coachpool.teams.graph"):
        assert calendar.create_event(_session(coach, coachee), coach=coach, coachee=coachee) is None
    assert "no Teams bot registration" in caplog.records[-1].reason  # type: ignore[attr-defined]
    assert len(login.requests("POST", "/oauth2/v2.0/token")) == 1
