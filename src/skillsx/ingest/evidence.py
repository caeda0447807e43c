"""Evidence beside O*NET: Anthropic Economic Index task usage and the CIP–SOC crosswalk."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, delete, select

from skillsx.errors import IngestError, StoreError
from skillsx.store import schema
from skillsx.store.lock import holds_writer_lock
from skillsx.store.migrations import migrate

AEI_TASKS = "onet_task_mappings.csv"
AEI_INTERACTIONS = "automation_vs_augmentation.csv"
# The AEI's own copy of O*NET task statements (an older O*NET vintage, with Task IDs).
AEI_STATEMENTS = "onet_task_statements.csv"
AEI_RELEASE_RE = re.compile(r"release_(\d{4})_(\d{2})_(\d{2})")
CIP_FILE = "CIP2020_SOC2018_Crosswalk.csv"
_PUNCT = re.compile(r"[^\w\s]")
_SPACE = re.compile(r"\s+")


def normalise_task(text: str) -> str:
    """Fold case, quotes, punctuation and whitespace so the same task text compares equal."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = _PUNCT.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def _csv_rows(path: Path, columns: list[str]) -> list[tuple[int, dict[str, str]]]:
    if not path.exists():
        raise IngestError(f"{path} does not exist.")
    if not path.is_file():
        raise IngestError(f"{path.name}: is a folder, not a file. Put the CSV file in its place.")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{path.name}: byte {exc.start} is not valid UTF-8.") from None
    except OSError as exc:
        raise IngestError(f"{path.name}: cannot be read ({exc.strerror}).") from None
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        raise IngestError(f"{path.name}: the file is empty; expected a header line.")
    missing = [c for c in columns if c not in reader.fieldnames]
    if missing:
        raise IngestError(
            f'{path.name}, line 1: the header has no column "{missing[0]}"; expected '
            + ", ".join(columns)
            + "."
        )
    rows = [(number, row) for number, row in enumerate(reader, start=2)]
    if not rows:
        raise IngestError(f"{path.name}: the file has a header but no rows. Use the original file.")
    return rows


def _pct(path: Path, line: int, value: str) -> float:
    try:
        pct = float(value)
    except ValueError:
        raise IngestError(
            f'{path.name}, line {line}, column "pct": "{value}" is not a number.'
        ) from None
    if not 0 <= pct <= 100:
        raise IngestError(f'{path.name}, line {line}, column "pct": {pct} is not in 0-100.')
    return pct


@dataclass(frozen=True)
class AeiResult:
    release: str
    aei_tasks: int
    exact: int
    normalised: int
    by_task_id: int
    unmatched: int
    onet_tasks_matched: int
    occupations: int

    @property
    def match_rate(self) -> float:
        matched = self.exact + self.normalised + self.by_task_id
        return matched / self.aei_tasks if self.aei_tasks else 0.0


def _current_release_id(conn) -> int:  # type: ignore[no-untyped-def]
    rid = conn.scalar(select(schema.releases.c.id).where(schema.releases.c.is_current.is_(True)))
    if rid is None:
        raise StoreError("No O*NET release is loaded. Run `skillsx ingest PATH` first.")
    return int(rid)


