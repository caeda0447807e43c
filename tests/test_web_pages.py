"""Server-rendered pages: home, search, the occupation page and its sections, records."""

from __future__ import annotations

import re
from typing import Any

import pytest
from markupsafe import escape
from sqlalchemy import Engine

from skillsx.export import FORMATS, filename
from skillsx.store.builds import get_build
from skillsx.web.context import occupation_context
from skillsx.web.deps import AppState
from skillsx.web.html import render_string
from tests.web_support import SOC, make_client


@pytest.fixture()
def client(built_store: Engine):
    with make_client(built_store) as c:
        yield c


def _headings(html: str) -> list[tuple[int, str]]:
    return [
        (int(level), re.sub(r"<[^>]+>", "", text).strip())
        for level, text in re.findall(r"<h([1-6])[^>]*>(.*?)</h\1>", html, re.S)
    ]


def test_home_has_search_and_browse(client) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert '<label for="q">Job title</label>' in r.text
    assert 'href="/occupations?group=11">Management</a>' in r.text
    assert 'href="/occupations?job_zone=4">Job Zone 4 · Considerable Preparation</a>' in r.text


def test_security_headers(client) -> None:
    r = client.get("/")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert r.headers["x-frame-options"] == "DENY"
    csp = r.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp


def test_search_page_finds_alternate_title(client) -> None:
    r = client.get("/search", params={"q": "BD Manager"})
    assert r.status_code == 200
    first = re.search(r'<ol class="results">\s*<li><a href="([^"]+)">([^<]+)</a>', r.text)
    assert first and first.groups() == (f"/occupations/{SOC}", "Sales Managers")
    assert "matched “BD Manager (Business Development Manager)”" in r.text


def test_browse_by_group(client) -> None:
    r = client.get("/occupations", params={"group": "41"})
    assert r.status_code == 200
    assert "<h1>Sales &amp; Related</h1>" in r.text
    assert 'href="/occupations/41-3091.00"' in r.text


def test_occupation_page_sections_in_order(client) -> None:
    r = client.get(f"/occupations/{SOC}")
    assert r.status_code == 200
    html = r.text
    heads = _headings(html)
    assert heads[0] == (1, "Sales Managers")
    h2 = [t for level, t in heads if level == 2]
    assert h2 == [
        "Context covered",
        "Proficiency framework",
        "AI use by level",
        "Evidence pack",
        "Durable skills",
        "O*NET enrichment",
        "Career pathways",  # career moves (issue 12; skillsx.web.moves)
        "Sources",
    ]
    levels = [t for level, t in heads if level == 3][:4]
    assert levels == [
        "Emerging Entry / Apprentice",
        "Developing Mid-level / Established",
        "Proficient Senior / Expert IC",
        "Advanced Lead / Principal / Executive",
    ]
    # Heading levels never skip (h1 → h2 → h3).
    for (a, _), (b, _) in zip(heads, heads[1:], strict=False):
        assert b <= a + 1
    assert "<span>SOC 11-2022.00</span>" in html
    assert "Job Zone 4 · Considerable Preparation" in html
    assert len(re.findall(r'<li id="s-(emerging|developing|proficient|advanced)-\d+">', html)) == 40
    for name in FORMATS:
        assert f'?format={name}" download="{filename(SOC, name)}"' in html
    assert "This product includes information from the O*NET 30.1 Database" in html
    assert "Used under the CC BY 4.0 license." in html
    # Skills and Knowledge come from the 29.x extra release and say so.
    assert "O*NET Database (Skills and Knowledge)</a> 29.x (CC BY 4.0)" in html


def test_missing_sections_say_so(client, built_store: Engine) -> None:
    with built_store.connect() as conn:
        page = occupation_context(conn, get_build(conn), SOC)
    html = client.get(f"/occupations/{SOC}").text
    for key, heading in [("ai_use", "ai-h"), ("evidence", "evidence-h"), ("durable", "durable-h")]:
        section = html.split(f'id="{heading}"', 1)[1].split("</section>", 1)[0]
        if page[key] is None:
            assert "Not available in this build." in section


