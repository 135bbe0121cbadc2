"""The small text pipeline behind topic fit: stems, stop words and themes."""

from __future__ import annotations

import pytest

from bot.matching.text import stem, stems
from bot.matching.topics import THEMES, themes_of


@pytest.mark.parametrize(
    "family",
    [
        ("restructure", "restructures", "restructuring", "restructured"),
        ("leader", "leaders", "leadership", "leading", "lead", "led"),
        ("stress", "stressed", "stresses", "stressful"),
        ("change", "changes", "changing", "changed"),
        ("manager", "managers", "management", "managing", "manage"),
        ("organisation", "organization", "organisations"),
        ("plan", "planning", "planned"),
        ("career", "careers"),
    ],
)
def test_word_forms_share_a_stem(family: tuple[str, ...]) -> None:
    assert len({stem(word) for word in family}) == 1, {word: stem(word) for word in family}


def test_career_is_not_care() -> None:
    assert stem("career") != stem("care")


def test_stop_words_and_request_filler_are_dropped_in_order() -> None:
    assert stems("I would really like some help with leading my team!") == ("lead", "team")
    assert stems("Manager\u2019s restructure") == ("manag", "restructur")


@pytest.mark.parametrize(
    ("text", "themes"),
    [
        ("Leading my directorate through a restructure", {"change", "leadership"}),
        ("service transformation and redesign", {"change"}),
        ("I feel like an imposter", {"confidence"}),
        ("burnt out and overwhelmed, my wellbeing is suffering", {"resilience"}),
        ("well-being", {"resilience"}),
        ("next step: a promotion", {"career"}),
        ("difficult conversations with a colleague", {"conflict"}),
        ("I'm a first-time manager", {"new_manager"}),  # not time management
        ("time management", {"decisions"}),
        ("newly promoted", {"new_manager", "career"}),
        ("work-life balance", {"work_life"}),
        ("briefing councillors", {"politics"}),
        ("", set()),
        ("my line manager suggested coaching", set()),
    ],
)
def test_themes_found_in_text(text: str, themes: set[str]) -> None:
    assert themes_of(text) == themes


def test_every_theme_phrase_finds_its_own_theme() -> None:
    for theme in THEMES:
        for phrase in theme.phrases:
            assert theme.key in themes_of(phrase), (theme.key, phrase)
