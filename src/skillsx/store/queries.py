"""Named queries over the store: releases, occupations, briefs."""

from __future__ import annotations

import statistics
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, func, select

from skillsx.errors import NotFound, StoreError
from skillsx.models import (
    Brief,
    Cip,
    Dwa,
    Education,
    Interest,
    JobZone,
    OccupationSummary,
    RatedElement,
    RelatedOccupation,
    Release,
    ReleaseFile,
    Task,
    Technology,
    Tool,
    WorkStyle,
)
from skillsx.store import schema
from skillsx.store.groups import group_name
from skillsx.store.ladder import (
    get_supervisor,
    list_element_descriptions,
    list_scale_anchors,
    list_skill_activities,
    typical_importance,
)

T = schema.ONET_TABLES

#: Brief section → the O*NET file it comes from.
SECTION_FILES = {
    "tasks": "Task Statements.txt",
    "knowledge": "Knowledge.txt",
    "skills": "Skills.txt",
    "abilities": "Abilities.txt",
    "work_activities": "Work Activities.txt",
    "work_context": "Work Context.txt",
    "technology": "Technology Skills.txt",
    "tools": "Tools Used.txt",
    "work_styles": "Work Styles.txt",
    "interests": "Interests.txt",
    "related": "Related Occupations.txt",
    "alternate_titles": "Alternate Titles.txt",
    "reported_titles": "Sample of Reported Titles.txt",
    "education": "Education, Training, and Experience.txt",
    "job_zone": "Job Zones.txt",
}

ONET_LICENCE = "CC BY 4.0"


# ---------------------------------------------------------------- releases


def list_releases(conn: Connection) -> list[Release]:
    r, f = schema.releases, schema.release_files
    files: dict[int, list[ReleaseFile]] = defaultdict(list)
    for row in conn.execute(select(f).order_by(f.c.file)):
        files[row.release_id].append(
            ReleaseFile(name=row.file, status=row.status, release=row.source_release, rows=row.rows)
        )
    return [
        Release(
            id=row.id,
            name=row.name,
            label=f"O*NET {row.name}",
            current=row.is_current,
            loaded_at=row.loaded_at,
            content_hash=row.content_hash,
            files=files[row.id],
        )
        for row in conn.execute(select(r).order_by(r.c.id))
    ]


def get_release(conn: Connection, name: str | None = None) -> Release:
    """The named release, or the current one."""
    for release in list_releases(conn):
        if (name is None and release.current) or release.name == name:
            return release
    if name is None:
        raise StoreError(
            "No O*NET release is loaded. Run `skillsx ingest PATH` with an O*NET text release."
        )
    raise NotFound(f'Release "{name}" is not in the store. `skillsx releases` lists them.')


# ---------------------------------------------------------------- job zones


def _median(values: list[int]) -> int:
    return int(round(statistics.median(values)))


def job_zones(
    conn: Connection, release_id: int, socs: list[str] | None = None
) -> dict[str, JobZone]:
    """Job Zone of every occupation (or of ``socs``): O*NET's rating, or an inference."""
    occ, jz, ref = T["onet_occupations"], T["onet_job_zones"], T["onet_job_zone_reference"]
    titles: dict[str, str] = dict(
        conn.execute(select(occ.c.soc, occ.c.title).where(occ.c.release_id == release_id)).all()
    )
    rated: dict[str, int] = dict(
        conn.execute(select(jz.c.soc, jz.c.job_zone).where(jz.c.release_id == release_id)).all()
    )
    names: dict[int, str] = dict(
        conn.execute(select(ref.c.job_zone, ref.c.name).where(ref.c.release_id == release_id)).all()
    )
    wanted = [s for s in (socs if socs is not None else titles) if s in titles]
    rel = T["onet_related_occupations"]
    related: dict[str, list[str]] = defaultdict(list)
    unrated = [s for s in wanted if s not in rated]
    if unrated:
        for row in conn.execute(
            select(rel.c.soc, rel.c.related_soc)
            .where(
                rel.c.release_id == release_id,
                rel.c.tier.like("Primary%"),
                rel.c.soc.in_(unrated),
            )
            .order_by(rel.c.soc, rel.c.index)
        ):
            related[row.soc].append(row.related_soc)
    out: dict[str, JobZone] = {}
    for soc in wanted:
        found = _infer_zone(soc, rated, titles, related.get(soc, []))
        if found:
            value, inferred, basis = found
            out[soc] = JobZone(
                zone=value, name=_zone_name(names.get(value), value), inferred=inferred, basis=basis
            )
    return out


