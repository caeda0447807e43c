"""Compose a four-level proficiency framework from an occupation brief (the grounded engine).

Each of about ten themes is written once per level. A statement reads
``Subject — action phrase.``: the subject names the work (from a task's object), the action
opens with a level-appropriate verb from the task's verb family, then says in what setting
(this occupation's places, technology, tools or purposes), at what scope and how
independently, following the level model in ``levels.py``.
"""

from __future__ import annotations

from skillsx.compose import settings as st
from skillsx.compose.families import TEMPLATES, family_of
from skillsx.compose.levels import LEVELS, profile
from skillsx.compose.phrases import (
    NOMINALS,
    capitalize,
    gerund,
    has_seam,
    head_noun,
    is_plural,
    lower_first,
    pronoun,
    shorten_list,
    words,
)
from skillsx.compose.themes import Facet, ThemePlan, plan_themes
from skillsx.models import Anchor, Brief, Framework, Level, Statement, Theme

MIN_WORDS, MAX_WORDS = 13, 24
STATEMENTS_PER_LEVEL = 10


def compose_framework(brief: Brief, *, engine: str = "grounded") -> Framework:
    """Compose the framework of one occupation with the named engine."""
    from skillsx.compose.engines import get_engine

    return get_engine(engine).compose(brief)


def compose_grounded(brief: Brief, engine_label: str) -> Framework:
    """The grounded engine: every statement built from and anchored to this brief."""
    themes = plan_themes(brief)
    ctx = _Context(brief)
    statements: list[Statement] = []
    for level_index, level in enumerate(LEVELS):
        slots = _slots(themes, level_index)
        ctx.level_templates = set()
        ctx.level_actions = []
        for order, (theme, facet, companions) in enumerate(slots, start=1):
            statements.append(_statement(ctx, level, order, theme, facet, companions))
    return Framework(
        soc=brief.soc,
        title=brief.title,
        release=brief.release,
        engine=engine_label,
        context_covered=_context_covered(brief, themes, ctx),
        description=_description(brief, themes),
        themes=[Theme(id=t.id, label=t.label, anchors=t.anchors) for t in themes],
        statements=statements,
    )


