"""/api/v1/assessments (owner-only) and POST /api/v1/occupations/{soc}/assess (no write)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from skillsx.assess import store as assess_store
from tests.test_assess_web import TO, writes
from tests.web_support import make_client, new_user, sign_in

SOC = "41-2031.00"
API = "/api/v1/assessments"
TRY = f"/api/v1/occupations/{SOC}/assess"


def _signed_in(engine: Engine):  # type: ignore[no-untyped-def]
    client = make_client(engine)
    sign_in(client, new_user(engine, "viewer"))
    return client


@pytest.fixture(scope="module")
def people(built_store: Engine) -> Iterator[tuple]:
    """Two signed-in viewers shared by this module's tests, the limit on new ones lifted."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(assess_store, "MAX_NEW", 10_000)
        yield _signed_in(built_store), _signed_in(built_store)


def _error(r, status: int) -> str:  # type: ignore[no-untyped-def]
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    return str(body["error"]["message"])


def test_signed_out_calls_are_401(built_store: Engine) -> None:
    with make_client(built_store) as client:
        assert _error(client.get(API), 401) == "Sign in to do this."
        _error(client.post(API, json={"soc": SOC, "ratings": {}}), 401)
        _error(client.get(f"{API}/abcdefghijklmnop"), 401)
        _error(client.put(f"{API}/abcdefghijklmnop", json={"ratings": {}}), 401)
        _error(client.delete(f"{API}/abcdefghijklmnop"), 401)
        _error(client.get(f"{API}/abcdefghijklmnop/gap?to={TO}"), 401)


def test_create_get_list_update_delete(built_store: Engine) -> None:
    client = _signed_in(built_store)  # its own account: the list below is exactly its own
    ratings = {f"emerging:{i}": "can_teach" for i in range(1, 9)}
    r = client.post(API, json={"soc": SOC, "ratings": ratings, "note": "api"})
    assert r.status_code == 201, r.text
    doc = r.json()
    public_id = doc["id"]
    assert doc["links"]["api"] == f"{API}/{public_id}"
    assert doc["levels"]["overall"]["level"] == "emerging"
    assert doc["levels"]["overall"]["next"] == {"key": "developing", "label": "Developing"}
    assert doc["framework"]["soc"] == SOC and doc["framework"]["version"].startswith("v.")
    assert doc["note"] == "api" and doc["revisit"]["up_to_date"] is True
    assert len(doc["ratings"]) == 40 and doc["levels"]["rated"] == 8
    assert client.get(f"{API}/{public_id}").json() == doc
    listed = client.get(API).json()["results"]
    assert [(x["id"], x["level"], x["rated"]) for x in listed] == [(public_id, "emerging", 8)]
    r = client.put(f"{API}/{public_id}", json={"ratings": {"emerging:1": "not_yet"}})
    assert r.status_code == 200
    assert r.json()["levels"]["overall"]["level"] is None and r.json()["note"] == ""
    assert client.delete(f"{API}/{public_id}").status_code == 204
    _error(client.get(f"{API}/{public_id}"), 404)


def test_try_saves_nothing_and_can_include_the_gap(built_store: Engine) -> None:
    ratings = {f"emerging:{i}": "independently" for i in range(1, 11)}
    with make_client(built_store) as client, writes(built_store) as seen:
        r = client.post(TRY, json={"ratings": ratings, "to": TO})
        plain = client.post(TRY, json={"ratings": ratings})
    assert seen == []
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["id"] is None and doc["created_at"] is None
    assert doc["levels"]["overall"]["level"] == "emerging"
    gap = doc["gap"]
    assert gap["from"] == {
        "soc": SOC,
        "title": "Retail Salespersons",
        "id": None,
        "href": None,
        "build_label": None,
    }
    assert gap["to"]["soc"] == TO and gap["total"] == 40
    assert gap["held_statements"] == 10
    assert sum(lv["covered"] for lv in gap["levels"]) == gap["covered"]
    assert plain.json()["gap"] is None


