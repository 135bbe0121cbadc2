"""The SDK's handlers: each kind of activity the bot answers, turned into a core turn.

Every handled activity first finds who sent it (storing their conversation reference),
then goes through the core's one door in a worker thread; the core's replies come back
as a message, or, for an Action.Execute press, as the card that replaces the pressed one.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Coroutine, Sequence
from typing import Any

from microsoft_teams.api.activities.conversation import ConversationUpdateActivity
from microsoft_teams.api.activities.install_update import InstalledActivity
from microsoft_teams.api.activities.invoke import (
    AdaptiveCardInvokeActivity,
    FileConsentInvokeActivity,
)
from microsoft_teams.api.activities.message import MessageActivity, MessageActivityInput
from microsoft_teams.api.models import AdaptiveCardInvokeResponse
from microsoft_teams.api.models.adaptive_card import (
    AdaptiveCardActionCardResponse,
    AdaptiveCardActionMessageResponse,
)
from microsoft_teams.cards import AdaptiveCard

from bot.help_text import help_text
from bot.messages import Outcome
from bot.overview.home import coordinator_overview
from bot.requests.intake import intake_form
from handlers.bootstrap import Application
from handlers.channel_names import TEAMS
from handlers.observe import ANSWERED, FAILED, NOT_WATCHED, TENANT, Observer
from handlers.server.blocking import run_sync
from handlers.teams.buttons import INTAKE_FORM, OPEN_INTAKE, Press, form_data, read_press
from handlers.teams.caller import caller_of
from handlers.teams.cards import button, form_card, text_card
from handlers.teams.files import file_card, offered_file, upload
from handlers.teams.outgoing import file_offers, render_activities, update_card
from handlers.teams.people import NOT_MEMBER, Known, Refused, link_by_email, recognise
from handlers.teams.sdk import ActivityContext, App
from handlers.teams.settings import TeamsSettings
from handlers.teams.summary import summarised
from handlers.teams.text import typed_text
from handlers.teams.turn import take_turn

log = logging.getLogger("coachpool.teams")

LOOKUP_FAILED = "Sorry, I couldn't check who you are just now. Please try again in a minute."
UNREADABLE = "Sorry, I couldn't read that button, so I've ignored it."
REPEATED = "Already done."
WELCOME = "Welcome to the coaching pool"
DECLINED_FILE = "No problem, I haven't saved the invite. Your session is booked all the same."
UPLOAD_FAILED = (
    "Sorry, I couldn't save the invite to your OneDrive. Your session is booked all the same; "
    "say 'sessions' to see it."
)

AnyContext = ActivityContext[Any]


class TeamsActivities:
    def __init__(
        self,
        *,
        application: Application,
        settings: TeamsSettings,
        observer: Observer = NOT_WATCHED,
    ) -> None:
        self._application = application
        self._settings = settings
        self._observer = observer
        self._later: set[asyncio.Task[None]] = set()

    def register(self, app: App) -> None:
        app.on_message(self.on_message)
        app.on_card_action(self.on_card_action)
        app.on_conversation_update(self.on_conversation_update)
        app.on_install_add(self.on_install)
        app.on_file_consent(self.on_file_consent)

    # -- who is it -----------------------------------------------------------------------

    async def _who(self, ctx: AnyContext) -> Known | Refused:
        caller = caller_of(ctx.activity)
        store = self._application.store
        found = await run_sync(recognise, store, caller)
        if isinstance(found, Refused) and found.text == NOT_MEMBER:
            self._observer.refused(channel=TEAMS, reason=TENANT)
        if found is not None:
            return found
        try:
            member = await ctx.api.conversations.get_member_by_id(
                caller.conversation_id, caller.user_id
            )
        except Exception:
            log.exception("teams member lookup failed", extra={"tenant": caller.tenant_id})
            return Refused(LOOKUP_FAILED)
        emails = [member.email or "", member.user_principal_name or ""]
        return await run_sync(link_by_email, store, caller, emails)

    # -- activities ----------------------------------------------------------------------

    async def on_message(self, ctx: ActivityContext[MessageActivity]) -> None:
        who = await self._who(ctx)
        if isinstance(who, Refused):
            await ctx.send(who.text)
            return
        activity = ctx.activity
        press = read_press(activity.value) if activity.value is not None else None
        if activity.value is not None and press is None:
            await ctx.send(UNREADABLE)
            return
        if press is not None and press.form == OPEN_INTAKE:
            await ctx.send(MessageActivityInput().add_card(await self._intake_card()))
            return
        text = "" if press is not None else typed_text(activity)
        outcome = await self._turn(ctx, who, text=text, press=press)
        if outcome is not None:
            await self._send(ctx, render_activities(outcome.replies))

    async def on_card_action(
        self, ctx: ActivityContext[AdaptiveCardInvokeActivity]
    ) -> AdaptiveCardInvokeResponse:
        who = await self._who(ctx)
        if isinstance(who, Refused):
            return AdaptiveCardActionMessageResponse(value=who.text)
        press = read_press(ctx.activity.value.action.data)
        if press is None:
            return AdaptiveCardActionMessageResponse(value=UNREADABLE)
        if press.form == OPEN_INTAKE:
            return AdaptiveCardActionCardResponse(value=await self._intake_card())
        outcome = await self._turn(ctx, who, press=press)
        if outcome is None:
            return AdaptiveCardActionMessageResponse(value=REPEATED)
        offers = file_offers(outcome.replies)
        if offers:  # the files follow the updated card, once Teams has shown it
            self._after_reply(self._send(ctx, offers))
        return AdaptiveCardActionCardResponse(value=update_card(outcome.replies))

    async def on_conversation_update(
        self, ctx: ActivityContext[ConversationUpdateActivity]
    ) -> None:
        """Installed in a personal chat: store the reference, say hello; a coordinator or
        organisation lead also gets their overview (Teams has no home tab of its own here)."""
        bot_id = ctx.activity.recipient.id
        if not any(m.id == bot_id for m in ctx.activity.members_added or []):
            return
        who = await self._who(ctx)
        if isinstance(who, Refused):
            await ctx.send(who.text)
            return
        start = button("Request coaching", form_data(OPEN_INTAKE), style="primary")
        welcome = text_card(help_text(who.person), buttons=[start])
        await ctx.send(summarised(WELCOME).add_card(welcome))
        home = self._application.bot.context(who.person, TEAMS)
        overview = await run_sync(coordinator_overview, home)
        await self._send(ctx, render_activities(overview.replies))

    async def on_install(self, ctx: ActivityContext[InstalledActivity]) -> None:
        """Teams also announces the install as a conversationUpdate, which says hello;
        here the reference is only stored."""
        await self._who(ctx)

    async def on_file_consent(self, ctx: ActivityContext[FileConsentInvokeActivity]) -> None:
        who = await self._who(ctx)
        if isinstance(who, Refused):
            return
        answer = ctx.activity.value
        offered = offered_file(answer.context)
        if answer.action.value != "accept" or answer.upload_info is None or offered is None:
            await ctx.send(DECLINED_FILE)
            return
        try:
            await upload(answer.upload_info, offered.content, ca_bundle=self._settings.ca_bundle)
        except Exception:
            log.exception("uploading a file to OneDrive failed", extra={"file": offered.filename})
            await ctx.send(UPLOAD_FAILED)
            return
        await ctx.send(file_card(answer.upload_info))

    # -- helpers -------------------------------------------------------------------------

    async def _turn(
        self, ctx: AnyContext, who: Known, *, text: str = "", press: Press | None = None
    ) -> Outcome | None:
        activity = ctx.activity
        event_id = f"{activity.conversation.id}:{activity.id}" if activity.id else ""
        started, outcome = time.perf_counter(), FAILED
        try:
            taken = await run_sync(
                take_turn,
                self._application,
                person=who.person,
                event_id=event_id,
                text=text,
                press=press,
            )
            outcome = ANSWERED
            return taken
        finally:
            seconds = time.perf_counter() - started
            self._observer.turn(channel=TEAMS, outcome=outcome, seconds=seconds)

    async def _intake_card(self) -> AdaptiveCard:
        form = await run_sync(intake_form, self._application.services)
        return form_card(form, kind=INTAKE_FORM)

    @staticmethod
    async def _send(ctx: AnyContext, activities: Sequence[MessageActivityInput]) -> None:
        for activity in activities:
            await ctx.send(activity)

    def _after_reply(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(self._logged(work))
        self._later.add(task)
        task.add_done_callback(self._later.discard)

    @staticmethod
    async def _logged(work: Coroutine[Any, Any, None]) -> None:
        try:
            await work
        except Exception:
            log.exception("a teams follow-up message failed")
