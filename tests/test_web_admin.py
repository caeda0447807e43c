"""Admin work: bulk-export zip downloads and role changes (CSRF, audit log, last admin kept)."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from sqlalchemy import Engine

from skillsx.store.builds import get_build
from tests.web_support import make_client, new_user, sign_in


def test_admin_downloads_every_framework_as_a_zip(built_store: Engine) -> None:
    with built_store.connect() as conn:
        build = get_build(conn)
    with make_client(built_store) as client:
        sign_in(client, new_user(built_store, "admin"))
        response = client.get("/admin/export/json-1.0.zip")
        assert response.status_code == 200, response.text
        assert response.headers["content-type"] == "application/zip"
        assert "attachment" in response.headers["content-disposition"]
        with zipfile.ZipFile(io.BytesIO(response.content)) as zf:
            docs = [json.loads(zf.read(n)) for n in zf.namelist() if n.endswith(".json")]
        assert len(docs) == build.frameworks
        with built_store.connect() as conn:
            from skillsx.store.builds import content_hashes

            socs = sorted(content_hashes(conn, build.id))
        assert sorted(d["occupation"]["soc"] for d in docs) == socs
        assert client.get("/admin/export/nonsense.zip").status_code == 404


def test_bulk_export_is_for_admins_only(built_store: Engine) -> None:
    with make_client(built_store) as client:
        anonymous = client.get("/admin/export/csv.zip")
        assert anonymous.status_code in (303, 401)
        sign_in(client, new_user(built_store, "curator"))
        assert client.get("/admin/export/csv.zip").status_code == 403


def test_admin_changes_a_role_with_csrf_and_an_audit_entry(built_store: Engine) -> None:
    from skillsx.store.accounts import list_audit, list_users
    from tests.web_support import csrf

    with make_client(built_store) as client:
        admin = new_user(built_store, "admin")
        member = new_user(built_store, "viewer")
        with built_store.connect() as conn:
            member_id = next(u.id for u in list_users(conn) if u.email == member)
        sign_in(client, admin)
        page = client.get("/admin/users")
        assert page.status_code == 200 and f"/admin/users/{member_id}/role" in page.text
        assert "/admin/export/pdf.zip" in page.text
        # No token, no change.
        assert (
            client.post(f"/admin/users/{member_id}/role", data={"role": "curator"}).status_code
            == 403
        )
        token = csrf(client, "/admin/users")
        done = client.post(
            f"/admin/users/{member_id}/role", data={"role": "curator", "csrf_token": token}
        )
        assert done.status_code == 303
        bad = client.post(
            f"/admin/users/{member_id}/role", data={"role": "owner", "csrf_token": token}
        )
        assert bad.status_code == 400 and "is not one of" in bad.text
        with built_store.connect() as conn:
            assert next(u.role for u in list_users(conn) if u.email == member) == "curator"
            entry = next(e for e in list_audit(conn) if e.action == "user.role")
        assert entry.subject == f"user:{member_id}"
    assert entry.detail == {"from": "viewer", "to": "curator"}


def test_the_last_admin_cannot_step_down(built_store: Engine) -> None:
    from sqlalchemy import update

    from skillsx.errors import SkillsxError
    from skillsx.store import schema
    from skillsx.store.accounts import list_users, set_role

    admin = new_user(built_store, "admin")
    with built_store.begin() as conn:
        me = next(u for u in list_users(conn) if u.email == admin)
        # Only this admin stays active.
        conn.execute(
            update(schema.users)
            .where(schema.users.c.role == "admin", schema.users.c.id != me.id)
            .values(active=False)
        )
    with built_store.begin() as conn:
        with pytest.raises(SkillsxError, match="only admin"):
            set_role(conn, me, me.id, "viewer")


def test_api_exports_link_to_the_public_address(built_store: Engine) -> None:
    from skillsx.config import Settings
    from skillsx.web import create_app
    from tests.web_support import SOC, TestClient

    url = built_store.url.render_as_string(hide_password=False)
    settings = Settings(database_url=url, public_url="https://skills.example.org")
    app = create_app(settings, engine=built_store, build_ttl=0)
    with TestClient(app) as client:
        body = client.get(f"/api/v1/occupations/{SOC}/framework", params={"format": "ctdl-asn"})
    assert body.status_code == 200
    assert "https://skills.example.org/" in body.text and "localhost:8000" not in body.text
