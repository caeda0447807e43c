"""What the top and the rungs of a framework's ladder read beyond the occupation's own rows.

- ``get_supervisor``: the occupation that supervises this one, found in O*NET's own data: a
  related occupation titled "First-Line Supervisors of …" (where the group has several, one
  whose title shares a word with this occupation's title, description or tasks), else the
  only first-line supervisors of the same SOC major group, else those of the group whose
  title shares a word with this occupation's title (none when no title does).
  Supervisors and managers themselves get none.
- ``list_scale_anchors`` / ``list_element_descriptions``: O*NET's level scale anchors and
  content-model descriptions of the given skills and knowledge elements.
- ``list_skill_activities``: O*NET's Skills to Work Activities links of the given skills,
  the most specific work activity first.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, func, select

from skillsx.models import RelatedOccupation, ScaleAnchor, Supervisor, Task
from skillsx.store import schema

T = schema.ONET_TABLES
_PREFIX = "First-Line Supervisors"
_WORD = re.compile(r"[a-z]+")
_STOP = frozenset("and or of the all other workers except".split())
_SUPERVISOR_WORDS = frozenset({"first", "line", "supervisor"})


def _words(text: str) -> set[str]:
    return {w.rstrip("s") for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2}


def _supervisors(conn: Connection, rid: int, cache: dict[str, Any]) -> dict[str, str]:
    key = f"supervisors:{rid}"
    if key not in cache:
        occ = T["onet_occupations"]
        cache[key] = {
            r.soc: r.title
            for r in conn.execute(
                select(occ.c.soc, occ.c.title).where(
                    occ.c.release_id == rid, occ.c.title.like(f"{_PREFIX}%")
                )
            )
        }
    out: dict[str, str] = cache[key]
    return out


def get_supervisor(
    conn: Connection,
    rid: int,
    soc: str,
    title: str,
    description: str,
    related: list[RelatedOccupation],
    cache: dict[str, Any],
    tasks: list[str] | None = None,
) -> Supervisor | None:
    """The first-line supervisors of this occupation, with their tasks, or None."""
    if title.startswith(_PREFIX) or soc.startswith("11-") or (soc[:2] >= "31" and soc[3:5] == "10"):
        # Supervisors and managers lead the work themselves (SOC minor groups xx-10xx of the
        # service and manual groups are supervisors: "Aircraft Cargo Handling Supervisors").
        return None
    sups = _supervisors(conn, rid, cache)
    pick: tuple[str, str] | None = None
    group = {s: t for s, t in sups.items() if s[:2] == soc[:2]}
    mine = _words(" ".join([title, description, *(tasks or [])]))
    for r in related:
        # A related supervisor of another group supervises other work (housekeeping
        # supervisors for hotel desk clerks): only when the own group has none. Where the
        # group has several, a related one must name this work in its title (the
        # firefighting supervisors O*NET relates to fish and game wardens do not).
        if r.soc in sups and (r.soc in group or not group):
            if len(group) > 1 and not mine & (_words(sups[r.soc]) - _SUPERVISOR_WORDS):
                continue
            pick = (r.soc, "related occupation in O*NET")
            break
    if pick is None:
        if len(group) == 1:
            # The group's only first-line supervisors supervise the whole group.
            only = next(iter(group))
            pick = (only, f"the first-line supervisors of SOC major group {soc[:2]}")
        else:
            # Several supervising occupations: only one whose title names this work
            # ("Passenger Attendants" for flight attendants); none rather than a
            # neighbouring trade's supervisors.
            own = _words(title)
            scored = sorted(
                (-len(own & (_words(t) - _SUPERVISOR_WORDS)), s) for s, t in group.items()
            )
            if scored and scored[0][0] < 0:
                pick = (scored[0][1], f"first-line supervisors in SOC major group {soc[:2]}")
    if pick is None:
        return None
    sup_soc, basis = pick
    key = f"suptasks:{rid}:{sup_soc}"
    if key not in cache:
        ts = T["onet_task_statements"]
        cache[key] = [
            Task(
                id=r.task_id,
                text=r.task,
                type=r.task_type if r.task_type in ("Core", "Supplemental") else None,
            )
            for r in conn.execute(
                select(ts.c.task_id, ts.c.task, ts.c.task_type)
                .where(ts.c.release_id == rid, ts.c.soc == sup_soc)
                .order_by(ts.c.task_id)
            )
        ]
    return Supervisor(soc=sup_soc, title=sups[sup_soc], basis=basis, tasks=cache[key])


def list_scale_anchors(
    conn: Connection, rid: int, element_ids: set[str], cache: dict[str, Any]
) -> list[ScaleAnchor]:
    """Level scale anchors (scale LV) of the given elements, by element and value."""
    key = f"anchors:{rid}"
    if key not in cache:
        t = T["onet_level_scale_anchors"]
        cache[key] = [
            ScaleAnchor(element_id=r.element_id, value=r.anchor_value, text=r.anchor_description)
            for r in conn.execute(
                select(t.c.element_id, t.c.anchor_value, t.c.anchor_description)
                .where(t.c.release_id == rid, t.c.scale_id == "LV")
                .order_by(t.c.element_id, t.c.anchor_value)
            )
        ]
    return [a for a in cache[key] if a.element_id in element_ids]


def list_element_descriptions(
    conn: Connection, rid: int, element_ids: set[str], cache: dict[str, Any]
) -> dict[str, str]:
    """Content-model descriptions of the given elements."""
    key = f"descriptions:{rid}"
    if key not in cache:
        cm = T["onet_content_model"]
        rows = conn.execute(
            select(cm.c.element_id, cm.c.description).where(cm.c.release_id == rid)
        ).all()
        cache[key] = {r.element_id: r.description for r in rows}
    return {e: d for e, d in cache[key].items() if e in element_ids}


def list_skill_activities(
    conn: Connection, rid: int, element_ids: set[str], cache: dict[str, Any]
) -> dict[str, list[str]]:
    """Work-activity elements O*NET links to each given skill (Skills to Work Activities),
    ordered by how few skills share the activity ("Resolving Conflicts and Negotiating with
    Others" before "Getting Information"), then by id. Empty when the release lacks the file."""
    key = f"skill_activities:{rid}"
    if key not in cache:
        t = T["onet_skills_to_work_activities"]
        pairs = conn.execute(
            select(t.c.from_element_id, t.c.to_element_id).where(t.c.release_id == rid)
        ).all()
        shared: dict[str, int] = {}
        for _, act in pairs:
            shared[str(act)] = shared.get(str(act), 0) + 1
        links: dict[str, list[str]] = {}
        for skill, act in pairs:
            links.setdefault(str(skill), []).append(str(act))
        cache[key] = {
            skill: sorted(set(acts), key=lambda a: (shared[a], a)) for skill, acts in links.items()
        }
    return {e: acts for e, acts in cache[key].items() if e in element_ids}


def typical_importance(conn: Connection, rid: int, cache: dict[str, Any]) -> dict[str, float]:
    """Mean importance (scale IM) of each skill and knowledge element over the release."""
    key = f"typical:{rid}"
    if key not in cache:
        out: dict[str, float] = {}
        for name in ("onet_skills", "onet_knowledge"):
            t = T[name]
            rows = conn.execute(
                select(t.c.element_id, func.avg(t.c.data_value))
                .where(t.c.release_id == rid, t.c.scale_id == "IM")
                .group_by(t.c.element_id)
            )
            out.update({r[0]: round(float(r[1]), 3) for r in rows if r[1] is not None})
        cache[key] = out
    result: dict[str, float] = cache[key]
    return result
