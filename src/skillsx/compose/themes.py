"""Group an occupation's tasks, activities and tools into about ten themes, most important first.

Tasks that share Detailed Work Activities (or their Intermediate Work Activities) describe
the same work, so they are clustered together; with few tasks, themes also come from a
task's second clause, its DWAs, the occupation's technology and tools.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from skillsx.compose.families import SENIORITY, family_of
from skillsx.compose.phrases import (
    Clause,
    clause_inside,
    has_seam,
    light_nominal,
    loose_list,
    opens_with_verb,
    parse_clause,
    parse_task,
    people_only,
    subject_for,
    words,
)
from skillsx.models import Anchor, Brief, Task

THEME_COUNT = 10
_DANGLING = frozenset(
    "and or of to for in on at with by from as the a an prior along separately".split()
)


@dataclass(frozen=True)
class Facet:
    """One piece of work a statement can be about: a parsed clause and its anchors."""

    clause: Clause
    subject: str
    anchors: tuple[Anchor, ...]
    rank: int  # position in the brief's importance order (Core first)
    kind: str = "task"  # "task", "dwa", "technology", "tool"
    text: str = ""  # the source sentence, for settings

    @property
    def seniority(self) -> int:
        return SENIORITY[family_of(self.clause.verb)]


@dataclass
class ThemePlan:
    """A theme: its label, and the facets its statements draw on, most important first."""

    id: str
    label: str
    facets: list[Facet]
    dwa_ids: set[str] = field(default_factory=set)
    iwa_ids: set[str] = field(default_factory=set)

    @property
    def anchors(self) -> list[Anchor]:
        seen: dict[tuple[str, str], Anchor] = {}
        for facet in self.facets:
            for a in facet.anchors:
                seen.setdefault((a.kind, a.id), a)
        return list(seen.values())

    @property
    def rank(self) -> int:
        return min(f.rank for f in self.facets)


def _score(subject: str, clause: Clause) -> float:
    """How well a subject names the work: two to seven words, no stray verbs."""
    n = len(words(subject))
    if not subject or not clause.verbs:
        return -10.0
    score = 0.0
    score -= 0 if 2 <= n <= 7 else 2 + abs(n - 4) * 0.3
    if subject.split()[0].lower() in {"and", "or", "up", "down", "out"}:
        score -= 10
    if subject.split()[-1].lower() in _DANGLING or has_seam(subject) or opens_with_verb(subject):
        score -= 10
    if re.search(r"ing\b", subject.split()[-1]) and clause.verb not in subject.lower():
        score -= 0.5
    last = subject.split()[-1].lower()
    if _unfit(subject):
        score -= 10
    elif last in _CREDENTIALS:
        # "Current electrician's license" is a condition of the job, not work to grow in.
        score -= 4
    elif last in _VAGUE_HEADS:
        score -= 2.5
    return score


def _unfit(subject: str) -> bool:
    """Subjects the checks reject: a verb made a noun, people without work, loose lists."""
    return (
        light_nominal(subject)
        or people_only(subject)
        or loose_list(subject)
        or clause_inside(subject)
    )


_CREDENTIALS = frozenset(
    "license licenses licence licences card cards certificate certificates certification "
    "certifications permit permits credential credentials".split()
)
_VAGUE_HEADS = frozenset("tasks duties responsibilities functions".split())


def task_facet(task: Task, rank: int, release: str) -> Facet:
    """The best way to name one task's work, from the task itself or one of its DWAs."""
    anchors = [Anchor(kind="task", id=str(task.id), release=release)]
    for dwa in task.dwas:
        anchors.append(Anchor(kind="dwa", id=dwa.id, release=release))
    if task.dwas:
        anchors.append(Anchor(kind="element", id=task.dwas[0].element_id, release=release))
    clauses = parse_task(task.text)
    candidates = [(c, subject_for(c)) for c in clauses[:1]]
    # A DWA names the same work more plainly; prefer it only when the task reads badly.
    candidates += [(c, subject_for(c)) for d in task.dwas for c in parse_task(d.title)[:1]]
    best = max(candidates, key=lambda cs: _score(cs[1], cs[0]) - 0.6 * candidates.index(cs))
    return Facet(best[0], best[1], tuple(anchors), rank, "task", task.text)


def _importance(brief: Brief) -> list[Task]:
    """Tasks in importance order: Core before Supplemental, then the brief's own order."""
    order = {t.id: i for i, t in enumerate(brief.tasks)}
    return sorted(brief.tasks, key=lambda t: (t.type == "Supplemental", order[t.id]))


def _subject_words(theme: ThemePlan) -> frozenset[str]:
    return frozenset(w.lower() for f in theme.facets for w in words(f.subject) if len(w) > 3)


def _similarity(a: ThemePlan, b: ThemePlan, wa: frozenset[str], wb: frozenset[str]) -> float:
    shared_dwa = len(a.dwa_ids & b.dwa_ids)
    shared_iwa = len(a.iwa_ids & b.iwa_ids)
    overlap = len(wa & wb) / max(1, len(wa | wb))
    size = len(a.facets) + len(b.facets)
    return (3.0 * shared_dwa + 1.5 * shared_iwa + 2.0 * overlap) / (1 + 0.15 * size)


