"""`coachpool`: the console script. Every failure the user can cause or fix is one clear
line on standard error with a non-zero exit status, never a traceback."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from bot.ports.errors import StoreError
from handlers.bootstrap import ConfigurationError
from handlers.cli.commands import COMMANDS, command_named, register_module
from handlers.cli.common import UsageError
from handlers.startup import pause_collection, resume_collection


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for `argv`: only the commands of the module that defines the one it runs;
    without a command (`coachpool --help`, or a word that is none), every command listed by
    name and help only. A module that does not define the command run is never loaded.
    Without `argv`, every module is loaded (the full parser, for tests and tools)."""
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
    running = None if argv is None else COMMANDS.get(command_named(argv) or "")
    registered: set[str] = set()
    for name, command in COMMANDS.items():
        if argv is None or (running is not None and command.module == running.module):
            if command.module not in registered:
                registered.add(command.module)
                register_module(commands, command.module)
        elif running is None:
            commands.add_parser(name, help=command.help)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    args = build_parser(argv).parse_args(argv)
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


def console() -> int:
    """The `coachpool` script: one command in a process of its own, which starts without
    the garbage collector walking what it loads (handlers/startup.py)."""
    pause_collection()
    try:
        return main()
    finally:
        resume_collection()  # a command that never opened the pool


if __name__ == "__main__":
    sys.exit(console())
