"""`coachpool dispatch --once`: everything due is delivered (not just one pass of 200), and
its output is the summary, without Bolt's noise."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.domain.outbox import OutboxMessage, OutboxState
from bot.notices import NoticeKind, queue_outgoing
from bot.replies import Outgoing, Text
from bot.replies.codec import encode_replies
from handlers.cli.main import main
from handlers.console.inbox import ConsoleInbox
from storage.store import SqlStore

REPO = Path(__file__).resolve().parents[2]


def _coachpool(url: str, *argv: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "MICROSOFT_"))}
    return subprocess.run(
        [sys.executable, "-m", "handlers.cli.main", "--database", url, *argv],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env={**clean, **env},
        check=False,
    )


def test_dispatch_once_delivers_everything_due(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'pool.db'}"
    assert main(["--database", url, "seed", "--demo"]) == 0
    store = SqlStore.open(url)
    try:
        person = store.list_people()[0]
        with store.transaction():
            for n in range(450):  # more than two passes of 200
                store.schedule(
                    OutboxMessage(
                        key=f"test:{n}",
                        recipient_id=person.id,
                        kind=NoticeKind.NOTICE,
                        due_at=datetime.now(UTC),
                        payload={"replies": encode_replies([Text(f"message {n}")])},
                    )
                )
    finally:
        store.close()
    done = _coachpool(url, "dispatch", "--once")
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "claimed 450, sent 450, skipped 0, to retry 0, failed 0"
    store = SqlStore.open(url)
    try:
        assert {m.state for m in store.list_outbox()} == {OutboxState.SENT}
    finally:
        store.close()


def test_dispatch_once_with_slack_configured_prints_no_bolt_warning(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'pool.db'}"
    assert _coachpool(url, "db", "upgrade").returncode == 0  # only set-up commands make a pool
    done = _coachpool(
        url,
        "dispatch",
        "--once",
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET="secret",
        SLACK_API_URL="http://127.0.0.1:9/api/",
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "claimed 0, sent 0, skipped 0, to retry 0, failed 0"


def test_a_lease_that_is_not_a_number_of_seconds_is_one_clear_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'pool.db'}"
    assert _coachpool(url, "db", "upgrade").returncode == 0
    done = _coachpool(url, "dispatch", "--once", COACHPOOL_OUTBOX_LEASE_SECONDS="5m")
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "coachpool: COACHPOOL_OUTBOX_LEASE_SECONDS='5m' is not a number of seconds from 1 to 86400"
    )


def test_news_a_week_old_is_skipped_with_the_reason_and_counted(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'pool.db'}"
    assert main(["--database", url, "seed", "--demo"]) == 0
    store = SqlStore.open(url)
    try:
        person = store.list_people()[0]
        now = datetime.now(UTC)
        for age, text in ((timedelta(days=8), "stale news"), (timedelta(0), "fresh news")):
            queue_outgoing(
                store,
                (Outgoing(person.id, (Text(text),)),),
                now=now - age,
                origin=f"test:{text}",
            )
    finally:
        store.close()
    done = _coachpool(url, "dispatch", "--once")
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "claimed 2, sent 1, skipped 1, to retry 0, failed 0"
    assert done.stdout.count("kept for their next `coachpool chat") == 1
    store = SqlStore.open(url)
    try:
        waiting = ConsoleInbox(store.engine).waiting(person.id)
    finally:
        store.close()
    said = [reply for message in waiting for reply in message.replies]
    assert said == [Text("fresh news")]  # the stale one never reached the person's inbox
    listed = _coachpool(url, "outbox", "--state", "skipped", "--json")
    (row,) = json.loads(listed.stdout)
    assert row["skip_reason"].startswith("news more than 7 days late (due ")
