"""The O*NET records a career move is judged on, read from the store per occupation.

A ``Profile`` holds what one occupation does and needs, keyed by the ids other occupations
share: DWAs (weighted by the tasks that use them) and their IWAs, skills and knowledge
ratings (29.x where the release borrows them), work styles, software (by product name, the
``Example`` of Technology Skills), tools (by UNSPSC commodity), Job Zone and education.
Task ids belong to one occupation only, so tasks reach another occupation through their DWAs.

``load_profiles`` reads many occupations in a few queries (the similarity index);
``load_profile`` reads one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select

from skillsx.errors import NotFound
from skillsx.models import Release
from skillsx.store import schema
from skillsx.store.queries import get_release, job_zones

T = schema.ONET_TABLES

#: What a task adds to the weight of each DWA it links to. O*NET 30.1 ships no task
#: importance ratings here (Task Ratings.txt is absent), so Core tasks count fully and
#: Supplemental or unrated ones half.
TASK_WEIGHTS = {"Core": 1.0, "Supplemental": 0.5}
UNRATED_TASK_WEIGHT = 0.5


@dataclass(frozen=True)
class Rating:
    """A skill or knowledge area: importance (1-5) and level (0-7) as O*NET rates them."""

    element_id: str
    name: str
    importance: float
    level: float


@dataclass(frozen=True)
class Commodity:
    """A tool commodity (UNSPSC code) with this occupation's examples of it."""

    code: int
    title: str
    examples: tuple[str, ...]


@dataclass
class Profile:
    """One occupation's records, keyed by ids that other occupations share."""

    soc: str
    title: str
    release: str
    job_zone: int | None = None
    job_zone_inferred: bool = False
    job_zone_name: str | None = None
    education: tuple[int, str] | None = None  # (category 1-12, label)
    # DWA id -> summed weight of this occupation's tasks that use it (TASK_WEIGHTS).
    dwas: dict[str, float] = field(default_factory=dict)
    # DWA id -> the task ids that use it (the records behind the weight).
    dwa_tasks: dict[str, list[int]] = field(default_factory=dict)
    task_count: int = 0
    task_ids: list[int] = field(default_factory=list)
    skills: dict[str, Rating] = field(default_factory=dict)
    knowledge: dict[str, Rating] = field(default_factory=dict)
    skills_release: str | None = None
    # Work style element id -> impact (WI, -3..+3) and its name.
    work_styles: dict[str, float] = field(default_factory=dict)
    # Software product (Technology Skills "Example") -> hot technology flag.
    software: dict[str, bool] = field(default_factory=dict)
    # Technology commodity code -> title (what framework ``technology`` anchors cite).
    software_codes: dict[int, str] = field(default_factory=dict)
    tools: dict[int, Commodity] = field(default_factory=dict)

    @property
    def has_ratings(self) -> bool:
        return bool(self.skills or self.knowledge)


@dataclass(frozen=True)
class Names:
    """Release-wide names of the shared records: DWAs, IWAs, elements."""

    dwa_titles: dict[str, str]
    dwa_iwa: dict[str, str]  # DWA id -> IWA id
    dwa_element: dict[str, str]  # DWA id -> work-activity element id
    iwa_titles: dict[str, str]
    elements: dict[str, str]  # content-model element id -> name


