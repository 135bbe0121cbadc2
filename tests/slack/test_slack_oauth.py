"""OAuth mode: a member organisation's workspace installs the app and is served with its
own token; a workspace of no member organisation is turned away and nothing is kept."""

from __future__ import annotations

import re
import time
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from handlers.slack.installations import Installations
from tests.slack import slack_payloads as payloads
from tests.slack.slack_fake_api import Install
from tests.slack.slack_harness import Harness, posted, running_pool, team_of, words

SAM = "sam.patel@dudley.gov.uk"
# slack-sdk's own OAuth exchange uses aiohttp's BasicAuth, which aiohttp now deprecates.
pytestmark = pytest.mark.filterwarnings("ignore:BasicAuth is deprecated:DeprecationWarning")


def _install(h: Harness, code: str) -> httpx.Response:
    page = h.http.get(h.url + "/slack/install")
    assert page.status_code == 200
    link = re.search(r'href="(https://slack\.com/oauth/v2/authorize\?[^"]+)"', page.text)
    assert link is not None
    query = parse_qs(urlparse(link.group(1).replace("&amp;", "&")).query)
    assert set(query["scope"][0].split(",")) >= {"chat:write", "im:history", "users:read.email"}
    state = query["state"][0]
    cookie = page.headers["set-cookie"].split(";")[0]
    return h.http.get(
        h.url + "/slack/oauth_redirect",
        params={"code": code, "state": state},
        headers={"Cookie": cookie},
    )


def test_a_member_workspace_installs_and_is_then_served_with_its_token(sqlite_url: str) -> None:
    with running_pool(sqlite_url, oauth=True) as h:
        dudley = team_of("dudley")
        installations = Installations(h.application.store.engine)
        installations.remove(dudley)
        h.fake.installs["code-1"] = Install(dudley, "Dudley MBC", "xoxb-dudley-new", "U0ADMIN")
        finished = _install(h, "code-1")
        assert finished.status_code == 200
        saved = installations.find(dudley)
        assert saved is not None and saved.bot_token == "xoxb-dudley-new"
        assert saved.team_name == "Dudley MBC" and saved.installer_user_id == "U0ADMIN"

        answer = h.user(SAM).say("hello")
        assert "Hello Sam" in words(answer)
        assert {c.token for c in posted(answer)} == {"xoxb-dudley-new"}


def test_a_workspace_of_no_member_organisation_cannot_install(sqlite_url: str) -> None:
    with running_pool(sqlite_url, oauth=True) as h:
        h.fake.installs["code-2"] = Install("T0ELSEWHERE", "Elsewhere Ltd", "xoxb-else", "U0X")
        refused = _install(h, "code-2")
        assert refused.status_code == 403
        assert "Elsewhere Ltd (T0ELSEWHERE) isn't one of the coaching pool's member" in (
            refused.text
        )
        assert "Marcus Reid" in refused.text
        assert Installations(h.application.store.engine).find("T0ELSEWHERE") is None


def test_a_forged_callback_is_refused(sqlite_url: str) -> None:
    with running_pool(sqlite_url, oauth=True) as h:
        h.fake.installs["code-3"] = Install(team_of("dudley"), "Dudley", "xoxb-evil", "U0X")
        forged = h.http.get(
            h.url + "/slack/oauth_redirect", params={"code": "code-3", "state": "made-up"}
        )
        assert forged.status_code in {400, 401}
        assert h.fake.calls_to("oauth.v2.access") == []


def test_an_event_from_a_workspace_that_never_installed_gets_no_service(sqlite_url: str) -> None:
    with running_pool(sqlite_url, oauth=True) as h:
        sam = h.user(SAM)
        event = payloads.dm_event(user=sam.me.user_id, channel=sam.dm, text="hello")
        response = h.send_event("T0NEVER", event)
        assert response.status_code == 200  # Slack shouldn't retry; nothing is done
        assert "no longer available" in response.text
        assert h.fake.calls == []


def test_an_uninstalled_workspace_is_forgotten(sqlite_url: str) -> None:
    with running_pool(sqlite_url, oauth=True) as h:
        sam = h.user(SAM)
        assert "Hello Sam" in words(sam.say("hello"))  # served, and its token cached
        uninstalled = {"type": "app_uninstalled", "event_ts": "1.0"}
        assert h.send_event(sam.me.team_id, uninstalled).status_code == 200
        installations = Installations(h.application.store.engine, ttl=0)  # no cache
        deadline = time.monotonic() + 5
        while installations.find(sam.me.team_id) is not None:  # Bolt's listener, after the ack
            assert time.monotonic() < deadline, "the installation was not deleted"
            time.sleep(0.01)
        event = payloads.dm_event(user=sam.me.user_id, channel=sam.dm, text="hello again")
        refused = h.send_event(sam.me.team_id, event)
        # No token for the workspace any more: Bolt answers without running a listener.
        assert refused.status_code == 200 and "no longer available" in refused.text
