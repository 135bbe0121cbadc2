"""The dashboard's figures: the digest's, under the same disclosure rule, scoped by role."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from bot.digest.release import release
from bot.digest.rules import RULES
from bot.digest.sources import gather
from handlers.web.figures import WeekData, build_page, csv_rows
from handlers.web.settings import dashboard_settings
from tests.digest.digest_testkit import COMMENT, WEEK
from tests.web.conftest import ENVIRON, Rig

TABLES = ("pipeline", "hours", "organisations", "value", "feedback", "evaluations", "load",
          "capacity", "waiting-topics", "themes")  # fmt: skip


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
        "Final evaluations when coaching ended",
        "Coach capacity and load",
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


def test_final_evaluations_as_the_digest_decides_them(rig: Rig) -> None:
    """Week 47: seven coachees evaluated, six of them Beta's and one Gamma's, so the pool's
    figures show and Beta's are withheld to protect Gamma's one."""
    rig.sign_in("cora@alpha.example")
    assert "6.4 (from 7 people)" in rig.client.get("/dashboard").text
    pool = {row[0]: row[1:] for row in read_csv(rig, "/dashboard/csv/evaluations.csv")}
    assert pool["Goal attainment (0 to 10)"] == ["6.4 (from 7 people)", "6.4 (from 7 people)"]
    assert pool["Would recommend (0 to 10)"][0] == "7.9 (from 7 people)"
    assert pool["Would recommend: answered 9 or 10"][0] == "57% (from 7 people)"
    for org in ("beta", "gamma"):
        rows = read_csv(rig, f"/dashboard/csv/evaluations.csv?org={org}")
        assert [row[1:] for row in rows[1:]] == [["withheld", "none in the weeks shown"]] * 3
    alpha = read_csv(rig, "/dashboard/csv/evaluations.csv?org=alpha")
    # A1 evaluated in week 46, alone: withheld then, so not in this year's figure.
    assert alpha[1][1:] == ["no responses", "none in the weeks shown"]


LOAD_HEADERS = [
    "Coaches of",
    "Coaches taking coachees",
    "Paused",
    "Places offered",
    "Places taken now",
    "Hours offered a month",
    "At a limit",
    "At their coachee limit",
    "At their hours limit this month",
]


def test_coach_capacity_and_load(rig: Rig) -> None:
    """Colin (Alpha, 2 places) coaches B1..B6, Carla (Alpha, 3) A1 and C1, Bea (Beta, 3) C1
    and C2; Cody (Gamma) is paused. Ten places taken from nine coachees: the pool's figure
    shows; Beta's two are too few, and Alpha's eight would give them away."""
    rig.sign_in("cora@alpha.example")
    rows = read_csv(rig, "/dashboard/csv/load.csv")
    assert rows[0] == LOAD_HEADERS
    assert rows[1:] == [
        ["the West Midlands pool", "3", "1", "8", "10", "13", "2 (67%)", "1", "2"],
        ["Alpha Council", "2", "0", "5", "withheld", "7", "2 (100%)", "1", "2"],
        ["Beta Council", "1", "0", "3", "withheld", "6", "0 (0%)", "0", "0"],
        ["Gamma Council", "0", "1", "0", "0", "0", "0", "0", "0"],
    ]
    rig.sign_in("lena@beta.example")
    beta = read_csv(rig, "/dashboard/csv/load.csv?org=beta")
    assert beta[1:] == [["Beta Council", "1", "0", "3", "withheld", "6", "0 (0%)", "0", "0"]]


def test_places_taken_never_reveal_a_coach_the_list_does_not_name(rig: Rig) -> None:
    """Colin's limit raised to 6: he is at it exactly, and the list of coaches at a limit
    says so. Alpha's places then come from eight coachees, but Alpha's figure less Colin's
    six is Carla's two: withheld, and so is the pool's (its four left come from three)."""
    colin = rig.pool.people["colin"]
    profile = rig.pool.store.get_coach(colin.id)
    assert profile is not None
    rig.pool.store.save_coach(replace(profile, max_coachees=6))
    rig.sign_in("cora@alpha.example")
    capacity = read_csv(rig, "/dashboard/csv/capacity.csv")
    assert ["Colin Coach", "Alpha Council", "6 coachees", "6 h this month"] in capacity
    rows = {row[0]: row for row in read_csv(rig, "/dashboard/csv/load.csv")[1:]}
    assert rows["Alpha Council"][4] == "withheld"
    assert rows["the West Midlands pool"][4] == "withheld"


def test_places_the_list_already_tells_are_shown(rig: Rig) -> None:
    """Bea's limit lowered to 2: she is at it, and the list says so. Beta's two places are
    then known from the list, so they show, and Alpha's eight no longer protect them."""
    bea = rig.pool.people["bea"]
    profile = rig.pool.store.get_coach(bea.id)
    assert profile is not None
    rig.pool.store.save_coach(replace(profile, max_coachees=2))
    rig.sign_in("cora@alpha.example")
    capacity = read_csv(rig, "/dashboard/csv/capacity.csv")
    assert ["Bea Coach", "Beta Council", "2 coachees", ""] in capacity
    rows = {row[0]: row[4] for row in read_csv(rig, "/dashboard/csv/load.csv")[1:]}
    assert rows == {
        "the West Midlands pool": "10",
        "Alpha Council": "8",
        "Beta Council": "2",
        "Gamma Council": "0",
    }


def test_pages_from_the_kept_read_show_what_a_fresh_read_shows(rig: Rig) -> None:
    """The pool's page keeps the week's release for a minute, without the records it was
    decided from; every organisation's page and CSV then shows what the store gives read
    afresh, records and all."""
    rig.sign_in("cora@alpha.example")
    assert rig.client.get("/dashboard").status_code == 200  # keeps the week's read
    services = rig.bot.services
    settings = dashboard_settings(ENVIRON)
    assert settings is not None
    rules = replace(RULES, chart_weeks=12)
    data = gather(services.store, week=WEEK, as_of=services.clock.now(), rules=rules)
    assert data.held and data.feedback and data.open_requests  # there were records
    found = WeekData(data, release(data, chart_weeks=12, min_group=rules.min_group), rules)
    for organisation in services.store.list_organisations():
        fresh = build_page(services, settings, found, organisation_id=organisation.id)
        for table in fresh.tables:
            served = read_csv(rig, f"/dashboard/csv/{table.key}.csv?org={organisation.slug}")
            assert served == csv_rows(table), (organisation.slug, table.key)
