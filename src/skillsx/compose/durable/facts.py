"""What an occupation's records give the durable and AI-use statements, computed once per brief.

*Materials* are pieces of its work (a DWA of one of its tasks, or the task itself) with the
object they act on, the kind of that object and the work as a verb phrase. *Traits* say what
shapes the occupation's work (caring for people, selling, physical or hazardous work, records,
analysis, managing others, its Job Zone); templates are chosen by them, so a nurse's Fortitude
differs in kind, not only in nouns, from a salesperson's or a welder's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property

from skillsx.compose.durable.words import (
    FALLBACK_PEERS,
    PEERS,
    SERVED,
    action_of,
    kind_of,
    object_of,
    trim_purpose,
)
from skillsx.compose.lexicon import BASE_VERBS
from skillsx.compose.phrases import gerund
from skillsx.models import Anchor, Brief, Technology

#: Longest verb phrase a durable statement takes whole ("maintain medical facility records").
DURABLE_ACT_WORDS = 7


#: Verbs stressed on a last syllable that ends consonant-vowel-consonant: the consonant doubles
#: ("confer" -> "conferring", "patrol" -> "patrolling"), which one-syllable rules miss.
_DOUBLING = frozenset(
    "confer refer transfer prefer infer defer deter control patrol propel compel repel expel "
    "excel occur recur incur admit commit submit omit permit emit transmit equip program "
    "reprogram format reformat input debug diagram embed reset retrofit rewrap unwrap typeset "
    "offset outfit unplug shrink-fit".split()
)


def _gerund(verb: str) -> str:
    return verb + verb[-1] + "ing" if verb in _DOUBLING else gerund(verb)


@dataclass(frozen=True)
class Material:
    """One piece of this occupation's work a statement can be about, and what it cites."""

    obj: str | None
    act: str | None
    element_id: str | None
    anchors: tuple[Anchor, ...]
    rank: int
    kind: str = "work"  # of obj: record, issue, thing or work (see words.kind_of)

    @cached_property
    def acting(self) -> str | None:
        """The work as a gerund phrase ("maintaining medical facility records")."""
        if not self.act:
            return None
        first, *rest = self.act.split(" ")
        # "clean and maintain tools" -> "cleaning and maintaining tools"
        if len(rest) >= 2 and rest[0] in ("and", "or") and rest[1] in BASE_VERBS:
            return " ".join([_gerund(first), rest[0], _gerund(rest[1]), *rest[2:]])
        return " ".join([_gerund(first), *rest])


@dataclass
class Facts:
    """What the occupation's records give the templates, computed once per brief."""

    brief: Brief
    materials: list[Material]
    people: tuple[str, Anchor] | None
    peers: tuple[str, Anchor | None]
    tech: tuple[str, Anchor] | None
    traits: frozenset[str] = frozenset()
    used: Counter[str] = field(default_factory=Counter)


