"""Frameworks imported from files (json-1.0 exports, CASE packages), kept beside our builds.

An import is identified by its own identifier (the CFDocument identifier, or the SOC code of a
json-1.0 file): importing the same framework again replaces the earlier copy in one step.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select

from skillsx.errors import NotFound
from skillsx.store import schema
from skillsx.store.lock import holds_writer_lock


@dataclass(frozen=True)
class ExternalInfo:
    id: int
    kind: str
    identifier: str
    title: str
    soc: str | None
    version: str | None
    source_name: str
    imported_at: str
    content_hash: str


def _info(row: Any) -> ExternalInfo:
    return ExternalInfo(
        id=row.id,
        kind=row.kind,
        identifier=row.identifier,
        title=row.title,
        soc=row.soc,
        version=row.version,
        source_name=row.source_name,
        imported_at=row.imported_at,
        content_hash=row.content_hash,
    )


@holds_writer_lock("import")
def load_external(
    engine: Engine,
    *,
    kind: str,
    identifier: str,
    title: str,
    soc: str | None,
    version: str | None,
    document: dict[str, Any],
    source_name: str,
    now: datetime | None = None,
) -> tuple[ExternalInfo, bool]:
    """Store one checked framework; return it and whether it replaced an earlier import."""
    text = json.dumps(document, ensure_ascii=False)
    x = schema.external_frameworks
    with engine.begin() as conn:
        replaced = conn.execute(
            delete(x).where(x.c.kind == kind, x.c.identifier == identifier)
        ).rowcount
        result = conn.execute(
            insert(x).values(
                kind=kind,
                identifier=identifier,
                title=title,
                soc=soc,
                version=version,
                source_name=source_name,
                imported_at=(now or datetime.now(UTC)).isoformat(timespec="seconds"),
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
                document=text,
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        info = get_external_info(conn, int(key[0]))
    return info, bool(replaced)


def list_external(conn: Connection) -> list[ExternalInfo]:
    x = schema.external_frameworks
    rows = conn.execute(select(*[c for c in x.c if c.name != "document"]).order_by(x.c.id))
    return [_info(row) for row in rows]


def get_external_info(conn: Connection, external_id: int) -> ExternalInfo:
    x = schema.external_frameworks
    row = conn.execute(
        select(*[c for c in x.c if c.name != "document"]).where(x.c.id == external_id)
    ).first()
    if row is None:
        raise NotFound(
            f"No imported framework {external_id}; `skillsx import FILE` adds one and prints "
            "its number."
        )
    return _info(row)


def get_external(conn: Connection, external_id: int) -> tuple[ExternalInfo, dict[str, Any]]:
    """An imported framework and its stored document."""
    info = get_external_info(conn, external_id)
    x = schema.external_frameworks
    text = conn.scalar(select(x.c.document).where(x.c.id == external_id))
    document: dict[str, Any] = json.loads(str(text))
    return info, document