def load_names(conn: Connection, release_id: int, cache: dict[str, Any] | None = None) -> Names:
    """The DWA, IWA and element names of a release (kept in ``cache`` when given)."""
    key = f"moves-names:{release_id}"
    if cache is not None and key in cache:
        found: Names = cache[key]
        return found
    dwa, iwa, cm = T["onet_dwa_reference"], T["onet_iwa_reference"], T["onet_content_model"]
    dwa_titles: dict[str, str] = {}
    dwa_iwa: dict[str, str] = {}
    dwa_element: dict[str, str] = {}
    for dwa_id, title, iwa_id, element_id in rows_of(
        conn,
        select(dwa.c.dwa_id, dwa.c.dwa_title, dwa.c.iwa_id, dwa.c.element_id).where(
            dwa.c.release_id == release_id
        ),
    ):
        dwa_titles[dwa_id] = title
        dwa_iwa[dwa_id] = iwa_id
        dwa_element[dwa_id] = element_id
    names = Names(
        dwa_titles=dwa_titles,
        dwa_iwa=dwa_iwa,
        dwa_element=dwa_element,
        iwa_titles=dict(
            conn.execute(
                select(iwa.c.iwa_id, iwa.c.iwa_title).where(iwa.c.release_id == release_id)
            ).all()
        ),
        elements=dict(
            conn.execute(
                select(cm.c.element_id, cm.c.element_name).where(cm.c.release_id == release_id)
            ).all()
        ),
    )
    if cache is not None:
        cache[key] = names
    return names


def rows_of(conn: Connection, query: Any) -> Iterator[Any]:
    """The rows of ``query`` as plain tuples to unpack."""
    return iter(conn.execute(query))


def _filtered(table: Any, columns: Iterable[Any], rid: int, socs: list[str] | None) -> Any:
    query = select(table.c.soc, *columns).where(table.c.release_id == rid)
    if socs is not None:
        query = query.where(table.c.soc.in_(socs))
    return query


def load_profiles(
    conn: Connection,
    release: Release | None = None,
    socs: list[str] | None = None,
    *,
    with_tasks_only: bool = True,
) -> dict[str, Profile]:
    """Profiles of ``socs`` (default: every occupation) of the release, by SOC code.

    With ``with_tasks_only`` occupations without task statements are left out: they have no
    DWAs, no framework and nothing to compare.
    """
    rel = release or get_release(conn)
    rid = rel.id
    occ, ts, t2d = T["onet_occupations"], T["onet_task_statements"], T["onet_tasks_to_dwas"]
    profiles = {
        r.soc: Profile(soc=r.soc, title=r.title, release=rel.name)
        for r in rows_of(conn, _filtered(occ, [occ.c.title], rid, socs).order_by(occ.c.soc))
    }
    task_weight: dict[int, float] = {}
    counts: dict[str, list[int]] = defaultdict(list)
    # Rows are unpacked as tuples throughout: attribute access on 300,000 rows costs seconds.
    for soc, task_id, task_type in rows_of(
        conn, _filtered(ts, [ts.c.task_id, ts.c.task_type], rid, socs)
    ):
        task_weight[task_id] = TASK_WEIGHTS.get(task_type, UNRATED_TASK_WEIGHT)
        counts[soc].append(task_id)
    for soc, task_id, dwa_id in rows_of(
        conn,
        _filtered(t2d, [t2d.c.task_id, t2d.c.dwa_id], rid, socs).order_by(
            t2d.c.soc, t2d.c.task_id, t2d.c.dwa_id
        ),
    ):
        p = profiles.get(soc)
        if p is None or task_id not in task_weight:
            continue  # a DWA link of a task the release does not list carries no weight
        p.dwas[dwa_id] = p.dwas.get(dwa_id, 0.0) + task_weight[task_id]
        p.dwa_tasks.setdefault(dwa_id, []).append(task_id)
    for soc, ids in counts.items():
        if soc in profiles:
            profiles[soc].task_count = len(ids)
            profiles[soc].task_ids = sorted(ids)
    if with_tasks_only:
        profiles = {s: p for s, p in profiles.items() if p.task_count}

    files = {f.name: f for f in rel.files}
    for table, attr, file in (
        ("onet_skills", "skills", "Skills.txt"),
        ("onet_knowledge", "knowledge", "Knowledge.txt"),
    ):
        _load_ratings(conn, rid, socs, profiles, table, attr)
        info = files.get(file)
        if info is not None and info.status != "absent":
            for p in profiles.values():
                if getattr(p, attr):
                    p.skills_release = info.release

    ws = T["onet_work_styles"]
    for soc, element_id, scale_id, value in rows_of(
        conn,
        _filtered(ws, [ws.c.element_id, ws.c.scale_id, ws.c.data_value], rid, socs).where(
            ws.c.scale_id.in_(("WI", "IM"))
        ),
    ):
        p = profiles.get(soc)
        # 30.x rates impact (WI, -3..+3); older releases importance (IM, 1-5), read as 1-5
        # moved onto the same centre (3 -> 0) so both compare as "how much it helps".
        if p is not None and value is not None:
            p.work_styles[element_id] = value if scale_id == "WI" else value - 3.0

    tech = T["onet_technology_skills"]
    for soc, example, hot, code, code_title in rows_of(
        conn,
        _filtered(
            tech,
            [tech.c.example, tech.c.hot_technology, tech.c.commodity_code, tech.c.commodity_title],
            rid,
            socs,
        ).order_by(tech.c.soc, tech.c.example),
    ):
        p = profiles.get(soc)
        if p is not None:
            p.software[example] = bool(hot) or p.software.get(example, False)
            p.software_codes[code] = code_title

    tools = T["onet_tools_used"]
    examples: dict[tuple[str, int], list[str]] = defaultdict(list)
    titles: dict[int, str] = {}
    for soc, code, title, example in rows_of(
        conn,
        _filtered(
            tools, [tools.c.commodity_code, tools.c.commodity_title, tools.c.example], rid, socs
        ).order_by(tools.c.soc, tools.c.commodity_code, tools.c.example),
    ):
        if soc in profiles:
            examples[(soc, code)].append(example)
            titles[code] = title
    for (soc, code), found in examples.items():
        profiles[soc].tools[code] = Commodity(code, titles[code], tuple(found))

    for soc, zone in job_zones(conn, rid, list(profiles)).items():
        profiles[soc].job_zone = zone.zone
        profiles[soc].job_zone_inferred = zone.inferred
        profiles[soc].job_zone_name = zone.name
    for soc, education in _education(conn, rid, socs).items():
        if soc in profiles:
            profiles[soc].education = education
    return profiles


