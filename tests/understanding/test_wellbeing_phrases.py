"""The one list of risk phrases: an example for every entry, and ordinary requests that
must not set it off."""

from __future__ import annotations

import re

import pytest

from bot.understanding.wellbeing import PHRASES, normalised, shows_distress, support_message

# One sentence per entry of PHRASES, as people write it (UK phrasings).
EXAMPLES = (
    "I've been having suicidal thoughts",
    "honestly I want to kill myself",
    "some days I think I'll just top myself",
    "I keep thinking about taking my own life",
    "I just want to end it all",
    "I'm thinking of ending it",
    "if I haven't taken my own life by then",
    "I'm planning to end it",
    "I want to die",
    "I wish I was dead",
    "I'd be better off dead",
    "everyone would be better off without me",
    "I don't want to be here any more",
    "there's no point in living",
    "I've got nothing left to live for",
    "life isn't worth living",
    "I've started self-harming again",
    "I want to harm myself",
    "I took an overdose last month",
    "I can't go on like this",
    "I can't cope with work",
    "I'm not coping at all",
    "I can't take it any more",
    "I can't take this on top of everything else",
    "I keep breaking down at work",
    "I'm falling apart",
    "I feel hopeless",
    "I'm having panic attacks every morning",
    "I'm in crisis",
    "I'm at breaking point",
    "I'm not safe",
    "I don't feel safe",
    "I'm not safe at home",
)

ORDINARY = (
    "leading my team through a restructure",
    "breaking down silos between departments",
    "breaking down barriers to flexible working",
    "handling conflict in my team",
    "I want to get better at ending meetings on time",
    "managing a heavy workload",
    "Tuesday or Thursday afternoons, online please",
    "skip",
    "I'd like to kill it at my next presentation",
    "sorry, I can't take this on at the moment",  # a coach turning a request down
    "I can't take it on this month",
)


def test_every_phrase_has_an_example() -> None:
    for phrase in PHRASES:
        pattern = re.compile(rf"\b(?:{phrase})")
        assert any(pattern.search(normalised(e)) for e in EXAMPLES), phrase


@pytest.mark.parametrize("text", EXAMPLES)
def test_each_example_is_noticed(text: str) -> None:
    assert shows_distress(text)


@pytest.mark.parametrize(
    "text",
    [
        "I CAN'T GO ON LIKE THIS",
        "I can\u2019t go on like this",  # a phone's curly apostrophe
        "I cant go on",
        "kill\u200bmyself",  # an invisible space
        "ｋｉｌｌ ｍｙｓｅｌｆ",  # full-width letters
        "I want to\n  kill   myself",
    ],
)
def test_the_way_it_is_typed_makes_no_difference(text: str) -> None:
    assert shows_distress(text)


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_requests_are_not_mistaken_for_risk(text: str) -> None:
    assert not shows_distress(text)


def test_the_kind_reply_names_the_eap_samaritans_and_999() -> None:
    reply = support_message(first_name="Natalie", eap_contact="EAP: 0800 000 105")
    assert reply.startswith("Natalie, thank you for telling me.")
    assert "EAP: 0800 000 105" in reply
    assert "Samaritans free on 116 123" in reply
    assert "999" in reply
    assert "I haven't told anyone" in reply
    anonymous = support_message(first_name="", eap_contact="")
    assert anonymous.startswith("Thank you for telling me.")
    assert "employee assistance programme" in anonymous
