"""Why a coach is on the shortlist, in 2-4 short sentences a coachee can read.

One sentence per scoring component that speaks for this coach, most telling first, the first
four kept: what they specialise in (when it matches), when they are free (always), the
accreditation the programme requires, that their organisation owes the pool hours, that they
have room (under half their capacity used), how they meet (always), any other accreditation.
No scores and no jargon: each sentence is a fact the coachee can check.
"""

from __future__ import annotations

from bot.domain.coaches import Accreditation, Format
from bot.domain.people import Organisation
from bot.matching.index import IndexedCoach
from bot.matching.places import places_match
from bot.matching.query import Query
from bot.matching.scoring import Components
from bot.matching.topics import THEMES_BY_KEY
from bot.matching.wording import plural, sentence_case, span

MAX_REASONS = 4
OWING_HOURS = -1.0  # at or below this balance an organisation owes the pool hours
ROOMY_LOAD = 0.5  # at or above this load component a coach "has capacity"


def reasons_for(
    coach: IndexedCoach,
    *,
    components: Components,
    days_free: int,
    query: Query,
    informative_words: frozenset[str],
) -> tuple[str, ...]:
    candidate = coach.candidate
    accreditation = candidate.profile.accreditation
    accredited = f"{accreditation.label} accredited"
    required = query.context.programme.required_accreditation is not Accreditation.NONE
    options = (
        _topic(coach, query, informative_words) if components.topic > 0 else "",
        _time(days_free, query),
        accredited if required else "",
        _balance(candidate.organisation)
        if candidate.organisation_balance_hours <= OWING_HOURS
        else "",
        _capacity(coach) if components.load >= ROOMY_LOAD else "",
        _format(coach, query),
        accredited if not required and accreditation is not Accreditation.NONE else "",
    )
    return tuple(option for option in options if option)[:MAX_REASONS]


def _topic(coach: IndexedCoach, query: Query, informative_words: frozenset[str]) -> str:
    wanted = query.themes.keys()
    matched = [
        sentence_case(s.text.strip())
        for s in coach.specialisms
        if s.themes & wanted or s.words & informative_words
    ]
    if matched:
        return "Specialises in " + ", and in ".join(matched[:2])
    in_bio = sorted(coach.bio_themes & wanted, key=lambda key: (-query.themes[key], key))
    if in_bio:
        return f"Their profile mentions {THEMES_BY_KEY[in_bio[0]].label}"
    return ""


def _time(days_free: int, query: Query) -> str:
    context = query.context
    if not context.request.windows:
        return f"Free on {plural(days_free, 'day')} in the next {span(context.horizon_days)}"
    total = len(query.days)
    if total == 1:
        return "Free at the time you gave"
    noun = query.part_of_day
    if noun == "days":
        if days_free == total:
            return f"Free on all {total} days you gave"
        return f"Free on {days_free} of the {total} days you gave"
    if days_free == total:
        return f"Free on all {total} of your preferred {noun}"
    return f"Free on {days_free} of your {total} preferred {noun}"


def _format(coach: IndexedCoach, query: Query) -> str:
    profile = coach.candidate.profile
    if query.wants is Format.ONLINE or (coach.online and not coach.in_person):
        return "Offers online sessions"
    if query.wants is Format.EITHER and coach.online:
        return "Offers online and in-person sessions"
    if places_match(query.place, coach.places):
        return f"Meets in person in {query.context.request.location.strip()}"
    if profile.locations:
        return f"Meets in person in {', '.join(profile.locations)}"
    return "Offers in-person sessions"


def _capacity(coach: IndexedCoach) -> str:
    active = coach.candidate.active_coachees
    places = plural(coach.candidate.profile.max_coachees, "coaching place")
    return f"Has capacity: {active} of {places} in use"


def _balance(organisation: Organisation) -> str:
    name = organisation.name.strip()
    if name.lower().endswith(" council"):
        return f"Their council, {name[: -len(' council')]}, has given fewer hours than it received"
    kind = "council" if "council" in name.lower() else "organisation"
    return f"Their {kind}, {name}, has given fewer hours than it received"
