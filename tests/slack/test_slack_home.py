"""The App Home tab over real HTTP: a signed `app_home_opened` event, then what the fake
Slack receives through views.publish. Coordinators see the pool's figures of this week,
the waiting requests and a dashboard sign-in link; an organisation lead only their own
organisation's; a coachee no figures; a coach their availability under one heading."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from unittest.mock import patch
from urllib.parse import unquote

from handlers.web.settings import dashboard_settings
from handlers.web.tokens import LINK_KIND
from tests.slack import slack_payloads as payloads
from tests.slack.block_kit_rules import view_problems
from tests.slack.slack_harness import Harness, SlackUser, posted, running_pool, words

PUBLIC_URL = "https://coaching.example"
DASHBOARD = {
    "COACHPOOL_PUBLIC_URL": PUBLIC_URL,
    "COACHPOOL_SECRET_KEY": "a-test-key-for-the-dashboard-0123456789abcdef",
}
SAM = "sam.patel@dudley.gov.uk"  # a coachee at Dudley
EMMA = "emma.roberts@coventry.gov.uk"  # a coachee at Coventry
COORDINATOR = "marcus.reid@wmemployers.org.uk"
DUDLEY_LEAD = "martin.shaw@dudley.gov.uk"
LINK = re.compile(re.escape(PUBLIC_URL) + r"/dashboard/sign-in\?t=[A-Za-z0-9_.%-]+")


@contextmanager
def pool_with_dashboard(database_url: str) -> Iterator[Harness]:
    # The sign-in links are wired at bootstrap, from the process environment.
    with patch.dict(os.environ, DASHBOARD), running_pool(database_url) as h:
        yield h


def _home(h: Harness, user: SlackUser) -> tuple[dict[str, Any], str]:
    before = len(h.fake.calls)
    event = payloads.home_opened_event(user=user.me.user_id, channel=user.dm)
    assert h.send_event(user.me.team_id, event).status_code == 200
    h.wait_turns()
    (published,) = [c for c in h.fake.calls[before:] if c.method == "views.publish"]
    assert published.params["user_id"] == user.me.user_id
    view: dict[str, Any] = published.params["view"]
    assert view_problems(view) == []
    return view, words([published])


def _headers(view: dict[str, Any]) -> list[str]:
    return [b["text"]["text"] for b in view["blocks"] if b["type"] == "header"]


def _ask_for_coaching(user: SlackUser) -> None:
    """The whole intake in chat, to the shortlist: a request that waits for a coach."""
    user.say("coaching on leading my team through a restructure, Tuesday afternoons, online")
    user.say("Keep my team motivated")
    user.say("Two teams merge in January")
    if "Which programme" in words(user.say("skip")):
        user.press("Regional Coaching Pool")
    assert "coaches who could work with you" in words(user.press("Yes, find me a coach"))


def _request_id(h: Harness, email: str) -> int:
    person = h.application.store.find_person_by_email(email)
    assert person is not None
    (request,) = h.application.store.list_requests(coachee_id=person.id)
    return request.id


def coordinator_id(h: Harness) -> int:
    person = h.application.store.find_person_by_email(COORDINATOR)
    assert person is not None
    return person.id


def _figures(view: dict[str, Any], title: str) -> list[str]:
    """The texts of the figures card's blocks, from its title to the next divider."""
    blocks = view["blocks"]
    start = next(i for i, b in enumerate(blocks) if b.get("text", {}).get("text") == title)
    shown: list[str] = []
    for block in blocks[start:]:
        if block["type"] == "divider":
            break
        shown.append(words_of(block))
    return shown


def words_of(block: dict[str, Any]) -> str:
    texts = [block.get("text", {}).get("text", "")]
    texts += [f.get("text", "") for f in block.get("fields", [])]
    return " ".join(t for t in texts if t)


