"""The searchable texts of every occupation: titles, alternate and reported titles, tasks."""

from __future__ import annotations

from sqlalchemy import Connection, select

from skillsx.search import TitleRecord
from skillsx.store import schema
from skillsx.store.queries import get_release

T = schema.ONET_TABLES


def list_title_records(conn: Connection, release_id: int | None = None) -> list[TitleRecord]:
    """Every title an occupation goes by, plus its task texts as low-weight keywords."""
    rid = release_id if release_id is not None else get_release(conn).id
    occ, alt = T["onet_occupations"], T["onet_alternate_titles"]
    rep, ts = T["onet_reported_titles"], T["onet_task_statements"]
    records = [
        TitleRecord(r.soc, r.title, "title")
        for r in conn.execute(select(occ.c.soc, occ.c.title).where(occ.c.release_id == rid))
    ]
    for r in conn.execute(
        select(alt.c.soc, alt.c.alternate_title, alt.c.short_title).where(alt.c.release_id == rid)
    ):
        records.append(TitleRecord(r.soc, r.alternate_title, "alternate"))
        if r.short_title:
            records.append(TitleRecord(r.soc, r.short_title, "short"))
    records += [
        TitleRecord(r.soc, r.reported_title, "reported")
        for r in conn.execute(
            select(rep.c.soc, rep.c.reported_title).where(rep.c.release_id == rid)
        )
    ]
    records += [
        TitleRecord(r.soc, r.task, "task")
        for r in conn.execute(select(ts.c.soc, ts.c.task).where(ts.c.release_id == rid))
    ]
    return records
