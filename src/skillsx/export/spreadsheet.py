"""Excel workbook: one sheet per section, styled header, frozen header row, filters, widths.

Every cell holds a value, never a formula: text that starts like one (``=HYPERLINK(…)``,
``@SUM(…)``, ``-2+3``: an accepted correction can say anything) is a string cell marked
"quote prefix", as if typed after ``'``, so editing it in Excel keeps it text."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from skillsx.export.case import changed_at
from skillsx.export.sections import (
    COLUMNS,
    ENRICHMENT_COLUMNS,
    EVIDENCE_COLUMNS,
    enrichment_rows,
    evidence_rows,
    is_formula_like,
    read_page,
    source_lines,
    statement_rows,
)

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
MAX_WIDTH = 80
SHEETS = {
    "framework": "Framework",
    "ai_use": "AI use",
    "durable": "Durable skills",
}


def _sheet(wb: Workbook, title: str, columns: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
    ws = wb.create_sheet(title)
    ws.append(list(columns))
    for cell in ws[1]:
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        cell.alignment = Alignment(vertical="center")
    for row in rows:
        ws.append([row[c] for c in columns])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    for n, column in enumerate(columns, 1):
        longest = max([len(column)] + [len(str(r[column])) for r in rows])
        ws.column_dimensions[get_column_letter(n)].width = min(longest + 2, MAX_WIDTH)


def _values_only(ws: Worksheet) -> None:
    """Turn every cell openpyxl took for a formula back into text (see the module's note)."""
    for row in ws.iter_rows():
        for cell in row:
            if cell.data_type == "f" or is_formula_like(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True


def export_xlsx(document: dict[str, Any], build_version: str) -> bytes:
    """Write one stored page document as an .xlsx workbook."""
    page = read_page(document)
    wb = Workbook()
    about = wb.active
    about.title = "About"
    occ = page.occupation
    for key, value in [
        ("soc", page.soc),
        ("title", page.title),
        ("group", occ.get("group")),
        ("job zone", occ.get("job_zone")),
        ("job zone name", occ.get("job_zone_name")),
        ("framework version", build_version),
        ("context covered", page.framework.context_covered),
        ("engine", page.framework.engine),
        *(("source", line) for line in source_lines(page)),
    ]:
        about.append([key, value])
    about.column_dimensions["A"].width = 20
    about.column_dimensions["B"].width = MAX_WIDTH
    for cell in about["A"]:
        cell.font = Font(bold=True)
    rows = statement_rows(page)
    for section, title in SHEETS.items():
        part = [r for r in rows if r["section"] == section]
        if part:
            _sheet(wb, title, COLUMNS, part)
    if page.evidence is not None:
        _sheet(wb, "Evidence", EVIDENCE_COLUMNS, evidence_rows(page))
    if page.enrichment is not None:
        _sheet(wb, "Enrichment", ENRICHMENT_COLUMNS, enrichment_rows(page))
    # Fixed document times keep two exports of one build byte-identical.
    moment = datetime.fromisoformat(changed_at(build_version)).replace(tzinfo=None)
    wb.properties.created = wb.properties.modified = moment
    wb.properties.creator = "Skills Exchange"
    wb.properties.title = f"{page.title} ({page.soc}) proficiency framework {build_version}"
    for sheet in wb.worksheets:
        _values_only(sheet)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
