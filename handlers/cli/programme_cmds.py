"""`coachpool programmes` and `coachpool programme set SLUG ...`: the programmes and the rules
they carry, changed from the command line (sessions, length, caps, chemistry, sponsor approval,
who may ask). Every value is checked first; a bad one is one clear line and changes nothing."""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from bot.domain import Accreditation, Programme
from bot.domain.audit import AuditEntry
from handlers.cli.common import UsageError, open_app, operator, print_json, print_table

_YES = {"yes", "y", "on", "true", "1"}
_NO = {"no", "n", "off", "false", "0"}
_EVERYONE = {"everyone", "anyone", "all", "none", ""}


def register(commands: Any) -> None:
    listing = commands.add_parser("programmes")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(run=run_list)
    one = commands.add_parser("programme")
    actions = one.add_subparsers(dest="programme_action", required=True, metavar="ACTION")
    change = actions.add_parser("set", help="change one or more rules of a programme")
    change.add_argument("slug", help="the programme's slug (see `coachpool programmes`)")
    change.add_argument("--name", help="the name people see")
    change.add_argument("--sessions", metavar="N", help="sessions per engagement (1-20)")
    change.add_argument("--session-minutes", metavar="N", help="length of a session (15-240)")
    change.add_argument(
        "--cap", metavar="N|none", help="most people per organisation at once, or none"
    )
    change.add_argument("--chemistry", metavar="yes|no", help="a chemistry session first")
    change.add_argument("--sponsor-approval", metavar="yes|no", help="line manager approves")
    change.add_argument(
        "--same-organisation", metavar="yes|no", help="a coach may coach their own organisation"
    )
    change.add_argument("--accreditation", metavar="none|ilm5|ilm7", help="coaches must hold")
    change.add_argument("--feedback", metavar="yes|no", help="ask for feedback and evaluation")
    change.add_argument(
        "--open-to",
        action="append",
        metavar="DIRECTORATE",
        help="only people in this directorate may ask (repeat for several; 'everyone' clears)",
    )
    change.add_argument("--active", metavar="yes|no", help="taking new requests")
    change.set_defaults(run=run_set)


def describe(programme: Programme) -> dict[str, Any]:
    return {
        "slug": programme.slug,
        "name": programme.name,
        "sessions": programme.max_sessions,
        "session_minutes": programme.session_minutes,
        "cap_per_organisation": programme.max_per_organisation,
        "same_organisation": programme.same_organisation_allowed,
        "accreditation": programme.required_accreditation.value,
        "chemistry": programme.chemistry_session,
        "sponsor_approval": programme.sponsor_approval,
        "feedback": programme.feedback_required,
        "open_to": list(programme.open_to),
        "active": programme.active,
    }


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def run_list(args: argparse.Namespace) -> int:
    rows = [describe(p) for p in open_app(args).store.list_programmes()]
    if args.json:
        print_json(rows)
        return 0
    print_table(
        ["slug", "name", "sessions", "cap", "same org", "accreditation", "chemistry", "sponsor",
         "open to", "active"],
        [
            [r["slug"], r["name"], f"{r['sessions']} x {r['session_minutes']} min",
             r["cap_per_organisation"] or "none", _yes_no(r["same_organisation"]),
             r["accreditation"], _yes_no(r["chemistry"]), _yes_no(r["sponsor_approval"]),
             ", ".join(r["open_to"]) or "everyone", _yes_no(r["active"])]
            for r in rows
        ],
    )  # fmt: skip
    return 0


def _whole(option: str, text: str, *, low: int, high: int) -> int:
    try:
        number = int(text.strip())
    except ValueError:
        raise UsageError(f"{option} must be a whole number, not {text!r}") from None
    if not low <= number <= high:
        raise UsageError(f"{option} must be between {low} and {high}, not {number}")
    return number


def _flag(option: str, text: str) -> bool:
    word = text.strip().lower()
    if word in _YES | _NO:
        return word in _YES
    raise UsageError(f"{option} must be yes or no, not {text!r}")


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    """The rules named on the command line, each checked; nothing named is a usage error."""
    changes: dict[str, Any] = {}
    if args.name is not None:
        if not args.name.strip() or len(args.name) > 100:
            raise UsageError("--name must be 1 to 100 characters")
        changes["name"] = args.name.strip()
    if args.sessions is not None:
        changes["max_sessions"] = _whole("--sessions", args.sessions, low=1, high=20)
    if args.session_minutes is not None:
        changes["session_minutes"] = _whole(
            "--session-minutes", args.session_minutes, low=15, high=240
        )
    if args.cap is not None:
        none = args.cap.strip().lower() in {"none", "no", "off"}
        changes["max_per_organisation"] = (
            None if none else _whole("--cap", args.cap, low=1, high=1000)
        )
    for option, field in (
        ("chemistry", "chemistry_session"),
        ("sponsor_approval", "sponsor_approval"),
        ("same_organisation", "same_organisation_allowed"),
        ("feedback", "feedback_required"),
        ("active", "active"),
    ):
        value = getattr(args, option)
        if value is not None:
            changes[field] = _flag("--" + option.replace("_", "-"), value)
    if args.accreditation is not None:
        try:
            changes["required_accreditation"] = Accreditation(args.accreditation.strip().lower())
        except ValueError:
            raise UsageError(
                f"--accreditation must be none, ilm5 or ilm7, not {args.accreditation!r}"
            ) from None
    if args.open_to is not None:
        names = [n.strip() for n in args.open_to]
        everyone = all(n.lower() in _EVERYONE for n in names)
        if not everyone and any(n.lower() in _EVERYONE or len(n) > 100 for n in names):
            raise UsageError("--open-to takes directorate names, or 'everyone' on its own")
        changes["open_to"] = () if everyone else tuple(dict.fromkeys(names))
    if not changes:
        raise UsageError("name at least one rule to change (see `coachpool programme set -h`)")
    return changes


def run_set(args: argparse.Namespace) -> int:
    changes = _changes(args)
    app = open_app(args)
    store = app.store
    with store.transaction():
        programme = store.find_programme(args.slug.strip())
        if programme is None:
            known = ", ".join(p.slug for p in store.list_programmes())
            raise UsageError(f"there is no programme {args.slug!r}; known: {known}")
        updated = dataclasses.replace(programme, **changes)
        store.update_programme(updated)
        store.audit(
            AuditEntry(
                app.services.clock.now(),
                None,
                "programme.changed",
                f"programme:{programme.id}",
                f"{', '.join(sorted(changes))} by {operator()}",
            )
        )
    rules = describe(updated)
    print(
        f"{updated.name} ({updated.slug}): "
        + "; ".join(
            f"{k.replace('_', ' ')} {_shown(v)}"
            for k, v in rules.items()
            if k not in {"slug", "name"}
        )
    )
    print(
        "New requests and new engagements follow these rules; engagements already under way "
        "keep their number of sessions and sessions already booked keep their times."
    )
    return 0


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return _yes_no(value)
    if isinstance(value, list):
        return ", ".join(value) or "everyone"
    return "none" if value is None else str(value)
