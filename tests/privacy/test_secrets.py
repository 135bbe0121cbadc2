"""Platform secrets at rest: a workspace installed through Slack's OAuth flow has its bot
token sealed under COACHPOOL_SECRET_KEY, keys rotate with `coachpool rotate-secrets`, and
a missing key is one clear line."""

from __future__ import annotations

import os
import re
from unittest.mock import patch
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select, update

from handlers.bootstrap import ConfigurationError
from handlers.secrets import KEY_VARIABLE
from handlers.slack.installations import Installations, Workspace
from storage.models.slack import SLACK_WORKSPACES
from tests.privacy.privacy_rig import cli, every_cell
from tests.slack.slack_fake_api import Install
from tests.slack.slack_harness import Harness, posted, running_pool, team_of, words

SAM = "sam.patel@dudley.gov.uk"
TOKEN = "xoxb-dudley-new-0123456789"
pytestmark = pytest.mark.filterwarnings("ignore:BasicAuth is deprecated:DeprecationWarning")


def _install(h: Harness, code: str) -> httpx.Response:
    """The install page, Slack's consent (faked), then the callback with the code."""
    page = h.http.get(h.url + "/slack/install")
    link = re.search(r'href="(https://slack\.com/oauth/v2/authorize\?[^"]+)"', page.text)
    assert link is not None
    state = parse_qs(urlparse(link.group(1).replace("&amp;", "&")).query)["state"][0]
    cookie = page.headers["set-cookie"].split(";")[0]
    return h.http.get(
        h.url + "/slack/oauth_redirect",
        params={"code": code, "state": state},
        headers={"Cookie": cookie},
    )


def _stored(h: Harness, team_id: str) -> str:
    with h.application.store.engine.connect() as connection:
        found = connection.execute(
            select(SLACK_WORKSPACES.c.bot_token).where(SLACK_WORKSPACES.c.team_id == team_id)
        ).scalar_one()
    return str(found)


def test_bot_tokens_are_sealed_and_keys_rotate(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with running_pool(database_url, oauth=True) as h:
        engine, dudley = h.application.store.engine, team_of("dudley")
        old_key = os.environ[KEY_VARIABLE]
        Installations(engine).remove(dudley)
        h.fake.installs["code-1"] = Install(dudley, "Dudley MBC", TOKEN, "U0ADMIN")
        assert _install(h, "code-1").status_code == 200

        sealed = _stored(h, dudley)
        assert sealed.startswith("fernet:") and TOKEN not in sealed
        assert not [cell for cell in every_cell(engine) if TOKEN in cell[2]]
        assert Fernet(old_key).decrypt(sealed.removeprefix("fernet:")).decode() == TOKEN
        # ... and the workspace is served with it.
        answer = h.user(SAM).say("hello")
        assert "Hello Sam" in words(answer) and {c.token for c in posted(answer)} == {TOKEN}

        # Rotation: a new key in front; rotate-secrets re-seals; the old key can go.
        new_key = cli(capsys, "rotate-secrets", "--new-key")[1].strip()
        with patch.dict(os.environ, {KEY_VARIABLE: f"{new_key},{old_key}"}):
            code, out, _ = cli(capsys, "--database", database_url, "rotate-secrets")
        assert code == 0 and "Re-sealed" in out
        resealed = _stored(h, dudley)
        assert resealed != sealed
        assert Fernet(new_key).decrypt(resealed.removeprefix("fernet:")).decode() == TOKEN
        with patch.dict(os.environ, {KEY_VARIABLE: new_key}):
            found = Installations(engine).find(dudley)
            assert found is not None and found.bot_token == TOKEN
        unopenable = pytest.raises(ConfigurationError, match="no key in COACHPOOL_SECRET_KEY")
        with patch.dict(os.environ, {KEY_VARIABLE: old_key}), unopenable:
            Installations(engine).find(dudley)

        # A token an older coachpool stored in clear is still read, and sealed by rotation.
        with engine.begin() as connection:
            connection.execute(
                update(SLACK_WORKSPACES)
                .where(SLACK_WORKSPACES.c.team_id == dudley)
                .values(bot_token=TOKEN)
            )
        with patch.dict(os.environ, {KEY_VARIABLE: new_key}):
            found = Installations(engine).find(dudley)
            assert found is not None and found.bot_token == TOKEN
            assert cli(capsys, "--database", database_url, "rotate-secrets")[0] == 0
        assert _stored(h, dudley).startswith("fernet:")

        # No key: storing a token is refused in one clear line, and so is rotation.
        with patch.dict(os.environ):
            del os.environ[KEY_VARIABLE]
            with pytest.raises(ConfigurationError, match="COACHPOOL_SECRET_KEY is not set"):
                Installations(engine).save(Workspace(dudley, TOKEN))
            code, out, err = cli(capsys, "--database", database_url, "rotate-secrets")
            assert (code, out) == (2, "") and err.count("\n") == 1
            assert err.startswith("coachpool: COACHPOOL_SECRET_KEY is not set")
        with patch.dict(os.environ, {KEY_VARIABLE: "not-a-key"}):
            code, _, err = cli(capsys, "--database", database_url, "rotate-secrets")
            assert code == 2 and "is not a Fernet key" in err
