"""manifest.yml declares what the code listens for and every scope its Web API calls
need; an admin who pastes it gets a working app."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from bot.clock import SimulatedClock
from handlers.bootstrap import bootstrap
from handlers.channels import ChannelContext
from handlers.slack.channel import slack_channel
from handlers.slack.listeners import Registered
from handlers.slack.settings import BOT_SCOPES
from tests.slack.manifest_yaml import load
from tests.slack.slack_harness import START

ROOT = Path(__file__).resolve().parents[2]
# What each Web API method needs, from its page on docs.slack.dev/reference/methods.
METHOD_SCOPES: dict[str, set[str]] = {
    "auth.test": set(),
    "chat.postMessage": {"chat:write"},
    "chat.postEphemeral": {"chat:write"},
    "chat.update": {"chat:write"},
    "conversations.history": {"im:history"},  # only ever our own DMs
    "conversations.open": {"im:write"},
    "files.getUploadURLExternal": {"files:write"},
    "files.completeUploadExternal": {"files:write"},
    "users.info": {"users:read", "users:read.email"},  # the profile's email needs the latter
    "users.lookupByEmail": {"users:read.email"},
    "views.open": set(),
    "views.publish": set(),
}
# slack-sdk helpers that call several methods.
COMPOSITE = {"files.upload.v2": ("files.getUploadURLExternal", "files.completeUploadExternal")}
EVENT_SCOPES = {
    "message.im": {"im:history"},
    "app_home_opened": set(),
    "app_uninstalled": set(),
    "tokens_revoked": set(),
}
# Listener registrations and the manifest event they need.
EVENT_NAMES = {"message": "message.im"}
_WEB_API = re.compile(r"^(apps|auth|chat|conversations|files|oauth|users|views)_[A-Za-z0-9_]+$")


@pytest.fixture(scope="module")
def manifest() -> Any:
    return load((ROOT / "manifest.yml").read_text(encoding="utf-8"))


def _registered(url: str, *, oauth: bool) -> Registered:
    application = bootstrap(database_url=url, clock=SimulatedClock(START))
    environ = {"SLACK_SIGNING_SECRET": "s", "SLACK_API_URL": "http://127.0.0.1:9/api/"}
    if oauth:
        environ |= {"SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "c"}
    else:
        environ["SLACK_BOT_TOKEN"] = "xoxb-1"

    async def nothing() -> None:
        return None

    try:
        channel = slack_channel(ChannelContext(application, environ, nothing))
        assert channel is not None
        return channel.app.registered
    finally:
        application.store.close()


@pytest.mark.parametrize("oauth", [False, True], ids=["single-workspace", "oauth"])
def test_every_listener_is_declared_and_every_declared_event_heard(
    manifest: Any, sqlite_url: str, oauth: bool
) -> None:
    registered = _registered(sqlite_url, oauth=oauth)
    events = {EVENT_NAMES.get(e, e) for e in registered.events}
    assert events == set(manifest["settings"]["event_subscriptions"]["bot_events"])
    commands = {c["command"] for c in manifest["features"]["slash_commands"]}
    assert registered.commands == commands
    shortcuts = {s["callback_id"] for s in manifest["features"]["shortcuts"]}
    assert registered.shortcuts == shortcuts
    assert all(s["type"] == "global" for s in manifest["features"]["shortcuts"])


def _web_api_methods() -> set[str]:
    methods: set[str] = set()
    for module in (ROOT / "handlers" / "slack").glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            # Every Web API call in the package is `client.<method>` on a slack-sdk client.
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "client"
                and _WEB_API.match(node.attr)
            ):
                family, _, name = node.attr.partition("_")
                methods.add(f"{family}.{name.replace('_', '.')}")
    return methods


def test_every_web_api_method_the_code_calls_has_its_scopes_declared(manifest: Any) -> None:
    declared = set(manifest["oauth_config"]["scopes"]["bot"])
    called = _web_api_methods()
    assert {"chat.postMessage", "users.lookupByEmail", "views.publish"} <= called
    for method in sorted(called):
        for part in COMPOSITE.get(method, (method,)):
            assert part in METHOD_SCOPES, f"{part}: add its scopes to METHOD_SCOPES"
            missing = METHOD_SCOPES[part] - declared
            assert not missing, f"{part} needs {missing}"
    for event in manifest["settings"]["event_subscriptions"]["bot_events"]:
        assert EVENT_SCOPES[event] <= declared
    if manifest["features"]["slash_commands"] or manifest["features"]["shortcuts"]:
        assert "commands" in declared


def test_the_oauth_install_asks_for_exactly_the_manifest_scopes(manifest: Any) -> None:
    assert set(BOT_SCOPES) == set(manifest["oauth_config"]["scopes"]["bot"])


def test_urls_features_and_socket_mode(manifest: Any) -> None:
    settings = manifest["settings"]
    paths = {
        urlparse(settings["event_subscriptions"]["request_url"]).path,
        urlparse(settings["interactivity"]["request_url"]).path,
        *(urlparse(c["url"]).path for c in manifest["features"]["slash_commands"]),
    }
    assert paths == {"/slack/events"}
    assert settings["interactivity"]["is_enabled"] is True
    redirect = {urlparse(u).path for u in manifest["oauth_config"]["redirect_urls"]}
    assert redirect == {"/slack/oauth_redirect"}
    assert settings["socket_mode_enabled"] is False
    home = manifest["features"]["app_home"]
    assert home["home_tab_enabled"] and home["messages_tab_enabled"]
    assert not home["messages_tab_read_only_enabled"]
    assert len(manifest["display_information"]["description"]) <= 140
