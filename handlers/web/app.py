"""The dashboard's routes on `coachpool serve`'s Starlette app.

    GET  /dashboard/sign-in?t=…   a page with one button (link previews cannot spend it)
    POST /dashboard/sign-in       spends the one-time link, sets the session cookie
    POST /dashboard/sign-out      ends the session
    GET  /dashboard               the pool (coordinators) or one's own organisation (leads)
    GET  /dashboard/org/{slug}    one organisation: coordinators, and that organisation's leads
    GET  /dashboard/csv/{table}.csv?org=…&week=…&weeks=…   any table, as CSV

Every page but the sign-in one needs a session; the person is re-read on every request, so
a role taken away or an erasure ends their access at once.
"""

from __future__ import annotations

import base64
import csv
import io
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from bot.digest.week import Week, parse_week, week_before
from bot.domain import Organisation, Person, Role
from handlers.bootstrap import Application
from handlers.server.blocking import run_sync
from handlers.web.figures import DataCache, Page, csv_rows
from handlers.web.settings import DashboardSettings
from handlers.web.tokens import (
    LINK_KIND,
    SESSION_KIND,
    SESSION_LIFETIME,
    BadToken,
    Claim,
)

COOKIE = "coachpool_dashboard"
USED_LINKS = "dashboard-link"  # the platform name under which spent links are remembered
WEEK_CHOICES = (12, 26, 52)
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True)
class Viewer:
    person: Person
    organisation: Organisation | None

    @property
    def coordinator(self) -> bool:
        return Role.COORDINATOR in self.person.roles


Handler = Callable[[Request, Viewer], Awaitable[Response]]


