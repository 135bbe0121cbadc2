"""Themes of public-sector coaching, and finding them in free text.

A theme is a small set of phrases that mean the same thing to a coachee and a coach:
"restructure", "transformation" and "managing change" are one theme. Phrases are matched on
stems with stop words dropped (see `text.stems`), so "leading a team" also finds "leading my
team". Themes may overlap: "newly promoted" is listed under both career progression and new manager.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from bot.matching.text import stems


@dataclass(frozen=True)
class Theme:
    key: str
    label: str  # how a reason names it: "Their profile mentions {label}"
    phrases: tuple[str, ...]


THEMES: tuple[Theme, ...] = (
    Theme(
        "change",
        "managing change and restructures",
        (
            "change",
            "managing change",
            "change management",
            "restructure",
            "restructuring",
            "reorganisation",
            "reorg",
            "transformation",
            "transforming",
            "merger",
            "service redesign",
            "redesign",
            "redundancy",
            "redundancies",
            "uncertainty",
            "new operating model",
        ),
    ),
    Theme(
        "confidence",
        "confidence and self-belief",
        (
            "confidence",
            "confident",
            "imposter",
            "impostor",
            "self belief",
            "self doubt",
            "doubt",
            "self esteem",
            "assertive",
            "assertiveness",
        ),
    ),
    Theme(
        "resilience",
        "resilience and wellbeing",
        (
            "resilience",
            "resilient",
            "wellbeing",
            "well being",
            "stress",
            "burnout",
            "burn out",
            "overwhelm",
            "overwhelmed",
            "pressure",
            "anxiety",
            "anxious",
            "mental health",
            "coping",
            "exhausted",
            "exhaustion",
            "drowning",
            "workload",
        ),
    ),
    Theme(
        "work_life",
        "work-life balance",
        (
            "work life balance",
            "work life",
            "balance",
            "boundaries",
            "juggling",
            "caring responsibilities",
            "flexible working",
            "long hours",
            "switch off",
        ),
    ),
    Theme(
        "career",
        "career progression",
        (
            "career",
            "career development",
            "progression",
            "promotion",
            "promoted",
            "newly promoted",
            "next step",
            "next role",
            "aspiration",
            "aspirations",
            "ambition",
            "interview",
            "job application",
            "secondment",
        ),
    ),
    Theme(
        "conflict",
        "difficult conversations and conflict",
        (
            "conflict",
            "difficult conversation",
            "challenging conversation",
            "hard conversation",
            "tension",
            "disagreement",
            "dispute",
            "grievance",
            "difficult colleague",
            "colleague",
            "colleagues",
            "difficult relationship",
            "relationships at work",
            "working relationships",
            "confrontation",
            "challenging behaviour",
            "push back",
            "saying no",
        ),
    ),
    Theme(
        "new_manager",
        "stepping up to manage a team",
        (
            "new manager",
            "first time manager",
            "new to management",
            "new to managing",
            "newly promoted",
            "leading a team",
            "lead a team",
            "team leader",
            "managing a team",
            "manage a team",
            "managing people",
            "people management",
            "managing former peers",
            "managing peers",
            "first management role",
            "delegation",
            "delegating",
        ),
    ),
    Theme(
        "leadership",
        "leadership",
        (
            "leadership",
            "leader",
            "leading",
            "senior leadership",
            "strategic",
            "strategy",
            "vision",
            "executive",
            "head of service",
        ),
    ),
    Theme(
        "new_role",
        "settling into a new role",
        (
            "new role",
            "new job",
            "new post",
            "new position",
            "stepping up",
            "step up",
            "acting up",
            "interim role",
            "remit",
            "transition",
            "first 90 days",
        ),
    ),
    Theme(
        "decisions",
        "decision making and priorities",
        (
            "decision",
            "decision making",
            "prioritise",
            "prioritising",
            "prioritisation",
            "priorities",
            "time management",
            "procrastination",
            "focus",
        ),
    ),
    Theme(
        "communication",
        "communication and influence",
        (
            "communication",
            "communicating",
            "presenting",
            "presentation",
            "public speaking",
            "speaking up",
            "influence",
            "influencing",
            "stakeholder",
            "negotiation",
            "negotiating",
            "visibility",
            "networking",
        ),
    ),
    Theme(
        "politics",
        "working with elected members",
        (
            "councillor",
            "councillors",
            "elected member",
            "elected members",
            "political",
            "politics",
            "cabinet",
            "portfolio holder",
            "scrutiny",
        ),
    ),
    Theme(
        "performance",
        "managing performance",
        (
            "performance",
            "performance management",
            "underperformance",
            "underperforming",
            "appraisal",
            "capability",
            "giving feedback",
            "receiving feedback",
            "accountability",
        ),
    ),
    Theme(
        "inclusion",
        "equality, diversity and inclusion",
        (
            "inclusion",
            "inclusive",
            "diversity",
            "equality",
            "equity",
            "neurodiversity",
            "neurodivergent",
            "adhd",
            "autism",
            "autistic",
            "dyslexia",
            "dyslexic",
            "menopause",
            "racism",
            "discrimination",
            "disability",
            "women in leadership",
        ),
    ),
    Theme(
        "returning",
        "returning to work",
        (
            "return to work",
            "returning to work",
            "returning from",
            "maternity",
            "paternity",
            "parental leave",
            "career break",
            "long term sickness",
            "sick leave",
            "phased return",
        ),
    ),
    Theme(
        "team",
        "building and motivating a team",
        (
            "team dynamics",
            "team building",
            "team culture",
            "motivation",
            "motivating",
            "motivate",
            "morale",
            "engagement",
            "culture",
            "collaboration",
            "hybrid team",
            "remote team",
            "hybrid working",
        ),
    ),
    Theme(
        "finance",
        "budgets and business cases",
        (
            "budget",
            "budgets",
            "finance",
            "financial",
            "business case",
            "commercial",
            "procurement",
        ),
    ),
)

THEMES_BY_KEY: dict[str, Theme] = {theme.key: theme for theme in THEMES}


def _compile() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """First stem -> (phrase stems, theme key), so a scan looks only at phrases that can match."""
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for theme in THEMES:
        for phrase in theme.phrases:
            words = stems(phrase)
            if words:
                table.setdefault(words[0], []).append((words, theme.key))
    return {first: tuple(patterns) for first, patterns in table.items()}


_PATTERNS = _compile()


def themes_in(words: tuple[str, ...]) -> frozenset[str]:
    """The theme keys whose phrases occur in a stem sequence from `text.stems`.

    A phrase found strictly inside a longer phrase that starts earlier does not count: "first
    time manager" is a new manager, not someone asking about time management.
    """
    found: set[str] = set()
    reach = 0  # furthest end of the phrases found at earlier positions
    for position, word in enumerate(words):
        ends = [position]
        for pattern, key in _PATTERNS.get(word, ()):
            end = position + len(pattern)
            if end > reach and words[position:end] == pattern:
                found.add(key)
                ends.append(end)
        reach = max(reach, *ends)
    return frozenset(found)


def themes_of(text: str) -> frozenset[str]:
    return themes_in(stems(text))


def near_themes(text: str) -> frozenset[str]:
    """Like ``themes_of``, reading past a slip in a long word ("confidance", "leadrship")."""
    found = themes_of(text)
    if found:
        return found
    words = tuple(_nearest_word(word) for word in _WORDS.findall(text.lower()))
    return themes_in(stems(" ".join(words)))


_WORDS = re.compile(r"[a-z]+")
_ONE_WORD_PHRASES = tuple(sorted({p for t in THEMES for p in t.phrases if " " not in p}))


def _nearest_word(word: str) -> str:
    """The one-word theme phrase ``word`` is a slip of, or ``word``."""
    if len(word) < 6:
        return word
    match = process.extractOne(
        word, _ONE_WORD_PHRASES, scorer=DamerauLevenshtein.distance, score_cutoff=2
    )
    if match is None or match[1] > (1 if len(word) < 8 else 2):
        return word
    return str(match[0])
