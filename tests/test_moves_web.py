"""Career moves on the site, in the API and from the CLI, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from skillsx.cli.main import app as cli

from .web_support import make_client

RETAIL, SALES_MANAGERS, NURSES = "41-2031.00", "11-2022.00", "29-1141.00"
runner = CliRunner()


@pytest.fixture(scope="module")
def client(built_store: Engine):  # type: ignore[no-untyped-def]
    return make_client(built_store)


def test_compare_api(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get(f"/api/v1/compare?from={RETAIL}&to={SALES_MANAGERS}")
    assert r.status_code == 200
    data = r.json()
    assert data["from"]["soc"] == RETAIL and data["to"]["soc"] == SALES_MANAGERS
    assert 0 < data["score"]["value"] < 1
    assert [c["key"] for c in data["score"]["components"]][:2] == ["tasks", "activities"]
    assert data["coverage"]["totals"]["statements"] == 40
    assert len(data["gaps"]) == 3

    r = client.get(f"/api/v1/compare?from={RETAIL}&to={RETAIL}")
    assert r.status_code == 200 and r.json()["gaps"] == []
    r = client.get(f"/api/v1/compare?from={RETAIL}&to=99-9999.00")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    r = client.get(f"/api/v1/compare?from={RETAIL}&to=<script>")
    assert r.status_code == 422 and r.json()["error"]["message"].startswith("to: ")
    assert client.get(f"/api/v1/compare?from={RETAIL}").status_code == 422


def test_similar_and_pathways_api(client) -> None:  # type: ignore[no-untyped-def]
    r = client.get(f"/api/v1/occupations/{NURSES}/similar?limit=3")
    assert r.status_code == 200
    results = r.json()["results"]
    assert len(results) == 3
    assert set(results[0]) >= {"soc", "title", "score", "shared", "components", "compare"}
    assert results[0]["compare"] == f"/compare?from={NURSES}&to={results[0]['soc']}"
    assert client.get(f"/api/v1/occupations/{NURSES}/similar?limit=0").status_code == 422
    r = client.get("/api/v1/occupations/15-1299.00/similar")
    assert r.status_code == 404 and "with task data" in r.json()["error"]["message"]

    r = client.get(f"/api/v1/occupations/{RETAIL}/pathways")
    assert r.status_code == 200
    data = r.json()
    assert data["job_zone"] == 2 and set(data) >= {"next_steps", "lateral", "feeders"}
    assert all(x["job_zone"] > 2 for x in data["next_steps"] if "supervises" not in x["reason"])
    # The occupation's page context (and its JSON) carries the same pathways.
    page = client.get(f"/api/v1/occupations/{RETAIL}").json()
    assert page["pathways"]["next_steps"] == data["next_steps"]


def test_compare_page_and_picking_by_title(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get(f"/occupations/{RETAIL}").text
    assert 'id="moves"' in html and "Career pathways" in html and "Compare with…" in html
    assert f'name="from" value="{RETAIL}"' in html
    assert f'href="/compare?from={RETAIL}&amp;to={SALES_MANAGERS}"' in html

    r = client.get(f"/compare?from={RETAIL}&q=sales+manager")
    assert r.status_code == 200
    assert f'href="/compare?from={RETAIL}&amp;to={SALES_MANAGERS}"' in r.text
    r = client.get(f"/compare?from={RETAIL}&q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert r.status_code == 200 and "<script>alert(1)" not in r.text
    assert "&lt;script&gt;alert(1)" in r.text

    r = client.get(f"/compare?from={RETAIL}&to={SALES_MANAGERS}")
    assert r.status_code == 200
    score = client.get(f"/api/v1/compare?from={RETAIL}&to={SALES_MANAGERS}").json()["score"]
    assert f"{score['value']:.2f}" in r.text
    assert "The three biggest gaps" in r.text and "level by level" in r.text
    assert client.get("/compare?from=nope&to=x").status_code == 422
    r = client.get(f"/compare?from={RETAIL}&to=99-9999.00")
    assert r.status_code == 404 and "<!doctype html>" in r.text


def test_cli_compare_similar_pathways(built_store: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    url = built_store.url.render_as_string(hide_password=False)
    monkeypatch.setenv("SKILLSX_DATABASE_URL", url)
    result = runner.invoke(cli, ["compare", RETAIL, SALES_MANAGERS])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        f"From Retail Salespersons ({RETAIL}) to Sales Managers ({SALES_MANAGERS})"
    )
    assert "Transferability score: " in result.output and "Biggest gaps:" in result.output
    result = runner.invoke(cli, ["compare", RETAIL, SALES_MANAGERS, "--format", "json"])
    data = json.loads(result.output)
    assert data["to"]["soc"] == SALES_MANAGERS and data["coverage"]["totals"]["statements"] == 40

    result = runner.invoke(cli, ["compare", RETAIL, "41-2031"])
    assert result.exit_code == 1
    assert '"41-2031" is not an O*NET-SOC code' in result.output
    result = runner.invoke(cli, ["compare", RETAIL, "99-9999.00"])
    assert result.exit_code == 1
    assert result.output.startswith('Error: No occupation "99-9999.00" in O*NET 30.1.')
    result = runner.invoke(cli, ["compare", RETAIL, NURSES, "--format", "xml"])
    assert result.exit_code == 1 and '--format "xml" is not text or json' in result.output

    result = runner.invoke(cli, ["similar", NURSES, "--limit", "2"])
    assert result.exit_code == 0, result.output
    assert (
        result.output.splitlines()[0]
        == f"Closest moves from Registered Nurses ({NURSES}), O*NET 30.1:"
    )
    assert len([ln for ln in result.output.splitlines() if ln.startswith(("  1.", "  2."))]) == 2
    result = runner.invoke(cli, ["pathways", RETAIL, "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.output)["soc"] == RETAIL
    result = runner.invoke(cli, ["pathways", "15-1299.00"])
    assert result.exit_code == 1 and "with task data" in result.output


def test_a_served_site_builds_the_index_in_a_child(built_store: Engine) -> None:
    from skillsx.moves import build_index
    from skillsx.web.moves import _from_child

    url = built_store.url.render_as_string(hide_password=False)
    child = _from_child(url, "30.1")
    assert child is not None
    with built_store.connect() as conn:
        here = build_index(conn)
    assert child.index.socs == here.index.socs
    assert list(child.index.scores_from(NURSES)) == list(here.index.scores_from(NURSES))
    assert _from_child("sqlite:////nonexistent/dir/x.db", "30.1") is None
