"""Compose a four-level proficiency framework from an occupation brief (the grounded engine).

Each of about ten themes is written once per level. A statement reads
``Subject — action phrase.``: the subject names the work (from a task's object), the action
opens with a level-appropriate verb from the task's verb family, then says in what setting
(this occupation's places, technology, tools or purposes), at what scope and how
independently, following the level model in ``levels.py``.
"""

from __future__ import annotations

import hashlib
import re

from skillsx.compose import settings as st
from skillsx.compose.families import TEMPLATES, family_of
from skillsx.compose.levels import LEVELS, hands_on, profile, unit_of
from skillsx.compose.lexicon import PERSON_NOUNS
from skillsx.compose.phrases import (
    MASS_NOUNS,
    NOMINALS,
    capitalize,
    gerund,
    has_seam,
    head_noun,
    is_plural,
    lower_first,
    names_people,
    nominal,
    plural,
    pronoun,
    shorten_list,
    words,
)
from skillsx.compose.themes import Facet, ThemePlan, plan_themes
from skillsx.models import Anchor, Brief, Framework, Level, Statement, Theme, Tool

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
        ctx.level_closers = set()
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
        # Closing phrases used in the current level: a level never repeats one.
        self.level_closers: set[str] = set()


def _hash(*parts: str) -> int:
    """A stable number from text, so choices vary by occupation yet never between runs."""
    return int(hashlib.sha1("|".join(parts).encode()).hexdigest()[:8], 16)


def _rotate(options: tuple[str, ...] | list[str], key: int) -> list[str]:
    n = len(options)
    return [options[(key + k) % n] for k in range(n)] if n else []


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
    if clause.verb in {"keep", "maintain"} and head_noun(clause.obj).lower() in _KEPT_RECORDS:
        family = "record"
    elif clause.verb in {"keep", "maintain"} and head_noun(clause.obj).lower() in _KEPT_KNOWLEDGE:
        family = "learn"  # "Maintain knowledge of current sales": kept current, not repaired
    prof = profile(level)
    subject = facet.subject
    key = _hash(ctx.brief.soc, theme.id, subject, level.value)
    by_object = family in _OBJECT_FAMILIES and not clause.is_person
    it = _reference(subject, clause.obj) if by_object else pronoun(subject)
    obj = _object_np(subject)
    if level == Level.ADVANCED:
        # The top level names what it governs ("standards for patient preparation"); a bare
        # "them" reads as boilerplate.
        it = obj
    else:
        # "prepare simple evidence", never "prepare simple evidence preparation".
        obj = _without_nominal(obj, clause.verb)
    it, obj = _undangle(it), _undangle(obj)
    verb = clause.verb or "handle"
    # "engage in them", "confer with them": the verb keeps the preposition it takes.
    prep = f" {clause.prep}" if clause.prep and verb in _PREP_VERBS else ""
    fields = {"it": it, "obj": obj, "v": verb + prep, "ving": gerund(verb) + prep}
    used = ctx.theme_verbs.setdefault((theme.id, subject), set())
    ordered = _rotate(TEMPLATES[family][level], key)
    ordered += _rotate(TEMPLATES["do"][level], _hash(str(key), "do"))
    # Fresh templates first; then any whose opening verb this theme has not used.
    ordered.sort(key=lambda t: t in ctx.level_templates)
    zone = ctx.brief.job_zone.zone if ctx.brief.job_zone else None
    manners = [
        m
        for m in _rotate(prof.manners_for(zone), _hash(str(key), "manner"))
        if m not in ctx.level_closers and not _echoes(m, TEMPLATES[family][level])
    ]
    manner = manners[0] if manners else ""
    scopes = [
        s.format(units=ctx.units) for s in _rotate(prof.scopes_for(zone), _hash(str(key), "scope"))
    ]
    setting, setting_anchor = _setting(ctx, level, facet, _hash(str(key), "setting"))
    action, template = "", ordered[0]
    for template in ordered:
        vp = _for_zone(_tidy_vp(template.format(**fields), subject), zone)
        if vp.split()[0] in used or _echoes_verb(vp):
            continue
        action = _fit(subject, vp, setting, _scope_for(f"{vp} {setting}", scopes), manner, level)
        if action and not any(_alike(action, other) for other in ctx.level_actions):
            break
        action = ""
    if not action:
        # Nothing fits the word limits cleanly: force the first phrase with a fresh verb.
        fresh = [
            t
            for t in ordered
            if _for_zone(_tidy_vp(t.format(**fields), subject), zone).split()[0] not in used
        ]
        template = (fresh or ordered)[0]
        vp = _for_zone(_tidy_vp(template.format(**fields), subject), zone)
        action = _fit(subject, vp, "", _scope_for(vp, scopes), manner, level, force=True)
    if manner and action.rstrip(".").endswith(manner):
        ctx.level_closers.add(manner)
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


