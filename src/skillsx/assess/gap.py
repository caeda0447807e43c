"""The gap for a move: which statements of another occupation's framework are already covered.

``gap(to_framework, held_anchors)`` takes the target's framework (a stored page's
``framework``: themes and statements with their anchors) and the anchors ("kind:id") of the
statements someone rated "independently" or "can teach it", and marks each target statement
covered or not, level by level, with the level rule applied to the covered ones.

What covers what (``COVER_RULE``):

* the same detailed work activity, task, supervisor task, technology, tool or work style;
* for a skill or knowledge statement, which cites a level scale anchor (``E@v``), the same
  element held at the same or a higher anchor (holding Negotiation at 4 covers it at 2);
* a broad O*NET work activity (element ``4.A…``) never counts on its own: nearly every
  occupation cites the same few dozen, so they say nothing about a move.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from skillsx.assess.ratings import LEVELS, anchor_key, statement_id
from skillsx.assess.rules import RULE, standing
from skillsx.models import Level

COVER_RULE = (
    "A statement counts as covered when a statement you hold (rated “independently” or "
    "“can teach it”) cites the same O*NET record: the same detailed work activity, task, "
    "technology, tool or work style, or for a skill or knowledge the same element at the same "
    "or a higher level anchor. Broad O*NET work activities (4.A…) are cited by nearly every "
    "occupation and do not count on their own."
)
#: Elements this broad (O*NET's generalised work activities) never cover a statement alone.
BROAD_ELEMENT = "element:4.A."


def _scale(anchor: str) -> tuple[str, float] | None:
    """("element id", value) of a ``scale_anchor:E@v`` anchor, None for anything else."""
    if not anchor.startswith("scale_anchor:"):
        return None
    element, _, value = anchor.removeprefix("scale_anchor:").rpartition("@")
    try:
        return element, float(value)
    except ValueError:
        return None


def covering(anchors: list[str], held: set[str], held_scales: dict[str, float]) -> list[str]:
    """The held anchors that cover a statement citing ``anchors`` (empty: not covered)."""
    scaled = {s[0] for a in anchors if (s := _scale(a))}
    out = []
    for a in anchors:
        scale = _scale(a)
        if scale is not None:
            element, value = scale
            top = held_scales.get(element)
            if top is not None and top >= value:
                out.append(f"scale_anchor:{element}@{_number(top)}")
        elif a.startswith(BROAD_ELEMENT):
            continue
        elif a.startswith("element:") and a.removeprefix("element:") in scaled:
            continue  # decided by its scale anchor: the level matters, not the name
        elif a in held:
            out.append(a)
    return sorted(set(out))


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def gap(to_framework: Mapping[str, Any], held_anchors: set[str]) -> dict[str, Any]:
    """Each level of ``to_framework`` with its statements marked covered by ``held_anchors``."""
    held_scales: dict[str, float] = {}
    for a in held_anchors:
        scale = _scale(a)
        if scale is not None:
            held_scales[scale[0]] = max(scale[1], held_scales.get(scale[0], scale[1]))
    labels = {t["id"]: t["label"] for t in to_framework.get("themes", [])}
    marked: dict[str, list[dict[str, Any]]] = {level: [] for level in LEVELS}
    for s in sorted(to_framework["statements"], key=lambda s: s["order"]):
        anchors = [anchor_key(a) for a in s["anchors"]]
        by = covering(anchors, held_anchors, held_scales)
        marked[s["level"]].append(
            {
                "id": statement_id(s["level"], s["order"]),
                "text": f"{s['subject']} — {s['action']}",
                "theme": s["theme"],
                "theme_label": labels.get(s["theme"], s["theme"]),
                "anchors": anchors,
                "covered": bool(by),
                "covered_by": by,
            }
        )
    result = standing((level, s["covered"]) for level in LEVELS for s in marked[level])
    levels = []
    for tally in result.levels:
        level = Level(tally.level)
        levels.append(
            {
                "key": level.value,
                "label": level.label,
                "band": level.band,
                "statements": marked[level.value],
                "total": tally.statements,
                "covered": tally.held,
                "required": tally.required,
                "to_go": tally.to_go,
                "met": tally.met,
                "reached": tally.reached,
            }
        )
    return {
        "soc": to_framework["soc"],
        "title": to_framework["title"],
        "level": result.level,
        "level_label": result.label,
        "covered": sum(level["covered"] for level in levels),
        "total": sum(level["total"] for level in levels),
        "levels": levels,
        "cover_rule": COVER_RULE,
        "level_rule": RULE,
    }
