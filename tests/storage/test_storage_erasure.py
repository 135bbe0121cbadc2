"""Erasure removes who someone is and what they wrote; the hours and counts stay."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from storage_testkit import T0, Pool

from bot.domain import (
    CoachingRequest,
    CoachProfile,
    Identity,
    RequestState,
    SessionState,
)
from bot.domain.conversation import ConversationState
from bot.domain.feedback import Feedback
from bot.domain.outbox import OutboxMessage, OutboxState
from bot.ports.errors import NotFound
from handlers.channel_names import SLACK


def test_erase_person(pool: Pool) -> None:
    store = pool.store
    coachee = store.add_person(
        replace(pool.coachees[0], id=0, email="Erin@council.example", job_title="Planner")
    )
    engagement = pool.engagement(coachee)
    session = pool.session(engagement, state=SessionState.CONFIRMED)
    store.update_session(replace(session, state=SessionState.HELD), expected=session.state)
    store.link_identity(Identity(coachee.id, SLACK, "T01", "U9", {"dm": "D9"}))
    store.save_conversation(ConversationState(coachee.id, SLACK, "feedback", "rate"))
    store.save_feedback(
        Feedback(session.id, coachee.id, T0 + timedelta(hours=2), usefulness=5, comment="Mine")
    )
    request = store.add_request(
        CoachingRequest(
            id=0,
            coachee_id=coachee.id,
            programme_id=pool.programme.id,
            state=RequestState.OPEN,
            created_at=T0,
            topic="My manager and I",
            goal="Private goal",
        )
    )
    for key, recipient in (("to-erin", coachee.id), ("to-coach", pool.coach.id)):
        store.schedule(OutboxMessage(key=key, recipient_id=recipient, kind="reminder", due_at=T0))

    store.erase_person(coachee.id, at=T0 + timedelta(days=30))

    erased = store.get_person(coachee.id)
    assert erased is not None
    assert erased.erased
    assert (erased.name, erased.job_title) == ("", "")
    assert erased.email == f"erased-{coachee.id}@invalid"
    assert store.find_person_by_email("erin@council.example") is None
    assert coachee.id not in {p.id for p in store.list_people()}
    assert store.identities_of(coachee.id) == []
    assert store.find_identity(SLACK, "T01", "U9") is None
    assert store.load_conversation(coachee.id, SLACK) is None
    [feedback] = store.list_feedback()
    assert (feedback.comment, feedback.usefulness) == ("", 5)
    stored_request = store.get_request(request.id)
    assert stored_request is not None
    assert (stored_request.topic, stored_request.goal) == ("", "")
    assert [m.key for m in store.list_outbox()] == ["to-coach"]
    # What counts stays: the held hour and the engagement.
    assert store.list_sessions(person_id=coachee.id, states=[SessionState.HELD]) != []
    assert store.coach_loads(T0 - timedelta(days=1), T0 + timedelta(days=1)) == {
        pool.coach.id: (1, 1.0)
    }
    [entry] = store.list_audit(subject_prefix=f"person:{coachee.id}")
    assert entry.action == "person.erased"
    # The freed address can be used by a new person.
    assert pool.person("erin@council.example").id != coachee.id


def test_an_erased_coach_is_never_offered_again(pool: Pool) -> None:
    store = pool.store
    store.save_coach(CoachProfile(person_id=pool.coach.id, bio="About me"))
    store.erase_person(pool.coach.id, at=T0)
    profile = store.get_coach(pool.coach.id)
    assert profile is not None
    assert (profile.paused, profile.bio) == (True, "")
    assert store.list_outbox(states=[OutboxState.PENDING]) == []


def test_erasing_an_unknown_person_is_not_found(pool: Pool) -> None:
    with pytest.raises(NotFound):
        pool.store.erase_person(9999, at=T0)