@holds_writer_lock("ingest")
def load_aei(engine: Engine, folder: Path) -> AeiResult:
    """Match AEI task texts to the current release's tasks and store per-task usage shares."""
    migrate(engine)
    match = AEI_RELEASE_RE.search(folder.name)
    if not match:
        raise IngestError(
            f"{folder.name}: cannot tell the AEI release; the folder should be named like "
            "release_2025_02_10."
        )
    release = "-".join(match.groups())
    tasks = [
        (line, row["task_name"], _pct(folder / AEI_TASKS, line, row["pct"]))
        for line, row in _csv_rows(folder / AEI_TASKS, ["task_name", "pct"])
    ]
    interactions = [
        (row["interaction_type"], _pct(folder / AEI_INTERACTIONS, line, row["pct"]))
        for line, row in _csv_rows(folder / AEI_INTERACTIONS, ["interaction_type", "pct"])
    ]
    # Texts the AEI took from an older O*NET vintage: its bundled statements give their Task
    # IDs, which O*NET keeps when it rewords a task. An ID match, never a fuzzy one.
    old_ids: dict[str, set[int]] = defaultdict(set)
    if (folder / AEI_STATEMENTS).exists():
        for line, row in _csv_rows(folder / AEI_STATEMENTS, ["Task ID", "Task"]):
            try:
                old_ids[row["Task"].lower().strip()].add(int(row["Task ID"]))
            except ValueError:
                raise IngestError(
                    f'{AEI_STATEMENTS}, line {line}, column "Task ID": "{row["Task ID"]}" is '
                    "not a whole number."
                ) from None
    with engine.begin() as conn:
        release_id = _current_release_id(conn)
        matched = _match(
            conn, release_id, release, [(name, pct) for _, name, pct in tasks], old_ids
        )
        conn.execute(
            delete(schema.aei_task_usage).where(schema.aei_task_usage.c.release_id == release_id)
        )
        conn.execute(delete(schema.aei_interactions))
        if matched.rows:
            conn.execute(schema.aei_task_usage.insert(), matched.rows)
        conn.execute(
            schema.aei_interactions.insert(),
            [{"aei_release": release, "interaction_type": t, "pct": p} for t, p in interactions],
        )
        result = matched.result(release, len(tasks))
        _record_source(conn, "aei", release, folder, result.__dict__)
    return result


@dataclass
class _Matched:
    rows: list[dict[str, Any]]
    exact: int = 0
    normalised: int = 0
    by_task_id: int = 0
    unmatched: int = 0

    def result(self, release: str, aei_tasks: int) -> AeiResult:
        return AeiResult(
            release,
            aei_tasks,
            self.exact,
            self.normalised,
            self.by_task_id,
            self.unmatched,
            len({(r["soc"], r["task_id"]) for r in self.rows}),
            len({r["soc"] for r in self.rows}),
        )


def _match(
    conn: Connection,
    release_id: int,
    aei_release: str,
    tasks: list[tuple[str, float]],
    old_ids: dict[str, set[int]],
) -> _Matched:
    """Match AEI task texts (name, share) to the tasks of one stored release."""
    ts = schema.ONET_TABLES["onet_task_statements"]
    onet = conn.execute(
        select(ts.c.soc, ts.c.task_id, ts.c.task).where(ts.c.release_id == release_id)
    ).all()
    by_norm: dict[str, list[Any]] = defaultdict(list)
    by_id: dict[int, list[Any]] = defaultdict(list)
    for task in onet:
        by_id[task.task_id].append(task)
        by_norm[normalise_task(task.task)].append(task)
    out = _Matched([])
    for name, pct in tasks:
        key = name.strip()
        # Every task whose text is the same once normalised is the same task: an exact
        # match in one occupation does not hide a comma-different copy in another.
        hits = by_norm.get(normalise_task(key), [])
        kinds = ["exact" if h.task.lower().strip() == key else "normalised" for h in hits]
        if not hits:
            ids = old_ids.get(key, set())
            hits = [hit for task_id in sorted(ids) for hit in by_id.get(task_id, [])]
            kinds = ["task_id"] * len(hits)
        if not hits:
            out.unmatched += 1
            continue
        kind = "exact" if "exact" in kinds else kinds[0]
        out.exact += kind == "exact"
        out.normalised += kind == "normalised"
        out.by_task_id += kind == "task_id"
        out.rows += [
            {
                "release_id": release_id,
                "aei_release": aei_release,
                "soc": hit.soc,
                "task_id": hit.task_id,
                "task_name": name,
                "pct": pct,
                "match": hit_kind,
                "shared_by": len(hits),
            }
            for hit, hit_kind in zip(hits, kinds, strict=True)
        ]
    return out


