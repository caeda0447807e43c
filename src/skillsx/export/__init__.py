"""Export formats: one module per format, registered here by name."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from skillsx.errors import ExportError
from skillsx.export.json_v1 import export_json_v1

Render = Callable[[dict[str, Any], str], bytes]


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    extension: str
    render: Render  # (stored page document, build version) -> file bytes


def _json_bytes(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode()


FORMATS: dict[str, Format] = {
    "json-1.0": Format(
        "json-1.0",
        "application/json",
        "json",
        lambda doc, version: _json_bytes(export_json_v1(doc, version)),
    ),
}


def get_format(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise ExportError(f'Unknown format "{name}"; choose one of: {known}.') from None


def export_document(name: str, document: dict[str, Any], version: str) -> bytes:
    """Render one stored page document in the named format."""
    return get_format(name).render(document, version)


def filename(soc: str, name: str) -> str:
    return f"{soc}.{name}.{get_format(name).extension}"
