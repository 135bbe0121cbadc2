"""A small hand-built pool whose digest for 2026-W47 is known figure by figure.

Week 2026-W47 runs Monday 16 to Sunday 22 November 2026 (GMT); the digest is built on
Monday 23 November at 09:00. Three organisations:

- Alpha (coaches Colin and Carla, coachee A1, the coordinator)
- Beta (coach Bea, coachees B1..B6 coached by Colin, waiting-list coachees W1..W5, the lead)
- Gamma (coach Cody, paused; coachees C1, C2, C3, C4)

Every coachee's name and every comment contains SECRET, so a test can check none leaks.

The feedback rows here are coachees' scores, as the feedback form saves them. Themes and
consent are not built here: the product saves them on two rows of a session (the coach's
and the coachee's), so `test_digest_themes.py` drives the real conversations instead.

Final evaluations are submitted through the bot's evaluation form: B1..B6 and C1 in week
47 (seven people, but Gamma's one protects Beta's six), A1 alone in week 46 and C2 alone in
week 48 (both weeks withheld). `test_digest_evaluations.py` also drives the whole flow in
chat, from the request to the form the bot sends when coaching ends.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from bot.aftercare.forms import AftercareForm
from bot.assembly import coaching_bot
from bot.clock import SimulatedClock
from bot.digest.week import Week
from bot.domain import (
    CoachingRequest,
    CoachProfile,
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
from bot.domain.feedback import Feedback
from bot.domain.timewindow import TimeWindow
from bot.messages import Incoming
from bot.replies import Text
from bot.services import Services, Settings
from handlers.channel_names import CONSOLE
from storage.store import SqlStore

AS_OF = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
SETTINGS = Settings(pool_name="the West Midlands pool")
WEEK = Week(2026, 47, SETTINGS.pool_timezone)
COMMENT = "SECRET comment: my manager is the problem"
GOAL = "SECRET goal: stop dreading Mondays"


def at(day: int, hour: int = 9, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=UTC)


@dataclass
class DigestPool:
    store: SqlStore
    orgs: dict[str, Organisation] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    requests: dict[str, CoachingRequest] = field(default_factory=dict)
    programme: Programme | None = None

    def services(self, now: datetime = AS_OF) -> Services:
        return Services(store=self.store, clock=SimulatedClock(now), settings=SETTINGS)

    def coachee_names(self) -> list[str]:
        return [p.name for p in self.people.values() if Role.COACHEE in p.roles]

    # -- builders ----------------------------------------------------------------------
    def person(self, key: str, org: str, name: str, *roles: Role) -> Person:
        person = self.store.add_person(
            Person(
                id=0,
                email=f"{key.lower()}@{org}.example",
                name=name,
                organisation_id=self.orgs[org].id,
                roles=frozenset(roles),
            )
        )
        self.people[key] = person
        return person

    def coach(self, key: str, org: str, name: str, **limits: object) -> Person:
        person = self.person(key, org, name, Role.COACH)
        self.store.save_coach(CoachProfile(person_id=person.id, **limits))  # type: ignore[arg-type]
        return person

    def request(
        self, key: str, coachee: str, *, state: RequestState, created: datetime, **more: object
    ) -> CoachingRequest:
        assert self.programme is not None
        request = self.store.add_request(
            CoachingRequest(
                id=0,
                coachee_id=self.people[coachee].id,
                programme_id=self.programme.id,
                state=state,
                created_at=created,
                **more,  # type: ignore[arg-type]
            )
        )
        self.requests[key] = request
        return request

    def engagement(
        self,
        coach: str,
        coachee: str,
        *,
        started: datetime,
        state: EngagementState = EngagementState.ACTIVE,
    ) -> Engagement:
        assert self.programme is not None
        request = self.request(
            f"{coach}-{coachee}-{started:%m%d}",
            coachee,
            state=RequestState.MATCHED,
            created=started - timedelta(days=3),
            chosen_coach_id=self.people[coach].id,
        )
        return self.store.add_engagement(
            Engagement(
                id=0,
                request_id=request.id,
                programme_id=self.programme.id,
                coach_id=self.people[coach].id,
                coachee_id=self.people[coachee].id,
                state=state,
                sessions_allowed=6,
                started_at=started,
            )
        )

    def session(
        self,
        engagement: Engagement,
        start: datetime,
        *,
        minutes: int = 60,
        state: SessionState = SessionState.HELD,
        **more: object,
    ) -> Session:
        return self.store.add_session(
            Session(
                id=0,
                engagement_id=engagement.id,
                coach_id=engagement.coach_id,
                coachee_id=engagement.coachee_id,
                window=TimeWindow(start, start + timedelta(minutes=minutes)),
                state=state,
                **more,  # type: ignore[arg-type]
            )
        )

    def feedback(self, session: Session, person: str, **fields: object) -> None:
        self.store.save_feedback(
            Feedback(
                session_id=session.id,
                person_id=self.people[person].id,
                submitted_at=session.window.end + timedelta(hours=2),
                **fields,  # type: ignore[arg-type]
            )
        )

    def evaluate(self, coachee: str, *, at: datetime, goal: int, recommend: int) -> None:
        """The coachee sends the final evaluation form of their latest engagement at `at`."""
        person = self.people[coachee]
        engagement = max(
            self.store.list_engagements(coachee_id=person.id),
            key=lambda e: e.started_at,
        )
        answers = {"goal_attainment": str(goal), "would_recommend": str(recommend)}
        outcome = coaching_bot(self.services(at)).handle(
            Incoming(
                person.id,
                CONSOLE,
                form=answers,
                token=f"{AftercareForm.EVALUATION}{engagement.id}",
            )
        )
        said = " ".join(r.text for r in outcome.replies if isinstance(r, Text))
        assert "Thank you" in said, said


def build_pool(store: SqlStore) -> DigestPool:
    pool = DigestPool(store)
    for slug, name in (
        ("alpha", "Alpha Council"),
        ("beta", "Beta Council"),
        ("gamma", "Gamma Council"),
    ):
        pool.orgs[slug] = store.add_organisation(Organisation(id=0, slug=slug, name=name))
    pool.programme = store.add_programme(
        Programme(id=0, slug="regional", name="Regional pool", response_deadline_working_days=3)
    )
    pool.person("cora", "alpha", "Cora Ordinator", Role.COORDINATOR)
    pool.person("lena", "beta", "Lena Lead", Role.ORG_LEAD)
    pool.coach("colin", "alpha", "Colin Coach", max_coachees=2, max_hours_per_month=6.0)
    pool.coach("carla", "alpha", "Carla Coach", max_coachees=3, max_hours_per_month=1.0)
    pool.coach("bea", "beta", "Bea Coach", max_coachees=3, max_hours_per_month=6.0)
    pool.coach("cody", "gamma", "Cody Coach", max_coachees=1, paused=True)
    pool.person("A1", "alpha", "SECRET Annie Alpha", Role.COACHEE)
    for n in range(1, 7):
        pool.person(f"B{n}", "beta", f"SECRET Bert Beta{n}", Role.COACHEE)
    for n in range(1, 6):
        pool.person(f"W{n}", "beta", f"SECRET Wanda Wait{n}", Role.COACHEE)
    for n in range(1, 5):
        pool.person(f"C{n}", "gamma", f"SECRET Cyril Gamma{n}", Role.COACHEE)
    _sessions(pool)
    _open_requests(pool)
    _evaluations(pool)
    return pool


# Week 47's final evaluations: (goal attainment, would recommend) for B1..B6, then C1.
BETA_EVALUATIONS = ((7, 9), (8, 10), (6, 8), (9, 10), (5, 6), (8, 9))
GAMMA_EVALUATION = (2, 3)


def _evaluations(pool: DigestPool) -> None:
    pool.evaluate("A1", at=at(13, 10), goal=4, recommend=5)  # week 46, alone
    for n, (goal, recommend) in enumerate(BETA_EVALUATIONS, start=1):
        pool.evaluate(f"B{n}", at=at(20, 9 + n), goal=goal, recommend=recommend)
    goal, recommend = GAMMA_EVALUATION
    pool.evaluate("C1", at=at(21, 10), goal=goal, recommend=recommend)
    pool.evaluate("C2", at=at(24, 10), goal=9, recommend=10)  # week 48, alone


def _sessions(pool: DigestPool) -> None:
    # Colin coaches B1..B6 in the week (six hours); B1 and B2 started this week.
    for n in range(1, 7):
        started = at(16, 8) if n <= 2 else at(1, 9, month=10)
        engagement = pool.engagement("colin", f"B{n}", started=started)
        held = pool.session(engagement, at(17, 8 + n))
        if n <= 5:
            pool.feedback(
                held,
                f"B{n}",
                usefulness=(4, 4, 5, 5, 3)[n - 1],
                progress=(6, 7, 8, 7, 7)[n - 1],
                comment=COMMENT if n == 1 else "",
            )
        if n == 3:  # ... and B3 cancelled another, late
            pool.session(
                engagement,
                at(19, 10),
                state=SessionState.CANCELLED,
                cancelled_by=pool.people["B3"].id,
                cancelled_at=at(19, 8),
                late_cancellation=True,
            )
    # Earlier in the year, and before it (the year starts on 1 April).
    june = pool.engagement("colin", "B3", started=at(20, 9, month=5), state=EngagementState.CLOSED)
    pool.session(june, at(1, 10, month=6))
    march = pool.engagement("colin", "B4", started=at(1, 9, month=3), state=EngagementState.CLOSED)
    pool.session(march, at(10, 10, month=3))
    # Carla: one hour the week before (her monthly limit), one cancelled by her this week.
    a1 = pool.engagement("carla", "A1", started=at(1, 9, month=10))
    last_week = pool.session(a1, at(12, 10))
    pool.feedback(last_week, "A1", usefulness=1, progress=2, comment=COMMENT)
    c1_carla = pool.engagement("carla", "C1", started=at(1, 9, month=10))
    pool.session(
        c1_carla,
        at(18, 14),
        state=SessionState.CANCELLED,
        cancelled_by=pool.people["carla"].id,
        cancelled_at=at(16, 9),
    )
    # Bea (Beta) coaches C1 for 90 minutes; C2 didn't come.
    c1 = pool.engagement("bea", "C1", started=at(1, 9, month=10))
    pool.session(c1, at(20, 10), minutes=90)
    c2 = pool.engagement("bea", "C2", started=at(1, 9, month=10))
    pool.session(c2, at(20, 13), state=SessionState.NO_SHOW, no_show_by=pool.people["C2"].id)
    # Cody is paused, though over his limit: not listed as at capacity.
    pool.engagement("cody", "A1", started=at(1, 9, month=10))


def _open_requests(pool: DigestPool) -> None:
    for n in range(1, 6):  # five want help with stress: a capacity gap that can be shown
        created = at(2) if n <= 3 else at(17)
        pool.request(
            f"W{n}",
            f"W{n}",
            state=RequestState.WAITLISTED,
            created=created,
            topic="SECRET burnout and stress at work",
            goal=GOAL,
        )
    pool.request(
        "C3", "C3", state=RequestState.WAITLISTED, created=at(18), topic="SECRET a restructure"
    )
    pool.request(
        "C4",
        "C4",
        state=RequestState.WAITING_COACH,
        created=at(12),
        asked_at=at(16),  # three working days: due Thursday 19 November, 09:00
        chosen_coach_id=pool.people["colin"].id,
    )
    pool.request(
        "A1",
        "A1",
        state=RequestState.WAITING_COACH,
        created=at(19),
        asked_at=at(20),  # due Wednesday 25 November: not overdue yet
        chosen_coach_id=pool.people["carla"].id,
    )
