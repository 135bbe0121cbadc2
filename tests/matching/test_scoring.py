"""The documented weights and the direction of each component."""

from __future__ import annotations

from bot.domain import Format
from bot.matching import WEIGHTS
from bot.matching.scoring import (
    Components,
    balance_component,
    format_component,
    load_component,
    topic_component,
)


def test_weights_sum_to_100() -> None:
    assert WEIGHTS.total == 100.0
    perfect = Components(topic=1, availability=1, load=1, balance=1, format=1)
    assert perfect.score == 100.0


def test_balance_favours_organisations_that_owe_hours() -> None:
    assert balance_component(0.0) == 0.5
    assert balance_component(-20.0) > balance_component(-5.0) > 0.5
    assert balance_component(20.0) < 0.5
    assert round(balance_component(-20.0), 2) == 0.88


def test_load_falls_with_places_and_hours_used() -> None:
    def load(active: int, hours: float) -> float:
        return load_component(active=active, max_coachees=2, hours=hours, max_hours=6.0)

    assert load(0, 0.0) == 1.0
    assert load(1, 0.0) == 0.75
    assert load(0, 3.0) == 0.75
    assert load(2, 6.0) == 0.0
    assert load_component(active=0, max_coachees=0, hours=0.0, max_hours=0.0) == 0.0


def test_format_fit() -> None:
    assert format_component(Format.ONLINE, online=True, in_person=False, same_place=None) == 1.0
    assert format_component(Format.IN_PERSON, online=False, in_person=True, same_place=True) == 1.0
    assert format_component(Format.IN_PERSON, online=False, in_person=True, same_place=None) == 0.6
    assert format_component(Format.EITHER, online=True, in_person=True, same_place=None) == 1.0
    assert format_component(Format.EITHER, online=True, in_person=False, same_place=None) == 0.8


def test_topic_themes_count_three_quarters_and_words_a_quarter() -> None:
    assert topic_component(theme_hits=2, theme_total=2, word_hits=0, word_total=4) == 0.75
    assert topic_component(theme_hits=0, theme_total=2, word_hits=4, word_total=4) == 0.25
    assert topic_component(theme_hits=0, theme_total=0, word_hits=1, word_total=2) == 0.5
    assert topic_component(theme_hits=0, theme_total=0, word_hits=0, word_total=0) == 0.0
