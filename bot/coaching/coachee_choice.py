"""The coachee's turn to choose: a coach from a shortlist, or one of the times a coach
proposed (request WAITING_COACHEE).

A proposal is the coach's answer, so their deadline stops. Whatever the coachee is
choosing, they get the programme's answer time: a nudge at the deadline, and a working day
later the pool coordinators are told (outbox kinds in bot/coaching/coachee_deadlines.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import timedelta

from bot import keys
from bot.actions import Verb
from bot.coaching.answer_time import AnswerTime, answer_time
from bot.coaching.candidates import horizon, zone_of
from bot.coaching.live_times import in_bookable_range
from bot.coaching.slot_buttons import slot_value
from bot.domain import CoachingRequest, Person, RequestState
from bot.domain.audit import AuditEntry
from bot.domain.outbox import OutboxMessage
from bot.domain.timewindow import TimeWindow
from bot.keys import OutboxKind
from bot.messages import Outcome
from bot.replies import Choice, Choices, Outgoing, Text
from bot.scheduling import candidate_slots, subtract
from bot.services import Services
from bot.text_format import local_date, local_time

# What the coachee is choosing from; each has its own deadlines in the outbox.
SHORTLIST = "shortlist"
TIMES = "times"
STATE_OF_STAGE = {SHORTLIST: RequestState.SHORTLISTED, TIMES: RequestState.WAITING_COACHEE}
PROPOSED_AT_MOST = 3


def proposed_slots(
    services: Services, request: CoachingRequest, coach: Person, proposed: Sequence[TimeWindow]
) -> list[TimeWindow]:
    """Session-length slots inside what the coach said, bookable and free for both."""
    store = services.store
    programme = store.get_programme(request.programme_id)
    assert programme is not None
    within = horizon(services)
    free = subtract(list(proposed), store.busy_windows(coach.id, within))
    free = subtract(free, store.busy_windows(request.coachee_id, within))
    slots = candidate_slots(
        free,
        list(proposed),
        length=timedelta(minutes=programme.session_minutes),
        not_before=services.clock.now(),
        limit=PROPOSED_AT_MOST,
    )
    return [s for s in slots if in_bookable_range(services, s)]


def pick_choices(
    services: Services, request: CoachingRequest, coachee: Person, intro: str
) -> Choices:
    zone = zone_of(coachee, services.settings.pool_timezone)
    options = tuple(
        Choice(
            local_time(s.start, zone, now=services.clock.now()),
            slot_value(Verb.PICK, request.id, s),
        )
        for s in request.offered_slots
    )
    return Choices(intro, options)


def times_proposed(
    services: Services, request: CoachingRequest, coach: Person, slots: Sequence[TimeWindow]
) -> Outcome:
    """Offer the coach's times to the coachee and hand the request to them."""
    store, now = services.store, services.clock.now()
    coachee = store.get_person(request.coachee_id)
    assert coachee is not None
    with store.transaction():
        was = request.state
        request = dataclasses.replace(
            request,
            state=RequestState.WAITING_COACHEE,
            offered_slots=tuple(slots),
            updated_at=now,
        )
        store.update_request(request, expected=was)
        store.cancel_scheduled(keys.coach_prefix(request.id))
        due = schedule_coachee_deadlines(services, request, stage=TIMES)
        store.audit(AuditEntry(now, coach.id, "request.times_proposed", f"request:{request.id}"))
    coach_zone = zone_of(coach, services.settings.pool_timezone)
    coachee_zone = zone_of(coachee, services.settings.pool_timezone)
    listed = "; ".join(local_time(s.start, coach_zone, now=now) for s in slots)
    offer = pick_choices(
        services,
        request,
        coachee,
        f"{coach.name} would be glad to coach you and has suggested these times. "
        f"Please pick the one that suits you by {local_date(due.nudge_at, coachee_zone, now=now)}:",
    )
    return Outcome(
        (
            Text(
                f"Thanks. I've offered {coachee.first_name} {listed}. "
                "I'll confirm as soon as they pick."
            ),
        ),
        (Outgoing(coachee.id, (offer,)),),
    )


def schedule_coachee_deadlines(
    services: Services, request: CoachingRequest, *, stage: str
) -> AnswerTime:
    """Arm the nudge and the coordinators' note for what the coachee now chooses from,
    replacing any earlier ones for the same stage."""
    store = services.store
    programme = store.get_programme(request.programme_id)
    assert programme is not None
    due = answer_time(services, programme)
    store.cancel_scheduled(keys.stage_prefix(request.id, stage))
    # A new key each round, so a nudge already sent for an earlier shortlist is no bar.
    round_ = int(services.clock.now().timestamp())
    payload = {"request_id": request.id, "stage": stage, "moves_on_at": due.moves_on_at.isoformat()}
    store.schedule(
        OutboxMessage(
            key=keys.stage_deadline_key(request.id, stage, round_, "nudge"),
            recipient_id=request.coachee_id,
            kind=OutboxKind.COACHEE_NUDGE,
            due_at=due.nudge_at,
            payload=payload,
        )
    )
    store.schedule(
        OutboxMessage(
            key=keys.stage_deadline_key(request.id, stage, round_, "expiry"),
            recipient_id=request.coachee_id,
            kind=OutboxKind.COACHEE_CHOICE_DEADLINE,
            due_at=due.moves_on_at,
            payload=payload,
        )
    )
    return due
