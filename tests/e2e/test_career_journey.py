"""Issue 12's journey in Debian's chromium: search → occupation → compare → self-assess →
download the assessment as a credential → verify it against the site's published keys."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from skillsx.config import Settings
from skillsx.credentials import create_key, read_public_keys, verify_credential, write_key
from skillsx.errors import InvalidCredential
from skillsx.store.accounts import create_user
from skillsx.web import create_app
from tests.e2e.support import chromium, serving
from tests.e2e.test_assess import PASSWORD, _rate, _shot

pytestmark = [pytest.mark.e2e, pytest.mark.parametrize("store", ["sqlite"], indirect=True)]

FROM, TO = "41-2031.00", "41-3091.00"


@pytest.fixture()
def browser():  # type: ignore[no-untyped-def]
    with chromium() as b:
        yield b


@pytest.fixture()
def issuing_server(built_store: Engine, tmp_path: Path) -> Iterator[str]:
    key = tmp_path / "issuer.jwk"
    write_key(create_key(), key)
    url = built_store.url.render_as_string(hide_password=False)
    settings = Settings(database_url=url, issuer_key=key)
    app = create_app(settings, engine=built_store, build_ttl=0)
    with serving(app) as base:
        yield base


def test_search_compare_assess_and_carry_a_credential(  # type: ignore[no-untyped-def]
    issuing_server: str,
    browser,
    built_store: Engine,
    tmp_path: Path,
) -> None:
    server = issuing_server
    email = f"mover-{uuid.uuid4().hex[:8]}@example.org"
    with built_store.begin() as conn:
        create_user(conn, email, PASSWORD)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)

    # Search → occupation.
    page.goto(server + "/")
    page.get_by_label("Job title").fill("Retail Salespersons")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search?q=Retail+Salespersons")
    page.get_by_role("link", name="Retail Salespersons").first.click()
    page.wait_for_url(f"**/occupations/{FROM}")
    assert page.get_by_role("heading", name="Career pathways").is_visible()

    # Compare with another occupation, picked by title search.
    page.get_by_label("Compare with…").fill("Sales Representatives of Services")
    page.get_by_role("button", name="Find").click()
    page.get_by_role("link", name=re.compile(r"^Sales Representatives of Services")).first.click()
    page.wait_for_url(re.compile(rf".*/compare\?from={FROM}&to={TO}$"))
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading.startswith("From Retail Salespersons to Sales Representatives of Services")
    assert page.get_by_role("heading", name="Transferability score").is_visible()
    assert page.get_by_role("heading", name="The three biggest gaps").is_visible()
    _shot(page, "journey-compare")

    # Sign in, self-assess against the first occupation's framework, save.
    page.goto(f"{server}/signin")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    page.goto(f"{server}/occupations/{FROM}")
    page.get_by_role("link", name="Assess yourself against this framework").click()
    page.wait_for_url(f"**/occupations/{FROM}/assess")
    _rate(page, "emerging", range(1, 11), "Independently")
    _rate(page, "developing", range(1, 4), "With help")
    page.get_by_role("button", name="Save assessment").click()
    page.wait_for_url(re.compile(r".*/assessments/[A-Za-z0-9_-]{16}$"))
    assert page.get_by_role("heading", name="Your level: Emerging").is_visible()

    # Download the credential and verify it with the keys the site publishes.
    with page.expect_download() as info:
        page.get_by_role("link", name="Download this assessment as a skill credential").click()
    token = Path(info.value.path()).read_text().strip()
    jwks = tmp_path / "jwks.json"
    jwks.write_text(page.request.get(f"{server}/.well-known/jwks.json").text())
    verified = verify_credential(token, read_public_keys(jwks), subject=email)
    results = verified.credential["credentialSubject"]["result"]
    assert any("self-assessed" in r["value"] for r in results)
    with pytest.raises(InvalidCredential):
        verify_credential(token, read_public_keys(jwks), subject="someone-else@example.org")
    _shot(page, "journey-credential")
    assert failed == []
    context.close()
