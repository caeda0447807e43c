"""CSV: one row per statement of every statement section (framework, AI use, durable skills)."""

from __future__ import annotations

import csv
import io
from typing import Any

from skillsx.export.sections import COLUMNS, read_page, statement_rows


def export_csv(document: dict[str, Any], build_version: str) -> bytes:
    """Write one stored page document as CSV (UTF-8 with BOM so spreadsheets read the dashes)."""
    del build_version  # the rows carry no version; the file name does
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(statement_rows(read_page(document)))
    return ("\ufeff" + buffer.getvalue()).encode()
