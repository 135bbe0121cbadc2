"""The Teams channel's configuration, read once from the environment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypedDict

from handlers.bootstrap import ConfigurationError

# The SDK finds the signing keys next to the metadata document, at .../keys.
OPENID_SUFFIX = "/openidconfiguration"
CLOUDS = ("Public", "USGov", "USGovDoD", "China")


@dataclass(frozen=True)
class TeamsSettings:
    """A bot registration and the cloud it lives in.

    From MICROSOFT_APP_* it is the deployment's one registration and answers whichever
    tenant Teams delivers from (member tenants are checked per person, people.py); from the
    MICROSOFT_APP_REGISTRATIONS file it is one of several single-tenant registrations and
    answers its own tenant only (registrations.py)."""

    app_id: str
    app_password: str = field(repr=False)  # never in a log line or a traceback
    tenant_id: str
    # The SDK's cloud (its CLOUD variable): the defaults for every endpoint below.
    cloud: str = "Public"
    # Overrides of the cloud's token authority host and inbound-token metadata.
    login_url: str | None = None
    openid_url: str | None = None
    # CA bundle for our own TLS clients (msal, Graph, file uploads); None: the system's.
    ca_bundle: str | None = None
    # How the operator named it (the file's `name`); "" for the MICROSOFT_APP_* one.
    name: str = ""
    own_tenant_only: bool = False

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
        return cls(
            app_id=app_id,
            app_password=environ["MICROSOFT_APP_PASSWORD"].strip(),
            tenant_id=environ["MICROSOFT_APP_TENANT_ID"].strip(),
            **deployment_from_environ(environ),
        )

    def serves(self, tenant_id: str) -> bool:
        """Whether activities from this tenant are this registration's to answer."""
        return not self.own_tenant_only or tenant_id == self.tenant_id

    def is_audience(self, audience: str) -> bool:
        """The audiences the SDK accepts for this app id in a Bot Framework token."""
        return audience in {self.app_id, f"api://{self.app_id}", f"api://botid-{self.app_id}"}

    @property
    def label(self) -> str:
        return self.name or "MICROSOFT_APP_ID"

    @property
    def bot_account_id(self) -> str:
        """How Teams names the bot in conversations."""
        return f"28:{self.app_id}"


class Deployment(TypedDict):
    cloud: str
    login_url: str | None
    openid_url: str | None
    ca_bundle: str | None


def deployment_from_environ(environ: Mapping[str, str]) -> Deployment:
    """What every registration of the deployment shares: the cloud, its endpoints, the CA."""
    cloud = environ.get("CLOUD", "").strip() or "Public"
    if cloud.lower() not in {c.lower() for c in CLOUDS}:
        raise ConfigurationError(f"CLOUD={cloud!r} is not one of {', '.join(CLOUDS)}")
    openid_url = environ.get("BOTFRAMEWORK_OPENID_URL", "").strip() or None
    if openid_url is not None and not openid_url.endswith(OPENID_SUFFIX):
        raise ConfigurationError(
            f"BOTFRAMEWORK_OPENID_URL={openid_url!r} must end with {OPENID_SUFFIX!r} "
            "(the keys are read from the sibling '/keys' document, as on every Microsoft cloud)"
        )
    return {
        "cloud": cloud,
        "login_url": environ.get("MICROSOFT_LOGIN_URL", "").strip().rstrip("/") or None,
        "openid_url": openid_url,
        "ca_bundle": (
            environ.get("REQUESTS_CA_BUNDLE", "").strip()
            or environ.get("SSL_CERT_FILE", "").strip()
            or None
        ),
    }
