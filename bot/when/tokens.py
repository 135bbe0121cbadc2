"""Cutting a message into tokens: numbers, clock times, dates, and the words vocabulary knows.

One regular expression, tried left to right; at each position the first alternative that matches
wins, so longer and more specific shapes ("3/12/2026", "2.30pm", "day after tomorrow") are listed
before the pieces they are made of. Words the vocabulary doesn't know become ``word`` tokens: the
grammar treats them as the edges of phrases and otherwise ignores them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Final

from rapidfuzz.distance import DamerauLevenshtein

from bot.when import vocabulary as v


@dataclass(frozen=True)
class Token:
    """One piece of the message. Which fields matter depends on ``kind``."""

    kind: str
    text: str
    n: int = 0  # weekday index, number, hour, month or day offset
    m: int = 0  # minutes of a clock time
    key: str = ""  # normalised word, part-of-day name or "am"/"pm"
    plural: bool = False
    year: bool = False  # a date written with its year
    texts: tuple[str, ...] = ()  # the two ends of a date range
    at: int = 0  # where it starts in the text


_ORD = r"(?:st|nd|rd|th)"
_HOUR_WORDS = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
# "half past two", "quarter to 3", "twenty past 10", and the UK "half 2" (half past two).
_WORD_CLOCK = (
    r"\b(?:(?P<wq>quarter|half|twenty[- ]five|twenty|ten|five)\s+(?P<wr>past|to|after)\s+"
    rf"|(?P<wu>half)\s+)(?P<wh>\d{{1,2}}|{_HOUR_WORDS})\b(?![:.]\d)"
)
_M = v.MONTH_PATTERN
_END = r"(?![a-z0-9])"

# (kind, pattern). Inner group names are unique because they share one compiled expression.
_PATTERNS: Final[tuple[tuple[str, str], ...]] = (
    # Phrases that look like time but aren't, and greetings ("Morning! Could I ...").
    (
        "skip",
        r"\bgood\s+(?:morning|afternoon|evening)\b|\bnot\s+(?:sure|fussy|a\s+problem)\b"
        r"|\bno\s+(?:problem|worries)\b|\bdo(?:n'?t|\s+not)\s+mind\b|\bdoesn'?t\s+matter\b"
        r"|\b24\s*/\s*7\b|\b24x7\b|^\s*(?:morning|afternoon|evening)\s*[!,.]",
    ),
    (
        "daterange",
        rf"\b(?P<dr1>\d{{1,2}}){_ORD}?\s*(?:-|to|until|till)\s*(?P<dr2>\d{{1,2}}){_ORD}?"
        rf"\s+(?:of\s+)?(?P<drm>{_M})(?:,?\s+(?P<dry>\d{{4}}))?{_END}",
    ),
    ("dateyear", r"\b\d{4}-\d{1,2}-\d{1,2}\b"),
    ("dateyear", r"\b\d{1,2}(?:/\d{1,2}/|\.\d{1,2}\.)(?:\d{4}|\d{2})\b|\b\d{1,2}-\d{1,2}-\d{4}\b"),
    ("date", r"\b\d{1,2}/\d{1,2}\b(?!/)"),
    ("date", rf"\b\d{{1,2}}{_ORD}?(?:\s+of)?\s+{_M}(?:,?\s+(?P<y1>\d{{4}}))?{_END}"),
    ("date", rf"\b{_M}\s+(?:the\s+)?\d{{1,2}}{_ORD}?(?:,?\s+(?P<y2>\d{{4}}))?(?![a-z0-9:.])"),
    ("time", r"\b(?P<th>\d{1,2})(?:[:.](?P<tm>\d{2}))?\s*(?P<ap>[ap])\.?m\b\.?"),
    ("wordclock", _WORD_CLOCK),
    ("wordoclock", rf"\b(?P<ow>{_HOUR_WORDS})\s*o'?clock\b"),
    # "Weds pm", "Thurs a.m.": am and pm on their own are parts of the day.
    ("meridiem", r"\b(?P<mp>[ap])\.m\.?(?![a-z])|\b(?P<mw>[ap]m)\b"),
    (
        "landmark",
        r"\b(?:after|before)\s+lunch(?:\s*time)?\b|\bafter\s+work\b"
        r"|\b(?:early|late)\s+afternoons?\b",
    ),
    ("weekon", r"\ba\s+week\s+(?:on|from)\b"),
    (
        "freq",
        r"\bfortnightly\b|\bevery\s+(?:other|second|alternate)\b|\balternate\b"
        r"|\bevery\s+(?:two\s+weeks|fortnight)\b",
    ),
    ("noon", r"\b(?:12\s*)?(?:noon|midday|mid-day)\b"),
    ("clock", r"\b(?P<ch>\d{1,2}):(?P<cm>\d{2})\b"),
    ("dotclock", r"\b(?P<dh>\d{1,2})\.(?P<dmin>\d{2})\b"),
    ("ordinal", rf"\b(?P<od>\d{{1,2}}){_ORD}\b"),
    ("num", r"\b(?P<num>\d{1,4})(?:(?P<oc>\s*o'?clock|ish)\b|\b)"),
    ("rel2", r"\b(?:the\s+)?day\s+after\s+tomorrow\b"),
    ("week2", r"\b(?:the\s+)?week\s+after\s+next\b|\bthe\s+week\s+after\b"),
    ("week1", r"\bnext\s+week\b|\b(?:the\s+)?following\s+week\b"),
    ("week0", r"\bthis\s+week\b"),
    ("weekpast", r"\blast\s+week\b"),
    ("wc", r"\bw/[cb]\b|\bweek\s+(?:commencing|beginning|starting)\b|\b(?:the\s+)?week\s+of\b"),
    ("endofday", r"\bend\s+of\s+(?:the\s+)?(?:day|play)\b"),
    ("firstthing", r"\bfirst\s+thing(?:\s+in\s+the\s+morning)?\b"),
    ("lunchtime", r"\blunch\s*time\b"),
    ("anytime", r"\bany\s*time\b|\ball\s+day\b"),
    ("negphrase", r"\bapart\s+from\b|\bother\s+than\b|\bbut\s+not\b"),
    ("word", r"[a-z]+(?:'[a-z]+)?"),
    ("dash", r"-"),
    ("joint", r"[,/&+]"),
    ("stop", r"[.!?;:]+|\n"),
)

_MASTER: Final = re.compile(
    "|".join(f"(?P<K{i}>{pattern})" for i, (_, pattern) in enumerate(_PATTERNS)),
    re.IGNORECASE,
)
_NORMALISE: Final = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-", "‑": "-", "\xa0": " "})

_PART_PHRASES: Final = {
    "endofday": "end of the day",
    "firstthing": "first thing",
    "lunchtime": "lunchtime",
    "anytime": "any time",
}
_WEEK_PHRASES: Final = {"week0": 0, "week1": 1, "week2": 2, "weekpast": -1}


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text``, in order; characters that fit no pattern are dropped."""
    tokens: list[Token] = []
    for match in _MASTER.finditer(text.translate(_NORMALISE)):
        kind = _PATTERNS[int(str(match.lastgroup)[1:])][0]
        tokens.extend(replace(token, at=match.start()) for token in _make(kind, match))
    return [_meridiem(token, tokens[i - 1] if i else None) for i, token in enumerate(tokens)]


