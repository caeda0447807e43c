"""PDF: a paginated A4 document with a header and footer on every page (text read by poppler)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import Engine

from skillsx.export import export_document
from skillsx.export.pdf import layout, printable
from skillsx.export.sections import read_page
from skillsx.export.typeset import Block
from skillsx.store.builds import get_document

from .conftest import framework_only
from .test_export_sections import full_document

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils is installed by .ci/run"
)
SECTIONS = (
    "Proficiency framework",
    "AI use by level",
    "Evidence pack",
    "Durable skills",
    "O*NET enrichment",
    "Sources",
)


def pdf_pages(pdf: bytes, tmp_path: Path) -> list[str]:
    """The text of each page, as poppler's pdftotext lays it out."""
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return out.split("\f")[:-1]


def check_running_lines(pages: list[str], title: str, soc: str, version: str) -> None:
    """Every page starts with the running header and ends with the footer and page count."""
    for n, page in enumerate(pages, 1):
        lines = [ln.strip() for ln in page.splitlines() if ln.strip()]
        assert lines[0].startswith(f"{title} · {soc}"), lines[0]
        assert lines[0].endswith(f"Proficiency framework {version}"), lines[0]
        assert lines[-1].startswith("Skills Exchange · O*NET 30.1 (CC BY 4.0)"), lines[-1]
        assert lines[-1].endswith(f"Page {n} of {len(pages)}"), lines[-1]


@needs_poppler
def test_pages_have_header_and_footer(built_store: Engine, tmp_path: Path) -> None:
    with built_store.connect() as conn:
        doc = full_document(get_document(conn, "11-2022.00"))
    pdf = export_document("pdf", doc, "v.26.11")
    assert pdf.startswith(b"%PDF-")
    pages = pdf_pages(pdf, tmp_path)
    assert len(pages) >= 3
    check_running_lines(pages, "Sales Managers", "11-2022.00", "v.26.11")
    text = " ".join(" ".join(p.split()) for p in pages)
    positions = [text.index(heading) for heading in SECTIONS]
    assert positions == sorted(positions)
    statement = doc["framework"]["statements"][0]
    assert f"{statement['subject']} — {statement['action']}" in text
    # Same page document and build: the same bytes (no creation date, no random file id).
    assert export_document("pdf", doc, "v.26.11") == pdf


@needs_poppler
def test_absent_sections_are_left_out(built_store: Engine, tmp_path: Path) -> None:
    with built_store.connect() as conn:
        doc = framework_only(conn, "11-2022.00")
    doc["framework"]["context_covered"] = "Covers <b>bold</b> & more."
    text = " ".join(
        " ".join(p.split()) for p in pdf_pages(export_document("pdf", doc, "v.26.11"), tmp_path)
    )
    assert "Context covered: Covers <b>bold</b> & more." in text
    assert "Proficiency framework" in text and "Sources" in text
    for heading in ("AI use by level", "Evidence pack", "Durable skills", "O*NET enrichment"):
        assert heading not in text


def test_layout_blocks(built_store: Engine) -> None:
    with built_store.connect() as conn:
        page = read_page(framework_only(conn, "11-2022.00"))
    blocks = layout(page, "v.26.11")
    items = [b for b in blocks if isinstance(b, Block) and b.bullet.endswith(".")]
    assert len(items) == 40
    assert [b.bullet for b in items[:10]] == [f"{n}." for n in range(1, 11)]
    first = page.framework.level(page.framework.statements[0].level)[0]
    assert [(r.font.name, r.text) for r in items[0].runs[:2]] == [
        ("Helvetica-Bold", first.subject),
        ("Helvetica", f" — {first.action}"),
    ]
    headings = [b.runs[0].text for b in blocks if isinstance(b, Block) and b.keep_with_next]
    assert headings[0] == "Proficiency framework"
    assert headings[1] == "Emerging — Entry / Apprentice"


def test_printable() -> None:
    assert printable("Café — ® © – … · ’") == "Café — ® © – … · ’"
    assert printable("μ ≥ 5 ✓") == "? ? 5 ?"
