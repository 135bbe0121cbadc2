"""Adding a channel touches only the edges: pigeon post (`tests/channels/pigeon.py`), a
channel the core and the store have never heard of, written in test code alone and put among
the platforms (`handlers.platforms.MOUNTERS`) as CONTRIBUTING's recipe says. Through it a
person talks to the bot, `coachpool dispatch --once` delivers a queued message, and
`coachpool export-person` and `coachpool erase` cover what the channel holds."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial

import pytest
from starlette.testclient import TestClient

import handlers.platforms
from bot.clock import SimulatedClock
from handlers.bootstrap import Application, bootstrap
from handlers.channels import ChannelContext, mount_all, nothing_to_kick
from handlers.cli.main import main
from handlers.pool.sample import DEMO_COACHEE_EMAIL, load_sample_pool
from handlers.server.app import create_app
from tests.channels.pigeon import PIGEON, Loft, Note, mounter
from tests.conversations.transcript import START, squeeze

SAM = DEMO_COACHEE_EMAIL
EMMA = "emma.roberts@coventry.gov.uk"
ASK = "coaching on leading my team through a restructure, online, Tuesday or Thursday afternoons"
OFFER = "Sam would like you as their coach"


@dataclass
class Bird:
    """One person's pigeon: carries what they write or press, brings back the answer."""

    client: TestClient
    ring: str
    email: str
    last: Note = field(default_factory=lambda: Note(""))
    flights: int = 0

    def say(self, text: str) -> str:
        return self._fly({"text": text})

    def press(self, label: str, note: Note | None = None) -> str:
        options = (note or self.last).options
        chosen = next(o for o in options if o["label"].startswith(label))
        return self._fly({k: chosen[k] for k in ("value", "token")} | {"text": chosen["label"]})

    def _fly(self, body: dict[str, str]) -> str:
        self.flights += 1
        note = {"id": f"{self.ring}:{self.flights}", "ring": self.ring, "email": self.email}
        answer = self.client.post("/pigeon", json=note | body)
        assert answer.status_code == 200, answer.text
        self.last = Note(**answer.json())
        return squeeze(self.last.text)


@dataclass
class Rig:
    application: Application
    client: TestClient
    loft: Loft
    database: tuple[str, str]

    def bird(self, ring: str, email: str) -> Bird:
        return Bird(self.client, ring, email)

    def person_id(self, email: str) -> int:
        person = self.application.store.find_person_by_email(email)
        assert person is not None, email
        return person.id


@pytest.fixture
def rig(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Rig]:
    clock = SimulatedClock(START)
    application = bootstrap(database_url=database_url, clock=clock)
    load_sample_pool(application.store, now=clock.now())
    loft = Loft()
    # The recipe's one registration, made here: the channel's mount among the platforms, so
    # `serve` mounts it and `dispatch --once` delivers on it.
    platforms = (*handlers.platforms.MOUNTERS, mounter(loft))
    monkeypatch.setattr(handlers.platforms, "MOUNTERS", platforms)
    monkeypatch.setattr("handlers.cli.common.bootstrap", partial(bootstrap, clock=clock))
    # As `coachpool serve` does, with no Slack or Teams settings: pigeon post alone.
    context = ChannelContext(application=application, environ={}, dispatch_soon=nothing_to_kick)
    mounts = mount_all(context, platforms)
    with TestClient(create_app(application, mounts=mounts, environ={})) as client:
        assert client.get("/healthz").json()["channels"] == [PIGEON]
        yield Rig(application, client, loft, ("--database", database_url))
    application.store.close()


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_a_person_asks_for_coaching_by_pigeon_and_the_coach_is_asked_by_pigeon(
    rig: Rig, capsys: pytest.CaptureFixture[str]
) -> None:
    sam = rig.bird("ring-sam", SAM)
    sam.say(ASK)
    sam.say("Keep my team motivated")
    sam.say("skip")
    sam.say("skip")
    sam.press("Regional Coaching Pool")
    assert "coaches who could work with you" in sam.press("Yes, find me a coach")
    store = rig.application.store
    (request,) = store.list_requests(coachee_id=rig.person_id(SAM))
    coach = store.get_person(store.get_shortlist(request.id)[0].coach_id)
    assert coach is not None
    # The coach has a pigeon too (the first note links their ring).
    coach_bird = rig.bird("ring-coach", coach.email)
    coach_bird.say("help")
    assert f"I've asked {coach.name}" in sam.press(coach.name)
    assert rig.loft.of("ring-coach") == []  # queued, not yet sent

    # The dispatcher delivers the ask by pigeon: the coach's rank-5 channel.
    assert cli(capsys, *rig.database, "dispatch", "--once")[0] == 0
    (ask,) = (n for n in rig.loft.of("ring-coach") if OFFER in squeeze(n.text))
    # And its buttons answer through the channel like any other.
    assert "Your session is booked" in coach_bird.press("Accept", ask)
    assert cli(capsys, *rig.database, "dispatch", "--once")[0] == 0
    assert any("Your session is booked" in squeeze(n.text) for n in rig.loft.of("ring-sam"))


def test_an_export_and_an_erasure_cover_what_the_new_channel_holds(
    rig: Rig, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    emma = rig.bird("ring-emma", EMMA)
    emma.say(ASK)  # a conversation in progress, on pigeon post

    code, out = cli(capsys, *rig.database, "export-person", EMMA)
    assert code == 0
    record = json.loads(out)
    assert record["identities"] == [{"channel": "pigeon", "workspace": "", "user_id": "ring-emma"}]
    (conversation,) = record["conversations"]
    assert (conversation["channel"], conversation["conversation"]) == ("pigeon", "intake")

    emma_id = rig.person_id(EMMA)
    code, _ = cli(capsys, *rig.database, "erase", EMMA, "--yes")
    assert code == 0
    store = rig.application.store
    assert store.identities_of(emma_id) == [] and store.conversations_of(emma_id) == []
    # Her ring no longer reaches anyone.
    answer = rig.client.post(
        "/pigeon", json={"id": "late", "ring": "ring-emma", "email": EMMA, "text": "hello"}
    )
    assert answer.status_code == 403
