"""Export of an imported framework, in the format it came in."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from skillsx.errors import ExportError
from skillsx.export.case import case_bytes
from skillsx.export.json_v1 import SCHEMA_VERSION

#: The formats an imported framework of each kind can be written in.
EXTERNAL_FORMATS = {"json-1.0": ("json-1.0",), "case": ("case",)}


def export_external(
    kind: str, document: dict[str, Any], format: str, *, now: datetime | None = None
) -> bytes:
    """Write an imported framework back out; the same file in, the same file out."""
    if format not in EXTERNAL_FORMATS.get(kind, ()):
        allowed = ", ".join(EXTERNAL_FORMATS.get(kind, ())) or "none"
        raise ExportError(
            f"An imported {kind} framework exports only as its own format ({allowed}), "
            f'not "{format}".'
        )
    if kind == "case":
        return case_bytes(document)
    data = dict(document)
    if kind == "json-1.0":
        assert data["schemaVersion"] == SCHEMA_VERSION
        moment = (now or datetime.now(UTC)).astimezone(UTC)
        data["exportedAt"] = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode()