_DANGLING = re.compile(r"^(.+?) to [a-z]+\b.*\b(?:with|to|for|of|on|in|at|by|from)$")


def _undangle(np: str) -> str:
    """Drop a purpose clause cut off at its preposition: O*NET's "written documents to
    establish contracts with or communicate ..." leaves "... contracts with"."""
    m = _DANGLING.match(np)
    return m[1] if m else np


def _scope_for(vp: str, scopes: list[str]) -> str:
    """The first scope whose unit the phrase does not name already.

    "practise setting them on simple tasks" takes "for own orders", never "on own tasks"
    or "on assigned jobs"; "apply them on standard jobs" never "for own jobs".
    """
    named = {unit_of(w) for w in vp.lower().replace(",", " ").split()}
    for scope in scopes:
        if unit_of(scope.split()[-1]) not in named:
            return scope
    return ""


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
    if SCOPE_MARKER.search(vp):
        # The verb phrase already says its scope ("lead them for the whole team").
        scope = ""
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
        if len(SCOPE_MARKER.findall(text.lower())) > 1:
            continue
        if MIN_WORDS <= n <= MAX_WORDS and not has_seam(f"{subject} {text}"):
            return text + "."
    if force:
        # Nothing passes every check: keep to the word limits at least, dropping parts.
        for v, s, sc, m in variants:
            text = " ".join(p for p in (v, s, sc) if p) + (f", {m}" if m else "")
            if MIN_WORDS <= n_subject + len(words(text)) <= MAX_WORDS:
                return text + "."
        return " ".join(p for p in (vp, setting, scope) if p) + f", {manner}."
    return ""


# Words that say at what scope work happens; a statement says it once.
SCOPE_MARKER = re.compile(
    r"\b(?:for the whole|across (?:the|all|several|every|own|a)|organisation-wide|"
    r"for own|on assigned|within own|on own (?!initiative))"
)
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


def _echoes(manner: str, templates: tuple[str, ...]) -> bool:
    """Whether a manner repeats a long word of the level's templates ("to a set checklist")."""
    long = {w for w in words(manner) if len(w) >= 6}
    return any(long & set(words(t)) for t in templates)


def _reference(subject: str, obj: str) -> str:
    """How the action refers back to the work: a pronoun, or the object of a nominal subject."""
    short = shorten_list(obj)
    if len(words(short)) == 1 and not is_plural(short) and short.lower() not in MASS_NOUNS:
        return pronoun(subject)  # "file job as instructed" needs an article; "it" reads right
    if short and subject.lower() != short.lower() and len(words(short)) <= 3:
        head = head_noun(subject).lower()
        if head.endswith(_NOMINAL_ENDINGS) or head in _NOMINAL_HEADS or subject.endswith("work"):
            return short
    return pronoun(subject)


_NOMINAL_HEADS = frozenset(NOMINALS.values())
# Subjects about directing people: Advanced statements govern the people, not "supervision".
_DIRECTING = frozenset(
    "supervision oversight direction management leadership coordination work activities".split()
)
_NOMINAL_ENDINGS = ("tion", "sis", "ment", "ing", "ance", "ence", "sion", "ship")


# Verbs that need their preposition before an object ("engage in", "confer with").
_PREP_VERBS = frozenset(
    """engage participate confer consult respond deal work comply assist meet collaborate liaise
report refer attend look search care account apply listen talk speak communicate cooperate
interact correspond negotiate intervene specialize specialise invest""".split()
)


def _for_zone(vp: str, zone: int | None) -> str:
    """In hands-on occupations (Job Zones 1-3) the top level runs a business, not an
    organisation with a board."""
    if not hands_on(zone):
        return vp
    return vp.replace("the organisation's", "the business's").replace(
        "the organisation", "the business"
    )


def _echoes_verb(vp: str) -> bool:
    """Whether a verb phrase repeats its verb as a noun ("prepare simple preparation")."""
    toks = [w.lower() for w in words(vp)]
    noun = nominal(toks[0]) if toks else ""
    return bool(noun) and noun != toks[0] and not noun.endswith("ing") and noun in toks[1:6]


