"""Compare two occupations: what carries over from FROM to TO, record by record and
statement by statement, the transferability score with its basis, and the biggest gaps.

``coverage_by_level`` is the statement-by-statement part on its own: given any set of held
anchors (``anchor_key`` strings such as ``"dwa:4.A.2.a.4.I09.D03"``), it says which
statements of a framework are covered, partly covered or new. ``held_anchors`` gives the set
an occupation's own records hold; a self-assessment can pass the anchors of the statements
a person says they can do instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from skillsx.models import Level
from skillsx.moves.records import Names, Profile
from skillsx.moves.score import FULL_GAP, SPECS, Score, SimilarityIndex

#: A skill or knowledge area counts as held when O*NET rates its importance at least this
#: (3 of 5, "important"); a work style when its impact (WI, -3..+3) is at least 1.
HELD_IMPORTANCE = 3.0
HELD_IMPACT = 1.0
#: The anchor kinds that decide whether a statement is covered, when a statement has them.
#: Task ids belong to one occupation, and a DWA statement's work-activity element is the
#: DWA's parent, so those decide only statements that cite nothing more specific.
DECISIVE = ("dwa", "technology", "tool", "scale_anchor", "supervisor_task")
STATUS_LABELS = {
    "covered": "Already covered",
    "partial": "Partly covered",
    "new": "New",
}


def anchor_key(kind: str, anchor_id: object) -> str:
    """The key of an anchor in a held set: ``kind:id`` (ids alone collide across kinds)."""
    return f"{kind}:{anchor_id}"


def held_anchors(
    profile: Profile, names: Names, scale_values: Mapping[str, Iterable[float]]
) -> set[str]:
    """Every anchor key an occupation's own records hold.

    Its tasks (``task:ID`` and, for the framework of an occupation it supervises,
    ``supervisor_task:SOC:ID``), DWAs and their work-activity elements, technology and tool
    commodities, skills and knowledge areas rated important (``HELD_IMPORTANCE``), work
    styles with impact of at least ``HELD_IMPACT``, and every scale anchor at or below its
    rated level (rounded to the nearest whole point, as O*NET's anchors sit on them).
    """
    held: set[str] = set()
    for task_id in profile.task_ids:
        held.add(anchor_key("task", task_id))
        held.add(anchor_key("supervisor_task", f"{profile.soc}:{task_id}"))
    for dwa in profile.dwas:
        held.add(anchor_key("dwa", dwa))
        if dwa in names.dwa_element:
            held.add(anchor_key("element", names.dwa_element[dwa]))
    held |= {anchor_key("technology", code) for code in profile.software_codes}
    held |= {anchor_key("tool", code) for code in profile.tools}
    for rating in (*profile.skills.values(), *profile.knowledge.values()):
        if rating.importance >= HELD_IMPORTANCE:
            held.add(anchor_key("element", rating.element_id))
        reached = round(rating.level)
        for value in scale_values.get(rating.element_id, ()):
            if value <= reached:
                held.add(anchor_key("scale_anchor", f"{rating.element_id}@{value:g}"))
    held |= {anchor_key("element", e) for e, v in profile.work_styles.items() if v >= HELD_IMPACT}
    return held


def _decisive(anchors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    specific = [a for a in anchors if a["kind"] in DECISIVE]
    return specific or list(anchors)


def coverage_by_level(
    to_framework: dict[str, Any],
    held: set[str],
    *,
    equivalents: Mapping[str, Iterable[str]] | None = None,
    labels: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Which statements of ``to_framework`` (a stored framework dict) ``held`` covers.

    A statement's deciding anchors are its DWA, technology, tool, scale-anchor and
    supervisor-task anchors (``DECISIVE``), or, when it has none, all its anchors. It is
    ``covered`` when every deciding anchor is held, ``partial`` when some are and ``new``
    when none is. ``equivalents`` maps an anchor key to keys that together stand for it (a
    supervisor's task to that task's DWAs): the anchor is held when all of those are.
    ``labels`` names anchors (key -> text) for readers.

    Returns ``{"levels": [{"key", "label", "band", "covered", "partial", "new",
    "statements": [{"order", "text", "theme", "status", "status_label", "records":
    [{"key", "kind", "id", "label", "held"}]}]}], "totals": {"covered", "partial", "new",
    "statements"}}``.
    """
    equivalents = equivalents or {}
    labels = labels or {}
    totals = {"covered": 0, "partial": 0, "new": 0, "statements": 0}
    levels = []
    for level in Level:
        rows = sorted(
            (s for s in to_framework.get("statements", []) if s.get("level") == level.value),
            key=lambda s: s.get("order", 0),
        )
        counts = {"covered": 0, "partial": 0, "new": 0}
        statements = []
        for s in rows:
            records = []
            for a in _decisive(s.get("anchors", [])):
                key = anchor_key(a["kind"], a["id"])
                through = list(equivalents.get(key, ()))
                ok = key in held or (bool(through) and all(k in held for k in through))
                records.append(
                    {
                        "key": key,
                        "kind": a["kind"],
                        "id": str(a["id"]),
                        "label": labels.get(key, key),
                        "held": ok,
                    }
                )
            n_held = sum(r["held"] for r in records)
            status = (
                "covered" if records and n_held == len(records) else "partial" if n_held else "new"
            )
            counts[status] += 1
            statements.append(
                {
                    "order": s.get("order"),
                    "text": f"{s.get('subject', '')} — {s.get('action', '')}",
                    "theme": s.get("theme"),
                    "status": status,
                    "status_label": STATUS_LABELS[status],
                    "records": records,
                }
            )
        for k, v in counts.items():
            totals[k] += v
        totals["statements"] += len(statements)
        levels.append(
            {
                "key": level.value,
                "label": level.label,
                "band": level.band,
                **counts,
                "statements": statements,
            }
        )
    return {"levels": levels, "totals": totals}


# ---------------------------------------------------------------- the comparison


def _occupation(p: Profile) -> dict[str, Any]:
    return {
        "soc": p.soc,
        "title": p.title,
        "job_zone": p.job_zone,
        "job_zone_name": p.job_zone_name,
        "job_zone_inferred": p.job_zone_inferred,
        "education": {"category": p.education[0], "label": p.education[1]} if p.education else None,
        "tasks": p.task_count,
        "href": f"/occupations/{p.soc}",
    }


def score_json(score: Score) -> dict[str, Any]:
    present = [c for c in score.components if c.value is not None]
    left_out = [c.label for c in score.components if c.value is None]
    basis = (
        f"Weighted mean of {len(present)} components, each 0 to 1; the weights below are "
        "each component's share of the score."
    )
    if left_out:
        basis += f" Left out for lack of data on one side: {', '.join(left_out)}."
    return {
        "value": score.value,
        "basis": basis,
        "components": [
            {
                "key": c.key,
                "label": c.label,
                "means": c.means,
                "weight": c.weight,
                "value": c.value,
                "contribution": c.contribution,
            }
            for c in score.components
        ],
    }


def _iwas(p: Profile, names: Names) -> dict[str, float]:
    out: dict[str, float] = {}
    for d, w in p.dwas.items():
        iwa = names.dwa_iwa.get(d)
        if iwa:
            out[iwa] = out.get(iwa, 0.0) + w
    return out


def _ratings(a: Profile, b: Profile, attr: str) -> list[dict[str, Any]]:
    mine, theirs = getattr(a, attr), getattr(b, attr)
    out = []
    for eid in sorted(set(mine) | set(theirs)):
        x, y = mine.get(eid), theirs.get(eid)
        out.append(
            {
                "element_id": eid,
                "name": (y or x).name,
                "from_importance": x.importance if x else None,
                "from_level": x.level if x else None,
                "to_importance": y.importance if y else None,
                "to_level": y.level if y else None,
                "level_difference": round(y.level - x.level, 2) if x and y else None,
                "importance_difference": round(y.importance - x.importance, 2) if x and y else None,
            }
        )
    out.sort(key=lambda r: -(r["to_importance"] or 0))
    return out


#: Gap families: the score components whose loss each one gathers.
GAP_FAMILIES = (
    ("knowledge", ("knowledge_areas", "knowledge_levels")),
    ("work", ("tasks", "activities")),
    ("skills", ("skill_levels",)),
    ("work_styles", ("work_styles",)),
    ("tools", ("tools",)),
    ("software", ("software",)),
    ("preparation", ("job_zone",)),
)


def _plain(text: str) -> str:
    return text.strip().rstrip(".")


def _level_gaps(a: Profile, b: Profile, attr: str) -> list[tuple[float, str, Any]]:
    """Areas the target rates important where the origin's level falls short, by
    importance-weighted shortfall."""
    mine, theirs = getattr(a, attr), getattr(b, attr)
    out = []
    for e, need in theirs.items():
        have = mine[e].level if e in mine else 0.0
        short = need.level - have
        if short > 0.5 and need.importance >= HELD_IMPORTANCE:
            out.append(((need.importance - 1) * min(short / FULL_GAP, 1.0), e, (need, have)))
    return sorted(out, key=lambda x: (-x[0], x[1]))


def _gaps(
    a: Profile, b: Profile, score: Score, names: Names, index: SimilarityIndex
) -> list[dict[str, Any]]:
    """The gaps of the move, one per family of components, the costliest first.

    A family's cost is the score it loses: the sum over its components of weight x
    (1 - value). Its text names the records behind the loss in plain words.
    """
    parts = {c.key: c for c in score.components}
    gaps: list[dict[str, Any]] = []
    for family, keys in GAP_FAMILIES:
        present = [parts[k] for k in keys if parts[k].value is not None]
        if not present:
            continue
        cost = round(sum(c.weight * (1 - (c.value or 0.0)) for c in present), 4)
        text, records = _gap_text(family, a, b, names, index)
        if text:
            gaps.append({"kind": family, "cost": cost, "text": text, "records": records})
    gaps.sort(key=lambda g: (-g["cost"], g["kind"]))
    return gaps


def _gap_text(
    family: str, a: Profile, b: Profile, names: Names, index: SimilarityIndex
) -> tuple[str | None, list[str]]:
    """What a family of gaps means for this move, or None when there is nothing to close."""
    if family in ("knowledge", "skills"):
        attr = "knowledge" if family == "knowledge" else "skills"
        found = _level_gaps(a, b, attr)[:3]
        if not found:
            return None, []
        items = [
            f"{need.name} (level {need.level:.1f} of 7 needed, {have:.1f} now)"
            for _, _, (need, have) in found
        ]
        noun = "Knowledge" if attr == "knowledge" else "Skills"
        return (
            f"{noun} to build: {'; '.join(items)}.",
            [anchor_key("element", e) for _, e, _ in found],
        )
    if family == "work":
        mine, theirs = _iwas(a, names), _iwas(b, names)
        new = sorted((i for i in theirs if i not in mine), key=lambda i: (-theirs[i], i))[:3]
        if not new:
            return None, []
        items = []
        records = []
        for iwa in new:
            dwas = [d for d in b.dwas if names.dwa_iwa.get(d) == iwa]
            tasks = {t for d in dwas for t in b.dwa_tasks.get(d, [])}
            items.append(f"{_plain(names.iwa_titles.get(iwa, iwa)).lower()} ({len(tasks)} tasks)")
            records += [anchor_key("dwa", d) for d in dwas]
        return (
            f"New work that {a.title} do not do: {'; '.join(items)}, "
            f"of the {b.task_count} tasks of {b.title}.",
            records,
        )
    if family == "work_styles":
        short = sorted(
            (
                (b.work_styles[e] - a.work_styles.get(e, 0.0), e)
                for e in b.work_styles
                if b.work_styles[e] >= HELD_IMPACT
                and b.work_styles[e] - a.work_styles.get(e, 0.0) >= 0.5
            ),
            reverse=True,
        )[:3]
        if not short:
            return None, []
        items = [
            f"{names.elements.get(e, e)} (impact {b.work_styles[e]:+.1f} against "
            f"{a.work_styles.get(e, 0.0):+.1f})"
            for _, e in short
        ]
        return f"Work styles that matter more: {'; '.join(items)}.", [
            anchor_key("element", e) for _, e in short
        ]
    if family in ("tools", "software"):
        if family == "tools":
            missing: list[Any] = [c for c in b.tools if c not in a.tools]
            rarity: dict[Any, float] = dict(index.tool_rarity)
        else:
            missing = [k for k in b.software if k not in a.software]
            rarity = dict(index.software_rarity)
        ranked = sorted(missing, key=lambda k: (-rarity.get(k, 0.0), str(k)))
        if not ranked:
            return None, []
        shown = [b.tools[k].title if family == "tools" else str(k) for k in ranked[:4]]
        more = f" and {len(ranked) - 4} more" if len(ranked) > 4 else ""
        noun = "Tools" if family == "tools" else "Software"
        kind = "tool" if family == "tools" else "software"
        return (
            f"{noun} to learn: {', '.join(shown)}{more}.",
            [anchor_key(kind, k) for k in ranked[:4]],
        )
    # preparation
    if not (a.job_zone and b.job_zone and b.job_zone > a.job_zone):
        return None, []
    step = b.job_zone - a.job_zone
    text = (
        f"More preparation: Job Zone {b.job_zone} ({b.job_zone_name}) against {a.job_zone} "
        f"({a.job_zone_name})."
    )
    if a.education and b.education and b.education[0] > a.education[0]:
        text += f" Most {b.title} report {b.education[1]}; most {a.title} {a.education[1]}."
    return text + ("" if step == 1 else ""), []


def compare_profiles(
    a: Profile,
    b: Profile,
    index: SimilarityIndex,
    names: Names,
    *,
    to_framework: dict[str, Any] | None = None,
    scale_values: Mapping[str, Iterable[float]] | None = None,
    supervisor_task_dwas: Mapping[int, list[str]] | None = None,
    build_label: str | None = None,
) -> dict[str, Any]:
    """The comparison of the move ``a`` -> ``b``: a dict served as JSON or rendered.

    ``index`` must hold both occupations (its score is the similar list's); ``to_framework``
    is ``b``'s stored framework, for the statement-by-statement part.
    """
    score = index.score(a.soc, b.soc)
    shared_dwas = sorted(set(a.dwas) & set(b.dwas), key=lambda d: (-b.dwas[d], d))
    new_dwas = sorted(set(b.dwas) - set(a.dwas), key=lambda d: (-b.dwas[d], d))
    a_iwas, b_iwas = _iwas(a, names), _iwas(b, names)

    def dwa(d: str) -> dict[str, Any]:
        iwa = names.dwa_iwa.get(d, "")
        return {
            "id": d,
            "title": names.dwa_titles.get(d, d),
            "iwa_id": iwa,
            "iwa_title": names.iwa_titles.get(iwa, ""),
            "to_weight": b.dwas.get(d, 0.0),
            "from_tasks": a.dwa_tasks.get(d, []),
            "to_tasks": b.dwa_tasks.get(d, []),
        }

    def iwa(i: str) -> dict[str, Any]:
        return {
            "id": i,
            "title": names.iwa_titles.get(i, i),
            "from_weight": round(a_iwas.get(i, 0.0), 2),
            "to_weight": round(b_iwas.get(i, 0.0), 2),
        }

    styles: list[dict[str, Any]] = []
    for eid in sorted(set(a.work_styles) | set(b.work_styles)):
        x, y = a.work_styles.get(eid), b.work_styles.get(eid)
        styles.append(
            {
                "element_id": eid,
                "name": names.elements.get(eid, eid),
                "from_impact": x,
                "to_impact": y,
                "difference": round(y - x, 2) if x is not None and y is not None else None,
            }
        )
    styles.sort(key=lambda s: -(s["to_impact"] if s["to_impact"] is not None else -9.0))
    gaps = _gaps(a, b, score, names, index)
    comparison: dict[str, Any] = {
        "kind": "compare",
        "release": a.release,
        "from": _occupation(a),
        "to": _occupation(b),
        "score": score_json(score),
        "gaps": gaps[:3],
        "activities": {
            "shared_dwas": [dwa(d) for d in shared_dwas],
            "new_dwas": [dwa(d) for d in new_dwas],
            "shared_iwas": [
                iwa(i) for i in sorted(set(a_iwas) & set(b_iwas), key=lambda i: -b_iwas[i])
            ],
            "new_iwas": [
                iwa(i) for i in sorted(set(b_iwas) - set(a_iwas), key=lambda i: -b_iwas[i])
            ],
            "to_dwas": len(b.dwas),
            "from_dwas": len(a.dwas),
        },
        "software": {
            "shared": [
                {"name": k, "hot": b.software[k]} for k in sorted(set(a.software) & set(b.software))
            ],
            "new": [
                {"name": k, "hot": b.software[k]}
                for k in sorted(
                    set(b.software) - set(a.software),
                    key=lambda k: (-index.software_rarity.get(k, 0.0), k),
                )
            ],
        },
        "tools": {
            "shared": [
                {"code": c, "title": b.tools[c].title, "examples": list(b.tools[c].examples)}
                for c in sorted(set(a.tools) & set(b.tools))
            ],
            "new": [
                {"code": c, "title": b.tools[c].title, "examples": list(b.tools[c].examples)}
                for c in sorted(
                    set(b.tools) - set(a.tools),
                    key=lambda c: (-index.tool_rarity.get(c, 0.0), c),
                )
            ],
        },
        "skills": _ratings(a, b, "skills"),
        "knowledge": _ratings(a, b, "knowledge"),
        "ratings_release": b.skills_release or a.skills_release,
        "work_styles": styles,
        "job_zone": {
            "from": a.job_zone,
            "to": b.job_zone,
            "difference": (b.job_zone - a.job_zone) if a.job_zone and b.job_zone else None,
        },
        "education": {
            "from": _occupation(a)["education"],
            "to": _occupation(b)["education"],
            "difference": (b.education[0] - a.education[0])
            if a.education and b.education
            else None,
        },
        "coverage": None,
        "links": {
            "page": f"/compare?from={a.soc}&to={b.soc}",
            "api": f"/api/v1/compare?from={a.soc}&to={b.soc}",
            "reverse": f"/compare?from={b.soc}&to={a.soc}",
        },
    }
    if to_framework is not None:
        held = held_anchors(a, names, scale_values or {})
        equivalents = {
            anchor_key("supervisor_task", anc["id"]): [
                anchor_key("dwa", d)
                for d in (supervisor_task_dwas or {}).get(int(str(anc["id"]).split(":")[-1]), [])
            ]
            for s in to_framework.get("statements", [])
            for anc in s.get("anchors", [])
            if anc["kind"] == "supervisor_task"
        }
        comparison["coverage"] = {
            "framework": {"soc": b.soc, "build": build_label},
            **coverage_by_level(
                to_framework, held, equivalents=equivalents, labels=_labels(b, names)
            ),
        }
    return comparison


def _labels(b: Profile, names: Names) -> dict[str, str]:
    out = {anchor_key("dwa", d): f"DWA {d}: {names.dwa_titles.get(d, d)}" for d in b.dwas}
    out |= {
        anchor_key("technology", c): f"Technology {c}: {t}" for c, t in b.software_codes.items()
    }
    out |= {anchor_key("tool", c): f"Tool {c}: {t.title}" for c, t in b.tools.items()}
    for r in (*b.skills.values(), *b.knowledge.values()):
        out[anchor_key("element", r.element_id)] = f"{r.name} ({r.element_id})"
        for v in range(8):
            out[anchor_key("scale_anchor", f"{r.element_id}@{v}")] = (
                f"{r.name} at level {v} (O*NET level scale anchor)"
            )
    for e in b.work_styles:
        out[anchor_key("element", e)] = f"Work style {names.elements.get(e, e)} ({e})"
    for t in b.task_ids:
        out[anchor_key("task", t)] = f"Task {t} of {b.soc}"
    return out


__all__ = [
    "DECISIVE",
    "SPECS",
    "anchor_key",
    "compare_profiles",
    "coverage_by_level",
    "held_anchors",
    "score_json",
]
