"""The in-memory fake keeps the promises the core relies on, exactly as the real store does:
each test runs on the fake (`memory`), on SQLite and on PostgreSQL."""

from __future__ import annotations

import inspect
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.digest.source import DigestSource, digest_source
from bot.domain import (
    HOLDING_A_PLACE,
    Channel,
    CoachingRequest,
    CoachProfile,
    EngagementState,
    Identity,
    Person,
    RequestState,
    Role,
    SessionState,
    ShortlistEntry,
    WeeklySlot,
)
from bot.domain.audit import AuditEntry
from bot.domain.conversation import ConversationState
from bot.domain.feedback import Feedback
from bot.domain.lifecycles import IllegalMove
from bot.domain.outbox import OutboxMessage, OutboxState, Reach
from bot.domain.retention import RetentionCutoffs, RetentionReport
from bot.ports.errors import Conflict, NotFound, SlotTaken, StaleState
from bot.ports.store import Store
from handlers.channel_names import CONSOLE, SLACK, TEAMS
from storage.store import SqlStore
from tests.conftest import empty_database_url
from tests.digest.digest_testkit import AS_OF, WEEK, DigestPool, build_pool
from tests.fakes.memory_store import MemoryStore
from tests.storage.storage_testkit import T0, Pool, new_pool


class BoomError(Exception):
    pass


def add_then_fail(pool: Pool, email: str) -> None:
    with pool.store.transaction():
        pool.person(email)
        raise BoomError


def message(pool: Pool, key: str, *, minutes: int = 0) -> OutboxMessage:
    return OutboxMessage(
        key=key,
        recipient_id=pool.coachees[0].id,
        kind="nudge",
        due_at=T0 + timedelta(minutes=minutes),
    )


def test_the_fake_has_every_method_of_the_port_with_its_parameters() -> None:
    members = {
        name for name in dir(Store) if not name.startswith("_") and callable(getattr(Store, name))
    }
    assert len(members) > 50
    for name in sorted(members):
        wanted = inspect.signature(getattr(Store, name)).parameters
        found = inspect.signature(getattr(MemoryStore, name)).parameters
        assert [(p.name, p.kind, p.default) for p in found.values()] == [
            (p.name, p.kind, p.default) for p in wanted.values()
        ], name


def test_an_exception_undoes_the_whole_block(pool: Pool) -> None:
    store = pool.store
    with pytest.raises(BoomError):
        add_then_fail(pool, "inside@council.example")
    assert store.find_person_by_email("inside@council.example") is None


def test_a_failed_write_in_a_block_undoes_only_itself(pool: Pool) -> None:
    store = pool.store
    with store.transaction():
        pool.person("before@council.example")
        with pytest.raises(Conflict):
            pool.person(pool.coach.email.upper())
        with pytest.raises(BoomError):
            add_then_fail(pool, "inner@council.example")
        pool.person("after@council.example")
    found = {p.email for p in store.list_people()}
    assert {"before@council.example", "after@council.example"} <= found
    assert "inner@council.example" not in found


def test_another_thread_sees_only_committed_work(pool: Pool) -> None:
    store, seen = pool.store, []
    with store.transaction():
        pool.person("pending@council.example")
        reader = threading.Thread(
            target=lambda: seen.append(store.find_person_by_email("pending@council.example"))
        )
        reader.start()
        reader.join(10)
    assert seen == [None]
    assert store.find_person_by_email("pending@council.example") is not None


def test_reads_grouped_by_reading_see_the_store_and_writes_inside_are_refused(
    pool: Pool,
) -> None:
    store = pool.store
    with store.reading():
        assert store.get_person(pool.coach.id) == pool.coach
        with store.reading():  # nested: joins
            assert store.find_person_by_email(pool.coachees[0].email) == pool.coachees[0]
        with pytest.raises(RuntimeError, match="reading"):
            pool.person("inside.reading@council.example")
    assert store.find_person_by_email("inside.reading@council.example") is None
    with store.transaction():
        added = pool.person("in.a.block@council.example")
        with store.reading():  # inside a block: joins it, its own writes seen
            assert store.get_person(added.id) == added
    assert store.get_person(added.id) == added