def test_sections_render_when_present(client) -> None:
    state: AppState = client.app.state.skillsx
    page = client.get(f"/api/v1/occupations/{SOC}").json()
    cite = {"task_id": 2, "task_text": "<b>Task</b>", "pct": 0.5, "aei_release": "2025-02-10"}
    page["ai_use"] = {
        "note": "",
        "levels": [
            {
                "key": "emerging",
                "label": "Emerging",
                "band": "Entry / Apprentice",
                "statements": [
                    {
                        "id": "ai-emerging-1",
                        "subject": "Drafting <replies>",
                        "action": "uses an assistant.",
                        "chips": [
                            {
                                "kind": "aei",
                                "id": "2",
                                "label": "AEI 2025-02-10",
                                "title": cite["task_text"],
                                "href": f"/occupations/{SOC}/records/aei/2",
                            }
                        ],
                        "suggest_href": None,
                    }
                ],
            }
        ],
    }
    page["evidence"] = {
        "figures": [_figure("share", "AEI usage share", True, "0.12%")],
        "top_tasks": [],
        "interactions": [_figure("auto", "Automation", False, "")],
    }
    page["durable"] = {"framework": "our own", "domains": []}
    page["enrichment"] = {
        "sections": [
            {
                "key": "skills",
                "label": "O*NET skills",
                "source": "O*NET 29.x",
                "available": True,
                "note": "",
                "items": [{"label": "Speaking", "id": "2.A.1.d", "detail": None}],
            }
        ]
    }
    html = render_string(state, "occupation.html", _page_globals(page))
    assert "Drafting &lt;replies&gt;" in html
    assert 'title="&lt;b&gt;Task&lt;/b&gt;"' in html
    assert "0.12%" in html and "Unavailable" in html
    assert "Speaking" in html and "Not available in this build." not in html


def _figure(key: str, label: str, available: bool, display: str) -> dict[str, Any]:
    return {
        "key": key,
        "label": label,
        "value": None,
        "display": display,
        "available": available,
        "scope": "occupation",
        "source": "Anthropic Economic Index",
        "release": "2025-02-10",
        "note": "",
    }


def _page_globals(page: dict[str, Any]) -> dict[str, Any]:
    return {**page, "user": None, "csrf_token": lambda: "", "path": "/"}


def test_chip_opens_record_and_leads_back(client) -> None:
    html = client.get(f"/occupations/{SOC}").text
    href = re.search(r'<a class="chip chip-task" href="([^"]+)"', html).group(1)
    assert href.startswith(f"/occupations/{SOC}/records/task/")
    record = client.get(href.replace("&amp;", "&"))
    assert record.status_code == 200
    assert '<a class="back" href="/occupations/11-2022.00#s-emerging-1">Back to framework</a>' in (
        record.text
    )
    assert "Statements citing this record" in record.text
    assert "Source: O*NET 30.1 Database (CC BY 4.0)" in record.text


def test_unknown_record_is_404_page(client) -> None:
    r = client.get(f"/occupations/{SOC}/records/task/999999")
    assert r.status_code == 404
    assert "<h1>Not found</h1>" in r.text
    assert "11-2022.00 has no Task record &#34;999999&#34;." in r.text
    assert "Traceback" not in r.text


def test_progression_follows_themes(client) -> None:
    r = client.get(f"/occupations/{SOC}/progression")
    assert r.status_code == 200
    assert "Back to framework" in r.text
    assert r.text.count('<section class="theme"') >= 5


def test_occupation_without_tasks_explains(client) -> None:
    r = client.get("/occupations/15-1299.00")
    assert r.status_code == 200
    assert '<h2 id="why-h">No framework for this occupation</h2>' in r.text
    assert "has no task data" in r.text
    assert 'href="/occupations/15-1299.08"' in r.text


def test_unknown_page_is_html_404(client) -> None:
    r = client.get("/occupations/99-9999.00")
    assert r.status_code == 404
    assert r.headers["content-type"] == "text/html; charset=utf-8"
    assert "No occupation &#34;99-9999.00&#34;" in r.text


def test_about_lists_licences(client) -> None:
    r = client.get("/about")
    assert r.status_code == 200
    assert "Licence: CC BY 4.0." in r.text
    assert "Licence: Public domain." in r.text
    assert "USDOL/ETA" in r.text


def test_phone_viewport_and_skip_link(client) -> None:
    html = client.get(f"/occupations/{SOC}").text
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert '<a class="skip" href="#main">Skip to content</a>' in html
    assert '<html lang="en">' in html