def _lexicon_pattern(lexicon: dict[str, str]) -> re.Pattern[str]:
    # Longest first, so "members of the public" wins over "the public".
    words = sorted(lexicon, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b")


_SERVED_RE, _PEERS_RE = _lexicon_pattern(SERVED), _lexicon_pattern(PEERS)


def _noun_counts(
    brief: Brief, lexicon: dict[str, str], pattern: re.Pattern[str]
) -> tuple[str, Anchor] | None:
    """The lexicon's name the tasks use most (Core tasks count double), with its first task."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for task in brief.tasks:
        for word in set(pattern.findall(task.text.lower())):
            name = lexicon[word]
            counts[name] += 2 if task.type == "Core" else 1
            first.setdefault(name, task.id)
    if not counts:
        return None
    # Sorted first: two names of one task tie, and a set's order changes between processes.
    name = max(sorted(counts), key=lambda n: (counts[n], -first[n]))
    return name, Anchor(kind="task", id=str(first[name]), release=brief.release)


def usable_object(obj: str | None) -> tuple[str | None, str]:
    """The object as statements name it, and its kind; (None, "work") if it names nothing a
    statement can be about.

    "acute illnesses, infections, or injuries" reads as a list, "changes" or "topics" say
    nothing, "knowledge of current developments" is not a piece of work. A quality with "of"
    takes its article: "accuracy of records" -> "the accuracy of records".
    """
    if not obj:
        return None, "work"
    head = obj.split(" of ")[0].split()[-1].lower()
    if (
        "," in obj
        or obj.lower() in _GENERAL_OBJECTS
        or (len(obj.split()) <= 2 and head in _GENERAL_HEADS)
        or head in _NEVER_HEADS
    ):
        return None, "work"
    kind = kind_of(obj)
    if kind == "quality" and " of " in obj and not obj.lower().startswith("the "):
        if not head.endswith("s") or head.endswith(("ss", "ness", "us", "sis")):
            obj = "the " + obj
    return obj, kind


def _material(
    title: str, element_id: str | None, anchors: tuple[Anchor, ...], rank: int
) -> Material | None:
    act = trim_purpose(action_of(title, DURABLE_ACT_WORDS + 4))
    if act and len(act.split()) > DURABLE_ACT_WORDS:
        act = None
    obj, kind = usable_object(object_of(title))
    if obj is None and act is None:
        return None
    return Material(obj, act, element_id, anchors, rank, kind)


def _distinct_act(material: Material | None, acts: set[str]) -> Material | None:
    """The material, without its verb phrase if an earlier one reads the same (two DWAs
    "Analyze data to …" both read "analyze data" once their purpose is cut)."""
    if material is None or material.act is None:
        return material
    if material.act in acts:
        return replace(material, act=None) if material.obj else None
    acts.add(material.act)
    return material


def _materials(brief: Brief) -> list[Material]:
    rel = brief.release
    out: list[Material] = []
    seen: set[str] = set()
    acts: set[str] = set()
    for rank, task in enumerate(brief.tasks):
        task_anchor = Anchor(kind="task", id=str(task.id), release=rel)
        for dwa in task.dwas:
            if dwa.id in seen:
                continue
            anchors = (task_anchor, Anchor(kind="dwa", id=dwa.id, release=rel))
            material = _distinct_act(_material(dwa.title, dwa.element_id, anchors, rank), acts)
            if material:
                seen.add(dwa.id)
                out.append(material)
        if not task.dwas:
            material = _distinct_act(_material(task.text, None, (task_anchor,), rank), acts)
            if material:
                out.append(material)
    return out


# Work-activity elements (of the occupation's DWAs) behind each trait, and how many distinct
# DWAs it takes.
_ACTIVITY_TRAITS = {
    "care": (("4.A.4.a.5",), 2),  # and people in CARED_FOR (see _traits)
    "sell": (("4.A.4.a.6",), 2),  # and people in SOLD_TO
    "public": (("4.A.4.a.8", "4.A.4.a.3"), 1),
    "conflict": (("4.A.4.a.7",), 1),
    "physical": (("4.A.3.a.1", "4.A.3.a.2", "4.A.3.a.3", "4.A.3.a.4", "4.A.3.b.4"), 3),
    "records": (("4.A.3.b.6", "4.A.2.a.2", "4.A.4.c.1", "4.A.3.b.1"), 2),
    "analysis": (("4.A.2.a.4", "4.A.2.a.3", "4.A.1.b.3"), 2),
    "creative": (("4.A.2.b.2",), 3),
    "teach": (("4.A.4.b.3", "4.A.4.b.5"), 1),
    "manage": (("4.A.4.b.4", "4.A.4.c.2", "4.A.4.c.3"), 2),
}
_HAZARD = re.compile(
    r"\b(?:safety|hazard\w*|emergenc\w+|injur\w+|fires?|toxic|protective|accidents?|danger\w*|"
    r"weapons?|explosives?|chemicals?|radiation|heights|traffic)\b"
)
STRESS_STYLE = "1.D.4.a"  # Stress Tolerance
#: People whose care, rather than service, the work is about.
CARED_FOR = frozenset("patients children residents clients families participants".split())
#: People a worker sells to.
SOLD_TO = frozenset(
    "customers clients buyers shoppers consumers patrons guests investors donors tenants "
    "borrowers travellers".split()
)
#: Objects too general for a durable statement to be about ("a problem with changes").
_GENERAL_OBJECTS = frozenset(
    "changes security procedures materials performance operations activities programs "
    "problems issues data equipment products services systems projects methods topics "
    "objects material resources opportunities actions options items types concepts measures "
    "terms questions decisions approaches settings locations positions points matters areas "
    "things information standards processes solutions".split()
)
#: Heads that need more than an adjective to say anything ("technical knowledge").
_GENERAL_HEADS = frozenset("knowledge methods approaches techniques needs activities".split())
#: Heads that never make an object: what one knows is not a piece of work.
_NEVER_HEADS = frozenset({"knowledge"})
#: Work-activity elements a gated template prefers its material from.
PREFERRED = {trait: frozenset(elements) for trait, (elements, _n) in _ACTIVITY_TRAITS.items()}
PREFERRED["hazard"] = PREFERRED["physical"] | {"4.A.1.a.2", "4.A.1.b.2"}
#: Work that belongs to senior levels: not offered to Emerging and Developing statements.
SENIOR_WORK = frozenset(
    {"4.A.4.b.4", "4.A.4.c.2", "4.A.4.c.3", "4.A.2.b.4", "4.A.4.b.3", "4.A.4.b.5"}
)


def _traits(brief: Brief, people: tuple[str, Anchor] | None, peers_named: bool) -> frozenset[str]:
    """What shapes this occupation's work, from its DWAs, tasks, styles, interests and zone."""
    dwa_elements = Counter(
        d.element_id for t in brief.tasks for d in {x.id: x for x in t.dwas}.values()
    )
    out = {
        trait
        for trait, (elements, least) in _ACTIVITY_TRAITS.items()
        if sum(dwa_elements[e] for e in elements) >= least
    }
    physical = _ACTIVITY_TRAITS["physical"][0]
    share = sum(dwa_elements[e] for e in physical) / max(1, sum(dwa_elements.values()))
    if share < 0.2:  # a few handling DWAs (stocking shelves) do not make the work physical
        out.discard("physical")
    if "sell" in out and (not people or people[0] not in SOLD_TO):
        out.discard("sell")
    if "care" in out and (not people or people[0] not in CARED_FOR):
        out.discard("care")
    if sum(bool(_HAZARD.search(t.text.lower())) for t in brief.tasks) >= 2:
        out.add("hazard")
    zone = brief.job_zone.zone if brief.job_zone else None
    if zone is not None and zone >= 4:
        out.add("pro")
    if people:
        out.add("people")
    if peers_named:
        out.add("team")
    stress = next((w for w in brief.work_styles if w.element_id == STRESS_STYLE), None)
    if stress and stress.impact is not None and stress.scale == "WI" and stress.impact >= 2.0:
        out.add("stress")
    top = [i.name for i in brief.interests[:2]]
    if "Artistic" in top:
        out.add("creative")
    if "Realistic" in top[:1]:
        out.add("physical")
    return frozenset(out)


def _main_technology(brief: Brief) -> tuple[str, Anchor] | None:
    """The occupation's most represented kind of technology, by a hot example where it has one."""
    by_code: dict[int, list[Technology]] = {}
    for t in brief.technology:
        by_code.setdefault(t.commodity_code, []).append(t)
    if not by_code:
        return None
    code = max(by_code, key=lambda c: (len(by_code[c]), sum(t.hot for t in by_code[c]), -c))
    examples = sorted(by_code[code], key=lambda t: (not t.hot, not t.in_demand, t.example.lower()))
    best = examples[0]
    # Keep acronyms as written: "point of sale POS software".
    name = " ".join(
        w if w.isupper() and len(w) > 1 else w.lower() for w in best.commodity_title.split()
    )
    if (best.hot or best.in_demand) and len(best.example.split()) <= 4 and "(" not in best.example:
        # A product name keeps its capitals but not its article: "The MathWorks MATLAB".
        name = best.example.removeprefix("The ")
    return name, Anchor(kind="technology", id=str(code), release=brief.release)


# compose_page asks for the facts twice (durable skills, then AI use) with the same brief:
# keep the last one's, and hand out a copy with its own usage counter.
_last: list[tuple[Brief, Facts]] = []


def gather_facts(brief: Brief) -> Facts:
    """The occupation's materials, people, colleagues, technology and traits, with anchors."""
    last = _last[0] if _last else None  # read once: another thread may replace it
    if last is not None and last[0] is brief:
        return replace(last[1], used=Counter())
    people = _noun_counts(brief, SERVED, _SERVED_RE)
    peers_found = _noun_counts(brief, PEERS, _PEERS_RE)
    if peers_found and people and peers_found[0] == people[0]:
        peers_found = None
    peers: tuple[str, Anchor | None] = peers_found or (FALLBACK_PEERS, None)
    facts = Facts(
        brief,
        _materials(brief),
        people,
        peers,
        _main_technology(brief),
        _traits(brief, people, peers_found is not None),
    )
    _last[:] = [(brief, facts)]
    return replace(facts, used=Counter())
