"""`MemoryStore`: the core's `Store` in memory, for transcript tests that need no database.

A faithful fake, not a sketch: what the core relies on behaves as on SQLite and PostgreSQL
(tests/fakes/test_memory_store.py holds it to the same contract).
- Transactions: `transaction()` blocks nest; an exception undoes the block's writes, and a
  failing write inside a block undoes only itself (the savepoint every SqlStore write is).
  Writers in other threads take turns (SQLite's one write lock); readers never wait and see
  only committed work.
- Lifecycles: `update_request`, `update_engagement` and `update_session` compare-and-set on
  the state and refuse a move `bot.domain.lifecycles` does not allow (StaleState).
- Booking: confirmed and held sessions never overlap for a coach or a coachee (SlotTaken).
- Outbox: keys are unique; claims, leases and owners as in storage/repos/outbox.py.
- Values: datetimes are stored and returned as aware UTC (naive ones refused), JSON fields
  (payloads, conversation data, conversation references) are copied through JSON, unique
  emails and slugs raise Conflict, missing records NotFound.

Not implemented (NotImplementedError naming the method): `erase_person` and
`forget_expired`, which belong to the storage tests; the digest's queries are not part of
`Store` and this fake does not answer them (`bot.digest.source.digest_source` refuses it).
"""

from __future__ import annotations

import itertools
import json
import threading
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

from bot.domain import (
    HOLDING_A_PLACE,
    CoachingRequest,
    CoachProfile,
    Engagement,
    EngagementState,
    Identity,
    Organisation,
    Person,
    Programme,
    RequestState,
    Role,
    Session,
    SessionState,
    ShortlistEntry,
)
from bot.domain.audit import AuditEntry
from bot.domain.conversation import ConversationState
from bot.domain.feedback import Feedback, FinalEvaluation
from bot.domain.lifecycles import ENGAGEMENT_MOVES, REQUEST_MOVES, SESSION_MOVES, may_move
from bot.domain.outbox import OutboxMessage, OutboxState
from bot.domain.people import Channel
from bot.ports.errors import Conflict, NotFound, SlotTaken, StaleState
from bot.ports.store import PoolRevisions
from bot.privacy.periods import RetentionCutoffs, RetentionReport
from bot.timewindow import TimeWindow

S = TypeVar("S", bound=EngagementState | RequestState | SessionState)
T = TypeVar("T")

# Revision tags are unique across every MemoryStore of the process (SqlStore's are random):
# a cache keyed on a tag must never take one store's pool for another's.
_TAGS = itertools.count(1)
MAX_SESSION = timedelta(days=1)
PENDING, CLAIMED = OutboxState.PENDING, OutboxState.CLAIMED


def utc(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"naive datetime given to the store: {value!r}")
    return value.astimezone(UTC)


def utc_or_none(value: datetime | None) -> datetime | None:
    return None if value is None else utc(value)


def window(value: TimeWindow) -> TimeWindow:
    return TimeWindow(utc(value.start), utc(value.end))


def json_copy(value: Any) -> Any:
    """What a JSON column gives back: a fresh copy, tuples as lists; refuses what SQL would."""
    return json.loads(json.dumps(value))


def minutes(session: Session) -> float:
    """A session's length in whole minutes, rounded per session as the SQL sum does."""
    return float(round(session.window.duration.total_seconds() / 60))


