"""The answers to questions about the service. Each sentence says what the product does
(check the code before changing one); figures come from the pool's programmes, never
from memory."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.domain.coaches import Accreditation
from bot.domain.programmes import Programme
from bot.understanding.service_questions import ServiceQuestion


def answer(question: ServiceQuestion, programmes: Sequence[Programme], *, first_name: str) -> str:
    """The answer to `question`, from the pool's active programmes."""
    active = [p for p in programmes if p.active]
    if question is ServiceQuestion.THANKS:
        return f"You're welcome, {first_name}! Say 'help' whenever you'd like to see what I can do."
    if question is ServiceQuestion.HOW_LONG and not active:
        return "The pool has no programmes open at the moment; your pool coordinator can say more."
    return _ANSWERS[question](active)


def _names(programmes: Sequence[Programme]) -> str:
    names = [p.name for p in programmes]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _line_manager(programmes: Sequence[Programme]) -> str:
    sponsored = [p for p in programmes if p.sponsor_approval]
    if not sponsored:
        return (
            "Your line manager isn't told about your coaching: none of the pool's programmes "
            "asks for a sponsor's approval at the moment."
        )
    return (
        f"Your line manager isn't told about your coaching, except in {_names(sponsored)}, "
        "which asks for a sponsor's approval: there your line manager is asked to approve "
        "it, and sees only your name, the programme and how many sessions it allows, never "
        "your topic, your goal or anything from your sessions."
    )


def _who_sees(programmes: Sequence[Programme]) -> list[str]:
    return [
        "What you say in your sessions stays between you and your coach. I never record it; "
        "coaches note only themes from a fixed list (like 'managing change'), never what was "
        "said.",
        "Of the coaches, only the one you choose is shown what you wrote in your request "
        "(your topic, goal, where things are now and preferences), so they can prepare. If "
        "they can't take it on, the next coach you choose is shown it instead.",
        "The pool coordinators can see who has asked for coaching and when sessions are "
        "booked, so that they can run the pool. Their figures (counts, hours, ratings and "
        "themes) are added up across people and never come from fewer than 5 people, and "
        "your feedback comments are never shown to anyone with your name.",
        "Organisation leads see their own organisation's figures in the same way, and its "
        "requests waiting for a coach by reference number, never by name.",
    ]


def _confidential(programmes: Sequence[Programme]) -> str:
    bullets = (_line_manager(programmes), *_who_sees(programmes))
    return "\n".join(("Yes, coaching here is confidential.", *(f"• {b}" for b in bullets)))


def _who_can_see(programmes: Sequence[Programme]) -> str:
    """The same facts, led by the one most people ask about: the line manager."""
    return "\n".join(
        (
            _line_manager(programmes),
            "Coaching here is confidential:",
            *(f"• {b}" for b in _who_sees(programmes)),
        )
    )


def _how_it_works(programmes: Sequence[Programme]) -> str:
    chemistry = [p for p in programmes if p.chemistry_session]
    sponsored = [p for p in programmes if p.sponsor_approval]
    steps = [
        "You tell me what you'd like coaching on, in your own words. I ask only for what's "
        "missing (your goal, where things are now, when you're free) and check it all back "
        "with you.",
        "I find about three coaches who fit, each with the reasons I chose them, and you "
        "choose one.",
        "I ask your coach, offering up to three times when you're both free. They accept one, "
        "suggest other times or say they can't; if they don't answer in time, I offer you "
        "the next coach.",
        "When a time is confirmed, you both get the booking with a calendar invite, and "
        "reminders before each session."
        + (
            f" In {_names(chemistry)}, the first meeting is a chemistry session, to check you "
            "work well together."
            if chemistry
            else ""
        )
        + (
            f" In {_names(sponsored)}, your line manager is also asked to approve the coaching."
            if sponsored
            else ""
        ),
        "After a session I ask you for short feedback, and you book the next session with "
        "me (say 'sessions').",
    ]
    numbered = (f"{n}. {step}" for n, step in enumerate(steps, start=1))
    return "\n".join(
        ("Here's how it works:", *numbered, "Say 'coaching' whenever you'd like to start.")
    )


def _chemistry(programmes: Sequence[Programme]) -> str:
    chemistry = [p for p in programmes if p.chemistry_session]
    which = (
        f"{_names(chemistry)} {'starts' if len(chemistry) == 1 else 'start'} with one."
        if chemistry
        else "None of the pool's programmes starts with one at the moment."
    )
    return (
        "A chemistry session is a first conversation with your coach to check you work well "
        "together before the coaching starts. It doesn't use up one of your sessions. " + which
    )


def _cost(programmes: Sequence[Programme]) -> str:
    return (
        "Coaching is free at the point of access: nothing is charged to you. The pool is run "
        "by its member organisations, which share their trained coaches' time with one another."
    )


def _how_long(programmes: Sequence[Programme]) -> str:
    lines = [
        f"• {p.name}: up to {p.max_sessions} sessions of {p.session_minutes} minutes"
        + (", after a first chemistry session" if p.chemistry_session else "")
        + "."
        for p in programmes
    ]
    days = sorted({p.response_deadline_working_days for p in programmes})
    answer_time = (
        f"{days[0]} working {'day' if days[0] == 1 else 'days'}"
        if len(days) == 1
        else f"{days[0]} to {days[-1]} working days, depending on the programme,"
    )
    return "\n".join(
        (
            "How much coaching you get depends on the programme:",
            *lines,
            "When you confirm your request, I show you a shortlist straight away if coaches "
            f"are free at your times. Once you choose, your coach has {answer_time} to answer; "
            "if they still haven't a working day after that, I offer you the next coach.",
        )
    )


def _coaches(programmes: Sequence[Programme]) -> str:
    lines = ["The coaches are trained coaches from the pool's member organisations."]
    for level in (Accreditation.ILM7, Accreditation.ILM5):
        needing = [p for p in programmes if p.required_accreditation is level]
        if needing:
            lines.append(
                f"In {_names(needing)}, every coach holds at least {level.label} accreditation."
            )
    same = [p for p in programmes if p.same_organisation_allowed]
    lines.append(
        "Your coach is from another organisation"
        + (f" (except in {_names(same)}, where they may come from your own)" if same else "")
        + ", and never your line manager or someone you manage. Each coach on your shortlist "
        "comes with the reasons they were chosen, and you choose."
    )
    return " ".join(lines)


def _stop(programmes: Sequence[Programme]) -> str:
    return "\n".join(
        (
            "You can stop at any time, and you don't need to give a reason:",
            "• in the middle of any question, say 'cancel';",
            "• say 'my requests' to withdraw a request;",
            "• say 'sessions' to cancel a session or end your coaching.",
            "If you're unhappy with anything or would like to complain, please contact your "
            "pool coordinator. They can also give you a copy of what the pool holds about you, "
            "or erase it; the hours of coaching you took part in stay in the pool's figures "
            "without your name.",
        )
    )


_ANSWERS: dict[ServiceQuestion, Callable[[Sequence[Programme]], str]] = {
    ServiceQuestion.CONFIDENTIAL: _confidential,
    ServiceQuestion.WHO_SEES: _who_can_see,
    ServiceQuestion.HOW_IT_WORKS: _how_it_works,
    ServiceQuestion.CHEMISTRY: _chemistry,
    ServiceQuestion.COST: _cost,
    ServiceQuestion.HOW_LONG: _how_long,
    ServiceQuestion.COACHES: _coaches,
    ServiceQuestion.STOP: _stop,
}
