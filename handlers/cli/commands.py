"""Every `coachpool` command: the module that defines it and the line `coachpool --help` shows.

The command line imports only the module of the command being run (its arguments, its
`run`); the others are listed from this table, so `coachpool people` never loads the
modules behind `export`, `rotate-secrets` or `teams-package`. A module registers its
commands with `register(commands)`; `commands.add_parser(name)` takes the help from here.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Command:
    module: str  # under handlers.cli
    help: str


# In the order `coachpool --help` lists them; a module's commands in the order it registers them.
COMMANDS: dict[str, Command] = {
    "demo": Command("demo_cmd", "play a whole coaching cycle on a sample pool"),
    "chat": Command("chat_cmd", "talk to the bot in the terminal as someone in the pool"),
    "serve": Command("serve_cmd", "run the Slack/Teams endpoints and the scheduler"),
    "db": Command("pool_cmds", "database maintenance"),
    "seed": Command("pool_cmds", "load sample data"),
    "import": Command("pool_cmds", "import data from a file"),
    "erase": Command("pool_cmds", "erase a person's identifying data on request"),
    "people": Command("inspect_cmds", "list the people in the pool"),
    "sessions": Command("inspect_cmds", "list coaching sessions"),
    "requests": Command("inspect_cmds", "list coaching requests"),
    "outbox": Command("inspect_cmds", "list scheduled messages (failed and skipped ones with why)"),
    "organisations": Command("organisation_cmds", "list member organisations and their links"),
    "organisation": Command("organisation_cmds", "link a Slack workspace or Teams tenant"),
    "programmes": Command("programme_cmds", "list programmes and their rules"),
    "programme": Command("programme_cmds", "change a programme's rules"),
    "accounts": Command(
        "accounts_cmd", "a person's Slack and Teams accounts; --unlink releases one"
    ),
    "parse-when": Command("parse_when_cmd", "show how the bot reads a time phrase"),
    "match": Command("match_cmd", "show how a request matches the pool's coaches"),
    "digest": Command("digest_cmd", "the weekly digest for coordinators and organisation leads"),
    "export": Command(
        "export_cmd",
        "anonymous sessions or requests as CSV (organisations, times, states, hours)",
    ),
    "export-person": Command(
        "rights_cmds", "everything held about one person, as JSON (right of access)"
    ),
    "audit": Command("rights_cmds", "read the audit log"),
    "retention": Command(
        "retention_cmd", "show the retention periods, or with --run forget what outlived them"
    ),
    "rotate-secrets": Command(
        "secrets_cmd", "re-seal stored credentials under the first key in COACHPOOL_SECRET_KEY"
    ),
    "dispatch": Command("dispatch_cmd", "send every scheduled message that is due, then exit"),
    "backup": Command("backup_cmds", "copy the pool into FILE; safe while `coachpool serve` runs"),
    "restore": Command(
        "backup_cmds", "restore a backup FILE into an empty database (stop `serve` first)"
    ),
    "teams-package": Command(
        "teams_package_cmd", "write the Microsoft Teams app package (manifest and icons)"
    ),
}


class Registrar:
    """What a command module's `register` adds its commands to: the top-level subparsers,
    with each command's help from COMMANDS. It refuses a command the table gives to another
    module, so the table and the modules cannot drift apart."""

    def __init__(self, subparsers: Any, module: str) -> None:
        self._subparsers = subparsers
        self._module = module
        self.names: list[str] = []

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        command = COMMANDS.get(name)
        if command is None or command.module != self._module:
            raise LookupError(f"handlers.cli.{self._module} registers {name!r}: add it to COMMANDS")
        self.names.append(name)
        parser: argparse.ArgumentParser = self._subparsers.add_parser(
            name, help=command.help, **kwargs
        )
        return parser


def register_module(subparsers: Any, module: str) -> list[str]:
    """Import one command module and add its commands; the names it added."""
    registrar = Registrar(subparsers, module)
    importlib.import_module(f"handlers.cli.{module}").register(registrar)
    return registrar.names


def command_named(argv: Sequence[str]) -> str | None:
    """The command `argv` runs, read as argparse will read it: the first word that is not an
    option, skipping `--database URL` (or an abbreviation of it, or `--database=URL`). None
    when there is none or when `-h` comes first: then `coachpool` lists every command."""
    words = iter(argv)
    for word in words:
        if word == "--":
            return next(words, None)
        if word.startswith("-"):
            option = word.split("=", 1)[0]
            if option == "-h" or (len(option) > 2 and "--help".startswith(option)):
                return None
            if "=" not in word and len(option) > 2 and "--database".startswith(option):
                next(words, None)  # the URL
            continue
        return word
    return None