@dataclass
class Tables:
    """Every record, by key. Values are frozen dataclasses never mutated in place, so a
    shallow copy of each table is a snapshot."""

    next_id: dict[str, int] = field(default_factory=dict)
    organisations: dict[int, Organisation] = field(default_factory=dict)
    people: dict[int, Person] = field(default_factory=dict)
    identities: dict[int, Identity] = field(default_factory=dict)
    coaches: dict[int, CoachProfile] = field(default_factory=dict)
    programmes: dict[int, Programme] = field(default_factory=dict)
    requests: dict[int, CoachingRequest] = field(default_factory=dict)
    shortlists: dict[int, tuple[ShortlistEntry, ...]] = field(default_factory=dict)
    engagements: dict[int, Engagement] = field(default_factory=dict)
    sessions: dict[int, Session] = field(default_factory=dict)
    conversations: dict[tuple[int, Channel], ConversationState] = field(default_factory=dict)
    outbox: dict[int, OutboxMessage] = field(default_factory=dict)
    outbox_keys: dict[str, int] = field(default_factory=dict)
    feedback: dict[tuple[int, int], tuple[int, Feedback]] = field(default_factory=dict)
    evaluations: dict[tuple[int, int], tuple[int, FinalEvaluation]] = field(default_factory=dict)
    events: dict[tuple[str, str], datetime] = field(default_factory=dict)
    audit: dict[int, AuditEntry] = field(default_factory=dict)
    revisions: dict[str, int] = field(default_factory=dict)

    def snapshot(self) -> Tables:
        return Tables(**{f.name: dict(getattr(self, f.name)) for f in fields(self)})

    def restore(self, saved: Tables) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(saved, f.name))

    def new_id(self, table: str) -> int:
        self.next_id[table] = self.next_id.get(table, 0) + 1
        return self.next_id[table]


