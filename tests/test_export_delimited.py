"""CSV: one row per statement, exact header, UTF-8 with BOM, other sections when present."""

from __future__ import annotations

import csv
import io
from typing import Any

from sqlalchemy import Engine

from skillsx.export import FORMATS, export_document
from skillsx.store.builds import get_document

from .conftest import framework_only
from .test_export_sections import full_document

HEADER = "soc,title,section,domain,level,order,subject,action,anchors,citations"


def _rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_framework_rows(built_store: Engine) -> None:
    with built_store.connect() as conn:
        doc: dict[str, Any] = framework_only(conn, "11-2022.00")
    data = export_document("csv", doc, "v.26.11")
    assert data.decode("utf-8-sig").split("\r\n")[0] == HEADER
    rows = _rows(data)
    assert len(rows) == 40
    statement = doc["framework"]["statements"][0]
    assert rows[0] == {
        "soc": "11-2022.00",
        "title": "Sales Managers",
        "section": "framework",
        "domain": doc["framework"]["themes"][0]["label"],
        "level": "Emerging",
        "order": "1",
        "subject": statement["subject"],
        "action": statement["action"],
        "anchors": "; ".join(f"{a['kind']}:{a['id']}" for a in statement["anchors"]),
        "citations": "",
    }
    assert [r["level"] for r in rows[::10]] == ["Emerging", "Developing", "Proficient", "Advanced"]
    assert FORMATS["csv"].media_type == "text/csv; charset=utf-8"


def test_all_sections(built_store: Engine) -> None:
    with built_store.connect() as conn:
        doc = full_document(get_document(conn, "11-2022.00"))
    rows = _rows(export_document("csv", doc, "v.26.11"))
    assert [r["section"] for r in rows].count("framework") == 40
    assert [(r["section"], r["level"], r["citations"]) for r in rows[40:42]] == [
        ("ai_use", "Emerging", "AEI 2025 task 2 (0.0123%)"),
        ("durable", "Emerging", "Durable Skills"),
    ]
