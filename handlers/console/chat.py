"""`coachpool chat --as EMAIL`: a terminal conversation with the bot.

Reads lines from standard input (so it can be scripted), writes the bot's answers to
standard output. The terminal is one person's DM: it shows what the bot says to them,
including messages that waited in their console inbox since their last chat, and never
anyone else's. The last options put to them stay answerable by number across runs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from bot.app import CoachingBot
from bot.domain import Identity, Person
from bot.messages import Incoming
from bot.replies import Card, Choices, Reply
from bot.requests.candidates import zone_of
from bot.text_format import local_time, plural
from bot.text_hygiene import small_number
from handlers.channel_names import CONSOLE
from handlers.console.form_filling import FormFilling
from handlers.console.inbox import ConsoleInbox
from handlers.console.left_for import LeftForServer
from handlers.console.render import Rendered, render
from handlers.delivery import Deliverer

PROMPT = "you> "


class ConsoleChat:
    def __init__(
        self,
        bot: CoachingBot,
        deliverer: Deliverer,
        person: Person,
        *,
        out: TextIO,
        attachments_dir: Path | None = None,
        inbox: ConsoleInbox | None = None,
        left_for: LeftForServer | None = None,
    ) -> None:
        """Without `inbox` (the demo's stage) nothing outlives the process. `left_for`
        says whose messages this chat leaves to the server (and so tells the person)."""
        self.bot = bot
        self.deliverer = deliverer
        self.person = person
        self.out = out
        self.attachments_dir = attachments_dir
        self.inbox = inbox
        self.left_for = left_for
        self._last = Rendered("")
        self._filling: FormFilling | None = None
        store = bot.services.store
        if store.find_identity(CONSOLE, "", person.email) is None:
            store.link_identity(Identity(person.id, CONSOLE, "", person.email))

    def say(self, line: str) -> None:
        """One line from the person: a number picks an offered option; while a form is
        being filled in, the line answers its current field. An empty line only looks for
        new messages."""
        if self._filling is not None:
            self._fill(line)
            return
        if not line.strip():
            if not self.show_waiting():
                self.out.write("bot> No new messages.\n")
            return
        self._handle(self._incoming(line.strip()))
        self.show_waiting()

    def _handle(self, incoming: Incoming) -> None:
        outcome = self.bot.handle(incoming)
        self.show(outcome.replies)
        self.deliverer.deliver_now()
        if self.left_for is not None:
            for note in self.left_for.notes(outcome.outgoing):
                self.out.write(note)
            self.out.flush()

    def show(self, replies: Sequence[Reply]) -> None:
        """Replies to the person, said now (their turn's answer, or a message delivered
        while their chat is open)."""
        rendered = render(list(replies))
        self._print(rendered, prefix="bot> ")
        self.offered(list(replies))

    def show_waiting(self) -> bool:
        """Show the messages that waited in the person's inbox (sent from another
        terminal, the dispatcher, or while no chat of theirs was open), oldest first;
        whether there were any."""
        if self.inbox is None:
            return False
        waiting = self.inbox.take(self.person.id)
        if not waiting:
            return False
        zone = zone_of(self.person, self.bot.services.settings.pool_timezone)
        self.out.write(f"── {plural(len(waiting), 'new message')} for you:\n")
        for message in waiting:
            self.out.write(
                f"✉ {local_time(message.arrived_at, zone, now=self.bot.services.clock.now())}\n"
            )
            self.show(message.replies)
        return True

    def offered(self, replies: list[Reply]) -> None:
        """The latest options (or form) put to this person become what they answer. In
        a chat with an inbox the options are kept for their next chat too."""
        rendered = render(replies)
        if rendered.options:
            self._last = rendered
            if self.inbox is not None:
                with_options = [r for r in replies if isinstance(r, Choices | Card)]
                self.inbox.remember_offer(self.person.id, with_options)
        if rendered.form is not None:
            self._filling = FormFilling(rendered.form)
            self._ask(self._filling)

    def _resume(self) -> None:
        """The options last put to the person (in an earlier chat) answer by number."""
        if self.inbox is not None:
            self._last = render(list(self.inbox.last_offer(self.person.id)))

    def _ask(self, filling: FormFilling) -> None:
        self.out.write("bot> " + filling.question().replace("\n", "\n     ") + "\n")

    def _fill(self, line: str) -> None:
        filling = self._filling
        assert filling is not None
        if line.strip().lower() == "cancel":
            self._filling = None
            self.out.write("bot> Okay, I haven't sent that form.\n")
            return
        problem = filling.answer(line)
        if problem:
            self.out.write(f"bot> {problem}\n")
        if not filling.done:
            self._ask(filling)
            return
        self._filling = None
        self._handle(
            Incoming(
                self.person.id,
                CONSOLE,
                form=dict(filling.answers),
                token=filling.form.token,
            )
        )
        self.show_waiting()

    def _print(self, rendered: Rendered, *, prefix: str) -> None:
        if rendered.text:
            body = rendered.text.replace("\n", "\n" + " " * len(prefix))
            self.out.write(f"{prefix}{body}\n")
        for attachment in rendered.attachments:
            if self.attachments_dir is not None:
                self.attachments_dir.mkdir(parents=True, exist_ok=True)
                (self.attachments_dir / attachment.filename).write_bytes(attachment.content)
        self.out.flush()

    def _incoming(self, line: str) -> Incoming:
        options = self._last.options
        # A label typed exactly wins over a number: "8" on a 0-10 scale means the score 8.
        chosen = next((o for o in options if o[0].label.lower() == line.lower()), None)
        number = small_number(line)
        if chosen is None and number is not None and 1 <= number <= len(options):
            chosen = options[number - 1]
        if chosen is not None:
            choice, token = chosen
            return Incoming(
                self.person.id, CONSOLE, text=choice.label, value=choice.value, token=token
            )
        return Incoming(self.person.id, CONSOLE, text=line)

    def run(self, lines: Iterable[str], *, interactive: bool) -> None:
        self.out.write(
            f"Chatting as {self.person.name} <{self.person.email}>. "
            "Type 'help' for what you can say; press Enter to look for new messages; "
            "Ctrl-D to leave.\n"
        )
        self._resume()
        self.show_waiting()  # older than anything the delivery below brings
        self.deliverer.deliver_now()
        if interactive:
            self.out.write(PROMPT)
            self.out.flush()
        for line in lines:
            if line.strip() and not interactive:
                self.out.write(f"{PROMPT}{line.strip()}\n")
            self.say(line)
            if interactive:
                self.out.write(PROMPT)
                self.out.flush()
