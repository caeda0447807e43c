"""The JSON API: occupations, frameworks in every format, search, builds, one error shape."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine

from skillsx.errors import ExportError
from skillsx.export import FORMATS, export_document, filename
from skillsx.store.builds import get_build, get_document
from tests.web_support import SOC, make_client


@pytest.fixture()
def client(built_store: Engine):
    with make_client(built_store) as c:
        yield c


def _error(status: int, code: str, message: str) -> dict:
    return {"error": {"status": status, "code": code, "message": message}}


def test_occupations_filters_and_pages(client) -> None:
    r = client.get("/api/v1/occupations", params={"group": "41", "per_page": 2})
    assert r.status_code == 200
    body = r.json()
    assert body["page"] == 1 and body["per_page"] == 2
    assert all(o["group_code"] == "41" for o in body["results"])
    assert len(body["results"]) == 2
    assert body["total"] >= 2
    zone = client.get("/api/v1/occupations", params={"job_zone": 4, "per_page": 200}).json()
    socs = {o["soc"] for o in zone["results"]}
    assert SOC in socs
    assert all(o["job_zone"] == 4 for o in zone["results"])
    sales = next(o for o in zone["results"] if o["soc"] == SOC)
    assert sales == {
        "soc": SOC,
        "title": "Sales Managers",
        "group_code": "11",
        "group": "Management",
        "job_zone": 4,
        "job_zone_inferred": False,
        "has_task_data": True,
        "has_framework": True,
        "href": f"/occupations/{SOC}",
        "api": f"/api/v1/occupations/{SOC}",
    }


def test_occupation_context(client) -> None:
    body = client.get(f"/api/v1/occupations/{SOC}").json()
    assert body["kind"] == "occupation"
    assert body["occupation"]["job_zone_label"] == "Job Zone 4 · Considerable Preparation"
    levels = body["framework"]["levels"]
    assert [lv["label"] for lv in levels] == ["Emerging", "Developing", "Proficient", "Advanced"]
    assert [lv["band"] for lv in levels] == [
        "Entry / Apprentice",
        "Mid-level / Established",
        "Senior / Expert IC",
        "Lead / Principal / Executive",
    ]
    assert [len(lv["statements"]) for lv in levels] == [10, 10, 10, 10]
    assert [e["name"] for e in body["exports"]] == list(FORMATS)


def test_occupation_without_tasks(client) -> None:
    body = client.get("/api/v1/occupations/15-1299.00").json()
    assert body["kind"] == "no_framework"
    assert body["framework"] is None
    assert "has no task data" in body["reason"]
    assert "15-1299.08" in {r["soc"] for r in body["related"]}


def test_framework_document_matches_export(client, built_store: Engine) -> None:
    r = client.get(f"/api/v1/occupations/{SOC}/framework")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/json"
    assert r.headers["cache-control"] == "public, max-age=300"
    assert "content-disposition" not in r.headers
    doc = r.json()
    assert doc["schemaVersion"] == "1.0"
    assert doc["occupation"]["soc"] == SOC
    assert len(doc["framework"]["levels"]["emerging"]["statements"]) == 10


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_format_downloads(client, built_store: Engine, name: str) -> None:
    with built_store.connect() as conn:
        build = get_build(conn)
        document = get_document(conn, SOC)
    try:
        expected = export_document(name, document, build.version)
    except ExportError as exc:
        # A format the build's documents cannot fill yet: the API says why, in the one shape.
        expected, problem = None, str(exc)
    r = client.get(f"/api/v1/occupations/{SOC}/framework", params={"format": name})
    if expected is None:
        assert r.status_code == 422
        assert r.json() == _error(422, "invalid_request", problem)
        return
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == FORMATS[name].media_type.split(";")[0]
    assert r.headers["content-disposition"] == f'attachment; filename="{filename(SOC, name)}"'
    assert len(r.content) > 100


def test_etag_gives_304(client) -> None:
    first = client.get(f"/api/v1/occupations/{SOC}/framework")
    etag = first.headers["etag"]
    again = client.get(f"/api/v1/occupations/{SOC}/framework", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    other = client.get(
        f"/api/v1/occupations/{SOC}/framework", headers={"If-None-Match": '"something-else"'}
    )
    assert other.status_code == 200


def test_search_by_alternate_title(client) -> None:
    r = client.get("/api/v1/search", params={"q": "BD Manager", "limit": 3})
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"query", "results", "listed_under"}
    assert body["listed_under"] == [SOC]  # "BD Manager" is a title of Sales Managers only
    top = body["results"][0]
    assert set(top) == {"soc", "title", "score", "matched"}
    assert top["soc"] == SOC
    assert top["title"] == "Sales Managers"
    assert len(body["results"]) <= 3


def test_search_lists_every_occupation_holding_the_title(client) -> None:
    from skillsx.search import TitleIndex, TitleRecord

    state = client.app.state.skillsx
    state._index = (
        state.build_key(),
        TitleIndex.build(
            [
                TitleRecord("15-1252.00", "Project Engineer", "alternate"),
                TitleRecord("15-1299.08", "Project Engineer", "reported"),
                TitleRecord("11-2022.00", "Sales Project Engineer", "alternate"),
            ]
        ),
    )
    body = client.get("/api/v1/search", params={"q": "Project Engineer"}).json()
    assert body["listed_under"] == ["15-1252.00", "15-1299.08"]
    assert {r["soc"] for r in body["results"]} == {"15-1252.00", "15-1299.08", "11-2022.00"}
    assert client.get("/api/v1/search", params={"q": "zzzz"}).json()["listed_under"] == []


def test_builds(client) -> None:
    body = client.get("/api/v1/builds").json()
    current = [b for b in body["results"] if b["current"]]
    assert len(current) == 1
    one = client.get(f"/api/v1/builds/{current[0]['id']}").json()
    assert one == current[0]
    assert one["version"].startswith("v.")


@pytest.mark.parametrize(
    ("path", "status", "code", "message"),
    [
        ("/api/v1/nothing", 404, "not_found", "Nothing at /api/v1/nothing."),
        (
            "/api/v1/occupations/99-9999.00/framework",
            404,
            "not_found",
            'No occupation "99-9999.00" in the current release; `skillsx occupations` lists them.',
        ),
        (
            f"/api/v1/occupations/{SOC}/framework?format=docx",
            400,
            "bad_request",
            f'Unknown format "docx"; choose one of: {", ".join(sorted(FORMATS))}.',
        ),
        ("/api/v1/search?q=", 422, "invalid_request", "q: String should have at least 1 character"),
        (
            "/api/v1/occupations?job_zone=9",
            422,
            "invalid_request",
            "job_zone: Input should be less than or equal to 5",
        ),
        ("/api/v1/builds/999999", 404, "not_found", "Build 999999 does not exist."),
    ],
)
def test_one_error_shape(client, path: str, status: int, code: str, message: str) -> None:
    r = client.get(path)
    assert r.status_code == status
    assert r.headers["content-type"] == "application/json"
    assert r.json() == _error(status, code, message)


def test_method_not_allowed_has_the_shape(client) -> None:
    r = client.post("/api/v1/search")
    assert r.status_code == 405
    assert r.json() == _error(405, "method_not_allowed", "POST is not allowed on /api/v1/search.")


def test_openapi_lists_the_routes(client) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert {
        "/api/v1/occupations",
        "/api/v1/occupations/{soc}",
        "/api/v1/occupations/{soc}/framework",
        "/api/v1/search",
        "/api/v1/builds",
    } <= set(spec["paths"])
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    assert "swagger" in docs.text.lower()


def test_json_is_utf8_not_escaped(client) -> None:
    raw = client.get(f"/api/v1/occupations/{SOC}").content
    assert json.loads(raw)["occupation"]["soc"] == SOC
    assert b"\\u2014" not in raw


# Headers a HEAD answer must carry exactly as its GET does (where the GET has them).
SAME_HEADERS = (
    "content-type",
    "content-length",
    "etag",
    "cache-control",
    "content-disposition",
    "content-security-policy",
    "x-frame-options",
)


@pytest.mark.parametrize(
    "path",
    [
        f"/api/v1/occupations/{SOC}/framework",
        f"/api/v1/occupations/{SOC}/framework?format=csv",
        f"/api/v1/occupations/{SOC}",
        "/api/v1/search?q=sales+manager&limit=3",
        "/api/v1/occupations?group=11",
        "/api/v1/builds",
    ],
)
def test_head_gives_the_get_headers_without_a_body(client, path: str) -> None:
    routed = client.head(path)  # nothing cached yet: answered by the route
    got = client.get(path)
    cached = client.head(path)  # the GET filled the build cache: answered by the fast path
    assert got.status_code == 200
    assert len(got.content) == int(got.headers["content-length"]) > 0
    for head in (routed, cached):
        assert head.status_code == 200
        assert head.content == b""
        for name in SAME_HEADERS:
            assert head.headers.get(name) == got.headers.get(name), name


def test_head_of_a_missing_occupation_is_a_bodiless_404(client) -> None:
    got = client.get("/api/v1/occupations/99-9999.99")
    head = client.head("/api/v1/occupations/99-9999.99")
    assert (got.status_code, head.status_code) == (404, 404)
    assert got.json()["error"]["code"] == "not_found"
    assert head.content == b""
    assert head.headers["content-length"] == got.headers["content-length"]


def test_other_methods_are_still_refused(client) -> None:
    r = client.request("PUT", f"/api/v1/occupations/{SOC}/framework")
    assert r.status_code == 405
    assert r.json()["error"]["code"] == "method_not_allowed"