def _load_ratings(
    conn: Connection,
    rid: int,
    socs: list[str] | None,
    profiles: dict[str, Profile],
    table_name: str,
    attr: str,
) -> None:
    t = T[table_name]
    values: dict[tuple[str, str], dict[str, Any]] = {}
    for soc, eid, name, scale, value, not_relevant in rows_of(
        conn,
        _filtered(
            t,
            [t.c.element_id, t.c.element_name, t.c.scale_id, t.c.data_value, t.c.not_relevant],
            rid,
            socs,
        ).where(t.c.scale_id.in_(("IM", "LV"))),
    ):
        if value is None or soc not in profiles:
            continue
        entry = values.get((soc, eid))
        if entry is None:
            entry = values[(soc, eid)] = {"name": name}
        # O*NET marks a level "not relevant" when importance is too low to rate it.
        entry[scale] = 0.0 if scale == "LV" and not_relevant else value
    for (soc, eid), v in values.items():
        if "IM" in v and "LV" in v:
            getattr(profiles[soc], attr)[eid] = Rating(eid, v["name"], v["IM"], v["LV"])


def _education(conn: Connection, rid: int, socs: list[str] | None) -> dict[str, tuple[int, str]]:
    """The most common required level of education (RL) of each occupation."""
    ed, cat = T["onet_education"], T["onet_ete_categories"]
    query = (
        select(ed.c.soc, ed.c.category, ed.c.data_value, cat.c.category_description)
        .join(
            cat,
            (cat.c.release_id == ed.c.release_id)
            & (cat.c.element_id == ed.c.element_id)
            & (cat.c.scale_id == ed.c.scale_id)
            & (cat.c.category == ed.c.category),
        )
        .where(ed.c.release_id == rid, ed.c.scale_id == "RL")
    )
    if socs is not None:
        query = query.where(ed.c.soc.in_(socs))
    best: dict[str, tuple[float, int, str]] = {}
    for r in rows_of(conn, query):
        held = best.get(r.soc)
        if held is None or (r.data_value, -r.category) > (held[0], -held[1]):
            best[r.soc] = (r.data_value, r.category, r.category_description)
    return {soc: (category, label) for soc, (_, category, label) in best.items()}


