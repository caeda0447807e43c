"""Context dicts of the occupation views: one dict per view, served as JSON or rendered.

The stored page document is the input; every link, chip label and section state the page
shows is worked out here, so templates only lay it out and the API returns the same dict.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection

from skillsx.errors import NotFound
from skillsx.export import FORMATS, filename
from skillsx.export.json_v1 import ONET_ATTRIBUTION
from skillsx.models import Brief, Level, Technology, Tool
from skillsx.store.builds import BuildInfo, get_document
from skillsx.store.queries import get_brief, list_data_level_neighbours

KIND_LABELS = {
    "task": "Task",
    "dwa": "DWA",
    "element": "Element",
    "technology": "Technology",
    "tool": "Tool",
    "aei": "AEI",
}
JOB_ZONE_NAMES = {
    1: "Little or No Preparation",
    2: "Some Preparation",
    3: "Medium Preparation",
    4: "Considerable Preparation",
    5: "Extensive Preparation",
}
UNAVAILABLE = "Not available in this build."
DURABLE_LEVELS = ("emerging", "developing", "applying", "exceeding")

#: Datasets and the licence wording the site must carry (the about page lists them all).
SOURCES: list[dict[str, str]] = [
    {
        "key": "onet",
        "name": "O*NET Database",
        "licence": "CC BY 4.0",
        "url": "https://www.onetcenter.org/database.html",
        "attribution": ONET_ATTRIBUTION.format(release="30.1"),
    },
    {
        "key": "aei",
        "name": "Anthropic Economic Index",
        "licence": "CC BY 4.0",
        "url": "https://huggingface.co/datasets/Anthropic/EconomicIndex",
        "attribution": "Task-level AI usage from the Anthropic Economic Index (Anthropic).",
    },
    {
        "key": "cip",
        "name": "CIP 2020 to SOC 2018 Crosswalk",
        "licence": "Public domain",
        "url": "https://nces.ed.gov/ipeds/cipcode/resources.aspx?y=56",
        "attribution": "NCES and BLS, CIP 2020 to SOC 2018 Crosswalk.",
    },
    {
        "key": "soc",
        "name": "SOC 2018 structure",
        "licence": "Public domain",
        "url": "https://www.bls.gov/soc/2018/",
        "attribution": (
            "U.S. Bureau of Labor Statistics, Standard Occupational Classification 2018."
        ),
    },
]


def occupation_href(soc: str) -> str:
    return f"/occupations/{soc}"


def record_href(soc: str, kind: str, record_id: str, back: str | None = None) -> str:
    href = f"/occupations/{soc}/records/{kind}/{quote(str(record_id), safe='')}"
    return href + (f"?back={quote(back, safe='')}" if back else "")


def suggest_href(soc: str, target: str) -> str:
    return f"/occupations/{soc}/suggest?target={quote(target, safe='')}"


def record_lookup(brief: Brief) -> dict[tuple[str, str], dict[str, Any]]:
    """Every O*NET record of the occupation a chip can cite, by (kind, id)."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for task in brief.tasks:
        out[("task", str(task.id))] = {
            "title": f"Task {task.id}",
            "text": task.text,
            "detail": f"{task.type or 'Unrated'} task",
            "related": [("dwa", d.id, d.title) for d in task.dwas],
        }
        for d in task.dwas:
            out.setdefault(
                ("dwa", d.id),
                {
                    "title": f"Detailed Work Activity {d.id}",
                    "text": d.title,
                    "detail": f"Intermediate Work Activity {d.iwa_id}: {d.iwa_title}",
                    "related": [("element", d.element_id, d.element_name or d.element_id)],
                },
            )
            out.setdefault(
                ("element", d.element_id),
                {
                    "title": f"Work activity {d.element_id}",
                    "text": d.element_name or d.element_id,
                    "detail": "O*NET content model element",
                    "related": [],
                },
            )
    rated = [
        ("Skill", brief.skills),
        ("Knowledge", brief.knowledge),
        ("Ability", brief.abilities),
        ("Work activity", brief.work_activities),
    ]
    for label, items in rated:
        for e in items:
            out[("element", e.element_id)] = {
                "title": f"{label} {e.element_id}",
                "text": e.name,
                "detail": f"Importance {e.importance}, level {e.level} (O*NET {e.release})",
                "related": [],
            }
    for w in brief.work_styles:
        out[("element", w.element_id)] = {
            "title": f"Work style {w.element_id}",
            "text": w.name,
            "detail": f"{w.scale} {w.impact}",
            "related": [],
        }
    commodities: list[tuple[str, Technology | Tool]] = [
        *(("technology", t) for t in brief.technology),
        *(("tool", t) for t in brief.tools),
    ]
    for kind, t in commodities:
        entry = out.setdefault(
            (kind, str(t.commodity_code)),
            {
                "title": f"{kind.capitalize()} {t.commodity_code}",
                "text": t.commodity_title,
                "detail": "Examples: ",
                "examples": [],
                "related": [],
            },
        )
        entry["examples"].append(t.example)
    for (kind, _), entry in out.items():
        if kind in ("technology", "tool"):
            entry["detail"] = "Examples: " + ", ".join(entry["examples"][:12])
    return out


