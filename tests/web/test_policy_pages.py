"""`/privacy` and `/terms`, which the Teams app manifest links to, served by `coachpool
serve`'s application over real HTTP: public, accessible HTML, with the retention periods
the server runs with."""

from __future__ import annotations

import os
from html.parser import HTMLParser
from urllib.parse import urlsplit

import httpx
import pytest

from bot.clock import SimulatedClock
from handlers.bootstrap import bootstrap
from handlers.server.app import create_app
from handlers.teams.manifest import manifest
from tests.conversations.transcript import START
from tests.server.test_server_health import served
from tests.web.browser import axe_script, axe_violations, chromium, heading, missing

APP_ID = "00000000-0000-4000-8000-000000000001"


class Outline(HTMLParser):
    """The page's language, headings and tables' header cells."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.headings: list[str] = []
        self.header_cells: list[dict[str, str | None]] = []
        self._in: str = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        if tag in {"h1", "h2"}:
            self._in = tag
            self.headings.append(f"{tag}:")
        if tag == "th":
            self.header_cells.append(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = ""

    def handle_data(self, data: str) -> None:
        if self._in:
            self.headings[-1] += data.strip()


def _paths() -> list[str]:
    """Where the Teams manifest sends people."""
    developer = manifest(app_id=APP_ID, domain="coaching.example", version="1.0.0")["developer"]
    return [urlsplit(developer[key]).path for key in ("privacyUrl", "termsOfUseUrl")]


def test_the_manifests_privacy_and_terms_links_answer(database_url: str) -> None:
    application = bootstrap(database_url=database_url, clock=SimulatedClock(START))
    environ = {"COACHPOOL_KEEP_FREE_TEXT_DAYS": "200"}
    with served(create_app(application, environ=environ)) as base:
        pages = {path: httpx.get(f"{base}{path}", timeout=5) for path in _paths()}
    assert list(pages) == ["/privacy", "/terms"]
    for path, page in pages.items():
        assert page.status_code == 200, path
        assert page.headers["content-type"].startswith("text/html")
        assert page.headers["x-content-type-options"] == "nosniff"
        outline = Outline()
        outline.feed(page.text)
        assert outline.lang == "en-GB"
        assert [h for h in outline.headings if h.startswith("h1:")] == [
            "h1:Privacy" if path == "/privacy" else "h1:Terms of use"
        ]
        assert all(cell.get("scope") for cell in outline.header_cells)
    privacy = " ".join(pages["/privacy"].text.split())
    # The periods this server runs with: the one set, and the documented defaults.
    assert "Blanked 200 days after the request or coaching closes" in privacy
    assert "Deleted after 30 days without a word" in privacy
    assert "Emptied 90 days after sending" in privacy
    assert "Samaritans (116 123, free, any time) and 999" in privacy
    assert "No figure is shown about fewer than 5 people" in privacy
    assert 'href="/terms"' in pages["/privacy"].text and 'href="/privacy"' in pages["/terms"].text


@pytest.mark.skipif(bool(missing()) and not os.environ.get("CI"), reason=missing())
def test_the_pages_pass_axe(database_url: str) -> None:
    script = axe_script()
    if script is None:
        if os.environ.get("CI"):
            pytest.fail("COACHPOOL_AXE_JS must name axe.min.js in CI (.ci/run installs it)")
        pytest.skip("no axe-core here: set COACHPOOL_AXE_JS to axe.min.js")
    application = bootstrap(database_url=database_url, clock=SimulatedClock(START))
    with served(create_app(application, environ={})) as base, chromium() as driver:
        for path, title in (("/privacy", "Privacy"), ("/terms", "Terms of use")):
            driver.get(base + path)
            assert heading(driver) == title
            violations = axe_violations(driver, script)
            assert not violations, [(v["id"], v["description"]) for v in violations]
