"""A pool member is reached only through a Slack account in a workspace that serves their
organisation, and the first account linked keeps their messages: a second account with the
same email (in another member workspace, or the same one) is refused politely."""

from __future__ import annotations

import pytest

from bot.domain import Person
from bot.replies import Text
from handlers.channel_names import SLACK
from handlers.cli.main import main
from handlers.delivery import ChannelNotifier
from tests.slack.slack_fake_api import FakeUser
from tests.slack.slack_harness import (
    SINGLE_TEAM,
    Harness,
    posted,
    running_pool,
    team_of,
    user_of,
    words,
)

SAM = "sam.patel@dudley.gov.uk"  # Dudley Council
MARCUS = "marcus.reid@wmemployers.org.uk"  # the pool coordinator
# An admin of Coventry's workspace gave an account Sam's email address.
IMPOSTER_IN_COVENTRY = FakeUser(team_of("coventry"), "U0IMPOSTER", SAM)
# A second account with Sam's email in the one shared workspace.
SECOND_SAM = FakeUser(SINGLE_TEAM, "U0SECOND", SAM)


def _person(h: Harness, email: str) -> Person:
    person = h.application.store.find_person_by_email(email)
    assert person is not None
    return person


def _notify(h: Harness, person: Person, text: str) -> None:
    """A message for the person, handed to the channels as the dispatcher hands its rows."""
    ChannelNotifier(h.application.services, h.senders()).send(
        person_id=person.id, replies=[Text(text)]
    )


def test_an_account_in_another_organisations_workspace_is_refused(sqlite_url: str) -> None:
    with running_pool(sqlite_url, oauth=True, extra_users=(IMPOSTER_IN_COVENTRY,)) as h:
        imposter = h.user(IMPOSTER_IN_COVENTRY)
        answer = words(imposter.say("sessions"))
        assert "belongs to an organisation that doesn't use this Slack workspace" in answer
        assert "Marcus Reid (marcus.reid@wmemployers.org.uk)" in answer
        sam = _person(h, SAM)
        store = h.application.store
        assert store.find_identity(SLACK, imposter.me.team_id, "U0IMPOSTER") is None
        assert store.identities_of(sam.id) == []

        # Messages for Sam go to his own workspace's account, found there by email.
        before = len(h.fake.calls)
        _notify(h, sam, "A note for Sam only")
        sent = posted(h.fake.calls[before:])
        assert [c.params["channel"] for c in sent] == [f"D{user_of(sam.id)}"]
        assert all(c.team_id == team_of("dudley") for c in h.fake.calls[before:])
        assert "U0IMPOSTER" not in {c.params.get("users") for c in h.fake.calls[before:]}


def test_a_second_account_never_takes_over_the_first(sqlite_url: str) -> None:
    with running_pool(sqlite_url, extra_users=(SECOND_SAM,)) as h:
        first = h.user(h.fake.user(SAM))  # the first Slack user with Sam's email
        assert first.me.user_id != SECOND_SAM.user_id
        first.say("hello")
        second = h.user(SECOND_SAM)
        answer = words(second.say("sessions"))
        assert "already linked to another Slack account" in answer
        assert "Your sessions" not in answer and "no sessions" not in answer.lower()
        sam = _person(h, SAM)
        identities = h.application.store.identities_of(sam.id)
        assert [(i.workspace, i.user_id) for i in identities] == [(SINGLE_TEAM, first.me.user_id)]
        before = len(h.fake.calls)
        _notify(h, sam, "Your digest")
        assert [c.params["channel"] for c in posted(h.fake.calls[before:])] == [first.dm]


def test_a_refused_second_account_is_answered_in_its_own_dm(sqlite_url: str) -> None:
    with running_pool(sqlite_url, extra_users=(SECOND_SAM,)) as h:
        h.user(h.fake.user(SAM)).say("hello")
        second = h.user(SECOND_SAM)
        calls = second.say("hello")
        assert [c.params["channel"] for c in posted(calls)] == [SECOND_SAM.dm]


def test_the_coordinators_digest_account_cannot_be_taken_over(sqlite_url: str) -> None:
    imposter = FakeUser(team_of("coventry"), "U0FAKEMARCUS", MARCUS)
    with running_pool(sqlite_url, oauth=True, extra_users=(imposter,)) as h:
        marcus = _person(h, MARCUS)
        h.user(h.fake.user(MARCUS)).say("hello")  # the real coordinator, in his workspace
        assert "doesn't use this Slack workspace" in words(h.user(imposter).say("hello"))
        before = len(h.fake.calls)
        _notify(h, marcus, "Weekly digest")
        sent = posted(h.fake.calls[before:])
        assert len(sent) == 1 and sent[0].params["channel"] != imposter.dm


def test_the_coordinator_releases_an_account_that_is_no_longer_theirs(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with running_pool(sqlite_url, extra_users=(SECOND_SAM,)) as h:
        first = h.user(h.fake.user(SAM))
        first.say("hello")
        assert "already linked" in words(h.user(SECOND_SAM).say("hello"))
        assert main(["--database", sqlite_url, "accounts", SAM]) == 0
        assert first.me.user_id in capsys.readouterr().out

        assert main(["--database", sqlite_url, "accounts", SAM, "--unlink", "slack"]) == 0
        assert "Released 1 slack account(s)" in capsys.readouterr().out
        answer = words(h.user(SECOND_SAM).say("sessions"))
        assert "already linked" not in answer
        sam = _person(h, SAM)
        identities = h.application.store.identities_of(sam.id)
        assert [i.user_id for i in identities] == [SECOND_SAM.user_id]
        before = len(h.fake.calls)
        _notify(h, sam, "A note for Sam")
        assert [c.params["channel"] for c in posted(h.fake.calls[before:])] == [SECOND_SAM.dm]


def test_accounts_of_someone_not_in_the_pool_is_one_line(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with running_pool(sqlite_url):
        assert main(["--database", sqlite_url, "accounts", "nobody@example.org"]) == 1
        err = capsys.readouterr().err
        assert err.strip().count("\n") == 0 and "no one with the email" in err
