"""A programme open only to some people, set from the command line: Member Mentoring for
elected members."""

from __future__ import annotations

import pytest

from handlers.pool.sample import DEMO_COACHEE_EMAIL
from tests.cli.test_programme_cmds import run
from tests.conversations.transcript import Transcript


def test_a_programme_open_only_to_elected_members(
    t: Transcript, database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "--database", database_url, "programme", "set", "member-mentoring",
        "--open-to", "Elected Members",
    )  # fmt: skip
    assert code == 0 and "open to Elected Members" in out
    for email in (DEMO_COACHEE_EMAIL, "peter.dawson@staffordshire.gov.uk"):
        t.say(email, "coaching on working with the cabinet, Tuesday afternoons, online")
        t.say(email, "Feel confident in cabinet meetings")
        t.say(email, "skip")
        t.say(email, "skip")
        t.press(email, "Member Mentoring")
    refused = t.press(DEMO_COACHEE_EMAIL, "Yes, find me a coach")
    assert "Member Mentoring is open only to Elected Members" in refused
    assert not t.store.list_requests(coachee_id=t.person(DEMO_COACHEE_EMAIL).id)
    assert "who could work with you" in t.press(
        "peter.dawson@staffordshire.gov.uk", "Yes, find me a coach"
    )
