"""The Teams channel's configuration, read once from the environment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from handlers.bootstrap import ConfigurationError

# The SDK finds the signing keys next to the metadata document, at .../keys.
OPENID_SUFFIX = "/openidconfiguration"
CLOUDS = ("Public", "USGov", "USGovDoD", "China")


@dataclass(frozen=True)
class TeamsSettings:
    """A single-tenant bot registration and the cloud it lives in."""

    app_id: str
    app_password: str
    tenant_id: str
    # The SDK's cloud (its CLOUD variable): the defaults for every endpoint below.
    cloud: str = "Public"
    # Overrides of the cloud's token authority host and inbound-token metadata.
    login_url: str | None = None
    openid_url: str | None = None
    # CA bundle for our own TLS clients (msal, Graph, file uploads); None: the system's.
    ca_bundle: str | None = None

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> TeamsSettings | None:
        """None when no bot is configured (MICROSOFT_APP_ID unset)."""
        app_id = environ.get("MICROSOFT_APP_ID", "").strip()
        if not app_id:
            return None
        missing = [
            name
            for name in ("MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_TENANT_ID")
            if not environ.get(name, "").strip()
        ]
        if missing:
            raise ConfigurationError(
                f"MICROSOFT_APP_ID is set but {' and '.join(missing)} "
                f"{'is' if len(missing) == 1 else 'are'} not: the Teams bot is a single-tenant "
                "registration and needs its client secret and tenant id (see docs/teams.md)"
            )
        cloud = environ.get("CLOUD", "").strip() or "Public"
        if cloud.lower() not in {c.lower() for c in CLOUDS}:
            raise ConfigurationError(f"CLOUD={cloud!r} is not one of {', '.join(CLOUDS)}")
        openid_url = environ.get("BOTFRAMEWORK_OPENID_URL", "").strip() or None
        if openid_url is not None and not openid_url.endswith(OPENID_SUFFIX):
            raise ConfigurationError(
                f"BOTFRAMEWORK_OPENID_URL={openid_url!r} must end with {OPENID_SUFFIX!r} "
                "(the keys are read from the sibling '/keys' document, as on every Microsoft cloud)"
            )
        login_url = environ.get("MICROSOFT_LOGIN_URL", "").strip().rstrip("/") or None
        return cls(
            app_id=app_id,
            app_password=environ["MICROSOFT_APP_PASSWORD"].strip(),
            tenant_id=environ["MICROSOFT_APP_TENANT_ID"].strip(),
            cloud=cloud,
            login_url=login_url,
            openid_url=openid_url,
            ca_bundle=(
                environ.get("REQUESTS_CA_BUNDLE", "").strip()
                or environ.get("SSL_CERT_FILE", "").strip()
                or None
            ),
        )

    @property
    def bot_account_id(self) -> str:
        """How Teams names the bot in conversations."""
        return f"28:{self.app_id}"
