"""Every entity comes back from the store exactly as it went in."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, time, timedelta, timezone

import pytest
from storage_testkit import T0, Pool

from bot.domain import (
    Accreditation,
    AvailabilityException,
    CoachingRequest,
    CoachProfile,
    EngagementState,
    Format,
    Identity,
    Membership,
    Organisation,
    Person,
    Programme,
    RequestState,
    Role,
    Session,
    SessionKind,
    SessionState,
    ShortlistEntry,
    WeeklySlot,
)
from bot.domain.audit import AuditEntry
from bot.domain.conversation import ConversationState
from bot.domain.feedback import Feedback
from bot.domain.lifecycles import IllegalMove
from bot.domain.outbox import OutboxMessage, OutboxState
from bot.domain.timewindow import TimeWindow
from bot.ports.errors import StaleState
from handlers.channel_names import SLACK, TEAMS
from storage.store import SqlStore


def test_organisation(store: SqlStore) -> None:
    given = Organisation(
        id=0,
        slug="sandwell",
        name="Sandwell Council",
        eap_contact="EAP: 0800 000 000",
        memberships=(
            Membership(SLACK, "T01"),
            Membership(TEAMS, "tenant-a"),
            Membership(SLACK, "T02"),
        ),
    )
    added = store.add_organisation(given)
    assert added.id > 0
    assert added == replace(given, id=added.id)
    assert store.get_organisation(added.id) == added
    assert store.find_organisation("sandwell") == added
    assert added.workspaces(SLACK) == ("T01", "T02")
    changed = replace(added, name="Sandwell MBC", memberships=added.memberships[1:2])
    store.update_organisation(changed)
    assert store.list_organisations() == [changed]
    assert store.get_organisation(999) is None
    assert store.find_organisation("nowhere") is None


def test_person(pool: Pool) -> None:
    store = pool.store
    given = Person(
        id=0,
        email="Dee.Manager@Council.Example",
        name="Dee Manager",
        organisation_id=pool.organisation.id,
        roles=frozenset({Role.COACHEE, Role.SPONSOR, Role.ORG_LEAD}),
        timezone="Europe/Dublin",
        manager_id=pool.coach.id,
        job_title="Head of Service",
        directorate="Adult Social Care",
    )
    added = store.add_person(given)
    assert added == replace(given, id=added.id)
    assert store.get_person(added.id) == added
    changed = replace(added, roles=frozenset({Role.COACH}), manager_id=None, job_title="")
    store.update_person(changed)
    assert store.get_person(added.id) == changed


def test_coach_profile_with_availability(pool: Pool) -> None:
    store = pool.store
    profile = CoachProfile(
        person_id=pool.coach.id,
        accreditation=Accreditation.ILM7,
        specialisms=("leadership", "resilience and wellbeing"),
        bio="Twenty years in housing.",
        formats=frozenset({Format.ONLINE, Format.IN_PERSON}),
        locations=("Birmingham", "Walsall"),
        max_coachees=3,
        max_hours_per_month=7.5,
        weekly=(WeeklySlot(0, time(9), time(12)), WeeklySlot(3, time(13, 30), time(17))),
        exceptions=(
            AvailabilityException(TimeWindow(T0, T0 + timedelta(days=5)), note="leave"),
            AvailabilityException(
                TimeWindow(T0 + timedelta(days=9), T0 + timedelta(days=9, hours=2)),
                available=True,
            ),
        ),
    )
    store.save_coach(profile)
    assert store.get_coach(pool.coach.id) == profile
    paused = replace(profile, paused=True, pause_reason="supervision lapsed", weekly=())
    store.save_coach(paused)
    assert store.list_coaches() == [paused]
    assert store.get_coach(pool.coachees[0].id) is None


def test_programme(store: SqlStore) -> None:
    given = Programme(
        id=0,
        slug="rapid",
        name="Rapid support",
        description="Up to 3 x 1 hour",
        session_minutes=60,
        max_sessions=3,
        max_per_organisation=3,
        same_organisation_allowed=True,
        required_accreditation=Accreditation.ILM5,
        chemistry_session=True,
        sponsor_approval=True,
        feedback_required=False,
        response_deadline_working_days=2,
        reminder_hours_before=(48, 2),
        no_show_limit=0,
        late_cancellation_hours=12,
        active=False,
    )
    added = store.add_programme(given)
    assert added == replace(given, id=added.id)
    assert store.get_programme(added.id) == added
    assert store.find_programme("rapid") == added
    store.update_programme(replace(added, active=True, max_per_organisation=None))
    assert store.list_programmes() == [replace(added, active=True, max_per_organisation=None)]


def test_request_and_shortlist(pool: Pool) -> None:
    store = pool.store
    coachee = pool.coachees[0]
    # Given in another zone: the store answers in UTC, the same instants.
    plus_one = timezone(timedelta(hours=1))
    given = CoachingRequest(
        id=0,
        coachee_id=coachee.id,
        programme_id=pool.programme.id,
        state=RequestState.OPEN,
        created_at=T0.astimezone(plus_one),
        topic="Stepping up to lead a team",
        goal="Feel confident in my first 90 days",
        reality="New role",
        preferences="Someone outside local government",
        format=Format.ONLINE,
        location="Dudley",
        windows=(
            TimeWindow(T0, T0 + timedelta(hours=3)),
            TimeWindow(T0 + timedelta(days=1), T0 + timedelta(days=1, hours=8)),
        ),
        declined_coach_ids=frozenset({pool.coachees[1].id, pool.coachees[2].id}),
        asked_at=T0 + timedelta(minutes=5),
        updated_at=T0 + timedelta(minutes=6),
    )
    added = store.add_request(given)
    stored = store.get_request(added.id)
    assert stored == replace(given, id=added.id)
    assert stored is not None
    assert stored.created_at.tzinfo is UTC
    store.update_request(replace(added, state=RequestState.SHORTLISTED), expected=added.state)
    chosen = replace(added, state=RequestState.WAITING_COACH, chosen_coach_id=pool.coach.id)
    store.update_request(chosen, expected=RequestState.SHORTLISTED)
    # A stale copy is refused, not written: the request is no longer open.
    with pytest.raises(StaleState):
        store.update_request(replace(added, topic="stale"))
    with pytest.raises(IllegalMove):  # nor may a request waiting for its coach go back to open
        store.update_request(
            replace(chosen, state=RequestState.OPEN), expected=RequestState.WAITING_COACH
        )
    assert store.get_request(added.id) == chosen

    entries = [
        ShortlistEntry(added.id, pool.coach.id, rank=1, score=0.92, reasons=("ILM 7", "online")),
        ShortlistEntry(added.id, pool.coachees[3].id, rank=2, score=0.5, reasons=()),
    ]
    store.save_shortlist(added.id, entries[::-1])
    assert store.get_shortlist(added.id) == entries
    store.save_shortlist(added.id, entries[:1])
    assert store.get_shortlist(added.id) == entries[:1]


def test_list_requests_filters_and_order(pool: Pool) -> None:
    store = pool.store
    first, second = pool.coachees[:2]

    def add(coachee: Person, hours: int, state: RequestState) -> CoachingRequest:
        return store.add_request(
            CoachingRequest(
                id=0,
                coachee_id=coachee.id,
                programme_id=pool.programme.id,
                state=state,
                created_at=T0 + timedelta(hours=hours),
                chosen_coach_id=pool.coach.id if state is RequestState.WAITING_COACH else None,
            )
        )

    late = add(first, 5, RequestState.OPEN)
    early = add(second, 1, RequestState.WAITING_COACH)
    middle = add(first, 3, RequestState.WITHDRAWN)
    assert store.list_requests() == [early, middle, late]
    assert store.list_requests(coachee_id=first.id) == [middle, late]
    assert store.list_requests(states=[RequestState.OPEN, RequestState.WAITING_COACH]) == [
        early,
        late,
    ]
    assert store.list_requests(chosen_coach_id=pool.coach.id) == [early]
    assert store.list_requests(programme_id=pool.programme.id + 1) == []


def test_engagement_and_session(pool: Pool) -> None:
    store = pool.store
    engagement = pool.engagement(pool.coachees[0])
    assert store.get_engagement(engagement.id) == engagement
    closed = replace(
        engagement,
        state=EngagementState.CLOSED,
        sponsor_id=pool.coachees[1].id,
        closed_at=T0,
        close_reason="all sessions held",
    )
    store.update_engagement(closed, expected=EngagementState.ACTIVE)
    assert store.list_engagements(coach_id=pool.coach.id) == [closed]
    assert store.list_engagements(coachee_id=pool.coachees[1].id) == []

    given = Session(
        id=0,
        engagement_id=engagement.id,
        coach_id=pool.coach.id,
        coachee_id=pool.coachees[0].id,
        window=TimeWindow(T0, T0 + timedelta(minutes=90)),
        state=SessionState.PROPOSED,
        kind=SessionKind.CHEMISTRY,
        meeting_link="https://meet.example/abc",
        location="Council House, room 2",
    )
    added = store.add_session(given)
    assert store.get_session(added.id) == replace(given, id=added.id)
    cancelled = replace(
        added,
        state=SessionState.CANCELLED,
        cancelled_by=pool.coachees[0].id,
        cancelled_at=T0 - timedelta(hours=2),
        late_cancellation=True,
    )
    store.update_session(cancelled, expected=SessionState.PROPOSED)
    assert store.get_session(added.id) == cancelled
    no_show = pool.session(engagement, T0 + timedelta(days=7), state=SessionState.CONFIRMED)
    store.update_session(
        replace(no_show, state=SessionState.NO_SHOW, no_show_by=pool.coach.id),
        expected=SessionState.CONFIRMED,
    )
    assert store.get_session(no_show.id) == replace(
        no_show, state=SessionState.NO_SHOW, no_show_by=pool.coach.id
    )


def test_identity(pool: Pool) -> None:
    store = pool.store
    identity = Identity(
        person_id=pool.coach.id,
        channel=TEAMS,
        workspace="tenant-a",
        user_id="29:abc",
        conversation_ref={"service_url": "https://smba.example/", "conversation_id": "a:1"},
    )
    store.link_identity(identity)
    assert store.find_identity(TEAMS, "tenant-a", "29:abc") == identity
    assert store.identities_of(pool.coach.id) == [identity]


def test_conversation_state(pool: Pool) -> None:
    store = pool.store
    state = ConversationState(
        person_id=pool.coachees[0].id,
        channel=SLACK,
        name="intake",
        step="goal",
        data={"topic": "leadership", "windows": [["2026-03-02T09:00:00+00:00", "x"]], "n": 2},
        history=("start", "topic"),
        updated_at=T0,
    )
    store.save_conversation(state)
    assert store.load_conversation(state.person_id, SLACK) == state
    assert store.load_conversation(state.person_id, TEAMS) is None
    moved = replace(state, step="reality", history=(*state.history, "goal"), data={})
    store.save_conversation(moved)
    assert store.load_conversation(state.person_id, SLACK) == moved
    store.clear_conversation(state.person_id, SLACK)
    assert store.load_conversation(state.person_id, SLACK) is None


def test_outbox_message(pool: Pool) -> None:
    store = pool.store
    message = OutboxMessage(
        key="reminder:24h:session:7:person:3",
        recipient_id=pool.coach.id,
        kind="reminder",
        due_at=T0,
        payload={"session_id": 7, "hours": 24, "nested": {"ok": True}},
    )
    assert store.schedule(message)
    [stored] = store.list_outbox()
    assert stored == replace(message, id=stored.id)
    assert store.list_outbox(states=[OutboxState.SENT]) == []


def test_feedback(pool: Pool) -> None:
    store = pool.store
    session = pool.session(pool.engagement(pool.coachees[0]), state=SessionState.CONFIRMED)
    coachee_says = Feedback(
        session_id=session.id,
        person_id=pool.coachees[0].id,
        submitted_at=T0 + timedelta(hours=2),
        usefulness=5,
        progress=7,
        comment="Really helpful",
    )
    coach_logs = Feedback(
        session_id=session.id,
        person_id=pool.coach.id,
        submitted_at=T0 + timedelta(hours=3),
        consent_to_share_themes=True,
        themes=("leadership", "confidence"),
    )
    store.save_feedback(coach_logs)
    store.save_feedback(coachee_says)
    assert store.list_feedback() == [coachee_says, coach_logs]
    assert store.list_feedback(since=T0 + timedelta(hours=3)) == [coach_logs]
    revised = replace(coachee_says, usefulness=4, comment="")
    store.save_feedback(revised)
    assert store.list_feedback() == [revised, coach_logs]


def test_audit(store: SqlStore) -> None:
    entries = [
        AuditEntry(at=T0, actor_id=None, action="import", subject="person:1"),
        AuditEntry(
            at=T0 + timedelta(1), actor_id=4, action="pause", subject="coach:12", detail="x"
        ),
        AuditEntry(at=T0 + timedelta(2), actor_id=4, action="edit", subject="person:10"),
        AuditEntry(at=T0 + timedelta(3), actor_id=4, action="edit", subject="person_x"),
    ]
    for entry in entries:
        store.audit(entry)
    assert store.list_audit() == entries
    assert store.list_audit(subject_prefix="person:1") == [entries[0], entries[2]]
    # The prefix is literal: "_" is not a one-character wildcard.
    assert store.list_audit(subject_prefix="person_") == [entries[3]]
