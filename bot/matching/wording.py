"""Small helpers for plain-English sentences."""

from __future__ import annotations


def plural(count: int, singular: str, many: str | None = None) -> str:
    """'1 coach', '3 coaches'."""
    return f"{count} {singular if count == 1 else (many or singular + 's')}"


def the(name: str) -> str:
    """'the Regional Coaching Pool', without doubling a 'The' already in the name."""
    return name if name.lower().startswith("the ") else f"the {name}"


def hours(value: float) -> str:
    return f"{value:g}"


def span(days: int) -> str:
    """'4 weeks', '10 days'."""
    return plural(days // 7, "week") if days % 7 == 0 else plural(days, "day")


def sentence_case(text: str) -> str:
    """Lower-case a leading capital unless it starts an acronym ("ILM", "HR")."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text
