"""The sections of a stored page document as models and as rows, for the tabular/print formats.

The framework is always there; durable skills, AI use, the evidence pack and the enrichment
come with later builds and are skipped cleanly when a document has none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from skillsx.compose.evidence import format_share
from skillsx.models import (
    AiUse,
    Anchor,
    DurableLevel,
    DurableSkills,
    Enrichment,
    EvidencePack,
    Framework,
    Level,
)

#: Columns of the statement rows (CSV, and the statement sheets of the workbook).
COLUMNS = (
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
)


#: How a cell that a spreadsheet would run as a formula starts (OWASP's CSV injection list:
#: = + - @ tab CR, plus their full-width forms, which some spreadsheets also read).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def is_formula_like(value: object) -> bool:
    """Whether a spreadsheet could take this cell (user text, such as an accepted correction)
    for a formula: CSV writes it after a ``'``, XLSX as a string cell."""
    return isinstance(value, str) and value.startswith(FORMULA_START)


@dataclass(frozen=True)
class Page:
    """A stored page document read into models; absent sections are ``None``."""

    soc: str
    title: str
    occupation: dict[str, Any]
    sources: dict[str, Any] | list[Any]
    framework: Framework
    durable: DurableSkills | None
    ai_use: AiUse | None
    evidence: EvidencePack | None
    enrichment: Enrichment | None


def read_page(document: dict[str, Any]) -> Page:
    """Read the sections a stored page document holds."""
    occupation = document["occupation"]

    def optional(key: str, model: Any) -> Any:
        value = document.get(key)
        return None if value is None else model.model_validate(value)

    return Page(
        soc=occupation["soc"],
        title=occupation["title"],
        occupation=occupation,
        sources=document.get("sources") or {},
        framework=Framework.model_validate(document["framework"]),
        durable=optional("durable", DurableSkills),
        ai_use=optional("ai_use", AiUse),
        evidence=optional("evidence", EvidencePack),
        enrichment=optional("enrichment", Enrichment),
    )


def anchor_text(anchors: list[Anchor]) -> str:
    return "; ".join(f"{a.kind}:{a.id}" for a in anchors)


def source_lines(page: Page) -> list[str]:
    """One line per credited source, whichever shape the document stores them in."""
    if isinstance(page.sources, dict):
        return [f"{key}: {value}" for key, value in page.sources.items()]
    lines = []
    for credit in page.sources:
        if isinstance(credit, dict):
            name = credit.get("name") or credit.get("key", "")
            release, licence = credit.get("release", ""), credit.get("licence", "")
            lines.append(f"{name} {release} ({licence})".replace(" ()", "").strip())
    return lines


def statement_rows(page: Page) -> list[dict[str, Any]]:
    """One row per statement of every statement section the page has."""
    base = {"soc": page.soc, "title": page.title}
    themes = {t.id: t.label for t in page.framework.themes}
    rows: list[dict[str, Any]] = []
    for level in Level:
        for s in page.framework.level(level):
            rows.append(
                base
                | {
                    "section": "framework",
                    "domain": themes.get(s.theme, s.theme),
                    "level": level.label,
                    "order": s.order,
                    "subject": s.subject,
                    "action": s.action,
                    "anchors": anchor_text(s.anchors),
                    "citations": "",
                }
            )
    if page.ai_use is not None:
        for level in Level:
            for a in page.ai_use.level(level):
                cites = "; ".join(
                    f"AEI {c.aei_release} task {c.task_id} ({format_share(c.pct)})"
                    for c in a.evidence
                )
                rows.append(
                    base
                    | {
                        "section": "ai_use",
                        "domain": "AI use",
                        "level": level.label,
                        "order": a.order,
                        "subject": a.subject,
                        "action": a.action,
                        "anchors": anchor_text(a.anchors),
                        "citations": cites,
                    }
                )
    if page.durable is not None:
        for domain in sorted(page.durable.domains, key=lambda d: d.rank):
            for dlevel in DurableLevel:
                for d in domain.level(dlevel):
                    rows.append(
                        base
                        | {
                            "section": "durable",
                            "domain": domain.name,
                            "level": dlevel.label,
                            "order": d.order,
                            "subject": d.title,
                            "action": d.behaviour,
                            "anchors": anchor_text(d.anchors),
                            "citations": d.framework,
                        }
                    )
    return rows


#: Columns of the evidence and enrichment tables.
EVIDENCE_COLUMNS = ("soc", "group", "key", "label", "display", "available", "source", "release")
ENRICHMENT_COLUMNS = ("soc", "section", "available", "label", "id", "detail", "source", "note")


def evidence_rows(page: Page) -> list[dict[str, Any]]:
    if page.evidence is None:
        return []
    rows = []
    for group, figures in (("figure", page.evidence.figures), ("ai", page.evidence.interactions)):
        for f in figures:
            rows.append(
                {
                    "soc": page.soc,
                    "group": group,
                    "key": f.key,
                    "label": f.label,
                    "display": f.display if f.available else f"unavailable: {f.note}".strip(),
                    "available": f.available,
                    "source": f.source,
                    "release": f.release,
                }
            )
    for t in page.evidence.top_tasks:
        rows.append(
            {
                "soc": page.soc,
                "group": "top task",
                "key": str(t.task_id),
                "label": t.text,
                "display": format_share(t.share),
                "available": True,
                "source": "Anthropic Economic Index",
                "release": "",
            }
        )
    return rows


def enrichment_rows(page: Page) -> list[dict[str, Any]]:
    if page.enrichment is None:
        return []
    rows = []
    for section in page.enrichment.sections:
        base = {"soc": page.soc, "section": section.label, "available": section.available}
        if not section.items:
            rows.append(
                base
                | {
                    "label": "",
                    "id": "",
                    "detail": "",
                    "source": section.source,
                    "note": section.note,
                }
            )
        for item in section.items:
            rows.append(
                base
                | {
                    "label": item.label,
                    "id": item.id or "",
                    "detail": item.detail or "",
                    "source": section.source,
                    "note": section.note,
                }
            )
    return rows