def _chip(soc: str, anchor: dict[str, Any], lookup: dict, back: str) -> dict[str, Any]:
    kind, rid = anchor["kind"], str(anchor["id"])
    record = lookup.get((kind, rid))
    return {
        "kind": kind,
        "id": rid,
        "release": anchor.get("release"),
        "label": f"{KIND_LABELS.get(kind, kind)} {rid}",
        "title": record["text"] if record else f"{kind} {rid}",
        "href": record_href(soc, kind, rid, back),
    }


def _aei_chip(soc: str, cite: dict[str, Any], back: str) -> dict[str, Any]:
    rid = str(cite["task_id"])
    return {
        "kind": "aei",
        "id": rid,
        "release": cite.get("aei_release"),
        "label": f"AEI {cite.get('aei_release', '')}".strip(),
        "title": f"Anthropic Economic Index: {cite.get('task_text', '')}",
        "href": record_href(soc, "aei", rid, back),
    }


def _statements(soc: str, items: list[dict], lookup: dict, prefix: str) -> list[dict]:
    out = []
    for s in sorted(items, key=lambda s: s["order"]):
        sid = f"{prefix}-{s['level']}-{s['order']}"
        chips = [_chip(soc, a, lookup, sid) for a in s.get("anchors", [])]
        chips += [_aei_chip(soc, c, sid) for c in s.get("evidence", [])]
        subject = s.get("subject") or s.get("title", "")
        action = s.get("action") or s.get("behaviour", "")
        out.append(
            {
                "id": sid,
                "order": s["order"],
                "level": s["level"],
                "theme": s.get("theme"),
                "subject": subject,
                "action": action,
                "text": f"{subject} — {action}",
                "chips": chips,
                "suggest_href": suggest_href(soc, f"statement:{s['level']}:{s['order']}")
                if prefix == "s"
                else None,
            }
        )
    return out


def _levels(soc: str, statements: list[dict], lookup: dict, prefix: str) -> list[dict]:
    return [
        {
            "key": level.value,
            "label": level.label,
            "band": level.band,
            "statements": _statements(
                soc, [s for s in statements if s["level"] == level.value], lookup, prefix
            ),
        }
        for level in Level
    ]


def _sources(doc: dict[str, Any]) -> list[dict[str, str]]:
    raw = doc.get("sources") or {}
    if isinstance(raw, list):
        return [dict(s) for s in raw]
    out = []
    for key, text in sorted(raw.items(), key=lambda kv: (kv[0] != "onet", kv[0])):
        name = text if key == "onet" else f"{key} from {text}"
        out.append({"key": key, "name": name, "licence": "", "attribution": "", "url": ""})
    return out


def _section(doc: dict[str, Any], key: str) -> dict[str, Any] | None:
    value = doc.get(key)
    return value if isinstance(value, dict) else None


def _durable(soc: str, durable: dict | None, lookup: dict) -> dict | None:
    if durable is None:
        return None
    domains = []
    for d in sorted(durable.get("domains", []), key=lambda d: d.get("rank", 0)):
        statements = d.get("statements", [])
        domains.append(
            {
                **{k: v for k, v in d.items() if k != "statements"},
                "count": len(statements),
                "levels": [
                    {
                        "key": lv,
                        "label": lv.capitalize(),
                        "statements": _statements(
                            soc, [s for s in statements if s["level"] == lv], lookup, "d-" + d["id"]
                        ),
                    }
                    for lv in DURABLE_LEVELS
                ],
            }
        )
    return {**{k: v for k, v in durable.items() if k != "domains"}, "domains": domains}


