"""What the pool releases: every group of figures decided once, for the whole pool, under
the rules of `privacy.py`. The coordinators' digest prints the totals, an organisation lead's
digest its organisation's parts, so no two digests can disagree about what is withheld.

Parts are keyed by organisation id: the coachee's organisation, except for the hours an
organisation's coaches gave, keyed by the coach's. Breakdowns that only the coordinators'
digest prints (late or not, by whom) are keyed by name, with the part never printed marked.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, TypeVar

from bot.digest.facts import EngagementFact, RequestFact, SessionFact
from bot.digest.limits import reached
from bot.digest.model import Count, Counts
from bot.digest.pipeline import overdue_requests
from bot.digest.privacy import Disclosure, Figure, Part, closed_blocks, disclose
from bot.digest.sources import DigestData, utc
from bot.digest.week import Week, week_containing
from bot.domain import RequestState, SessionState
from bot.domain.feedback import THEMES
from bot.matching.topics import THEMES_BY_KEY, themes_of

R = TypeVar("R")
K = TypeVar("K", bound=Hashable)


class Rated(Protocol):
    """A record of scores given by one coachee (session feedback, a final evaluation)."""

    @property
    def person_id(self) -> int: ...


S = TypeVar("S", bound=Rated)


def by_key(
    records: Iterable[R],
    key: Callable[[R], K],
    person: Callable[[R], int],
    value: Callable[[R], float] = lambda _: 1.0,
    *,
    hidden: Iterable[K] = (),
) -> dict[K, Part]:
    """The parts of a group: each record's value added to its key's part, with its person."""
    never = dict.fromkeys(hidden)  # in the order given: a set's order changes per process
    values: defaultdict[K, float] = defaultdict(float)
    people: defaultdict[K, set[int]] = defaultdict(set)
    for k in never:
        values[k] += 0.0
    for record in records:
        k = key(record)
        values[k] += value(record)
        people[k].add(person(record))
    return {k: Part(v, frozenset(people[k]), k not in never) for k, v in values.items()}


@dataclass(frozen=True)
class HeldGroups:
    """A week's held sessions: how many and how long, by the coachee's organisation (what it
    received), and the same hours by the coach's organisation (what it gave)."""

    sessions: Disclosure[int]
    hours: Disclosure[int]
    given: Disclosure[int]


@dataclass(frozen=True)
class MissedGroups:
    """A week's cancelled and no-show sessions, by the coachee's organisation, and the
    breakdowns only the coordinators' digest prints."""

    cancellations: Disclosure[int]
    late: Disclosure[str]  # "late"; "in time" is never printed
    cancelled_by: Disclosure[str]  # "coach", "coachee"; "otherwise" is never printed
    no_shows: Disclosure[int]
    absent: Disclosure[str]  # "coach", "coachee"; "otherwise" is never printed


@dataclass(frozen=True)
class Mean:
    """A rating: the group decides the sum of scores; the mean is printed where it may be."""

    sums: Disclosure[int]
    responses: Mapping[int, int]  # by organisation
    people: Mapping[int, frozenset[int]]

    def of(self, organisation_id: int | None) -> Figure:
        if organisation_id is None:
            total = self.sums.total
            count = sum(self.responses.values())
        else:
            total = self.sums.part(organisation_id)
            count = self.responses.get(organisation_id, 0)
        if total.value is None or count == 0:
            return total if count else Figure(None, people=0)
        return Figure(total.value / count, total.people, total.protecting)


@dataclass(frozen=True)
class Organisations:
    """Who belongs to which organisation, for keying parts."""

    of: Mapping[int, int]

    def __call__(self, person_id: int) -> int:
        # Everyone has an organisation; -1 keeps a record whose person has gone apart.
        return self.of.get(person_id, -1)


def held_groups(held: list[SessionFact], org: Organisations, min_group: int) -> HeldGroups:
    """Three groups over the same sessions, added up in one pass (a year of sessions is
    read for every week the chart shows): what `by_key` would make of each."""
    counts: dict[int, float] = {}
    hours: dict[int, float] = {}
    given: dict[int, float] = {}
    received_people: dict[int, set[int]] = {}
    given_people: dict[int, set[int]] = {}
    of = org.of
    for session in held:
        coachee = session.coachee_id
        length = (session.end - session.start).total_seconds() / 3600  # `SessionFact.hours`
        received_by, given_by = of.get(coachee, -1), of.get(session.coach_id, -1)
        if received_by in counts:
            counts[received_by] += 1.0
            hours[received_by] += length
            received_people[received_by].add(coachee)
        else:
            counts[received_by], hours[received_by] = 1.0, 0.0 + length
            received_people[received_by] = {coachee}
        if given_by in given:
            given[given_by] += length
            given_people[given_by].add(coachee)
        else:
            given[given_by] = 0.0 + length
            given_people[given_by] = {coachee}
    received = {k: frozenset(people) for k, people in received_people.items()}
    return HeldGroups(
        sessions=disclose({k: Part(v, received[k]) for k, v in counts.items()}, min_group),
        hours=disclose({k: Part(v, received[k]) for k, v in hours.items()}, min_group),
        given=disclose(
            {k: Part(v, frozenset(given_people[k])) for k, v in given.items()}, min_group
        ),
    )


