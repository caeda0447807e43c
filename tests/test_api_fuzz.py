"""Schemathesis over the app's own OpenAPI document: no 5xx, responses match the schema.

Every operation of ``/api/v1/openapi.json`` is called with Hypothesis-generated parameters (a
bounded number per operation, derandomised so a run is repeatable) against a built store on
SQLite and PostgreSQL; ``call_and_validate`` fails on any server error, any response whose
status, content type, headers or body the schema does not declare.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from sqlalchemy import Engine

from skillsx.config import Settings
from skillsx.web import create_app


@pytest.fixture()
def api_schema(built_store: Engine):  # type: ignore[no-untyped-def]
    url = built_store.url.render_as_string(hide_password=False)
    app = create_app(Settings(database_url=url), engine=built_store, build_ttl=0)
    loaded = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
    return loaded.include(path_regex="^/api/v1/")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_openapi(case) -> None:  # type: ignore[no-untyped-def]
    case.call_and_validate()
