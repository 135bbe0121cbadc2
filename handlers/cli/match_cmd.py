"""`coachpool match REQUEST_ID`: the ranked candidates, scores, reasons and exclusions."""

from __future__ import annotations

import argparse
from typing import Any

from handlers.cli.common import UsageError, open_app, print_json, print_table


def register(commands: Any) -> None:
    parser = commands.add_parser("match")
    parser.add_argument("request_id", type=int, help="the request's id (see `coachpool requests`)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from bot.requests.candidates import match_request

    app = open_app(args)
    store = app.store
    request = store.get_request(args.request_id)
    if request is None:
        raise UsageError(f"there is no request {args.request_id} (see `coachpool requests`)")
    result = match_request(app.services, request, everyone=True)
    emails = {p.id: p.email for p in store.list_people()}
    if args.json:
        print_json(
            {
                "candidates": [
                    {
                        "coach": emails.get(c.coach_id, ""),
                        "score": c.score,
                        "reasons": list(c.reasons),
                    }
                    for c in result.candidates
                ],
                "excluded": [
                    {"coach": emails.get(e.coach_id, ""), "rule": e.rule} for e in result.excluded
                ],
            }
        )
        return 0
    print_table(
        ["coach", "score", "reasons"],
        [
            [emails.get(c.coach_id, ""), f"{c.score:.1f}", "; ".join(c.reasons)]
            for c in result.candidates
        ],
    )
    if result.shortfall_reason:
        print(f"\n{result.shortfall_reason}")
    print(f"\nExcluded: {len(result.excluded)}")
    print_table(["coach", "rule"], [[emails.get(e.coach_id, ""), e.rule] for e in result.excluded])
    return 0
