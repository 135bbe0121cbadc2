"""Credentials at rest (e.g. each Slack workspace's bot token) are sealed with Fernet under
the key(s) in COACHPOOL_SECRET_KEY: a comma-separated list, the first used to seal, all
tried to open, so a key can be rotated (`coachpool rotate-secrets` re-seals everything
under the first). Sealed values carry a prefix; a value without it was stored in clear by
an older coachpool and is still read, until rotate-secrets seals it."""

from __future__ import annotations

import os
from collections.abc import Mapping

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from handlers.bootstrap import ConfigurationError

KEY_VARIABLE = "COACHPOOL_SECRET_KEY"
SEALED = "fernet:"
HOW_TO = f"make one with `coachpool rotate-secrets --new-key` and set {KEY_VARIABLE}"


class SecretBox:
    def __init__(self, keys: list[str]) -> None:
        fernets: list[Fernet] = []
        for number, key in enumerate(keys, start=1):
            try:
                fernets.append(Fernet(key.encode()))
            except ValueError as error:
                raise ConfigurationError(
                    f"key {number} in {KEY_VARIABLE} is not a Fernet key (44 URL-safe base64 "
                    f"characters); {HOW_TO}"
                ) from error
        self._box = MultiFernet(fernets) if fernets else None

    @classmethod
    def from_environ(cls, environ: Mapping[str, str] | None = None) -> SecretBox:
        text = (os.environ if environ is None else environ).get(KEY_VARIABLE, "")
        return cls([k.strip() for k in text.split(",") if k.strip()])

    @property
    def has_key(self) -> bool:
        return self._box is not None

    def seal(self, secret: str) -> str:
        return SEALED + self._needed("store").encrypt(secret.encode()).decode()

    def open(self, stored: str) -> str:
        if not stored.startswith(SEALED):
            return stored  # stored in clear by an older coachpool
        try:
            return self._needed("read").decrypt(stored[len(SEALED) :].encode()).decode()
        except InvalidToken as error:
            raise ConfigurationError(
                f"no key in {KEY_VARIABLE} opens a stored credential: was a key removed "
                "before `coachpool rotate-secrets` re-sealed everything?"
            ) from error

    def reseal(self, stored: str) -> str:
        """The value sealed under the first key (clear values are sealed)."""
        return self.seal(self.open(stored))

    def _needed(self, doing: str) -> MultiFernet:
        if self._box is None:
            raise ConfigurationError(
                f"cannot {doing} a credential: {KEY_VARIABLE} is not set; {HOW_TO}"
            )
        return self._box
