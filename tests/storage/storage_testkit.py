"""Builders for storage tests: a small pool of records to hang sessions and messages on."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from bot.domain import (
    CoachingRequest,
    Engagement,
    EngagementState,
    Organisation,
    Person,
    Programme,
    RequestState,
    Role,
    Session,
    SessionState,
)
from bot.domain.timewindow import TimeWindow
from storage.store import SqlStore

# A Monday morning, well away from any clock change.
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass
class Pool:
    """Records to hang sessions and messages on: a coach, coachees, a programme."""

    store: SqlStore
    organisation: Organisation
    programme: Programme
    coach: Person
    coachees: list[Person] = field(default_factory=list)

    def person(self, email: str, *roles: Role) -> Person:
        return self.store.add_person(
            Person(
                id=0,
                email=email,
                name=email.partition("@")[0].title(),
                organisation_id=self.organisation.id,
                roles=frozenset(roles or {Role.COACHEE}),
            )
        )

    def engagement(self, coachee: Person, coach: Person | None = None) -> Engagement:
        coach = coach or self.coach
        request = self.store.add_request(
            CoachingRequest(
                id=0,
                coachee_id=coachee.id,
                programme_id=self.programme.id,
                state=RequestState.MATCHED,
                created_at=T0 - timedelta(days=7),
                chosen_coach_id=coach.id,
            )
        )
        return self.store.add_engagement(
            Engagement(
                id=0,
                request_id=request.id,
                programme_id=self.programme.id,
                coach_id=coach.id,
                coachee_id=coachee.id,
                state=EngagementState.ACTIVE,
                sessions_allowed=6,
                started_at=T0 - timedelta(days=6),
            )
        )

    def session(
        self,
        engagement: Engagement,
        start: datetime = T0,
        *,
        minutes: int = 60,
        state: SessionState = SessionState.PROPOSED,
    ) -> Session:
        return self.store.add_session(
            Session(
                id=0,
                engagement_id=engagement.id,
                coach_id=engagement.coach_id,
                coachee_id=engagement.coachee_id,
                window=TimeWindow(start, start + timedelta(minutes=minutes)),
                state=state,
            )
        )


def new_pool(store: SqlStore) -> Pool:
    organisation = store.add_organisation(Organisation(id=0, slug="wmids", name="West Mids"))
    programme = store.add_programme(Programme(id=0, slug="regional", name="Regional pool"))
    made = Pool(store, organisation, programme, coach=store.add_person(_coach(organisation)))
    made.coachees = [made.person(f"coachee{n}@council.example") for n in range(8)]
    return made


def _coach(organisation: Organisation) -> Person:
    return Person(
        id=0,
        email="coach@council.example",
        name="Cora Coach",
        organisation_id=organisation.id,
        roles=frozenset({Role.COACH}),
    )