def test_a_coordinator_sees_the_pools_week_the_waiting_requests_and_a_dashboard_link(
    database_url: str,
) -> None:
    with pool_with_dashboard(database_url) as h:
        _ask_for_coaching(h.user(SAM))
        _ask_for_coaching(h.user(EMMA))
        coordinator = h.user(COORDINATOR)
        view, shown = _home(h, coordinator)
        pool = h.application.services.settings.pool_name
        figures_title = f"Weekly digest for {pool}: 2026-W48"
        headers = _headers(view)
        for heading in (figures_title, "2 requests waiting", "Dashboard"):
            assert headers.count(heading) == 1
        # The figures are the digest's own, withheld where it withholds them: the same
        # blocks as the card `digest this week` answers in chat.
        digest = posted(coordinator.say("digest this week"))[0]
        card = [words_of(b) for b in digest.params["blocks"]]
        figures = _figures(view, figures_title)
        assert figures and all(text in card for text in figures)
        assert "withheld (fewer than 5 people)" in " ".join(figures)
        assert "2 requests waiting" in shown
        for email in (SAM, EMMA):
            assert f"Request {_request_id(h, email)}" in shown
        (link,) = LINK.findall(shown)
        assert "works once, for the next 15 minutes" in shown
        # A link the web edge accepts, for this coordinator and no one else.
        settings = dashboard_settings(DASHBOARD)
        assert settings is not None
        token = unquote(link.split("t=", 1)[1])
        claim = settings.signer.check(token, LINK_KIND, now=h.clock.now())
        assert claim.person_id == coordinator_id(h)


def test_an_organisation_lead_sees_only_their_organisation(database_url: str) -> None:
    with pool_with_dashboard(database_url) as h:
        _ask_for_coaching(h.user(SAM))
        _ask_for_coaching(h.user(EMMA))
        view, shown = _home(h, h.user(DUDLEY_LEAD))
        headers = _headers(view)
        assert "Weekly digest for Dudley Metropolitan Borough Council: 2026-W48" in headers
        pool = h.application.services.settings.pool_name
        assert not any(pool in heading for heading in headers)
        assert "1 request waiting" in shown
        assert f"Request {_request_id(h, SAM)}" in shown
        assert f"Request {_request_id(h, EMMA)}" not in shown
        assert "Coventry" not in shown
        assert "Coach answers overdue" not in shown  # the coordinators' figure only
        assert "your organisation's" in shown and LINK.search(shown)


def test_a_coachee_sees_no_figures(database_url: str) -> None:
    with pool_with_dashboard(database_url) as h:
        _ask_for_coaching(h.user(SAM))
        view, shown = _home(h, h.user(SAM))
        assert _headers(view)[:2] == ["Hello Sam", "Your requests"]
        assert _headers(view)[-1] == "Your sessions"
        for figure in ("Weekly digest", "requests waiting", "dashboard", "New requests"):
            assert figure not in shown
        assert not LINK.search(shown)


def test_a_coach_sees_their_availability_under_one_heading(database_url: str) -> None:
    with pool_with_dashboard(database_url) as h:
        coach = h.application.store.list_coaches()[0]
        person = h.application.store.get_person(coach.person_id)
        assert person is not None
        view, shown = _home(h, h.user(person.email))
        assert _headers(view).count("Your availability") == 1
        assert shown.count("Your availability") == 1
        assert "Capacity" in shown
        assert "Weekly digest" not in shown


def test_without_the_dashboard_the_home_says_so_and_gives_no_link(sqlite_url: str) -> None:
    with patch.dict(os.environ):
        for name in DASHBOARD:
            os.environ.pop(name, None)
        with running_pool(sqlite_url) as h:
            view, shown = _home(h, h.user(COORDINATOR))
        assert "Dashboard" in _headers(view)
        assert "The dashboard is not switched on for this pool yet" in shown
        assert "/dashboard/sign-in" not in shown
        assert "No requests are waiting" in shown
