"""The in-memory store's tables and its units of work (tests/fakes/memory_store.py)."""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from bot.domain import (
    CoachingRequest,
    CoachProfile,
    Engagement,
    EngagementState,
    Identity,
    Organisation,
    Person,
    Programme,
    RequestState,
    Session,
    SessionState,
    ShortlistEntry,
)
from bot.domain.audit import AuditEntry
from bot.domain.conversation import ConversationState
from bot.domain.feedback import Feedback, FinalEvaluation
from bot.domain.lifecycles.engagement import ENGAGEMENT
from bot.domain.lifecycles.request import REQUEST
from bot.domain.lifecycles.session import SESSION
from bot.domain.outbox import OutboxMessage, OutboxState
from bot.domain.people import Channel
from bot.domain.timewindow import TimeWindow
from bot.ports.errors import Conflict, NotFound, StaleState

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


class MemoryBase:
    """What every part of `MemoryStore` shares: the tables and the units of work."""

    def __init__(self) -> None:
        # Committed tables are never changed once published: a unit of work changes its own
        # copy and publishes it whole, so a reader outside it never waits and never sees
        # half of it (as under SQLite's WAL or PostgreSQL's snapshots).
        self._committed = Tables()
        self._writer = threading.Lock()
        self._working: ContextVar[Tables | None] = ContextVar(
            f"memory_store_{id(self)}", default=None
        )
        # What `reading()` pinned: the committed tables its reads all see.
        self._pinned: ContextVar[Tables | None] = ContextVar(
            f"memory_store_read_{id(self)}", default=None
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
        if self._pinned.get() is not None:
            raise RuntimeError("a store write inside store.reading(): use transaction()")
        with self._writer:
            working = self._committed.snapshot()
            token = self._working.set(working)
            try:
                yield working
            finally:
                self._working.reset(token)
            self._committed = working

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Reads inside see one committed version of the tables, as in one read-only
        transaction; inside `transaction()` they see its working copy."""
        if self._working.get() is not None or self._pinned.get() is not None:
            yield
            return
        token = self._pinned.set(self._committed)
        try:
            yield
        finally:
            self._pinned.reset(token)

    @contextmanager
    def _read(self) -> Iterator[Tables]:
        working = self._working.get()
        if working is not None:
            yield working
            return
        pinned = self._pinned.get()
        yield self._committed if pinned is None else pinned

    def ping(self) -> None:
        return None

    def _bump(self, t: Tables, *topics: str) -> None:
        for topic in topics:
            t.revisions[topic] = next(_TAGS)

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
        record is in `expected` (default: the new state); IllegalMove unless its lifecycle
        allows the move to `new`."""
        wanted = expected or new
        if stored != wanted:
            raise StaleState(f"{table} {key} is {stored.value}, not {wanted.value}")
        lifecycle: Any = {"requests": REQUEST, "engagements": ENGAGEMENT, "sessions": SESSION}[
            table
        ]
        lifecycle.check_move(wanted, new)

    @staticmethod
    def _by_start(sessions: Any) -> list[Session]:
        return sorted(sessions, key=lambda s: (s.window.start, s.id))