def test_get_people_reads_many_as_get_person_reads_one(pool: Pool) -> None:
    store = pool.store
    wanted = [pool.coach.id, pool.coachees[1].id, 99_999]
    assert store.get_people(wanted) == {
        pool.coach.id: store.get_person(pool.coach.id),
        pool.coachees[1].id: store.get_person(pool.coachees[1].id),
    }
    assert store.get_people([]) == {}


def test_coach_loads_without_idle_coaches_leaves_out_only_the_zeros(pool: Pool) -> None:
    store = pool.store
    idle_coach = pool.person("idle.coach@council.example", Role.COACH).id
    store.save_coach(CoachProfile(idle_coach))
    first = pool.engagement(pool.coachees[0])
    pool.session(first, T0, state=SessionState.CONFIRMED)
    month = (T0.replace(day=1), T0.replace(month=T0.month + 1, day=1))
    every = store.coach_loads(*month)
    assert every[idle_coach] == (0, 0.0) and every[pool.coach.id] == (1, 1.0)
    assert store.coach_loads(*month, idle=False) == {pool.coach.id: (1, 1.0)}


def test_lifecycles_are_compare_and_set(pool: Pool) -> None:
    store = pool.store
    engagement = pool.engagement(pool.coachees[0])
    request = store.get_request(engagement.request_id)
    assert request is not None and request.state is RequestState.MATCHED
    # A stale copy that thinks the request is still waiting for its coach changes nothing.
    with pytest.raises(StaleState):
        store.update_request(replace(request, topic="stale"), expected=RequestState.WAITING_COACH)
    # A move the lifecycle does not allow is refused, not written.
    with pytest.raises(IllegalMove):
        store.update_request(
            replace(request, state=RequestState.OPEN), expected=RequestState.MATCHED
        )
    assert store.get_request(request.id) == request
    closed = replace(engagement, state=EngagementState.CLOSED, closed_at=T0)
    store.update_engagement(closed, expected=EngagementState.ACTIVE)
    with pytest.raises(IllegalMove):  # a closed engagement never reopens
        store.update_engagement(engagement, expected=EngagementState.CLOSED)
    assert store.get_engagement(engagement.id) == closed
    session = pool.session(engagement, state=SessionState.HELD)
    with pytest.raises(IllegalMove):  # a held session stays held
        store.update_session(
            replace(session, state=SessionState.CANCELLED), expected=SessionState.HELD
        )


def test_confirmed_sessions_never_overlap(pool: Pool) -> None:
    store = pool.store
    first = pool.session(pool.engagement(pool.coachees[0]))
    second = pool.session(pool.engagement(pool.coachees[1]), T0 + timedelta(minutes=30))
    store.confirm_session(first.id)
    with pytest.raises(SlotTaken):
        store.confirm_session(second.id)
    got = store.get_session(second.id)
    assert got is not None and got.state is SessionState.PROPOSED


def test_outbox_keys_are_unique_and_claims_belong_to_their_owner(pool: Pool) -> None:
    store = pool.store
    assert store.schedule(message(pool, "k:1"))
    assert not store.schedule(message(pool, "k:1", minutes=5))
    assert store.cancel_scheduled("k:") == 1
    assert store.schedule(message(pool, "k:1", minutes=5))  # a cancelled key is re-armed
    (armed,) = store.list_outbox()
    assert (armed.state, armed.due_at) == (OutboxState.PENDING, T0 + timedelta(minutes=5))
    now = T0 + timedelta(minutes=10)
    (claimed,) = store.claim_due(
        now=now, limit=5, lease_until=now + timedelta(minutes=1), owner="a"
    )
    assert claimed.attempts == 1
    assert store.claim_due(now=now, limit=5, lease_until=now, owner="b") == []
    assert not store.mark_sent(claimed.id, at=now, owner="b")
    later = now + timedelta(minutes=2)  # a's lease has run out: b may take it over
    (taken,) = store.claim_due(now=later, limit=5, lease_until=later, owner="b")
    assert not store.mark_sent(taken.id, at=later, owner="a")
    assert store.mark_sent(taken.id, at=later, owner="b")
    (sent,) = store.list_outbox(states=[OutboxState.SENT])
    assert sent.attempts == 2 and sent.sent_at == later