def test_gap_of_a_saved_assessment(built_store: Engine, people) -> None:
    client, _ = people
    ratings = {f"emerging:{i}": "independently" for i in range(1, 11)}
    public_id = client.post(API, json={"soc": SOC, "ratings": ratings}).json()["id"]
    anonymous = make_client(built_store).post(TRY, json={"ratings": ratings, "to": TO})
    r = client.get(f"{API}/{public_id}/gap", params={"to": TO})
    assert r.status_code == 200
    saved = r.json()
    assert saved["from"]["id"] == public_id
    assert saved["levels"] == anonymous.json()["gap"]["levels"]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"soc": "99-9999.99", "ratings": {}}, 404, 'No occupation "99-9999.99"'),
        ({"soc": "15-1299.00", "ratings": {}}, 404, "has no task data"),
        ({"soc": SOC, "ratings": {"emerging:1": "expert"}}, 422, "ratings.emerging:1"),
        ({"soc": SOC, "ratings": {"emerging:11": "not_yet"}}, 422, "ratings.emerging:11"),
        ({"soc": SOC, "ratings": {}, "note": "x" * 2001}, 422, "note: String should have at most"),
        ({"soc": SOC, "ratings": {}, "note": "bell\x07"}, 422, "note: String should match"),
        ({"soc": SOC, "ratings": {}, "extra": 1}, 422, "extra: Extra inputs"),
        ({"soc": "41-2031", "ratings": {}}, 422, "soc: String should match"),
    ],
)
def test_bad_bodies(built_store: Engine, people, body: dict, status: int, message: str) -> None:
    client, _ = people
    with writes(built_store) as seen:
        assert message in _error(client.post(API, json=body), status)
    assert seen == []


def test_only_json_is_accepted(built_store: Engine, people) -> None:
    """A cross-site form can post text/plain or a form, never JSON: both are refused."""
    client, _ = people
    body = '{"soc": "41-2031.00", "ratings": {}}'
    with writes(built_store) as seen:
        _error(client.post(API, content=body, headers={"content-type": "text/plain"}), 422)
        _error(client.post(API, data={"soc": SOC}), 422)
    assert seen == []


def test_writes_from_another_sites_page_are_refused(built_store: Engine, people) -> None:
    client, _ = people
    evil = {"origin": "https://evil.example"}
    with writes(built_store) as seen:
        message = _error(client.post(API, json={"soc": SOC, "ratings": {}}, headers=evil), 403)
    assert message == "Writes to this API are not accepted from pages of https://evil.example."
    assert seen == []
    for ours in ("http://testserver", "http://localhost:8000"):  # Host, SKILLSX_PUBLIC_URL
        r = client.post(API, json={"soc": SOC, "ratings": {}}, headers={"origin": ours})
        assert r.status_code == 201


def test_others_get_404(built_store: Engine, people) -> None:
    owner, other = people
    public_id = owner.post(API, json={"soc": SOC, "ratings": {}}).json()["id"]
    for r in (
        other.get(f"{API}/{public_id}"),
        other.put(f"{API}/{public_id}", json={"ratings": {}}),
        other.delete(f"{API}/{public_id}"),
        other.get(f"{API}/{public_id}/gap", params={"to": TO}),
    ):
        assert _error(r, 404) == f'You have no assessment "{public_id}"; /assessments lists yours.'
    assert owner.get(f"{API}/{public_id}").status_code == 200


def test_rate_limit_is_429_with_retry_after(
    built_store: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(assess_store, "MAX_NEW", 1)
    client = _signed_in(built_store)
    assert client.post(API, json={"soc": SOC, "ratings": {}}).status_code == 201
    r = client.post(API, json={"soc": SOC, "ratings": {}})
    assert "You have started 1 assessments" in _error(r, 429)
    assert 0 < int(r.headers["retry-after"]) <= 600


def test_an_account_full_of_assessments_is_409(
    built_store: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(assess_store, "MAX_ASSESSMENTS", 1)
    client = _signed_in(built_store)
    assert client.post(API, json={"soc": SOC, "ratings": {}}).status_code == 201
    message = _error(client.post(API, json={"soc": SOC, "ratings": {}}), 409)
    assert message.startswith("You have 1 saved assessments, the most an account keeps")


def test_405_names_every_method_of_the_path(built_store: Engine) -> None:
    with make_client(built_store) as client:
        r = client.patch(f"{API}/abcdefghijklmnop", json={})
        assert _error(r, 405) == f"PATCH is not allowed on {API}/abcdefghijklmnop."
        assert r.headers["allow"] == "DELETE, GET, PUT"
        assert client.request("OPTIONS", API).headers["allow"] == "GET, POST"


def test_the_openapi_document_lists_the_routes(built_store: Engine) -> None:
    spec = make_client(built_store).get("/api/v1/openapi.json").json()
    paths = spec["paths"]
    assert set(paths[API]) == {"get", "post"}
    assert set(paths[f"{API}/{{assessment_id}}"]) == {"get", "put", "delete"}
    assert set(paths["/api/v1/occupations/{soc}/assess"]) == {"post"}
    assert set(paths[f"{API}/{{assessment_id}}/gap"]) == {"get"}
    assert "/occupations/{soc}/assess" not in paths  # pages stay out of the API document
    create = paths[API]["post"]
    assert set(create["responses"]) == {"201", "400", "401", "403", "404", "409", "422", "429"}
