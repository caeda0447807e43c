"""Load checked rows into the store: one transaction per release, switched to current on success."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, select, update
from sqlalchemy.exc import DBAPIError

from skillsx.errors import StoreError
from skillsx.ingest.evidence import AeiRematch, list_aei_matches, rematch_aei
from skillsx.ingest.read import ReleaseData, Row
from skillsx.ingest.specs import SPECS_BY_TABLE
from skillsx.store import schema
from skillsx.store.lock import holds_writer_lock
from skillsx.store.migrations import migrate

BATCH = 5000


@dataclass(frozen=True)
class LoadResult:
    release: str
    release_id: int
    changed: bool  # False when the same release with the same content was already loaded
    rows: int
    files: int
    absent: list[str]
    # When a release's content was replaced: what became of its AEI matches (None if it had
    # none).
    aei: AeiRematch | None = None


def _insert(conn: Connection, table_name: str, release_id: int, rows: list[Row]) -> None:
    try:
        _insert_rows(conn, table_name, release_id, rows)
    except (DBAPIError, OverflowError, conn.dialect.loaded_dbapi.Error) as exc:
        # The reader refuses every value a store is known to reject; this is the last guard
        # (PostgreSQL's COPY raises the driver's own errors).
        lines = str(getattr(exc, "orig", exc)).strip().splitlines()
        raise StoreError(
            f"The store refused the rows of {SPECS_BY_TABLE[table_name].file} "
            f"({lines[0] if lines else type(exc).__name__}); nothing was changed. Check that "
            "the store is reachable and has room."
        ) from None


def _insert_rows(conn: Connection, table_name: str, release_id: int, rows: list[Row]) -> None:
    table = schema.ONET_TABLES[table_name]
    names = [c.name for c in table.columns if c.name != "release_id"]
    if conn.dialect.name == "postgresql":
        # COPY is several times faster than batched INSERTs on PostgreSQL and runs in the
        # same transaction, so a failed ingest still leaves nothing behind.
        cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        cols = ", ".join(f'"{n}"' for n in ["release_id", *names])
        with cursor.copy(f'COPY "{table.name}" ({cols}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row([release_id, *(row[n] for n in names)])
        return
    for start in range(0, len(rows), BATCH):
        batch = [
            {"release_id": release_id, **{n: row[n] for n in names}}
            for row in rows[start : start + BATCH]
        ]
        conn.execute(table.insert(), batch)


def _clear(conn: Connection, release_id: int) -> None:
    for table in (*schema.ONET_TABLES.values(), schema.aei_task_usage):
        conn.execute(delete(table).where(table.c.release_id == release_id))
    conn.execute(
        delete(schema.release_files).where(schema.release_files.c.release_id == release_id)
    )


def set_current(conn: Connection, release_id: int) -> None:
    """Make one release current (in the caller's transaction)."""
    conn.execute(update(schema.releases).values(is_current=schema.releases.c.id == release_id))


@holds_writer_lock("ingest")
def load_release(engine: Engine, data: ReleaseData, *, make_current: bool = True) -> LoadResult:
    """Store a checked release in one transaction; idempotent for identical content."""
    migrate(engine)
    releases = schema.releases
    total = sum(len(f.rows) for f in data.files.values())
    with engine.begin() as conn:
        existing = conn.execute(
            select(releases.c.id, releases.c.content_hash).where(releases.c.name == data.name)
        ).first()
        if existing and existing.content_hash == data.content_hash:
            if make_current:
                set_current(conn, existing.id)
            return LoadResult(data.name, existing.id, False, total, len(data.files), data.absent)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        previous_aei: list[dict[str, Any]] = []
        if existing:
            release_id = existing.id
            # The AEI matches belong to the release's tasks: read them before the tasks go,
            # then match the same AEI texts to the new content (below).
            previous_aei = list_aei_matches(conn, release_id)
            _clear(conn, release_id)
            conn.execute(
                update(releases)
                .where(releases.c.id == release_id)
                .values(source=data.source, content_hash=data.content_hash, loaded_at=now)
            )
        else:
            release_id = conn.execute(
                releases.insert().values(
                    name=data.name,
                    source=data.source,
                    content_hash=data.content_hash,
                    loaded_at=now,
                    is_current=False,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
        file_rows = []
        for name, fr in data.files.items():
            _insert(conn, fr.spec.table, release_id, fr.rows)
            file_rows.append(
                {
                    "release_id": release_id,
                    "file": name,
                    "status": "loaded" if fr.release == data.name else "extra",
                    "source_release": fr.release,
                    "rows": len(fr.rows),
                    "sha256": fr.sha256,
                }
            )
        file_rows += [
            {
                "release_id": release_id,
                "file": name,
                "status": "absent",
                "source_release": data.name,
                "rows": 0,
                "sha256": None,
            }
            for name in data.absent
        ]
        conn.execute(schema.release_files.insert(), file_rows)
        aei = rematch_aei(conn, release_id, previous_aei)
        if (
            make_current
            or not conn.execute(
                select(releases.c.id).where(releases.c.is_current.is_(True))
            ).first()
        ):
            set_current(conn, release_id)
    return LoadResult(data.name, release_id, True, total, len(data.files), data.absent, aei)
