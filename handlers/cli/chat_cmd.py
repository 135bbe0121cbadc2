"""`coachpool chat --as EMAIL`: talk to the bot in the terminal."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO

from bot.domain import Person
from handlers.bootstrap import Application
from handlers.cli.common import open_app, person_by_email


def register(commands: Any) -> None:
    parser = commands.add_parser("chat")
    parser.add_argument("--as", dest="email", required=True, metavar="EMAIL")
    parser.add_argument(
        "--save-attachments",
        type=Path,
        metavar="DIR",
        help="write calendar invites and other files the bot sends into DIR",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    app = open_app(args)
    person = person_by_email(app, args.email)
    chat_in_terminal(
        app,
        person,
        lines=sys.stdin,
        out=sys.stdout,
        interactive=sys.stdin.isatty(),
        attachments_dir=args.save_attachments,
    )
    return 0


def chat_in_terminal(
    app: Application,
    person: Person,
    *,
    lines: Iterable[str],
    out: TextIO,
    interactive: bool,
    attachments_dir: Path | None = None,
    environ: Mapping[str, str] | None = None,
) -> None:
    """One person's chat: their messages reach this terminal; everyone else's go where
    `coachpool serve` in this environment (`environ`, else the process's) would send
    them: on Slack or Teams when their settings are present, else into the console
    inbox of people on no platform, and left due for the server for people on one."""
    from handlers.channels import ChannelContext, mount_all, nothing_to_kick, ranked_senders
    from handlers.console.wiring import console_chat  # the console's wiring: for chat only
    from handlers.platforms import MOUNTERS

    context = ChannelContext(
        application=app,
        environ=os.environ if environ is None else environ,
        dispatch_soon=nothing_to_kick,
    )
    senders = ranked_senders(mount_all(context, MOUNTERS))
    chat = console_chat(
        app.bot,
        person,
        engine=app.store.engine,
        out=out,
        attachments_dir=attachments_dir,
        senders=senders,
    )
    chat.run(lines, interactive=interactive)
