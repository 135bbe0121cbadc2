"""`/privacy` and `/terms`: the pages the Teams app manifest links to (Teams shows them
in the app's details, and the store requires them). Public, plain HTML, no session.

The privacy page is docs/privacy.md told to the people in the pool, with the retention
periods this server actually runs with.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import BaseRoute, Route

from bot.domain.retention import RetentionPeriods
from handlers.web.app import SECURITY_HEADERS, TEMPLATES

# Public pages may be cached, unlike the dashboard's.
HEADERS = SECURITY_HEADERS | {"Cache-Control": "public, max-age=3600"}


def policy_routes(retention: RetentionPeriods) -> list[BaseRoute]:
    days = {
        "free_text": retention.free_text.days,
        "conversations": retention.conversations.days,
        "sent_messages": retention.sent_messages.days,
    }

    async def privacy(request: Request) -> HTMLResponse:
        body = TEMPLATES.get_template("privacy.html").render(title="Privacy", days=days)
        return HTMLResponse(body, headers=HEADERS)

    async def terms(request: Request) -> HTMLResponse:
        body = TEMPLATES.get_template("terms.html").render(title="Terms of use")
        return HTMLResponse(body, headers=HEADERS)

    return [
        Route("/privacy", privacy, methods=["GET", "HEAD"]),
        Route("/terms", terms, methods=["GET", "HEAD"]),
    ]
