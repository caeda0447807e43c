"""Self-assessment in Debian's chromium: try it signed out, then save, revisit, change, compare."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, func, select

from skillsx.config import Settings
from skillsx.store import schema
from skillsx.store.accounts import create_user
from skillsx.web import create_app
from tests.conftest import ROOT
from tests.e2e.support import chromium, serving

# The session's fixture store on SQLite only: one browser run is enough.
pytestmark = [pytest.mark.e2e, pytest.mark.parametrize("store", ["sqlite"], indirect=True)]

ARTIFACTS = ROOT / "test-artifacts"
SOC, TO = "41-2031.00", "41-3091.00"
PASSWORD = "correct horse battery"


@pytest.fixture()
def server(built_store: Engine) -> Iterator[str]:
    url = built_store.url.render_as_string(hide_password=False)
    app = create_app(Settings(database_url=url), engine=built_store, build_ttl=0)
    with serving(app) as base:
        yield base


@pytest.fixture()
def browser():  # type: ignore[no-untyped-def]
    with chromium() as b:
        yield b


def _shot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"e2e-assess-{name}.png"), full_page=True)


def _rate(page, level: str, orders: range, label: str) -> None:  # type: ignore[no-untyped-def]
    for order in orders:
        page.locator(f"#rate-{level}-{order}").get_by_label(label, exact=True).check()


def _count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(schema.assessments)) or 0)


def test_assess_in_the_browser(server: str, browser, built_store: Engine) -> None:  # type: ignore[no-untyped-def]
    email = f"assessor-{uuid.uuid4().hex[:8]}@example.org"
    with built_store.begin() as conn:
        create_user(conn, email, PASSWORD)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(f"{m.text} {m.location.get('url', '')}")
        if m.type == "error"
        else None,
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)

    # Signed out: from the occupation page to the form, and a result that is not saved.
    before = _count(built_store)
    page.goto(f"{server}/occupations/{SOC}")
    page.get_by_role("link", name="Assess yourself against this framework").click()
    page.wait_for_url(f"**/occupations/{SOC}/assess")
    assert page.locator("fieldset.rate").count() == 40
    assert page.get_by_role("button", name="Save assessment").count() == 0
    _rate(page, "emerging", range(1, 9), "Independently")
    _rate(page, "emerging", range(9, 11), "With help")
    _shot(page, "form")
    page.get_by_role("button", name="Try it without saving").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Your level: Emerging").is_visible()
    assert page.get_by_text("Not saved: this result exists only on this page.").is_visible()
    assert "at least 80% of its statements" in page.locator(".assess-result .rule").inner_text()
    _shot(page, "tried")
    page.get_by_label("Occupation to move to").select_option(TO)
    page.get_by_role("button", name="Show the gap").click()
    page.wait_for_load_state()
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading.startswith("From Retail Salespersons to Sales Representatives of Services")
    covered = page.locator("li.covered").count()
    assert covered + page.locator("li.to-learn").count() == 40
    _shot(page, "gap")
    assert _count(built_store) == before  # trying and comparing wrote nothing

    # Signed in: save, revisit, change.
    page.goto(f"{server}/signin")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    page.goto(f"{server}/occupations/{SOC}/assess")
    _rate(page, "emerging", range(1, 11), "Can teach it")
    _rate(page, "developing", range(1, 6), "Independently")
    page.get_by_label("Note (private to you, optional)").fill("Before the evening course")
    page.get_by_role("button", name="Save assessment").click()
    page.wait_for_url(re.compile(r".*/assessments/[A-Za-z0-9_-]{16}$"))
    saved_url = page.url
    assert page.get_by_role("heading", name="Your level: Emerging").is_visible()
    assert page.get_by_text("Rated against the framework the site shows now").is_visible()
    assert _count(built_store) == before + 1
    _shot(page, "saved")
    page.get_by_role("link", name="Change ratings").click()
    page.wait_for_url("**/edit")
    assert page.locator("#rate-emerging-3").get_by_label("Can teach it").is_checked()
    _rate(page, "developing", range(6, 9), "Independently")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url(saved_url)
    assert page.get_by_role("heading", name="Your level: Developing").is_visible()
    page.goto(f"{server}/assessments")
    row = page.locator("table.assessments tbody tr")
    assert row.count() == 1
    assert "Developing" in row.inner_text() and "Before the evening course" in row.inner_text()
    _shot(page, "list")
    # Nothing the pages load fails, and no script or style is refused (CSP); browsers ask
    # for /favicon.ico on their own, and the site has none.
    assert failed == []
    assert [p for p in problems if not p.endswith("/favicon.ico")] == []
    context.close()