def test_a_claim_leaves_messages_for_people_it_does_not_reach(pool: Pool) -> None:
    """A console chat with Teams' settings but not Slack's leaves the messages of people
    reached only on Slack (or on a channel it has never heard of) due, untried, for the
    server; everyone else's it takes."""
    store = pool.store
    on = {
        "slack only": (SLACK,),
        "slack and a console chat": (SLACK, CONSOLE),
        "slack and teams": (SLACK, TEAMS),
        "console only": (CONSOLE,),
        "nowhere yet": (),
        "another channel": (Channel("pigeon"),),
    }
    for person, (name, channels) in zip(pool.coachees, on.items(), strict=False):
        for channel in channels:
            store.link_identity(Identity(person.id, channel, "W1", f"{name}:{channel}"))
        store.schedule(replace(message(pool, name), recipient_id=person.id))
    lease = T0 + timedelta(minutes=1)
    chat = Reach(platforms=frozenset({TEAMS}), in_process=frozenset({CONSOLE}))
    taken = store.claim_due(now=T0, limit=10, lease_until=lease, owner="chat", reach=chat)
    assert sorted(m.key for m in taken) == ["console only", "nowhere yet", "slack and teams"]
    left = store.list_outbox(states=[OutboxState.PENDING])
    assert sorted((m.key, m.attempts, m.claimed_by) for m in left) == [
        ("another channel", 0, ""),
        ("slack and a console chat", 0, ""),
        ("slack only", 0, ""),
    ]
    rest = store.claim_due(now=T0, limit=10, lease_until=lease, owner="server")
    assert sorted(m.key for m in rest) == [
        "another channel",
        "slack and a console chat",
        "slack only",
    ]


def test_datetimes_come_back_in_utc(pool: Pool) -> None:
    local = T0.astimezone(ZoneInfo("Europe/London")) + timedelta(hours=1)
    pool.store.schedule(replace(message(pool, "k:utc"), due_at=local))
    (stored,) = pool.store.list_outbox()
    assert stored.due_at == local and stored.due_at.tzinfo is UTC
    with pytest.raises(ValueError, match="naive"):
        pool.store.schedule(replace(message(pool, "k:naive"), due_at=T0.replace(tzinfo=None)))


