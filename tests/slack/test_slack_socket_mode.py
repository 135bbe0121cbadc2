"""Socket Mode: the same listeners, fed over a WebSocket the app opens to Slack."""

from __future__ import annotations

import json

from tests.slack import slack_payloads as payloads
from tests.slack.slack_harness import posted, running_pool, words

SAM = "sam.patel@dudley.gov.uk"
SOCKET_MODE = {"COACHPOOL_SLACK_SOCKET_MODE": "1", "SLACK_APP_TOKEN": "xapp-1-A0POOL-1-abc"}


def test_events_arrive_over_the_socket_and_are_acknowledged(sqlite_url: str) -> None:
    with running_pool(sqlite_url, environ=SOCKET_MODE) as h:
        fake = h.fake
        fake.wait_for(lambda: fake.socket_connected)
        (opened,) = fake.calls_to("apps.connections.open")
        assert opened.token == SOCKET_MODE["SLACK_APP_TOKEN"]
        sam = h.user(SAM)
        event = payloads.dm_event(user=sam.me.user_id, channel=sam.dm, text="hello")
        body = payloads.event_callback(sam.me.team_id, event)
        fake.push_socket(
            {
                "envelope_id": "57d6a792-4d35-4d0b-b6aa-3361493e1caf",
                "type": "events_api",
                "accepts_response_payload": False,
                "retry_attempt": 0,
                "retry_reason": "",
                "payload": body,
            }
        )
        h.wait_turns()
        acks = [m for m in fake.socket_received if m.get("envelope_id")]
        assert acks[0]["envelope_id"] == "57d6a792-4d35-4d0b-b6aa-3361493e1caf"
        assert "Hello Sam" in words(posted(fake.calls))
        # No public HTTP endpoint for events in Socket Mode.
        assert h.http.post(h.url + "/slack/events", content=json.dumps(body)).status_code in {
            404,
            405,
        }
