"""From a chosen coach to a confirmed first session.

The coachee chooses → the coach is asked with up to three concrete slots → the coach
accepts one, proposes others, or declines. Booking itself is `confirm_session` in the
store, which lets exactly one of any number of racing bookings win.
"""

from __future__ import annotations

import dataclasses

from bot import keys
from bot.actions import Action, action_value
from bot.answer_time import answer_time
from bot.bookable import in_bookable_range
from bot.booking.coachee_choice import pick_choices
from bot.booking.confirmations import booking_confirmations
from bot.booking.kinds import BookingKind
from bot.booking.live_times import refresh_offer
from bot.booking.slot_buttons import slot_from, slot_value
from bot.booking.slots import request_slots
from bot.choosing import SHORTLIST
from bot.conversation_names import BookingConversation
from bot.domain import (
    CoachingRequest,
    Engagement,
    EngagementState,
    Person,
    RequestState,
    Session,
    SessionKind,
    SessionState,
)
from bot.domain.audit import AuditEntry
from bot.domain.lifecycles.engagement import ENGAGEMENT
from bot.domain.lifecycles.session import SESSION
from bot.domain.outbox import OutboxMessage
from bot.domain.people import zone_of
from bot.domain.requests import AWAITING_ANSWER
from bot.domain.timewindow import TimeWindow
from bot.events import RequestBackToChoosing, SessionBooked
from bot.messages import Outcome, refusal
from bot.ports.errors import SlotTaken, StaleState
from bot.registry import Context, Door, VerbHandler
from bot.replies import Card, Choice, Choices, Fact, Outgoing, Reply, Text
from bot.services import Services
from bot.session_place import first_session_place
from bot.text_format import local_date, local_time
from bot.verbs import BookingVerb

GONE = "That request has moved on since this message, so I've left it as it is."


def _say(*texts: str) -> Outcome:
    return Outcome(tuple(Text(t) for t in texts))


# -- the coachee chooses ---------------------------------------------------------------


def choose(ctx: Context, action: Action) -> Outcome:
    services, store = ctx.services, ctx.services.store
    request, coach_id = store.get_request(action.int_arg(0)), action.int_arg(1)
    if request is None or request.coachee_id != ctx.person.id:
        return refusal("Sorry, I can't find that request.")
    if request.state is not RequestState.SHORTLISTED:
        return refusal(GONE)
    if coach_id not in {e.coach_id for e in store.get_shortlist(request.id)}:
        return refusal(
            "That coach isn't on your current shortlist, so I've left things as they are."
        )
    coach = store.get_person(coach_id)
    if coach is None or coach.erased or coach_id in request.declined_coach_ids:
        return refusal("Sorry, that coach is no longer available. Please choose another.")
    slots = request_slots(services, request, coach)
    if not slots:
        return _say(
            f"Sorry, {coach.first_name} has no time left that matches yours. "
            "Please choose another coach, or say 'my requests' to change your times."
        )
    return ask_coach(services, request, coach, slots, coachee=ctx.person)


def ask_coach(
    services: Services,
    request: CoachingRequest,
    coach: Person,
    slots: list[TimeWindow],
    *,
    coachee: Person,
) -> Outcome:
    store, now = services.store, services.clock.now()
    programme = store.get_programme(request.programme_id)
    assert programme is not None
    due = answer_time(services, programme)
    deadline, moves_on = due.nudge_at, due.moves_on_at
    with store.transaction():
        was = request.state
        request = dataclasses.replace(
            request,
            state=RequestState.WAITING_COACH,
            chosen_coach_id=coach.id,
            asked_at=now,
            offered_slots=tuple(slots),
            updated_at=now,
        )
        store.update_request(request, expected=was)
        store.cancel_scheduled(keys.stage_prefix(request.id, SHORTLIST))  # chosen
        # At the deadline the coach is nudged once; a working day later the request moves on.
        store.schedule(
            OutboxMessage(
                key=keys.coach_deadline_key(request.id, coach.id, "nudge"),
                recipient_id=coach.id,
                kind=BookingKind.COACH_NUDGE,
                due_at=deadline,
                payload={"request_id": request.id, "moves_on_at": moves_on.isoformat()},
            )
        )
        store.schedule(
            OutboxMessage(
                key=keys.coach_deadline_key(request.id, coach.id, "expiry"),
                recipient_id=request.coachee_id,
                kind=BookingKind.COACH_RESPONSE_DEADLINE,
                due_at=moves_on,
                payload={"request_id": request.id, "coach_id": coach.id},
            )
        )
        store.audit(
            AuditEntry(
                now, coachee.id, "request.coach_asked", f"request:{request.id}", f"coach:{coach.id}"
            )
        )
    coachee_zone = zone_of(coachee, services.settings.pool_timezone)
    told = _say(
        f"Thank you. I've asked {coach.name} and offered them "
        f"{'a time' if len(slots) == 1 else f'{len(slots)} times'} when you're both free. "
        f"I'll message you as soon as they answer; if they haven't by "
        f"{local_date(moves_on, coachee_zone, now=now)}, I'll offer you the next coach."
    )
    return told + Outcome(
        outgoing=(Outgoing(coach.id, coach_offer(services, request, coach, slots)),)
    )