def plan_themes(brief: Brief, count: int = THEME_COUNT) -> list[ThemePlan]:
    """Cluster the brief into ``count`` themes (fewer only if the brief has too little data)."""
    tasks = _importance(brief)
    themes: list[ThemePlan] = []
    unnamed: list[tuple[Task, Facet]] = []
    for rank, task in enumerate(tasks):
        facet = task_facet(task, rank, brief.release)
        if _score(facet.subject, facet.clause) <= -10:
            # Unnameable task: its anchors join the theme it shares most activities with.
            unnamed.append((task, facet))
            continue
        themes.append(_theme_of(task, facet))
    for task, facet in unnamed:
        if not themes:  # nothing better to name the work by
            themes.append(_theme_of(task, facet))
            continue
        host = max(themes, key=lambda t: (len(t.dwa_ids & {d.id for d in task.dwas}), -t.rank))
        lead = host.facets[0]
        host.facets.append(
            Facet(lead.clause, lead.subject, facet.anchors, facet.rank, "task", lead.text)
        )
    if len(themes) < count:
        themes += _extra_themes(brief, themes, count - len(themes))
    cap = max(4, -(-len(themes) // count) + 2)
    subject_words = [_subject_words(t) for t in themes]
    # Pairwise similarities, kept between merges: only pairs with the merged theme change.
    sims: dict[tuple[int, int], float] = {}
    while len(themes) > count:
        best: tuple[float, int, int] | None = None
        for i in range(len(themes)):
            for j in range(i + 1, len(themes)):
                if len(themes[i].facets) + len(themes[j].facets) > cap:
                    continue
                pair = (id(themes[i]), id(themes[j]))
                sim = sims.get(pair)
                if sim is None:
                    sim = sims[pair] = _similarity(
                        themes[i], themes[j], subject_words[i], subject_words[j]
                    )
                # Among equals, fold the least important themes together.
                key = (sim, i + j, j)
                if best is None or key > best:
                    best = key
        if best is None:
            cap += 1
            continue
        _, i_plus_j, j = best
        i = i_plus_j - j
        a, b = themes[i], themes[j]
        a.facets = sorted(a.facets + b.facets, key=lambda f: f.rank)
        a.dwa_ids |= b.dwa_ids
        a.iwa_ids |= b.iwa_ids
        subject_words[i] = subject_words[i] | subject_words[j]
        sims = {k: v for k, v in sims.items() if id(a) not in k and id(b) not in k}
        del themes[j], subject_words[j]
    themes.sort(key=lambda t: t.rank)
    for n, theme in enumerate(themes, start=1):
        theme.id = f"T{n:02d}"
        theme.label = theme.facets[0].subject
    return themes


def _theme_of(task: Task, facet: Facet) -> ThemePlan:
    return ThemePlan(
        id="",
        label=facet.subject,
        facets=[facet],
        dwa_ids={d.id for d in task.dwas},
        iwa_ids={d.iwa_id for d in task.dwas},
    )


def _extra_themes(brief: Brief, themes: list[ThemePlan], need: int) -> list[ThemePlan]:
    """Themes for small occupations: second clauses, DWAs, technology and tools."""
    used = {f.subject.lower() for t in themes for f in t.facets}
    extra: list[ThemePlan] = []
    rank = len(brief.tasks)

    def add(clause: Clause, subject: str, anchors: list[Anchor], kind: str, text: str) -> None:
        nonlocal rank
        if len(extra) >= need or not subject or subject.lower() in used:
            return
        if has_seam(subject) or opens_with_verb(subject) or subject.split()[-1] in _DANGLING:
            return
        if _unfit(subject):
            return
        used.add(subject.lower())
        rank += 1
        facet = Facet(clause, subject, tuple(anchors), rank, kind, text)
        extra.append(ThemePlan(id="", label=subject, facets=[facet]))

    release = brief.release
    for task in _importance(brief):
        task_anchor = Anchor(kind="task", id=str(task.id), release=release)
        for clause in parse_task(task.text)[1:]:
            add(clause, subject_for(clause), [task_anchor], "task", task.text)
    for task in _importance(brief):
        for dwa in task.dwas:
            clause = parse_task(dwa.title)[0]
            anchors = [
                Anchor(kind="dwa", id=dwa.id, release=release),
                Anchor(kind="element", id=dwa.element_id, release=release),
            ]
            add(clause, subject_for(clause), anchors, "dwa", dwa.title)
    seen_titles: set[str] = set()
    for tech in sorted(brief.technology, key=lambda t: (not t.hot, not t.in_demand, t.example)):
        if tech.commodity_title in seen_titles:
            continue
        seen_titles.add(tech.commodity_title)
        clause = parse_clause(f"Use {tech.commodity_title}")
        subject = tech.commodity_title
        if tech.example.lower() != tech.commodity_title.lower() and len(words(tech.example)) <= 3:
            subject = f"{tech.example} and other {tech.commodity_title.lower()}"
        anchor = Anchor(kind="technology", id=str(tech.commodity_code), release=release)
        add(clause, subject[:1].upper() + subject[1:], [anchor], "technology", subject)
    for tool in brief.tools:
        if tool.commodity_title in seen_titles:
            continue
        seen_titles.add(tool.commodity_title)
        clause = parse_clause(f"Use {tool.commodity_title.lower()}")
        anchor = Anchor(kind="tool", id=str(tool.commodity_code), release=release)
        add(clause, tool.commodity_title, [anchor], "tool", tool.commodity_title)
    return extra
