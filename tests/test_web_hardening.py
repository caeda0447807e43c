"""The site's hardening (issue 11, items 13–21): sign-in throttling, the last admin, reviews of
one's own suggestions, huge ids, CSRF binding and expiry, weak passwords, suggestion rates,
caching, the API docs and bidirectional-text controls. The uvicorn limits are in
``test_web_server.py``."""

from __future__ import annotations

import threading
import uuid
import warnings

import pytest
from itsdangerous import TimestampSigner
from sqlalchemy import Engine, func, insert, select

from skillsx.bidi import BIDI_CONTROLS
from skillsx.errors import SkillsxError
from skillsx.passwords import password_problem
from skillsx.store import schema
from skillsx.store.accounts import (
    MAX_SUGGESTIONS,
    RateLimited,
    User,
    create_user,
    get_user_by_email,
    set_role,
    submit_correction,
)
from skillsx.store.migrations import migrate
from skillsx.web.auth import (
    MAX_FAILURES_PER_ACCOUNT,
    MAX_FAILURES_PER_CLIENT,
    MAX_FAILURES_PER_PAIR,
    THROTTLED,
    throttled,
)
from skillsx.web.html import CSRF_SECONDS
from tests.web_support import (
    PASSWORD,
    SOC,
    clear_corrections,
    csrf,
    make_client,
    new_user,
    sign_in,
)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TARGET = "statement:emerging:1"
HUGE = [2**63, 2**64, -(2**63) - 1]


@pytest.fixture()
def engine(built_store: Engine):
    yield built_store
    clear_corrections(built_store)


def _client_at(engine: Engine, address: str) -> TestClient:
    """A browser at its own address (the throttle counts per client address)."""
    app = make_client(engine).app
    return TestClient(app, client=(address, 50000), follow_redirects=False)


def _address() -> str:
    return f"198.51.100.{uuid.uuid4().int % 250 + 1}-{uuid.uuid4().hex[:6]}"


def _attempt(client: TestClient, email: str, password: str) -> int:
    token = csrf(client, "/signin")
    r = client.post("/signin", data={"email": email, "password": password, "csrf_token": token})
    if r.status_code == 429:
        assert THROTTLED in r.text and r.headers["retry-after"] == "900"
    return r.status_code


# ---------------------------------------------------------------- 13. sign-in throttling


def test_failures_from_one_client_do_not_lock_the_account_out(engine: Engine) -> None:
    email = new_user(engine, "admin")
    attacker = _client_at(engine, _address())
    for _ in range(MAX_FAILURES_PER_PAIR):
        assert _attempt(attacker, email, "wrong guess 1") == 400
    assert _attempt(attacker, email, PASSWORD) == 429  # that client is refused for it …
    assert _attempt(_client_at(engine, _address()), email, PASSWORD) == 303  # … the owner not


def test_failures_from_many_clients_refuse_only_the_failing_ones(engine: Engine) -> None:
    email = new_user(engine, "viewer")
    failing = [_client_at(engine, _address()) for _ in range(MAX_FAILURES_PER_ACCOUNT)]
    for client in failing:
        assert _attempt(client, email, "wrong guess 2") == 400
    assert _attempt(failing[0], email, PASSWORD) == 429
    assert _attempt(_client_at(engine, _address()), email, PASSWORD) == 303
    # The success resets the account's count: the failing clients may try again.
    assert _attempt(failing[1], email, PASSWORD) == 303


def test_throttle_rules() -> None:
    from skillsx.store.accounts import Failures

    assert not throttled(Failures(pair=MAX_FAILURES_PER_PAIR - 1, client=0, account=0))
    assert throttled(Failures(pair=MAX_FAILURES_PER_PAIR, client=0, account=0))
    assert throttled(Failures(pair=0, client=MAX_FAILURES_PER_CLIENT, account=0))
    assert not throttled(Failures(pair=0, client=0, account=99))
    assert throttled(Failures(pair=1, client=1, account=MAX_FAILURES_PER_ACCOUNT))


# ---------------------------------------------------------------- 14. the last admin


def _admins(engine: Engine) -> int:
    u = schema.users
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).where(u.c.role == "admin")) or 0)


