"""App-only access tokens (Bot Framework, Graph) from Entra ID, through msal.

Handed to the SDK as its token provider. The SDK's own token manager builds msal clients
from the login host alone: it keeps msal's instance discovery, which asks
login.microsoftonline.com to vouch for any other host (so a sovereign or local login host
fails without internet), and it cannot be given a CA bundle. Our authority comes from our
own configuration, so discovery has nothing to add and is turned off.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import msal

from handlers.teams.settings import TeamsSettings

TOKEN_TIMEOUT = 15.0


class TokenUnavailable(Exception):
    """No token: `transient` when Entra could not be reached (worth retrying later)."""

    def __init__(self, reason: str, *, transient: bool) -> None:
        super().__init__(reason)
        self.transient = transient


class MsalTokens:
    def __init__(self, settings: TeamsSettings, *, login_url: str) -> None:
        self._settings = settings
        self._login_url = login_url.rstrip("/")
        self._clients: dict[str, Any] = {}
        self._lock = threading.Lock()

    def acquire(self, scope: str, tenant_id: str | None = None) -> str:
        """Blocking; msal caches the token until shortly before it expires."""
        try:
            client = self._client(tenant_id or self._settings.tenant_id)
            result: dict[str, Any] = client.acquire_token_for_client(scopes=[scope])
        except OSError as error:  # requests' connection errors, timeouts and 5xx
            raise TokenUnavailable(
                f"cannot reach the login service: {error}", transient=True
            ) from error
        except ValueError as error:  # msal: the authority metadata says no (a wrong tenant)
            raise TokenUnavailable(f"login authority: {error}", transient=False) from error
        token = result.get("access_token")
        if not isinstance(token, str) or not token:
            reason = result.get("error_description") or result.get("error") or "no token"
            raise TokenUnavailable(f"the login service refused: {reason}", transient=False)
        return token

    async def get_app_token(self, scope: str, tenant_id: str | None) -> str:
        """The SDK's token provider interface."""
        return await asyncio.to_thread(self.acquire, scope, tenant_id)

    def _client(self, tenant_id: str) -> Any:
        # msal reads the authority's OpenID metadata when the client is built.
        with self._lock:
            client = self._clients.get(tenant_id)
            if client is None:
                client = msal.ConfidentialClientApplication(
                    self._settings.app_id,
                    client_credential=self._settings.app_password,
                    authority=f"{self._login_url}/{tenant_id}",
                    instance_discovery=False,
                    verify=self._settings.ca_bundle or True,
                    timeout=TOKEN_TIMEOUT,
                )
                self._clients[tenant_id] = client
            return client
