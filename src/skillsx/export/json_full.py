"""The full JSON of an occupation page (``export/schemas/framework-full.schema.json``).

Everything the page shows, as data: the framework (the ``Framework`` model as is), its themes,
every O*NET record the page cites, durable skills, AI use, the evidence pack, the O*NET
enrichment and the sources. Statements carry their composed ``text`` beside their parts.
"""

from __future__ import annotations

from typing import Any

from skillsx.errors import ExportError
from skillsx.models import OccupationPage

FORMAT = "skillsx-framework-full"
FORMAT_VERSION = "1.0"


def _with_text(items: list[dict[str, Any]], first: str, second: str) -> list[dict[str, Any]]:
    return [{**item, "text": f"{item[first]} — {item[second]}"} for item in items]


def export_json_full(page: OccupationPage | dict[str, Any]) -> dict[str, Any]:
    """Write one occupation page as the full JSON document."""
    if isinstance(page, dict):
        soc = page.get("soc", "the page")
        try:
            page = OccupationPage.model_validate(page)
        except ValueError as exc:
            raise ExportError(f"{soc} is not a complete occupation page: {exc}") from None
    framework = page.framework.model_dump(mode="json")
    framework["statements"] = _with_text(framework["statements"], "subject", "action")
    durable = page.durable.model_dump(mode="json")
    for domain in durable["domains"]:
        domain["statements"] = _with_text(domain["statements"], "title", "behaviour")
    ai_use = page.ai_use.model_dump(mode="json")
    ai_use["statements"] = _with_text(ai_use["statements"], "subject", "action")

    # Every cited record once, with how many statements of each part cite it.
    anchors: dict[tuple[str, str], dict[str, Any]] = {}
    parts = (
        ("framework", page.framework.statements),
        ("durable", [s for d in page.durable.domains for s in d.statements]),
        ("ai_use", page.ai_use.statements),
    )
    for part, statements in parts:
        for statement in statements:
            for a in statement.anchors:
                entry = anchors.setdefault(
                    (a.kind, a.id),
                    {"kind": a.kind, "id": a.id, "release": a.release, "cited_by": {}},
                )
                entry["cited_by"][part] = entry["cited_by"].get(part, 0) + 1
    themes = [
        {
            **theme.model_dump(mode="json"),
            "statements": sum(s.theme == theme.id for s in page.framework.statements),
        }
        for theme in page.framework.themes
    ]
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "soc": page.soc,
        "title": page.title,
        "release": page.release,
        "framework": framework,
        "themes": themes,
        "anchors": list(anchors.values()),
        "durable": durable,
        "ai_use": ai_use,
        "evidence": page.evidence.model_dump(mode="json"),
        "enrichment": page.enrichment.model_dump(mode="json"),
        "sources": [s.model_dump(mode="json") for s in page.sources],
    }
