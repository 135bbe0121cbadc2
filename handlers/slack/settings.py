"""Which Slack setup the environment describes, checked once at start-up."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from handlers.bootstrap import ConfigurationError

# What the bot asks for when a workspace installs it (keep in step with manifest.yml).
BOT_SCOPES = (
    "chat:write",
    "commands",
    "files:write",
    "im:history",
    "im:write",
    "users:read",
    "users:read.email",
)
_TRUE = {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class SlackSettings:
    """Single-workspace mode has `bot_token`; OAuth mode (any number of workspaces) has
    `client_id` and `client_secret`. `api_url` "" means Slack's own Web API."""

    signing_secret: str = ""
    bot_token: str = ""
    client_id: str = ""
    client_secret: str = ""
    scopes: tuple[str, ...] = BOT_SCOPES
    redirect_uri: str = ""
    app_token: str = ""
    socket_mode: bool = False
    api_url: str = ""

    @property
    def oauth(self) -> bool:
        return bool(self.client_id and self.client_secret)


def slack_settings(environ: Mapping[str, str]) -> SlackSettings | None:
    """None when Slack isn't configured at all; ConfigurationError when half of it is."""

    def get(name: str) -> str:
        return environ.get(name, "").strip()

    settings = SlackSettings(
        signing_secret=get("SLACK_SIGNING_SECRET"),
        bot_token=get("SLACK_BOT_TOKEN"),
        client_id=get("SLACK_CLIENT_ID"),
        client_secret=get("SLACK_CLIENT_SECRET"),
        scopes=tuple(s.strip() for s in get("SLACK_SCOPES").split(",") if s.strip()) or BOT_SCOPES,
        redirect_uri=get("SLACK_REDIRECT_URI"),
        app_token=get("SLACK_APP_TOKEN"),
        socket_mode=get("COACHPOOL_SLACK_SOCKET_MODE").lower() in _TRUE,
        api_url=_api_base(get("SLACK_API_URL")),
    )
    if not settings.bot_token and not settings.oauth:
        if settings.socket_mode:
            raise ConfigurationError(
                "Slack Socket Mode needs SLACK_BOT_TOKEN (xoxb-...) and SLACK_APP_TOKEN (xapp-...)"
            )
        return None
    if settings.socket_mode and not settings.app_token:
        raise ConfigurationError(
            "Slack Socket Mode needs SLACK_APP_TOKEN: an app-level token (xapp-...) with the "
            "connections:write scope, from the app's Basic Information page"
        )
    if not settings.socket_mode and not settings.signing_secret:
        raise ConfigurationError(
            "SLACK_SIGNING_SECRET is missing: Slack requests can't be verified without it "
            "(find it on the app's Basic Information page), or use --socket-mode"
        )
    return settings


def _api_base(url: str) -> str:
    # slack_sdk joins method names onto the base URL, so it must end with a slash.
    return url if not url or url.endswith("/") else url + "/"