@pytest.mark.parametrize("by", ["each other", "operator"])
def test_two_admins_demoted_at_once_leave_one(empty_engine: Engine, by: str) -> None:
    migrate(empty_engine)
    with empty_engine.begin() as conn:
        a = create_user(conn, "a@example.org", PASSWORD, "admin")
        b = create_user(conn, "b@example.org", PASSWORD, "admin")
    actors: tuple[User | None, User | None] = (a, b) if by == "each other" else (None, None)
    outcome: dict[str, str] = {}

    def demote_a() -> None:
        try:
            with empty_engine.begin() as conn:
                set_role(conn, actors[1], a.id, "viewer")
            outcome["second"] = "done"
        except SkillsxError as exc:
            outcome["second"] = str(exc)

    with empty_engine.connect() as conn:
        first = conn.begin()
        set_role(conn, actors[0], b.id, "viewer")  # not committed yet
        other = threading.Thread(target=demote_a)
        other.start()
        other.join(0.5)  # the second change must wait for the first …
        first.commit()
    other.join(30)
    assert not other.is_alive()
    assert _admins(empty_engine) == 1  # … and then be refused
    expected = "no longer an admin" if by == "each other" else "is the only admin"
    assert expected in outcome["second"]


def test_user_role_command(tmp_path) -> None:
    from typer.testing import CliRunner

    from skillsx.cli.main import app

    env = {"SKILLSX_DATABASE_URL": f"sqlite:///{tmp_path / 'roles.db'}"}
    runner = CliRunner()
    for email, role in (("ops@example.org", "admin"), ("dev@example.org", "viewer")):
        args = ["user", "create", email, "--role", role, "--password", PASSWORD]
        assert runner.invoke(app, args, env=env).exit_code == 0
    made = runner.invoke(app, ["user", "role", "Dev@Example.org", "admin"], env=env)
    assert made.exit_code == 0, made.output
    assert "dev@example.org is now admin (was viewer)." in made.output
    down = runner.invoke(app, ["user", "role", "ops@example.org", "curator"], env=env)
    assert down.exit_code == 0, down.output
    last = runner.invoke(app, ["user", "role", "dev@example.org", "viewer"], env=env)
    assert last.exit_code == 1
    assert "dev@example.org is the only admin; make another account admin first." in last.output
    missing = runner.invoke(app, ["user", "role", "nobody@example.org", "admin"], env=env)
    assert missing.exit_code == 1
    assert 'No account has the email "nobody@example.org"' in missing.output
    bad = runner.invoke(app, ["user", "role", "ops@example.org", "owner"], env=env)
    assert bad.exit_code == 1 and 'Role "owner" is not one of' in bad.output


# ---------------------------------------------------------------- 15. reviewing one's own


def _suggest(client: TestClient, proposed: str):
    token = csrf(client, f"/occupations/{SOC}/suggest?target={TARGET}")
    data = {"target": TARGET, "problem": "Vague", "proposed": proposed, "reason": "Task 2"}
    return client.post(f"/occupations/{SOC}/suggest", data=data | {"csrf_token": token})


def _correction_id(engine: Engine, proposed: str) -> int:
    c = schema.corrections
    with engine.connect() as conn:
        return int(conn.scalar(select(c.c.id).where(c.c.proposed == proposed)))


def _review(client: TestClient, correction_id: int, decision: str = "accept"):
    token = csrf(client, "/signout")
    data = {"decision": decision, "reason": "Checked", "csrf_token": token}
    return client.post(f"/corrections/{correction_id}/review", data=data)


def test_a_curator_cannot_review_their_own_suggestion(engine: Engine) -> None:
    author = make_client(engine)
    sign_in(author, new_user(engine, "curator"))
    proposed = f"Sales records — reconcile totals weekly ({uuid.uuid4().hex[:6]})."
    assert _suggest(author, proposed).status_code == 303
    correction_id = _correction_id(engine, proposed)
    for decision in ("accept", "reject"):
        r = _review(author, correction_id, decision)
        assert r.status_code == 400
        assert "You suggested this correction: another curator must review it." in r.text
    other = make_client(engine)
    sign_in(other, new_user(engine, "curator"))
    assert _review(other, correction_id).status_code == 303


# ---------------------------------------------------------------- 16. ids past 64 bits


