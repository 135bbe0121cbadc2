"""`coachpool digest`: print a week's digest, as text or JSON, or send everyone theirs."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from digest_testkit import build_pool

from handlers.cli import main as cli
from handlers.wall_clock import WallClock
from storage.store import SqlStore

AS_OF = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A SQLite file holding the hand-built pool; `digest` on the command line."""
    monkeypatch.delenv("COACHPOOL_TIMEZONE", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    # Waiting lists and coaches' limits are "as of now": now is the Monday W47's digest goes
    # out, so a coach's November hours still count towards their month whenever this runs.
    monkeypatch.setattr(WallClock, "now", lambda self: AS_OF)
    path = tmp_path / "pool.db"
    store = SqlStore.open(str(path), migrate=True)
    build_pool(store)
    store.close()
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_prints_the_weeks_digest(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--database", database, "digest", "--week", "2026-W47")
    assert (status, err) == (0, "")
    assert out.startswith("Weekly digest for the coaching pool: 2026-W47\n")
    assert "From Monday 16 November 2026 to Sunday 22 November 2026." in out
    assert "  Sessions held          7 (7.5 h)\n" in out
    assert "Colin Coach (Alpha Council): at the limits of 2 coachees and 6 hours" in out
    assert "  Matched                withheld (fewer than 5 people)\n" in out
    assert "  - others not shown, to protect figures from fewer than 5 people\n" in out
    assert (
        "No figure about coaching comes from fewer than 5 coachees, and none can be worked out "
        "from the others;" in " ".join(out.split())
    )
    assert "SECRET" not in out


def test_one_organisations_digest(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "--database", database, "digest", "--week", "2026-W47", "--organisation", "beta"
    )
    assert status == 0
    assert out.startswith("Weekly digest for Beta Council: 2026-W47\n")
    assert "Alpha Council" not in out and "Gamma Council" not in out
    # Its six coachees' sessions, withheld so as not to give away Gamma's one as 7 - 6.
    assert "Sessions held withheld (it would reveal a figure from fewer than 5 people) " in (
        " ".join(out.split())
    )


def test_json_for_machines(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--database", database, "digest", "--week", "2026-w47", "--json")
    assert status == 0
    data = json.loads(out)
    assert data["week"] == "2026-W47"
    assert data["start"] == "2026-11-16T00:00:00+00:00"
    assert data["sessions"]["hours"] == 7.5
    assert data["feedback"]["week"]["usefulness"] == pytest.approx(4.2)
    assert data["organisations"][2] == {
        "name": "Gamma Council",
        "given_week": 0.0,
        "received_week": None,
        "given_year": 0.0,
        "received_year": 0.0,  # the weeks shown: C1's hour and a half was withheld
    }
    assert data["year_to_date"]["weeks_withheld"] == 2


def test_writes_the_chart(
    database: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    chart = tmp_path / "chart.png"
    status, _, _ = run(
        capsys, "--database", database, "digest", "--week", "2026-W47", "--chart", str(chart)
    )
    assert status == 0 and chart.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_defaults_to_last_week(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "--database", database, "digest")
    assert status == 0 and out.startswith("Weekly digest for the coaching pool: ")


@pytest.mark.parametrize(
    ("week", "message"),
    [
        ("2026W47", "coachpool: --week: '2026W47' is not an ISO week: write the week as "
         "YYYY-Www, e.g. 2026-W47\n"),
        ("2026-W54", "coachpool: --week: 2026 has weeks 1 to 53; there is no week 54\n"),
        ("26-W1", "coachpool: --week: '26-W1' is not an ISO week: write the week as YYYY-Www, "
         "e.g. 2026-W47\n"),
    ],
)  # fmt: skip
def test_a_bad_week_is_one_line_and_status_2(
    database: str, capsys: pytest.CaptureFixture[str], week: str, message: str
) -> None:
    assert run(capsys, "--database", database, "digest", "--week", week) == (2, "", message)


def test_an_unknown_organisation_is_one_line_and_status_2(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "--database", database, "digest", "--organisation", "nope")
    assert (status, out) == (2, "")
    assert err == "coachpool: there is no organisation 'nope' (slugs: alpha, beta, gamma)\n"


def test_send_queues_and_delivers_once(
    database: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    status, out, err = run(capsys, "--database", database, "digest", "--week", "2026-W47", "--send")
    assert status == 0
    # No chat platform is configured: each digest waits in its reader's console inbox,
    # and the operator's terminal names who got one, never what it says.
    assert out == (
        "✉ for Cora Ordinator <cora@alpha.example>: kept for their next "
        "`coachpool chat --as cora@alpha.example`\n"
        "✉ for Lena Lead <lena@beta.example>: kept for their next "
        "`coachpool chat --as lena@beta.example`\n"
    )
    assert "Weekly digest for the coaching pool: 2026-W47" in _chat(capsys, database, "cora")
    beta = _chat(capsys, database, "lena")
    assert "Weekly digest for Beta Council: 2026-W47" in beta
    assert "Alpha Council" not in beta
    assert (
        err == "digest 2026-W47: queued 2 new; sent 2, skipped 0, to retry 0, failed 0 "
        "(of 2 messages due)\n"
    )
    status, out, err = run(capsys, "--database", database, "digest", "--week", "2026-W47", "--send")
    assert (status, out) == (0, "")
    assert err.startswith("digest 2026-W47: queued 0 new; sent 0,")


def _chat(capsys: pytest.CaptureFixture[str], database: str, name: str) -> str:
    """What `coachpool chat --as` shows the person, reading no lines."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdin", io.StringIO(""))
        status, out, _ = run(
            capsys, "--database", database, "chat", "--as", f"{name}@{_domain(name)}"
        )
    assert status == 0
    return out


def _domain(name: str) -> str:
    return {"cora": "alpha.example", "lena": "beta.example"}[name]


def test_send_takes_no_scope_or_output_options(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "--database", database, "digest", "--send", "--json")
    assert status == 2 and err.count("\n") == 1 and "--send" in err