class MemoryStore:
    def __init__(self) -> None:
        # Committed tables are never changed once published: a unit of work changes its own
        # copy and publishes it whole, so a reader outside it never waits and never sees
        # half of it (as under SQLite's WAL or PostgreSQL's snapshots).
        self._committed = Tables()
        self._writer = threading.Lock()
        self._working: ContextVar[Tables | None] = ContextVar(
            f"memory_store_{id(self)}", default=None
        )

    # -- transactions and health -------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._atomic():
            yield

    @contextmanager
    def _atomic(self) -> Iterator[Tables]:
        """A unit of work. The outermost one takes the one writer's lock (writers take
        turns, as on SQLite) and publishes its copy at the end; an inner one is a savepoint:
        on an exception its own changes are undone and the outer one may carry on."""
        working = self._working.get()
        if working is not None:
            saved = working.snapshot()
            try:
                yield working
            except BaseException:
                working.restore(saved)
                raise
            return
        with self._writer:
            working = self._committed.snapshot()
            token = self._working.set(working)
            try:
                yield working
            finally:
                self._working.reset(token)
            self._committed = working

    @contextmanager
    def _read(self) -> Iterator[Tables]:
        working = self._working.get()
        yield self._committed if working is None else working

    def ping(self) -> None:
        return None

    def _bump(self, t: Tables, *topics: str) -> None:
        for topic in topics:
            t.revisions[topic] = next(_TAGS)

    # -- organisations and people ------------------------------------------------------
    def add_organisation(self, organisation: Organisation) -> Organisation:
        with self._atomic() as t:
            self._unique_slug(t.organisations.values(), organisation.slug, 0, "organisation")
            stored = replace(organisation, id=t.new_id("organisations"))
            t.organisations[stored.id] = stored
            return stored

    def update_organisation(self, organisation: Organisation) -> None:
        with self._atomic() as t:
            self._existing(t.organisations, organisation.id, "organisations")
            self._unique_slug(
                t.organisations.values(), organisation.slug, organisation.id, "organisation"
            )
            t.organisations[organisation.id] = organisation
            self._bump(t, "coaches")

    def get_organisation(self, organisation_id: int) -> Organisation | None:
        with self._read() as t:
            return t.organisations.get(organisation_id)

    def find_organisation(self, slug: str) -> Organisation | None:
        with self._read() as t:
            return next((o for o in t.organisations.values() if o.slug == slug), None)

    def list_organisations(self) -> list[Organisation]:
        with self._read() as t:
            return sorted(t.organisations.values(), key=lambda o: (o.name.casefold(), o.id))

    def add_person(self, person: Person) -> Person:
        with self._atomic() as t:
            stored = self._person(t, replace(person, id=t.new_id("people")))
            self._bump(t, "coaches")
            return stored

    def update_person(self, person: Person) -> None:
        with self._atomic() as t:
            old = self._existing(t.people, person.id, "people")
            self._person(t, person)
            moved = (old.organisation_id, old.erased) != (person.organisation_id, person.erased)
            self._bump(t, "coaches", *(["hours"] if moved else []))

    def _person(self, t: Tables, person: Person) -> Person:
        stored = replace(person, email=person.email.strip())
        key = stored.email.lower()
        if any(p.email.lower() == key and p.id != stored.id for p in t.people.values()):
            raise Conflict("that email address is already used by another person")
        t.people[stored.id] = stored
        return stored

    def get_person(self, person_id: int) -> Person | None:
        with self._read() as t:
            return t.people.get(person_id)

    def find_person_by_email(self, email: str) -> Person | None:
        key = email.strip().lower()
        with self._read() as t:
            return next(
                (p for p in t.people.values() if p.email.lower() == key and not p.erased), None
            )

    def list_people(self, role: Role | None = None) -> list[Person]:
        with self._read() as t:
            people = [
                p for p in t.people.values() if not p.erased and (role is None or role in p.roles)
            ]
        return sorted(people, key=lambda p: (p.name.casefold(), p.id))

    def organisation_of_people(self) -> dict[int, int]:
        with self._read() as t:
            return {p.id: p.organisation_id for p in t.people.values()}

    def link_identity(self, identity: Identity) -> None:
        with self._atomic() as t:
            self._existing(t.people, identity.person_id, "people")
            stored = replace(identity, conversation_ref=json_copy(identity.conversation_ref))
            same = (identity.channel, identity.workspace, identity.user_id)
            held = next(
                (
                    key
                    for key, i in t.identities.items()
                    if (i.channel, i.workspace, i.user_id) == same
                ),
                None,
            )
            t.identities[held if held is not None else t.new_id("identities")] = stored

    def claim_identity(self, identity: Identity) -> Identity:
        with self._atomic() as t:
            held = next(
                (
                    i
                    for _, i in sorted(t.identities.items())
                    if i.person_id == identity.person_id and i.channel == identity.channel
                ),
                None,
            )
            if held is not None:
                return self._identity(held)
            self.link_identity(identity)
            return identity

    @staticmethod
    def _identity(identity: Identity) -> Identity:
        return replace(identity, conversation_ref=json_copy(identity.conversation_ref))

    def find_identity(self, channel: Channel, workspace: str, user_id: str) -> Identity | None:
        with self._read() as t:
            return next(
                (
                    self._identity(i)
                    for i in t.identities.values()
                    if (i.channel, i.workspace, i.user_id) == (channel, workspace, user_id)
                ),
                None,
            )

    def identities_of(self, person_id: int) -> list[Identity]:
        with self._read() as t:
            return [
                self._identity(i)
                for _, i in sorted(t.identities.items())
                if i.person_id == person_id
            ]

    def unlink_identities(self, person_id: int, channel: Channel) -> int:
        with self._atomic() as t:
            gone = [
                key
                for key, i in t.identities.items()
                if i.person_id == person_id and i.channel == channel
            ]
            for key in gone:
                del t.identities[key]
            return len(gone)

    # -- coaches and programmes --------------------------------------------------------
    def save_coach(self, profile: CoachProfile) -> None:
        with self._atomic() as t:
            self._existing(t.people, profile.person_id, "people")
            t.coaches[profile.person_id] = replace(
                profile,
                exceptions=tuple(replace(e, window=window(e.window)) for e in profile.exceptions),
            )
            self._bump(t, "coaches")

    def get_coach(self, person_id: int) -> CoachProfile | None:
        with self._read() as t:
            return t.coaches.get(person_id)

    def list_coaches(self) -> list[CoachProfile]:
        with self._read() as t:
            return [t.coaches[key] for key in sorted(t.coaches)]

    def add_programme(self, programme: Programme) -> Programme:
        with self._atomic() as t:
            self._unique_slug(t.programmes.values(), programme.slug, 0, "programme")
            stored = replace(programme, id=t.new_id("programmes"))
            t.programmes[stored.id] = stored
            return stored

    def update_programme(self, programme: Programme) -> None:
        with self._atomic() as t:
            self._existing(t.programmes, programme.id, "programmes")
            self._unique_slug(t.programmes.values(), programme.slug, programme.id, "programme")
            t.programmes[programme.id] = programme

    def get_programme(self, programme_id: int) -> Programme | None:
        with self._read() as t:
            return t.programmes.get(programme_id)

    def find_programme(self, slug: str) -> Programme | None:
        with self._read() as t:
            return next((p for p in t.programmes.values() if p.slug == slug), None)

    def list_programmes(self) -> list[Programme]:
        with self._read() as t:
            return [t.programmes[key] for key in sorted(t.programmes)]

    # -- what matching reads -----------------------------------------------------------
    def pool_revisions(self) -> PoolRevisions:
        with self._read() as t:
            return PoolRevisions(coaches=t.revisions.get("coaches"), hours=t.revisions.get("hours"))

    def organisation_hours(self) -> dict[int, float]:
        balance: dict[int, float] = defaultdict(float)
        with self._read() as t:
            for session in t.sessions.values():
                if session.state is not SessionState.HELD:
                    continue
                for person_id, sign in ((session.coach_id, 1), (session.coachee_id, -1)):
                    person = t.people.get(person_id)
                    if person is not None and not person.erased:
                        balance[person.organisation_id] += sign * minutes(session) / 60
        return dict(balance)

    def busy_by_person(self, within: TimeWindow) -> dict[int, list[TimeWindow]]:
        busy: dict[int, list[TimeWindow]] = defaultdict(list)
        with self._read() as t:
            for session in self._by_start(t.sessions.values()):
                w = session.window
                if (
                    session.state.occupies_slot
                    and w.start >= within.start - MAX_SESSION
                    and w.start < within.end
                    and w.end > within.start
                ):
                    busy[session.coach_id].append(w)
                    busy[session.coachee_id].append(w)
        return dict(busy)

    # -- requests and shortlists ------------------------------------------------------
    def add_request(self, request: CoachingRequest) -> CoachingRequest:
        with self._atomic() as t:
            stored = self._request(replace(request, id=t.new_id("requests")))
            t.requests[stored.id] = stored
            return stored

    @staticmethod
    def _request(request: CoachingRequest) -> CoachingRequest:
        return replace(
            request,
            created_at=utc(request.created_at),
            windows=tuple(window(w) for w in request.windows),
            offered_slots=tuple(window(w) for w in request.offered_slots),
            asked_at=utc_or_none(request.asked_at),
            updated_at=utc_or_none(request.updated_at),
        )

    def update_request(
        self, request: CoachingRequest, *, expected: RequestState | None = None
    ) -> None:
        with self._atomic() as t:
            old = self._existing(t.requests, request.id, "requests")
            self._may_move("requests", request.id, old.state, expected, request.state)
            t.requests[request.id] = self._request(request)

    def get_request(self, request_id: int) -> CoachingRequest | None:
        with self._read() as t:
            return t.requests.get(request_id)

    def list_requests(
        self,
        *,
        coachee_id: int | None = None,
        programme_id: int | None = None,
        states: Sequence[RequestState] | None = None,
        chosen_coach_id: int | None = None,
    ) -> list[CoachingRequest]:
        with self._read() as t:
            found = [
                r
                for r in t.requests.values()
                if (coachee_id is None or r.coachee_id == coachee_id)
                and (programme_id is None or r.programme_id == programme_id)
                and (states is None or r.state in states)
                and (chosen_coach_id is None or r.chosen_coach_id == chosen_coach_id)
            ]
        return sorted(found, key=lambda r: (r.created_at, r.id))

    def save_shortlist(self, request_id: int, entries: Sequence[ShortlistEntry]) -> None:
        with self._atomic() as t:
            self._existing(t.requests, request_id, "requests")
            t.shortlists[request_id] = tuple(
                replace(e, request_id=request_id, reasons=tuple(e.reasons)) for e in entries
            )

    def get_shortlist(self, request_id: int) -> list[ShortlistEntry]:
        with self._read() as t:
            return sorted(t.shortlists.get(request_id, ()), key=lambda e: e.rank)

    # -- engagements and sessions -----------------------------------------------------
    def add_engagement(self, engagement: Engagement) -> Engagement:
        with self._atomic() as t:
            stored = self._engagement(replace(engagement, id=t.new_id("engagements")))
            t.engagements[stored.id] = stored
            return stored

    @staticmethod
    def _engagement(engagement: Engagement) -> Engagement:
        return replace(
            engagement,
            started_at=utc(engagement.started_at),
            closed_at=utc_or_none(engagement.closed_at),
        )

    def update_engagement(
        self, engagement: Engagement, *, expected: EngagementState | None = None
    ) -> None:
        with self._atomic() as t:
            old = self._existing(t.engagements, engagement.id, "engagements")
            self._may_move("engagements", engagement.id, old.state, expected, engagement.state)
            t.engagements[engagement.id] = self._engagement(engagement)

    def get_engagement(self, engagement_id: int) -> Engagement | None:
        with self._read() as t:
            return t.engagements.get(engagement_id)

    def list_engagements(
        self, *, coach_id: int | None = None, coachee_id: int | None = None
    ) -> list[Engagement]:
        with self._read() as t:
            found = [
                e
                for e in t.engagements.values()
                if (coach_id is None or e.coach_id == coach_id)
                and (coachee_id is None or e.coachee_id == coachee_id)
            ]
        return sorted(found, key=lambda e: (e.started_at, e.id))

    @staticmethod
    def _session(session: Session) -> Session:
        return replace(
            session, window=window(session.window), cancelled_at=utc_or_none(session.cancelled_at)
        )

    def _check_free(self, t: Tables, session: Session, *, ignore: int = 0) -> None:
        people = {session.coach_id, session.coachee_id}
        for other in sorted(t.sessions.values(), key=lambda s: s.id):
            if (
                other.id != ignore
                and other.state.occupies_slot
                and {other.coach_id, other.coachee_id} & people
                and other.window.start < session.window.end
                and other.window.end > session.window.start
            ):
                w = session.window
                raise SlotTaken(
                    f"{w.start:%Y-%m-%d %H:%M}-{w.end:%H:%M} UTC overlaps session {other.id}"
                )

    def add_session(self, session: Session) -> Session:
        with self._atomic() as t:
            stored = self._session(replace(session, id=t.new_id("sessions")))
            if stored.state.occupies_slot:
                self._check_free(t, stored, ignore=stored.id)
            t.sessions[stored.id] = stored
            if stored.state is SessionState.HELD:
                self._bump(t, "hours")
            return stored

    def confirm_session(self, session_id: int) -> Session:
        with self._atomic() as t:
            session = self._existing(t.sessions, session_id, "sessions")
            if session.state is SessionState.CONFIRMED:
                return session
            if session.state is not SessionState.PROPOSED:
                raise Conflict(f"session {session_id} is {session.state.value}, not proposed")
            self._check_free(t, session, ignore=session_id)
            confirmed = replace(session, state=SessionState.CONFIRMED)
            t.sessions[session_id] = confirmed
            return confirmed

    def update_session(self, session: Session, *, expected: SessionState | None = None) -> None:
        with self._atomic() as t:
            old = self._existing(t.sessions, session.id, "sessions")
            self._may_move("sessions", session.id, old.state, expected, session.state)
            new = self._session(session)
            if new.state.occupies_slot and (
                not old.state.occupies_slot
                or old.window != new.window
                or (old.coach_id, old.coachee_id) != (new.coach_id, new.coachee_id)
            ):
                self._check_free(t, new, ignore=new.id)
            t.sessions[session.id] = new
            if SessionState.HELD in (old.state, new.state) and old != new:
                self._bump(t, "hours")

    def get_session(self, session_id: int) -> Session | None:
        with self._read() as t:
            return t.sessions.get(session_id)

    def list_sessions(
        self,
        *,
        engagement_id: int | None = None,
        person_id: int | None = None,
        states: Sequence[SessionState] | None = None,
        starting_from: datetime | None = None,
        starting_before: datetime | None = None,
    ) -> list[Session]:
        with self._read() as t:
            return [
                s
                for s in self._by_start(t.sessions.values())
                if (engagement_id is None or s.engagement_id == engagement_id)
                and (person_id is None or person_id in (s.coach_id, s.coachee_id))
                and (states is None or s.state in states)
                and (starting_from is None or s.window.start >= starting_from)
                and (starting_before is None or s.window.start < starting_before)
            ]

    def busy_windows(self, person_id: int, within: TimeWindow) -> list[TimeWindow]:
        with self._read() as t:
            return [
                s.window
                for s in self._by_start(t.sessions.values())
                if s.state.occupies_slot
                and person_id in (s.coach_id, s.coachee_id)
                and s.window.start < within.end
                and s.window.end > within.start
            ]

    def coach_loads(
        self, month_start: datetime, month_end: datetime
    ) -> dict[int, tuple[int, float]]:
        with self._read() as t:
            loads = dict.fromkeys(t.coaches, (0, 0.0))
            counts: dict[int, int] = defaultdict(int)
            for e in t.engagements.values():
                if e.state in HOLDING_A_PLACE:
                    counts[e.coach_id] += 1
            for coach_id, count in counts.items():
                loads[coach_id] = (count, 0.0)
            totals: dict[int, float] = defaultdict(float)
            for s in t.sessions.values():
                if s.state.occupies_slot and month_start <= s.window.start < month_end:
                    totals[s.coach_id] += minutes(s)
            for coach_id, total in totals.items():
                count, _ = loads.get(coach_id, (0, 0.0))
                loads[coach_id] = (count, total / 60)
            return loads

    # -- conversations and platform events ----------------------------------------------
    def load_conversation(self, person_id: int, channel: Channel) -> ConversationState | None:
        with self._read() as t:
            state = t.conversations.get((person_id, channel))
            return None if state is None else replace(state, data=json_copy(state.data))

    def save_conversation(self, state: ConversationState) -> None:
        with self._atomic() as t:
            self._existing(t.people, state.person_id, "people")
            t.conversations[(state.person_id, state.channel)] = replace(
                state,
                data=json_copy(state.data),
                history=tuple(json_copy(list(state.history))),
                updated_at=utc_or_none(state.updated_at),
            )

    def clear_conversation(self, person_id: int, channel: Channel) -> None:
        with self._atomic() as t:
            t.conversations.pop((person_id, channel), None)

    def remember_event(self, platform: str, event_id: str, *, at: datetime) -> bool:
        with self._atomic() as t:
            if (platform, event_id) in t.events:
                return False
            t.events[(platform, event_id)] = utc(at)
            return True

    # -- outbox -------------------------------------------------------------------------
    @staticmethod
    def _armed(message: OutboxMessage, *, id: int) -> OutboxMessage:
        return OutboxMessage(
            key=message.key,
            recipient_id=message.recipient_id,
            kind=message.kind,
            due_at=utc(message.due_at),
            payload=json_copy(message.payload),
            id=id,
        )

    def schedule(self, message: OutboxMessage) -> bool:
        with self._atomic() as t:
            self._existing(t.people, message.recipient_id, "people")
            held = t.outbox_keys.get(message.key)
            if held is None:
                stored = self._armed(message, id=t.new_id("outbox"))
                t.outbox[stored.id] = stored
                t.outbox_keys[stored.key] = stored.id
                return True
            if t.outbox[held].state is not OutboxState.CANCELLED:
                return False
            t.outbox[held] = self._armed(message, id=held)
            return True

    def reschedule(self, key: str, due_at: datetime) -> bool:
        with self._atomic() as t:
            held = t.outbox_keys.get(key)
            if held is None or t.outbox[held].state is not PENDING:
                return False
            t.outbox[held] = replace(t.outbox[held], due_at=utc(due_at))
            return True

    def cancel_scheduled(self, key_prefix: str) -> int:
        with self._atomic() as t:
            cancelled = [
                m for m in t.outbox.values() if m.key.startswith(key_prefix) and m.state is PENDING
            ]
            for m in cancelled:
                t.outbox[m.id] = replace(m, state=OutboxState.CANCELLED)
            return len(cancelled)

    @staticmethod
    def _claimable(message: OutboxMessage, now: datetime) -> bool:
        if message.due_at > now:
            return False
        if message.state is PENDING:
            return True
        return (
            message.state is CLAIMED
            and message.lease_until is not None
            and message.lease_until < now
        )

    @staticmethod
    def _message(message: OutboxMessage) -> OutboxMessage:
        return replace(message, payload=json_copy(message.payload))

    def claim_due(
        self, *, now: datetime, limit: int, lease_until: datetime, owner: str
    ) -> list[OutboxMessage]:
        with self._atomic() as t:
            due = sorted(
                (m for m in t.outbox.values() if self._claimable(m, now)),
                key=lambda m: (m.due_at, m.id),
            )[:limit]
            claimed = []
            for m in due:
                stored = replace(
                    m,
                    state=CLAIMED,
                    lease_until=utc(lease_until),
                    claimed_by=owner,
                    attempts=m.attempts + 1,
                )
                t.outbox[m.id] = stored
                claimed.append(self._message(stored))
            return claimed

    def count_due(self, *, now: datetime) -> int:
        with self._read() as t:
            return sum(1 for m in t.outbox.values() if self._claimable(m, now))

    def _held(self, t: Tables, message_ids: Sequence[int], owner: str) -> list[OutboxMessage]:
        return [
            t.outbox[i]
            for i in message_ids
            if i in t.outbox and t.outbox[i].state is CLAIMED and t.outbox[i].claimed_by == owner
        ]

    def renew_claims(
        self, message_ids: Sequence[int], *, owner: str, lease_until: datetime
    ) -> set[int]:
        with self._atomic() as t:
            held = self._held(t, message_ids, owner)
            for m in held:
                t.outbox[m.id] = replace(m, lease_until=utc(lease_until))
            return {m.id for m in held}

    def release_claims(self, message_ids: Sequence[int], *, owner: str) -> int:
        with self._atomic() as t:
            held = self._held(t, message_ids, owner)
            for m in held:
                t.outbox[m.id] = replace(
                    m, state=PENDING, lease_until=None, claimed_by="", attempts=m.attempts - 1
                )
            return len(held)

    def _mark(self, message_id: int, owner: str, change: Callable[[OutboxMessage], Any]) -> bool:
        with self._atomic() as t:
            self._existing(t.outbox, message_id, "outbox")
            held = self._held(t, [message_id], owner)
            if not held:
                return False
            t.outbox[message_id] = change(held[0])
            return True

    def mark_part_sent(self, message_id: int, *, owner: str, parts_sent: int) -> bool:
        return self._mark(message_id, owner, lambda m: replace(m, parts_sent=parts_sent))

    def mark_sent(self, message_id: int, *, at: datetime, owner: str) -> bool:
        return self._mark(
            message_id,
            owner,
            lambda m: replace(
                m, state=OutboxState.SENT, sent_at=utc(at), lease_until=None, last_error=""
            ),
        )

    def mark_skipped(self, message_id: int, *, reason: str, owner: str) -> bool:
        return self._mark(
            message_id,
            owner,
            lambda m: replace(m, state=OutboxState.SKIPPED, skip_reason=reason, lease_until=None),
        )

    def mark_failed(
        self, message_id: int, *, error: str, retry_at: datetime | None, owner: str
    ) -> bool:
        if retry_at is None:
            return self._mark(
                message_id,
                owner,
                lambda m: replace(m, state=OutboxState.FAILED, last_error=error, lease_until=None),
            )
        return self._mark(
            message_id,
            owner,
            lambda m: replace(
                m,
                state=PENDING,
                due_at=utc(retry_at),
                last_error=error,
                lease_until=None,
                claimed_by="",
            ),
        )

    def list_outbox(self, *, states: Sequence[str] | None = None) -> list[OutboxMessage]:
        wanted = None if states is None else {str(s) for s in states}
        with self._read() as t:
            return [
                self._message(m)
                for m in sorted(t.outbox.values(), key=lambda m: (m.due_at, m.id))
                if wanted is None or m.state.value in wanted
            ]

    # -- feedback, audit, privacy --------------------------------------------------------
    def save_feedback(self, feedback: Feedback) -> None:
        with self._atomic() as t:
            key = (feedback.session_id, feedback.person_id)
            self._existing(t.sessions, feedback.session_id, "sessions")
            self._existing(t.people, feedback.person_id, "people")
            held = t.feedback.get(key)
            row = held[0] if held else t.new_id("feedback")
            t.feedback[key] = (row, replace(feedback, submitted_at=utc(feedback.submitted_at)))

    def list_feedback(self, *, since: datetime | None = None) -> list[Feedback]:
        with self._read() as t:
            rows = sorted(t.feedback.values(), key=lambda r: (r[1].submitted_at, r[0]))
        return [f for _, f in rows if since is None or f.submitted_at >= since]

    def save_evaluation(self, evaluation: FinalEvaluation) -> None:
        with self._atomic() as t:
            key = (evaluation.engagement_id, evaluation.person_id)
            self._existing(t.engagements, evaluation.engagement_id, "engagements")
            self._existing(t.people, evaluation.person_id, "people")
            held = t.evaluations.get(key)
            row = held[0] if held else t.new_id("evaluations")
            t.evaluations[key] = (
                row,
                replace(evaluation, submitted_at=utc(evaluation.submitted_at)),
            )

    def list_evaluations(self, *, since: datetime | None = None) -> list[FinalEvaluation]:
        with self._read() as t:
            rows = sorted(t.evaluations.values(), key=lambda r: (r[1].submitted_at, r[0]))
        return [e for _, e in rows if since is None or e.submitted_at >= since]

    def audit(self, entry: AuditEntry) -> None:
        with self._atomic() as t:
            t.audit[t.new_id("audit")] = replace(entry, at=utc(entry.at))

    def list_audit(
        self, *, subject_prefix: str = "", since: datetime | None = None
    ) -> list[AuditEntry]:
        with self._read() as t:
            rows = sorted(t.audit.items(), key=lambda r: (r[1].at, r[0]))
        return [
            e
            for _, e in rows
            if e.subject.startswith(subject_prefix) and (since is None or e.at >= since)
        ]

    def erase_person(self, person_id: int, *, at: datetime, by: str = "") -> None:
        raise NotImplementedError("MemoryStore.erase_person: run this test on SqlStore")

    def forget_expired(self, cutoffs: RetentionCutoffs) -> RetentionReport:
        raise NotImplementedError("MemoryStore.forget_expired: run this test on SqlStore")

    # -- helpers ---------------------------------------------------------------------------
    @staticmethod
    def _existing(table: dict[int, T], key: int, name: str) -> T:
        if key not in table:
            raise NotFound(f"no {name} record with id {key}")
        return table[key]

    @staticmethod
    def _unique_slug(records: Any, slug: str, own_id: int, what: str) -> None:
        if any(r.slug == slug and r.id != own_id for r in records):
            raise Conflict(f"a {what} with the slug {slug!r} exists already")

    @staticmethod
    def _may_move(table: str, key: int, stored: S, expected: S | None, new: S) -> None:
        """Compare-and-set, as storage/repos/transitions.py: StaleState unless the stored
        record is in `expected` (default: the new state) and may move to `new`."""
        wanted = expected or new
        if stored != wanted:
            raise StaleState(f"{table} {key} is {stored.value}, not {wanted.value}")
        moves: Any = {
            "requests": REQUEST_MOVES,
            "engagements": ENGAGEMENT_MOVES,
            "sessions": SESSION_MOVES,
        }[table]
        if not may_move(moves, wanted, new):
            raise StaleState(f"{table} {key} may not move from {wanted.value} to {new.value}")

    @staticmethod
    def _by_start(sessions: Any) -> list[Session]:
        return sorted(sessions, key=lambda s: (s.window.start, s.id))


if TYPE_CHECKING:
    from bot.ports.store import Store

    _implements: type[Store] = MemoryStore  # `mypy tests/fakes/memory_store.py` checks it
