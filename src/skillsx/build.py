"""Compose, check and store a versioned build of every framework; switch to it in one step.

A build is written completely under status ``building`` and made current in one transaction at
the end, so a build that dies half-way (killed, crashed) leaves the previous one current and
intact. Frameworks are composed in worker processes, each with its own database engine.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, delete, func, insert, literal, select, update

from skillsx.compose.engines import get_engine
from skillsx.compose.enrichment import compose_page
from skillsx.compose.overrides import apply_overrides
from skillsx.errors import BuildNotCurrent, NotFound, SkillsxError
from skillsx.models import Framework, OccupationPage, Problem, Statement
from skillsx.store import schema
from skillsx.store.accounts import list_overrides
from skillsx.store.builds import BuildInfo, get_build
from skillsx.store.db import open_engine
from skillsx.store.evidence import get_ai_evidence, list_aei_shares
from skillsx.store.lock import holds_writer_lock
from skillsx.store.migrations import migrate
from skillsx.store.queries import get_brief, get_release, list_occupations
from skillsx.store.worktexts import get_work_texts
from skillsx.validate import validate_framework
from skillsx.validate.ai_use import validate_ai_use
from skillsx.validate.durable import validate_durable
from skillsx.validate.independent import (
    Reference,
    validate_build_independent,
    validate_independent,
)
from skillsx.validate.rules import validate_build

Progress = Callable[[int, int], None]
BATCH = 25
#: A full build that would hold fewer frameworks than this share of the current build's is
#: refused (unless allowed): a release that lost its data must not replace a good build.
SHRINK_FLOOR = 0.9


@dataclass(frozen=True)
class Composed:
    soc: str
    title: str
    content_hash: str
    document: str
    problems: list[Problem]
    statements: list[Statement]  # for the checks across the whole build


def content_hash(framework: Framework) -> str:
    """Hash of everything a framework says; the same inputs give the same hash."""
    canonical = json.dumps(framework.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def compose_one(
    conn: Any, soc: str, engine_name: str, cache: dict[str, Any] | None = None
) -> Composed:
    """Compose and check one occupation's page from the store.

    ``cache`` carries release-wide lookups between the occupations of one build.
    """
    brief = get_brief(conn, soc, cache=cache)
    framework = get_engine(engine_name).compose(brief)
    # Curators' accepted corrections: applied before the checks, so they are checked too.
    framework = apply_overrides(framework, list_overrides(conn, soc))
    shares = _shares(conn, brief.release)
    evidence = get_ai_evidence(conn, soc, shares=shares)
    page = compose_page(brief, framework, evidence)
    problems = (
        validate_framework(framework, brief)
        + validate_independent(framework, _reference(conn, brief.release))
        + validate_durable(page.durable, brief)
        + validate_ai_use(page.ai_use, brief)
    )
    zone = brief.job_zone
    document = {
        "occupation": {
            "soc": brief.soc,
            "title": brief.title,
            "group_code": brief.group_code,
            "group": brief.group_name,
            "job_zone": zone.zone if zone else None,
            "job_zone_name": zone.name if zone else None,
            "job_zone_inferred": zone.inferred if zone else False,
            "job_zone_basis": zone.basis if zone else None,
            "release": brief.release,
        },
        **page.model_dump(mode="json"),
    }
    return Composed(
        soc=soc,
        title=brief.title,
        content_hash=_page_hash(document),
        document=json.dumps(document, ensure_ascii=False, sort_keys=True),
        problems=problems,
        statements=framework.statements,
    )


_SHARES: dict[tuple[int, str], dict[str, float]] = {}


def _shares(conn: Any, release: str) -> dict[str, float]:
    """Every occupation's AEI usage share: computed once per process and release."""
    key = (id(conn.engine), release)
    if key not in _SHARES:
        _SHARES[key] = list_aei_shares(conn)
    return _SHARES[key]


_REFERENCES: dict[tuple[str, str], Reference] = {}


def _reference(conn: Any, release: str) -> Reference:
    """What the independent rules read of a release (all its task and work texts): learnt
    once per process and release content."""
    rel = get_release(conn, release)
    key = (rel.name, rel.content_hash)
    if key not in _REFERENCES:
        texts = get_work_texts(conn, rel.name)
        _REFERENCES[key] = Reference.build(texts.release, texts.tasks, texts.texts, texts.titles)
    return _REFERENCES[key]