@dataclass(frozen=True)
class AeiRematch:
    """What became of a release's AEI matches when its content was replaced."""

    aei_release: str
    before: int  # stored task-usage rows before
    after: int  # after matching again
    tasks_before: int  # AEI task texts matched before
    tasks_after: int


def list_aei_matches(conn: Connection, release_id: int) -> list[dict[str, Any]]:
    """The stored AEI task-usage rows of one release."""
    u = schema.aei_task_usage
    return [dict(r._mapping) for r in conn.execute(select(u).where(u.c.release_id == release_id))]


def rematch_aei(
    conn: Connection, release_id: int, previous: list[dict[str, Any]]
) -> AeiRematch | None:
    """Match the AEI texts of ``previous`` (a release's stored rows, read before its content
    was replaced) to the release's new tasks, in the caller's transaction.

    The stored rows carry everything the first match used for the texts it matched: the
    text, its share, and for texts joined through the AEI's own O*NET copy, the Task ID.
    Texts that matched nothing then are not stored and stay unmatched.
    """
    if not previous:
        return None
    aei_release = previous[0]["aei_release"]
    tasks = list(dict.fromkeys((row["task_name"], row["pct"]) for row in previous))
    old_ids: dict[str, set[int]] = defaultdict(set)
    for row in previous:
        if row["match"] == "task_id":
            old_ids[row["task_name"].strip()].add(row["task_id"])
    u = schema.aei_task_usage
    conn.execute(delete(u).where(u.c.release_id == release_id))
    matched = _match(conn, release_id, aei_release, tasks, old_ids)
    if matched.rows:
        conn.execute(u.insert(), matched.rows)
    return AeiRematch(
        aei_release,
        len(previous),
        len(matched.rows),
        len(tasks),
        len(tasks) - matched.unmatched,
    )


def _record_source(conn, kind: str, release: str, source: Path, stats: dict) -> None:  # type: ignore[no-untyped-def,type-arg]
    conn.execute(delete(schema.evidence_sources).where(schema.evidence_sources.c.kind == kind))
    conn.execute(
        schema.evidence_sources.insert().values(
            kind=kind,
            release=release,
            source=str(source),
            loaded_at=datetime.now(UTC).isoformat(timespec="seconds"),
            stats=json.dumps(stats),
        )
    )


_CIP_RE = re.compile(r"^\d{2}\.\d{4}$")
_SOC2018_RE = re.compile(r"^\d{2}-\d{4}$")


@holds_writer_lock("ingest")
def load_cip(engine: Engine, folder: Path) -> int:
    """Store the NCES CIP 2020 ↔ SOC 2018 crosswalk; "no match" rows (99-9999) are skipped."""
    migrate(engine)
    path = folder / CIP_FILE if folder.is_dir() else folder
    cols = ["CIP2020Code", "CIP2020Title", "SOC2018Code", "SOC2018Title"]
    rows = []
    for line, row in _csv_rows(path, cols):
        cip, soc = row["CIP2020Code"].strip(), row["SOC2018Code"].strip()
        if not _CIP_RE.match(cip):
            raise IngestError(
                f'{path.name}, line {line}, column "CIP2020Code": "{cip}" is not a CIP code '
                'like "52.1401".'
            )
        if not _SOC2018_RE.match(soc):
            raise IngestError(
                f'{path.name}, line {line}, column "SOC2018Code": "{soc}" is not a SOC code '
                'like "41-3091".'
            )
        if soc == "99-9999" or cip == "99.9999":
            continue
        rows.append(
            {
                "cip_code": cip,
                "cip_title": row["CIP2020Title"].strip().rstrip("."),
                "soc2018": soc,
                "soc_title": row["SOC2018Title"].strip(),
            }
        )
    with engine.begin() as conn:
        conn.execute(delete(schema.cip_soc))
        conn.execute(schema.cip_soc.insert(), rows)
        _record_source(conn, "cip", "CIP 2020 / SOC 2018", path, {"rows": len(rows)})
    return len(rows)