def _infer_zone(
    soc: str, rated: dict[str, int], titles: dict[str, str], related: list[str]
) -> tuple[int, bool, str] | None:
    if soc in rated:
        return rated[soc], False, "rated by O*NET"
    parent = soc[:7] + ".00"
    if parent in rated:
        return rated[parent], True, f"inferred from its parent {parent} {titles[parent]}"
    # Closest first: same detailed SOC, related occupations, then wider SOC groups.
    steps = [
        (soc[:7], f"rated occupations in SOC {soc[:7]}"),
        (None, "related occupations"),
        (soc[:6], f"rated occupations in broad group {soc[:6]}"),
        (soc[:4], f"rated occupations in minor group {soc[:4]}"),
        (soc[:2], f"rated occupations in major group {soc[:2]}"),
    ]
    for prefix, what in steps:
        peers = related if prefix is None else [s for s in rated if s.startswith(prefix)]
        values = [rated[s] for s in peers if s in rated]
        if values:
            return _median(values), True, f"inferred as the median of {len(values)} {what}"
    return None


def _zone_name(reference_name: str | None, value: int) -> str:
    # O*NET: "Job Zone Four: Considerable Preparation Needed"; we show "Considerable Preparation".
    if not reference_name:
        return f"Job Zone {value}"
    name = reference_name.split(":", 1)[-1].strip()
    return name.removesuffix(" Needed").strip()


# ---------------------------------------------------------------- occupations


def list_occupations(
    conn: Connection,
    *,
    release_id: int | None = None,
    group: str | None = None,
    job_zone: int | None = None,
    with_tasks: bool | None = None,
) -> list[OccupationSummary]:
    rid = release_id if release_id is not None else get_release(conn).id
    occ, ts = T["onet_occupations"], T["onet_task_statements"]
    counts: dict[str, int] = dict(
        conn.execute(
            select(ts.c.soc, func.count()).where(ts.c.release_id == rid).group_by(ts.c.soc)
        ).all()
    )
    zones = job_zones(conn, rid)
    out = []
    for row in conn.execute(
        select(occ.c.soc, occ.c.title).where(occ.c.release_id == rid).order_by(occ.c.soc)
    ):
        z = zones.get(row.soc)
        summary = OccupationSummary(
            soc=row.soc,
            title=row.title,
            group_code=row.soc[:2],
            group_name=group_name(row.soc[:2]),
            job_zone=z.zone if z else None,
            job_zone_inferred=z.inferred if z else False,
            tasks=counts.get(row.soc, 0),
        )
        if group and not row.soc.startswith(group):
            continue
        if job_zone is not None and summary.job_zone != job_zone:
            continue
        if with_tasks is not None and (summary.tasks > 0) != with_tasks:
            continue
        out.append(summary)
    return out


def _where(table: Any, release_id: int, soc: str) -> Any:
    return select(table).where(table.c.release_id == release_id, table.c.soc == soc)


def _rated(
    conn: Connection, name: str, release_id: int, soc: str, release: str, scales: tuple[str, str]
) -> list[RatedElement]:
    table = T[name]
    values: dict[str, dict[str, Any]] = {}
    for row in conn.execute(_where(table, release_id, soc)):
        if row.scale_id not in scales:
            continue
        entry = values.setdefault(row.element_id, {"name": row.element_name})
        entry[row.scale_id] = row.data_value
        if row.not_relevant is True and row.scale_id == scales[1]:
            entry["not_relevant"] = True
    items = [
        RatedElement(
            element_id=eid,
            name=v["name"],
            importance=v.get(scales[0]),
            level=v.get(scales[1]),
            release=release,
        )
        for eid, v in values.items()
        if not v.get("not_relevant")
    ]
    return sorted(items, key=lambda e: (-(e.importance or 0), -(e.level or 0), e.name))


