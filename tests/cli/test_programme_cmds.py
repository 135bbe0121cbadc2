"""`coachpool programmes` and `coachpool programme set`: the rules, listed and changed, and a
bad value is one line that changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handlers.cli.main import main


@pytest.fixture
def pool(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'pool.db'}"
    assert main(["--database", url, "seed", "--demo"]) == 0
    return url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def programmes(pool: str, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    code, out, _ = run(capsys, "--database", pool, "programmes", "--json")
    assert code == 0
    return {p["slug"]: p for p in json.loads(out)}


def test_programmes_lists_every_rule(pool: str, capsys: pytest.CaptureFixture[str]) -> None:
    rapid = programmes(pool, capsys)["rapid-support"]
    assert rapid["sessions"] == 3 and rapid["cap_per_organisation"] == 3
    assert rapid["sponsor_approval"] is False and rapid["open_to"] == []
    code, out, _ = run(capsys, "--database", pool, "programmes")
    assert code == 0
    assert out.splitlines()[0].split()[:2] == ["SLUG", "NAME"]
    assert "3 x 60 min" in out


def test_programme_set_changes_the_named_rules_only(
    pool: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, "--database", pool, "programme", "set", "rapid-support", "--sessions", "4",
        "--session-minutes", "45", "--cap", "none", "--chemistry", "yes",
        "--sponsor-approval", "yes", "--accreditation", "ilm7",
    )  # fmt: skip
    assert code == 0
    assert "Rapid Support (rapid-support): sessions 4; session minutes 45" in out
    rapid = programmes(pool, capsys)["rapid-support"]
    assert (rapid["sessions"], rapid["session_minutes"], rapid["cap_per_organisation"]) == (
        4, 45, None,
    )  # fmt: skip
    assert rapid["chemistry"] is True and rapid["sponsor_approval"] is True
    assert rapid["accreditation"] == "ilm7" and rapid["same_organisation"] is False


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["nowhere", "--cap", "2"], "there is no programme 'nowhere'; known: regional-pool"),
        (["rapid-support"], "name at least one rule to change"),
        (["rapid-support", "--sessions", "0"], "--sessions must be between 1 and 20, not 0"),
        (["rapid-support", "--sessions", "six"], "--sessions must be a whole number, not 'six'"),
        (["rapid-support", "--cap", "-1"], "--cap must be between 1 and 1000, not -1"),
        (["rapid-support", "--chemistry", "maybe"], "--chemistry must be yes or no"),
        (["rapid-support", "--accreditation", "ilm9"], "--accreditation must be none, ilm5 or"),
        (["rapid-support", "--open-to", "Elected Members", "--open-to", "everyone"], "--open-to"),
    ],
)
def test_a_bad_value_is_one_line_and_changes_nothing(
    pool: str, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    before = programmes(pool, capsys)
    code, out, err = run(capsys, "--database", pool, "programme", "set", *argv)
    assert code == 2 and out == ""
    assert err.startswith("coachpool: ") and message in err
    assert len(err.strip().splitlines()) == 1
    assert programmes(pool, capsys) == before
