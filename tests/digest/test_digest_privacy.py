"""Confidentiality: no coachee names, no free text, no figure from fewer than 5 people."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from digest_testkit import COMMENT, GOAL, WEEK, DigestPool, at

from bot.digest.export import digest_json
from bot.digest.facts import FeedbackFact
from bot.digest.figures import build_digest
from bot.digest.privacy import Figure, Part, closed_blocks, disclose, guarded
from bot.digest.release import Organisations, rating_means
from bot.digest.render import digest_replies, digest_text
from bot.domain import SessionState
from bot.domain.feedback import Feedback
from bot.replies import Card, Image, Reply, Text


def reply_text(replies: tuple[Reply, ...]) -> str:
    """Every string a person could read in the replies."""
    parts: list[str] = []
    for reply in replies:
        if isinstance(reply, Card):
            parts += [reply.title, reply.text]
            parts += [f"{fact.label} {fact.value}" for fact in reply.facts]
        elif isinstance(reply, Text):
            parts.append(reply.text)
        elif isinstance(reply, Image):
            parts += [reply.alt_text, reply.filename]
        else:
            raise AssertionError(f"unexpected reply in a digest: {reply!r}")
    return "\n".join(parts)


@pytest.mark.parametrize("scope", [None, "alpha", "beta", "gamma"])
def test_no_coachee_name_or_free_text_anywhere(pool: DigestPool, scope: str | None) -> None:
    organisation_id = pool.orgs[scope].id if scope else None
    digest = build_digest(pool.services(), week=WEEK, organisation_id=organisation_id)
    outputs = {
        "replies": reply_text(digest_replies(digest)),
        "text": digest_text(digest),
        "json": json.dumps(digest_json(digest), ensure_ascii=False),
        "digest": repr(digest),
    }
    # The request's goal by its words: "goal" itself names a figure (goal attainment).
    secrets = [*pool.coachee_names(), COMMENT, GOAL, "SECRET", "burnout", "restructure", "dread"]
    for where, output in outputs.items():
        for secret in secrets:
            assert secret not in output, f"{secret!r} appears in the digest's {where}"
    # Coaches are named where the digest is about their capacity or an overdue answer.
    if scope is None:
        assert "Colin Coach" in outputs["replies"]


def test_every_reply_is_a_card_text_or_image(pool: DigestPool) -> None:
    replies = digest_replies(build_digest(pool.services(), week=WEEK))
    assert isinstance(replies[0], Card) and isinstance(replies[-1], Image)
    assert all(isinstance(r, Text) for r in replies[1:-1])


def test_four_people_are_too_few_for_an_average(pool: DigestPool) -> None:
    b5 = pool.people["B5"]
    session = next(
        s
        for s in pool.store.list_sessions(person_id=b5.id)
        if s.window.start >= WEEK.start and s.state is SessionState.HELD
    )
    pool.store.save_feedback(Feedback(session.id, b5.id, at(17, 20)))  # B5 takes back scores
    digest = build_digest(pool.services(), week=WEEK)
    assert digest.ratings_week.usefulness == Figure(None)
    assert digest.ratings_week.progress == Figure(None)
    card = digest_replies(digest)[0]
    assert isinstance(card, Card)
    facts = {f.label: f.value for f in card.facts}
    # The year adds up the weeks shown: A1's week and this one were both withheld.
    assert facts["Usefulness (1-5)"] == (
        "this week withheld (fewer than 5 people); this year none in the weeks shown"
    )
    exported = digest_json(digest)["feedback"]["week"]
    assert exported == {"usefulness": None, "progress": None}
    # The four remaining scores average 4.5: that number must appear nowhere.
    assert "4.5" not in reply_text(digest_replies(digest))


def test_many_responses_from_one_person_are_still_one_person() -> None:
    rows = [FeedbackFact(n, 7, 1, 7, at(17) + timedelta(minutes=n), usefulness=5) for n in range(9)]
    mean = rating_means(rows, lambda f: f.usefulness, Organisations({7: 1}), min_group=5)
    assert mean.of(None) == mean.of(1) == Figure(None)


def test_guarded_figures_withhold_the_value_itself() -> None:
    assert guarded(3.0, people=4, min_group=5) == Figure(None)
    assert guarded(3.0, people=5, min_group=5) == Figure(3.0, 5)
    assert guarded(0.0, people=0, min_group=5) == Figure(0.0, 0)  # nothing from nobody
    assert Figure(None).text() == "withheld"


def test_an_organisations_small_numbers_are_withheld(pool: DigestPool) -> None:
    gamma = build_digest(pool.services(), week=WEEK, organisation_id=pool.orgs["gamma"].id)
    a = gamma.activity
    # Bea coached C1 (one person); Carla cancelled on C1; C2 didn't come.
    assert a.sessions_held == a.hours_held == a.cancellations == a.no_shows == Figure(None)
    assert gamma.year.hours == Figure(0.0)  # its withheld week is left out
    text = digest_text(gamma)
    assert re.search(r"\n  Sessions held +withheld \(fewer than 5 people\)\n", text)
    assert "1.5" not in text  # C1's hour and a half


def test_erased_coachees_still_count_in_hours(pool: DigestPool) -> None:
    pool.store.erase_person(pool.people["B1"].id, at=at(20))
    digest = build_digest(pool.services(), week=WEEK)
    assert digest.activity.hours_held == Figure(7.5, 7)
    assert "Bert" not in digest_text(digest)


def people(*ids: int) -> frozenset[int]:
    return frozenset(ids)


def test_one_small_part_beside_a_printed_total_takes_a_second_with_it() -> None:
    """Rule 2: 7.5 h from seven people; Gamma's 1.5 h is one person's, so Beta's 6.0 h
    is withheld too, or 7.5 - 6.0 would give Gamma's away."""
    decided = disclose(
        {
            "alpha": Part(),
            "beta": Part(6.0, people(1, 2, 3, 4, 5, 6)),
            "gamma": Part(1.5, people(7)),
        },
        min_group=5,
    )
    assert decided.total == Figure(7.5, 7)
    assert decided.parts == {
        "alpha": Figure(0.0, 0),
        "beta": Figure(None, protecting=True),
        "gamma": Figure(None),
    }


