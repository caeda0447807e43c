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
    capitalize,
    gerund,
    head_noun,
    is_plural,
    lower_first,
    pronoun,
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
    it = pronoun(subject)
    obj = _object_np(subject)
    verb = clause.verb or "handle"
    options = TEMPLATES[family][level]
    fields = {"it": it, "obj": obj, "v": verb, "ving": gerund(verb)}
    choices = [options[(idx + k) % len(options)].format(**fields) for k in range(len(options))]
    manner = prof.manners[idx % len(prof.manners)]
    scope = prof.scopes[idx % len(prof.scopes)].format(units=ctx.units)
    setting, setting_anchor = _setting(ctx, level, facet, idx)
    action = ""
    for vp in choices:
        action = _fit(subject, vp, setting, scope, manner, level)
        if action:
            break
    if not action:
        action = _fit(subject, choices[0], "", scope, manner, level, force=True)
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
    variants = [
        (vp, setting, scope, manner),
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
        if MIN_WORDS <= n <= MAX_WORDS:
            return text + "."
    if force:
        return " ".join(p for p in (vp, setting, scope) if p) + f", {manner}."
    return ""


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
    if clause.purpose and len(words(clause.purpose)) <= 6 and level != Level.EMERGING:
        options.append((f"to {clause.purpose}", None))
    if ctx.places and level in (Level.PROFICIENT, Level.ADVANCED):
        options.append((ctx.places[idx % len(ctx.places)], None))
    if not options:
        return "", None
    return options[(idx + LEVELS.index(level)) % len(options)]


def _context_covered(brief: Brief, themes: list[ThemePlan], ctx: _Context) -> str:
    labels = [lower_first(t.label) for t in themes[:3]]
    work = ", ".join(labels[:-1]) + f" and {labels[-1]}" if len(labels) > 1 else labels[0]
    where = f" {ctx.places[0]}" if ctx.places else ""
    tech = sorted(
        (t for t in brief.technology if t.hot), key=lambda t: (not t.in_demand, t.example)
    )[:2]
    tools = f", with tools such as {' and '.join(t.example for t in tech)}" if tech else ""
    return (
        f"Covers {brief.title.lower() if brief.title.isupper() else brief.title} work{where}, "
        f"from {work}{tools}. "
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