_DAY_KINDS: Final = frozenset({"weekday", "rel", "date", "ordinal", "weekref"})


def _meridiem(token: Token, previous: Token | None) -> Token:
    """ "pm" is the afternoon; "am" is the morning after a day ("Thurs am") or when written
    "a.m." or "AM", and otherwise the verb ("I am free")."""
    if token.kind != "meridiem":
        return token
    if token.key == "p":
        return Token("part", token.text, key="afternoon", at=token.at)
    dotted_or_upper = "." in token.text or token.text.isupper()
    if dotted_or_upper or (previous is not None and previous.kind in _DAY_KINDS):
        return Token("part", token.text, key="morning", at=token.at)
    return Token("word", token.text, key=token.text.lower(), at=token.at)


def _make(kind: str, match: re.Match[str]) -> list[Token]:
    text = match.group()
    if kind == "skip":
        return []
    if kind == "word":
        return _word(text)
    if kind in _PART_PHRASES:
        return [Token("part", text, key=_PART_PHRASES[kind])]
    if kind in _WEEK_PHRASES:
        return [Token("weekref", text, n=_WEEK_PHRASES[kind])]
    if kind == "rel2":
        return [Token("rel", text, n=2)]
    if kind == "landmark":  # "after lunchtime", "late afternoons"
        words = text.lower().replace("time", "").split()
        plural = words[-1].endswith("s")
        key = " ".join(words).removesuffix("s")
        return [Token("part", text, key=key, plural=plural)]
    if kind == "meridiem":
        return [Token("meridiem", text, key=(match.group("mp") or match.group("mw"))[0].lower())]
    if kind in {"weekon", "freq"}:
        return [Token(kind, text, key=text.lower())]
    if kind == "negphrase":
        return [Token("neg", text, key=text.lower())]
    if kind in {"date", "dateyear"}:
        has_year = kind == "dateyear" or bool(match.group("y1") or match.group("y2"))
        return [Token("date", text, key=_date_text(text), year=has_year)]
    if kind in _NUMERIC:
        return [_NUMERIC[kind](text, match)]
    return [Token(kind, text, key=text.lower())]  # dash, joint, stop


def _date_text(text: str) -> str:
    """What dateparser is given: the date as written, without the words it stumbles on."""
    return re.sub(r"\s+", " ", re.sub(r"\b(?:the|of)\b|,", " ", text.lower())).strip()


def _daterange(text: str, match: re.Match[str]) -> Token:
    month, year = match.group("drm"), match.group("dry") or ""
    ends = tuple(f"{match.group(g)} {month} {year}".strip().lower() for g in ("dr1", "dr2"))
    return Token("daterange", text, year=bool(year), texts=ends)


