"""Engines: SQLite by default, PostgreSQL through ``SKILLSX_DATABASE_URL``."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event

from skillsx.config import normalise_url

# Page cache per SQLite connection, in KiB (SQLite's default is 2,000 KiB).
SQLITE_CACHE_KIB = 512


def open_engine(url: str) -> Engine:
    """Create an engine for ``url`` with the settings this project relies on."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            # WAL lets readers (the web workers) go on while a build or ingest writes.
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            # Each pooled connection keeps its own page cache (2 MB by default); a web
            # worker's threads hold several connections, so keep each small. The OS
            # caches the file anyway.
            cur.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"
