"""Sign-in without passwords: a link from the chat, once, for 15 minutes, for its person."""

from __future__ import annotations

import re
from html import unescape

from tests.web.conftest import PUBLIC_URL, Rig


def test_a_coordinator_signs_in_through_the_link_from_chat(rig: Rig) -> None:
    said = rig.say("cora@alpha.example", "dashboard")
    assert f"{PUBLIC_URL}/dashboard/sign-in?t=" in said
    assert "works once, for the next 15 minutes" in said
    rig.sign_in("cora@alpha.example")
    page = rig.client.get("/dashboard")
    assert page.status_code == 200
    assert "the West Midlands pool: 2026-W47" in page.text
    assert "Signed in as Cora Ordinator" in page.text


def test_nothing_is_reachable_without_a_session(rig: Rig) -> None:
    for path in ("/dashboard", "/dashboard/org/alpha", "/dashboard/csv/pipeline.csv"):
        answer = rig.client.get(path)
        assert answer.status_code == 403
        assert "Say 'dashboard' to the bot" in unescape(answer.text)
        assert "Alpha Council" not in answer.text


def test_following_the_link_alone_signs_no_one_in(rig: Rig) -> None:
    """A link preview fetches the URL: that must neither spend the link nor sign in."""
    path = rig.link("cora@alpha.example")
    assert rig.client.get(path).status_code == 200
    assert rig.client.get("/dashboard").status_code == 403
    assert rig.client.get(path).status_code == 200  # still unspent


def test_a_used_link_is_refused(rig: Rig) -> None:
    token = rig.sign_in("cora@alpha.example")
    rig.client.cookies.clear()
    again = rig.client.post("/dashboard/sign-in", data={"t": token})
    assert again.status_code == 403
    assert "already been used" in again.text
    assert rig.client.get("/dashboard").status_code == 403


def test_an_expired_link_is_refused(rig: Rig) -> None:
    path = rig.link("cora@alpha.example")
    token = path.split("t=", 1)[1]
    rig.later(15)
    answer = rig.client.post("/dashboard/sign-in", data={"t": token})
    assert answer.status_code == 403 and "expired" in answer.text
    assert "expired" in rig.client.get(path).text


def test_a_forged_or_altered_link_is_refused(rig: Rig) -> None:
    token = rig.link("lena@beta.example").split("t=", 1)[1]
    body, _, signature = token.partition(".")
    for forged in (f"{body}x.{signature}", f"{body}.{signature[:-2]}", "nonsense", ""):
        answer = rig.client.post("/dashboard/sign-in", data={"t": forged})
        assert answer.status_code == 403
        assert "not one the bot gave" in answer.text


def test_a_session_cookie_is_not_a_link_and_expires(rig: Rig) -> None:
    rig.sign_in("cora@alpha.example")
    cookie = rig.client.cookies.get("coachpool_dashboard")
    assert cookie
    answer = rig.client.post("/dashboard/sign-in", data={"t": cookie})
    assert answer.status_code == 403 and "not a sign-in link" in answer.text
    rig.later(8 * 60)
    assert rig.client.get("/dashboard").status_code == 403


def test_sign_out_ends_the_session(rig: Rig) -> None:
    rig.sign_in("cora@alpha.example")
    assert rig.client.get("/dashboard").status_code == 200
    answer = rig.client.post("/dashboard/sign-out")
    assert answer.status_code == 200 and "signed out" in answer.text
    assert rig.client.get("/dashboard").status_code == 403


def test_only_coordinators_and_leads_get_a_link(rig: Rig) -> None:
    for email in ("a1@alpha.example", "colin@alpha.example"):
        assert "sign-in" not in rig.say(email, "dashboard")


def test_a_lead_who_loses_the_role_loses_the_dashboard(rig: Rig) -> None:
    rig.sign_in("lena@beta.example")
    assert rig.client.get("/dashboard/org/beta").status_code == 200
    lena = rig.pool.store.find_person_by_email("lena@beta.example")
    assert lena is not None
    rig.pool.store.erase_person(lena.id, at=rig.clock.now())
    assert rig.client.get("/dashboard/org/beta").status_code == 403


def test_the_link_survives_slack_and_teams_formatting(rig: Rig) -> None:
    """Slack's and Teams' escaping leave the link exactly as the bot wrote it."""
    from handlers.slack.text import escape
    from handlers.teams.text import card_markdown

    for _ in range(20):  # tokens are random: try several
        said = rig.say("cora@alpha.example", "dashboard")
        link = said.split(": ", 1)[1].split()[0]
        assert re.fullmatch(r"https://coaching\.example/dashboard/sign-in\?t=[a-z2-7.]+", link)
        assert link in escape(said)
        assert link in card_markdown(said)
