"""Markdown: the whole page, section by section; absent sections left out."""

from __future__ import annotations

from sqlalchemy import Engine

from skillsx.export import export_document
from skillsx.store.builds import get_document

from .conftest import framework_only
from .test_export_sections import full_document


def test_framework_page(built_store: Engine) -> None:
    with built_store.connect() as conn:
        doc = framework_only(conn, "11-2022.00")
    text = export_document("md", doc, "v.26.11").decode()
    lines = text.splitlines()
    assert lines[:3] == [
        "# Sales Managers",
        "",
        "O*NET-SOC 11-2022.00 · Job Zone 4 · Considerable Preparation · framework v.26.11",
    ]
    headings = [ln for ln in lines if ln.startswith("#")]
    assert headings == [
        "# Sales Managers",
        "## Proficiency framework",
        "### Emerging — Entry / Apprentice",
        "### Developing — Mid-level / Established",
        "### Proficient — Senior / Expert IC",
        "### Advanced — Lead / Principal / Executive",
        "## Sources",
    ]
    first = doc["framework"]["statements"][0]
    assert f"1. **{first['subject']}** — {first['action']}  " in lines
    assert "- onet: O\\*NET 30.1 Database (CC BY 4.0)" in lines
    assert sum(ln.startswith(("1. ", "10. ")) for ln in lines) == 8


def test_all_sections(built_store: Engine) -> None:
    with built_store.connect() as conn:
        doc = full_document(get_document(conn, "11-2022.00"))
    text = export_document("md", doc, "v.26.11").decode()
    h2 = [ln for ln in text.splitlines() if ln.startswith("## ")]
    assert h2 == [
        "## Proficiency framework",
        "## AI use by level",
        "## Evidence pack",
        "## Durable skills",
        "## O*NET enrichment",
        "## Sources",
    ]
    assert (
        "| Exposure rank | unavailable: too few tasks | Anthropic Economic Index 2025-02-10 |"
        in text
    )
    assert "- Emerging: **Plain reports emerging** — explain sales figures" in text
    assert "- Marketing `52.1401`" in text
    assert "### Apprenticeships\n\nNot in this release." in text
