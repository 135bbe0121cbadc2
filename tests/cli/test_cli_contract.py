"""The `coachpool` command line as users and outside checks rely on it (DESIGN.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from handlers.cli.main import main
from handlers.pool.sample import DEMO_COACHEE_EMAIL

ISO_WITH_OFFSET = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$"


@pytest.fixture
def pool(tmp_path: Path) -> str:
    """A seeded SQLite pool; returns its URL."""
    url = f"sqlite:///{tmp_path / 'pool.db'}"
    assert main(["--database", url, "seed", "--demo"]) == 0
    return url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_people_json_lists_email_name_organisation_roles(
    pool: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code, out, _ = run(capsys, "--database", pool, "people", "--role", "coach", "--json")
    assert code == 0
    people = json.loads(out)
    assert len(people) == 40
    assert set(people[0]) == {"email", "name", "organisation", "roles"}
    assert all("coach" in p["roles"] for p in people)
    code, out, _ = run(capsys, "--database", pool, "people")
    assert "sam.patel@dudley.gov.uk" in out
    assert out.splitlines()[0].split()[:2] == ["NAME", "EMAIL"]


def test_a_chat_scripted_on_standard_input_then_requests_match_and_sessions(
    pool: str, tmp_path: Path
) -> None:
    script = "\n".join([
        "coaching on leading my team through a restructure, Tuesday or Thursday afternoons, online",
        "Keep my team motivated", "skip", "skip", "1", "1", "1",
    ])  # fmt: skip
    chat = subprocess.run(
        [sys.executable, "-m", "handlers.cli.main", "--database", pool, "chat", "--as",
         DEMO_COACHEE_EMAIL], input=script, capture_output=True, text=True, timeout=120,
        check=False,
    )  # fmt: skip
    assert chat.returncode == 0, chat.stderr
    assert "Here are 3 coaches who could work with you" in chat.stdout
    assert "I've asked" in chat.stdout

    requests = json.loads(_cli(pool, "requests", "--json"))
    (request,) = requests
    assert set(request) == {"id", "coachee", "programme", "state", "created"}
    assert request["coachee"] == DEMO_COACHEE_EMAIL
    assert request["programme"] == "regional-pool"
    assert request["state"] == "waiting_coach"

    matched = json.loads(_cli(pool, "match", str(request["id"]), "--json"))
    assert set(matched) == {"candidates", "excluded"}
    scores = [c["score"] for c in matched["candidates"]]
    assert len(scores) >= 3
    assert scores == sorted(scores, reverse=True)
    assert all(isinstance(c["score"], int | float) and c["reasons"] for c in matched["candidates"])
    rules = {e["rule"] for e in matched["excluded"]}
    assert any("same organisation as the coachee" in rule for rule in rules)
    assert len(matched["candidates"]) + len(matched["excluded"]) == 40

    assert json.loads(_cli(pool, "sessions", "--json")) == []


def _cli(database: str, *argv: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "handlers.cli.main", "--database", database, *argv],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return done.stdout


def test_parse_when_json_and_failure(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "parse-when", "Tuesday or Thursday afternoons",
        "--now", "2026-11-25T10:00:00+00:00", "--tz", "Europe/London", "--json",
    )  # fmt: skip
    assert code == 0
    windows = json.loads(out)["windows"]
    assert windows[0] == {"start": "2026-11-26T13:00:00+00:00", "end": "2026-11-26T17:00:00+00:00"}
    assert len(windows) == 6
    code, out, err = run(capsys, "parse-when", "banana", "--now", "2026-11-25T10:00:00+00:00")
    assert code == 1
    assert out == ""
    assert err.startswith("coachpool: I couldn't understand a time in 'banana'")
    code, _, err = run(capsys, "parse-when", "Tuesday", "--tz", "Mars/Olympus")
    assert code == 2
    assert "is not a time zone name" in err


def test_parse_when_shows_uk_phrasing_and_asks_about_what_it_left_out(
    capsys: pytest.CaptureFixture[str],
) -> None:
    now = ("--now", "2026-11-30T18:50:00+00:00", "--tz", "Europe/London")
    code, out, _ = run(capsys, "parse-when", "half 2 on Thursday", *now, "--json")
    assert code == 0
    assert json.loads(out) == {
        "windows": [{"start": "2026-12-03T14:30:00+00:00", "end": "2026-12-03T15:30:00+00:00"}],
        "questions": [],
    }
    code, out, _ = run(capsys, "parse-when", "early next week", *now)
    assert code == 0
    assert out.startswith("Monday 7 December, 09:00–17:00 GMT\n")
    assert "? I understood Monday 7 December, 09:00–17:00 GMT" in out
    assert 'but not "early"' in out


def test_parse_when_across_the_spring_clock_change(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse-when", "Monday 10am", "--now", "2027-03-26T12:00:00+00:00",
                       "--tz", "Europe/London", "--json")  # fmt: skip
    assert code == 0
    (window,) = json.loads(out)["windows"]
    assert window == {"start": "2027-03-29T10:00:00+01:00", "end": "2027-03-29T11:00:00+01:00"}


def test_bad_input_is_one_clear_line_and_a_non_zero_status(
    pool: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code, _, err = run(capsys, "--database", pool, "chat", "--as", "nobody@nowhere.org")
    assert code == 2
    assert err.strip() == (
        "coachpool: no one with the email 'nobody@nowhere.org' is in the pool "
        "(see `coachpool people` for who is)"
    )
    code, _, err = run(capsys, "--database", pool, "match", "999")
    assert (code, err.strip()) == (
        2,
        "coachpool: there is no request 999 (see `coachpool requests`)",
    )
    unreachable = "postgresql://postgres@127.0.0.1:1/nothing"
    code, _, err = run(capsys, "--database", unreachable, "people")
    assert code == 2
    assert err.startswith("coachpool: ")
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_importing_a_roster_with_errors_imports_nothing(
    pool: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    roster = tmp_path / "coaches.csv"
    roster.write_text(
        "email,name,organisation,max_coachees\n"
        "new.coach@coventry.gov.uk,New Coach,coventry,2\n"
        "bad-email,Bad Row,coventry,three\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    code, out, _ = run(capsys, "--database", pool, "import", "coaches", str(roster))
    assert code == 1
    assert "line 3" in out
    assert "Nothing imported" in out
    code, out, _ = run(capsys, "--database", pool, "people", "--json")
    assert "new.coach@coventry.gov.uk" not in out
    code, out, _ = run(
        capsys, "--database", pool, "import", "coaches", str(roster), "--skip-invalid"
    )
    assert code == 0
    code, out, _ = run(capsys, "--database", pool, "people", "--role", "coach", "--json")
    assert "new.coach@coventry.gov.uk" in out
    code, _, err = run(
        capsys, "--database", pool, "import", "coaches", str(tmp_path / "missing.csv")
    )
    assert code == 2
    assert "cannot read" in err


def test_erase_removes_identifying_data(pool: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    code, out, _ = run(capsys, "--database", pool, "erase", DEMO_COACHEE_EMAIL, "--yes")
    assert code == 0
    code, out, _ = run(capsys, "--database", pool, "people", "--json")
    assert DEMO_COACHEE_EMAIL not in out
    assert "Sam Patel" not in out


def test_demo_plays_the_cycle_and_exits_zero(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "handlers.cli.main", "demo", "--dir", str(tmp_path)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Here are 3 coaches who could work with you" in done.stdout
    assert "Your session is booked" in done.stdout
    assert list(tmp_path.glob("coachpool-demo-invites/*.ics"))
    assert "Weekly digest for the coaching pool: 2026-W48" in done.stdout

    # The demo's pool, exported: organisations, times and states; no names.
    database = str(tmp_path / "coachpool-demo.db")
    exported = _cli(database, "export", "--since", "2026-11-01", "--until", "2026-12-31")
    header, row = exported.strip().splitlines()
    assert header.startswith("session,start,end,hours,state")
    assert ",1.00,held,no,,,Shropshire Council,Dudley Metropolitan Borough Council" in row
    assert "Sam" not in exported
    requests = _cli(database, "export", "requests", "--since", "2026-11-01")
    assert requests.splitlines()[1].endswith(
        ",regional-pool,matched,Dudley Metropolitan Borough Council"
    )


def test_linking_workspaces_and_tenants_to_organisations(
    pool: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    code, out, _ = run(capsys, "--database", pool, "organisation", "link", "dudley",
                       "--slack-team", "T0DUDLEY", "--teams-tenant", "tenant-dudley")  # fmt: skip
    assert code == 0
    assert "Slack workspaces T0DUDLEY; Teams tenants tenant-dudley" in out
    assert "shared" not in out
    # A regional pool's own workspace serves a second organisation too, and says so.
    code, out, _ = run(capsys, "--database", pool, "organisation", "link", "walsall",
                       "--slack-team", "T0DUDLEY")  # fmt: skip
    assert code == 0
    assert out.splitlines() == [
        "Walsall Council: Slack workspaces T0DUDLEY; Teams tenants none.",
        "Slack workspace T0DUDLEY is shared with dudley: people there are told apart by their "
        "verified email, each served as a person of their own organisation.",
    ]
    code, out, _ = run(capsys, "--database", pool, "organisations", "--json")
    linked = {o["slug"]: (o["slack_teams"], o["teams_tenants"]) for o in json.loads(out)}
    assert linked["dudley"] == (["T0DUDLEY"], ["tenant-dudley"])
    assert linked["walsall"] == (["T0DUDLEY"], [])
    code, out, _ = run(capsys, "--database", pool, "organisations")
    assert [line.split()[0] for line in out.splitlines() if "T0DUDLEY" in line] == [
        "dudley",
        "walsall",
    ]
    code, _, _ = run(capsys, "--database", pool, "organisation", "unlink", "dudley",
                     "--slack-team", "T0DUDLEY")  # fmt: skip
    code, out, _ = run(capsys, "--database", pool, "organisations", "--json")
    dudley = next(o for o in json.loads(out) if o["slug"] == "dudley")
    assert dudley["slack_teams"] == []