def _without_nominal(np: str, verb: str) -> str:
    """Drop the verb's own nominal from an object ("evidence preparation" -> "evidence")."""
    toks = np.split()
    if len(toks) > 1 and toks[-1].lower() == nominal(verb.split(" ")[0]):
        rest = toks[-2]
        toks[-2] = rest if rest.lower() in {"evidence"} else plural(rest)
        return " ".join(toks[:-1])
    return np


_GENERIC_HEADS = frozenset(
    """quantity quantities color colour amount amounts number numbers level levels condition
conditions quality type types kinds components parts performance value values productivity
efficiency accuracy status progress""".split()
)


def _object_np(subject: str) -> str:
    """A short noun phrase for the work, for templates like 'resolve routine {obj}'."""
    head_of = subject.split(" of ", 1)
    if len(head_of) == 2 and head_of[0].lower() in _GENERIC_HEADS:
        # "Components of traffic control systems" governs the systems.
        subject = capitalize(head_of[1])
    pre = subject.split(" about ")[0].split(" of ")[0].split(" with ")[0].split(" for ")[0]
    pre = pre.split(" from ")[0]
    pre = pre.split(" to ")[0].split(" in ")[0].split(" on ")[0].split(" at ")[0]
    toks = pre.split()
    if " and " in pre and len(toks) > 3:
        toks = pre.split(" and ")[-1].split()
    if len(toks) > 3:
        toks = toks[-2:]
    np = lower_first(" ".join(toks))
    first = subject.split()[0].lower()
    if " of " in subject and first in _DIRECTING and len(toks) == 1:
        # "Supervision of clerical staff" governs the staff, not "supervision".
        after = subject.split(" of ", 1)[1].split(" and ")[-1].split()
        np = lower_first(" ".join(after[-3:]))
    return re.sub(r"^(?:or|and|those|these) ", "", np)


_KEPT_KNOWLEDGE = frozenset(
    "knowledge familiarity awareness understanding expertise skills".split()
)
_KEPT_RECORDS = frozenset(
    "records record logs log files books accounts inventory registers".split()
)
_PHRASAL = re.compile(r"\b([a-z]+) (up|out|off|down|away|back|over) (it|them)\b")
_LEAD_PRONOUN = re.compile(
    r"\b(lead|manage|coordinate|direct|supervise|oversee|organise|organize|run|head) (it|them)\b"
)
_PEOPLE = PERSON_NOUNS - {"management", "department", "departments", "agency", "agencies"}


def _people_np(subject: str) -> str:
    """The people a subject names, as a short noun phrase ("the kitchen staff")."""
    toks = subject.split()
    for i, w in enumerate(toks):
        if w.lower().strip(",") in _PEOPLE:
            start = max(0, i - 2)
            for j in range(i - 1, start - 1, -1):
                if toks[j].lower() in {"of", "with", "for", "to", "and", "or", "by"}:
                    start = j + 1
                    break
            return "the " + lower_first(" ".join(toks[start : i + 1]).strip(","))
    return ""


def _tidy_vp(vp: str, subject: str) -> str:
    """Put pronouns inside phrasal verbs and name the people a lead verb acts on."""
    vp = _PHRASAL.sub(r"\1 \3 \2", vp)
    people = _people_np(subject) if names_people(subject) else ""
    if people:
        vp = _LEAD_PRONOUN.sub(lambda m: f"{m[1]} {people}", vp)
    return vp


