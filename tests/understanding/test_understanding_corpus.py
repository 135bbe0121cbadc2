"""The labelled corpora, scored as bench/bench_understanding.py scores them: nothing may be
silently wrong, and at least 95 % must be right. The figures are printed (pytest -s)."""

from __future__ import annotations

from tests.understanding.corpus_scoring import RIGHT, WRONG, Tally, score_messages, score_times


def _check(tally: Tally, name: str) -> None:
    print(tally.line(name))
    assert tally.total >= 200
    assert tally.counts[WRONG] == 0, "\n".join(tally.wrong)
    assert tally.counts[RIGHT] >= 0.95 * tally.total, "\n".join(tally.asked)


def test_booking_times_are_never_silently_wrong() -> None:
    _check(score_times(), "times")


def test_first_message_topics_are_never_silently_wrong() -> None:
    score = score_messages()
    _check(score.topics, "topics")
    for name, tally in score.fields.items():
        print(tally.line(name))
        assert tally.counts[WRONG] == 0, "\n".join(tally.wrong)
