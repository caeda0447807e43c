"""Bulk export as a zip download: admins only, every framework of the current build."""

from __future__ import annotations

import io
import json
import zipfile

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
