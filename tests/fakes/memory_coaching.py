"""Coaches, programmes, what matching reads, requests and shortlists, in memory."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import replace

from bot.domain import (
    CoachingRequest,
    CoachProfile,
    EngagementState,
    Programme,
    RequestState,
    SessionState,
    ShortlistEntry,
)
from bot.domain.timewindow import TimeWindow
from bot.ports.store import PoolRevisions
from tests.fakes.memory_tables import (
    MAX_SESSION,
    MemoryBase,
    minutes,
    utc,
    utc_or_none,
    window,
)


class CoachingParts(MemoryBase):
    def save_coach(self, profile: CoachProfile) -> None:
        with self._atomic() as t:
            self._existing(t.people, profile.person_id, "people")
            t.coaches[profile.person_id] = replace(
                profile,
                exceptions=tuple(replace(e, window=window(e.window)) for e in profile.exceptions),
            )
            self._bump(t, "coaches")

    def get_coach(self, person_id: int) -> CoachProfile | None:
        with self._read() as t:
            return t.coaches.get(person_id)

    def list_coaches(self) -> list[CoachProfile]:
        with self._read() as t:
            return [t.coaches[key] for key in sorted(t.coaches)]

    def add_programme(self, programme: Programme) -> Programme:
        with self._atomic() as t:
            self._unique_slug(t.programmes.values(), programme.slug, 0, "programme")
            stored = replace(programme, id=t.new_id("programmes"))
            t.programmes[stored.id] = stored
            return stored

    def update_programme(self, programme: Programme) -> None:
        with self._atomic() as t:
            self._existing(t.programmes, programme.id, "programmes")
            self._unique_slug(t.programmes.values(), programme.slug, programme.id, "programme")
            t.programmes[programme.id] = programme

    def get_programme(self, programme_id: int) -> Programme | None:
        with self._read() as t:
            return t.programmes.get(programme_id)

    def find_programme(self, slug: str) -> Programme | None:
        with self._read() as t:
            return next((p for p in t.programmes.values() if p.slug == slug), None)

    def list_programmes(self) -> list[Programme]:
        with self._read() as t:
            return [t.programmes[key] for key in sorted(t.programmes)]

    # -- what matching reads -----------------------------------------------------------
    def pool_revisions(self) -> PoolRevisions:
        with self._read() as t:
            return PoolRevisions(coaches=t.revisions.get("coaches"), hours=t.revisions.get("hours"))

    def organisation_hours(self) -> dict[int, float]:
        balance: dict[int, float] = defaultdict(float)
        with self._read() as t:
            for session in t.sessions.values():
                if session.state is not SessionState.HELD:
                    continue
                for person_id, sign in ((session.coach_id, 1), (session.coachee_id, -1)):
                    person = t.people.get(person_id)
                    if person is not None and not person.erased:
                        balance[person.organisation_id] += sign * minutes(session) / 60
        return dict(balance)

    def line_manager(self, person_id: int) -> int | None:
        with self._read() as t:
            person = t.people.get(person_id)
        return None if person is None or person.erased else person.manager_id

    def direct_reports(self, manager_ids: Collection[int]) -> list[int]:
        wanted = set(manager_ids)
        with self._read() as t:
            return sorted(
                p.id for p in t.people.values() if not p.erased and p.manager_id in wanted
            )

    def place_holders(
        self,
        programme_id: int,
        organisation_id: int,
        *,
        request_states: Sequence[RequestState],
        engagement_states: Sequence[EngagementState],
    ) -> set[int]:
        with self._read() as t:
            colleagues = {
                p.id
                for p in t.people.values()
                if p.organisation_id == organisation_id and not p.erased
            }
            holders = {
                r.coachee_id
                for r in t.requests.values()
                if r.programme_id == programme_id and r.state in request_states
            } | {
                e.coachee_id
                for e in t.engagements.values()
                if e.programme_id == programme_id and e.state in engagement_states
            }
        return holders & colleagues

    def busy_by_person(self, within: TimeWindow) -> dict[int, list[TimeWindow]]:
        busy: dict[int, list[TimeWindow]] = defaultdict(list)
        with self._read() as t:
            for session in self._by_start(t.sessions.values()):
                w = session.window
                if (
                    session.state.occupies_slot
                    and w.start >= within.start - MAX_SESSION
                    and w.start < within.end
                    and w.end > within.start
                ):
                    busy[session.coach_id].append(w)
                    busy[session.coachee_id].append(w)
        return dict(busy)

    # -- requests and shortlists ------------------------------------------------------
    def add_request(self, request: CoachingRequest) -> CoachingRequest:
        with self._atomic() as t:
            stored = self._request(replace(request, id=t.new_id("requests")))
            t.requests[stored.id] = stored
            return stored

    @staticmethod
    def _request(request: CoachingRequest) -> CoachingRequest:
        return replace(
            request,
            created_at=utc(request.created_at),
            windows=tuple(window(w) for w in request.windows),
            offered_slots=tuple(window(w) for w in request.offered_slots),
            asked_at=utc_or_none(request.asked_at),
            updated_at=utc_or_none(request.updated_at),
        )

    def update_request(
        self, request: CoachingRequest, *, expected: RequestState | None = None
    ) -> None:
        with self._atomic() as t:
            old = self._existing(t.requests, request.id, "requests")
            self._may_move("requests", request.id, old.state, expected, request.state)
            t.requests[request.id] = self._request(request)

    def get_request(self, request_id: int) -> CoachingRequest | None:
        with self._read() as t:
            return t.requests.get(request_id)

    def list_requests(
        self,
        *,
        coachee_id: int | None = None,
        programme_id: int | None = None,
        states: Sequence[RequestState] | None = None,
        chosen_coach_id: int | None = None,
    ) -> list[CoachingRequest]:
        with self._read() as t:
            found = [
                r
                for r in t.requests.values()
                if (coachee_id is None or r.coachee_id == coachee_id)
                and (programme_id is None or r.programme_id == programme_id)
                and (states is None or r.state in states)
                and (chosen_coach_id is None or r.chosen_coach_id == chosen_coach_id)
            ]
        return sorted(found, key=lambda r: (r.created_at, r.id))

    def save_shortlist(self, request_id: int, entries: Sequence[ShortlistEntry]) -> None:
        with self._atomic() as t:
            self._existing(t.requests, request_id, "requests")
            t.shortlists[request_id] = tuple(
                replace(e, request_id=request_id, reasons=tuple(e.reasons)) for e in entries
            )

    def get_shortlist(self, request_id: int) -> list[ShortlistEntry]:
        with self._read() as t:
            return sorted(t.shortlists.get(request_id, ()), key=lambda e: e.rank)