def load_profile(conn: Connection, soc: str, release: Release | None = None) -> Profile:
    """The profile of one occupation; ``NotFound`` names the fix when it has none."""
    rel = release or get_release(conn)
    found = load_profiles(conn, rel, [soc], with_tasks_only=False)
    profile = found.get(soc)
    if profile is None:
        raise NotFound(
            f'No occupation "{soc}" in O*NET {rel.name}. Codes look like 41-3091.00; '
            "`skillsx occupations` lists them."
        )
    if not profile.task_count:
        raise NotFound(
            f"{soc} {profile.title} has no task data in O*NET {rel.name}, so there is nothing "
            "to compare; pick an occupation with tasks (`skillsx occupations --with-tasks`)."
        )
    return profile


@dataclass(frozen=True)
class Usage:
    """How many occupations of a release use each software product and tool commodity."""

    occupations: int  # occupations with task statements
    software: dict[str, int]
    tools: dict[int, int]


def load_usage(conn: Connection, release: Release | None = None) -> Usage:
    """Release-wide use counts: the rarity weights of a comparison of only two occupations."""
    rel = release or get_release(conn)
    ts, tech, tools = T["onet_task_statements"], T["onet_technology_skills"], T["onet_tools_used"]
    with_tasks = select(ts.c.soc).where(ts.c.release_id == rel.id).distinct()
    occupations = len(conn.execute(with_tasks).all())
    software: dict[str, int] = dict(
        conn.execute(
            select(tech.c.example, func.count(tech.c.soc.distinct()))
            .where(tech.c.release_id == rel.id, tech.c.soc.in_(with_tasks))
            .group_by(tech.c.example)
        ).all()
    )
    used: dict[int, int] = dict(
        conn.execute(
            select(tools.c.commodity_code, func.count(tools.c.soc.distinct()))
            .where(tools.c.release_id == rel.id, tools.c.soc.in_(with_tasks))
            .group_by(tools.c.commodity_code)
        ).all()
    )
    return Usage(occupations, software, used)


def load_task_dwas(
    conn: Connection, release: Release, task_ids: Iterable[int]
) -> dict[int, list[str]]:
    """The DWAs of the given tasks (of any occupation), by task id."""
    ids = sorted(set(task_ids))
    if not ids:
        return {}
    t2d = T["onet_tasks_to_dwas"]
    out: dict[int, list[str]] = defaultdict(list)
    for task_id, dwa_id in rows_of(
        conn,
        select(t2d.c.task_id, t2d.c.dwa_id)
        .where(t2d.c.release_id == release.id, t2d.c.task_id.in_(ids))
        .order_by(t2d.c.task_id, t2d.c.dwa_id),
    ):
        out[task_id].append(dwa_id)
    return dict(out)


def load_scale_values(
    conn: Connection, release: Release, cache: dict[str, Any] | None = None
) -> dict[str, list[float]]:
    """The level values O*NET anchors for each element (Level Scale Anchors, scale LV)."""
    key = f"moves-scale:{release.id}"
    if cache is not None and key in cache:
        found: dict[str, list[float]] = cache[key]
        return found
    t = T["onet_level_scale_anchors"]
    out: dict[str, list[float]] = defaultdict(list)
    for element_id, value in rows_of(
        conn,
        select(t.c.element_id, t.c.anchor_value)
        .where(t.c.release_id == release.id, t.c.scale_id == "LV")
        .order_by(t.c.element_id, t.c.anchor_value),
    ):
        out[element_id].append(value)
    result = dict(out)
    if cache is not None:
        cache[key] = result
    return result
