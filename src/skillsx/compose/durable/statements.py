"""Fill the durable templates from one occupation's facts: choose, fill, cite.

Templates are chosen by the occupation's traits: those gated on a trait that shapes its work
(care, selling, physical or hazardous work …) come first, then the general ones, each group
rotated by occupation so neighbours do not open alike. Each slot takes a piece of this
occupation's work whose object is of the kind the slot asks for; the least-used pieces go first
so a page does not lean on one task.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from skillsx.compose.durable.domains import (
    DOMAINS,
    FRAMEWORK,
    DomainSpec,
    top_element,
    weigh_domain,
)
from skillsx.compose.durable.facts import (
    PREFERRED,
    SENIOR_WORK,
    Facts,
    Material,
    gather_facts,
)
from skillsx.compose.durable.templates import MATERIAL_SLOTS, SLOT, TEMPLATES, Template
from skillsx.compose.durable.words import repeats_root
from skillsx.models import (
    Anchor,
    Brief,
    DurableDomain,
    DurableLevel,
    DurableSkills,
    DurableStatement,
)

DURABLE_LEVELS = tuple(DurableLevel)
# Statements per level by domain rank: the three heaviest domains get 12, the lightest 10.
COUNTS = {
    "high": (2, 3, 4, 3),
    "mid": (2, 3, 3, 3),
    "low": (2, 2, 3, 3),
}
#: Traits that say how senior or social the work is rather than what shapes it.
_GENERAL_TRAITS = frozenset({"pro", "people", "team"})
MAX_WORDS, MAX_CHARS = 40, 300
MIN_PER_LEVEL = 2
_OBJECT_SLOTS = ("obj", "record", "thing", "equipment", "issue", "hazard", "topic")
#: Work with people: what a template about the people served prefers to be about.
_PEOPLE_WORK = frozenset(
    {"4.A.4.a.1", "4.A.4.a.3", "4.A.4.a.4", "4.A.4.a.5", "4.A.4.a.6", "4.A.4.a.7", "4.A.4.a.8"}
)


def _fits(material: Material, slots: tuple[str, ...]) -> bool:
    for slot in slots:
        if slot in ("act", "acting"):
            if not material.act:
                return False
        elif not material.obj or material.kind not in MATERIAL_SLOTS[slot]:
            return False
    return True


def _other_values(template: Template, facts: Facts) -> tuple[dict[str, str], list[Anchor]] | None:
    """Values and anchors of the people, peers and tech slots; None if one is missing."""
    values: dict[str, str] = {}
    anchors: list[Anchor] = []
    for slot in template.slots:
        if slot == "people":
            if not facts.people:
                return None
            values[slot], anchor = facts.people
            anchors.append(anchor)
        elif slot == "peers":
            values[slot], peer_anchor = facts.peers
            if peer_anchor:
                anchors.append(peer_anchor)
        elif slot == "tech":
            if not facts.tech:
                return None
            values[slot], anchor = facts.tech
            anchors.append(anchor)
    return values, anchors


def _render(template: Template, values: dict[str, str]) -> str | None:
    text = SLOT.sub(lambda m: values[m.group(1)], template.text)
    text = text[:1].upper() + text[1:]
    if len(text.split()) > MAX_WORDS or len(text) > MAX_CHARS:
        return None
    return text


def _preferred(template: Template) -> frozenset[str]:
    """Work-activity elements whose DWAs suit a template gated on a trait of the work."""
    out: frozenset[str] = _PEOPLE_WORK if "people" in template.slots else frozenset()
    for trait in template.needs:
        out |= PREFERRED.get(trait, frozenset())
    return out


class _Pool:
    """A domain's materials in order, with the fitting ones per slot set worked out once."""

    def __init__(self, materials: list[Material]) -> None:
        self.materials = materials
        self._fitting: dict[tuple[tuple[str, ...], bool], list[int]] = {}

    def fitting(self, slots: tuple[str, ...], senior: bool) -> list[int]:
        key = (slots, senior)
        if key not in self._fitting:
            self._fitting[key] = [
                i
                for i, m in enumerate(self.materials)
                if _fits(m, slots) and (senior or m.element_id not in SENIOR_WORK)
            ]
        return self._fitting[key]


def _merged(first: Sequence[Anchor], more: Sequence[Anchor]) -> list[Anchor]:
    """Both lists of anchors, each record once (compared by kind and ID: pydantic's __eq__ is
    slow, and this runs for every statement)."""
    keys = {(a.kind, a.id) for a in first}
    return [*first, *(a for a in more if (a.kind, a.id) not in keys)]


def _best_first(items: list[int], key: Callable[[int], tuple[bool, int, int]]) -> Iterator[int]:
    """``sorted(items, key=key)``, sorting only if the first item is not enough."""
    best = min(items, key=key)
    yield best
    yield from (i for i in sorted(items, key=key) if i != best)


