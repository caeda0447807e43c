"""Helpers for the web tests: an app client on a fixture store, accounts, signing in."""

from __future__ import annotations

import re
import uuid
import warnings

from sqlalchemy import Engine, delete

from skillsx.config import Settings
from skillsx.store import schema
from skillsx.store.accounts import create_user
from skillsx.web import create_app

with warnings.catch_warnings():
    # Starlette 1.x warns that its test client prefers httpx2; httpx is what we have.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PASSWORD = "correct horse battery"
SOC = "11-2022.00"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_client(engine: Engine, base_url: str = "http://testserver") -> TestClient:
    url = engine.url.render_as_string(hide_password=False)
    app = create_app(Settings(database_url=url), engine=engine, build_ttl=0)
    return TestClient(app, base_url=base_url, follow_redirects=False)


def new_user(engine: Engine, role: str) -> str:
    email = f"{role}-{uuid.uuid4().hex[:8]}@example.org"
    with engine.begin() as conn:
        create_user(conn, email, PASSWORD, role)
    return email


def csrf(client: TestClient, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.text
    found = _TOKEN.search(response.text)
    assert found, f"no csrf token on {path}"
    return found.group(1)


def sign_in(client: TestClient, email: str, password: str = PASSWORD) -> None:
    token = csrf(client, "/signin")
    response = client.post(
        "/signin", data={"email": email, "password": password, "csrf_token": token, "next": "/"}
    )
    assert response.status_code == 303, response.text


def clear_corrections(engine: Engine) -> None:
    """Drop the overrides the tests made, so later builds of the shared store ignore them."""
    with engine.begin() as conn:
        conn.execute(delete(schema.overrides))
