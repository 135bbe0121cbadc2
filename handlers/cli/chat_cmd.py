"""`coachpool chat --as EMAIL`: talk to the bot in the terminal."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from handlers.cli.common import open_app, person_by_email


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "chat", help="talk to the bot in the terminal as someone in the pool"
    )
    parser.add_argument("--as", dest="email", required=True, metavar="EMAIL")
    parser.add_argument(
        "--save-attachments",
        type=Path,
        metavar="DIR",
        help="write calendar invites and other files the bot sends into DIR",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from handlers.console.chat import ConsoleChat
    from handlers.console.wiring import console_delivery

    app = open_app(args)
    person = person_by_email(app, args.email)
    deliverer, sender = console_delivery(app.services, sys.stdout)
    chat = ConsoleChat(
        app.bot,
        deliverer,
        person,
        out=sys.stdout,
        attachments_dir=args.save_attachments,
    )
    sender.listen(person.id, chat.offered)
    chat.run(sys.stdin, interactive=sys.stdin.isatty())
    return 0