def test_ids_past_64_bits_are_not_found(engine: Engine) -> None:
    admin = make_client(engine)
    sign_in(admin, new_user(engine, "admin"))
    token = csrf(admin, "/admin/users")
    for big in HUGE:
        assert admin.get(f"/corrections/{big}/review").status_code == 404
        data = {"decision": "accept", "reason": "x", "csrf_token": token}
        assert admin.post(f"/corrections/{big}/review", data=data).status_code == 404
        data = {"role": "viewer", "csrf_token": token}
        assert admin.post(f"/admin/users/{big}/role", data=data).status_code == 404
        assert admin.get(f"/api/v1/builds/{big}").status_code == 404


# ---------------------------------------------------------------- 17. CSRF tokens


def test_csrf_tokens_are_bound_to_the_session(engine: Engine) -> None:
    email = new_user(engine, "viewer")
    with make_client(engine) as client:
        signed_out = csrf(client, "/signin")
        sign_in(client, email)
        # A token made before signing in does not serve the signed-in session …
        assert client.post("/signout", data={"csrf_token": signed_out}).status_code == 403
        old_session = csrf(client, "/signout")
        assert client.post("/signout", data={"csrf_token": old_session}).status_code == 303
        sign_in(client, email)
        # … nor one of an earlier session of the same browser.
        assert client.post("/signout", data={"csrf_token": old_session}).status_code == 403
        fresh = csrf(client, "/signout")
        assert client.post("/signout", data={"csrf_token": fresh}).status_code == 303


