"""The Teams channel's configuration: absent, incomplete, other clouds and local fakes."""

from __future__ import annotations

import pytest

from handlers.bootstrap import ConfigurationError
from handlers.teams.cloud import cloud_for
from handlers.teams.settings import TeamsSettings

BOT = {
    "MICROSOFT_APP_ID": "6f1c0a3e-0000-4000-8000-00000000b0b0",
    "MICROSOFT_APP_PASSWORD": "secret",
    "MICROSOFT_APP_TENANT_ID": "tenant",
}


def test_no_app_id_means_no_teams_channel() -> None:
    assert TeamsSettings.from_environ({}) is None
    assert TeamsSettings.from_environ({"MICROSOFT_APP_PASSWORD": "x"}) is None


def test_the_mount_is_absent_without_settings() -> None:
    from handlers.channels import ChannelContext
    from handlers.teams.mount import mount

    async def kick() -> None:
        return None

    context = ChannelContext(application=None, environ={}, dispatch_soon=kick)  # type: ignore[arg-type]
    assert mount(context) is None


@pytest.mark.parametrize("missing", ["MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_TENANT_ID"])
def test_a_single_tenant_bot_needs_all_three(missing: str) -> None:
    environ = {k: v for k, v in BOT.items() if k != missing}
    with pytest.raises(ConfigurationError, match=missing):
        TeamsSettings.from_environ(environ)


def test_public_cloud_defaults() -> None:
    settings = TeamsSettings.from_environ(BOT)
    assert settings is not None
    cloud = cloud_for(settings)
    assert cloud.login_endpoint == "https://login.microsoftonline.com"
    assert cloud.openid_metadata_url == (
        "https://login.botframework.com/v1/.well-known/openidconfiguration"
    )
    assert cloud.token_issuer == "https://api.botframework.com"
    assert settings.bot_account_id == f"28:{BOT['MICROSOFT_APP_ID']}"


def test_endpoints_for_a_sovereign_cloud_or_a_fake() -> None:
    settings = TeamsSettings.from_environ(
        {
            **BOT,
            "CLOUD": "USGov",
            "MICROSOFT_LOGIN_URL": "https://127.0.0.1:8443/",
            "BOTFRAMEWORK_OPENID_URL": "http://127.0.0.1:8080/v1/.well-known/openidconfiguration",
            "SSL_CERT_FILE": "/etc/coachpool/ca.pem",
        }
    )
    assert settings is not None
    cloud = cloud_for(settings)
    assert cloud.login_endpoint == "https://127.0.0.1:8443"
    assert cloud.openid_metadata_url.startswith("http://127.0.0.1:8080/")
    assert cloud.bot_scope == "https://api.botframework.us/.default"
    assert settings.ca_bundle == "/etc/coachpool/ca.pem"


def test_requests_ca_bundle_wins_over_ssl_cert_file() -> None:
    settings = TeamsSettings.from_environ(
        {**BOT, "REQUESTS_CA_BUNDLE": "/a.pem", "SSL_CERT_FILE": "/b.pem"}
    )
    assert settings is not None and settings.ca_bundle == "/a.pem"


def test_bad_values_are_explained() -> None:
    with pytest.raises(ConfigurationError, match="openidconfiguration"):
        TeamsSettings.from_environ({**BOT, "BOTFRAMEWORK_OPENID_URL": "https://x/keys"})
    with pytest.raises(ConfigurationError, match="CLOUD"):
        TeamsSettings.from_environ({**BOT, "CLOUD": "Mars"})
