"""Credentials on the site: public key and issuer, API and page downloads, errors; per backend."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from skillsx.config import Settings
from skillsx.credentials import create_key, read_public_keys, verify_credential, write_key
from skillsx.errors import InvalidCredential
from skillsx.web import create_app
from tests.web_support import TestClient, csrf, new_user, sign_in

from .credentials_support import PUBLIC_URL, SOC, body

API = f"/api/v1/occupations/{SOC}/credential"
PAGE = f"/occupations/{SOC}/credential"


def _client(engine: Engine, key: Path | None, session: Session | None = None) -> TestClient:
    """An app with this key; signed in as ``session``'s user when given."""
    url = engine.url.render_as_string(hide_password=False)
    settings = Settings(database_url=url, public_url=PUBLIC_URL, issuer_key=key)
    app = create_app(settings, engine=engine, build_ttl=0)
    client = TestClient(app, base_url="http://testserver", follow_redirects=False)
    if session is not None:
        client.cookies.update(session.cookies)
    return client


@dataclass
class Session:
    email: str
    cookies: dict[str, str]


@pytest.fixture(scope="module")
def session(built_store: Engine) -> Session:
    """One signed-in viewer per backend (signing in hashes a password: do it once)."""
    client = _client(built_store, None)
    email = new_user(built_store, "viewer")
    sign_in(client, email)
    return Session(email, dict(client.cookies.items()))


@pytest.fixture(scope="module")
def key_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("key") / "issuer.jwk"
    write_key(create_key(), path)
    return path


@pytest.fixture()
def client(built_store: Engine, key_file: Path) -> TestClient:
    return _client(built_store, key_file)


def test_public_key_and_issuer(client: TestClient, key_file: Path, tmp_path: Path) -> None:
    response = client.get("/.well-known/jwks.json")
    assert response.status_code == 200
    (entry,) = response.json()["keys"]
    assert "d" not in entry and entry["alg"] == "EdDSA"
    (trusted,) = read_public_keys(key_file)
    assert entry["kid"] == f"{PUBLIC_URL}/api/v1/credentials/keys/{trusted.thumbprint}"
    one = client.get(f"/api/v1/credentials/keys/{trusted.thumbprint}")
    assert one.status_code == 200 and one.json() == entry
    missing = client.get("/api/v1/credentials/keys/nope")
    assert missing.status_code == 404
    assert missing.json()["error"]["message"] == "This site has no key nope."
    issuer = client.get("/api/v1/credentials/issuer").json()
    assert issuer["id"] == f"{PUBLIC_URL}/api/v1/credentials/issuer" and issuer["type"] == [
        "Profile"
    ]