class Dashboard:
    """The dashboard's endpoints over one application and its settings."""

    def __init__(self, application: Application, settings: DashboardSettings) -> None:
        self.services = application.services
        self.store = application.store
        self.settings = settings
        self.cache = DataCache()
        import matplotlib.figure  # noqa: F401  loaded now, not on the first page served

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/dashboard/sign-in", self.sign_in_page, methods=["GET"]),
            Route("/dashboard/sign-in", self.sign_in, methods=["POST"]),
            Route("/dashboard/sign-out", self.sign_out, methods=["POST"]),
            Route("/dashboard", self.signed_in(self.home), methods=["GET"]),
            Route("/dashboard/org/{slug}", self.signed_in(self.organisation), methods=["GET"]),
            Route("/dashboard/csv/{table}.csv", self.signed_in(self.download), methods=["GET"]),
        ]

    # Pages and answers

    def html(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        pool = self.services.settings.pool_name
        body = TEMPLATES.get_template(template).render(pool=pool, **context)
        return HTMLResponse(body, status_code=status, headers=SECURITY_HEADERS)

    def message(self, title: str, text: str, status: int, *, signed_in: bool = False) -> Response:
        return self.html("message.html", status, title=title, text=text, signed_in=signed_in)

    def refuse_sign_in(self, reason: str) -> Response:
        return self.message(
            "You are not signed in",
            f"{reason[0].upper()}{reason[1:]}. Say 'dashboard' to the bot in Slack, Teams "
            "or the console for a new link.",
            403,
        )

    def not_yours(self) -> Response:
        # The same answer whether or not it exists: a lead learns nothing of others.
        return self.message(
            "Not yours to see",
            "You can see your own organisation's figures only.",
            403,
            signed_in=True,
        )

    # Who is asking

    def viewer_of(self, person_id: int) -> Viewer | None:
        person = self.store.get_person(person_id)
        if person is None or person.erased:
            return None
        if not person.roles & {Role.COORDINATOR, Role.ORG_LEAD}:
            return None
        return Viewer(person, self.store.get_organisation(person.organisation_id))

    async def current(self, request: Request) -> Viewer | None:
        token = request.cookies.get(COOKIE, "")
        if not token:
            return None
        try:
            claim = self.settings.signer.check(token, SESSION_KIND, now=self.services.clock.now())
        except BadToken:
            return None
        return await run_sync(self.viewer_of, claim.person_id)

    def signed_in(self, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
        async def endpoint(request: Request) -> Response:
            viewer = await self.current(request)
            if viewer is None:
                return self.refuse_sign_in("you need a sign-in link from the bot to see this page")
            return await handler(request, viewer)

        return endpoint

    # Signing in and out

    async def sign_in_page(self, request: Request) -> Response:
        token = request.query_params.get("t", "")
        try:
            self.settings.signer.check(token, LINK_KIND, now=self.services.clock.now())
        except BadToken as error:
            return self.refuse_sign_in(str(error))
        return self.html("sign_in.html", token=token)

    async def sign_in(self, request: Request) -> Response:
        body = (await request.body())[:4096]  # a token is ~150 bytes; the form has no more
        token = parse_qs(body.decode("ascii", "replace")).get("t", [""])[0]
        now = self.services.clock.now()
        try:
            claim = self.settings.signer.check(token, LINK_KIND, now=now)
        except BadToken as error:
            return self.refuse_sign_in(str(error))
        if not await run_sync(self.spend, claim):
            return self.refuse_sign_in("this link has already been used")
        if await run_sync(self.viewer_of, claim.person_id) is None:
            return self.refuse_sign_in("the dashboard is for coordinators and organisation leads")
        response = RedirectResponse("/dashboard", status_code=303, headers=SECURITY_HEADERS)
        session = self.settings.signer.issue(
            SESSION_KIND, claim.person_id, expires=now + SESSION_LIFETIME
        )
        response.set_cookie(
            COOKIE,
            session,
            max_age=int(SESSION_LIFETIME.total_seconds()),
            httponly=True,
            secure=self.settings.secure_cookie,
            samesite="lax",  # Strict would drop it when a chat link opens the dashboard
            path="/dashboard",
        )
        return response

    def spend(self, claim: Claim) -> bool:
        """True the first time a link is used, False ever after (race-safe in the store)."""
        return self.store.remember_event(USED_LINKS, claim.nonce, at=self.services.clock.now())

    async def sign_out(self, request: Request) -> Response:
        response = self.message("Signed out", "You have signed out of the dashboard.", 200)
        response.delete_cookie(COOKIE, path="/dashboard")
        return response

    # The figures

    def week_and_range(self, request: Request) -> tuple[Week, int]:
        zone = self.services.settings.pool_timezone
        text = request.query_params.get("week", "").strip()
        week = parse_week(text, zone) if text else week_before(self.services.clock.now(), zone)
        weeks_text = request.query_params.get("weeks", "12").strip()
        if weeks_text not in {str(n) for n in WEEK_CHOICES}:
            choices = ", ".join(map(str, WEEK_CHOICES))
            raise ValueError(f"the range can be {choices} weeks, not {weeks_text[:20]!r}")
        return week, int(weeks_text)

    def page_for(self, week: Week, weeks: int, organisation_id: int | None) -> Page:
        return self.cache.page(self.services, self.settings, week, weeks, organisation_id)

    @staticmethod
    def allowed(viewer: Viewer, organisation: Organisation | None) -> bool:
        if viewer.coordinator:
            return True
        return organisation is not None and organisation.id == viewer.person.organisation_id

    async def show(
        self, request: Request, viewer: Viewer, organisation: Organisation | None
    ) -> Response:
        try:
            week, weeks = self.week_and_range(request)
        except ValueError as error:
            return self.message("Not a week we can show", f"Sorry: {error}.", 400, signed_in=True)
        organisation_id = None if organisation is None else organisation.id
        page = await run_sync(self.page_for, week, weeks, organisation_id)
        chart = await run_sync(self.cache.chart, page, (week.label, weeks, organisation_id))
        organisations = (
            sorted(await run_sync(self.store.list_organisations), key=lambda o: o.name.casefold())
            if viewer.coordinator
            else []
        )
        return self.html(
            "dashboard.html",
            page=page,
            viewer=viewer,
            organisation=organisation,
            organisations=organisations,
            week=week,
            weeks=weeks,
            week_choices=WEEK_CHOICES,
            chart_src="data:image/svg+xml;base64," + base64.b64encode(chart).decode(),
            signed_in=True,
        )

    async def home(self, request: Request, viewer: Viewer) -> Response:
        if viewer.coordinator:
            return await self.show(request, viewer, None)
        if viewer.organisation is None:
            return self.not_yours()
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse(
            f"/dashboard/org/{viewer.organisation.slug}{query}",
            status_code=303,
            headers=SECURITY_HEADERS,
        )

    async def organisation(self, request: Request, viewer: Viewer) -> Response:
        organisation = await run_sync(self.store.find_organisation, request.path_params["slug"])
        if organisation is None or not self.allowed(viewer, organisation):
            return self.not_yours()
        return await self.show(request, viewer, organisation)

    async def download(self, request: Request, viewer: Viewer) -> Response:
        slug = request.query_params.get("org", "").strip()
        organisation = await run_sync(self.store.find_organisation, slug) if slug else None
        if (slug and organisation is None) or not self.allowed(viewer, organisation):
            return self.not_yours()
        try:
            week, weeks = self.week_and_range(request)
        except ValueError as error:
            return self.message("Not a week we can show", f"Sorry: {error}.", 400, signed_in=True)
        organisation_id = None if organisation is None else organisation.id
        page = await run_sync(self.page_for, week, weeks, organisation_id)
        table = page.table(request.path_params["table"])
        if table is None:
            return self.message("No such table", "There is no table by that name.", 404)
        out = io.StringIO()
        csv.writer(out).writerows(csv_rows(table))
        name = f"{table.key}-{slug or 'pool'}-{week.label}.csv"
        return Response(
            out.getvalue(),
            media_type="text/csv; charset=utf-8",
            headers={**SECURITY_HEADERS, "Content-Disposition": f'attachment; filename="{name}"'},
        )


def dashboard_routes(application: Application, settings: DashboardSettings) -> list[BaseRoute]:
    return Dashboard(application, settings).routes()
