"""`coachpool`: the console script. Every failure the user can cause or fix is one clear
line on standard error with a non-zero exit status, never a traceback."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from bot.ports.errors import StoreError
from handlers.bootstrap import ConfigurationError
from handlers.cli import (
    accounts_cmd,
    backup_cmds,
    chat_cmd,
    demo_cmd,
    digest_cmd,
    dispatch_cmd,
    export_cmd,
    inspect_cmds,
    match_cmd,
    organisation_cmds,
    parse_when_cmd,
    pool_cmds,
    programme_cmds,
    retention_cmd,
    rights_cmds,
    secrets_cmd,
    serve_cmd,
    teams_package_cmd,
)
from handlers.cli.common import UsageError

SUBCOMMANDS = (
    demo_cmd,
    chat_cmd,
    serve_cmd,
    pool_cmds,
    inspect_cmds,
    organisation_cmds,
    programme_cmds,
    accounts_cmd,
    parse_when_cmd,
    match_cmd,
    digest_cmd,
    export_cmd,
    rights_cmds,
    retention_cmd,
    secrets_cmd,
    dispatch_cmd,
    backup_cmds,
    teams_package_cmd,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coachpool",
        description="Run a public-sector coaching pool in Slack, Teams or the terminal.",
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="database URL or SQLite file (default: $DATABASE_URL, else ./coachpool.db)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in SUBCOMMANDS:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.run(args))
    except (UsageError, ConfigurationError, StoreError) as error:
        print(f"coachpool: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1


if __name__ == "__main__":
    sys.exit(main())