def test_withheld_parts_that_together_come_from_enough_people_stand() -> None:
    parts = {
        "a": Part(10.0, people(*range(10))),
        "b": Part(3.0, people(10, 11, 12)),
        "c": Part(2.0, people(13, 14)),
    }
    decided = disclose(parts, min_group=5)
    # b + c = 5.0 can be worked out, but it comes from five people.
    assert decided.parts == {"a": Figure(10.0, 10), "b": Figure(None), "c": Figure(None)}


def test_a_part_never_printed_counts_as_withheld() -> None:
    """Cancellations: 6 late from six people, 1 in time (never printed) from one: the
    late count would give the other away, so it is withheld."""
    decided = disclose(
        {"late": Part(6.0, people(*range(6))), "in time": Part(1.0, people(9), printed=False)},
        min_group=5,
    )
    assert decided.total == Figure(7.0, 7)
    assert decided.parts["late"] == Figure(None, protecting=True)


def test_a_total_from_too_few_people_withholds_every_part_about_anyone() -> None:
    decided = disclose({"a": Part(1.0, people(1)), "b": Part()}, min_group=5)
    assert decided.total == Figure(None)
    assert decided.parts == {"a": Figure(None), "b": Figure(0.0, 0)}


def test_running_totals_grow_in_whole_blocks_of_five_people() -> None:
    """Rule 4 for themes: weeks of 2, 2 and 3 people close a block in the third week;
    the fourth week's one person waits for the next block."""
    weeks = [Part(2.0, people(1, 2)), Part(2.0, people(3, 4)), Part(3.0, people(5, 6, 7))]
    assert closed_blocks(weeks, 5) == (7.0, 3)
    assert closed_blocks([*weeks, Part(1.0, people(8))], 5) == (7.0, 3)
    assert closed_blocks(weeks[:2], 5) == (0.0, 0)
