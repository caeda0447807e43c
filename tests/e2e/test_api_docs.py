"""/api/docs in Debian's chromium: Swagger UI from the site itself, under the site's strict CSP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from skillsx.config import Settings
from skillsx.store.db import open_engine
from skillsx.store.migrations import migrate
from skillsx.web import create_app
from tests.e2e.support import chromium, serving

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('docs') / 'docs.db'}"
    engine = open_engine(url)
    migrate(engine)
    app = create_app(Settings(database_url=url), engine=engine)
    with serving(app) as base:
        yield base
    engine.dispose()


def test_swagger_ui_runs_from_the_site(server: str) -> None:
    with chromium() as browser:
        page = browser.new_page()
        problems: list[str] = []
        outside: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("request", lambda r: None if r.url.startswith(server) else outside.append(r.url))
        page.goto(f"{server}/api/docs")
        page.wait_for_selector(".swagger-ui .info .title", timeout=20_000)
        assert "Skills Exchange API" in page.inner_text(".swagger-ui .info .title")
        page.wait_for_selector(".opblock", timeout=20_000)  # the operations are listed
    assert outside == [], outside
    assert [m for m in problems if "Content Security Policy" in m] == []
