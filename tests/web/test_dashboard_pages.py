"""The dashboard's figures: the digest's, under the same disclosure rule, scoped by role."""

from __future__ import annotations

import csv
import io

import pytest

from tests.digest.digest_testkit import COMMENT
from tests.web.conftest import Rig

TABLES = ("pipeline", "hours", "organisations", "value", "feedback", "capacity",
          "waiting-topics", "themes")  # fmt: skip


def test_the_pool_page_shows_every_section(rig: Rig) -> None:
    rig.sign_in("cora@alpha.example")
    text = rig.client.get("/dashboard").text
    for heading in (
        "Summary",
        "Hours against target",
        "Coach capacity",
        "Pipeline and the week",
        "Hours given and received by organisation",
        "Value for money this year",
        "Feedback from coachees",
        "Waiting list by topic",
        "Themes this year",
    ):
        assert f">{heading}" in text, heading
    assert 'alt="Two charts. Hours of coaching held per week' in text
    assert "w/c 16 Nov" in text
    assert '<th scope="col">Organisation</th>' in text
    # Value for money: £200 an hour against the subscriptions set.
    assert "Value at £200 an hour" in text and "£5,000" in text and "£1,000" in text


@pytest.mark.parametrize("path", ["/dashboard", "/dashboard/org/beta", "/dashboard/org/gamma"])
def test_no_coachee_name_or_free_text_on_any_page(rig: Rig, path: str) -> None:
    rig.sign_in("cora@alpha.example")
    pages = [rig.client.get(path).text]
    query = f"?org={path.rsplit('/', 1)[1]}" if "/org/" in path else ""
    pages += [rig.client.get(f"/dashboard/csv/{t}.csv{query}").text for t in TABLES]
    secrets = [*rig.pool.coachee_names(), COMMENT, "SECRET", "burnout", "restructure"]
    for page in pages:
        for secret in secrets:
            assert secret not in page


def test_a_lead_sees_their_organisation_only(rig: Rig) -> None:
    rig.sign_in("lena@beta.example")
    home = rig.client.get("/dashboard")
    assert home.status_code == 303 and home.headers["location"] == "/dashboard/org/beta"
    page = rig.client.get("/dashboard/org/beta").text
    assert "Beta Council: 2026-W47" in page
    assert "Alpha Council" not in page and "Gamma Council" not in page
    for other in ("/dashboard/org/alpha", "/dashboard/org/gamma", "/dashboard/org/nowhere"):
        answer = rig.client.get(other)
        assert answer.status_code == 403 and "own organisation" in answer.text
    assert rig.client.get("/dashboard/csv/pipeline.csv?org=alpha").status_code == 403
    assert rig.client.get("/dashboard/csv/pipeline.csv").status_code == 403  # the pool's
    assert rig.client.get("/dashboard/csv/pipeline.csv?org=beta").status_code == 200


def test_an_organisation_shows_what_its_digest_shows(rig: Rig) -> None:
    """Gamma's small numbers are withheld on the page as in its digest."""
    rig.sign_in("cora@alpha.example")
    rows = read_csv(rig, "/dashboard/csv/pipeline.csv?org=gamma")
    assert dict(rows[1:])["Sessions held this week"] == "withheld"
    assert dict(rows[1:])["Hours held this week"] == "withheld"


def read_csv(rig: Rig, path: str) -> list[list[str]]:
    answer = rig.client.get(path)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(answer.text)))


def test_every_table_downloads_as_csv_with_the_page_rows(rig: Rig) -> None:
    rig.sign_in("cora@alpha.example")
    page = rig.client.get("/dashboard").text
    for table in TABLES:
        assert f"/dashboard/csv/{table}.csv?week=2026-W47&amp;weeks=12" in page
        rows = read_csv(rig, f"/dashboard/csv/{table}.csv?week=2026-W47&weeks=12")
        assert rows[0], table
    organisations = read_csv(rig, "/dashboard/csv/organisations.csv")
    assert organisations[0][0] == "Organisation"
    assert [r[0] for r in organisations[1:]] == ["Alpha Council", "Beta Council", "Gamma Council"]
    value = read_csv(rig, "/dashboard/csv/value.csv")
    assert value[-1][0] == "The whole pool" and value[-1][3] == "£6,000"


def test_the_week_and_range_picker(rig: Rig) -> None:
    rig.sign_in("cora@alpha.example")
    page = rig.client.get("/dashboard?week=2026-W46&weeks=26").text
    assert "the West Midlands pool: 2026-W46" in page
    assert (
        rig.client.get("/dashboard/csv/hours.csv?week=2026-W46&weeks=26").text.count("\n") == 27
    )  # a header and 26 weeks
    for bad in ("?week=next%20tuesday", "?week=2026-W60", "?weeks=7"):
        answer = rig.client.get(f"/dashboard{bad}")
        assert answer.status_code == 400 and "Sorry:" in answer.text


def test_pages_forbid_scripts_and_framing(rig: Rig) -> None:
    rig.sign_in("cora@alpha.example")
    answer = rig.client.get("/dashboard")
    policy = answer.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "<script" not in answer.text
    assert answer.headers["cache-control"] == "no-store"
