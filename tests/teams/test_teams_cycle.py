"""The whole cycle across channels: a coachee on the console, their coach on Teams.

The coachee asks, picks the coach; the coach's offer reaches them proactively on Teams,
they accept with a button, the card turns into the booking in place, the .ics invite
follows as a file card; the coachee's confirmation reaches them on the console.
"""

from __future__ import annotations

from typing import Any

from teams_fakes import card_of, card_text, find_action
from teams_rig import CATHERINE, SHROPSHIRE_TENANT, TeamsRig, activity, execute, installed

from bot.domain import SessionState
from bot.messages import Incoming
from bot.replies import Attachment, Card, Choices
from handlers.channel_names import CONSOLE
from handlers.console.render import render
from handlers.pool.sample import DEMO_COACHEE_EMAIL

CONSENT = "application/vnd.microsoft.teams.card.file.consent"
FILE_INFO = "application/vnd.microsoft.teams.card.file.info"


def _coachee_chooses_catherine(teams: TeamsRig) -> None:
    """The console side, through the core's one door."""
    bot = teams.application.bot
    sam = teams.person(DEMO_COACHEE_EMAIL)
    replies: list[Any] = []
    for line in (
        "could I get coaching on leading my team through a restructure, "
        "Tuesday or Thursday afternoons, online please",
        "Keep my team motivated and feel confident leading them through the changes",
        "Two teams merge in January and people are anxious about their jobs",
        "skip",
        "1",
        "1",
    ):
        options = [
            (choice, r.token)
            for r in replies
            if isinstance(r, Choices | Card)
            for choice in (r.options if isinstance(r, Choices) else r.actions)
        ]
        if line.isdigit():
            choice, token = options[int(line) - 1]
            incoming = Incoming(sam.id, CONSOLE, text=choice.label, value=choice.value, token=token)
        else:
            incoming = Incoming(sam.id, CONSOLE, text=line)
        replies = list(bot.handle(incoming).replies)
    shortlist = next(r for r in replies if isinstance(r, Choices))
    catherine = next(c for c in shortlist.options if c.label.startswith("Catherine Ellis"))
    outcome = bot.handle(Incoming(sam.id, CONSOLE, value=catherine.value, token=shortlist.token))
    assert "I've asked Catherine Ellis" in render(outcome.replies).text


def _posted_to(teams: TeamsRig, member_aad: str) -> list[dict[str, Any]]:
    return teams.connector.posted(f"a:personal-{member_aad}")


def test_a_teams_coach_and_a_console_coachee_book_a_session(teams: TeamsRig) -> None:
    store = teams.application.store
    _coachee_chooses_catherine(teams)

    # The coach has the app: installing it linked her Teams account by email.
    assert teams.post(installed(teams, CATHERINE, tenant=SHROPSHIRE_TENANT)).status_code == 200
    assert teams.teams_identity(CATHERINE.email) is not None

    # The request reaches her proactively, on Teams, as a card with the offered times.
    report = teams.dispatch()
    assert (report.sent, report.failed) == (1, 0)
    offer = card_of(_posted_to(teams, CATHERINE.aad_object_id)[-1])
    assert offer is not None
    assert "Sam would like you as their coach" in card_text(offer)
    accept = find_action(offer, "Accept")

    # She accepts: the offer card is replaced in place by the booking.
    pressed = execute(teams, CATHERINE, accept, tenant=SHROPSHIRE_TENANT)
    response = teams.post(pressed)
    assert response.status_code == 200, response.text
    booked = response.json()["value"]
    assert "Your session is booked" in card_text(booked)
    assert "With: Sam Patel" in card_text(booked)
    find_action(booked, "Reschedule")
    sessions = store.list_sessions(person_id=teams.person(CATHERINE.email).id)
    assert [s.state for s in sessions] == [SessionState.CONFIRMED]
    session = sessions[0]

    # The invite follows as a file-consent card; accepting it uploads the .ics.
    posted = teams.connector.wait_for(
        lambda acts: any(_attachment(a, CONSENT) for a in acts), timeout=5
    )
    consent = next(c for c in (_attachment(a, CONSENT) for a in posted) if c)
    assert consent["name"] == f"coaching-session-{session.id}.ics"
    upload_url = f"{teams.connector.url}/upload/{consent['name']}"
    accepted = activity(
        teams,
        CATHERINE,
        tenant=SHROPSHIRE_TENANT,
        kind="invoke",
        name="fileConsent/invoke",
        value={
            "type": "fileUpload",
            "action": "accept",
            "context": consent["content"]["acceptContext"],
            "uploadInfo": {
                "contentUrl": "https://contoso.sharepoint.com/invite.ics",
                "name": consent["name"],
                "uploadUrl": upload_url,
                "uniqueId": "file-unique-id",
                "fileType": "ics",
            },
        },
    )
    assert teams.post(accepted).status_code == 200
    upload = teams.connector.requests("PUT", "/upload/")[-1]
    assert upload.body.startswith(b"BEGIN:VCALENDAR")
    assert b"Catherine Ellis" in upload.body
    info = _attachment(_posted_to(teams, CATHERINE.aad_object_id)[-1], FILE_INFO)
    assert info is not None
    assert info["contentUrl"] == "https://contoso.sharepoint.com/invite.ics"

    # The coachee's confirmation goes out on the console, with the invite.
    report = teams.dispatch()
    assert (report.sent, report.failed) == (1, 0)
    for_sam = teams.console.take(DEMO_COACHEE_EMAIL)
    assert "Your session is booked" in render(for_sam).text
    assert any(isinstance(r, Attachment) and r.filename.endswith(".ics") for r in for_sam)

    # Pressing the old Accept button again changes nothing, and says so.
    again = teams.post(execute(teams, CATHERINE, accept, tenant=SHROPSHIRE_TENANT))
    assert "already booked for Thursday 26 November, 14:00 GMT" in card_text(again.json()["value"])
    assert len(store.list_sessions(person_id=teams.person(CATHERINE.email).id)) == 1


def _attachment(activity: dict[str, Any], content_type: str) -> dict[str, Any] | None:
    return next(
        (a for a in activity.get("attachments") or [] if a.get("contentType") == content_type),
        None,
    )