def coach_offer(
    services: Services, request: CoachingRequest, coach: Person, slots: list[TimeWindow]
) -> tuple[Reply, ...]:
    store = services.store
    coachee = store.get_person(request.coachee_id)
    programme = store.get_programme(request.programme_id)
    assert coachee is not None and programme is not None
    organisation = store.get_organisation(coachee.organisation_id)
    zone = zone_of(coach, services.settings.pool_timezone)
    facts = [
        Fact("Coachee", f"{coachee.name}, {organisation.name if organisation else ''}".strip(", ")),
        Fact(
            "Programme",
            f"{programme.name} (up to {programme.max_sessions} sessions of "
            f"{programme.session_minutes} minutes)",
        ),
        Fact("Coaching on", request.topic),
        Fact("Goal", request.goal),
        *((Fact("Where things are now", request.reality),) if request.reality else ()),
        Fact(
            "Meeting",
            request.format.label.capitalize()
            + (f" ({request.location})" if request.location else ""),
        ),
    ]
    if request.preferences:
        facts.append(Fact("Preferences", request.preferences))
    if request.asked_at is not None:
        # The moment the request moves on to another coach (the day the coachee was told).
        # With its time: a coach reading "by Monday" would answer on Monday afternoon,
        # after it had moved on at the hour it was asked.
        due = answer_time(services, programme, asked_at=request.asked_at)
        facts.append(
            Fact("Please answer by", local_time(due.moves_on_at, zone, now=services.clock.now()))
        )
    card = Card(f"{coachee.first_name} would like you as their coach", tuple(facts))
    options = (
        *(
            Choice(
                f"Accept {local_time(s.start, zone, now=services.clock.now())}",
                slot_value(BookingVerb.ACCEPT, request.id, s),
                style="primary",
            )
            for s in slots
        ),
        Choice("Propose other times", action_value(BookingVerb.PROPOSE, request.id)),
        Choice("Decline", action_value(BookingVerb.DECLINE, request.id), style="danger"),
    )
    return (card, Choices("Can you take this on? Pick a time to accept it.", options))


def none_suit(ctx: Context, action: Action) -> Outcome:
    store = ctx.services.store
    request = store.get_request(action.int_arg(0))
    if request is None or request.coachee_id != ctx.person.id:
        return refusal("Sorry, I can't find that request.")
    if request.state is not RequestState.SHORTLISTED:
        return refusal(GONE)
    passed = frozenset(e.coach_id for e in store.get_shortlist(request.id))
    request = dataclasses.replace(request, declined_coach_ids=request.declined_coach_ids | passed)
    store.update_request(request)
    return _say("No problem. Let me look for others.") + ctx.publish(RequestBackToChoosing(request))


# -- the coach answers -----------------------------------------------------------------


def _coach_request(services: Services, person: Person, action: Action) -> CoachingRequest | str:
    """The request this coach's button is about, while it waits on the coach or on the
    coachee's choice of the times they proposed (the coach may still change them)."""
    request = services.store.get_request(action.int_arg(0))
    if request is None:
        return "Sorry, I can't find that request."
    if request.chosen_coach_id != person.id or request.state not in AWAITING_ANSWER:
        return GONE
    return request