def test_api_download_verifies(
    built_store: Engine, key_file: Path, session: Session, tmp_path: Path
) -> None:
    assert (
        _client(built_store, key_file).get(API, params={"statement": "emerging:1"}).status_code
        == 401
    )
    client = _client(built_store, key_file, session)
    response = client.get(API, params={"statement": "proficient:4", "rating": "can_teach"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/jwt"
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["content-disposition"] == (
        f'attachment; filename="skillsx-credential-{SOC}-proficient-4.jwt"'
    )
    # A verifier that saved the site's key set accepts it for this user and no other.
    jwks = tmp_path / "jwks.json"
    jwks.write_text(client.get("/.well-known/jwks.json").text)
    keys = read_public_keys(jwks)
    verified = verify_credential(response.text, keys, subject=session.email)
    result = verified.credential["credentialSubject"]["result"][0]
    assert result["value"] == "Can teach it (self-assessed)"
    with pytest.raises(InvalidCredential, match="it is not about someone@example.org"):
        verify_credential(response.text, keys, subject="someone@example.org")
    theme = client.get(f"/api/v1/occupations/{SOC}/themes/T01/credential?level=emerging")
    assert theme.status_code == 200
    assert body(theme.text)["credentialSubject"]["achievement"]["humanCode"] == f"{SOC} T01.E"


THEMES = f"/api/v1/occupations/{SOC}/themes"
ERRORS = [
    (API, {}, 422, "statement: Field required"),
    (API, {"statement": "emerging:99"}, 404, "has no statement emerging:99"),
    (f"{THEMES}/T99/credential", {"level": "emerging"}, 404, 'has no theme "T99"'),
    (f"{THEMES}/T01/credential", {}, 422, "level: Field required"),
    (API, {"statement": "top:1"}, 422, "statement: String should match pattern"),
    (API, {"statement": "emerging:1", "rating": "not_yet"}, 422, "rating: String should match"),
]


def test_api_errors(built_store: Engine, key_file: Path, session: Session) -> None:
    client = _client(built_store, key_file, session)
    for path, params, status, message in ERRORS:
        response = client.get(path, params=params)
        assert response.status_code == status, (path, params, response.text)
        assert message in response.json()["error"]["message"]
    response = client.get(
        "/api/v1/occupations/99-9999.00/credential", params={"statement": "emerging:1"}
    )
    assert response.status_code == 404


def test_no_usable_key(built_store: Engine, session: Session, tmp_path: Path) -> None:
    client = _client(built_store, None, session)
    response = client.get(API, params={"statement": "emerging:1"})
    assert response.status_code == 503
    assert "its operator must create a key (`skillsx keys create`)" in response.text
    assert client.get("/.well-known/jwks.json").json() == {"keys": []}
    expired = tmp_path / "old.jwk"
    write_key(create_key(1, now=datetime.now(UTC) - timedelta(days=2)), expired)
    response = _client(built_store, expired, session).get(API, params={"statement": "emerging:1"})
    assert response.status_code == 503 and "expired on" in response.json()["error"]["message"]
    gone = _client(built_store, tmp_path / "gone.jwk", session)
    response = gone.get(API, params={"statement": "emerging:1"})
    assert response.status_code == 503 and "gone.jwk does not exist" in response.text


def test_page_form(built_store: Engine, key_file: Path, session: Session) -> None:
    signed_out = _client(built_store, key_file).get(PAGE)
    assert signed_out.status_code == 303 and signed_out.headers["location"].startswith("/signin")
    client = _client(built_store, key_file, session)
    page = client.get(PAGE)
    assert page.status_code == 200
    assert 'value="statement:emerging:1"' in page.text and 'value="theme:T01:' in page.text
    assert "no one, this site included, has checked it" in " ".join(page.text.split())
    token = csrf(client, PAGE)
    response = client.post(
        PAGE,
        data={"target": "statement:developing:1", "rating": "with_help", "csrf_token": token},
    )
    assert response.status_code == 200 and response.headers["content-type"] == "application/jwt"
    credential = body(response.text)
    assert credential["credentialSubject"]["result"][0]["value"] == "With help (self-assessed)"
    verified = verify_credential(
        response.text, read_public_keys_from(client), subject=session.email
    )
    assert verified.credential == credential
    bad = client.post(PAGE, data={"target": "statement:developing:1", "csrf_token": "x"})
    assert bad.status_code == 403
    refused = client.post(
        PAGE, data={"target": "", "rating": "independently", "csrf_token": csrf(client, PAGE)}
    )
    assert refused.status_code == 400
    assert "Choose a statement or a theme at a level." in refused.text
    # The occupation page links to the form.
    assert f'href="{PAGE}"' in client.get(f"/occupations/{SOC}").text


def read_public_keys_from(client: TestClient) -> list:
    from skillsx.credentials.keys import _public_from_jwk

    return [
        _public_from_jwk(k, "jwks") for k in client.get("/.well-known/jwks.json").json()["keys"]
    ]


def test_openapi_declares_the_routes(client: TestClient) -> None:
    spec = json.loads(client.get("/api/v1/openapi.json").text)
    operation = spec["paths"]["/api/v1/occupations/{soc}/credential"]["get"]
    assert set(operation["responses"]) == {"200", "400", "401", "404", "422", "503"}
    assert "application/jwt" in operation["responses"]["200"]["content"]
    assert {"/.well-known/jwks.json", "/api/v1/credentials/issuer"} <= set(spec["paths"])


def test_assessment_download(built_store: Engine, key_file: Path, session: Session) -> None:
    """The function the self-assessment pages call: a download verifiable for their user."""
    from skillsx.store.accounts import get_user_by_email
    from skillsx.store.builds import get_build, get_document
    from skillsx.web.credentials import assessment_credential

    from .credentials_support import assessment_of

    client = _client(built_store, key_file, session)
    with built_store.connect() as conn:
        build = get_build(conn)
        document = get_document(conn, SOC, build.id)
        user = get_user_by_email(conn, session.email)
    state = client.app.state.skillsx  # type: ignore[attr-defined]
    response = assessment_credential(state, user, assessment_of(document, build.version))
    assert response.headers["content-disposition"] == (
        f'attachment; filename="skillsx-self-assessment-{SOC}.jwt"'
    )
    token = bytes(response.body).decode()
    verified = verify_credential(token, read_public_keys_from(client), subject=session.email)
    assert len(verified.credential["credentialSubject"]["result"]) > 40


def test_saved_assessment_downloads_as_a_verifiable_credential(
    built_store: Engine, key_file: Path, session: Session, tmp_path: Path
) -> None:
    """The site's download from a saved self-assessment (page and API), end to end."""
    client = _client(built_store, key_file, session)
    ratings = {f"emerging:{n}": "independently" for n in range(1, 11)}
    ratings["developing:1"] = "with_help"
    saved = client.post("/api/v1/assessments", json={"soc": SOC, "ratings": ratings})
    assert saved.status_code in (200, 201), saved.text
    public_id = saved.json()["id"]
    for path in (
        f"/api/v1/assessments/{public_id}/credential",
        f"/assessments/{public_id}/credential",
    ):
        response = client.get(path)
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/jwt"
        jwks = tmp_path / "jwks.json"
        jwks.write_text(client.get("/.well-known/jwks.json").text)
        verified = verify_credential(response.text, read_public_keys(jwks), subject=session.email)
        results = verified.credential["credentialSubject"]["result"]
        assert len(results) >= 11  # 11 rated statements, plus the derived levels
        assert all("self-assessed" in r["value"] for r in results)
        with pytest.raises(InvalidCredential):
            verify_credential(response.text, read_public_keys(jwks), subject="someone@else.org")
    # Without a key the site says how to set one up; an unknown id is not found.
    other = _client(built_store, None, session).get(f"/api/v1/assessments/{public_id}/credential")
    assert other.status_code == 503
    assert client.get("/api/v1/assessments/AAAAAAAAAAAAAAAA/credential").status_code == 404
