"""The right of access: everything the pool holds about one person, as plain data (JSON)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain import Person
from bot.domain.outbox import OutboxState
from bot.privacy.audit_trail import entries_about
from bot.services import Services


def person_record(services: Services, person: Person) -> dict[str, Any]:
    """Profile, identities, coach profile, requests, engagements, sessions, feedback and
    evaluations they gave, conversations in progress, messages still to come, and the
    audit entries by or about them. Times in the pool's zone with their offset."""
    store, zone = services.store, services.settings.pool_timezone
    organisation = store.get_organisation(person.organisation_id)
    manager = store.get_person(person.manager_id) if person.manager_id else None

    def when(instant: datetime | None) -> str | None:
        return _iso(instant, zone)

    def name_of(person_id: int | None) -> str | None:
        other = store.get_person(person_id) if person_id else None
        return other.name if other and not other.erased else None

    requests = store.list_requests(coachee_id=person.id)
    engagements = {
        e.id: e
        for e in store.list_engagements(coach_id=person.id)
        + store.list_engagements(coachee_id=person.id)
    }
    sessions = store.list_sessions(person_id=person.id)
    profile = store.get_coach(person.id)
    return {
        "person": {
            "email": person.email,
            "name": person.name,
            "organisation": organisation.name if organisation else None,
            "roles": sorted(r.value for r in person.roles),
            "timezone": person.timezone,
            "job_title": person.job_title,
            "directorate": person.directorate,
            "manager": manager.email if manager and not manager.erased else None,
        },
        "identities": [
            {"channel": i.channel, "workspace": i.workspace, "user_id": i.user_id}
            for i in store.identities_of(person.id)
        ],
        "coach_profile": None
        if profile is None
        else {
            "accreditation": profile.accreditation.value,
            "specialisms": list(profile.specialisms),
            "bio": profile.bio,
            "formats": sorted(f.value for f in profile.formats),
            "locations": list(profile.locations),
            "max_coachees": profile.max_coachees,
            "max_hours_per_month": profile.max_hours_per_month,
            "paused": profile.paused,
            "pause_reason": profile.pause_reason,
            "meeting_link": profile.meeting_link,
            "weekly": [
                {"weekday": w.weekday, "start": w.start.isoformat(), "end": w.end.isoformat()}
                for w in profile.weekly
            ],
            "exceptions": [
                {
                    "start": when(x.window.start),
                    "end": when(x.window.end),
                    "available": x.available,
                    "note": x.note,
                }
                for x in profile.exceptions
            ],
        },
        "requests": [
            {
                "id": r.id,
                "state": r.state.value,
                "created": when(r.created_at),
                "programme": _programme_name(services, r.programme_id),
                "topic": r.topic,
                "goal": r.goal,
                "reality": r.reality,
                "preferences": r.preferences,
                "format": r.format.value,
                "location": r.location,
                "times": [{"start": when(w.start), "end": when(w.end)} for w in r.windows],
                "chosen_coach": name_of(r.chosen_coach_id),
            }
            for r in requests
        ],
        "engagements": [
            {
                "id": e.id,
                "as": "coach" if e.coach_id == person.id else "coachee",
                "with": name_of(e.coachee_id if e.coach_id == person.id else e.coach_id),
                "state": e.state.value,
                "sessions_allowed": e.sessions_allowed,
                "started": when(e.started_at),
                "closed": when(e.closed_at),
                "close_reason": e.close_reason,
            }
            for e in engagements.values()
        ],
        "sessions": [
            {
                "id": s.id,
                "as": "coach" if s.coach_id == person.id else "coachee",
                "with": name_of(s.coachee_id if s.coach_id == person.id else s.coach_id),
                "start": when(s.window.start),
                "end": when(s.window.end),
                "state": s.state.value,
                "kind": s.kind.value,
                "meeting_link": s.meeting_link,
                "location": s.location,
                "late_cancellation": s.late_cancellation,
            }
            for s in sessions
        ],
        "feedback_given": [
            {
                "session": f.session_id,
                "submitted": when(f.submitted_at),
                "usefulness": f.usefulness,
                "progress": f.progress,
                "comment": f.comment,
                "consent_to_share_themes": f.consent_to_share_themes,
                "themes": list(f.themes),
            }
            for f in store.list_feedback()
            if f.person_id == person.id
        ],
        "evaluations_given": [
            {
                "engagement": v.engagement_id,
                "submitted": when(v.submitted_at),
                "goal_attainment": v.goal_attainment,
                "would_recommend": v.would_recommend,
            }
            for v in store.list_evaluations()
            if v.person_id == person.id
        ],
        "conversations": [
            {"channel": c.channel, "conversation": c.name, "step": c.step, "data": c.data}
            for c in store.conversations_of(person.id)
        ],
        "messages_to_come": [
            {"kind": m.kind, "due": when(m.due_at)}
            for m in store.list_outbox(states=[OutboxState.PENDING, OutboxState.CLAIMED])
            if m.recipient_id == person.id
        ],
        "audit": [
            {
                "at": when(a.at),
                "by": _actor(a.actor_id, person.id),
                "action": a.action,
                "subject": a.subject,
                "detail": a.detail,
            }
            for a in entries_about(store, person.id)
        ],
    }


def _actor(actor_id: int | None, person_id: int) -> str:
    if actor_id == person_id:
        return "them"
    return "the bot or a coordinator" if actor_id is None else "another pool member"


def _programme_name(services: Services, programme_id: int) -> str | None:
    programme = services.store.get_programme(programme_id)
    return programme.name if programme else None


def _iso(instant: datetime | None, zone: ZoneInfo) -> str | None:
    return instant.astimezone(zone).isoformat() if instant is not None else None