def test_csrf_tokens_expire(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    email = new_user(engine, "viewer")
    with make_client(engine) as client:
        real = TimestampSigner.get_timestamp
        with monkeypatch.context() as m:
            m.setattr(TimestampSigner, "get_timestamp", lambda s: real(s) - CSRF_SECONDS - 60)
            stale = csrf(client, "/signin")
        data = {"email": email, "password": PASSWORD, "csrf_token": stale}
        r = client.post("/signin", data=data)
        assert r.status_code == 403 and "The form expired" in r.text
        fresh = csrf(client, "/signin")
        assert client.post("/signin", data=data | {"csrf_token": fresh}).status_code == 303


# ---------------------------------------------------------------- 18. passwords


@pytest.mark.parametrize(
    ("password", "role", "why"),
    [
        ("short", "viewer", "at least 8 characters"),
        ("password", "viewer", "most common"),
        ("12345678", "viewer", "most common"),
        ("12121212", "viewer", "5 different characters"),
        (" " * 8, "viewer", "5 different characters"),
        ("Password1!", "viewer", "most common"),
        ("pass word 1", "viewer", "most common"),
        ("{email}", "viewer", "email address or name"),
        ("{local}2024", "viewer", "email address or name"),
        ("my skillsx login", "viewer", "site's name"),
        ("quiet lamp7", "admin", "An admin's password must have at least 12 characters."),
    ],
)
def test_weak_passwords_are_refused(engine: Engine, password: str, role: str, why: str) -> None:
    local = f"weak-{uuid.uuid4().hex[:8]}"
    email = f"{local}@example.org"
    password = password.format(email=email, local=local)
    with engine.begin() as conn, pytest.raises(SkillsxError, match=why):
        create_user(conn, email, password, role)
    with engine.connect() as conn, pytest.raises(SkillsxError, match="No account"):
        get_user_by_email(conn, email)


def test_good_passwords_are_taken() -> None:
    assert password_problem("quiet lantern 7", "ada@example.org") is None
    assert password_problem("quiet lantern 7", "ada@example.org", "admin") is None
    assert password_problem("ünïcödé wörds", "bo@example.org") is None


def test_cli_refuses_a_weak_password(tmp_path) -> None:
    from typer.testing import CliRunner

    from skillsx.cli.main import app

    env = {"SKILLSX_DATABASE_URL": f"sqlite:///{tmp_path / 'weak.db'}"}
    args = ["user", "create", "ops@example.org", "--role", "admin", "--password", "12345678"]
    r = CliRunner().invoke(app, args, env=env)
    assert r.exit_code == 1 and "An admin's password must have at least 12" in r.output


# ---------------------------------------------------------------- 20. suggestion rate


def test_suggestions_are_rate_limited_per_account(engine: Engine) -> None:
    busy = make_client(engine)
    sign_in(busy, new_user(engine, "contributor"))
    tag = uuid.uuid4().hex[:6]
    for n in range(MAX_SUGGESTIONS):
        assert _suggest(busy, f"Records — keep notes ({tag} {n}).").status_code == 303
    r = _suggest(busy, f"Records — one too many ({tag}).")
    assert r.status_code == 429
    assert int(r.headers["retry-after"]) > 0
    assert f"You have made {MAX_SUGGESTIONS} suggestions" in r.text
    other = make_client(engine)
    sign_in(other, new_user(engine, "contributor"))
    assert _suggest(other, f"Records — another account ({tag}).").status_code == 303


def test_concurrent_suggestions_are_counted_one_by_one(engine: Engine) -> None:
    email = new_user(engine, "contributor")
    with engine.connect() as conn:
        user = get_user_by_email(conn, email)
    results: list[str] = []

    def submit(n: int) -> None:
        try:
            with engine.begin() as conn:
                submit_correction(
                    conn,
                    user,
                    soc=SOC,
                    target=TARGET,
                    current_text="Old",
                    problem="Vague",
                    proposed=f"New {n}",
                    reason="Task 2",
                    build_id=None,
                )
            results.append("ok")
        except RateLimited:
            results.append("limited")

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(MAX_SUGGESTIONS + 4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(results) == ["limited"] * 4 + ["ok"] * MAX_SUGGESTIONS


# ---------------------------------------------------------------- 21. caching, docs, bidi


def test_signed_in_pages_are_not_stored(engine: Engine) -> None:
    with make_client(engine) as client:
        assert "no-store" not in client.get("/about").headers.get("cache-control", "")
        sign_in(client, new_user(engine, "contributor"))
        for path in ("/about", f"/occupations/{SOC}", "/corrections/mine", "/api/v1/builds"):
            r = client.get(path)
            assert r.status_code == 200, path
            assert r.headers["cache-control"] == "no-store", path


def test_api_docs_are_served_from_the_site(engine: Engine) -> None:
    with make_client(engine) as client:
        page = client.get("/api/docs")
        assert page.status_code == 200
        assert "https://" not in page.text and "<script>" not in page.text
        csp = page.headers["content-security-policy"]
        assert "unsafe-inline" not in csp and "cdn" not in csp and "https:" not in csp
        assert "script-src 'self'" in csp
        for asset in ("/api/docs/static/swagger-ui-bundle.js", "/api/docs/static/swagger-ui.css"):
            assert asset in page.text
            r = client.get(asset)
            assert r.status_code == 200 and len(r.content) > 100_000, asset
        starter = client.get("/static/api-docs.js")
        assert starter.status_code == 200 and "SwaggerUIBundle(" in starter.text


RLO = "\u202e"


def test_bidi_controls_cannot_flip_the_page(engine: Engine) -> None:
    author, email = make_client(engine), new_user(engine, "contributor")
    sign_in(author, email)
    tag = uuid.uuid4().hex[:6]
    assert _suggest(author, f"Records{RLO} — keep notes ({tag}).").status_code == 303
    c = schema.corrections
    with engine.connect() as conn:
        stored = conn.scalar(select(c.c.proposed).where(c.c.proposed.like(f"%{tag}%")))
    assert stored == f"Records — keep notes ({tag})."
    # Text stored before this (or by another way in) is cleaned on the way out.
    with engine.begin() as conn:
        submitter = get_user_by_email(conn, email)
        conn.execute(
            insert(c).values(
                soc=SOC,
                target=TARGET,
                current_text="Old",
                problem=f"Flip{RLO}ped",
                proposed=f"Old data {RLO}{tag}\u2066x\u2069",
                reason="r",
                status="pending",
                submitted_by=submitter.id,
                submitted_at="2025-01-01T00:00:00+00:00",
            )
        )
    curator = make_client(engine)
    sign_in(curator, new_user(engine, "curator"))
    for page in (author.get("/corrections/mine").text, curator.get("/corrections/queue").text):
        assert f"Old data {tag}x" in page
        assert not any(ch in page for ch in BIDI_CONTROLS)
        assert f"<bdi>Old data {tag}x</bdi>" in page
