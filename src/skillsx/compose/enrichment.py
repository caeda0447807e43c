"""O*NET enrichment: the occupation's records beside its statements, and how many they cite.

Every section says where its rows come from; an empty section says why it is empty, from the
brief's ``absent`` reasons (e.g. "not in this release (O*NET 30.1 has no Abilities.txt)").
"""

from __future__ import annotations

from collections.abc import Iterable

from skillsx.compose.ai_use import compose_ai_use
from skillsx.compose.durable import compose_durable
from skillsx.compose.evidence import compose_evidence
from skillsx.compose.sources import compose_sources
from skillsx.models import (
    AiEvidence,
    AiUse,
    Anchor,
    Brief,
    DurableSkills,
    Enrichment,
    EnrichmentItem,
    EnrichmentSection,
    Framework,
    OccupationPage,
    RatedElement,
    WorkStyle,
)

NO_RAPIDS = "No apprenticeship data: O*NET's RAPIDS crosswalk is not part of this release or store."


def cited_anchors(framework: Framework, durable: DurableSkills, ai_use: AiUse) -> list[Anchor]:
    """Distinct O*NET records cited by every statement of the page, in first-cited order."""
    seen: dict[tuple[str, str], Anchor] = {}
    statements: Iterable = [
        *framework.statements,
        *(s for d in durable.domains for s in d.statements),
        *ai_use.statements,
    ]
    for s in statements:
        for a in s.anchors:
            seen.setdefault((a.kind, a.id), a)
    return list(seen.values())


def _section(
    brief: Brief, key: str, label: str, source: str, items: list[EnrichmentItem], note: str = ""
) -> EnrichmentSection:
    if not items and not note:
        note = brief.absent.get(key, "no rows for this occupation")
    return EnrichmentSection(
        key=key, label=label, source=source, available=bool(items), note=note, items=items
    )


def _rated(elements: list[RatedElement]) -> list[EnrichmentItem]:
    def fmt(v: float | None) -> str:
        return "n/a" if v is None else f"{v:.2f}"

    return [
        EnrichmentItem(
            label=e.name,
            id=e.element_id,
            detail=f"importance {fmt(e.importance)} of 5, level {fmt(e.level)} of 7",
        )
        for e in elements
    ]


def _style_detail(w: WorkStyle) -> str | None:
    if w.impact is None:
        return None
    if w.scale == "WI":
        detail = f"impact {w.impact:+.2f} on the -3 to +3 scale"
    else:
        detail = f"importance {w.impact:.2f} of 5"
    if w.distinctiveness_rank:
        detail += f", distinctiveness rank {w.distinctiveness_rank:.0f}"
    return detail


def _release_of(elements: list[RatedElement], brief: Brief, file: str) -> str:
    release = elements[0].release if elements else brief.release
    label = f"O*NET {release} {file}"
    return label if release == brief.release else f"{label} (not {brief.release})"


def compose_enrichment(
    brief: Brief, framework: Framework, durable: DurableSkills, ai_use: AiUse
) -> Enrichment:
    """The enrichment sections of one occupation page."""
    anchors = cited_anchors(framework, durable, ai_use)
    counts: dict[str, int] = {}
    for a in anchors:
        counts[a.kind] = counts.get(a.kind, 0) + 1
    onet = f"O*NET {brief.release}"

    reported = list(dict.fromkeys(brief.reported_titles))
    titles = reported + [t for t in brief.alternate_titles if t not in set(reported)]
    title_items = [
        EnrichmentItem(label=t, detail="reported title" if t in set(reported) else None)
        for t in titles
    ]
    if not titles:
        reason = brief.absent.get("alternate_titles") or brief.absent.get("reported_titles", "")
        related_titles = _section(brief, "related_titles", "Related titles", onet, [], reason)
    else:
        related_titles = _section(
            brief,
            "related_titles",
            "Related titles",
            f"{onet} Sample of Reported Titles and Alternate Titles",
            title_items,
            f"{len(reported)} reported titles first, then {len(titles) - len(reported)} "
            "alternate titles.",
        )

    styles = [
        EnrichmentItem(label=w.name, id=w.element_id, detail=_style_detail(w))
        for w in brief.work_styles
    ]

    categories: dict[int, list] = {}
    for t in brief.technology:
        categories.setdefault(t.commodity_code, []).append(t)
    tech_items = []
    for code, rows in sorted(categories.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        rows = sorted(rows, key=lambda t: (not t.hot, t.example.lower()))
        examples = ", ".join(t.example + (" (hot)" if t.hot else "") for t in rows)
        tech_items.append(
            EnrichmentItem(label=rows[0].commodity_title, id=str(code), detail=examples)
        )
    hot_items = [
        EnrichmentItem(label=t.example, id=str(t.commodity_code), detail=t.commodity_title)
        for t in brief.technology
        if t.hot
    ]

    cited_tasks = {a.id for a in anchors if a.kind == "task"}
    task_items = [
        EnrichmentItem(label=t.text, id=str(t.id), detail=t.type)
        for t in brief.tasks
        if str(t.id) in cited_tasks
    ]
    sections = [
        related_titles,
        _section(brief, "apprenticeships", "RAPIDS apprenticeships", "O*NET RAPIDS", [], NO_RAPIDS),
        _section(
            brief,
            "skills",
            "O*NET skills",
            _release_of(brief.skills, brief, "Skills"),
            _rated(brief.skills),
        ),
        _section(
            brief,
            "knowledge",
            "Knowledge",
            _release_of(brief.knowledge, brief, "Knowledge"),
            _rated(brief.knowledge),
        ),
        _section(brief, "abilities", "Abilities", f"{onet} Abilities", _rated(brief.abilities)),
        _section(brief, "work_styles", "Work styles", f"{onet} Work Styles", styles),
        _section(brief, "technology", "Technology", f"{onet} Technology Skills", tech_items),
        _section(
            brief,
            "hot_technology",
            "Hot technologies",
            f"{onet} Technology Skills",
            hot_items,
            "" if hot_items else "none of its technologies is marked hot",
        ),
        _section(
            brief,
            "tasks",
            "Tasks used as anchors",
            f"{onet} Task Statements",
            task_items,
            "" if task_items else brief.absent.get("tasks", "no task is cited"),
        ),
        _section(
            brief,
            "cip",
            "CIP education codes",
            "NCES and BLS, CIP 2020 to SOC 2018 Crosswalk",
            [EnrichmentItem(label=c.title, id=c.code) for c in brief.cip],
        ),
        _section(
            brief,
            "related",
            "Related occupations",
            f"{onet} Related Occupations",
            [EnrichmentItem(label=r.title, id=r.soc, detail=r.tier) for r in brief.related],
        ),
    ]
    return Enrichment(
        soc=brief.soc, source_anchors=len(anchors), anchor_counts=counts, sections=sections
    )


def compose_page(brief: Brief, framework: Framework, ai_evidence: AiEvidence) -> OccupationPage:
    """Everything one occupation page shows, around the framework composed for it."""
    durable = compose_durable(brief)
    ai_use = compose_ai_use(brief, ai_evidence)
    return OccupationPage(
        soc=brief.soc,
        title=brief.title,
        release=brief.release,
        framework=framework,
        durable=durable,
        ai_use=ai_use,
        evidence=compose_evidence(brief, ai_evidence),
        enrichment=compose_enrichment(brief, framework, durable, ai_use),
        sources=compose_sources(brief, ai_evidence.aei_release),
    )
