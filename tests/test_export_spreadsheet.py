"""XLSX: one sheet per section, styled and frozen header, auto filter, column widths."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from sqlalchemy import Engine

from skillsx.export import FORMATS, export_document
from skillsx.store.builds import get_document

from .conftest import framework_only
from .test_export_sections import full_document


def test_framework_only(built_store: Engine) -> None:
    with built_store.connect() as conn:
        doc = framework_only(conn, "11-2022.00")
    wb = load_workbook(io.BytesIO(export_document("xlsx", doc, "v.26.11")))
    assert wb.sheetnames == ["About", "Framework"]
    ws = wb["Framework"]
    assert [c.value for c in ws[1]] == [
        "soc",
        "title",
        "section",
        "domain",
        "level",
        "order",
        "subject",
        "action",
        "anchors",
        "citations",
    ]
    assert ws.max_row == 41
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:J41"
    header = ws["A1"]
    assert header.font.bold and header.fill.fgColor.rgb == "001F4E79"
    assert ws.column_dimensions["A"].width == 12  # "11-2022.00" + 2
    assert ws.column_dimensions["H"].width == 80  # long actions are capped
    assert ws["F2"].value == 1  # order stays a number
    about = {row[0].value: row[1].value for row in wb["About"].iter_rows()}
    assert about["framework version"] == "v.26.11" and about["job zone"] == 4
    assert wb.properties.creator == "Skills Exchange"
    assert FORMATS["xlsx"].extension == "xlsx"


def test_all_sections(built_store: Engine) -> None:
    with built_store.connect() as conn:
        doc = full_document(get_document(conn, "11-2022.00"))
    wb = load_workbook(io.BytesIO(export_document("xlsx", doc, "v.26.11")))
    assert wb.sheetnames == [
        "About",
        "Framework",
        "AI use",
        "Durable skills",
        "Evidence",
        "Enrichment",
    ]
    assert wb["Durable skills"].max_row == 5
    assert [c.value for c in wb["Evidence"][3]][4] == "unavailable: too few tasks"
    assert wb["Enrichment"]["H3"].value == "Not in this release."
    for ws in wb.worksheets[1:]:
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
