"""Microsoft's Teams SDK, imported and configured in one place.

Importing `microsoft_teams.apps` has two side effects worth knowing: it loads a `.env`
file from the working directory into the environment (python-dotenv, without overriding
what is set), and it warns that its HTML widgets are a preview, which we don't use. The
warning is silenced here; the rest of the package imports the SDK's app through here.
"""

from __future__ import annotations

import warnings

from microsoft_teams.common.experimental import ExperimentalWarning

with warnings.catch_warnings():
    warnings.simplefilter("ignore", ExperimentalWarning)
    from microsoft_teams.apps import ActivityContext, App, HttpServerAdapter
    from microsoft_teams.apps.http.adapter import (
        HttpMethod,
        HttpRequest,
        HttpResponse,
        HttpRouteHandler,
    )

from microsoft_teams.api.auth.cloud_environment import CloudEnvironment
from microsoft_teams.api.auth.credentials import TokenProviderProtocol

from handlers.teams.settings import TeamsSettings

MESSAGES_PATH = "/api/messages"

__all__ = [
    "MESSAGES_PATH",
    "ActivityContext",
    "App",
    "HttpMethod",
    "HttpRequest",
    "HttpResponse",
    "HttpRouteHandler",
    "HttpServerAdapter",
    "build_app",
]


def build_app(
    settings: TeamsSettings,
    *,
    cloud: CloudEnvironment,
    tokens: TokenProviderProtocol,
    adapter: HttpServerAdapter,
) -> App:
    """A single-tenant bot whose tokens come from our msal provider and whose endpoint is
    registered through our Starlette adapter."""
    return App(
        client_id=settings.app_id,
        tenant_id=settings.tenant_id,
        token=tokens,
        cloud=cloud,
        http_server_adapter=adapter,
        messaging_endpoint=MESSAGES_PATH,
        state=False,
    )
