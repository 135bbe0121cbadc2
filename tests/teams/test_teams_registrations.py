"""Several bot registrations in one file (MICROSOFT_APP_REGISTRATIONS): read as each
council's single-tenant bot, every mistake one ConfigurationError line that never shows a
secret, and `coachpool teams-package` writing one package per registration."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from handlers.bootstrap import ConfigurationError
from handlers.cli.main import main
from handlers.teams.registrations import addressed, for_tenant, registrations_from_environ

DUDLEY = ("dudley", "d0d1e700-0000-4000-8000-0000000000da", "tenant-dudley", "s3cret-dudley")
SANDWELL = ("sandwell", "5a0d0e11-0000-4000-8000-0000000000bb", "tenant-sandwell", "s3cret-sw")


def _table(name: str, app_id: str, tenant: str, password: str) -> str:
    return (
        f'[[registration]]\nname = "{name}"\napp_id = "{app_id}"\n'
        f'tenant_id = "{tenant}"\npassword = "{password}"\n'
    )


def _environ(tmp_path: Path, text: str, **more: str) -> dict[str, str]:
    listed = tmp_path / "teams.toml"
    listed.write_text(text)
    return {"MICROSOFT_APP_REGISTRATIONS": str(listed), **more}


def test_each_registration_is_a_single_tenant_bot(tmp_path: Path) -> None:
    environ = _environ(
        tmp_path, _table(*DUDLEY) + _table(*SANDWELL), CLOUD="USGov", SSL_CERT_FILE="/ca.pem"
    )
    dudley, sandwell = registrations_from_environ(environ)
    assert (dudley.name, dudley.app_id, dudley.tenant_id, dudley.app_password) == DUDLEY
    assert (sandwell.cloud, sandwell.ca_bundle) == ("USGov", "/ca.pem")
    assert dudley.serves("tenant-dudley") and not dudley.serves("tenant-sandwell")
    both = (dudley, sandwell)
    assert addressed(both, audiences=[SANDWELL[1]], tenant_id="tenant-sandwell") is sandwell
    assert addressed(both, audiences=[f"api://{SANDWELL[1]}"], tenant_id="tenant-sandwell") is (
        sandwell
    )
    assert addressed(both, audiences=[SANDWELL[1]], tenant_id="tenant-dudley") is None
    assert addressed(both, audiences=[], tenant_id="tenant-dudley") is None
    assert for_tenant(both, "tenant-dudley") is dudley
    assert for_tenant(both, "tenant-walsall") is None
    # Secrets stay out of reprs (logs, tracebacks).
    assert DUDLEY[3] not in repr(both)


def test_the_single_registration_still_answers_every_tenant() -> None:
    environ = {
        "MICROSOFT_APP_ID": DUDLEY[1],
        "MICROSOFT_APP_PASSWORD": DUDLEY[3],
        "MICROSOFT_APP_TENANT_ID": "tenant-host",
    }
    [single] = registrations_from_environ(environ)
    assert single.serves("tenant-dudley") and single.serves("tenant-host")
    assert addressed([single], audiences=[DUDLEY[1]], tenant_id="tenant-dudley") is single
    assert for_tenant([single], "tenant-anything") is single
    assert registrations_from_environ({}) == ()


@pytest.mark.parametrize(
    ("text", "says"),
    [
        pytest.param("", "lists no [[registration]]", id="empty"),
        pytest.param("[registration]\nname = 'x'\n", "double brackets", id="single-brackets"),
        pytest.param("[[registration]\n", "not valid TOML", id="bad-toml"),
        pytest.param(
            "cloud = 'USGov'\n" + _table(*DUDLEY),
            "unknown key 'cloud'; the file holds [[registration]] tables only",
            id="top-level-key",
        ),
        pytest.param(
            _table(*DUDLEY).replace("password", "secret"),
            "registration 1 (dudley): unknown key 'secret'",
            id="misspelt-key",
        ),
        pytest.param(
            _table(*DUDLEY).replace(f'tenant_id = "{DUDLEY[2]}"\n', ""),
            "registration 1 (dudley): tenant_id is missing",
            id="missing",
        ),
        pytest.param(
            _table(*DUDLEY).replace(f'"{DUDLEY[2]}"', "42"),
            "tenant_id must be a non-empty text in quotes",
            id="not-text",
        ),
        pytest.param(
            _table("Dudley MBC", *DUDLEY[1:]), "must be lower-case letters", id="bad-name"
        ),
        pytest.param(
            _table(DUDLEY[0], DUDLEY[3], *DUDLEY[2:]),
            "app_id must be the registration's Application (client) ID",
            id="secret-pasted-as-app-id",
        ),
        pytest.param(
            _table(*DUDLEY) + _table("dudley-2", SANDWELL[1], DUDLEY[2], "x"),
            "registrations dudley and dudley-2 have the same tenant_id: one registration per "
            "tenant",
            id="same-tenant",
        ),
        pytest.param(
            _table(*DUDLEY) + _table("sandwell", DUDLEY[1], SANDWELL[2], "x"),
            "same app_id",
            id="same-app",
        ),
    ],
)
def test_every_mistake_is_one_line_without_the_secret(tmp_path: Path, text: str, says: str) -> None:
    with pytest.raises(ConfigurationError) as raised:
        registrations_from_environ(_environ(tmp_path, text))
    message = str(raised.value)
    assert says in message
    assert "\n" not in message
    assert DUDLEY[3] not in message


def test_a_missing_file_and_both_ways_at_once_are_explained(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="cannot read it"):
        registrations_from_environ({"MICROSOFT_APP_REGISTRATIONS": str(tmp_path / "none.toml")})
    latin = tmp_path / "latin-1.toml"
    latin.write_bytes(_table(*DUDLEY).replace("dudley", "dudl\xe9y").encode("latin-1"))
    with pytest.raises(ConfigurationError, match="not UTF-8 text"):
        registrations_from_environ({"MICROSOFT_APP_REGISTRATIONS": str(latin)})
    both = _environ(tmp_path, _table(*DUDLEY), MICROSOFT_APP_ID=SANDWELL[1])
    with pytest.raises(ConfigurationError, match="both set"):
        registrations_from_environ(both)


def test_teams_package_refuses_a_bad_file_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """It reads the file `coachpool serve` reads and says what is wrong, no traceback."""
    environ = _environ(tmp_path, _table(*DUDLEY).replace("password", "pasword"))
    monkeypatch.setenv("MICROSOFT_APP_REGISTRATIONS", environ["MICROSOFT_APP_REGISTRATIONS"])
    monkeypatch.delenv("MICROSOFT_APP_ID", raising=False)
    assert main(["teams-package", "--out", str(tmp_path / "p.zip")]) != 0
    err = capsys.readouterr().err
    assert "unknown key 'pasword'" in err
    assert "Traceback" not in err and DUDLEY[3] not in err
    assert len(err.strip().splitlines()) == 1


def test_teams_package_writes_one_package_per_registration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    environ = _environ(tmp_path, _table(*DUDLEY) + _table(*SANDWELL))
    monkeypatch.setenv("MICROSOFT_APP_REGISTRATIONS", environ["MICROSOFT_APP_REGISTRATIONS"])
    monkeypatch.delenv("MICROSOFT_APP_ID", raising=False)
    out = tmp_path / "coachpool-teams.zip"
    assert main(["teams-package", "--out", str(out), "--domain", "coaching.example.gov.uk"]) == 0
    printed = capsys.readouterr().out
    for name, app_id, *_ in (DUDLEY, SANDWELL):
        written = tmp_path / f"coachpool-teams-{name}.zip"
        assert f"wrote {written}" in printed
        with zipfile.ZipFile(written) as archive:
            manifest = json.loads(archive.read("manifest.json"))
        assert manifest["id"] == app_id
        assert manifest["bots"][0]["botId"] == app_id
    assert not out.exists()
    # --app-id still writes the one package asked for.
    assert main(["teams-package", "--out", str(out), "--app-id", SANDWELL[1]]) == 0
    with zipfile.ZipFile(out) as archive:
        assert json.loads(archive.read("manifest.json"))["id"] == SANDWELL[1]


def test_the_example_in_the_guide_is_a_valid_file(tmp_path: Path) -> None:
    guide = (Path(__file__).parents[2] / "docs" / "teams.md").read_text()
    [example] = [block.split("```")[0] for block in guide.split("```toml\n")[1:]]
    registrations = registrations_from_environ(_environ(tmp_path, example))
    assert [r.name for r in registrations] == ["dudley", "shropshire"]
    assert all(r.own_tenant_only for r in registrations)
