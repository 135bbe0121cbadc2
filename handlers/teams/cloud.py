"""The Microsoft cloud's endpoints (the SDK's table), with our overrides on top."""

from __future__ import annotations

from microsoft_teams.api.auth.cloud_environment import CloudEnvironment, from_name, with_overrides

from handlers.teams.settings import TeamsSettings


def cloud_for(settings: TeamsSettings) -> CloudEnvironment:
    return with_overrides(
        from_name(settings.cloud),
        login_endpoint=settings.login_url,
        openid_metadata_url=settings.openid_url,
    )