def _page_hash(document: dict[str, Any]) -> str:
    canonical = json.dumps(document, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


# Worker-process state: one engine per process, opened by the pool initializer.
_worker: dict[str, Any] = {}


def _init_worker(url: str, engine_name: str) -> None:
    _worker["engine"] = open_engine(url)
    _worker["engine_name"] = engine_name
    _worker["cache"] = {}


def _compose_batch(socs: list[str]) -> list[Composed]:
    with _worker["engine"].connect() as conn:
        return [compose_one(conn, soc, _worker["engine_name"], _worker["cache"]) for soc in socs]


def _batches(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _store(engine: Engine, build_id: int, results: list[Composed]) -> None:
    with engine.begin() as conn:
        conn.execute(
            insert(schema.frameworks),
            [
                {
                    "build_id": build_id,
                    "soc": r.soc,
                    "title": r.title,
                    "content_hash": r.content_hash,
                    "document": r.document,
                }
                for r in results
            ],
        )
        problems = [
            {
                "build_id": build_id,
                "soc": p.soc,
                "rule": p.rule,
                "severity": p.severity,
                "location": p.where,
                "message": p.message,
            }
            for r in results
            for p in r.problems
        ]
        if problems:
            conn.execute(insert(schema.build_problems), problems)


def _discard_unfinished(engine: Engine) -> None:
    b = schema.builds
    with engine.begin() as conn:
        stale: list[int] = list(conn.scalars(select(b.c.id).where(b.c.status != "complete")))
        for table in (schema.frameworks, schema.build_problems):
            conn.execute(delete(table).where(table.c.build_id.in_(stale)))
        conn.execute(delete(b).where(b.c.id.in_(stale)))


def _start(engine: Engine, engine_label: str, now: datetime) -> int:
    b = schema.builds
    version = f"v.{now:%y}.{now:%m}"
    with engine.begin() as conn:
        release = get_release(conn)
        last = conn.scalar(select(func.max(b.c.number)).where(b.c.version == version)) or 0
        return int(
            conn.execute(
                insert(b).values(
                    version=version,
                    number=last + 1,
                    release_id=release.id,
                    engine=engine_label,
                    status="building",
                    is_current=False,
                    started_at=now.isoformat(timespec="seconds"),
                    frameworks=0,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
        )


def _targets(engine: Engine, socs: list[str] | None) -> list[str]:
    with engine.connect() as conn:
        with_tasks = [o.soc for o in list_occupations(conn, with_tasks=True)]
    if socs is None:
        return with_tasks
    known = set(with_tasks)
    for soc in socs:
        if soc not in known:
            raise NotFound(
                f'"{soc}" is not an occupation with O*NET task data in the current release; '
                "`skillsx occupations --with-tasks` lists them."
            )
    return sorted(set(socs))


def _check_shrink(engine: Engine, count: int, allow_shrink: bool) -> None:
    """Refuse a full build of ``count`` frameworks that would shrink the current build."""
    with engine.connect() as conn:
        release = get_release(conn)
        try:
            current: BuildInfo | None = get_build(conn)
        except SkillsxError:
            current = None
    if count == 0:
        raise SkillsxError(
            f"O*NET {release.name} has no occupation with task data, so a build would hold no "
            "frameworks; nothing was built. Check the release with `skillsx releases` and "
            "ingest a complete one."
        )
    if current is None or allow_shrink or count >= SHRINK_FLOOR * current.frameworks:
        return
    raise SkillsxError(
        f"This build would hold {count:,} frameworks, under {SHRINK_FLOOR:.0%} of the "
        f"{current.frameworks:,} of the current build {current.label}; nothing was built and "
        f"{current.label} stays current. Check the release (`skillsx releases`); if the "
        "smaller build is intended, run `skillsx build --allow-shrink`."
    )


@holds_writer_lock("build")
def run_build(
    engine: Engine,
    *,
    socs: list[str] | None = None,
    engine_name: str = "grounded",
    workers: int = 2,
    progress: Progress | None = None,
    now: datetime | None = None,
    batch: int = BATCH,
    allow_errors: bool = False,
    allow_shrink: bool = False,
) -> BuildInfo:
    """Compose every occupation with task data (or ``socs``, keeping the rest from the
    current build), check each, store the build and make it current.

    A build whose checks find errors is stored complete but not made current (the current
    build stays) and ``BuildNotCurrent`` is raised, unless ``allow_errors``. The store's writer
    lock is held throughout: a second build, ingest or import is refused meanwhile.


    A build of no frameworks is refused, and so is a full build of fewer than
    ``SHRINK_FLOOR`` of the current build's frameworks unless ``allow_shrink``: both are
    refused before anything is composed or stored.
    """
    migrate(engine)
    try:
        composer = get_engine(engine_name)
    except KeyError as exc:
        raise SkillsxError(str(exc.args[0])) from None
    targets = _targets(engine, socs)
    if socs is None:
        _check_shrink(engine, len(targets), allow_shrink)
    _discard_unfinished(engine)
    build_id = _start(engine, composer.label, now or datetime.now(UTC))
    f, p = schema.frameworks, schema.build_problems
    if socs is not None:
        # A partial build carries the other frameworks over from the current build.
        with engine.begin() as conn:
            try:
                previous = get_build(conn).id
            except SkillsxError:
                previous = None
            if previous is not None:
                keep = f.c.soc.not_in(targets)
                conn.execute(
                    insert(f).from_select(
                        ["build_id", "soc", "title", "content_hash", "document"],
                        select(
                            literal(build_id), f.c.soc, f.c.title, f.c.content_hash, f.c.document
                        ).where(f.c.build_id == previous, keep),
                    )
                )
                conn.execute(
                    insert(p).from_select(
                        ["build_id", "soc", "rule", "severity", "location", "message"],
                        select(
                            literal(build_id),
                            p.c.soc,
                            p.c.rule,
                            p.c.severity,
                            p.c.location,
                            p.c.message,
                        ).where(p.c.build_id == previous, p.c.soc.not_in(targets)),
                    )
                )
    done = 0
    composed: list[BuildEntry] = []
    if progress:
        progress(0, len(targets))
    batches = list(_batches(targets, batch))
    if workers <= 1 or len(batches) <= 1:
        cache: dict[str, Any] = {}
        with engine.connect() as conn:
            for chunk in batches:
                results = [compose_one(conn, soc, engine_name, cache) for soc in chunk]
                _store(engine, build_id, results)
                composed += [BuildEntry(r.soc, r.statements) for r in results]
                done += len(results)
                if progress:
                    progress(done, len(targets))
    else:
        url = engine.url.render_as_string(hide_password=False)
        with ProcessPoolExecutor(
            max_workers=workers, initializer=_init_worker, initargs=(url, engine_name)
        ) as pool:
            for results in pool.map(_compose_batch, batches):
                _store(engine, build_id, results)
                composed += [BuildEntry(r.soc, r.statements) for r in results]
                done += len(results)
                if progress:
                    progress(done, len(targets))
    _check_build(engine, build_id, composed)
    return _finish(engine, build_id, allow_errors=allow_errors)


@dataclass(frozen=True)
class BuildEntry:
    """What the checks across a build read of one framework."""

    soc: str
    statements: list[Statement]


def _check_build(engine: Engine, build_id: int, composed: list[BuildEntry]) -> None:
    """Run the checks that need the whole build (``validate_build``) and store what they find.

    Frameworks carried over by a partial build are read back from the store.
    """
    f, p = schema.frameworks, schema.build_problems
    fresh = {e.soc for e in composed}
    entries = list(composed)
    with engine.connect() as conn:
        for row in conn.execute(select(f.c.soc, f.c.document).where(f.c.build_id == build_id)):
            if row.soc not in fresh:
                framework = Framework.model_validate(json.loads(row.document)["framework"])
                entries.append(BuildEntry(row.soc, framework.statements))
    found = validate_build(entries) + validate_build_independent(entries)
    rules = {problem.rule for problem in found} | {"build.position", "indep.skeleton"}
    with engine.begin() as conn:
        # Carried-over findings of these rules are stale: the whole build was just re-checked.
        conn.execute(delete(p).where(p.c.build_id == build_id, p.c.rule.in_(rules)))
        if found:
            conn.execute(
                insert(p),
                [
                    {
                        "build_id": build_id,
                        "soc": x.soc,
                        "rule": x.rule,
                        "severity": x.severity,
                        "location": x.where,
                        "message": x.message,
                    }
                    for x in found
                ],
            )


def recheck(
    engine: Engine,
    *,
    build_id: int | None = None,
    socs: list[str] | None = None,
    workers: int = 2,
) -> list[Problem]:
    """Run today's checks over the stored pages of a build (default: current), composing
    nothing and changing nothing: how the build fares against rules added since it ran."""
    f = schema.frameworks
    with engine.connect() as conn:
        build = get_build(conn, build_id)
        query = select(f.c.soc).where(f.c.build_id == build.id).order_by(f.c.soc)
        stored: list[str] = list(conn.scalars(query))
        targets = [s for s in stored if socs is None or s in socs]
    batches = [(build.id, chunk) for chunk in _batches(targets, BATCH)]
    found: list[Problem] = []
    entries: list[BuildEntry] = []
    url = engine.url.render_as_string(hide_password=False)
    if workers <= 1 or len(batches) <= 1:
        cache: dict[str, Any] = {}
        results = [_recheck_pages(engine, cache, *b) for b in batches]
    else:
        with ProcessPoolExecutor(
            max_workers=workers, initializer=_init_worker, initargs=(url, "grounded")
        ) as pool:
            results = list(pool.map(_recheck_batch, batches))
    for problems, chunk_entries in results:
        found += problems
        entries += chunk_entries
    if socs is None:
        found += validate_build(entries) + validate_build_independent(entries)
    return found


def _recheck_batch(job: tuple[int, list[str]]) -> tuple[list[Problem], list[BuildEntry]]:
    return _recheck_pages(_worker["engine"], _worker["cache"], *job)


def _recheck_pages(
    engine: Engine, cache: dict[str, Any], build_id: int, socs: list[str]
) -> tuple[list[Problem], list[BuildEntry]]:
    f = schema.frameworks
    problems: list[Problem] = []
    entries: list[BuildEntry] = []
    with engine.connect() as conn:
        rows = conn.execute(
            select(f.c.soc, f.c.document).where(f.c.build_id == build_id, f.c.soc.in_(socs))
        )
        for row in rows:
            document = json.loads(row.document)
            document.pop("occupation", None)
            page = OccupationPage.model_validate(document)
            brief = get_brief(conn, row.soc, page.release, cache=cache)
            problems += (
                validate_framework(page.framework, brief)
                + validate_independent(page.framework, _reference(conn, brief.release))
                + validate_durable(page.durable, brief)
                + validate_ai_use(page.ai_use, brief)
            )
            entries.append(BuildEntry(row.soc, page.framework.statements))
    return problems, entries


def _finish(engine: Engine, build_id: int, *, allow_errors: bool = True) -> BuildInfo:
    b, f, p = schema.builds, schema.frameworks, schema.build_problems
    with engine.begin() as conn:
        count = conn.scalar(select(func.count()).select_from(f).where(f.c.build_id == build_id))
        severities: dict[str, int] = dict(
            conn.execute(
                select(p.c.severity, func.count())
                .where(p.c.build_id == build_id)
                .group_by(p.c.severity)
            ).all()
        )
        conn.execute(
            update(b)
            .where(b.c.id == build_id)
            .values(
                status="complete",
                finished_at=datetime.now(UTC).isoformat(timespec="seconds"),
                frameworks=count or 0,
                errors=severities.get("error", 0),
                warnings=severities.get("warning", 0),
            )
        )
        held_back = bool(severities.get("error")) and not allow_errors
        if not held_back:
            # The switch: one statement, in the same transaction as the completion.
            conn.execute(update(b).values(is_current=b.c.id == build_id))
        info = get_build(conn, build_id)
        refusal = _held_back(conn, info) if held_back else None
    if refusal is not None:
        raise refusal
    return info


def _held_back(conn: Any, info: BuildInfo) -> BuildNotCurrent:
    """The error saying ``info`` is stored complete but not current (raised after commit)."""
    try:
        current = get_build(conn)
        still = f"the current build is still {current.label} (id {current.id})"
    except SkillsxError:
        still = "there is no current build yet"
    return BuildNotCurrent(
        f"Build {info.label} (id {info.id}) has {info.errors} check errors, so it was stored "
        f"but not made current; {still}. `skillsx check --build {info.id} -v` lists the "
        "errors; `skillsx build --allow-errors` makes a build with errors current.",
        build=info,
    )