def _time(text: str, match: re.Match[str]) -> Token:
    hour, minute = int(match.group("th")), int(match.group("tm") or 0)
    return Token("time", text, n=hour, m=minute, key=match.group("ap").lower() + "m")


def _clock(text: str, match: re.Match[str]) -> Token:
    # "09:30" and "14:30" are 24-hour times; "2:30" follows the bare-hour rule.
    literal = text.startswith("0") or int(match.group("ch")) >= 13
    hour, minute = int(match.group("ch")), int(match.group("cm"))
    return Token("clock", text, n=hour, m=minute, key="24h" if literal else "")


def _dotclock(text: str, match: re.Match[str]) -> Token:
    return Token("dotclock", text, n=int(match.group("dh")), m=int(match.group("dmin")))


def _ordinal(text: str, match: re.Match[str]) -> Token:
    return Token("ordinal", text, n=int(match.group("od")))


def _num(text: str, match: re.Match[str]) -> Token:
    # "o'clock" and "2ish" make a number a time whatever surrounds it.
    return Token("num", text, n=int(match.group("num")), key="oclock" if match.group("oc") else "")


def _word_clock(text: str, match: re.Match[str]) -> Token:
    said = match.group("wh").lower()
    hour = int(said) if said.isdigit() else v.NUMBER_WORDS[said]
    if match.group("wu"):  # "half 2"
        return Token("clock", text, n=hour, m=30)
    minutes = _WORD_MINUTES[match.group("wq").lower().replace("-", " ")]
    if match.group("wr").lower() == "to":
        hour, minutes = (hour - 1) or 12, 60 - minutes
    return Token("clock", text, n=hour, m=minutes)


_WORD_MINUTES: Final = {
    "quarter": 15, "half": 30, "twenty five": 25, "twenty": 20, "ten": 10, "five": 5,
}  # fmt: skip


def _word_oclock(text: str, match: re.Match[str]) -> Token:
    return Token("num", text, n=v.NUMBER_WORDS[match.group("ow").lower()], key="oclock")


def _noon(text: str, match: re.Match[str]) -> Token:
    return Token("time", text, n=12, key="pm")


_NUMERIC: Final = {
    "daterange": _daterange,
    "time": _time,
    "clock": _clock,
    "dotclock": _dotclock,
    "ordinal": _ordinal,
    "num": _num,
    "noon": _noon,
    "wordclock": _word_clock,
    "wordoclock": _word_oclock,
}


def _word(text: str) -> list[Token]:
    word = text.lower()
    if word == "tonight":
        return [Token("rel", text, n=0), Token("part", text, key="evening")]
    if word in v.WEEKDAY_WORDS and (word not in v.CAPITALISED_ONLY or text[0].isupper()):
        return [Token("weekday", text, n=v.WEEKDAY_WORDS[word])]
    if word in v.WEEKDAY_PLURALS:
        return [Token("weekday", text, n=v.WEEKDAY_PLURALS[word], plural=True)]
    if word in v.PART_WORDS:
        name, plural = v.PART_WORDS[word]
        return [Token("part", text, key=name, plural=plural)]
    typo = _misspelt_weekday(word)
    if typo is not None:
        return [Token("weekday", text, n=typo)]
    return [_plain_word(text, word)]


def _misspelt_weekday(word: str) -> int | None:
    """ "wendesday", "thrusday", "tuseday": a weekday name one slip away (two, for long words),
    starting with the same letter so that ordinary words ("fridge") stay words."""
    # Five letters only when it still ends in "day" ("frday"), so "fried" stays a word.
    if len(word) < 5 or (len(word) == 5 and not word.endswith("day")) or word in v.KNOWN_WORDS:
        return None
    limit = 1 if len(word) <= 7 else 2
    for index, name in enumerate(v.WEEKDAY_NAMES):
        lower = name.lower()
        if word[0] == lower[0] and DamerauLevenshtein.distance(word, lower) <= limit:
            return index
    return None


def _plain_word(text: str, word: str) -> Token:
    if word in v.RELATIVE_DAYS:
        return Token("rel", text, n=v.RELATIVE_DAYS[word], key=word)
    if word in v.NUMBER_WORDS:
        return Token("numword", text, n=v.NUMBER_WORDS[word], key=word)
    if word in v.MONTH_WORDS and word not in v.STANDALONE_MONTH_EXCLUDED:
        return Token("month", text, n=v.MONTH_WORDS[word], key=word)
    for kind, words in _WORD_KINDS:
        if word in words:
            return Token(kind, text, key=word)
    return Token("word", text, key=word)


_WORD_KINDS: Final[tuple[tuple[str, frozenset[str]], ...]] = (
    ("mod", v.MODIFIERS),
    ("unit", v.UNITS),
    ("joint", v.LIST_WORDS),
    ("to", v.RANGE_WORDS),
    ("prep", v.PREPOSITIONS),
    ("filler", v.FILLERS),
    ("neg", v.PREFIX_NEGATIONS),
    ("negverb", v.NEGATED_VERBS),
    ("negcue", v.NEGATION_CUES),
    ("but", frozenset({"but", "however", "although", "though"})),
)
