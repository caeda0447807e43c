"""HTML pages: home, search, browse, occupation, progression, cited records, about."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from skillsx.store.groups import MAJOR_GROUPS, group_name
from skillsx.web.api import _cached_context, browse, require_build
from skillsx.web.context import (
    JOB_ZONE_NAMES,
    SOURCES,
    occupation_href,
    progression_context,
    record_context,
)
from skillsx.web.deps import AppState, OptionalUser, StateDep
from skillsx.web.html import render

router = APIRouter(include_in_schema=False)
PAGE_CACHE = "public, max-age=60"


@router.get("/")
def home(request: Request, state: StateDep) -> HTMLResponse:
    occupations = state.occupations()
    groups = Counter(o.group_code for o in occupations)
    zones = Counter(o.job_zone for o in occupations if o.job_zone)
    build = state.current_build()
    context = {
        "build": build,
        "total": len(occupations),
        "with_framework": sum(o.tasks > 0 for o in occupations),
        "groups": [
            {"code": code, "name": group_name(code), "count": groups[code]}
            for code in MAJOR_GROUPS
            if groups[code]
        ],
        "zones": [
            {"zone": z, "name": JOB_ZONE_NAMES[z], "count": zones[z]}
            for z in sorted(JOB_ZONE_NAMES)
            if zones[z]
        ],
    }
    return render(request, "home.html", context)


@router.get("/search")
def search_page(
    request: Request,
    state: StateDep,
    q: Annotated[str, Query(max_length=200)] = "",
) -> HTMLResponse:
    hits = state.search(q, 20) if q.strip() else []
    # A title O*NET lists under several occupations cannot be placed by search alone:
    # say so and mark the occupations that list it, so the user picks theirs.
    listing = set(state.listed_under(q)) if hits else set()
    titles = {o.soc: o for o in state.occupations()}
    results = [
        {
            "soc": h.soc,
            "title": h.title,
            "matched": h.matched,
            "score": h.score,
            "href": occupation_href(h.soc),
            "has_framework": h.soc in titles and titles[h.soc].tasks > 0,
            "lists_title": len(listing) > 1 and h.soc in listing,
        }
        for h in hits
    ]
    context = {"q": q, "results": results, "listed_under": len(listing) if len(listing) > 1 else 0}
    return render(request, "search.html", context)


@router.get("/occupations")
def browse_page(
    request: Request,
    state: StateDep,
    group: Annotated[str | None, Query(pattern=r"^\d{2}$")] = None,
    job_zone: Annotated[int | None, Query(ge=1, le=5)] = None,
    page: Annotated[int, Query(ge=1)] = 1,
) -> HTMLResponse:
    data = browse(state, group, job_zone, page, 100)
    heading = "All occupations"
    if group:
        heading = group_name(group)
    if job_zone:
        heading += f" · Job Zone {job_zone} ({JOB_ZONE_NAMES[job_zone]})"
    return render(request, "browse.html", {**data, "heading": heading})


def _occupation_html(request: Request, state: AppState, soc: str) -> str:
    build = require_build(state)
    context = _cached_context(state, build, soc)
    template = "occupation.html" if context["kind"] == "occupation" else "no_framework.html"
    return bytes(render(request, template, context).body).decode()


@router.get("/occupations/{soc}")
async def occupation_page(request: Request, soc: str) -> Response:
    state: AppState = request.app.state.skillsx
    # Pages for visitors who are not signed in are the same for everyone: cache them per build.
    anonymous = state.session_token(request) is None
    if anonymous:
        request.state.user = None
        key = ("page", state.build_key(), soc)
        html = state.cache.get(key)
        if html is None:
            html = state.cache.put(
                key, (await run_in_threadpool(_occupation_html, request, state, soc)).encode()
            )
        return Response(html, media_type="text/html; charset=utf-8")
    html = await run_in_threadpool(_occupation_html, request, state, soc)
    return HTMLResponse(html)


@router.get("/occupations/{soc}/progression")
def progression_page(request: Request, state: StateDep, soc: str) -> HTMLResponse:
    build = require_build(state)
    page = _cached_context(state, build, soc)
    if page["kind"] != "occupation":
        return render(request, "no_framework.html", page)
    return render(request, "progression.html", progression_context(page))


@router.get("/occupations/{soc}/records/{kind}/{record_id}")
def record_page(
    request: Request,
    state: StateDep,
    soc: str,
    kind: str,
    record_id: str,
    back: Annotated[str | None, Query(pattern=r"^[A-Za-z0-9_.-]{1,80}$")] = None,
) -> HTMLResponse:
    build = require_build(state)
    with state.engine.connect() as conn:
        context = record_context(conn, build, soc, kind, record_id, back)
    return render(request, "record.html", context)


@router.get("/about")
def about(request: Request, state: StateDep, user: OptionalUser) -> HTMLResponse:
    context: dict[str, Any] = {"sources": SOURCES, "build": state.current_build()}
    return render(request, "about.html", context)
