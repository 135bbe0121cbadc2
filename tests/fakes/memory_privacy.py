"""A person's erasure and retention, in memory: storage/repos/erasure.py and
storage/repos/retention.py statement by statement, on the fake's tables.

The console's inbox, its offers and Slack installations are SqlStore's own tables (not in
the core's `Store`): the fake has none, so there is nothing of them to delete or scrub."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot.domain import CoachingRequest, EngagementState, RequestState, SessionState
from bot.domain.audit import AuditEntry
from bot.domain.outbox import OutboxState
from bot.domain.retention import RetentionCutoffs, RetentionReport
from bot.ports.errors import Conflict
from bot.privacy.traces import PersonTraces, traces_of
from tests.fakes.memory_tables import MemoryBase, Tables, utc

UNSENT = (OutboxState.PENDING, OutboxState.CLAIMED)
FINISHED = (OutboxState.SENT, OutboxState.FAILED, OutboxState.CANCELLED, OutboxState.SKIPPED)
CLOSED_REQUESTS = (RequestState.WITHDRAWN, RequestState.CLOSED)
WORDY_ACTIONS = ("coach.paused", "engagement.closed")  # storage/repos/retention.py
KEY_STAND_IN = "erased"  # storage/repos/erasure.py
REQUEST_TEXT = ("topic", "goal", "reality", "preferences", "location")


def _blanked(request: CoachingRequest) -> CoachingRequest:
    return replace(request, topic="", goal="", reality="", preferences="", location="")


def erased_email(person_id: int) -> str:
    return f"erased-{person_id}@invalid"


class PrivacyParts(MemoryBase):
    def erase_person(self, person_id: int, *, at: datetime, by: str = "") -> None:
        with self._atomic() as t:
            person = self._existing(t.people, person_id, "people")
            identities = [i for _, i in sorted(t.identities.items()) if i.person_id == person_id]
            traces = traces_of(person, identities)
            held = any(
                s.state is SessionState.HELD and person_id in (s.coach_id, s.coachee_id)
                for s in t.sessions.values()
            )
            _forget_messages(t, person_id, traces)
            _forget_conversations(t, person_id, traces)
            _scrub_history(t, person_id, traces)
            _blank_own_text(t, person_id)
            t.people[person_id] = replace(
                person,
                email=erased_email(person_id),
                name="",
                job_title="",
                directorate="",
                manager_id=None,
                erased=True,
            )
            for other in list(t.people.values()):
                if other.manager_id == person_id:
                    t.people[other.id] = replace(other, manager_id=None)
            for key in [k for k, i in t.identities.items() if i.person_id == person_id]:
                del t.identities[key]
            # What SqlStore's triggers bump: people and coach profiles changed; hours when
            # the person's `erased` flag moved or a held session of theirs was rewritten.
            self._bump(t, "coaches", *(["hours"] if held or not person.erased else []))
            t.audit[t.new_id("audit")] = AuditEntry(
                at=utc(at),
                actor_id=None,
                action="person.erased",
                subject=f"person:{person_id}",
                detail=by,
            )

    def forget_expired(self, cutoffs: RetentionCutoffs) -> RetentionReport:
        text_cutoff = cutoffs.free_text_before
        with self._atomic() as t:
            requests = 0
            for r in list(t.requests.values()):
                last = r.updated_at or r.created_at
                if (
                    r.state in CLOSED_REQUESTS
                    and last < text_cutoff
                    and any(getattr(r, c) != "" for c in REQUEST_TEXT)
                ):
                    t.requests[r.id] = _blanked(r)
                    requests += 1
            engagements = 0
            for e in list(t.engagements.values()):
                if (
                    e.state is EngagementState.CLOSED
                    and e.closed_at is not None
                    and e.closed_at < text_cutoff
                    and e.close_reason != ""
                ):
                    t.engagements[e.id] = replace(e, close_reason="")
                    engagements += 1
            feedback = 0
            for key, (row, f) in list(t.feedback.items()):
                if f.submitted_at < text_cutoff and f.comment != "":
                    t.feedback[key] = (row, replace(f, comment=""))
                    feedback += 1
            audit_details = 0
            for row, entry in list(t.audit.items()):
                if entry.action in WORDY_ACTIONS and entry.at < text_cutoff and entry.detail:
                    t.audit[row] = replace(entry, detail="")
                    audit_details += 1
            idle = [
                key
                for key, c in t.conversations.items()
                if c.updated_at is None or c.updated_at < cutoffs.conversations_before
            ]
            for person_channel in idle:
                del t.conversations[person_channel]
            seen = [k for k, at in t.events.items() if at < cutoffs.conversations_before]
            for platform_event in seen:
                del t.events[platform_event]
            emptied = 0
            for m in list(t.outbox.values()):
                if (
                    m.state in FINISHED
                    and (m.sent_at or m.due_at) < cutoffs.messages_before
                    and m.payload
                ):
                    t.outbox[m.id] = replace(m, payload={})
                    emptied += 1
        return RetentionReport(
            requests=requests,
            engagements=engagements,
            feedback=feedback,
            audit_details=audit_details,
            conversations=len(idle),
            messages=emptied,
            platform_events=len(seen),
        )


def _forget_messages(t: Tables, person_id: int, traces: PersonTraces) -> None:
    for m in [m for m in t.outbox.values() if m.recipient_id == person_id]:
        del t.outbox[m.id]
        del t.outbox_keys[m.key]
    for m in sorted(t.outbox.values(), key=lambda m: m.id):
        if not (traces.found_in(m.key) or traces.found_in_json(m.payload)):
            continue
        del t.outbox_keys[m.key]
        if m.state in UNSENT:  # still to go to someone else: kept, without them
            scrubbed = replace(
                m, key=traces.scrub(m.key, KEY_STAND_IN), payload=traces.scrub_json(m.payload)
            )
            if scrubbed.key in t.outbox_keys:  # the key's UNIQUE constraint, in SQL
                raise Conflict(f"a record with the same key already exists ({scrubbed.key})")
            t.outbox[m.id] = scrubbed
            t.outbox_keys[scrubbed.key] = m.id
        else:
            del t.outbox[m.id]
    for key in [k for k in t.events if traces.found_in(k[1])]:
        del t.events[key]


def _forget_conversations(t: Tables, person_id: int, traces: PersonTraces) -> None:
    for key, c in list(t.conversations.items()):
        if (
            c.person_id == person_id
            or traces.found_in_json(c.data)
            or traces.found_in_json(c.history)
        ):
            del t.conversations[key]


def _scrub_history(t: Tables, person_id: int, traces: PersonTraces) -> None:
    for row, entry in list(t.audit.items()):
        if entry.actor_id == person_id or entry.subject == f"person:{person_id}":
            t.audit[row] = replace(entry, detail="")
        elif traces.found_in(entry.detail):
            t.audit[row] = replace(entry, detail=traces.scrub(entry.detail))
    for e in list(t.engagements.values()):
        if e.close_reason != "" and traces.found_in(e.close_reason):
            t.engagements[e.id] = replace(e, close_reason=traces.scrub(e.close_reason))
    for request_id, entries in list(t.shortlists.items()):
        t.shortlists[request_id] = tuple(
            replace(e, reasons=tuple(traces.scrub_json(list(e.reasons))))
            if traces.found_in_json(list(e.reasons))
            else e
            for e in entries
        )
    theirs = {s.id for s in t.sessions.values() if person_id in (s.coach_id, s.coachee_id)}
    for key, (row, f) in list(t.feedback.items()):
        if f.session_id in theirs and traces.found_in(f.comment):
            t.feedback[key] = (row, replace(f, comment=traces.scrub(f.comment)))


def _blank_own_text(t: Tables, person_id: int) -> None:
    for key, (row, f) in list(t.feedback.items()):
        if f.person_id == person_id:
            t.feedback[key] = (row, replace(f, comment=""))
    for r in list(t.requests.values()):
        if r.coachee_id == person_id:
            t.requests[r.id] = _blanked(r)
    for s in list(t.sessions.values()):
        if person_id in (s.coach_id, s.coachee_id):
            t.sessions[s.id] = replace(s, meeting_link="", location="")
    coach = t.coaches.get(person_id)
    if coach is not None:
        t.coaches[person_id] = replace(
            coach,
            bio="",
            meeting_link="",
            paused=True,
            pause_reason="",
            locations=(),
            weekly=(),
            exceptions=(),
        )
