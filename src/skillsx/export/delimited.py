"""CSV: one row per statement of every statement section (framework, AI use, durable skills).

A cell that starts like a formula (``=``, ``+``, ``-``, ``@``, tab, CR: text a curator's accepted
correction can carry) is written after a single quote, as OWASP recommends against CSV
injection, so a spreadsheet shows it as text instead of running it."""

from __future__ import annotations

import csv
import io
from typing import Any

from skillsx.export.sections import COLUMNS, is_formula_like, read_page, statement_rows


def export_csv(document: dict[str, Any], build_version: str) -> bytes:
    """Write one stored page document as CSV (UTF-8 with BOM so spreadsheets read the dashes)."""
    del build_version  # the rows carry no version; the file name does
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(
        {key: "'" + value if is_formula_like(value) else value for key, value in row.items()}
        for row in statement_rows(read_page(document))
    )
    return ("\ufeff" + buffer.getvalue()).encode()
