"""Suggesting corrections, reviewing them, the change list, overrides, the audit log."""

from __future__ import annotations

import json
import re

import pytest
from markupsafe import escape
from sqlalchemy import Engine

from skillsx.build import compose_one
from skillsx.compose.overrides import apply_overrides, split_statement
from skillsx.models import Framework
from skillsx.store.accounts import Override, list_audit, list_overrides
from skillsx.store.builds import get_framework
from tests.web_support import SOC, clear_corrections, csrf, make_client, new_user, sign_in

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
TARGET = "statement:emerging:1"


@pytest.fixture()
def engine(built_store: Engine):
    yield built_store
    clear_corrections(built_store)


def _client(engine: Engine, role: str):
    client = make_client(engine)
    email = new_user(engine, role)
    sign_in(client, email)
    return client, email


def _suggest(client, proposed: str, problem: str = "Too vague", reason: str = "O*NET task 2"):
    path = f"/occupations/{SOC}/suggest?target={TARGET}"
    token = csrf(client, path)
    return client.post(
        f"/occupations/{SOC}/suggest",
        data={
            "target": TARGET,
            "problem": problem,
            "proposed": proposed,
            "reason": reason,
            "csrf_token": token,
        },
    )


def _pending_id(client, text: str) -> int:
    page = client.get("/corrections/queue").text
    for block in page.split('<article class="correction"')[1:]:
        if str(escape(text)) in block:
            return int(re.search(r'id="correction-(\d+)"', block).group(1))
    raise AssertionError("correction not in the queue")


def _review(client, correction_id: int, decision: str, reason: str):
    token = csrf(client, "/signout")  # one token per browser serves every form
    return client.post(
        f"/corrections/{correction_id}/review",
        data={"decision": decision, "reason": reason, "csrf_token": token},
    )


def test_viewer_cannot_suggest(engine: Engine) -> None:
    client, _ = _client(engine, "viewer")
    r = client.get(f"/occupations/{SOC}/suggest?target={TARGET}")
    assert r.status_code == 403


def test_signed_out_suggest_goes_to_sign_in(engine: Engine) -> None:
    with make_client(engine) as client:
        r = client.get(f"/occupations/{SOC}/suggest?target={TARGET}")
        assert r.status_code == 303
        assert r.headers["location"] == (
            f"/signin?next=/occupations/{SOC}/suggest%3Ftarget%3Dstatement%3Aemerging%3A1"
        )
        form = client.get(r.headers["location"]).text
        assert f'name="next" value="/occupations/{SOC}/suggest?target={TARGET}"' in form


def test_suggest_review_accept_and_next_build(engine: Engine) -> None:
    contributor, c_email = _client(engine, "contributor")
    with engine.connect() as conn:
        before = get_framework(conn, SOC).level(get_framework(conn, SOC).statements[0].level)[0]
    form = contributor.get(f"/occupations/{SOC}/suggest?target={TARGET}").text
    assert str(escape(before.text)) in form
    proposed = (
        "Customer records — keep account notes current and flag any gaps to a supervisor each week."
    )
    r = _suggest(contributor, proposed)
    assert r.status_code == 303 and r.headers["location"] == "/corrections/mine"
    mine = contributor.get("/corrections/mine").text
    assert "pending" in mine and str(escape(proposed)) in mine

    curator, cur_email = _client(engine, "curator")
    correction_id = _pending_id(curator, proposed)
    r = _review(curator, correction_id, "accept", "Matches task 2")
    assert r.status_code == 303
    assert "status-accepted" in contributor.get("/corrections/mine").text
    public = make_client(engine).get("/corrections").text
    assert str(escape(proposed)) in public
    assert c_email not in public  # the change list does not name people
    accepted = make_client(engine).get("/api/v1/corrections", params={"soc": SOC}).json()
    assert accepted["results"][0]["now"] == proposed
    assert accepted["results"][0]["reason"] == "Matches task 2"

    again = _review(curator, correction_id, "reject", "changed my mind")
    assert again.status_code == 400
    assert f"Correction {correction_id} is already accepted." in again.text

    # The next build applies it: compose the occupation as a build would.
    with engine.connect() as conn:
        overrides = list_overrides(conn, SOC)
        assert overrides[-1].target == TARGET and overrides[-1].text == proposed
        composed = compose_one(conn, SOC, "grounded")
        audit = [(e.actor, e.action) for e in list_audit(conn, 50)]
    statement = json.loads(composed.document)["framework"]["statements"][0]
    assert (statement["level"], statement["order"]) == ("emerging", 1)
    assert statement["subject"] == "Customer records"
    assert (
        statement["action"]
        == "keep account notes current and flag any gaps to a supervisor each week."
    )
    assert [p for p in composed.problems if p.where == "emerging#1"] == []
    assert (cur_email, "correction.accept") in audit
    assert (c_email, "correction.submit") in audit


