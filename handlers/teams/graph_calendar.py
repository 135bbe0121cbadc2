"""Optional: a booked session as an Outlook event with a Teams meeting (Microsoft Graph).
A moved session moves its event (PATCH); a cancelled one deletes it, which sends the
attendee Outlook's own cancellation.

For pools on Microsoft 365 whose coordinator turns it on (MICROSOFT_GRAPH_CALENDAR=1 and
the bot's app registration granted Calendars.ReadWrite as an application permission). With
several single-tenant registrations, the coach's tenant's registration writes in the coach's
calendar; a coach whose tenant has none gets the .ics invite only.
The .ics invite stays the calendar path for everyone; Graph is never required, and its
failure is logged and never blocks a booking. Synchronous: call it off the event loop.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import httpx

from bot.domain import Person, Session
from bot.ports.calendar import CalendarEntry
from bot.ports.store import Store
from handlers.channel_names import TEAMS
from handlers.teams.cloud import cloud_for
from handlers.teams.registrations import for_tenant, registrations_from_environ
from handlers.teams.settings import TeamsSettings
from handlers.teams.tls import verify_for
from handlers.teams.tokens import MsalTokens

log = logging.getLogger("coachpool.teams.graph")
GRAPH_TIMEOUT = 15.0
NOTE = "Coaching session arranged through the coaching pool. Coaching is confidential."


class GraphCalendar:
    def __init__(
        self,
        *,
        registrations: Sequence[TeamsSettings],
        store: Store,
        graph_url: str | None = None,
    ) -> None:
        # The cloud and the CA bundle are the deployment's: every registration has the same.
        self._settings = registrations[0]
        cloud = cloud_for(self._settings)
        self._registrations = list(registrations)
        self._store = store
        self._tokens = {
            r: MsalTokens(r, login_url=cloud.login_endpoint) for r in self._registrations
        }
        self._scope = cloud.graph_scope
        default_url = cloud.graph_scope.removesuffix("/.default") + "/v1.0"
        self._graph_url = (graph_url or default_url).rstrip("/")

    def create_event(
        self, session: Session, *, coach: Person, coachee: Person
    ) -> CalendarEntry | None:
        """The event made in the coach's calendar (the coachee is invited), with its Teams
        meeting link when online; None if Graph is unavailable (logged)."""
        online = _online(session)
        body = _event(session, coach=coach, coachee=coachee, online=online)
        made = self._call("POST", session, coach=coach, path="", json=body, doing="created")
        if made is None:
            return None
        meeting = made.get("onlineMeeting") or {}
        link = meeting.get("joinUrl") if isinstance(meeting, dict) else None
        return CalendarEntry(str(made.get("id", "")), str(link) if online and link else None)

    def update_event(self, session: Session, *, coach: Person, coachee: Person) -> bool:
        """The event moves to the session's time (Outlook tells the attendee)."""
        body = {"start": _when(session.window.start), "end": _when(session.window.end)}
        path = f"/{quote(session.calendar_event_id, safe='')}"
        return (
            self._call("PATCH", session, coach=coach, path=path, json=body, doing="moved")
            is not None
        )

    def delete_event(self, session: Session, *, coach: Person) -> bool:
        """Deleting the organiser's event sends the attendee Outlook's cancellation. One
        already gone (deleted by hand) counts as done."""
        path = f"/{quote(session.calendar_event_id, safe='')}"
        return self._call("DELETE", session, coach=coach, path=path, doing="deleted") is not None

    def _call(
        self,
        method: str,
        session: Session,
        *,
        coach: Person,
        path: str,
        doing: str,
        json: dict[str, Any] | None = None,
    ) -> dict[str, Any] | None:
        """The JSON Graph answered (empty for 204, or a 404 on DELETE), or None on any
        failure, logged: the .ics invites stand either way."""
        try:
            tenant = self._tenant_of(coach)
            registration = for_tenant(self._registrations, tenant)
            if registration is None:
                raise LookupError(f"no Teams bot registration serves the coach's tenant {tenant}")
            token = self._tokens[registration].acquire(self._scope, tenant)
            with httpx.Client(
                verify=verify_for(self._settings.ca_bundle), timeout=GRAPH_TIMEOUT
            ) as client:
                response = client.request(
                    method,
                    f"{self._graph_url}/users/{quote(coach.email)}/events{path}",
                    json=json,
                    headers={"Authorization": f"Bearer {token}"},
                )
                if method == "DELETE" and response.status_code == 404:
                    return {}
                response.raise_for_status()
            answer = response.json() if response.content else {}
            return answer if isinstance(answer, dict) else {}
        except Exception as error:
            log.warning(
                f"graph calendar event not {doing}; the .ics invite stands",
                extra={"session_id": session.id, "reason": f"{type(error).__name__}: {error}"},
            )
            return None

    def _tenant_of(self, coach: Person) -> str:
        """The coach's mailbox lives in their Teams tenant."""
        for identity in self._store.identities_of(coach.id):
            if identity.channel == TEAMS and identity.workspace:
                return identity.workspace
        organisation = self._store.get_organisation(coach.organisation_id)
        tenants = organisation.workspaces(TEAMS) if organisation else ()
        if tenants:
            return tenants[0]
        return self._settings.tenant_id


def calendar_from_environ(environ: Mapping[str, str], *, store: Store) -> GraphCalendar | None:
    """None unless MICROSOFT_GRAPH_CALENDAR=1 and a Teams bot registration is configured."""
    if environ.get("MICROSOFT_GRAPH_CALENDAR", "").strip() != "1":
        return None
    registrations = registrations_from_environ(environ)
    if not registrations:
        log.warning(
            "MICROSOFT_GRAPH_CALENDAR is set but no Teams bot registration is "
            "(MICROSOFT_APP_ID or MICROSOFT_APP_REGISTRATIONS); ignored"
        )
        return None
    return GraphCalendar(
        registrations=registrations, store=store, graph_url=environ.get("GRAPH_URL")
    )


def _online(session: Session) -> bool:
    return session.location.strip().lower() in {"", "online"}


def _event(session: Session, *, coach: Person, coachee: Person, online: bool) -> dict[str, Any]:
    event: dict[str, Any] = {
        "subject": f"Coaching: {coach.name} and {coachee.name}",
        "body": {"contentType": "text", "content": NOTE},
        "start": _when(session.window.start),
        "end": _when(session.window.end),
        "location": {"displayName": session.location or "Microsoft Teams"},
        "attendees": [
            {"emailAddress": {"address": coachee.email, "name": coachee.name}, "type": "required"}
        ],
        "allowNewTimeProposals": False,
        # Graph makes one event per transaction id, so a retried call cannot duplicate it.
        "transactionId": f"coachpool-session-{session.id}",
    }
    if online:
        event |= {"isOnlineMeeting": True, "onlineMeetingProvider": "teamsForBusiness"}
    return event


def _when(instant: datetime) -> dict[str, str]:
    return {"dateTime": instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": "UTC"}
