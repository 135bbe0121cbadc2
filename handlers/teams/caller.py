"""Who sent an activity and where to answer them, as Teams describes it."""

from __future__ import annotations

from dataclasses import dataclass

from microsoft_teams.api.models import ActivityBase


@dataclass(frozen=True)
class Caller:
    tenant_id: str
    user_id: str  # the Bot Framework id, "29:..."
    aad_object_id: str
    name: str
    conversation_id: str
    service_url: str
    bot_id: str
    personal: bool

    @property
    def key(self) -> str:
        """The identity's user id: the Entra object id, stable across bot registrations
        and what a new conversation is opened with."""
        return self.aad_object_id or self.user_id

    def reference(self) -> dict[str, str]:
        """What a proactive message needs later (stored on the person's Identity)."""
        return {
            "service_url": self.service_url,
            "conversation_id": self.conversation_id,
            "tenant_id": self.tenant_id,
            "user_id": self.user_id,
            "aad_object_id": self.aad_object_id,
            "bot_id": self.bot_id,
        }


def caller_of(activity: ActivityBase) -> Caller:
    conversation = activity.conversation
    tenant = conversation.tenant_id or ""
    if not tenant and activity.channel_data and activity.channel_data.tenant:
        tenant = activity.channel_data.tenant.id or ""
    kind = conversation.conversation_type or "personal"
    return Caller(
        tenant_id=tenant,
        user_id=activity.from_.id,
        aad_object_id=activity.from_.aad_object_id or "",
        name=activity.from_.name or "",
        conversation_id=conversation.id,
        service_url=activity.service_url or "",
        bot_id=activity.recipient.id,
        personal=kind == "personal",
    )