def test_reject_needs_a_reason(engine: Engine) -> None:
    contributor, _ = _client(engine, "contributor")
    proposed = "Sales records — reconcile weekly totals against invoices before reporting."
    assert _suggest(contributor, proposed).status_code == 303
    curator, _ = _client(engine, "curator")
    correction_id = _pending_id(curator, proposed)
    r = _review(curator, correction_id, "reject", "   ")
    assert r.status_code == 400
    assert "Give a reason for the decision." in r.text
    assert _review(curator, correction_id, "reject", "Not what the task says").status_code == 303
    assert "status-rejected" in contributor.get("/corrections/mine").text


def test_empty_fields_are_refused(engine: Engine) -> None:
    contributor, _ = _client(engine, "contributor")
    r = _suggest(contributor, "Something — better.", problem="  ")
    assert r.status_code == 400
    assert "Say what is wrong: the field is empty." in r.text


def test_user_text_is_escaped_everywhere(engine: Engine) -> None:
    contributor, _ = _client(engine, "contributor")
    r = _suggest(contributor, XSS, problem=XSS, reason=XSS)
    assert r.status_code == 303
    curator, _ = _client(engine, "curator")
    pages = [contributor.get("/corrections/mine").text, curator.get("/corrections/queue").text]
    correction_id = _pending_id(curator, XSS)
    pages.append(curator.get(f"/corrections/{correction_id}/review").text)
    assert _review(curator, correction_id, "accept", XSS).status_code == 303
    pages.append(make_client(engine).get("/corrections").text)
    admin, _ = _client(engine, "admin")
    pages.append(admin.get("/admin/audit").text)
    for page in pages:
        assert "<script>alert" not in page
        assert "<img src=x" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in pages[0]


def test_apply_overrides() -> None:
    framework = Framework.model_validate(
        {
            "soc": SOC,
            "title": "Sales Managers",
            "release": "30.1",
            "engine": "test",
            "context_covered": "",
            "description": "",
            "themes": [],
            "statements": [
                {
                    "level": "emerging",
                    "order": 1,
                    "theme": "T01",
                    "subject": "Old subject",
                    "action": "old action.",
                    "anchors": [{"kind": "task", "id": "2", "release": "30.1"}],
                }
            ],
        }
    )
    out = apply_overrides(
        framework,
        [
            Override(SOC, "statement:emerging:1", "First — try.", 1),
            Override(SOC, "statement:emerging:1", "New subject — new action.", 2),
            Override("41-3091.00", "statement:emerging:1", "Other — occupation.", 3),
            Override(SOC, "record:task:2", "A corrected task text.", 4),
        ],
    )
    s = out.statements[0]
    assert (s.subject, s.action) == ("New subject", "new action.")
    assert s.anchors == framework.statements[0].anchors
    assert split_statement("no dash here") == (None, "no dash here")
    only_action = apply_overrides(framework, [Override(SOC, "statement:emerging:1", "act.", 5)])
    assert only_action.statements[0].subject == "Old subject"
    assert only_action.statements[0].action == "act."


def test_change_list_refuses_a_malformed_soc(engine: Engine) -> None:
    """A NUL byte once reached PostgreSQL from ?soc= (found by schemathesis): 422, not 500."""
    client = make_client(engine)
    for bad in ("\x00", "41-2031", "x" * 300):
        r = client.get("/api/v1/corrections", params={"soc": bad})
        assert r.status_code == 422, (bad, r.text)
        assert "soc" in r.json()["error"]["message"]
    assert client.get("/api/v1/corrections", params={"soc": SOC}).status_code == 200
