"""Request bodies as Slack sends them (shapes from docs.slack.dev: Events API
`event_callback`, `block_actions`, `view_submission`, slash commands, shortcuts), and the
request signature Slack puts on each."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import time
from typing import Any

APP_ID = "A0POOL"
_numbers = itertools.count(1)


def signature_headers(body: str, *, secret: str, timestamp: int | None = None) -> dict[str, str]:
    """X-Slack-Signature: v0= HMAC-SHA256 of `v0:<timestamp>:<body>` with the secret."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256)
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest.hexdigest()}"}


def new_id(prefix: str) -> str:
    return f"{prefix}{next(_numbers):06d}"


def event_callback(team_id: str, event: dict[str, Any], *, event_id: str = "") -> dict[str, Any]:
    return {
        "token": "legacy-verification-token",
        "team_id": team_id,
        "api_app_id": APP_ID,
        "event": event,
        "type": "event_callback",
        "event_id": event_id or new_id("Ev"),
        "event_time": int(time.time()),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": team_id,
                "user_id": f"UBOT{team_id}",
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
    }


def dm_event(*, user: str, channel: str, text: str, **extra: Any) -> dict[str, Any]:
    ts = f"{time.time():.6f}"
    return {
        "type": "message",
        "channel": channel,
        "user": user,
        "text": text,
        "ts": ts,
        "event_ts": ts,
        "channel_type": "im",
        **extra,
    }


def home_opened_event(*, user: str, channel: str) -> dict[str, Any]:
    return {
        "type": "app_home_opened",
        "user": user,
        "channel": channel,
        "tab": "home",
        "event_ts": f"{time.time():.6f}",
    }


def block_actions(
    *,
    team_id: str,
    user: str,
    button: dict[str, Any],
    channel: str = "",
    message: dict[str, Any] | None = None,
    home: bool = False,
    state: dict[str, Any] | None = None,
) -> dict[str, Any]:
    action = {
        "action_id": button["action_id"],
        "block_id": button.get("block_id", "b1"),
        "text": button["text"],
        "value": button.get("value", ""),
        "type": "button",
        "action_ts": f"{time.time():.6f}{next(_numbers)}",
    }
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": {"id": user, "username": user.lower(), "team_id": team_id},
        "api_app_id": APP_ID,
        "token": "legacy-verification-token",
        "trigger_id": new_id("trigger."),
        "team": {"id": team_id, "domain": team_id.lower()},
        "enterprise": None,
        "is_enterprise_install": False,
        "state": state or {"values": {}},
        "actions": [action],
    }
    if home:
        payload["container"] = {"type": "view", "view_id": "VHOME"}
        payload["view"] = {"id": "VHOME", "type": "home", "team_id": team_id}
    else:
        ts = (message or {}).get("ts", "1.0")
        payload["container"] = {
            "type": "message",
            "message_ts": ts,
            "channel_id": channel,
            "is_ephemeral": False,
        }
        payload["channel"] = {"id": channel, "name": "directmessage"}
        payload["message"] = {"type": "message", "ts": ts, **(message or {})}
        payload["response_url"] = "https://hooks.slack.invalid/actions/1"
    return payload


def view_submission(
    *, team_id: str, user: str, view: dict[str, Any], values: dict[str, str]
) -> dict[str, Any]:
    """Submitting `view` (as the app opened it) with `values` by field (block id "f.x")."""
    state: dict[str, Any] = {}
    for block in view.get("blocks", []):
        if block.get("type") != "input":
            continue
        name = block["block_id"]
        element = block["element"]
        given = values.get(name.removeprefix("f."))
        if element["type"] == "static_select":
            option = next((o for o in element["options"] if o["value"] == given), None)
            option = option or element.get("initial_option")
            state[name] = {
                element["action_id"]: {"type": "static_select", "selected_option": option}
            }
        else:
            state[name] = {element["action_id"]: {"type": element["type"], "value": given}}
    return {
        "type": "view_submission",
        "team": {"id": team_id, "domain": team_id.lower()},
        "user": {"id": user, "username": user.lower(), "team_id": team_id},
        "api_app_id": APP_ID,
        "token": "legacy-verification-token",
        "trigger_id": new_id("trigger."),
        "view": {
            **view,
            "id": view.get("id", new_id("V")),
            "team_id": team_id,
            "state": {"values": state},
            "hash": new_id("hash."),
        },
        "response_urls": [],
        "enterprise": None,
        "is_enterprise_install": False,
    }


def slash_command(
    *, team_id: str, user: str, text: str, channel: str, response_url: str
) -> dict[str, str]:
    return {
        "token": "legacy-verification-token",
        "team_id": team_id,
        "team_domain": team_id.lower(),
        "channel_id": channel,
        "channel_name": "directmessage" if channel.startswith("D") else "general",
        "user_id": user,
        "user_name": user.lower(),
        "command": "/coaching",
        "text": text,
        "api_app_id": APP_ID,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": new_id("trigger."),
    }


def global_shortcut(*, team_id: str, user: str, callback_id: str) -> dict[str, Any]:
    return {
        "type": "shortcut",
        "token": "legacy-verification-token",
        "action_ts": f"{time.time():.6f}",
        "team": {"id": team_id, "domain": team_id.lower()},
        "user": {"id": user, "username": user.lower(), "team_id": team_id},
        "is_enterprise_install": False,
        "enterprise": None,
        "callback_id": callback_id,
        "trigger_id": new_id("trigger."),
    }