# -- the digest's facts, erasure and retention: the same operations on the fake and on
# -- SqlStore give the same answers (and each answer is also checked on its own).
@pytest.fixture
def other_store(store_kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """What `store` is compared with: SqlStore on SQLite for the fake, the fake for a
    database."""
    if store_kind != "memory":
        yield MemoryStore()
        return
    opened = SqlStore.open(empty_database_url("sqlite", request, tmp_path))
    yield opened
    opened.close()


def test_the_fake_answers_every_query_of_the_digests_port() -> None:
    members = [
        name
        for name in dir(DigestSource)
        if not name.startswith("_") and callable(getattr(DigestSource, name))
    ]
    assert "feedback_facts" in members
    for name in members:
        wanted = inspect.signature(getattr(DigestSource, name)).parameters
        found = inspect.signature(getattr(MemoryStore, name)).parameters
        # The digest's parameters, in order; the store may add keyword-only options that
        # the digest never passes (matching's `idle=False` on `coach_loads`).
        assert list(found)[: len(wanted)] == list(wanted), name
        extra = list(found.values())[len(wanted) :]
        assert all(p.kind is p.KEYWORD_ONLY and p.default is not p.empty for p in extra), name
    assert digest_source(MemoryStore()) is not None


def _themes(pool: DigestPool) -> None:
    """Coaches log themes and coachees consent, on the two rows of a session, at various
    times around the week: before it, inside it, after it."""
    held = pool.store.list_sessions(states=[SessionState.HELD])
    for n, session in enumerate(held[:6]):
        logged = session.window.end + timedelta(hours=1)
        agreed = logged + timedelta(days=(-9, 0, 2, 9, 1, 3)[n])
        pool.store.save_feedback(
            Feedback(session.id, session.coach_id, logged, themes=("confidence", f"t{n}"))
        )
        mine = next(
            (
                f
                for f in pool.store.list_feedback()
                if f.session_id == session.id and f.person_id == session.coachee_id
            ),
            Feedback(session.id, session.coachee_id, agreed),
        )
        pool.store.save_feedback(replace(mine, submitted_at=agreed, consent_to_share_themes=n != 4))


def _digest_facts(source: DigestSource) -> dict[str, object]:
    week, wide = (
        (WEEK.start, WEEK.end),
        (WEEK.start - timedelta(days=60), WEEK.end + timedelta(days=9)),
    )
    found: dict[str, object] = {}
    for name, (start, end) in {"week": week, "wide": wide}.items():
        found[f"sessions {name}"] = source.session_facts(starting_from=start, starting_before=end)
        found[f"held {name}"] = source.session_facts(
            starting_from=start, starting_before=end, states=[SessionState.HELD]
        )
        found[f"feedback {name}"] = source.feedback_facts(
            submitted_from=start, submitted_before=end
        )
        found[f"evaluations {name}"] = source.evaluation_facts(
            submitted_from=start, submitted_before=end
        )
        found[f"requests {name}"] = source.request_facts(created_from=start, created_before=end)
        found[f"engagements {name}"] = source.engagement_facts(
            started_from=start, started_before=end
        )
    found["requests waiting"] = source.request_facts(states=[RequestState.WAITLISTED])
    found["requests"] = source.request_facts()
    found["engagements open"] = source.engagement_facts(states=HOLDING_A_PLACE)
    found["engagements"] = source.engagement_facts()
    found["capacities"] = source.coach_capacities()
    found["organisations of people"] = source.organisation_of_people()
    found["loads"] = source.coach_loads(WEEK.start, WEEK.end)
    return found


def test_the_digests_facts_are_the_databases(store: Store, other_store: Store) -> None:
    pools = [build_pool(s) for s in (store, other_store)]  # type: ignore[arg-type]
    for pool in pools:
        _themes(pool)
        pool.store.erase_person(pool.people["B6"].id, at=AS_OF)
    facts, others = (_digest_facts(digest_source(pool.store)) for pool in pools)
    assert facts == others
    assert all(facts.values()), [k for k, v in facts.items() if not v]
    # Themes of the six first held sessions: March's and June's were logged before either
    # range, the fifth session's coachee did not consent; in the week, only the one logged
    # and agreed to inside it (the other two were agreed to before it and after it).
    held = [s.id for s in store.list_sessions(states=[SessionState.HELD])[:6]]
    themed = {
        name: [f.session_id for f in facts[f"feedback {name}"] if f.themes]  # type: ignore[attr-defined]
        for name in ("wide", "week")
    }
    assert themed == {"wide": [held[2], held[3], held[5]], "week": [held[5]]}


def _everything(store: Store) -> dict[str, object]:
    """All the store shows through the core's port, the last read included: an event id is
    still remembered if `remember_event` refuses it."""
    people = [store.get_person(n) for n in range(1, 40)]
    ids = [p.id for p in people if p is not None]
    return {
        "people": people,
        "identities": [store.identities_of(n) for n in ids],
        "conversations": [store.conversations_of(n) for n in ids],
        "coaches": [store.get_coach(n) for n in ids],
        "requests": [(r, store.get_shortlist(r.id)) for r in store.list_requests()],
        "engagements": store.list_engagements(),
        "sessions": store.list_sessions(),
        "feedback": store.list_feedback(),
        "outbox": store.list_outbox(),
        "audit": store.list_audit(),
        "events": [store.remember_event("slack", e, at=T0) for e in EVENTS],
    }


EVENTS = ("Ev1-U0ERIN", "Ev2-U0OTHER", "Ev3-old", "Ev4-new")


def _erin(pool: Pool) -> Person:
    """A coachee whose name, email and Slack ids are written all over the store, by her and
    by others; a coach she manages; what was said to her and about her."""
    store = pool.store
    erin = store.add_person(
        replace(pool.coachees[0], id=0, email="Erin.Wade@council.example", name="Erin Wade")
    )
    store.update_person(replace(pool.coachees[1], manager_id=erin.id))
    store.link_identity(
        Identity(erin.id, SLACK, "T01", "U0ERIN", {"channel": "D0ERIN", "team": "T01"})
    )
    store.link_identity(Identity(pool.coachees[2].id, SLACK, "T01", "U0OTHER"))
    store.save_coach(
        CoachProfile(person_id=pool.coach.id, bio="Coach of Erin Wade", meeting_link="https://m")
    )
    engagement = pool.engagement(erin)
    session = pool.session(engagement, state=SessionState.CONFIRMED)
    store.update_session(
        replace(session, state=SessionState.HELD, location="Erin's office"),
        expected=SessionState.CONFIRMED,
    )
    other = pool.engagement(pool.coachees[2])
    store.update_engagement(
        replace(other, state=EngagementState.CLOSED, closed_at=T0, close_reason="Erin took over"),
        expected=EngagementState.ACTIVE,
    )
    request = store.add_request(
        CoachingRequest(
            id=0,
            coachee_id=erin.id,
            programme_id=pool.programme.id,
            state=RequestState.OPEN,
            created_at=T0,
            topic="Erin Wade's topic",
            goal="Her own goal",
        )
    )
    store.save_shortlist(
        request.id,
        [ShortlistEntry(request.id, pool.coach.id, 1, 0.9, ("knows Erin", "nearby"))],
    )
    later = T0 + timedelta(hours=2)
    store.save_feedback(Feedback(session.id, erin.id, later, usefulness=5, comment="Mine"))
    store.save_feedback(Feedback(session.id, pool.coach.id, later, comment="Erin did well"))
    store.save_conversation(ConversationState(erin.id, SLACK, "intake", "goal"))
    for n, data in ((2, {"about": "u0erin"}), (3, {"about": "Erinsson"})):
        store.save_conversation(
            ConversationState(pool.coachees[n].id, SLACK, "x", "y", data, updated_at=T0)
        )
    for key, to, payload in (
        ("to-erin", erin.id, {}),
        ("to-coach:U0ERIN", pool.coach.id, {"text": "Meet erin.wade@council.example"}),
        ("sent-to-coach", pool.coach.id, {"text": "Erin Wade booked"}),
        ("to-other", pool.coachees[2].id, {"text": "nothing about her"}),
    ):
        store.schedule(
            OutboxMessage(key=key, recipient_id=to, kind="nudge", due_at=T0, payload=payload)
        )
    (sent,) = [m for m in store.list_outbox() if m.key == "sent-to-coach"]
    store.claim_due(now=T0, limit=10, lease_until=later, owner="d")
    store.mark_sent(sent.id, at=T0, owner="d")
    for event in EVENTS[:2]:
        store.remember_event("slack", event, at=T0)
    for entry in (
        AuditEntry(T0, erin.id, "coach.paused", "person:99", "my own words"),
        AuditEntry(T0, None, "request.made", f"person:{erin.id}", "about her"),
        AuditEntry(T0, None, "note", "engagement:1", "Erin Wade said no"),
        AuditEntry(T0, None, "note", "engagement:2", "Erinsson said no"),
    ):
        store.audit(entry)
    return erin


def test_erasure_leaves_what_the_database_leaves(store: Store, other_store: Store) -> None:
    for s in (other_store, store):
        pool = new_pool(s)  # type: ignore[arg-type]
        erin = _erin(pool)
        s.erase_person(erin.id, at=T0 + timedelta(days=1), by="operator")
    seen, other = (_everything(s) for s in (store, other_store))
    assert seen == other
    person = store.get_person(erin.id)
    assert person is not None and (person.email, person.name) == (f"erased-{erin.id}@invalid", "")
    outbox = {m.key: m for m in store.list_outbox()}
    assert sorted(outbox) == ["to-coach:erased", "to-other"]
    assert outbox["to-coach:erased"].payload == {"text": "Meet a pool member"}
    assert seen["events"] == [True, False, True, True]  # her event id is forgotten
    details = [e.detail for e in store.list_audit()]
    assert details[:4] == ["", "", "a pool member said no", "Erinsson said no"]
    assert details[4:] == ["operator"]
    coach = store.get_coach(pool.coach.id)
    assert coach is not None and coach.bio == "Coach of Erin Wade"  # only her own profile
    assert store.get_person(pool.coachees[1].id).manager_id is None  # type: ignore[union-attr]


def test_an_erasure_that_would_repeat_a_message_key_is_refused_whole(pool: Pool) -> None:
    store = pool.store
    erin = _erin(pool)
    store.schedule(OutboxMessage("to-coach:erased", pool.coach.id, "nudge", T0))
    before = _everything(store)  # remembers the two event ids it asks about
    with pytest.raises(Conflict):
        store.erase_person(erin.id, at=T0)
    assert _everything(store) == {**before, "events": [False] * 4}


def test_erasing_a_coach_blanks_the_profile_as_the_database_does(
    store: Store, other_store: Store
) -> None:
    for s in (other_store, store):
        pool = new_pool(s)  # type: ignore[arg-type]
        s.save_coach(
            CoachProfile(
                person_id=pool.coach.id,
                bio="About me",
                locations=("Dudley",),
                pause_reason="",
                weekly=(WeeklySlot(0, time(9), time(12)),),
            )
        )
        s.erase_person(pool.coach.id, at=T0)
        with pytest.raises(NotFound):
            s.erase_person(999, at=T0)
    assert _everything(store) == _everything(other_store)
    coach = store.get_coach(pool.coach.id)
    assert coach is not None and (coach.paused, coach.bio, coach.weekly) == (True, "", ())


def test_retention_forgets_what_the_database_forgets(store: Store, other_store: Store) -> None:
    now = T0 + timedelta(days=400)
    reports = []
    for s in (store, other_store):
        pool = new_pool(s)  # type: ignore[arg-type]
        for n, (age, state) in enumerate(
            ((370, RequestState.WITHDRAWN), (10, RequestState.WITHDRAWN), (370, RequestState.OPEN))
        ):
            made = s.add_request(
                CoachingRequest(
                    id=0,
                    coachee_id=pool.coachees[n].id,
                    programme_id=pool.programme.id,
                    state=RequestState.OPEN,
                    created_at=now - timedelta(days=age),
                    topic=f"topic {n}",
                )
            )
            s.update_request(replace(made, state=state), expected=RequestState.OPEN)
        old, recent = (pool.engagement(pool.coachees[n]) for n in (3, 4))
        for engagement, age in ((old, 370), (recent, 10)):
            s.update_engagement(
                replace(
                    engagement,
                    state=EngagementState.CLOSED,
                    closed_at=now - timedelta(days=age),
                    close_reason="moved on",
                ),
                expected=EngagementState.ACTIVE,
            )
        session = pool.session(old, now - timedelta(days=380))
        for person, age in ((pool.coachees[3], 370), (pool.coach, 10)):
            s.save_feedback(
                Feedback(session.id, person.id, now - timedelta(days=age), comment="words")
            )
        for age, action in ((370, "coach.paused"), (370, "note"), (10, "engagement.closed")):
            s.audit(AuditEntry(now - timedelta(days=age), None, action, "x", "detail"))
        for n, age in ((0, 40), (1, 5)):
            s.save_conversation(
                ConversationState(
                    pool.coachees[n].id,
                    SLACK,
                    "x",
                    "y",
                    updated_at=now - timedelta(days=age),
                )
            )
        s.save_conversation(ConversationState(pool.coachees[2].id, TEAMS, "x", "y"))
        for event, age in zip(EVENTS[2:], (40, 5), strict=True):
            s.remember_event("slack", event, at=now - timedelta(days=age))
        for key, age in (("old", 100), ("new", 10), ("unsent", 100)):
            due = now - timedelta(days=age)
            s.schedule(OutboxMessage(key, pool.coach.id, "nudge", due, payload={"text": "hello"}))
            if key != "unsent":
                (claimed,) = s.claim_due(now=due, limit=1, lease_until=now, owner="d")
                s.mark_sent(claimed.id, at=due, owner="d")
        cutoffs = RetentionCutoffs(
            free_text_before=now - timedelta(days=365),
            conversations_before=now - timedelta(days=30),
            messages_before=now - timedelta(days=90),
        )
        reports.append((s.forget_expired(cutoffs), s.forget_expired(cutoffs)))
    assert reports[0] == reports[1]
    first, again = reports[0]
    assert first == RetentionReport(
        requests=1,
        engagements=1,
        feedback=1,
        audit_details=1,
        conversations=2,
        messages=1,
        platform_events=1,
    )
    assert again.total == 0
    assert _everything(store) == _everything(other_store)
