"""The roster's line_manager column, imported from the command line, and the hard rule over
the whole management chain, as `coachpool match` explains it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handlers.cli.main import main
from handlers.pool.sample import DEMO_COACHEE_EMAIL
from tests.conversations.transcript import Transcript

SAM = DEMO_COACHEE_EMAIL  # Dudley; Member Mentoring lets a coach from Dudley coach Sam
REPORT = "dee.reports@dudley.gov.uk"  # managed by Sam
REPORTS_REPORT = "ray.further@dudley.gov.uk"  # managed by Dee
ROSTER = f"""\
email,name,organisation,formats,availability,line_manager
{REPORTS_REPORT},Ray Further,dudley,online,Tue 13:00-17:00; Thu 13:00-17:00,{REPORT}
{REPORT},Dee Reports,dudley,online,Tue 13:00-17:00; Thu 13:00-17:00,{SAM}
"""


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_coachpool_match_excludes_the_whole_chain_below_the_coachee(
    t: Transcript, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "coaches.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    code, out, err = cli(capsys, "--database", database_url, "import", "coaches", str(roster))
    assert code == 0, err
    assert "2 coach(es) added" in out
    t.say(SAM, "coaching on working with the cabinet, Tuesday or Thursday afternoons, online")
    t.say(SAM, "Feel confident in cabinet meetings")
    t.say(SAM, "skip")
    t.say(SAM, "skip")
    t.press(SAM, "Member Mentoring")
    t.press(SAM, "Yes, find me a coach")
    (request,) = t.store.list_requests()
    code, out, _ = cli(capsys, "--database", database_url, "match", str(request.id), "--json")
    assert code == 0
    result = json.loads(out)
    rules = {e["coach"]: e["rule"] for e in result["excluded"]}
    assert rules[REPORT] == "is line managed by the coachee"
    assert rules[REPORTS_REPORT] == (
        "is below the coachee in their management chain (2 levels down)"
    )
    assert {REPORT, REPORTS_REPORT}.isdisjoint(c["coach"] for c in result["candidates"])
    code, out, _ = cli(capsys, "--database", database_url, "match", str(request.id))
    assert "is below the coachee in their management chain (2 levels down)" in out


def test_a_manager_outside_the_pool_or_a_loop_imports_nothing(
    t: Transcript, database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "coaches.csv"
    roster.write_text(
        "email,name,organisation,line_manager\n"
        "a.one@dudley.gov.uk,A One,dudley,b.two@dudley.gov.uk\n"
        "b.two@dudley.gov.uk,B Two,dudley,a.one@dudley.gov.uk\n"
        "c.three@dudley.gov.uk,C Three,dudley,nobody@dudley.gov.uk\n"
        "d.four@dudley.gov.uk,D Four,dudley,d.four@dudley.gov.uk\n",
        encoding="utf-8",
    )
    before = len(t.store.list_people())
    code, out, err = cli(capsys, "--database", database_url, "import", "coaches", str(roster))
    assert code != 0
    shown = out + err
    assert "line 2, line_manager: 'b.two@dudley.gov.uk' is managed, through the chain" in shown
    assert "line 3, line_manager: 'a.one@dudley.gov.uk' is managed, through the chain" in shown
    assert "line 4, line_manager: 'nobody@dudley.gov.uk' is not in the pool or in this file" in (
        shown
    )
    assert "line 5, line_manager: a coach can't be their own line manager" in shown
    assert len(t.store.list_people()) == before