def missed_groups(
    week_sessions: list[SessionFact], org: Organisations, min_group: int
) -> MissedGroups:
    cancelled = [s for s in week_sessions if s.state is SessionState.CANCELLED]
    absent = [s for s in week_sessions if s.state is SessionState.NO_SHOW]

    def coachee(s: SessionFact) -> int:
        return s.coachee_id

    def received_by(s: SessionFact) -> int:
        return org(s.coachee_id)

    def lateness(s: SessionFact) -> str:
        return "late" if s.late_cancellation else "in time"

    def who(s: SessionFact) -> str:
        by = s.cancelled_by if s.state is SessionState.CANCELLED else s.no_show_by
        return {s.coach_id: "coach", s.coachee_id: "coachee"}.get(by or 0, "otherwise")

    return MissedGroups(
        cancellations=disclose(by_key(cancelled, received_by, coachee), min_group),
        late=disclose(by_key(cancelled, lateness, coachee, hidden=["in time"]), min_group),
        cancelled_by=disclose(by_key(cancelled, who, coachee, hidden=["otherwise"]), min_group),
        no_shows=disclose(by_key(absent, received_by, coachee), min_group),
        absent=disclose(by_key(absent, who, coachee, hidden=["otherwise"]), min_group),
    )


def rating_means(
    records: Sequence[S],
    score: Callable[[S], int | None],
    org: Organisations,
    min_group: int,
) -> Mean:
    """Scores are the raters' (coachees'), so parts are by the rater's organisation.
    Added up in one pass, as `by_key` would (one call per week of the year)."""
    sums: dict[int, float] = {}
    responses: dict[int, int] = {}
    people: dict[int, set[int]] = {}
    of = org.of
    for record in records:
        value = score(record)
        if value is None:
            continue
        person = record.person_id
        key = of.get(person, -1)
        if key in sums:
            sums[key] += float(value)
            responses[key] += 1
            people[key].add(person)
        else:
            sums[key], responses[key], people[key] = 0.0 + float(value), 1, {person}
    parts = {k: Part(v, frozenset(people[k])) for k, v in sums.items()}
    return Mean(disclose(parts, min_group), responses, {k: p.people for k, p in parts.items()})


def request_groups(
    requests: Iterable[RequestFact | EngagementFact], org: Organisations, min_group: int
) -> Disclosure[int]:
    """Requests (or matches) by the coachee's organisation."""
    return disclose(
        by_key(requests, lambda r: org(r.coachee_id), lambda r: r.coachee_id), min_group
    )


class WeekIndex:
    """Which of a run of consecutive weeks an instant falls in, by bisecting their starts."""

    def __init__(self, weeks: list[Week]) -> None:
        self.weeks = weeks
        self._starts = [utc(w.start) for w in weeks]
        self._end = utc(weeks[-1].end) if weeks else None

    def index(self, instant: datetime) -> int | None:
        if self._end is None or instant >= self._end:
            return None
        position = bisect_right(self._starts, instant) - 1
        return position if position >= 0 else None

    def bucket(self, records: Iterable[R], when: Callable[[R], datetime]) -> list[list[R]]:
        buckets: list[list[R]] = [[] for _ in self.weeks]
        for record in records:
            position = self.index(when(record))
            if position is not None:
                buckets[position].append(record)
        return buckets


@dataclass(frozen=True)
class PoolRelease:
    """Every group the pool's digests for one week print from, decided once."""

    weeks: list[Week]  # consecutive, ending with the digest's week
    year_from: int  # the index in `weeks` of the week holding the year's first day
    held: list[HeldGroups]  # one per week
    usefulness: list[Mean]  # one per week, by when the feedback was given
    progress: list[Mean]
    attainment: list[Mean]  # final evaluations, one per week, by when they were given
    recommend: list[Mean]
    recommenders: list[Mean]  # the share who would recommend: a mean of 1 (9 or 10) and 0
    missed: MissedGroups  # the digest's week
    new: Disclosure[int]  # requests made in the week
    matched: Disclosure[int]  # engagements started in the week
    waiting: Disclosure[int]  # open requests, as of the digest's `as_of`
    places: Disclosure[int]  # places taken with coaches not paused, by the coach's organisation
    overdue: Disclosure[str]  # those waiting: "overdue"; "not overdue" is never printed
    gaps: Mapping[str, Disclosure[int]]  # waiting-list requests by the topics they name
    themes: Counts  # sessions by theme, with the coachee's consent (coordinators only)

    @property
    def year_weeks(self) -> range:
        return range(self.year_from, len(self.weeks))


