"""Conversations, platform events, feedback and the audit log, in memory."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from bot.domain.audit import AuditEntry
from bot.domain.conversation import ConversationState
from bot.domain.feedback import Feedback, FinalEvaluation
from bot.domain.people import Channel
from tests.fakes.memory_tables import (
    MemoryBase,
    json_copy,
    utc,
    utc_or_none,
)


class RecordParts(MemoryBase):
    def load_conversation(self, person_id: int, channel: Channel) -> ConversationState | None:
        with self._read() as t:
            state = t.conversations.get((person_id, channel))
            return None if state is None else replace(state, data=json_copy(state.data))

    def conversations_of(self, person_id: int) -> list[ConversationState]:
        with self._read() as t:
            return [
                replace(state, data=json_copy(state.data))
                for (owner, _channel), state in sorted(t.conversations.items())
                if owner == person_id
            ]

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