class _Context:
    """Occupation-wide facts the statements draw on, computed once."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.units = st.unit_nouns(brief)
        self.places = st.places(brief)
        # Opening verbs used per (theme, subject), so a theme changes verb up the ladder.
        self.theme_verbs: dict[tuple[str, str], set[str]] = {}
        # Templates used in the current level, so two themes do not read alike.
        self.level_templates: set[str] = set()
        self.level_actions: list[set[str]] = []


def _slots(themes: list[ThemePlan], level_index: int) -> list[tuple[ThemePlan, Facet, list[Facet]]]:
    """For one level, the facet each theme speaks about, and the facets it also covers."""
    out = []
    pool = list(themes)
    # With fewer than ten themes, the most important themes speak twice at each level.
    while len(pool) < STATEMENTS_PER_LEVEL and themes:
        pool.append(themes[len(pool) % len(themes)])
    for n, theme in enumerate(pool[:STATEMENTS_PER_LEVEL]):
        repeat = n >= len(themes)
        groups = _level_groups(theme.facets)
        index = (level_index + 2) % 4 if repeat else level_index
        primary, *companions = groups[index]
        out.append((theme, primary, [] if repeat else companions))
    return out


def _level_groups(facets: list[Facet]) -> list[list[Facet]]:
    """Split a theme's facets into four groups, junior work first, senior work last."""
    ordered = sorted(facets, key=lambda f: (f.seniority, f.rank))
    k = len(ordered)
    if k < 4:
        return [[ordered[round(i * (k - 1) / 3)]] for i in range(4)]
    groups: list[list[Facet]] = [[] for _ in range(4)]
    for i, facet in enumerate(ordered):
        groups[i * 4 // k].append(facet)
    for g in groups:
        g.sort(key=lambda f: f.rank)
    return groups


def _statement(
    ctx: _Context,
    level: Level,
    order: int,
    theme: ThemePlan,
    facet: Facet,
    companions: list[Facet],
) -> Statement:
    clause = facet.clause
    family = family_of(clause.verb)
    prof = profile(level)
    idx = order - 1
    subject = facet.subject
    by_object = family in _OBJECT_FAMILIES and not clause.is_person
    it = _reference(subject, clause.obj) if by_object else pronoun(subject)
    obj = _object_np(subject)
    verb = clause.verb or "handle"
    fields = {"it": it, "obj": obj, "v": verb, "ving": gerund(verb)}
    used = ctx.theme_verbs.setdefault((theme.id, subject), set())
    options = TEMPLATES[family][level]
    ordered = [options[(idx + k) % len(options)] for k in range(len(options))]
    ordered += list(TEMPLATES["do"][level])
    # Fresh templates first; then any whose opening verb this theme has not used.
    ordered.sort(key=lambda t: t in ctx.level_templates)
    manner = prof.manners[idx % len(prof.manners)]
    scope = prof.scopes[idx % len(prof.scopes)].format(units=ctx.units)
    setting, setting_anchor = _setting(ctx, level, facet, idx)
    action, template = "", ordered[0]
    for template in ordered:
        vp = template.format(**fields)
        if vp.split()[0] in used:
            continue
        action = _fit(subject, vp, setting, scope, manner, level)
        if action and not any(_alike(action, other) for other in ctx.level_actions):
            break
        action = ""
    if not action:
        template = ordered[0]
        action = _fit(subject, template.format(**fields), "", scope, manner, level, force=True)
    used.add(action.split()[0])
    ctx.level_actions.append(_tokens(action))
    ctx.level_templates.add(template)
    anchors: dict[tuple[str, str], Anchor] = {}
    for f in [facet, *companions]:
        for a in f.anchors:
            anchors.setdefault((a.kind, a.id), a)
    if setting_anchor and setting_anchor.id not in {a.id for a in anchors.values()}:
        anchors[(setting_anchor.kind, setting_anchor.id)] = setting_anchor
    return Statement(
        level=level,
        order=order,
        theme=theme.id,
        subject=subject,
        action=action,
        anchors=list(anchors.values()),
    )


def _fit(
    subject: str,
    vp: str,
    setting: str,
    scope: str,
    manner: str,
    level: Level,
    force: bool = False,
) -> str:
    """Assemble an action phrase within the word limits, dropping optional parts if needed."""
    pad = f"{scope}, {_COMPLEXITY[level]}" if scope else _COMPLEXITY[level]
    variants = [
        (vp, setting, scope, manner),
        (vp, setting, pad, manner),
        (vp, "", pad, manner),
        (vp, "", scope, manner),
        (vp, setting, "", manner),
        (vp, "", "", manner),
        (vp, "", scope, ""),
        (vp, "", "", ""),
    ]
    n_subject = len(words(subject))
    for v, s, sc, m in variants:
        text = " ".join(p for p in (v, s, sc) if p)
        if m:
            text = f"{text}, {m}"
        n = n_subject + len(words(text))
        if MIN_WORDS <= n <= MAX_WORDS and not has_seam(f"{subject} {text}"):
            return text + "."
    if force:
        return " ".join(p for p in (vp, setting, scope) if p) + f", {manner}."
    return ""


_COMPLEXITY = {
    Level.EMERGING: "keeping to well-defined tasks",
    Level.DEVELOPING: "including common variations",
    Level.PROFICIENT: "including non-routine and ambiguous cases",
    Level.ADVANCED: "anticipating novel and strategic challenges",
}
# Families whose phrases act on the object ("draft budgets"), not on the activity.
_OBJECT_FAMILIES = frozenset(
    {"produce", "make", "record", "inspect", "analyze", "repair", "operate", "sell", "decide"}
)


_STOP = frozenset("a an the and or of to for in on at with by from as own their its".split())


def _tokens(text: str) -> set[str]:
    return {w.lower() for w in words(text)} - _STOP


def _alike(action: str, other: set[str]) -> bool:
    """Whether two actions share most of their words (the validator's near-duplicate rule)."""
    mine = _tokens(action)
    return len(mine & other) / max(1, len(mine | other)) >= 0.5


def _reference(subject: str, obj: str) -> str:
    """How the action refers back to the work: a pronoun, or the object of a nominal subject."""
    short = shorten_list(obj)
    if short and subject.lower() != short.lower() and len(words(short)) <= 3:
        head = head_noun(subject).lower()
        if head.endswith(_NOMINAL_ENDINGS) or head in _NOMINAL_HEADS or subject.endswith("work"):
            return short
    return pronoun(subject)


_NOMINAL_HEADS = frozenset(NOMINALS.values())
_NOMINAL_ENDINGS = ("tion", "sis", "ment", "ing", "ance", "ence", "sion", "ship")


def _object_np(subject: str) -> str:
    """A short noun phrase for the work, for templates like 'resolve routine {obj}'."""
    pre = subject.split(" about ")[0].split(" of ")[0].split(" with ")[0].split(" for ")[0]
    toks = pre.split()
    if " and " in pre and len(toks) > 3:
        toks = pre.split(" and ")[-1].split()
    if len(toks) > 3:
        toks = toks[-2:]
    np = lower_first(" ".join(toks))
    head = head_noun(np)
    if not is_plural(np) and head.lower().endswith(("tion", "sis", "ment", "ing", "ance", "ence")):
        np = f"{np} work"
    return np


def _setting(ctx: _Context, level: Level, facet: Facet, idx: int) -> tuple[str, Anchor | None]:
    """An occupation-specific setting for a statement, and the anchor behind it."""
    brief = ctx.brief
    release = brief.release
    clause = facet.clause
    options: list[tuple[str, Anchor | None]] = []
    if clause.place:
        options.append((clause.place, None))
    tech = st.tech_for(brief, facet.text)
    if tech and level in (Level.EMERGING, Level.DEVELOPING):
        anchor = Anchor(kind="technology", id=str(tech.commodity_code), release=release)
        options.append((st.tech_phrase(tech), anchor))
    tool = st.tool_for(brief, facet.text)
    if tool and level in (Level.EMERGING, Level.DEVELOPING, Level.PROFICIENT):
        anchor = Anchor(kind="tool", id=str(tool.commodity_code), release=release)
        options.append((st.tool_phrase(tool), anchor))
    purpose = clause.purpose
    if (
        purpose
        and 2 <= len(words(purpose)) <= 6
        and "," not in purpose
        and purpose.split()[-1] not in {"and", "or", "to", "of", "for"}
        and level != Level.EMERGING
    ):
        options.append((f"to {clause.purpose}", None))
    if ctx.places and level in (Level.PROFICIENT, Level.ADVANCED):
        options.append((ctx.places[idx % len(ctx.places)], None))
    if not options:
        return "", None
    return options[(idx + LEVELS.index(level)) % len(options)]


def _context_covered(brief: Brief, themes: list[ThemePlan], ctx: _Context) -> str:
    labels = [lower_first(t.label) for t in themes[:3]]
    work = ", ".join(labels[:-1]) + f" and {labels[-1]}" if len(labels) > 1 else labels[0]
    where = f", {ctx.places[0]}" if ctx.places else ""
    kit = [t.example for t in brief.tools[:2]] or [
        t.example
        for t in sorted(brief.technology, key=lambda t: (not t.hot, not t.in_demand, t.example))[:2]
    ]
    tools = f", using tools such as {' and '.join(kit)}" if kit else ""
    return (
        f"Covers the work of {brief.title}{where}: {work}{tools}. "
        f"Levels run from supervised, routine work on own {ctx.units} to setting direction "
        f"and standards across the organisation."
    )


def _description(brief: Brief, themes: list[ThemePlan]) -> str:
    n = len({(a.kind, a.id) for t in themes for a in t.anchors})
    return (
        f"{capitalize(brief.description.strip())} This framework describes the work in "
        f"{len(themes)} themes at four levels, grounded in {n} O*NET records of release "
        f"{brief.release}."
    )
