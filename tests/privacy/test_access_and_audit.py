"""The right of access (`coachpool export-person`) and the audit log (`coachpool audit`),
on a history built through Slack turns and the dispatcher."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.pool.roster_helpers import HEADER
from tests.privacy.privacy_rig import COMMENT, PAUSE_REASON, SAM, cli, history, on_the_pool_clock
from tests.slack.slack_harness import running_pool

ROSTER = (
    f"{HEADER}\n"
    "ada.quist@dudley.gov.uk,Ada Quist,dudley,ILM level 7,leadership,,online,,2,6,"
    "Tue 13:00-17:00,Europe/London,no,,Head of Service,Adults\n"
)


def test_a_person_gets_everything_held_about_them_and_the_log_says_who_looked(
    database_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    with running_pool(database_url) as h:
        on_the_pool_clock(monkeypatch, h)
        sam, coach, _, link = history(h)
        db = ("--database", database_url)

        code, out, _ = cli(capsys, *db, "export-person", SAM)
        assert code == 0
        record = json.loads(out)
        assert record["person"]["email"] == SAM and record["person"]["name"] == "Sam Patel"
        assert {"channel": "slack", "workspace": sam.me.team_id, "user_id": sam.me.user_id} in (
            record["identities"]
        )
        topics = [r["topic"] for r in record["requests"]]
        assert "leading my team through a restructure" in topics[0] and len(topics) == 2
        assert [f["comment"] for f in record["feedback_given"]] == [COMMENT]
        assert sorted(s["state"] for s in record["sessions"]) == ["confirmed", "held"]
        assert {e["close_reason"] for e in record["engagements"]} >= {"ended by Sam Patel"}
        actions = {(a["by"], a["action"]) for a in record["audit"]}
        assert ("them", "request.created") in actions and ("them", "engagement.closed") in actions
        assert record["coach_profile"] is None

        out_file = tmp_path / "coach.json"
        code, out, err = cli(capsys, *db, "export-person", coach.me.email, "--out", str(out_file))
        assert (code, out) == (0, "") and str(out_file) in err
        profile = json.loads(out_file.read_text(encoding="utf-8"))["coach_profile"]
        assert (profile["paused"], profile["pause_reason"], profile["meeting_link"]) == (
            True,
            PAUSE_REASON,
            link,
        )

        code, out, err = cli(capsys, *db, "export-person", "nobody@nowhere.example")
        assert (code, out) == (1, "")
        assert err == "coachpool: no one with the email 'nobody@nowhere.example' is in the pool\n"

        # Who did what: the export, an import, a workspace link, an erasure, a digest sent.
        roster = tmp_path / "roster.csv"
        roster.write_text(ROSTER, encoding="utf-8")
        assert cli(capsys, *db, "import", "coaches", str(roster))[0] == 0
        assert cli(capsys, *db, "organisation", "link", "dudley", "--slack-team", "T0NEW")[0] == 0
        assert cli(capsys, *db, "erase", coach.me.email, "--yes")[0] == 0
        assert cli(capsys, *db, "digest", "--send")[0] in {0, 1}
        code, out, _ = cli(capsys, *db, "audit", "--json")
        entries = json.loads(out)
        actions = [e["action"] for e in entries]
        for expected in (
            "sample_pool.load",
            "roster.import",
            "person.exported",
            "organisation.link",
            "person.erased",
            "digest.sent",
        ):
            assert expected in actions, (expected, sorted(set(actions)))
        erased = next(e for e in entries if e["action"] == "person.erased")
        assert erased["detail"].startswith("command line") and coach.me.email not in out

        code, out, _ = cli(capsys, *db, "audit", "--person", SAM, "--json")
        about_sam = json.loads(out)
        assert about_sam and all(e["action"] != "organisation.link" for e in about_sam)
        assert any(e["action"] == "person.exported" for e in about_sam)
        assert any(e["by"] == SAM and e["action"] == "request.created" for e in about_sam)

        code, out, _ = cli(capsys, *db, "audit", "--since", "2999-01-01")
        assert (code, out) == (0, "(none)\n")
        code, out, _ = cli(capsys, *db, "audit")
        assert out.splitlines()[0].split() == ["AT", "BY", "ACTION", "SUBJECT", "DETAIL"]
        code, _, err = cli(capsys, *db, "audit", "--since", "yesterday")
        assert code == 2 and err.count("\n") == 1
