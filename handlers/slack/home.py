"""The App Home tab: the core's home parts (`bot.overview.home`) under their headings:
requests and sessions; a coach's offers and availability; a coordinator's or organisation
lead's figures, waiting requests and dashboard link."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from slack_sdk.web import WebClient

from bot.domain import Person
from bot.overview.home import home_parts
from handlers.channel_names import SLACK
from handlers.slack import limits
from handlers.slack.blocks import Block, button, header, sections
from handlers.slack.identity import Stranger
from handlers.slack.payloads import OPEN_INTAKE, ActionIds
from handlers.slack.render import fitted, surface

if TYPE_CHECKING:
    from handlers.slack.desk import Desk

INTRO = (
    "I match you with a trained coach from another organisation in the pool, free of "
    "charge. Message me in plain words, use /coaching, or press the button."
)


def publish_home(desk: Desk, client: WebClient, *, team_id: str, user_id: str) -> None:
    who = desk.people.who(client, team_id=team_id, user_id=user_id)
    if isinstance(who, Stranger):
        view = home_view(sections(who.text))
    else:
        view = home_view(home_blocks(desk, who.person))
    desk.poster.publish_home(client, user=user_id, view=view)


def home_view(blocks: list[Block]) -> dict[str, Any]:
    return {"type": "home", "blocks": fitted(blocks, limits.VIEW_BLOCKS)}


def home_blocks(desk: Desk, person: Person) -> list[Block]:
    ids = ActionIds()
    request = button(label="Request coaching", value="", token="", action_id=OPEN_INTAKE)
    intro: Block = {"type": "section", "text": {"type": "mrkdwn", "text": INTRO}}
    if request is not None:
        intro["accessory"] = request
    blocks = [*header(f"Hello {person.first_name}"), intro]
    for part in home_parts(desk.bot.context(person, SLACK)):
        blocks += [{"type": "divider"}, *header(part.heading)]
        blocks += surface(part.outcome.replies, ids=ids, limit=limits.VIEW_BLOCKS)
    return blocks


def on_home_opened(
    desk: Desk, *, bot_token: str, team_id: str, user_id: str, event_id: str
) -> None:
    if desk.first_time("event", event_id):
        publish_home(desk, desk.api.client(bot_token), team_id=team_id, user_id=user_id)
