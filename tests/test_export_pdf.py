"""PDF: a paginated A4 document with a header and footer on every page (text read by poppler)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import Engine

from skillsx.export import export_document
from skillsx.export.pdf import render_html
from skillsx.store.builds import get_document

from .conftest import framework_only
from .test_export_sections import full_document

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils is installed by .ci/run"
)


def _pages(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return out.split("\f")[:-1]


def test_pages_have_header_and_footer(built_store: Engine, tmp_path: Path) -> None:
    with built_store.connect() as conn:
        doc = full_document(get_document(conn, "11-2022.00"))
    pdf = export_document("pdf", doc, "v.26.11")
    assert pdf.startswith(b"%PDF-")
    pages = _pages(pdf, tmp_path)
    assert len(pages) >= 3
    for n, page in enumerate(pages, 1):
        lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
        assert lines[0].startswith("Sales Managers · 11-2022.00")
        assert lines[0].endswith("Proficiency framework v.26.11")
        assert lines[-1].startswith("Skills Exchange · O*NET 30.1 (CC BY 4.0)")
        assert lines[-1].endswith(f"Page {n} of {len(pages)}")
    text = " ".join(" ".join(p.split()) for p in pages)
    for heading in (
        "Proficiency framework",
        "AI use by level",
        "Evidence pack",
        "Durable skills",
        "O*NET enrichment",
        "Sources",
    ):
        assert heading in text


def test_html_escapes_and_skips_absent_sections(built_store: Engine) -> None:
    with built_store.connect() as conn:
        doc = framework_only(conn, "11-2022.00")
    doc["framework"]["context_covered"] = "Covers <script>alert(1)</script> & more."
    html = render_html(doc, "v.26.11")
    assert "Covers &lt;script&gt;alert(1)&lt;/script&gt; &amp; more." in html
    assert "<h2>AI use by level</h2>" not in html
    assert html.count("<li><strong>") == 40
