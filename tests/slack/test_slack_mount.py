"""Which Slack setup the environment gives, and what `mount` plugs into the server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.routing import Route

from bot.clock import SimulatedClock
from handlers.bootstrap import Application, ConfigurationError, bootstrap
from handlers.channels import ChannelContext
from handlers.slack.mount import mount
from handlers.slack.settings import BOT_SCOPES, slack_settings
from tests.slack.slack_harness import START


@pytest.fixture
def application(sqlite_url: str) -> Iterator[Application]:
    app = bootstrap(database_url=sqlite_url, clock=SimulatedClock(START))
    yield app
    app.store.close()


async def _nothing() -> None:
    return None


def _paths(application: Application, environ: dict[str, str]) -> set[str] | None:
    mounted = mount(ChannelContext(application, environ, _nothing))
    if mounted is None:
        return None
    return {r.path for r in mounted.routes if isinstance(r, Route)}


def test_without_slack_settings_nothing_is_mounted(application: Application) -> None:
    assert _paths(application, {}) is None
    assert _paths(application, {"SLACK_SIGNING_SECRET": "s"}) is None


def test_single_workspace_serves_events_only(application: Application) -> None:
    environ = {"SLACK_SIGNING_SECRET": "s", "SLACK_BOT_TOKEN": "xoxb-1"}
    assert _paths(application, environ) == {"/slack/events"}


def test_oauth_mode_adds_the_install_routes(application: Application) -> None:
    environ = {"SLACK_SIGNING_SECRET": "s", "SLACK_CLIENT_ID": "1.2", "SLACK_CLIENT_SECRET": "c"}
    assert _paths(application, environ) == {
        "/slack/events",
        "/slack/install",
        "/slack/oauth_redirect",
    }


def test_socket_mode_has_no_events_route_but_a_connection(application: Application) -> None:
    environ = {
        "SLACK_BOT_TOKEN": "xoxb-1",
        "SLACK_APP_TOKEN": "xapp-1",
        "COACHPOOL_SLACK_SOCKET_MODE": "1",
    }
    mounted = mount(ChannelContext(application, environ, _nothing))
    assert mounted is not None
    assert mounted.routes == []
    assert len(mounted.background) == 1 and len(mounted.on_shutdown) == 1


@pytest.mark.parametrize(
    ("environ", "complaint"),
    [
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET"),
        ({"SLACK_BOT_TOKEN": "xoxb-1", "COACHPOOL_SLACK_SOCKET_MODE": "1"}, "SLACK_APP_TOKEN"),
        ({"COACHPOOL_SLACK_SOCKET_MODE": "1"}, "SLACK_BOT_TOKEN"),
    ],
)
def test_half_a_configuration_is_refused_with_the_fix(
    environ: dict[str, str], complaint: str
) -> None:
    with pytest.raises(ConfigurationError, match=complaint):
        slack_settings(environ)


def test_settings_read_from_the_environment() -> None:
    settings = slack_settings(
        {
            "SLACK_SIGNING_SECRET": "s",
            "SLACK_BOT_TOKEN": " xoxb-1 ",
            "SLACK_API_URL": "http://127.0.0.1:9/api",
        }
    )
    assert settings is not None
    assert settings.bot_token == "xoxb-1" and not settings.oauth
    assert settings.api_url == "http://127.0.0.1:9/api/"
    assert settings.scopes == BOT_SCOPES