def release(data: DigestData, *, chart_weeks: int, min_group: int) -> PoolRelease:
    org = Organisations(data.organisation_of)
    first_year_week = week_containing(data.year_start, data.week.tz)
    first = min(first_year_week.monday, data.week.shifted(1 - chart_weeks).monday)
    count = (data.week.monday - first).days // 7 + 1
    weeks = [data.week.shifted(offset) for offset in range(1 - count, 1)]
    index = WeekIndex(weeks)
    held = index.bucket(data.held, lambda s: s.start)
    scored = index.bucket(data.feedback, lambda f: f.submitted_at)
    evaluated = index.bucket(data.evaluations, lambda e: e.submitted_at)
    as_of = data.as_of
    waiting = [r for r in data.open_requests if r.created_at < as_of]
    late = {r.id for r in overdue_requests(data, waiting)}
    return PoolRelease(
        weeks=weeks,
        year_from=weeks.index(first_year_week),
        held=[held_groups(week, org, min_group) for week in held],
        usefulness=[rating_means(w, lambda f: f.usefulness, org, min_group) for w in scored],
        progress=[rating_means(w, lambda f: f.progress, org, min_group) for w in scored],
        attainment=[
            rating_means(w, lambda e: e.goal_attainment, org, min_group) for w in evaluated
        ],
        recommend=[rating_means(w, lambda e: e.would_recommend, org, min_group) for w in evaluated],
        recommenders=[
            rating_means(w, lambda e: int(e.would_recommend >= RECOMMENDS), org, min_group)
            for w in evaluated
        ],
        missed=missed_groups(data.week_sessions, org, min_group),
        new=request_groups(data.new_requests, org, min_group),
        matched=request_groups(data.engagements, org, min_group),
        waiting=request_groups(waiting, org, min_group),
        places=_places(data, org, min_group),
        overdue=disclose(
            by_key(
                waiting,
                lambda r: "overdue" if r.id in late else "not overdue",
                lambda r: r.coachee_id,
                hidden=["not overdue"],
            ),
            min_group,
        ),
        gaps=_gaps(data, org, min_group),
        themes=_themes(data, index, weeks.index(first_year_week), min_group),
    )


# Would recommend, on the 0-10 scale: 9 or 10 (the usual "promoter" cut-off).
RECOMMENDS = 9
OTHER_TOPICS = "other topics"


def _places(data: DigestData, org: Organisations, min_group: int) -> Disclosure[int]:
    """Engagements holding a place with a coach who is not paused, by the coach's
    organisation. The list of coaches at capacity already tells how many coachees some
    coaches have (those at their coachee limit, if not over it), so a part's people are
    the coachees of its other coaches: what subtracting the list from the part leaves."""
    coaches = {c.person_id: c for c in data.coaches if not c.paused}
    taken: defaultdict[int, list[EngagementFact]] = defaultdict(list)
    for engagement in data.placed:
        if engagement.coach_id in coaches:
            taken[engagement.coach_id].append(engagement)
    values: defaultdict[int, float] = defaultdict(float)
    people: defaultdict[int, set[int]] = defaultdict(set)
    for coach_id, engagements in taken.items():
        coach = coaches[coach_id]
        key = org(coach_id)
        values[key] += len(engagements)
        known = reached(coach, data.loads).coachees and len(engagements) == coach.max_coachees
        if not known:
            people[key] |= {e.coachee_id for e in engagements}
    parts = {k: Part(v, frozenset(people[k])) for k, v in values.items()}
    return disclose(parts, min_group)


def _gaps(data: DigestData, org: Organisations, min_group: int) -> dict[str, Disclosure[int]]:
    """Waiting-list requests by the topics their words name (a request may name several):
    one group per topic, by organisation. The words themselves are read here and dropped."""
    by_topic: defaultdict[str, list[RequestFact]] = defaultdict(list)
    for request in data.open_requests:
        if request.state is not RequestState.WAITLISTED:
            continue
        labels = [THEMES_BY_KEY[key].label for key in themes_of(request.topic)]
        for label in labels or [OTHER_TOPICS]:
            by_topic[label].append(request)
    # By label: `themes_of` is a set, whose order changes from process to process.
    return {
        label: request_groups(found, org, min_group) for label, found in sorted(by_topic.items())
    }


def _themes(data: DigestData, index: WeekIndex, year_from: int, min_group: int) -> Counts:
    """Sessions per theme this year, counted in whole blocks of weeks from at least
    `min_group` coachees (`privacy.closed_blocks`). A theme counts where the coach logged
    it and the session's coachee consented; it dates from the later of the two."""
    known = set(THEMES)
    weekly: defaultdict[str, list[Part]] = defaultdict(lambda: [Part()] * len(index.weeks))
    for fact in data.feedback:
        if not fact.consent_to_share_themes or fact.themes_at is None:
            continue
        position = index.index(fact.themes_at)
        if position is None or position < year_from:
            continue
        for theme in sorted(known.intersection(fact.themes)):  # a set's order varies
            weekly[theme][position] = weekly[theme][position].plus(1.0, fact.coachee_id)
    shown, withheld = [], False
    for theme, weeks in weekly.items():
        total, covered = closed_blocks(weeks[year_from:], min_group)
        if covered == 0:
            withheld = True
            continue
        shown.append(Count(theme, round(total), index.weeks[year_from + covered - 1].label))
    shown.sort(key=lambda c: (-c.count, c.label))
    return Counts(tuple(shown), others_withheld=withheld)
