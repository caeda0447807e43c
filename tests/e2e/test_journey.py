"""The whole journey in Debian's chromium: search → page → export → suggest → accept → rebuild."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from skillsx.build import run_build
from skillsx.config import Settings
from skillsx.export import FORMATS, filename
from skillsx.ingest.evidence import load_aei, load_cip
from skillsx.ingest.load import load_release
from skillsx.ingest.read import read_release
from skillsx.store.accounts import create_user
from skillsx.store.db import open_engine
from skillsx.web import create_app
from tests.conftest import AEI, CIP, ROOT
from tests.e2e.support import chromium, serving

pytestmark = pytest.mark.e2e

ARTIFACTS = ROOT / "test-artifacts"
SOC = "11-2022.00"
PASSWORD = "correct horse battery"
NEW_TEXT = (
    "Customer preference notes — record what each customer asks for "
    "and pass it to a supervisor daily."
)


@pytest.fixture(scope="module")
def e2e_store(tmp_path_factory: pytest.TempPathFactory, release_dir: Path, extra_dir: Path):
    engine = open_engine(f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'e2e.db'}")
    load_release(engine, read_release(release_dir, [extra_dir]))
    load_aei(engine, AEI)
    load_cip(engine, CIP)
    run_build(engine, workers=1)
    with engine.begin() as conn:
        create_user(conn, "writer@example.org", PASSWORD, "contributor")
        create_user(conn, "curator@example.org", PASSWORD, "curator")
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def server(e2e_store: Engine) -> Iterator[str]:
    url = e2e_store.url.render_as_string(hide_password=False)
    app = create_app(Settings(database_url=url), engine=e2e_store, build_ttl=0)
    with serving(app) as base:
        yield base


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    with chromium() as b:
        yield b


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"e2e-{name}.png"), full_page=name.endswith("full"))


def _sign_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/signin")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    assert f"Signed in as {email}" in page.content()


def test_journey(server: str, browser, e2e_store: Engine, tmp_path: Path) -> None:
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()

    # Search by an alternate title, from the home page's search box.
    page.goto(server + "/")
    _shot(page, "home")
    page.get_by_label("Job title").fill("BD Manager")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search?q=BD+Manager")
    _shot(page, "search")
    page.get_by_role("link", name="Sales Managers").first.click()
    page.wait_for_url(f"**/occupations/{SOC}")

    # Every section of the page, in order.
    assert page.get_by_role("heading", level=1).inner_text() == "Sales Managers"
    for name in [
        "Context covered",
        "Proficiency framework",
        "AI use by level",
        "Evidence pack",
        "Durable skills",
        "O*NET enrichment",
    ]:
        assert page.get_by_role("heading", name=name, exact=True).is_visible(), name
    for level in ["Emerging", "Developing", "Proficient", "Advanced"]:
        assert page.locator(f"#level-{level.lower()} ol.statements > li").count() == 10
    assert page.get_by_text("Job Zone 4 · Considerable Preparation").is_visible()
    assert page.locator("#sources").get_by_text("CC BY 4.0").first.is_visible()
    _shot(page, "occupation-full")

    # A citation chip opens the record, which leads back.
    page.locator("#s-emerging-1 a.chip").first.click()
    page.wait_for_url("**/records/**")
    _shot(page, "record")
    page.get_by_role("link", name="Back to framework").click()
    page.wait_for_url(f"**/occupations/{SOC}#s-emerging-1")

    # Export.
    with page.expect_download() as info:
        page.locator(".exports").get_by_role("link", name="json-1.0").click()
    download = info.value
    assert download.suggested_filename == f"{SOC}.json-1.0.json"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert json.loads(saved.read_text())["occupation"]["soc"] == SOC
    # Every other format downloads from its button too, under its own file name.
    for name in [f for f in FORMATS if f != "json-1.0"]:
        with page.expect_download() as info:
            page.locator(".exports").get_by_role("link", name=name, exact=True).click()
        download = info.value
        assert download.suggested_filename == filename(SOC, name)
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)
        head = saved.read_bytes()[:8]
        assert head.startswith({"pdf": b"%PDF", "xlsx": b"PK"}.get(name, b"")) and head, name

    # A contributor suggests a correction to the first Emerging statement.
    _sign_in(page, server, "writer@example.org")
    page.goto(f"{server}/occupations/{SOC}")
    page.locator("#s-emerging-1 a.suggest").click()
    page.get_by_label("What is wrong").fill("Too general for an entry-level worker.")
    page.get_by_label("Proposed text").fill(NEW_TEXT)
    page.get_by_label("Reason or source").fill("O*NET task: monitor customer preferences.")
    _shot(page, "suggest")
    page.get_by_role("button", name="Send for review").click()
    page.wait_for_url("**/corrections/mine")
    assert page.locator(".status-pending").count() == 1
    _shot(page, "mine")
    page.goto(server + "/signout")
    page.get_by_role("button", name="Sign out").click()

    # A curator accepts it.
    _sign_in(page, server, "curator@example.org")
    page.goto(server + "/corrections/queue")
    page.get_by_role("link", name="Review #").first.click()
    page.get_by_label("Reason for the decision").fill("Closer to the O*NET task.")
    page.get_by_role("button", name="Accept").click()
    page.wait_for_url("**/corrections/queue")
    page.goto(server + "/corrections")
    assert page.get_by_text(NEW_TEXT).is_visible()
    _shot(page, "corrections")

    # The next build applies it.
    run_build(e2e_store, socs=[SOC], workers=1)
    page.goto(f"{server}/occupations/{SOC}")
    first = page.locator("#s-emerging-1")
    assert "Customer preference notes" in first.inner_text()
    assert "record what each customer asks for" in first.inner_text()
    _shot(page, "rebuilt")

    # Readable on a phone.
    phone = browser.new_context(viewport={"width": 390, "height": 844})
    mobile = phone.new_page()
    mobile.goto(f"{server}/occupations/{SOC}")
    width = mobile.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page scrolls sideways on a phone ({width}px)"
    _shot(mobile, "phone")
    phone.close()
    context.close()