def get_brief(
    conn: Connection,
    soc: str,
    release: str | None = None,
    *,
    cache: dict[str, Any] | None = None,
) -> Brief:
    """The occupation brief of ``soc`` from the named (or current) release.

    ``cache``, when given, keeps release-wide lookups (the release row, content-model and IWA
    names) between calls: a build passes one dict per worker so 923 briefs read them once.
    """
    if cache is None:
        cache = {}
    rel = cache.get(f"release:{release}")
    if rel is None:
        rel = cache[f"release:{release}"] = get_release(conn, release)
    rid = rel.id
    occ = conn.execute(_where(T["onet_occupations"], rid, soc)).first()
    if occ is None:
        raise NotFound(
            f'No occupation "{soc}" in O*NET {rel.name}. Codes look like 41-3091.00; '
            "`skillsx occupations` lists them."
        )
    file_release = {f.name: f.release for f in rel.files}
    absent_files = {f.name for f in rel.files if f.status == "absent"}

    # Tasks with their DWAs, IWAs and work-activity elements.
    cm = T["onet_content_model"]
    dwa_ref, iwa_ref, t2d = (
        T["onet_dwa_reference"],
        T["onet_iwa_reference"],
        T["onet_tasks_to_dwas"],
    )
    if f"names:{rid}" not in cache:
        cache[f"names:{rid}"] = (
            dict(
                conn.execute(
                    select(cm.c.element_id, cm.c.element_name).where(cm.c.release_id == rid)
                ).all()
            ),
            dict(
                conn.execute(
                    select(iwa_ref.c.iwa_id, iwa_ref.c.iwa_title).where(iwa_ref.c.release_id == rid)
                ).all()
            ),
        )
    elements: dict[str, str]
    iwa_titles: dict[str, str]
    elements, iwa_titles = cache[f"names:{rid}"]
    if f"dwas:{rid}" not in cache:
        cache[f"dwas:{rid}"] = {
            r.dwa_id: r
            for r in conn.execute(
                select(
                    dwa_ref.c.dwa_id, dwa_ref.c.dwa_title, dwa_ref.c.iwa_id, dwa_ref.c.element_id
                ).where(dwa_ref.c.release_id == rid)
            )
        }
    dwa_rows: dict[str, Any] = cache[f"dwas:{rid}"]
    if f"dwa_spread:{rid}" not in cache:
        cache[f"dwa_spread:{rid}"] = dict(
            conn.execute(
                select(t2d.c.dwa_id, func.count(func.distinct(func.substr(t2d.c.soc, 1, 2))))
                .where(t2d.c.release_id == rid)
                .group_by(t2d.c.dwa_id)
            ).all()
        )
    spread: dict[str, int] = cache[f"dwa_spread:{rid}"]
    dwas_by_task: dict[int, list[Dwa]] = defaultdict(list)
    for link in conn.execute(
        select(t2d.c.task_id, t2d.c.dwa_id)
        .where(t2d.c.release_id == rid, t2d.c.soc == soc)
        .order_by(t2d.c.task_id, t2d.c.dwa_id)
    ):
        task_id: int = link.task_id
        row = dwa_rows.get(link.dwa_id)
        if row is None:  # a task-to-DWA row naming no DWA of the reference: nothing to show
            continue
        dwas_by_task[task_id].append(
            Dwa(
                id=row.dwa_id,
                title=row.dwa_title,
                iwa_id=row.iwa_id,
                iwa_title=iwa_titles.get(row.iwa_id, ""),
                element_id=row.element_id,
                element_name=elements.get(row.element_id),
                spread=spread.get(row.dwa_id, 0),
            )
        )
    type_order = {"Core": 0, "Supplemental": 1, None: 2}
    task_rows = sorted(
        conn.execute(_where(T["onet_task_statements"], rid, soc)),
        key=lambda r: (type_order.get(r.task_type, 2), r.task_id),
    )
    tasks = [
        Task(
            id=r.task_id,
            text=r.task,
            type=r.task_type if r.task_type in ("Core", "Supplemental") else None,
            dwas=dwas_by_task[r.task_id],
        )
        for r in task_rows
    ]

    technology = [
        Technology(
            commodity_code=r.commodity_code,
            commodity_title=r.commodity_title,
            example=r.example,
            hot=bool(r.hot_technology),
            in_demand=bool(r.in_demand),
        )
        for r in sorted(
            conn.execute(_where(T["onet_technology_skills"], rid, soc)),
            key=lambda r: r.example.lower(),
        )
    ]
    tools = [
        Tool(commodity_code=r.commodity_code, commodity_title=r.commodity_title, example=r.example)
        for r in sorted(
            conn.execute(_where(T["onet_tools_used"], rid, soc)), key=lambda r: r.example.lower()
        )
    ]

    styles: dict[str, dict[str, Any]] = {}
    for r in conn.execute(_where(T["onet_work_styles"], rid, soc)):
        entry = styles.setdefault(r.element_id, {"name": r.element_name})
        entry[r.scale_id] = r.data_value
    work_styles = sorted(
        (
            WorkStyle(
                element_id=eid,
                name=v["name"],
                impact=v.get("WI", v.get("IM")),
                distinctiveness_rank=v.get("DR"),
                scale="WI" if "WI" in v else "IM",
            )
            for eid, v in styles.items()
        ),
        key=lambda w: (-(w.impact or -9), w.name),
    )

    interests: list[Interest] = []
    scores: dict[str, tuple[str, float]] = {}
    high_points: list[float] = []
    for r in conn.execute(
        _where(T["onet_interests"], rid, soc).order_by(T["onet_interests"].c.element_id)
    ):
        if r.scale_id == "OI":
            scores[r.element_id] = (r.element_name, r.data_value)
        elif r.scale_id == "IH":
            high_points.append(r.data_value)
    ordered = list(scores.items())
    for point in high_points:
        # High-point values number the RIASEC areas 1-6 (0 = none).
        if 1 <= point <= len(ordered):
            eid, (name, score) = ordered[int(point) - 1]
            interests.append(Interest(element_id=eid, name=name, score=score))

    rel_t, occ_t = T["onet_related_occupations"], T["onet_occupations"]
    related = [
        RelatedOccupation(soc=r.related_soc, title=r.title, tier=r.tier, index=r._mapping["index"])
        for r in conn.execute(
            select(rel_t.c.related_soc, rel_t.c.tier, rel_t.c.index, occ_t.c.title)
            .join(
                occ_t,
                (occ_t.c.soc == rel_t.c.related_soc) & (occ_t.c.release_id == rel_t.c.release_id),
            )
            .where(rel_t.c.release_id == rid, rel_t.c.soc == soc)
            .order_by(rel_t.c.index)
        )
    ]
    alt = T["onet_alternate_titles"]
    alternate_titles = sorted(
        {r.alternate_title for r in conn.execute(_where(alt, rid, soc))}, key=str.lower
    )
    rep = T["onet_reported_titles"]
    reported_titles = [r.reported_title for r in conn.execute(_where(rep, rid, soc))]

    cip = [
        Cip(code=r.cip_code, title=r.cip_title)
        for r in conn.execute(
            select(schema.cip_soc.c.cip_code, schema.cip_soc.c.cip_title)
            .where(schema.cip_soc.c.soc2018 == soc[:7])
            .order_by(schema.cip_soc.c.cip_code)
        )
    ]

    education = _education(conn, rid, soc)
    if f"zones:{rid}" not in cache:
        cache[f"zones:{rid}"] = job_zones(conn, rid)
    zones: dict[str, JobZone] = cache[f"zones:{rid}"]

    def rated(name: str, file: str, scales: tuple[str, str] = ("IM", "LV")) -> list[RatedElement]:
        return _rated(conn, name, rid, soc, file_release.get(file, rel.name), scales)

    brief_sections: dict[str, list[Any]] = {
        "tasks": tasks,
        "knowledge": rated("onet_knowledge", "Knowledge.txt"),
        "skills": rated("onet_skills", "Skills.txt"),
        "abilities": rated("onet_abilities", "Abilities.txt"),
        "work_activities": rated("onet_work_activities", "Work Activities.txt"),
        "work_context": rated("onet_work_context", "Work Context.txt", ("CX", "CT")),
        "technology": technology,
        "tools": tools,
        "work_styles": work_styles,
        "interests": interests,
        "related": related,
        "alternate_titles": alternate_titles,
        "reported_titles": reported_titles,
    }
    absent: dict[str, str] = {}
    for section, file in SECTION_FILES.items():
        if file in absent_files:
            absent[section] = f"not in this release (O*NET {rel.name} has no {file})"
        elif section in brief_sections and not brief_sections[section]:
            absent[section] = (
                f"no rows for this occupation in O*NET {file_release.get(file, rel.name)}"
            )
    if education is None and "education" not in absent:
        absent["education"] = f"no rows for this occupation in O*NET {rel.name}"
    if soc not in zones:
        absent["job_zone"] = "no rated or related occupation to infer it from"
    if not cip:
        absent["cip"] = "no CIP programme maps to this SOC in the CIP 2020–SOC 2018 crosswalk"

    rated_ids = {e.element_id for e in (*brief_sections["skills"], *brief_sections["knowledge"])}
    supervisor = get_supervisor(
        conn, rid, soc, occ.title, occ.description, related, cache, [t.text for t in tasks]
    )
    scale_anchors = list_scale_anchors(conn, rid, rated_ids, cache)
    element_descriptions = list_element_descriptions(conn, rid, rated_ids, cache)
    skill_activities = list_skill_activities(conn, rid, rated_ids, cache)
    typical = typical_importance(conn, rid, cache)

    sources = {"onet": f"O*NET {rel.name} Database ({ONET_LICENCE})"}
    for f in rel.files:
        if f.status == "extra":
            sources[f.name] = f"O*NET {f.release} ({ONET_LICENCE})"
    return Brief(
        soc=soc,
        title=occ.title,
        description=occ.description,
        release=rel.name,
        group_code=soc[:2],
        group_name=group_name(soc[:2]),
        job_zone=zones.get(soc),
        has_task_data=bool(tasks),
        education=education,
        cip=cip,
        absent=absent,
        sources=sources,
        supervisor=supervisor,
        scale_anchors=scale_anchors,
        element_descriptions=element_descriptions,
        skill_activities=skill_activities,
        typical_importance={e: typical[e] for e in sorted(rated_ids) if e in typical},
        **brief_sections,
    )


