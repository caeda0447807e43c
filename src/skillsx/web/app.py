"""The app factory: settings, engine, templates and caches are made here, per app."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import Engine

from skillsx.config import Settings
from skillsx.errors import StoreError
from skillsx.store.accounts import get_or_create_secret
from skillsx.store.db import open_engine
from skillsx.store.migrations import MIGRATIONS, applied_versions
from skillsx.web import admin, api, assess, auth, bulk, corrections, docs, errors, moves, pages
from skillsx.web.cache import BuildCache
from skillsx.web.credentials import router as credentials_router
from skillsx.web.deps import AppState
from skillsx.web.fastpath import serve_cached
from skillsx.web.html import make_environment
from skillsx.web.memory import limit_arenas
from skillsx.web.security import SecurityHeaders

STATIC = Path(__file__).parent / "static"


class SkillsxApp(FastAPI):
    """FastAPI, with cached responses of the current build served before any routing.

    A HEAD request is answered as the GET it stands for, with the same status and headers
    (``Content-Length`` included) and no body, on every page and API route.
    """

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["method"] == "HEAD":
            scope, send = {**scope, "method": "GET"}, _without_body(send)
        if scope["type"] == "http" and await serve_cached(self.state.skillsx, scope, send):
            return
        await super().__call__(scope, receive, send)


def _without_body(send: Any) -> Any:
    """Wrap ``send`` so response bodies go out empty (the headers stay as they are)."""

    async def send_headers_only(message: dict) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return send_headers_only


def _check_migrated(engine: Engine) -> None:
    with engine.connect() as conn:
        done = applied_versions(conn)
    missing = [v for v, _, _ in MIGRATIONS if v not in done]
    if missing:
        raise StoreError(
            f"The store at {engine.url.render_as_string()} lacks migrations "
            f"{', '.join(map(str, missing))}; run `skillsx serve` (it migrates) or any "
            "`skillsx` command once before starting workers."
        )


log = logging.getLogger(__name__)


def warm_search(state: AppState) -> None:
    """Build the title index now, so no visitor's first search waits for it (~6 s on the
    full release). Searches that arrive meanwhile wait on the same build."""
    try:
        state.index()
    except Exception:  # a store without a build, or gone: the first search will say so
        log.warning("Could not build the title index at start-up", exc_info=True)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    state: AppState = app.state.skillsx
    if state.database_url:  # a served site (it opened the store itself), not a test's app
        threading.Thread(target=warm_search, args=(state,), name="warm-search", daemon=True).start()
    yield


def create_app(
    settings: Settings | None = None, *, engine: Engine | None = None, build_ttl: float = 1.0
) -> FastAPI:
    """Make the web app: the site, the JSON API under /api/v1 and its OpenAPI docs.

    The store must be migrated already (workers never migrate, so they cannot race).
    """
    settings = settings or Settings.from_env()
    limit_arenas()  # before the request threads start (skillsx.web.memory)
    own_engine = engine is None
    engine = engine or open_engine(settings.database_url)
    _check_migrated(engine)
    secret = settings.secret_key or get_or_create_secret(engine)
    app = SkillsxApp(
        title="Skills Exchange API",
        version="1",
        description="Proficiency frameworks for O*NET occupations, with their evidence.",
        docs_url=None,  # served from this site by skillsx.web.docs, not from a CDN
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
        lifespan=_lifespan,
    )
    app.state.skillsx = AppState(
        settings=settings,
        engine=engine,
        templates=make_environment(),
        serializer=URLSafeTimedSerializer(secret),
        build_ttl=build_ttl,
        cache=BuildCache(budget=settings.cache_mb << 20),
        database_url=settings.database_url if own_engine else None,
    )
    errors.install(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(auth.router)
    app.include_router(corrections.router)
    app.include_router(admin.router)
    app.include_router(bulk.router)
    app.include_router(credentials_router)
    app.include_router(moves.router)
    app.include_router(assess.router)
    docs.install(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(SecurityHeaders)
    return app
