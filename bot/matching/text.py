"""Words for topic matching: lower-case tokens, stop words dropped, light stems.

Deliberately small (no NLP library in the core): enough for "restructure"/"restructuring",
"leader"/"leadership"/"leading", "stress"/"stressed"/"stressful" to meet.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+")
_APOSTROPHES = re.compile(r"['\u2019]")

# Common English function words plus the filler of coaching requests ("I would like some
# help with..."), which would otherwise match every coach's bio.
_STOP_TEXT = """
    a about above after again against all also am an and any are as at be because been before
    below between both but by can cant could did do does doing dont down during each few for
    from further get gets getting got had has have having he her here hers herself him himself
    his how i id im ive if in into is it its itself just me more most much my myself no nor not
    now of off on once only or other our ours ourselves out over own same she should so some
    such than that the their theirs them themselves then there these they this those through to
    too under until up very was we were what when where which while who whom why will with
    wont would you your yours yourself yourselves
    able bit coach coached coachee coaches coaching feel feeling feels felt help helping helps
    like looking lot lots make making may might must need needed needs quite really session
    sessions someone something support supporting thing things think thinking try trying want
    wanted wanting way ways
"""
STOP_WORDS: frozenset[str] = frozenset(_STOP_TEXT.split())

# Irregular forms the suffix rules would get wrong or not join.
_EXCEPTIONS: dict[str, str] = {
    "career": "career",
    "careers": "career",
    "lead": "lead",
    "leads": "lead",
    "led": "lead",
    "leader": "lead",
    "leaders": "lead",
    "leadership": "lead",
    "leading": "lead",
    "news": "news",
}

# Longest first within a family; the first that leaves a stem of 3+ letters is removed.
_SUFFIXES: tuple[str, ...] = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ships",
    "ship",
    "ings",
    "ing",
    "ness",
    "ful",
    "ions",
    "ion",
    "ies",
    "ied",
    "ers",
    "er",
    "ly",
    "ed",
    "es",
    "s",
)
_KEEP_S_AFTER = frozenset("siu")  # stress, crisis, focus: the final s is not a plural
_NO_UNDOUBLE = frozenset("lszaeiou")  # fill, miss, buzz and vowels stay doubled


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem of one lower-case word: suffix off, final e off, British spelling."""
    if word in _EXCEPTIONS:
        return _EXCEPTIONS[word]
    word = word.replace("iz", "is").replace("yz", "ys")  # organize -> organise
    if len(word) <= 3:
        return word
    for suffix in _SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < 3:
            continue
        if suffix == "s" and word[-2] in _KEEP_S_AFTER:
            break
        word = word[: -len(suffix)]
        if suffix in {"ies", "ied"}:
            word += "y"
        elif suffix in {"ing", "ings", "ed"} and _doubled(word):
            word = word[:-1]  # planning -> plan
        break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def _doubled(word: str) -> bool:
    return len(word) > 3 and word[-1] == word[-2] and word[-1] not in _NO_UNDOUBLE


def stems(text: str) -> tuple[str, ...]:
    """The stems of the content words of `text`, in order (order matters for phrases)."""
    words = _WORD.findall(_APOSTROPHES.sub("", text.lower()))
    return tuple(stem(word) for word in words if word not in STOP_WORDS)
