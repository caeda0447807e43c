"""Signing in and out: passwords, session cookies, CSRF, throttling, roles."""

from __future__ import annotations

import re

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine

from skillsx.errors import SkillsxError
from skillsx.store.accounts import check_password, create_user, get_session_user
from skillsx.web.auth import MAX_FAILURES_PER_PAIR, THROTTLED, safe_next
from tests.web_support import PASSWORD, csrf, make_client, new_user, sign_in

REFUSED = "The form expired or did not come from this site. Reload the page and try again."


@pytest.fixture()
def client(built_store: Engine):
    with make_client(built_store) as c:
        yield c


def test_passwords_are_argon2_hashed(
    built_store: Engine, use_production_hasher: PasswordHasher
) -> None:
    # The site's own hasher and cost (the other tests sign in with a cheap one: conftest.py).
    email = new_user(built_store, "viewer")
    with built_store.connect() as conn:
        stored = conn.exec_driver_sql(
            "SELECT password_hash FROM users WHERE email = ?"
            if built_store.dialect.name == "sqlite"
            else "SELECT password_hash FROM users WHERE email = %s",
            (email,),
        ).scalar()
        assert stored.startswith("$argon2id$")
        assert not use_production_hasher.check_needs_rehash(stored)  # made at the site's cost
        assert PASSWORD not in stored
        assert check_password(conn, email.upper(), PASSWORD).email == email
        assert check_password(conn, email, "wrong password") is None


def test_create_user_refuses_bad_input(built_store: Engine) -> None:
    with built_store.begin() as conn:
        with pytest.raises(SkillsxError, match=r'Role "boss" is not one of: viewer, contributor'):
            create_user(conn, "a@example.org", PASSWORD, "boss")
        with pytest.raises(SkillsxError, match='"nobody" is not an email address.'):
            create_user(conn, "nobody", PASSWORD)
        with pytest.raises(SkillsxError, match="at least 8 characters"):
            create_user(conn, "b@example.org", "short")


def test_sign_in_sets_a_safe_cookie_and_sign_out_revokes(client, built_store: Engine) -> None:
    email = new_user(built_store, "contributor")
    token = csrf(client, "/signin")
    r = client.post(
        "/signin",
        data={"email": email, "password": PASSWORD, "csrf_token": token, "next": "/about"},
    )
    assert r.status_code == 303
    assert r.headers["location"] == "/about"
    cookie = r.headers["set-cookie"]
    assert cookie.startswith("skillsx_session=")
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain http here; see the https test
    page = client.get("/about")
    assert f"Signed in as {email} (contributor)" in page.text
    state = client.app.state.skillsx
    session = state.serializer.loads(client.cookies["skillsx_session"], salt="session")
    out = client.post("/signout", data={"csrf_token": csrf(client, "/signout")})
    assert out.status_code == 303
    with built_store.connect() as conn:
        assert get_session_user(conn, session) is None
    assert "Signed in as" not in client.get("/about").text


def test_cookie_is_secure_over_https(built_store: Engine) -> None:
    email = new_user(built_store, "viewer")
    with make_client(built_store, base_url="https://testserver") as client:
        token = csrf(client, "/signin")
        r = client.post("/signin", data={"email": email, "password": PASSWORD, "csrf_token": token})
        assert r.status_code == 303
        assert "Secure" in r.headers["set-cookie"]
        assert r.headers["strict-transport-security"] == "max-age=31536000"


def test_wrong_password_is_refused(client, built_store: Engine) -> None:
    email = new_user(built_store, "viewer")
    token = csrf(client, "/signin")
    r = client.post("/signin", data={"email": email, "password": "nope-nope", "csrf_token": token})
    assert r.status_code == 400
    assert "That email and password do not match an account." in r.text
    assert "set-cookie" not in r.headers or "skillsx_session" not in r.headers["set-cookie"]


def test_forms_without_csrf_are_refused(client, built_store: Engine) -> None:
    email = new_user(built_store, "viewer")
    r = client.post("/signin", data={"email": email, "password": PASSWORD})
    assert r.status_code == 403
    assert REFUSED in r.text
    csrf(client, "/signin")  # the browser now has a CSRF cookie …
    forged = client.post(
        "/signin", data={"email": email, "password": PASSWORD, "csrf_token": "forged.token"}
    )
    assert forged.status_code == 403  # … but a token that is not signed for it fails


def test_token_of_another_browser_is_refused(built_store: Engine) -> None:
    email = new_user(built_store, "viewer")
    with make_client(built_store) as a, make_client(built_store) as b:
        token_a = csrf(a, "/signin")
        csrf(b, "/signin")
        r = b.post("/signin", data={"email": email, "password": PASSWORD, "csrf_token": token_a})
        assert r.status_code == 403


def test_sign_in_is_throttled_after_repeated_failures(client, built_store: Engine) -> None:
    email = new_user(built_store, "viewer")
    token = csrf(client, "/signin")
    for _ in range(MAX_FAILURES_PER_PAIR):
        r = client.post(
            "/signin", data={"email": email, "password": "bad-guess", "csrf_token": token}
        )
        assert r.status_code == 400
    # Even the right password is refused now, from this client.
    r = client.post("/signin", data={"email": email, "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 429
    assert r.headers["retry-after"] == "900"
    assert THROTTLED in r.text


def test_open_redirects_are_refused() -> None:
    assert safe_next("/occupations/11-2022.00") == "/occupations/11-2022.00"
    assert safe_next("//evil.example/") == "/"
    assert safe_next("https://evil.example/") == "/"
    assert safe_next("/\\evil.example") == "/"
    assert safe_next(None) == "/"


def test_pages_needing_a_role(client, built_store: Engine) -> None:
    r = client.get("/corrections/queue")
    assert r.status_code == 303
    assert r.headers["location"] == "/signin?next=/corrections/queue"
    sign_in(client, new_user(built_store, "contributor"))
    r = client.get("/corrections/queue")
    assert r.status_code == 403
    assert "This needs the curator role; you are a contributor." in r.text
    assert client.get("/admin/audit").status_code == 403


def test_admin_page_lists_accounts_and_roles(client, built_store: Engine) -> None:
    curator = new_user(built_store, "curator")
    sign_in(client, curator)
    assert client.get("/admin/users").status_code == 403
    assert 'href="/admin/users"' not in client.get("/").text
    client.cookies.clear()
    admin = new_user(built_store, "admin")
    sign_in(client, admin)
    assert 'href="/admin/users"' in client.get("/").text
    r = client.get("/admin/users")
    assert r.status_code == 200
    assert "<h1>Accounts and roles</h1>" in r.text
    rows = re.findall(r"<tr><td>([^<]+)</td><td>(\w+)</td><td>(yes|no)</td>", r.text)
    assert (curator, "curator", "yes") in rows
    assert (admin, "admin", "yes") in rows
    assert 'href="/admin/audit"' in r.text


def test_admin_page_needs_sign_in(client) -> None:
    r = client.get("/admin/users")
    assert r.status_code == 303
    assert r.headers["location"] == "/signin?next=/admin/users"
