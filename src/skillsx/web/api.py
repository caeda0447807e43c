"""The JSON API under ``/api/v1``: occupations, frameworks in every format, search, builds."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from skillsx.errors import StoreError
from skillsx.export import FORMATS, export_document, filename
from skillsx.search import SearchHit
from skillsx.store.accounts import list_corrections
from skillsx.store.builds import BuildInfo, get_build, get_document, list_builds
from skillsx.web.context import occupation_context, occupation_href
from skillsx.web.deps import AppState, ConnDep, StateDep
from skillsx.web.errors import error_responses
from skillsx.web.moves import with_pathways

router = APIRouter(prefix="/api/v1", tags=["api"])
CACHE_CONTROL = "public, max-age=300"
JSON = "application/json"


def json_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def require_build(state: AppState) -> BuildInfo:
    build = state.current_build()
    if build is None:
        raise StoreError("No build yet. Run `skillsx build` to compose the frameworks.")
    return build


def occupation_summary(o: Any, built: bool) -> dict[str, Any]:
    return {
        "soc": o.soc,
        "title": o.title,
        "group_code": o.group_code,
        "group": o.group_name,
        "job_zone": o.job_zone,
        "job_zone_inferred": o.job_zone_inferred,
        "has_task_data": o.tasks > 0,
        "has_framework": built,
        "href": occupation_href(o.soc),
        "api": f"/api/v1/occupations/{o.soc}",
    }


def browse(
    state: AppState, group: str | None, job_zone: int | None, page: int, per_page: int
) -> dict[str, Any]:
    """Occupations of the current release, filtered and paged (the browse view and the API)."""
    rows = [
        o
        for o in state.occupations()
        if (not group or o.group_code == group) and (job_zone is None or o.job_zone == job_zone)
    ]
    start = (page - 1) * per_page
    results = [occupation_summary(o, o.tasks > 0) for o in rows[start : start + per_page]]
    return {
        "total": len(rows),
        "page": page,
        "per_page": per_page,
        "pages": max(1, -(-len(rows) // per_page)),
        "filters": {"group": group, "job_zone": job_zone},
        "results": results,
    }


@router.get("/occupations", summary="List occupations")
def occupations(
    state: StateDep,
    group: Annotated[str | None, Query(pattern=r"^\d{2}$", description="SOC major group")] = None,
    job_zone: Annotated[int | None, Query(ge=1, le=5)] = None,
    page: Annotated[int, Query(ge=1)] = 1,
    per_page: Annotated[int, Query(ge=1, le=200)] = 50,
) -> dict[str, Any]:
    return browse(state, group, job_zone, page, per_page)


def _cached_context(state: AppState, build: BuildInfo, soc: str) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        # Release-wide names (content model, IWAs, DWAs) read once per build and worker.
        lookups = state.cache.get_or_make(("brief-lookups", build.id), dict)
        with state.engine.connect() as conn:
            context = occupation_context(conn, build, soc, lookups)
        return with_pathways(state, build, context)  # skillsx.web.moves: Career pathways

    return state.cache.get_or_make(("context", build.id, soc), make)


@router.get(
    "/occupations/{soc}",
    summary="One occupation: the page context",
    responses=error_responses(404),
)
async def occupation(request: Request, soc: str) -> Response:
    state: AppState = request.app.state.skillsx
    build = require_build(state)

    def make() -> bytes:
        return json_bytes(_cached_context(state, build, soc))

    key = ("api-occupation", build.id, soc)
    body = state.cache.get(key) or state.cache.put(key, await run_in_threadpool(make))
    return Response(body, media_type=JSON)


def _export(state: AppState, build: BuildInfo, soc: str, name: str) -> tuple[bytes, str]:
    with state.engine.connect() as conn:
        document = get_document(conn, soc, build.id)
    body = export_document(name, document, build.version, base_url=state.settings.public_url)
    etag = f'"{build.id}-{document["content_hash"][:20]}-{name}"'
    return body, etag


@router.get(
    "/occupations/{soc}/framework",
    summary="The framework document (json-1.0), or an export in any format",
    responses={
        200: {"content": {f.media_type: {} for f in FORMATS.values()}},
        **error_responses(400, 404),
    },
)
async def framework(
    request: Request,
    soc: str,
    format: Annotated[
        str | None,
        Query(
            description="One of: " + ", ".join(FORMATS),
            # Declared as an enum; checked in the handler so an unknown name gets our 400.
            json_schema_extra={"enum": list(FORMATS)},
        ),
    ] = None,
) -> Response:
    state: AppState = request.app.state.skillsx
    name = format or "json-1.0"
    if name not in FORMATS:
        raise HTTPException(
            400, f'Unknown format "{name}"; choose one of: {", ".join(sorted(FORMATS))}.'
        )
    build = require_build(state)
    key = ("export", build.id, soc, name)
    hit = state.cache.get(key)
    if hit is None:
        hit = state.cache.put(key, await run_in_threadpool(_export, state, build, soc, name))
    body, etag = hit
    headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
    if format is not None:
        headers["Content-Disposition"] = f'attachment; filename="{filename(soc, name)}"'
    inm = request.headers.get("if-none-match")
    if inm and (inm.strip() == "*" or etag in [t.strip() for t in inm.split(",")]):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=FORMATS[name].media_type, headers=headers)


@router.get("/search", summary="Find occupations by a job title as people write it")
async def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> Response:
    state: AppState = request.app.state.skillsx
    key = ("search-api", state.build_key(), request.scope["query_string"])
    body = state.cache.get(key)
    if body is None:

        def find() -> tuple[list[SearchHit], list[str]]:
            hits = state.search(q, limit)
            return hits, state.listed_under(q) if hits else []

        hits, listed = await run_in_threadpool(find)
        results = [
            {"soc": h.soc, "title": h.title, "score": h.score, "matched": h.matched} for h in hits
        ]
        # Every occupation O*NET lists the query under as a title: when there are several,
        # the first result is a guess and a client should let the user choose.
        document = {"query": q, "results": results, "listed_under": listed}
        body = state.cache.put(key, json_bytes(document))
    return Response(body, media_type=JSON)


def _build_json(b: BuildInfo) -> dict[str, Any]:
    return {
        "id": b.id,
        "version": b.version,
        "number": b.number,
        "label": b.label,
        "release": b.release,
        "engine": b.engine,
        "status": b.status,
        "current": b.current,
        "started_at": b.started_at,
        "finished_at": b.finished_at,
        "frameworks": b.frameworks,
        "errors": b.errors,
        "warnings": b.warnings,
        "href": f"/api/v1/builds/{b.id}",
    }


@router.get("/builds", summary="Builds and their versions")
def builds(conn: ConnDep) -> dict[str, Any]:
    return {"results": [_build_json(b) for b in list_builds(conn)]}


@router.get("/builds/{build_id}", summary="One build", responses=error_responses(404))
def build(conn: ConnDep, build_id: int) -> dict[str, Any]:
    return _build_json(get_build(conn, build_id))


@router.get("/corrections", summary="Accepted corrections (the published change list)")
def corrections(
    conn: ConnDep,
    soc: Annotated[
        str | None, Query(pattern=r"^\d{2}-\d{4}\.\d{2}$", description="O*NET-SOC code")
    ] = None,
) -> dict[str, Any]:
    return {
        "results": [
            public_correction(c) for c in list_corrections(conn, status="accepted", soc=soc)
        ]
    }


def public_correction(c: Any) -> dict[str, Any]:
    return {
        "id": c.id,
        "soc": c.soc,
        "target": c.target,
        "was": c.current_text,
        "now": c.proposed,
        "reason": c.review_reason,
        "accepted_at": c.reviewed_at,
    }
