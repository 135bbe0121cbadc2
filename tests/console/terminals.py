"""Terminals for console tests: each `chat` is one `coachpool chat --as EMAIL` run, with
its own application on the shared database (as a separate process would have) and the
scripted lines as its standard input. One simulated clock moves for all of them."""

from __future__ import annotations

import io
from dataclasses import dataclass

from bot.clock import SimulatedClock
from handlers.bootstrap import bootstrap
from handlers.cli.chat_cmd import chat_in_terminal


@dataclass
class Terminals:
    database_url: str
    clock: SimulatedClock

    def chat(self, email: str, *lines: str) -> str:
        """What the person's terminal shows for one run that types `lines` (none: the
        run only opens, shows what waited, and ends)."""
        app = bootstrap(database_url=self.database_url, clock=self.clock, migrate=False)
        try:
            person = app.store.find_person_by_email(email)
            assert person is not None, email
            out = io.StringIO()
            chat_in_terminal(
                app, person, lines=[f"{line}\n" for line in lines], out=out, interactive=False
            )
            return out.getvalue()
        finally:
            app.store.close()
