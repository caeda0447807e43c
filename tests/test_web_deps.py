"""App state: the title index, built in a child process when the app opened the store."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import Engine

from skillsx.config import Settings
from skillsx.search import TitleIndex
from skillsx.store.titles import list_title_records
from skillsx.web import create_app
from skillsx.web.deps import AppState

QUERIES = ("sales manager", "BD Manager", "registred nurse", "account exec", "mainten")


def _in_place(engine: Engine) -> TitleIndex:
    with engine.connect() as conn:
        return TitleIndex.build(list_title_records(conn))


def _state(engine: Engine, **settings: str) -> AppState:
    url = engine.url.render_as_string(hide_password=False)
    app = create_app(Settings(database_url=url, **settings))  # no engine: the app opens it
    state: AppState = app.state.skillsx
    return state


def test_index_is_built_in_a_child_when_the_app_opened_the_store(built_store: Engine) -> None:
    state = _state(built_store)
    assert state.database_url == built_store.url.render_as_string(hide_password=False)
    index = state.index()
    expected = _in_place(built_store)
    assert len(index) == len(expected) > 0
    for q in QUERIES:
        assert index.search(q) == expected.search(q)
    state.engine.dispose()


def test_an_engine_handed_in_builds_in_place(built_store: Engine) -> None:
    url = built_store.url.render_as_string(hide_password=False)
    app = create_app(Settings(database_url=url), engine=built_store)
    assert app.state.skillsx.database_url is None
    assert app.state.skillsx.index().search("sales manager") == _in_place(built_store).search(
        "sales manager"
    )


def test_a_failing_child_falls_back_to_building_in_place(
    built_store: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    state = _state(built_store)
    state.database_url = "sqlite:////no/such/folder/store.db"  # the child cannot open it
    with caplog.at_level(logging.WARNING, logger="skillsx.web.deps"):
        index = state.index()
    assert index.search("sales manager") == _in_place(built_store).search("sales manager")
    assert "Building the title index in a child failed" in caplog.text
    state.engine.dispose()


def test_a_served_site_builds_its_index_at_start_up(built_store: Engine) -> None:
    import time

    from tests.web_support import TestClient

    url = built_store.url.render_as_string(hide_password=False)
    app = create_app(Settings(database_url=url))  # no engine: the app opens it, as served
    state: AppState = app.state.skillsx
    with TestClient(app):  # runs the app's start-up
        deadline = time.monotonic() + 120
        while state._index is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert state._index is not None  # built without any search asking for it
    state.engine.dispose()


def test_a_test_app_with_an_engine_handed_in_does_not(built_store: Engine) -> None:
    from tests.web_support import TestClient

    url = built_store.url.render_as_string(hide_password=False)
    app = create_app(Settings(database_url=url), engine=built_store)
    with TestClient(app):
        assert app.state.skillsx._index is None