def accept(ctx: Context, action: Action) -> Outcome:
    request = _coach_request(ctx.services, ctx.person, action)
    if isinstance(request, str):
        # Asked after that read, not before it: on PostgreSQL another replica's booking may
        # land between two reads, and the one that finds the request moved on tells the truth.
        booked = _already_booked(ctx.services, action.int_arg(0), ctx.person)
        return booked or _say(request)
    if request.state is RequestState.WAITING_COACHEE:
        return refusal(
            "You've proposed other times, and it's now for the coachee to pick one of them. "
            "I'll confirm as soon as they do."
        )
    window = slot_from(action, 1, request.offered_slots)
    if window is None:
        return fresh_times(ctx.services, request.id, ctx.person, "That time is no longer on offer.")
    return book_first_session(ctx.bot, request, window, booked_by=ctx.person)


def pick(ctx: Context, action: Action) -> Outcome:
    """The coachee picks one of the times on offer (proposed by their coach, or fresh)."""
    store = ctx.services.store
    request = store.get_request(action.int_arg(0))
    if request is None or request.coachee_id != ctx.person.id:
        return refusal("Sorry, I can't find that request.")
    booked = _already_booked(ctx.services, request.id, ctx.person)
    if booked is not None:
        return booked
    if request.state not in AWAITING_ANSWER:
        return refusal(GONE)
    window = slot_from(action, 1, request.offered_slots)
    if window is None:
        return fresh_times(ctx.services, request.id, ctx.person, "That time is no longer on offer.")
    return book_first_session(ctx.bot, request, window, booked_by=ctx.person)


def book_first_session(
    bot: Door, request: CoachingRequest, window: TimeWindow, *, booked_by: Person
) -> Outcome:
    services = bot.services
    if not in_bookable_range(services, window):
        return fresh_times(services, request.id, booked_by, _out_of_range(services, window))
    store, now = services.store, services.clock.now()
    programme = store.get_programme(request.programme_id)
    coach = store.get_person(request.chosen_coach_id or 0)
    coachee = store.get_person(request.coachee_id)
    assert programme is not None and coach is not None and coachee is not None
    needs_sponsor = programme.sponsor_approval and coachee.manager_id is not None
    location, meeting_link = first_session_place(services, request, coach.id)
    try:
        with store.transaction():
            # First, under the request's row lock: of racing presses exactly one moves it on.
            store.update_request(
                dataclasses.replace(
                    request, state=RequestState.MATCHED, offered_slots=(), updated_at=now
                ),
                expected=request.state,
            )
            engagement = store.add_engagement(
                Engagement(
                    id=0,
                    request_id=request.id,
                    programme_id=programme.id,
                    coach_id=coach.id,
                    coachee_id=coachee.id,
                    sessions_allowed=programme.max_sessions,
                    started_at=now,
                    state=ENGAGEMENT.started(
                        EngagementState.AWAITING_SPONSOR
                        if needs_sponsor
                        else EngagementState.ACTIVE
                    ),
                    sponsor_id=coachee.manager_id if needs_sponsor else None,
                )
            )
            session = store.add_session(
                Session(
                    id=0,
                    engagement_id=engagement.id,
                    coach_id=coach.id,
                    coachee_id=coachee.id,
                    window=window,
                    state=SESSION.started(SessionState.PROPOSED),
                    kind=SessionKind.CHEMISTRY
                    if programme.chemistry_session
                    else SessionKind.COACHING,
                    location=location,
                    meeting_link=meeting_link,
                )
            )
            session = store.confirm_session(session.id)
            armed = bot.publish(SessionBooked(session))  # its reminders and feedback
            store.cancel_scheduled(keys.request_prefix(request.id))
            store.audit(
                AuditEntry(
                    now,
                    booked_by.id,
                    "session.confirmed",
                    f"session:{session.id}",
                    f"request:{request.id}",
                )
            )
    except SlotTaken:
        return fresh_times(services, request.id, booked_by, "Sorry, that time has just gone.")
    except StaleState:
        return _moved_on(services, request.id, booked_by)
    return booking_confirmations(services, session, engagement, actor=booked_by) + armed


def _already_booked(services: Services, request_id: int, actor: Person) -> Outcome | None:
    """The truth for a press that lost a race, or came after the booking: when it is booked."""
    store = services.store
    request = store.get_request(request_id)
    if request is None or request.state is not RequestState.MATCHED:
        return None
    if actor.id not in {request.coachee_id, request.chosen_coach_id}:
        return None
    engagement = next(
        (
            e
            for e in store.list_engagements(coachee_id=request.coachee_id)
            if e.request_id == request.id
        ),
        None,
    )
    sessions = (
        store.list_sessions(
            engagement_id=engagement.id,
            states=[SessionState.CONFIRMED, SessionState.HELD, SessionState.NO_SHOW],
        )
        if engagement
        else []
    )
    if not sessions:
        return refusal("This request is already booked, so I've left it as it is.")
    zone = zone_of(actor, services.settings.pool_timezone)
    when = local_time(sessions[0].window.start, zone, now=services.clock.now())
    return refusal(
        f"This request is already booked for {when} ({zone.key} time), so I've left it as it is."
    )


