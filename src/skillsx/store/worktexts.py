"""O*NET's own work texts of a release, for the checks built apart from the composer.

``get_work_texts`` returns every task statement of every occupation (with its SOC and task
id) and the release-wide texts written in the same base-form-verb style: DWA titles, IWA
titles and level scale anchors ("Give instructions to a lost motorist"), plus the
content-model descriptions, which open with gerunds ("Giving full attention to …"), and
the job titles (occupation, alternate and reported titles), whose head nouns name people. The
independent rules (``validate.independent``) learn from them which verbs O*NET applies to
which objects, and read the task ids to check anchors that cite another occupation's task.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from skillsx.store import schema
from skillsx.store.queries import get_release

T = schema.ONET_TABLES


@dataclass(frozen=True)
class WorkTexts:
    release: str
    tasks: list[tuple[str, int, str]]  # (SOC, task id, task statement), every occupation
    texts: list[str]  # DWA and IWA titles, level scale anchors, content-model descriptions
    titles: list[str]  # occupation, alternate and reported job titles


def get_work_texts(
    conn: Connection, release: str | None = None, *, cache: dict[str, Any] | None = None
) -> WorkTexts:
    """Every task statement and release-wide work text of the named (or current) release."""
    rel = get_release(conn, release)
    key = f"worktexts:{rel.id}"
    if cache is not None and key in cache:
        found: WorkTexts = cache[key]
        return found
    rid = rel.id
    ts = T["onet_task_statements"]
    tasks = [
        (r.soc, int(r.task_id), r.task)
        for r in conn.execute(
            select(ts.c.soc, ts.c.task_id, ts.c.task)
            .where(ts.c.release_id == rid)
            .order_by(ts.c.soc, ts.c.task_id)
        )
        if r.task
    ]
    texts = [
        text
        for table, column in (
            ("onet_dwa_reference", "dwa_title"),
            ("onet_iwa_reference", "iwa_title"),
            ("onet_level_scale_anchors", "anchor_description"),
            ("onet_content_model", "description"),
        )
        for text in _column(conn, rid, table, column)
    ]
    titles = [
        title
        for table, column in (
            ("onet_occupations", "title"),
            ("onet_alternate_titles", "alternate_title"),
            ("onet_reported_titles", "reported_title"),
        )
        for title in _column(conn, rid, table, column)
    ]
    out = WorkTexts(release=rel.name, tasks=tasks, texts=texts, titles=titles)
    if cache is not None:
        cache[key] = out
    return out


def _column(conn: Connection, rid: int, table: str, column: str) -> list[str]:
    """The non-empty values of one text column of a release table, in order."""
    t = T[table]
    col = t.c[column]
    values: list[str | None] = list(
        conn.scalars(select(col).where(t.c.release_id == rid).order_by(col))
    )
    return [v for v in values if v]
