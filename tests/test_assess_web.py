"""Self-assessment pages: rate, try without saving, save, revisit, change, delete, the gap."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from markupsafe import escape
from sqlalchemy import Engine, event, select, update

from skillsx.assess import store as assess_store
from skillsx.store import schema
from tests.web_support import csrf, make_client, new_user, sign_in

SOC, TO = "41-2031.00", "41-3091.00"
FORM = f"/occupations/{SOC}/assess"
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
_SAVED = re.compile(r"^/assessments/([A-Za-z0-9_-]{16})$")


@contextmanager
def writes(engine: Engine) -> Iterator[list[str]]:
    """Every INSERT, UPDATE or DELETE sent to the store while the block runs."""
    seen: list[str] = []

    def spy(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().split(None, 1)[0].upper() in ("INSERT", "UPDATE", "DELETE"):
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", spy)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", spy)


def _ratings(held: int = 10, level: str = "emerging") -> dict[str, str]:
    return {f"{level}:{i}": "independently" for i in range(1, held + 1)}


def _signed_in(engine: Engine):  # type: ignore[no-untyped-def]
    client = make_client(engine)
    sign_in(client, new_user(engine, "viewer"))
    return client


@pytest.fixture(scope="module")
def people(built_store: Engine) -> Iterator[tuple]:
    """Two signed-in viewers shared by this module's tests (an account costs ~1 s of argon2).

    The limit on new assessments is lifted meanwhile, so the tests' saves never reach it.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(assess_store, "MAX_NEW", 10_000)
        yield _signed_in(built_store), _signed_in(built_store)


def _save(client, ratings: dict[str, str], note: str = "") -> str:  # type: ignore[no-untyped-def]
    token = csrf(client, FORM)
    r = client.post(FORM, data={**ratings, "note": note, "action": "save", "csrf_token": token})
    assert r.status_code == 303, r.text
    found = _SAVED.match(r.headers["location"])
    assert found, r.headers["location"]
    return found.group(1)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_occupation_page_links_to_the_form(built_store: Engine) -> None:
    with make_client(built_store) as client:
        page = client.get(f"/occupations/{SOC}").text
    assert f'<a href="{FORM}">Assess yourself against this framework</a>' in page


def test_the_form_lists_every_statement_with_five_choices(built_store: Engine) -> None:
    with make_client(built_store) as client:
        r = client.get(FORM)
    assert r.status_code == 200
    assert len(re.findall(r'<fieldset class="rate"', r.text)) == 40
    assert len(re.findall(r'type="radio" name="emerging:1"', r.text)) == 5
    assert 'name="csrf_token"' in r.text
    assert 'value="try">Try it without saving' in r.text
    assert 'value="save"' not in r.text  # signed out: nothing to save into
    assert "8 of 10" in r.text


def test_anonymous_try_shows_levels_and_writes_nothing(built_store: Engine) -> None:
    with make_client(built_store) as client:
        token = csrf(client, FORM)
        data = {**_ratings(10), **_ratings(7, "developing"), "action": "try", "csrf_token": token}
        with writes(built_store) as seen:
            r = client.post(FORM, data=data)
            gap = client.post(
                f"{FORM}/gap",
                data={**_ratings(10), **_ratings(7, "developing"), "to": TO, "csrf_token": token},
            )
    assert seen == []
    assert r.status_code == 200
    text = _text(r.text)
    assert "Your level: Emerging" in text
    assert "Not saved: this result exists only on this page." in text
    assert "Developing 7 of 10 8 1 more needed" in text
    assert gap.status_code == 200
    assert "From Retail Salespersons to Sales Representatives of Services" in _text(gap.text)
    assert "not saved" in _text(gap.text)


def test_forms_need_the_csrf_token(built_store: Engine, people) -> None:
    client, _ = people
    with writes(built_store) as seen:
        r = client.post(FORM, data={**_ratings(), "action": "save"})
        bad = client.post(FORM, data={**_ratings(), "action": "save", "csrf_token": "forged"})
        gap = client.post(f"{FORM}/gap", data={**_ratings(), "to": TO})
    assert [r.status_code, bad.status_code, gap.status_code] == [403, 403, 403]
    assert seen == []


def test_saving_needs_sign_in(built_store: Engine) -> None:
    with make_client(built_store) as client:
        token = csrf(client, FORM)
        with writes(built_store) as seen:
            r = client.post(FORM, data={**_ratings(), "action": "save", "csrf_token": token})
    assert r.status_code == 401
    assert "Sign in to save an assessment" in r.text
    assert seen == []


def test_bad_ratings_come_back_to_the_form(built_store: Engine) -> None:
    with make_client(built_store) as client:
        token = csrf(client, FORM)
        r = client.post(FORM, data={"emerging:1": "expert", "action": "try", "csrf_token": token})
        missing = client.post(
            FORM, data={"advanced:12": "not_yet", "action": "try", "csrf_token": token}
        )
    assert r.status_code == 400
    assert str(escape('ratings["emerging:1"]: "expert" is not a rating')) in r.text
    assert missing.status_code == 400
    assert "the framework has no such statement" in missing.text