def _moved_on(services: Services, request_id: int, actor: Person) -> Outcome:
    return _already_booked(services, request_id, actor) or refusal(GONE)


def _out_of_range(services: Services, window: TimeWindow) -> str:
    if window.start <= services.clock.now():
        return "Sorry, that time has already passed."
    return "Sorry, that time is further ahead than I can book."


def fresh_times(services: Services, request_id: int, actor: Person, sorry: str) -> Outcome:
    """A press that could not book: the person who pressed gets the times still live, or
    fresh ones; with none at all, the coach is the one who can propose more."""
    store = services.store
    # Re-read: the press that took the time may have been for this very request.
    request = store.get_request(request_id)
    if request is None or request.state not in AWAITING_ANSWER:
        return _moved_on(services, request_id, actor)
    coach, coachee = (
        store.get_person(request.chosen_coach_id or 0),
        store.get_person(request.coachee_id),
    )
    assert coach is not None and coachee is not None
    try:
        request = refresh_offer(services, request, coach)
    except StaleState:
        return _moved_on(services, request_id, actor)
    none_left = " There's no other time in the next few weeks when you're both free"
    if actor.id == coach.id:
        more = (
            " Here are the times still free for you both."
            if request.offered_slots
            else none_left + ": press 'Propose other times' to suggest some."
        )
        return _say(sorry + more) + Outcome(
            coach_offer(services, request, coach, list(request.offered_slots))
        )
    if request.offered_slots:
        return Outcome(
            (
                Text(sorry),
                pick_choices(services, request, actor, "Here are times when you're both free:"),
            )
        )
    ask = (
        Text(
            f"None of the times on offer to {coachee.first_name} can be booked any more and "
            "your calendars share no other time in the next few weeks. Could you propose "
            "others?"
        ),
        *coach_offer(services, request, coach, []),
    )
    return _say(sorry + none_left + f", so I've asked {coach.first_name} to propose some.") + (
        Outcome(outgoing=(Outgoing(coach.id, ask),))
    )


def decline(ctx: Context, action: Action) -> Outcome:
    services, store, now = ctx.services, ctx.services.store, ctx.services.clock.now()
    request = _coach_request(services, ctx.person, action)
    if isinstance(request, str):
        return _say(request)
    coachee = store.get_person(request.coachee_id)
    assert coachee is not None
    was = request.state
    request = dataclasses.replace(
        request,
        state=RequestState.SHORTLISTED,
        chosen_coach_id=None,
        offered_slots=(),
        declined_coach_ids=request.declined_coach_ids | {ctx.person.id},
        updated_at=now,
    )
    with store.transaction():
        store.update_request(request, expected=was)
        store.cancel_scheduled(keys.request_prefix(request.id))
        store.audit(
            AuditEntry(now, ctx.person.id, "request.coach_declined", f"request:{request.id}")
        )
    for_coachee = Outcome(
        (
            Text(
                f"{ctx.person.name} isn't able to take this on just now, "
                "so I've looked again for you."
            ),
        )
    ) + ctx.publish(RequestBackToChoosing(request))
    thanks = ctx.start(BookingConversation.DECLINE_REASON, request_id=request.id)
    return thanks + Outcome(
        outgoing=(Outgoing(coachee.id, for_coachee.replies), *for_coachee.outgoing)
    )


def propose(ctx: Context, action: Action) -> Outcome:
    request = _coach_request(ctx.services, ctx.person, action)
    if isinstance(request, str):
        return _say(request)
    return ctx.start(BookingConversation.PROPOSE_TIMES, request_id=request.id)


ACTIONS: dict[BookingVerb, VerbHandler] = {
    BookingVerb.CHOOSE: choose,
    BookingVerb.NONE: none_suit,
    BookingVerb.ACCEPT: accept,
    BookingVerb.PICK: pick,
    BookingVerb.DECLINE: decline,
    BookingVerb.PROPOSE: propose,
}
