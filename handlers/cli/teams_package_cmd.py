"""`coachpool teams-package`: the Teams app package to upload (see docs/teams.md): one for
the bot of --app-id or MICROSOFT_APP_ID, or one per registration MICROSOFT_APP_REGISTRATIONS
lists (each council uploads its own bot's package in its own tenant)."""

from __future__ import annotations

import argparse
import os
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from handlers.cli.common import UsageError
from handlers.teams.manifest import PLACEHOLDER_SITE, package


def register(commands: Any) -> None:
    parser = commands.add_parser("teams-package")
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("coachpool-teams.zip"),
        help="zip file to write (with several registrations: OUT-NAME.zip for each)",
    )
    parser.add_argument(
        "--app-id",
        help="the bot's Microsoft App ID (default: $MICROSOFT_APP_ID, or every registration "
        "in $MICROSOFT_APP_REGISTRATIONS)",
    )
    parser.add_argument(
        "--domain", help="the host coachpool is served from, e.g. coaching.example.gov.uk"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    domain = _host(args.domain)
    for out, app_id in _packages(args):
        try:
            data = package(app_id=app_id, domain=domain, version=_version())
        except ValueError as error:
            raise UsageError(str(error)) from error
        try:
            out.write_bytes(data)
        except OSError as error:
            raise UsageError(f"cannot write {out}: {error.strerror or error}") from error
        print(f"wrote {out} (upload it in Teams: Apps, Manage your apps, Upload an app)")
    if domain is None:
        print(
            f"note: without --domain the developer links point to {PLACEHOLDER_SITE}",
            file=sys.stderr,
        )
    return 0


def _packages(args: argparse.Namespace) -> list[tuple[Path, str]]:
    """(file, app id) of each package to write."""
    out: Path = args.out
    if args.app_id and args.app_id.strip():
        return [(out, args.app_id.strip())]
    if not os.environ.get("MICROSOFT_APP_REGISTRATIONS", "").strip():
        app_id = os.environ.get("MICROSOFT_APP_ID", "").strip()
        if not app_id:
            raise UsageError(
                "give the bot's Microsoft App ID with --app-id, MICROSOFT_APP_ID or "
                "MICROSOFT_APP_REGISTRATIONS"
            )
        return [(out, app_id)]
    from handlers.teams.registrations import registrations_from_environ

    return [
        (out.with_name(f"{out.stem}-{r.name}{out.suffix}"), r.app_id)
        for r in registrations_from_environ(os.environ)
    ]


def _host(domain: str | None) -> str | None:
    if not domain:
        return None
    host = domain.strip().removeprefix("https://").removeprefix("http://").split("/")[0]
    if not host or " " in host:
        raise UsageError(f"--domain wants a host name like coaching.example.gov.uk, not {domain!r}")
    return host


def _version() -> str:
    """The package's version, as Teams wants it (major.minor.patch)."""
    try:
        installed = version("coachpool")
    except PackageNotFoundError:
        return "1.0.0"
    parts = [*installed.split("+")[0].split("."), "0", "0"][:3]
    return ".".join(p if p.isascii() and p.isdecimal() else "0" for p in parts)
