"""Who holds a programme's places for an organisation: one query, whatever its size."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from storage_testkit import T0, Pool

from bot.domain import (
    HOLDING_A_PLACE,
    CoachingRequest,
    EngagementState,
    Organisation,
    Person,
    Programme,
    RequestState,
    Role,
)
from bot.requests.eligibility import OPEN_STATES


def _request(pool: Pool, coachee: Person, state: RequestState, programme: Programme) -> None:
    pool.store.add_request(
        CoachingRequest(
            id=0,
            coachee_id=coachee.id,
            programme_id=programme.id,
            state=state,
            created_at=T0 - timedelta(days=1),
        )
    )


def test_place_holders_are_colleagues_with_an_open_request_or_a_live_engagement(
    pool: Pool,
) -> None:
    store, programme, c = pool.store, pool.programme, pool.coachees
    other_programme = store.add_programme(Programme(id=0, slug="rapid", name="Rapid Support"))
    elsewhere = store.add_organisation(Organisation(id=0, slug="dudley", name="Dudley"))
    outsider = store.add_person(
        Person(0, "out@dudley.example", "Out Sider", elsewhere.id, frozenset({Role.COACHEE}))
    )
    _request(pool, c[0], RequestState.OPEN, programme)
    _request(pool, c[1], RequestState.WAITLISTED, programme)  # waiting holds no place
    pool.engagement(c[2])  # active
    closed = pool.engagement(c[3])
    store.update_engagement(
        replace(closed, state=EngagementState.CLOSED, closed_at=T0), expected=closed.state
    )
    _request(pool, c[4], RequestState.SHORTLISTED, other_programme)
    _request(pool, c[5], RequestState.WAITING_COACH, programme)
    _request(pool, c[6], RequestState.OPEN, programme)
    store.erase_person(c[6].id, at=T0)
    _request(pool, outsider, RequestState.OPEN, programme)

    def holders(organisation_id: int, programme_id: int = programme.id) -> set[int]:
        return store.place_holders(
            programme_id,
            organisation_id,
            request_states=OPEN_STATES[:3],
            engagement_states=HOLDING_A_PLACE,
        )

    assert holders(pool.organisation.id) == {c[0].id, c[2].id, c[5].id}
    assert holders(pool.organisation.id, other_programme.id) == {c[4].id}
    assert holders(elsewhere.id) == {outsider.id}
    # Moving organisation moves the place with the person.
    store.update_person(replace(c[0], organisation_id=elsewhere.id))
    assert holders(elsewhere.id) == {outsider.id, c[0].id}
    assert holders(pool.organisation.id) == {c[2].id, c[5].id}
