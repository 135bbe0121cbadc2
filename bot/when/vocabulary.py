"""The words coachees use for days and times, in UK English.

Everything here is data, so that the grammar stays small and a new spelling is a one-line change.
Clock times are minutes after local midnight in the person's own zone.
"""

from __future__ import annotations

from typing import Final

WEEKDAY_NAMES: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
MONTH_NAMES: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

MONDAY_TO_FRIDAY: Final = (0, 1, 2, 3, 4)
WEEKEND: Final = (5, 6)

# Singular spellings; the plural of a full name ("Tuesdays") means "every Tuesday".
WEEKDAY_WORDS: Final[dict[str, int]] = {
    "monday": 0, "mon": 0,
    "tuesday": 1, "tues": 1, "tue": 1,
    "wednesday": 2, "weds": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thur": 3, "thu": 3,
    "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
WEEKDAY_PLURALS: Final[dict[str, int]] = {
    name.lower() + "s": index for index, name in enumerate(WEEKDAY_NAMES)
}
# "sat" and "sun" are ordinary words too ("we sat down"); they count only when written "Sat"/"Sun".
CAPITALISED_ONLY: Final = frozenset({"sat", "sun"})

MONTH_WORDS: Final[dict[str, int]] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
# A month on its own is only a month when it can't be an ordinary word ("I may be free").
STANDALONE_MONTH_EXCLUDED: Final = frozenset({"may", "mar"})
MONTH_PATTERN: Final = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)

WORKING_DAY: Final = (9 * 60, 17 * 60)

# Parts of the day, as (start, end) minutes. "any time" and "all day" are the working day.
PARTS_OF_DAY: Final[dict[str, tuple[int, int]]] = {
    "first thing": (9 * 60, 10 * 60),
    "morning": (9 * 60, 12 * 60),
    "lunchtime": (12 * 60, 14 * 60),
    "afternoon": (13 * 60, 17 * 60),
    "end of the day": (16 * 60, 18 * 60),
    "evening": (17 * 60, 19 * 60),
    "any time": WORKING_DAY,
    # Landmarks of the working day, as UK staff use them.
    "before lunch": (9 * 60, 12 * 60),
    "after lunch": (13 * 60, 17 * 60),
    "early afternoon": (13 * 60, 15 * 60),
    "late afternoon": (15 * 60, 17 * 60),
    "after work": (17 * 60, 19 * 60),
}
# When a part of the day only says which reading of a time is meant ("7 in the morning",
# "evening at 7"), it stands for this wider stretch of the clock.
PART_CONTEXTS: Final[dict[str, tuple[int, int]]] = {
    "first thing": (5 * 60, 10 * 60),
    "morning": (5 * 60, 12 * 60),
    "lunchtime": (11 * 60, 15 * 60),
    "afternoon": (12 * 60, 18 * 60),
    "end of the day": (15 * 60, 20 * 60),
    "evening": (17 * 60, 24 * 60),
    "any time": (0, 24 * 60),
    "before lunch": (5 * 60, 13 * 60),
    "after lunch": (12 * 60, 18 * 60),
    "early afternoon": (12 * 60, 16 * 60),
    "late afternoon": (14 * 60, 18 * 60),
    "after work": (16 * 60, 24 * 60),
}
PART_WORDS: Final[dict[str, tuple[str, bool]]] = {
    "morning": ("morning", False), "mornings": ("morning", True),
    "lunchtime": ("lunchtime", False), "lunchtimes": ("lunchtime", True),
    "lunch": ("lunchtime", False),
    "afternoon": ("afternoon", False), "afternoons": ("afternoon", True),
    "evening": ("evening", False), "evenings": ("evening", True),
    "night": ("evening", False), "anytime": ("any time", False),
}  # fmt: skip

RELATIVE_DAYS: Final[dict[str, int]] = {
    "today": 0, "tomorrow": 1, "tmrw": 1, "tmr": 1, "tomorow": 1, "yesterday": -1,
}  # fmt: skip

NUMBER_WORDS: Final[dict[str, int]] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

MODIFIERS: Final = frozenset(
    {"next", "this", "last", "every", "each", "any", "coming", "following"}
)
UNITS: Final = frozenset(
    {"day", "days", "week", "weeks", "fortnight", "weekend", "weekends", "weekday", "weekdays"}
)
LIST_WORDS: Final = frozenset({"or", "and", "plus"})
RANGE_WORDS: Final = frozenset({"to", "until", "till", "til", "through", "thru"})
PREPOSITIONS: Final = frozenset(
    {"at", "from", "between", "after", "before", "by", "around", "about", "on", "in", "of", "the"}
)
# Words that may sit inside a phrase without ending it ("Tuesday or maybe Thursday afternoon").
FILLERS: Final = frozenset(
    {
        "maybe",
        "perhaps",
        "either",
        "also",
        "ideally",
        "preferably",
        "possibly",
        "a",
        "an",
        "time",
        "most",
        "usually",
        "generally",
        "normally",
    }
)
# Negations that apply to the day or time right after them ("except Friday", "not mornings").
PREFIX_NEGATIONS: Final = frozenset(
    {"not", "except", "excluding", "apart from", "other than", "busy", "unavailable", "away"}
)
# A "can't" needs a verb before its object: "can't do Monday".
NEGATED_VERBS: Final = frozenset({"can't", "cannot", "cant", "couldn't", "won't", "wont"})
NEGATION_OBJECT_VERBS: Final = frozenset({"do", "make", "manage", "attend"})
# Any other negation we can't pin to a day or time makes the bot ask rather than guess.
NEGATION_CUES: Final = frozenset(
    {"don't", "dont", "doesn't", "doesnt", "isn't", "isnt", "aren't", "arent", "unable"}
)
# Nouns that show a number is a count, not a time ("2 sessions", "team of 5").
COUNT_NOUNS: Final = frozenset(
    {
        "session", "sessions", "people", "person", "hour", "hours", "hr", "hrs", "min", "mins",
        "minute", "minutes", "month", "months", "year", "years", "coachee", "coachees",
        "coach", "coaches", "member", "members", "staff", "site", "sites", "team", "teams",
        "times", "x", "level", "levels",
    }
)  # fmt: skip

# Things people are busy with: a day or time said right after one is when they are NOT free
# ("I have to lead a board next week", "I'm chairing a panel on Thursday", "on leave until
# the 14th"), so it is read as a negation.
EVENT_NOUNS: Final = frozenset(
    {
        "board", "boards", "panel", "panels", "meeting", "meetings", "briefing", "briefings",
        "interview", "interviews", "inspection", "deadline", "deadlines", "appointment",
        "appointments", "leave", "holiday", "holidays", "training", "conference", "committee",
        "hearing", "exam", "exams", "audit", "setting", "court", "off", "cabinet",
        "presentation", "scrutiny",
    }
)  # fmt: skip
# Words about time that the grammar may fail to place ("Weds pm" before "pm" was known,
# "early next week"). If one is left unread, the bot asks instead of answering without it.
TIMEISH_WORDS: Final = frozenset(
    {
        "pm", "early", "late", "midweek", "half", "quarter", "past", "fortnightly", "lunch",
        "noon", "weekly", "oclock", "o'clock", "ish", "sometime", "end", "start", "beginning",
        "middle", "mid", "later", "earlier", "dinner", "breakfast",
    }
)  # fmt: skip
# Words that are never a misspelt weekday, however close ("sunday" is handled elsewhere).
KNOWN_WORDS: Final = frozenset({"someday", "monday", "mondays", "fridays", "friday", "today"})
