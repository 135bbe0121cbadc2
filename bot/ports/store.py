"""The store: everything the core reads and writes, in the core's own types.

Contract for implementations:
- Every datetime given or returned is timezone-aware UTC.
- Records with `id == 0` are new; `add_*` returns them with their stored id.
- Each method is atomic on its own. Inside `with store.transaction():` all calls share
  one database transaction, committed at the end or rolled back on an exception;
  transactions nest (the inner block joins the outer one).
- Errors are raised as `bot.ports.errors` types, never as database exceptions.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.digest.facts import (
    CoachCapacity,
    EngagementFact,
    EvaluationFact,
    FeedbackFact,
    RequestFact,
    SessionFact,
)
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
    Role,
    Session,
    SessionState,
    ShortlistEntry,
)
from bot.domain.audit import AuditEntry
from bot.domain.conversation import ConversationState
from bot.domain.feedback import Feedback, FinalEvaluation
from bot.domain.outbox import OutboxMessage
from bot.domain.people import Channel
from bot.privacy.periods import RetentionCutoffs, RetentionReport
from bot.timewindow import TimeWindow


@dataclass(frozen=True)
class PoolRevisions:
    """Tags that change with every committed change to what they cover (None: never
    changed): `coaches` the coaches' profiles, availability, people and organisations;
    `hours` held sessions and who belongs to which organisation. Equal tags, equal data."""

    coaches: int | None
    hours: int | None


class Store(Protocol):
    # -- transactions and health -------------------------------------------------------
    def transaction(self) -> AbstractContextManager[None]:
        """Group the calls inside into one atomic unit of work."""
        ...

    def ping(self) -> None:
        """Raise StoreUnavailable if the database cannot be reached."""
        ...

    # -- organisations and people ------------------------------------------------------
    def add_organisation(self, organisation: Organisation) -> Organisation: ...
    def update_organisation(self, organisation: Organisation) -> None: ...
    def get_organisation(self, organisation_id: int) -> Organisation | None: ...
    def find_organisation(self, slug: str) -> Organisation | None: ...
    def list_organisations(self) -> list[Organisation]: ...

    def add_person(self, person: Person) -> Person:
        """Raise Conflict if the email (case-insensitive) is already used."""
        ...

    def update_person(self, person: Person) -> None: ...
    def get_person(self, person_id: int) -> Person | None: ...
    def find_person_by_email(self, email: str) -> Person | None:
        """Case-insensitive; erased people are never found."""
        ...

    def list_people(self, role: Role | None = None) -> list[Person]:
        """Not erased, ordered by name."""
        ...

    def link_identity(self, identity: Identity) -> None:
        """Add or replace the identity for (channel, workspace, user_id)."""
        ...

    def claim_identity(self, identity: Identity) -> Identity:
        """Link `identity` unless the person already has one on that channel; returns the
        identity that holds the channel (the first one, never silently replaced)."""
        ...

    def find_identity(self, channel: Channel, workspace: str, user_id: str) -> Identity | None: ...
    def identities_of(self, person_id: int) -> list[Identity]: ...
    def unlink_identities(self, person_id: int, channel: Channel) -> int:
        """Forget the person's accounts on `channel` (a coordinator's decision, when an
        account is no longer theirs): the next account they use there is linked. How many."""
        ...

    # -- coaches -----------------------------------------------------------------------
    def save_coach(self, profile: CoachProfile) -> None:
        """Insert or replace the profile, its weekly slots and its exceptions."""
        ...

    def get_coach(self, person_id: int) -> CoachProfile | None: ...
    def list_coaches(self) -> list[CoachProfile]:
        """Every coach profile (paused ones too), with availability, in person-id order."""
        ...

    # -- programmes --------------------------------------------------------------------
    def add_programme(self, programme: Programme) -> Programme: ...
    def update_programme(self, programme: Programme) -> None: ...
    def get_programme(self, programme_id: int) -> Programme | None: ...
    def find_programme(self, slug: str) -> Programme | None: ...
    def list_programmes(self) -> list[Programme]: ...

    # -- requests and shortlists ------------------------------------------------------
    def add_request(self, request: CoachingRequest) -> CoachingRequest: ...
    def update_request(
        self, request: CoachingRequest, *, expected: RequestState | None = None
    ) -> None:
        """Compare-and-set: write the request only if the stored one is still in `expected`
        (the state the caller read; None: `request.state`, a change that keeps the state)
        and the lifecycle allows the move; else StaleState and nothing is written. Under
        the row lock on PostgreSQL, so of racing writers from one state exactly one wins."""
        ...

    def get_request(self, request_id: int) -> CoachingRequest | None: ...
    def list_requests(
        self,
        *,
        coachee_id: int | None = None,
        programme_id: int | None = None,
        states: Sequence[RequestState] | None = None,
        chosen_coach_id: int | None = None,
    ) -> list[CoachingRequest]:
        """Ordered by creation time, oldest first."""
        ...

    def save_shortlist(self, request_id: int, entries: Sequence[ShortlistEntry]) -> None:
        """Replace the request's shortlist."""
        ...

    def get_shortlist(self, request_id: int) -> list[ShortlistEntry]:
        """Ordered by rank."""
        ...

    # -- engagements and sessions -----------------------------------------------------
    def add_engagement(self, engagement: Engagement) -> Engagement: ...
    def update_engagement(
        self, engagement: Engagement, *, expected: EngagementState | None = None
    ) -> None:
        """Compare-and-set on the state, as `update_request` (StaleState)."""
        ...

    def get_engagement(self, engagement_id: int) -> Engagement | None: ...
    def list_engagements(
        self, *, coach_id: int | None = None, coachee_id: int | None = None
    ) -> list[Engagement]: ...

    def add_session(self, session: Session) -> Session:
        """Store a session. A CONFIRMED one goes through the same overlap check as
        `confirm_session` and may raise SlotTaken."""
        ...

    def confirm_session(self, session_id: int) -> Session:
        """Move a PROPOSED session to CONFIRMED, atomically refusing with SlotTaken if
        the coach or the coachee has an overlapping CONFIRMED or HELD session. Exactly
        one of any number of concurrent callers for overlapping times succeeds, on
        every supported database and across processes. A session already CONFIRMED is
        returned unchanged; one in any other state raises Conflict; NotFound if none."""
        ...

    def update_session(self, session: Session, *, expected: SessionState | None = None) -> None:
        """Save state changes (cancel, held, no-show, reschedule). Moving a confirmed
        session to a new window re-runs the overlap check (SlotTaken). Compare-and-set on
        the state, as `update_request` (StaleState)."""
        ...

    def get_session(self, session_id: int) -> Session | None: ...
    def list_sessions(
        self,
        *,
        engagement_id: int | None = None,
        person_id: int | None = None,
        states: Sequence[SessionState] | None = None,
        starting_from: datetime | None = None,
        starting_before: datetime | None = None,
    ) -> list[Session]:
        """`person_id` matches coach or coachee. Ordered by start time."""
        ...

    def busy_windows(self, person_id: int, within: TimeWindow) -> list[TimeWindow]:
        """Windows of the person's CONFIRMED/HELD sessions (as coach or coachee) that
        overlap `within`."""
        ...

    def coach_loads(
        self, month_start: datetime, month_end: datetime
    ) -> dict[int, tuple[int, float]]:
        """coach id -> (open engagements, i.e. ACTIVE or AWAITING_SPONSOR, since both hold
        a place; hours of confirmed+held sessions starting in [month_start, month_end))."""
        ...

    # -- what matching reads on every request --------------------------------------------
    def pool_revisions(self) -> PoolRevisions: ...

    def organisation_hours(self) -> dict[int, float]:
        """Organisation id -> hours of held sessions its coaches gave minus hours its staff
        received (each person counted in their organisation now; erased people not at all)."""
        ...

    def line_manager(self, person_id: int) -> int | None:
        """The person's line manager's id; None if they have none, are erased or unknown."""
        ...

    def direct_reports(self, manager_ids: Collection[int]) -> list[int]:
        """The people (not erased) whose line manager is one of `manager_ids`, by id."""
        ...

    def place_holders(
        self,
        programme_id: int,
        organisation_id: int,
        *,
        request_states: Sequence[RequestState],
        engagement_states: Sequence[EngagementState],
    ) -> set[int]:
        """The people now in the organisation (not erased) with a request in one of
        `request_states` or an engagement in one of `engagement_states` in the programme:
        one query, however many people the organisation has."""
        ...

    def busy_by_person(self, within: TimeWindow) -> dict[int, list[TimeWindow]]:
        """Person id -> their CONFIRMED/HELD sessions' windows (as coach or coachee) that
        overlap `within`, by start time; one query for everyone."""
        ...

    # -- conversations ----------------------------------------------------------------
    def load_conversation(self, person_id: int, channel: Channel) -> ConversationState | None: ...
    def save_conversation(self, state: ConversationState) -> None: ...
    def clear_conversation(self, person_id: int, channel: Channel) -> None: ...

    # -- outbox -------------------------------------------------------------------------
    def schedule(self, message: OutboxMessage) -> bool:
        """Add the message unless one with its key exists; True if added. A key whose
        message was cancelled is re-armed with the new due time and payload."""
        ...

    def reschedule(self, key: str, due_at: datetime) -> bool:
        """Move a pending message; False if there is none pending under that key."""
        ...

    def cancel_scheduled(self, key_prefix: str) -> int:
        """Cancel pending messages whose key starts with the prefix; returns how many."""
        ...

    def claim_due(
        self, *, now: datetime, limit: int, lease_until: datetime, owner: str
    ) -> list[OutboxMessage]:
        """Claim up to `limit` messages due by `now` that are pending or whose lease has
        expired, marking them claimed by `owner` until `lease_until`. Concurrent claimers
        never receive the same message (row locks skipped by others where the database
        has them)."""
        ...

    def count_due(self, *, now: datetime) -> int:
        """How many messages a claim at `now` could take."""
        ...

    def renew_claims(
        self, message_ids: Sequence[int], *, owner: str, lease_until: datetime
    ) -> set[int]:
        """Extend the lease of those of the messages `owner` still holds; their ids."""
        ...

    def release_claims(self, message_ids: Sequence[int], *, owner: str) -> int:
        """Give back claims not started (pending again, the attempt not counted)."""
        ...

    def mark_part_sent(self, message_id: int, *, owner: str, parts_sent: int) -> bool:
        """Record that the first `parts_sent` parts were delivered, if `owner` holds it."""
        ...

    def mark_sent(self, message_id: int, *, at: datetime, owner: str) -> bool:
        """SENT, if `owner` still holds the claim; False (nothing written) if not."""
        ...

    def mark_skipped(self, message_id: int, *, reason: str, owner: str) -> bool:
        """SKIPPED with `reason` (it lost its meaning), if `owner` still holds the claim."""
        ...

    def mark_failed(
        self, message_id: int, *, error: str, retry_at: datetime | None, owner: str
    ) -> bool:
        """Record a failed attempt, if `owner` still holds the claim: back to pending due at
        `retry_at`, or FAILED for good when `retry_at` is None. False if not held."""
        ...

    def list_outbox(self, *, states: Sequence[str] | None = None) -> list[OutboxMessage]: ...

    # -- feedback, events, audit, erasure --------------------------------------------------
    def save_feedback(self, feedback: Feedback) -> None:
        """Insert or replace the feedback of (session, person)."""
        ...

    def list_feedback(self, *, since: datetime | None = None) -> list[Feedback]: ...
    def save_evaluation(self, evaluation: FinalEvaluation) -> None:
        """Insert or replace the evaluation of (engagement, person)."""
        ...

    def list_evaluations(self, *, since: datetime | None = None) -> list[FinalEvaluation]: ...

    def remember_event(self, platform: str, event_id: str, *, at: datetime) -> bool:
        """Record a platform event id; False if it was seen before (a retry or duplicate)."""
        ...

    def audit(self, entry: AuditEntry) -> None: ...
    def list_audit(
        self, *, subject_prefix: str = "", since: datetime | None = None
    ) -> list[AuditEntry]:
        """Oldest first; `since` (inclusive) limits by time."""
        ...

    def erase_person(self, person_id: int, *, at: datetime, by: str = "") -> None:
        """Data-protection erasure of the stored traces (the lifecycle part is
        `bot.privacy.erasure`): delete the person's identities, conversations and every
        message to them; delete or scrub every other row that holds their name, email,
        platform ids or words (finished messages, platform event ids, audit details, close
        reasons); blank their free text and profile. Keep anonymous counts and hours. One
        audit entry "person.erased" (detail `by`) names no one."""
        ...

    def forget_expired(self, cutoffs: RetentionCutoffs) -> RetentionReport:
        """Retention: blank the free text of requests and engagements closed, feedback
        given and wordy audit entries written before `free_text_before`; delete
        conversations idle since before `conversations_before` and platform event ids seen
        before it; empty the payloads of finished messages due before `messages_before`.
        Counts, states, times, ratings and themes are untouched."""
        ...

    # -- digest: read-only aggregate queries (bot/digest) ------------------------------
    # Compact facts rather than domain objects, so a year of a large pool reads fast.
    def session_facts(
        self,
        *,
        starting_from: datetime,
        starting_before: datetime,
        states: Sequence[SessionState] | None = None,
    ) -> list[SessionFact]:
        """Sessions starting in [starting_from, starting_before), in any of `states`
        (default all), by start time."""
        ...

    def feedback_facts(
        self, *, submitted_from: datetime, submitted_before: datetime
    ) -> list[FeedbackFact]:
        """What the digest may use of feedback, oldest first, each with its session's coach
        and coachee: a coachee's scores given in [submitted_from, submitted_before), and the
        themes a coach logged for a session whose coachee consented to count them (two rows of
        the same session, joined), dated by the later of the two. Comments never."""
        ...

    def request_facts(
        self,
        *,
        created_from: datetime | None = None,
        created_before: datetime | None = None,
        states: Sequence[RequestState] | None = None,
    ) -> list[RequestFact]:
        """Requests created in the range (either bound optional) in any of `states`
        (default all), oldest first."""
        ...

    def evaluation_facts(
        self, *, submitted_from: datetime, submitted_before: datetime
    ) -> list[EvaluationFact]:
        """Final evaluations submitted in [submitted_from, submitted_before), oldest first."""
        ...

    def engagement_facts(
        self,
        *,
        started_from: datetime | None = None,
        started_before: datetime | None = None,
        states: Sequence[EngagementState] | None = None,
    ) -> list[EngagementFact]:
        """Engagements started in the range (either bound optional) in any of `states`
        (default all), oldest first."""
        ...

    def coach_capacities(self) -> list[CoachCapacity]:
        """Every coach profile's limits with the coach's name and organisation, by id."""
        ...

    def organisation_of_people(self) -> dict[int, int]:
        """person id -> organisation id, for everyone (erased people too: their hours
        still count for their organisation)."""
        ...