def test_a_complete_composed_page_renders(client, built_store: Engine) -> None:
    """Every section of a page composed by the real composers renders, escaped, in order."""
    enrichment = pytest.importorskip("skillsx.compose.enrichment")
    from skillsx.models import Framework
    from skillsx.store.builds import get_document
    from skillsx.store.evidence import get_ai_evidence
    from skillsx.store.queries import get_brief
    from skillsx.web.context import document_context

    with built_store.connect() as conn:
        build = get_build(conn)
        doc = get_document(conn, SOC)
        brief = get_brief(conn, SOC)
        framework = Framework.model_validate(doc["framework"])
        page = enrichment.compose_page(brief, framework, get_ai_evidence(conn, SOC))
    dumped = page.model_dump(mode="json")
    for key in ("durable", "ai_use", "evidence", "enrichment", "sources"):
        doc[key] = dumped[key]
    context = document_context(doc, brief, build)
    state: AppState = client.app.state.skillsx
    html = render_string(state, "occupation.html", _page_globals(context))
    assert "Not available in this build." not in html
    assert html.count('class="chip chip-aei"') >= len(page.ai_use.statements) or not (
        page.ai_use.has_aei
    )
    assert html.count('<details class="domain"') == len(page.durable.domains) == 10
    for figure in page.evidence.figures:
        assert str(escape(figure.label)) in html
    for section in page.enrichment.sections:
        assert f'id="en-{section.key}"' in html
    for credit in page.sources:
        assert str(escape(credit.name)) in html
    if page.ai_use.has_aei:
        from skillsx.web.context import _aei_record

        cited = page.ai_use.statements[0].evidence[0]
        record = _aei_record(context, str(cited.task_id), brief)
        assert record is not None
        assert record["title"] == f"AEI usage of task {cited.task_id}"
        assert record["related"] == [("task", str(cited.task_id), "The O*NET task")]


@pytest.mark.parametrize(
    "path",
    ["/", f"/occupations/{SOC}", "/search?q=sales+manager", "/occupations?group=11", "/about"],
)
def test_head_of_a_page_gives_the_get_headers_without_a_body(client, path: str) -> None:
    routed = client.head(path)
    got = client.get(path)
    cached = client.head(path)  # the occupation page is now served from the build cache
    assert got.status_code == 200
    assert got.headers["content-type"] == "text/html; charset=utf-8"
    assert len(got.content) == int(got.headers["content-length"]) > 0
    for head in (routed, cached):
        assert head.status_code == 200
        assert head.content == b""
        for name in ("content-type", "content-length", "content-security-policy"):
            assert head.headers[name] == got.headers[name], name


def test_head_of_a_missing_page_is_a_bodiless_404(client) -> None:
    got = client.get("/no-such-page")
    head = client.head("/no-such-page")
    assert (got.status_code, head.status_code) == (404, 404)
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]


def test_the_page_reads_the_builds_release_and_keeps_its_lookups(
    built_store: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    import skillsx.web.context as context

    with built_store.connect() as conn:
        build = get_build(conn)
        plain = occupation_context(conn, build, SOC)
        asked: list[str | None] = []
        real = context.get_brief

        def spy(conn, soc, release=None, *, cache=None):  # type: ignore[no-untyped-def]
            asked.append(release)
            return real(conn, soc, release, cache=cache)

        monkeypatch.setattr(context, "get_brief", spy)
        lookups: dict[str, object] = {}
        first = occupation_context(conn, build, SOC, lookups)
        again = occupation_context(conn, build, SOC, lookups)
    assert asked == [build.release, build.release]
    assert lookups  # release-wide names were kept for the next page
    assert first == again == plain


def test_search_says_when_a_title_is_listed_under_several_occupations(client) -> None:
    from skillsx.search import TitleIndex, TitleRecord

    state: AppState = client.app.state.skillsx
    records = [
        TitleRecord("15-1252.00", "Software Developers", "title"),
        TitleRecord("15-1252.00", "Project Engineer", "alternate"),
        TitleRecord("15-1299.08", "Computer Systems Engineers/Architects", "title"),
        TitleRecord("15-1299.08", "Project Engineer", "reported"),
        TitleRecord("11-2022.00", "Sales Managers", "title"),
        TitleRecord("11-2022.00", "Sales Project Engineer", "alternate"),
    ]
    state._index = (state.build_key(), TitleIndex.build(records))
    html = client.get("/search", params={"q": "project engineers"}).text
    note = html.split('id="listed-under"', 1)[1].split("</p>", 1)[0]
    assert "as a title of 2 occupations" in note
    items = html.split('<ol class="results">', 1)[1].split("</ol>", 1)[0].split("<li>")[1:]
    socs = [re.findall(r'class="soc">([^<]+)<', item)[0] for item in items]
    marked = {soc for soc, item in zip(socs, items, strict=True) if "lists this title" in item}
    assert marked == {"15-1252.00", "15-1299.08"}  # not Sales Managers, which also matched
    assert len(items) == 3
    html = client.get("/search", params={"q": "sales managers"}).text
    assert 'id="listed-under"' not in html  # one occupation lists it: nothing to say
