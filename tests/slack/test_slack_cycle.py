"""The whole cycle in Slack terms, over real HTTP: a coachee in one workspace asks in a
DM, answers the follow-up questions, picks from the shortlist; the coach, in another
council's workspace, gets the request with accept buttons from the dispatcher, accepts;
both get the confirmation and the .ics invite uploaded into their DM."""

from __future__ import annotations

from bot.domain import RequestState, SessionState
from handlers.channel_names import SLACK
from tests.slack import slack_payloads as payloads
from tests.slack.slack_harness import posted, running_pool, team_of, words

SAM = "sam.patel@dudley.gov.uk"
ONE_LINER = (
    "could I get coaching on leading my team through a restructure, "
    "Tuesday or Thursday afternoons, online please"
)


def test_request_to_booking_across_two_workspaces(database_url: str) -> None:
    with running_pool(database_url, oauth=True) as h:
        store = h.application.store
        sam = h.user(SAM)
        assert sam.me.team_id == team_of("dudley")

        assert "What would you like to be different" in words(sam.say(ONE_LINER))
        # The identity was linked by verified email, with the DM for later messages.
        identity = store.find_identity(SLACK, sam.me.team_id, sam.me.user_id)
        assert identity is not None
        assert identity.conversation_ref == {"channel": sam.dm}

        assert "where are things now" in words(sam.say("Keep my team motivated"))
        assert "Anything you'd like in a coach" in words(sam.say("Two teams merge in January"))
        programmes = sam.say("skip")
        assert "Which programme" in words(programmes)
        # Choices with details: one section per option, its details under the label.
        blocks = posted(programmes)[-1].params["blocks"]
        regional = next(b for b in blocks if "Regional Coaching Pool" in str(b.get("text")))
        assert regional["accessory"]["text"]["text"] == "Choose"
        assert "Up to six one-hour sessions" in regional["text"]["text"]

        summary = sam.press("Regional Coaching Pool")
        assert "Here's what I've understood" in words(summary)
        header = posted(summary)[-1].params["blocks"][0]
        assert header["type"] == "header"

        shortlist = sam.press("Yes, find me a coach")
        text = words(shortlist)
        assert "coaches who could work with you" in text
        request = store.list_requests(coachee_id=identity.person_id)[0]
        assert request.state is RequestState.SHORTLISTED
        first = store.get_shortlist(request.id)[0]
        coach_person = store.get_person(first.coach_id)
        assert coach_person is not None
        assert coach_person.name in text

        asked = sam.press(coach_person.name)
        assert f"I've asked {coach_person.name}" in words(asked)

        # The dispatcher found the coach by email in their own council's workspace.
        coach = h.user(coach_person.email)
        assert coach.me.team_id != sam.me.team_id
        lookups = h.fake.calls_to("users.lookupByEmail", email=coach_person.email)
        assert lookups and lookups[-1].team_id == coach.me.team_id
        offer = words(coach.messages())
        assert "would like you as their coach" in offer
        assert "*Coaching on* leading my team through a restructure" in offer

        accept_label = next(
            e["text"]["text"]
            for c in coach.messages()
            for b in c.params["blocks"]
            if b["type"] == "actions"
            for e in b["elements"]
            if e["text"]["text"].startswith("Accept")
        )
        before = len(h.fake.calls)
        confirmed = coach.press(accept_label)
        assert "Your session is booked" in words(confirmed)
        after = h.fake.calls[before:]

        # Both got the card and the invite, each in their own DM and workspace.
        for person in (sam, coach):
            completes = [
                c
                for c in after
                if c.method == "files.completeUploadExternal"
                and c.params.get("channel_id") == person.dm
            ]
            assert len(completes) == 1, person.me.email
            assert completes[0].team_id == person.me.team_id
        uploads = [c for c in after if c.method == "upload"]
        assert len(uploads) == 2
        assert all(c.body.startswith(b"BEGIN:VCALENDAR") for c in uploads)
        assert "Your session is booked" in words(sam.since(before))

        sessions = store.list_sessions(person_id=identity.person_id)
        assert [s.state for s in sessions] == [SessionState.CONFIRMED]
        # Every message for someone else went out at once; what's left is due later.
        now = h.clock.now()
        assert all(m.state == "sent" for m in store.list_outbox() if m.due_at <= now)

        # The App Home tab shows the session with its buttons; Cancel asks first, from there.
        opened = payloads.home_opened_event(user=sam.me.user_id, channel=sam.dm)
        assert h.send_event(sam.me.team_id, opened).status_code == 200
        h.wait_turns()
        (home,) = h.fake.calls_to("views.publish", user_id=sam.me.user_id)
        assert "Your sessions" in words([home]) and coach_person.name in words([home])
        cancel = next(
            e
            for b in home.params["view"]["blocks"]
            if b["type"] == "actions"
            for e in b["elements"]
            if e["text"]["text"] == "Cancel"
        )
        before = len(h.fake.calls)
        press = payloads.block_actions(
            team_id=sam.me.team_id, user=sam.me.user_id, button=cancel, home=True
        )
        assert h.send_interaction(press).status_code == 200
        h.wait_turns()
        assert "will be told and the calendar entry removed" in words(sam.since(before))
        before = len(h.fake.calls)
        sam.press("Yes, cancel it")
        assert "the session is cancelled" in words(sam.since(before))
        assert "has cancelled your coaching session" in words(coach.since(before))
        # The confirmation came to the DM; the Home tab is fresh the next time it is opened.
        assert h.send_event(sam.me.team_id, opened).status_code == 200
        h.wait_turns()
        republished = h.fake.calls_to("views.publish", user_id=sam.me.user_id)
        assert len(republished) == 3 and "You have no sessions booked" in words(republished[-1:])
        assert [s.state for s in store.list_sessions(person_id=identity.person_id)] == [
            SessionState.CANCELLED
        ]
