"""`coachpool rotate-secrets`: re-seal every stored credential under the first key in
COACHPOOL_SECRET_KEY (after adding a new key in front of the old one); `--new-key` prints
a fresh key."""

from __future__ import annotations

import argparse
from typing import Any

from bot.domain.audit import AuditEntry
from handlers.bootstrap import ConfigurationError
from handlers.cli.common import open_app, operator
from handlers.secrets import HOW_TO, KEY_VARIABLE, SecretBox


def register(commands: Any) -> None:
    parser = commands.add_parser("rotate-secrets")
    parser.add_argument("--new-key", action="store_true", help="print a new key and exit")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from cryptography.fernet import Fernet

    from handlers.slack.installations import Installations

    if args.new_key:
        print(Fernet.generate_key().decode())
        return 0
    secrets = SecretBox.from_environ()
    if not secrets.has_key:
        raise ConfigurationError(f"{KEY_VARIABLE} is not set; {HOW_TO}")
    app = open_app(args)
    count = Installations(app.store.engine, secrets=secrets).reseal_all()
    app.store.audit(
        AuditEntry(
            app.services.clock.now(),
            None,
            "secrets.rotated",
            "credentials",
            f"{count} Slack workspace token(s), by {operator()}",
        )
    )
    print(f"Re-sealed {count} stored credential(s) under the first key in {KEY_VARIABLE}.")
    return 0