def _ai_use(soc: str, ai: dict | None, lookup: dict) -> dict | None:
    if ai is None:
        return None
    return {
        **{k: v for k, v in ai.items() if k != "statements"},
        "levels": _levels(soc, ai.get("statements", []), lookup, "ai"),
    }


def count_anchors(framework: dict[str, Any]) -> int:
    return len({(a["kind"], str(a["id"])) for s in framework["statements"] for a in s["anchors"]})


def occupation_context(
    conn: Connection, build: BuildInfo, soc: str, lookups: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The occupation view: the page document with links, chips and section states.

    The brief is read from the build's own release (the records its anchors name), not
    whichever release is current now. ``lookups`` keeps that release's names between
    calls (``get_brief``'s cache): a cold page then takes ~30 ms instead of ~110 ms.
    """
    try:
        doc = get_document(conn, soc, build.id)
    except NotFound as missing:
        return no_framework_context(conn, soc, str(missing))
    return document_context(doc, get_brief(conn, soc, build.release, cache=lookups), build)


def document_context(doc: dict[str, Any], brief: Brief, build: BuildInfo) -> dict[str, Any]:
    """The occupation view of one stored page document."""
    soc = brief.soc
    lookup = record_lookup(brief)
    fw = doc["framework"]
    occ = doc["occupation"]
    themes = {t["id"]: t["label"] for t in fw["themes"]}
    levels = _levels(soc, fw["statements"], lookup, "s")
    for level in levels:
        for s in level["statements"]:
            s["theme_label"] = themes.get(s["theme"], s["theme"])
    zone = occ.get("job_zone")
    return {
        "kind": "occupation",
        "occupation": {
            **occ,
            "job_zone_label": f"Job Zone {zone} · {occ['job_zone_name']}" if zone else None,
            "description": fw.get("description", ""),
        },
        "build": {"id": build.id, "version": build.version, "label": build.label},
        "framework": {
            "version": build.version,
            "engine": fw["engine"],
            "release": fw["release"],
            "context_covered": fw["context_covered"],
            "themes": fw["themes"],
            "levels": levels,
            "source_anchors": count_anchors(fw),
        },
        "ai_use": _ai_use(soc, _section(doc, "ai_use"), lookup),
        "evidence": _section(doc, "evidence"),
        "durable": _durable(soc, _section(doc, "durable"), lookup),
        "enrichment": _section(doc, "enrichment"),
        "unavailable": UNAVAILABLE,
        "sources": _sources(doc),
        "attribution": ONET_ATTRIBUTION.format(release=occ["release"]),
        "content_hash": doc.get("content_hash"),
        "exports": [
            {
                "name": f.name,
                "media_type": f.media_type,
                "filename": filename(soc, f.name),
                "href": f"/api/v1/occupations/{soc}/framework?format={quote(f.name)}",
            }
            for f in FORMATS.values()
        ],
        "links": {
            "page": occupation_href(soc),
            "progression": f"{occupation_href(soc)}/progression",
            "api": f"/api/v1/occupations/{soc}",
            "framework": f"/api/v1/occupations/{soc}/framework",
            "suggest_onet": suggest_href(soc, "record:occupation:" + soc),
        },
    }


def no_framework_context(conn: Connection, soc: str, reason: str) -> dict[str, Any]:
    """An occupation without a framework: why, and where its work is described instead."""
    brief = get_brief(conn, soc)  # NotFound when the code is not in the release
    related = [
        {"soc": o.soc, "title": o.title, "href": occupation_href(o.soc)}
        for o in list_data_level_neighbours(conn, soc)[:12]
    ]
    related_ids = {r["soc"] for r in related}
    related += [
        {"soc": r.soc, "title": r.title, "href": occupation_href(r.soc)}
        for r in brief.related
        if r.soc not in related_ids
    ][: max(0, 12 - len(related))]
    zone = brief.job_zone
    if not brief.has_task_data:
        reason = (
            f"O*NET {brief.release} has no task data for {brief.title}, and a framework is "
            "never composed without tasks. The occupations below describe this work with "
            "frameworks of their own."
        )
    return {
        "kind": "no_framework",
        "occupation": {
            "soc": soc,
            "title": brief.title,
            "group_code": brief.group_code,
            "group": brief.group_name,
            "job_zone": zone.zone if zone else None,
            "job_zone_label": f"Job Zone {zone.zone} · {zone.name}" if zone else None,
            "release": brief.release,
            "description": brief.description,
        },
        "framework": None,
        "has_task_data": brief.has_task_data,
        "reason": reason,
        "related": related,
        "attribution": ONET_ATTRIBUTION.format(release=brief.release),
    }


def progression_context(page: dict[str, Any]) -> dict[str, Any]:
    """Each theme followed up the four levels."""
    fw = page["framework"]
    rows = []
    for theme in fw["themes"]:
        cells = []
        for level in fw["levels"]:
            cells.append(
                {
                    "level": level["label"],
                    "band": level["band"],
                    "statements": [s for s in level["statements"] if s["theme"] == theme["id"]],
                }
            )
        rows.append({"id": theme["id"], "label": theme["label"], "levels": cells})
    return {
        "kind": "progression",
        "occupation": page["occupation"],
        "build": page["build"],
        "themes": rows,
        "links": page["links"],
    }


def record_context(
    conn: Connection, build: BuildInfo, soc: str, kind: str, record_id: str, back: str | None
) -> dict[str, Any]:
    """One cited record (an O*NET task, DWA, element, technology, tool, or AEI figure)."""
    page = occupation_context(conn, build, soc)
    if page["kind"] != "occupation":
        raise NotFound(f"{soc} has no framework, so it cites no records.")
    brief = get_brief(conn, soc)
    if kind == "aei":
        record = _aei_record(page, record_id, brief)
    else:
        record = record_lookup(brief).get((kind, record_id))
    if record is None:
        raise NotFound(f'{soc} has no {KIND_LABELS.get(kind, kind)} record "{record_id}".')
    citing = [
        {"id": s["id"], "text": s["text"], "level": s["level"]}
        for level in page["framework"]["levels"]
        for s in level["statements"]
        if any(c["kind"] == kind and c["id"] == record_id for c in s["chips"])
    ]
    related = [
        {"kind": k, "id": i, "text": t, "href": record_href(soc, k, i, back)}
        for k, i, t in record.get("related", [])
    ]
    source = (
        "Anthropic Economic Index (CC BY 4.0)"
        if kind == "aei"
        else f"O*NET {brief.release} Database (CC BY 4.0)"
    )
    return {
        "kind": "record",
        "occupation": page["occupation"],
        "record": {
            "kind": kind,
            "kind_label": KIND_LABELS.get(kind, kind),
            "id": record_id,
            "title": record["title"],
            "text": record["text"],
            "detail": record.get("detail", ""),
            "source": source,
        },
        "related": related,
        "citing": citing,
        "back_href": occupation_href(soc) + (f"#{back}" if back else ""),
        "suggest_href": None if kind == "aei" else suggest_href(soc, f"record:{kind}:{record_id}"),
    }


def _aei_record(page: dict[str, Any], record_id: str, brief: Brief) -> dict[str, Any] | None:
    ai = page.get("ai_use") or {}
    raw_task = next((t for t in brief.tasks if str(t.id) == record_id), None)
    for level in ai.get("levels", []):
        for s in level["statements"]:
            for chip in s["chips"]:
                if chip["kind"] == "aei" and chip["id"] == record_id:
                    return {
                        "title": f"AEI usage of task {record_id}",
                        "text": raw_task.text if raw_task else chip["title"],
                        "detail": f"Anthropic Economic Index release {chip['release']}",
                        "related": [("task", record_id, "The O*NET task")] if raw_task else [],
                    }
    return None


def target_text(page: dict[str, Any], soc: str, conn: Connection, target: str) -> str:
    """The text a correction is about: a statement of the page or an O*NET record."""
    parts = target.split(":", 2)
    if len(parts) == 3 and parts[0] == "statement" and page["kind"] == "occupation":
        for level in page["framework"]["levels"]:
            for s in level["statements"]:
                if level["key"] == parts[1] and str(s["order"]) == parts[2]:
                    return str(s["text"])
    if len(parts) == 3 and parts[0] == "record":
        if parts[1] == "occupation" and parts[2] == soc:
            return f"{page['occupation']['title']} ({soc})"
        record = record_lookup(get_brief(conn, soc)).get((parts[1], parts[2]))
        if record:
            return str(record["text"])
    raise NotFound(f'{soc} has nothing to correct at "{target}".')