def _setting(ctx: _Context, level: Level, facet: Facet, idx: int) -> tuple[str, Anchor | None]:
    """An occupation-specific setting for a statement, and the anchor behind it."""
    brief = ctx.brief
    release = brief.release
    clause = facet.clause
    options: list[tuple[str, Anchor | None]] = []
    if clause.place:
        options.append((clause.place, None))
    # The checks read every record the statement cites; a tool must suit all of that text.
    tasks = {str(t.id): t for t in brief.tasks}
    dwas = {d.id: d.title for t in brief.tasks for d in t.dwas}
    cited = (
        " ".join(
            [tasks[a.id].text for a in facet.anchors if a.kind == "task" and a.id in tasks]
            + [dwas[a.id] for a in facet.anchors if a.kind == "dwa" and a.id in dwas]
        )
        or facet.text
    )
    tech = st.tech_for(brief, facet.text)
    if tech and not st.plausible_tool(cited, tech.commodity_title, tech.example, software=True):
        tech = None
    if tech and level in (Level.EMERGING, Level.DEVELOPING):
        anchor = Anchor(kind="technology", id=str(tech.commodity_code), release=release)
        options.append((st.tech_phrase(tech), anchor))
    tool = st.tool_for(brief, facet.text)
    if tool and not st.plausible_tool(cited, tool.commodity_title, tool.example, software=False):
        tool = None
    if tool and level in (Level.EMERGING, Level.DEVELOPING, Level.PROFICIENT):
        anchor = Anchor(kind="tool", id=str(tool.commodity_code), release=release)
        options.append((st.tool_phrase(tool), anchor))
    purpose = clause.purpose
    if (
        purpose
        and 2 <= len(words(purpose)) <= 6
        and "," not in purpose
        # Cut off at a conjunction or preposition ("establish contracts with"): not a purpose.
        and purpose.split()[-1]
        not in {"and", "or", "to", "of", "for", "with", "on", "in", "at", "by", "from", "into"}
        and level != Level.EMERGING
        # A bare pronoun in the purpose ("to apprehend them") reads as boilerplate at the top.
        and not (level == Level.ADVANCED and {"it", "them"} & set(words(purpose.lower())))
    ):
        options.append((f"to {clause.purpose}", None))
    # A workplace ("in restaurants") suits a team's work; the top level spans every workplace.
    if ctx.places and level == Level.PROFICIENT:
        options.append((ctx.places[idx % len(ctx.places)], None))
    if not options:
        return "", None
    # Not every statement needs a setting; leaving some out breaks the rhythm of a level.
    options.append(("", None))
    return options[idx % len(options)]


def _context_covered(brief: Brief, themes: list[ThemePlan], ctx: _Context) -> str:
    # Name the three most important themes that read as a plain noun phrase, each once.
    readable = [
        t.label
        for t in themes
        if 1 <= len(words(t.label)) <= 5 and "," not in t.label and "(" not in t.label
    ]
    labels: list[str] = []
    heads: set[str] = set()
    for label in readable or [t.label for t in themes]:
        head = st.stem(head_noun(label.split(" of ")[0]))
        if head in heads or label.lower() in {x.lower() for x in labels}:
            continue
        heads.add(head)
        labels.append(_common_noun(label))
        if len(labels) == 3:
            break
    work = ", ".join(labels[:-1]) + f" and {labels[-1]}" if len(labels) > 1 else labels[0]
    where = f", {ctx.places[0]}" if ctx.places else ""
    kit = [_common_noun(t.example) for t in _tools_in_use(brief)[:2]] or [
        t.example if t.example.lower() != t.commodity_title.lower() else _common_noun(t.example)
        for t in sorted(brief.technology, key=lambda t: (not t.hot, not t.in_demand, t.example))[:2]
    ]
    tools = f", using tools such as {' and '.join(kit)}" if kit else ""
    zone = brief.job_zone.zone if brief.job_zone else None
    top = (
        "running the work and setting its standards across the business"
        if hands_on(zone)
        else "setting direction and standards across the organisation"
    )
    return (
        f"Covers the work of {brief.title}{where}: {work}{tools}. "
        f"Levels run from supervised, routine work on own {ctx.units} to {top}."
    )


def _tools_in_use(brief: Brief) -> list[Tool]:
    """The occupation's tools its tasks call for most often ("weld" for welders), best first."""
    counted = []
    task_stems = [st.content_stems(t.text) for t in brief.tasks]
    for tool in brief.tools:
        heads = st.tool_heads(tool.commodity_title, tool.example)
        n = sum(bool(heads & stems) for stems in task_stems)
        if n:
            counted.append((-n, tool.example.lower(), tool))
    return [tool for _, _, tool in sorted(counted, key=lambda c: (c[0], c[1]))]


def _common_noun(text: str) -> str:
    """Lower-case a common noun phrase O*NET capitalises ("Blenders"), keeping acronyms."""
    out = []
    for w in text.split():
        keep = w.isupper() or any(c.isupper() for c in w[1:]) or any(c.isdigit() for c in w)
        out.append(w if keep else w.lower())
    return " ".join(out)


def _description(brief: Brief, themes: list[ThemePlan]) -> str:
    n = len({(a.kind, a.id) for t in themes for a in t.anchors})
    return (
        f"{capitalize(brief.description.strip())} This framework describes the work in "
        f"{len(themes)} themes at four levels, grounded in {n} O*NET records of release "
        f"{brief.release}."
    )