def test_save_revisit_change_and_list(built_store: Engine) -> None:
    client = _signed_in(built_store)  # its own account: the list below is exactly its own
    with writes(built_store) as seen:  # the spy that proves "no write" elsewhere sees this one
        public_id = _save(client, {**_ratings(8), "developing:1": "can_teach"}, note="week 1")
    assert any(s.lstrip().upper().startswith("INSERT INTO ASSESSMENTS") for s in seen)
    page = client.get(f"/assessments/{public_id}")
    assert page.status_code == 200
    text = _text(page.text)
    assert "Your level: Emerging" in text
    assert "Rated against the framework the site shows now" in text
    assert "Note: week 1" in text
    edit = client.get(f"/assessments/{public_id}/edit")
    assert edit.status_code == 200
    assert re.search(r'name="emerging:8" value="independently" checked', edit.text)
    assert re.search(r'name="developing:1" value="can_teach" checked', edit.text)
    assert re.search(r'name="emerging:9" value="" checked', edit.text)
    token = csrf(client, f"/assessments/{public_id}/edit")
    r = client.post(
        f"/assessments/{public_id}/edit",
        data={**_ratings(10), **_ratings(8, "developing"), "note": "week 2", "csrf_token": token},
    )
    assert r.status_code == 303 and r.headers["location"] == f"/assessments/{public_id}"
    assert "Your level: Developing" in _text(client.get(f"/assessments/{public_id}").text)
    listing = _text(client.get("/assessments").text)
    assert "Retail Salespersons" in listing and "Developing" in listing and "week 2" in listing
    assert "18 of 40" in listing


def test_signed_out_list_goes_to_sign_in(built_store: Engine) -> None:
    with make_client(built_store) as client:
        r = client.get("/assessments")
    assert r.status_code == 303 and r.headers["location"] == "/signin?next=/assessments"


def test_a_note_is_escaped_everywhere(built_store: Engine, people) -> None:
    client, _ = people
    public_id = _save(client, _ratings(2), note=XSS)
    for path in (f"/assessments/{public_id}", "/assessments", f"/assessments/{public_id}/edit"):
        html = client.get(path).text
        assert XSS not in html
        assert "&lt;script&gt;alert(" in html


def test_others_cannot_see_change_or_delete_it(built_store: Engine, people) -> None:
    owner, other = people
    public_id = _save(owner, _ratings(3))
    token = csrf(other, FORM)
    with writes(built_store) as seen:
        assert other.get(f"/assessments/{public_id}").status_code == 404
        assert other.get(f"/assessments/{public_id}/edit").status_code == 404
        assert other.get(f"/assessments/{public_id}/gap?to={TO}").status_code == 404
        r = other.post(f"/assessments/{public_id}/edit", data={**_ratings(), "csrf_token": token})
        assert r.status_code == 404
        r = other.post(f"/assessments/{public_id}/delete", data={"csrf_token": token})
        assert r.status_code == 404
    assert seen == []
    assert public_id not in other.get("/assessments").text
    assert owner.get(f"/assessments/{public_id}").status_code == 200


def test_delete(built_store: Engine, people) -> None:
    client, _ = people
    public_id = _save(client, _ratings(1))
    token = csrf(client, f"/assessments/{public_id}")
    r = client.post(f"/assessments/{public_id}/delete", data={"csrf_token": token})
    assert r.status_code == 303 and r.headers["location"] == "/assessments"
    assert client.get(f"/assessments/{public_id}").status_code == 404


def test_saved_gap_page(built_store: Engine, people) -> None:
    client, _ = people
    public_id = _save(
        client, {f"{lv}:{i}": "can_teach" for lv in ("emerging",) for i in range(1, 11)}
    )
    r = client.get(f"/assessments/{public_id}/gap?to={TO}")
    assert r.status_code == 200
    text = _text(r.text)
    assert "From Retail Salespersons to Sales Representatives of Services" in text
    assert re.search(r"they cover \d+ of 40 statements", text)
    assert "Back to the assessment" in text
    assert client.get(f"/assessments/{public_id}/gap?to=15-1299.00").status_code == 404
    assert client.get(f"/assessments/{public_id}/gap?to=nonsense").status_code == 422


def test_a_revisit_after_a_rebuild_says_which_ratings_still_match(
    built_store: Engine, people
) -> None:
    client, _ = people
    public_id = _save(client, _ratings(3))
    # As if rated against an older build whose emerging:2 read otherwise.
    a = schema.assessments
    with built_store.begin() as conn:
        data = json.loads(conn.scalar(select(a.c.ratings).where(a.c.public_id == public_id)))
        data["statements"][1]["text"] = "Old wording — as it read then."
        data["statements"][1]["hash"] = "0" * 16
        conn.execute(
            update(a)
            .where(a.c.public_id == public_id)
            .values(ratings=json.dumps(data), build_id=0, build_label="v.26.10")
        )
    text = _text(client.get(f"/assessments/{public_id}").text)
    assert "Rated against v.26.10; the site now shows v.26.11" in text
    assert "2 of 3 ratings still refer to the same statements" in text
    assert "1 statements were reworded or re-anchored" in text
    edit = client.get(f"/assessments/{public_id}/edit")
    assert "Statements changed since you rated them" in edit.text
    assert "Old wording — as it read then." in edit.text
    assert re.search(r'name="emerging:1" value="independently" checked', edit.text)
    assert re.search(r'name="emerging:2" value="" checked', edit.text)
    api = client.get(f"/api/v1/assessments/{public_id}").json()["revisit"]
    assert (api["up_to_date"], api["matching"], api["rated"]) == (False, 2, 3)
    assert api["changed"][0]["id"] == "emerging:2" and api["changed"][0]["now"]


def test_an_occupation_without_a_framework_is_a_friendly_404(built_store: Engine) -> None:
    with make_client(built_store) as client:
        r = client.get("/occupations/15-1299.00/assess")
    assert r.status_code == 404
    assert "has no task data" in r.text
    assert "Traceback" not in r.text


def test_too_many_fields_are_refused(built_store: Engine) -> None:
    with make_client(built_store) as client:
        token = csrf(client, FORM)
        data = {f"f{i}": "x" for i in range(200)} | {"action": "try", "csrf_token": token}
        r = client.post(FORM, data=data)
    assert r.status_code == 400
    assert "at most 120" in r.text
