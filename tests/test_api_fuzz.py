"""Schemathesis over the app's own OpenAPI document: no 5xx, responses match the schema.

Requests carry a signed-in viewer's session, so the routes for signed-in users
(``/api/v1/assessments``) are fuzzed past their 401.

Every operation of ``/api/v1/openapi.json`` is called with Hypothesis-generated parameters (a
bounded number per operation, derandomised so a run is repeatable) against a built store on
SQLite and PostgreSQL; ``call_and_validate`` fails on any server error, any response whose
status, content type, headers or body the schema does not declare.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import Engine

from skillsx.config import Settings
from skillsx.credentials import create_key, write_key
from skillsx.store.accounts import create_session, create_user, get_or_create_secret
from skillsx.web import create_app
from skillsx.web.deps import SESSION_COOKIE
from tests.web_support import PASSWORD


@pytest.fixture(scope="session")
def issuer_key(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A signing key, so the credential routes are fuzzed past their 503 (no key)."""
    path = tmp_path_factory.mktemp("fuzz-key") / "issuer.jwk"
    write_key(create_key(), path)
    return path


@pytest.fixture()
def api_schema(built_store: Engine, issuer_key: Path):  # type: ignore[no-untyped-def]
    url = built_store.url.render_as_string(hide_password=False)
    settings = Settings(database_url=url, issuer_key=issuer_key)
    app = create_app(settings, engine=built_store, build_ttl=0)
    loaded = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    return loaded.include(path_regex="^/api/v1/")


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture()
def signed_in(built_store: Engine) -> dict[str, str]:
    """A viewer's session cookie, so routes for signed-in users are fuzzed past their 401."""
    with built_store.begin() as conn:
        user = create_user(conn, f"fuzz-{uuid.uuid4().hex[:8]}@example.org", PASSWORD)
        token = create_session(conn, user.id)
    cookie = URLSafeTimedSerializer(get_or_create_secret(built_store)).dumps(token, salt="session")
    return {"Cookie": f"{SESSION_COOKIE}={cookie}"}


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_openapi(case, signed_in) -> None:  # type: ignore[no-untyped-def]
    case.call_and_validate(headers=signed_in)