def _fill(
    template: Template,
    facts: Facts,
    pool: _Pool,
    start: int,
    seen: set[str],
    senior: bool,
) -> tuple[str, list[Anchor], Material | None] | None:
    """The template filled from the least-used fitting material, or None.

    Materials of the template's own kind of work come first, then the least used, then those
    nearest the domain's cursor; management and training work is kept for the senior levels.
    """
    other = _other_values(template, facts)
    if other is None:
        return None
    values, anchors = other
    # "teach teachers", "learn … Learning management system": a people, colleagues or
    # technology name that repeats the template's own verb.
    if template.roots and values and repeats_root(template.roots, " ".join(values.values())):
        return None
    # "protect the public, staff and the public": a name the template already writes.
    fixed = SLOT.sub("", template.text)
    if any(" " in v and (f" {v}," in fixed or f" {v} " in fixed) for v in values.values()):
        return None
    slots = template.material_slots
    if not slots:
        text = _render(template, values)
        return (text, anchors, None) if text and _new(text, seen) else None
    materials = pool.materials
    n = len(materials)
    preferred = _preferred(template)

    def key(i: int) -> tuple[bool, int, int]:
        m = materials[i]
        return m.element_id not in preferred, facts.used[m.anchors[-1].id], (i - start) % n

    fitting = pool.fitting(slots, senior)
    if not fitting:
        return None
    # The best material nearly always fills the template anew: try it before sorting the rest.
    # "tell patients … before immunizing patients": the people once is enough.
    people = values.get("people")
    for i in _best_first(fitting, key):
        material = materials[i]
        if people and material.act and people in material.act:
            continue
        # "record personnel records", "write messages about writing code": the template's
        # own verb again in the work it names.
        if _repeats(template, material):
            continue
        filled = (
            values
            | dict.fromkeys(_OBJECT_SLOTS, material.obj or "")
            | {
                "act": material.act or "",
                "acting": material.acting or "",
            }
        )
        text = _render(template, filled)
        if text and _new(text, seen):
            return (
                text,
                _merged(material.anchors, anchors),
                material,
            )
    return None


def _repeats(template: Template, material: Material) -> bool:
    """Whether the material's words, in the slots the template fills, repeat a root of the
    template's own verbs."""
    if not template.roots:
        return False
    slots = template.material_slots
    value = " ".join(
        (material.act or "") if slot in ("act", "acting") else (material.obj or "")
        for slot in slots
    )
    return repeats_root(template.roots, value)


def _new(text: str, seen: set[str]) -> bool:
    """Neither the statement nor its title is already on the page."""
    return text not in seen and text.split(" — ", 1)[0] not in seen


def _ordered(templates: list[Template], facts: Facts) -> list[Template]:
    """Fitting templates: those shaped by the occupation's work first, each group rotated."""
    fitting = [t for t in templates if t.fits(facts.traits)]
    specific = [t for t in fitting if t.needs - _GENERAL_TRAITS]
    general = [t for t in fitting if not t.needs - _GENERAL_TRAITS]
    turn = sum(map(ord, facts.brief.soc))

    def rotate(ts: list[Template]) -> list[Template]:
        k = turn % len(ts) if ts else 0
        return ts[k:] + ts[:k]

    return rotate(specific) + rotate(general)


def _level_statements(
    spec: DomainSpec,
    level: DurableLevel,
    count: int,
    facts: Facts,
    pool: _Pool,
    cursor: list[int],
    seen: set[str],
) -> list[tuple[str, list[Anchor]]]:
    out: list[tuple[str, list[Anchor]]] = []
    templates = _ordered(TEMPLATES[spec.id][level], facts)
    senior = level in (DurableLevel.APPLYING, DurableLevel.EXCEEDING)
    # Management and training work waits for the senior levels, unless the occupation has
    # little else (a farm labour contractor's work is mostly managing).
    for allow_senior in (senior, True):
        for template in templates:
            if len(out) == count:
                return out
            filled = _fill(template, facts, pool, cursor[0], seen, allow_senior)
            if filled is None:
                continue
            text, anchors, material = filled
            if material is not None:
                cursor[0] += 1
                facts.used[material.anchors[-1].id] += 1
            seen.add(text)
            seen.add(text.split(" — ", 1)[0])
            out.append((text, anchors))
        if len(out) >= MIN_PER_LEVEL:
            break
    return out


def _materials_for(spec: DomainSpec, facts: Facts) -> list[Material]:
    """This domain's work first (DWAs of its activities), then the rest, least-used first."""
    own = [m for m in facts.materials if m.element_id in spec.activities]
    rest = [m for m in facts.materials if m.element_id not in spec.activities]
    rest.sort(key=lambda m: (facts.used[m.anchors[-1].id], m.rank))
    return own + rest


def _domain(
    spec: DomainSpec, rank: int, weighed: tuple[float, str, list[str]], facts: Facts, seen: set[str]
) -> DurableDomain:
    weight, reason, used = weighed
    band = "high" if rank <= 3 else "mid" if rank <= 7 else "low"
    element = top_element(spec, facts.brief)
    pool = _Pool(_materials_for(spec, facts))
    cursor = [0]
    statements: list[DurableStatement] = []
    for level, count in zip(DURABLE_LEVELS, COUNTS[band], strict=True):
        filled = _level_statements(spec, level, count, facts, pool, cursor, seen)
        for order, (text, anchors) in enumerate(filled, start=1):
            if element:
                anchors = _merged(anchors, [element])
            title, behaviour = text.split(" — ", 1)
            statements.append(
                DurableStatement(
                    domain=spec.id,
                    level=level,
                    order=order,
                    title=title,
                    behaviour=behaviour,
                    framework=FRAMEWORK,
                    anchors=anchors,
                )
            )
    return DurableDomain(
        id=spec.id,
        name=spec.name,
        description=spec.description,
        rank=rank,
        weight=weight,
        reason=reason,
        element_ids=used,
        statements=statements,
    )


def compose_durable(brief: Brief) -> DurableSkills:
    """The ten domains for this occupation, heaviest first, with statements at four levels."""
    facts = gather_facts(brief)
    weighed = [(spec, weigh_domain(spec, brief)) for spec in DOMAINS]
    # Ties keep the framework's own order of the domains.
    weighed.sort(key=lambda w: -w[1][0])
    seen: set[str] = set()
    domains = [
        _domain(spec, rank, weights, facts, seen)
        for rank, (spec, weights) in enumerate(weighed, start=1)
    ]
    return DurableSkills(
        soc=brief.soc,
        title=brief.title,
        release=brief.release,
        framework=FRAMEWORK,
        domains=domains,
    )
