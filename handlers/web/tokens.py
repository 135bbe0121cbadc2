"""Signed tokens for the dashboard: one-time sign-in links and session cookies.

Both are `base32(json).base32(hmac-sha256)` under a key derived from the first key in
COACHPOOL_SECRET_KEY, so nothing needs storing to check them. A link carries a random
nonce; spending it records the nonce with the store's `remember_event`, so a second use
is refused (and a copy taken by a link preview cannot sign anyone in: following the link
only shows a button, and the sign-in is the button's POST).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import quote

from bot.ports.sign_in import LINK_LIFETIME

SESSION_LIFETIME = timedelta(hours=8)
SIGN_IN_PATH = "/dashboard/sign-in"
LINK_KIND, SESSION_KIND = "link", "session"


class BadToken(Exception):
    """The token is forged, damaged, of the wrong kind or expired; the message says which."""


@dataclass(frozen=True)
class Claim:
    person_id: int
    expires: datetime
    nonce: str


def derive_key(secret_key: str) -> bytes:
    """A key of its own for the dashboard, so a token can never open a sealed credential."""
    return hmac.new(secret_key.encode(), b"coachpool dashboard tokens", hashlib.sha256).digest()


def _b64(data: bytes) -> str:
    """Base32 in lower case: letters and digits only, so a link survives every chat's
    formatting (Slack's escaping puts zero-width spaces beside a "_" at a word's edge, which
    base64url's alphabet would give it)."""
    return base64.b32encode(data).rstrip(b"=").decode().lower()


def _unb64(text: str) -> bytes:
    return base64.b32decode(text.upper() + "=" * (-len(text) % 8))


class TokenSigner:
    def __init__(self, key: bytes) -> None:
        self._key = key

    def _signature(self, body: str) -> str:
        return _b64(hmac.new(self._key, body.encode(), hashlib.sha256).digest())

    def issue(self, kind: str, person_id: int, *, expires: datetime) -> str:
        payload = {"k": kind, "p": person_id, "e": int(expires.timestamp()),
                   "n": secrets.token_urlsafe(16)}  # fmt: skip
        body = _b64(json.dumps(payload, separators=(",", ":")).encode())
        return f"{body}.{self._signature(body)}"

    def check(self, token: str, kind: str, *, now: datetime) -> Claim:
        body, dot, signature = token.strip().partition(".")
        if not dot or not hmac.compare_digest(signature, self._signature(body)):
            raise BadToken("this link is not one the bot gave (it may have been cut short)")
        try:
            payload = json.loads(_unb64(body))
            claim = Claim(
                int(payload["p"]),
                datetime.fromtimestamp(int(payload["e"]), tz=now.tzinfo),
                str(payload["n"]),
            )
        except (ValueError, KeyError, TypeError) as error:
            raise BadToken("this link is damaged") from error
        if payload.get("k") != kind:
            raise BadToken("this is not a sign-in link")
        if now >= claim.expires:
            raise BadToken("this link has expired")
        return claim


class LinkIssuer:
    """The core's `SignInLinks`: a sign-in link under the public base URL."""

    def __init__(self, signer: TokenSigner, base_url: str) -> None:
        self._signer = signer
        self._base = base_url.rstrip("/")

    def link_for(self, person_id: int, *, now: datetime) -> str:
        token = self._signer.issue(LINK_KIND, person_id, expires=now + LINK_LIFETIME)
        return f"{self._base}{SIGN_IN_PATH}?t={quote(token)}"