def _education(conn: Connection, rid: int, soc: str) -> Education | None:
    ed, cat = T["onet_education"], T["onet_ete_categories"]
    rows = conn.execute(
        select(ed.c.category, ed.c.data_value, cat.c.category_description)
        .join(
            cat,
            (cat.c.release_id == ed.c.release_id)
            & (cat.c.element_id == ed.c.element_id)
            & (cat.c.scale_id == ed.c.scale_id)
            & (cat.c.category == ed.c.category),
        )
        .where(ed.c.release_id == rid, ed.c.soc == soc, ed.c.scale_id == "RL")
    ).all()
    if not rows:
        return None
    best = max(rows, key=lambda r: (r.data_value, -r.category))
    return Education(
        category=best.category, label=best.category_description, percent=best.data_value
    )


def list_data_level_neighbours(
    conn: Connection, soc: str, release_id: int | None = None
) -> list[OccupationSummary]:
    """Occupations with task data nearest to ``soc``: same detailed SOC, else broad group.

    "All Other" codes carry no task data; these are where their frameworks live instead.
    """
    rid = release_id if release_id is not None else get_release(conn).id
    with_tasks = [
        o for o in list_occupations(conn, release_id=rid, with_tasks=True) if o.soc != soc
    ]
    for prefix in (soc[:7], soc[:6], soc[:4]):
        near = [o for o in with_tasks if o.soc.startswith(prefix)]
        if near:
            return near
    return []
