"""Compose "AI use by level": how a worker at each level uses, directs and evaluates AI tools.

Statements are grounded in the occupation's tasks that the Anthropic Economic Index (AEI)
records, and cite those AEI records (task, share of conversations, release) and the O*NET
tasks. Where the AEI records none of the occupation's tasks, the statements are grounded in
its information-handling tasks only, say so, and carry ``confidence="lower"``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from skillsx.compose.durable import (
    Facts,
    Material,
    action_of,
    gather_facts,
    object_of,
    trim_purpose,
)
from skillsx.compose.durable.facts import usable_object
from skillsx.compose.durable.words import repeats_root, verb_roots
from skillsx.models import AiCitation, AiEvidence, AiStatement, AiUse, Anchor, Brief, Level

LONG_ACT = 12  # words of a task used whole when none of its DWAs reads well
#: Statements per level.
COUNTS = {Level.EMERGING: 2, Level.DEVELOPING: 3, Level.PROFICIENT: 3, Level.ADVANCED: 2}
MIN_PER_LEVEL = 2
#: Pieces of information work enough to ground lower-confidence statements on their own.
MIN_INFO_GROUNDS = 3
#: Times one piece of work may be named on a page before the statements turn to others.
MAX_SAME_ACT = 3
#: Work-activity elements of information work, where AI assistance is plausible without
#: usage evidence: getting, processing, analysing, recording and communicating information.
INFORMATION_WORK = frozenset(
    {
        "4.A.1.a.1",
        "4.A.2.a.2",
        "4.A.2.a.4",
        "4.A.2.b.3",
        "4.A.2.b.5",
        "4.A.2.b.6",
        "4.A.3.b.1",
        "4.A.3.b.6",
        "4.A.4.a.1",
        "4.A.4.a.2",
        "4.A.4.a.3",
        "4.A.4.c.1",
    }
)

# "Subject — action." templates (ours). Slots: {obj} what the cited task works on, {record}
# the same when it is a record or document, {equipment} when it is equipment; {act} the work as
# a verb phrase and {acting} as a gerund; {people} whom the occupation serves; {peers} its
# colleagues. A leading "@" keeps a template to information work (drafts, records), "#" to
# hands-on work (handling, operating, repairing, inspecting); "[pro]" / "[!pro]" to Job Zones
# 4-5 / 1-3; "~" marks a fallback, used only when a level has too few statements without it
# (an occupation whose few AEI-recorded tasks fit few templates). Each level's templates are
# rotated by occupation.
TEMPLATES: dict[Level, tuple[str, ...]] = {
    Level.EMERGING: (
        "Guided AI help with routine work — use an approved AI assistant only as instructed when"
        " {acting}, and report any doubtful output.",
        "@First drafts of {record} — prepare routine drafts with an approved AI assistant under"
        " guidance, and have a supervisor check each one before use.",
        "Steps explained by AI — ask an AI assistant to explain the steps for {acting}, then"
        " confirm them with a supervisor.",
        "#Manuals made plain — ask an AI assistant to summarise manuals or specifications for"
        " {acting}, and follow the workplace procedure wherever the two differ.",
        "Confidential details in prompts — keep personal details of {people} out of AI prompts"
        " when {acting}, following the employer's rules on approved tools.",
        "Doubtful AI output on {obj} — flag to a supervisor any AI answer that conflicts with"
        " records, instructions or own observation.",
        "~Approved tools only — use only the AI tools the employer has approved for this work,"
        " and never enter confidential or personal details.",
    ),
    Level.DEVELOPING: (
        "@Own review of AI drafts — review every AI-generated draft used in {acting}, correcting"
        " facts, figures and tone before it goes further.",
        "@Routine AI support for {record} — use AI tools independently for routine drafting and"
        " summarising, checking facts, figures and wording against the source records.",
        "Prompts with context — give an AI assistant the context, limits and format it needs when"
        " {acting}, and refine the request when the output misses.",
        "Checked AI suggestions — compare AI suggestions on how to {act} with procedures and own"
        " training before applying any of them.",
        "Verified AI answers on {obj} — check each AI answer against manuals, standards or a"
        " qualified colleague before acting on it.",
        "#AI-assisted fault finding — use an AI assistant to list likely causes of problems with"
        " {equipment}, then confirm each cause by inspection before any repair.",
        "Traceable AI contributions — note where AI tools contributed to work on {obj}, so others"
        " can trace and review that part.",
        "~Output checked before use — check any AI output against source records and own"
        " training before it is used in the work.",
    ),
    Level.PROFICIENT: (
        "AI in non-routine cases — use AI to compare options or summarise evidence on unusual"
        " cases in {acting}, while making and documenting the final judgement personally.",
        "Evaluation of AI tools — test AI tools on real questions that come up when {acting},"
        " recording where they are reliable and where they fail.",
        "Limits of AI in practice — judge when AI output is unsafe to rely on for {acting}, and"
        " explain the reasons to {peers}.",
        "Coaching colleagues on AI use — show {peers} how to prompt, check and correct AI output"
        " on {obj}, using examples of common errors.",
        "Human judgement on {obj} — decide which steps stay with people and which AI may"
        " support, weighing the risk of errors to {people}.",
        "#Hands-on decisions kept human — keep decisions taken at the work itself, such as"
        " {acting}, with trained people, using AI only for planning and records.",
        "~Drafts, not decisions — treat AI output as a draft to be verified, and record who"
        " checked it and how.",
    ),
    Level.ADVANCED: (
        "[pro]Standards for AI use on {obj} — set rules on when AI tools may be used, how output"
        " is reviewed and disclosed, and how data is protected.",
        "[pro]AI adoption strategy — decide where AI can help with {acting} across the"
        " organisation, using usage evidence and pilot results.",
        "Redesigned workflows — redesign how the team goes about {acting}, so that AI takes on"
        " routine paperwork and people keep the judgement.",
        "[pro]Accountability for AI-assisted work — keep human accountability for AI-assisted"
        " decisions on {obj} clear in policy, audits and training.",
        "Workforce readiness for AI — plan training so {peers} can use, direct and evaluate AI"
        " tools safely as work on {obj} evolves.",
        "[!pro]Team rules for AI use — set the team's rules for using AI tools in {acting},"
        " including how output is checked and what never goes into a prompt.",
        "~Oversight of AI use — review how the team's use of AI tools affects quality and safety,"
        " and change the rules where it falls short.",
    ),
}
_SLOT = re.compile(r"\{(\w+)\}")
_GATE = re.compile(r"^\[(!?)pro\]")
#: Work-activity elements of hands-on work: handling, operating, repairing, inspecting.
HANDS_ON_WORK = frozenset(
    {"4.A.3.a.1", "4.A.3.a.2", "4.A.3.a.3", "4.A.3.a.4", "4.A.3.b.4", "4.A.1.b.2"}
)
_KINDS = {
    "obj": frozenset({"record", "thing", "equipment", "work"}),
    "record": frozenset({"record"}),
    "equipment": frozenset({"equipment"}),
}


@dataclass(frozen=True)
class _Ground:
    """One task a statement stands on: its material and the AEI record that cites it."""

    material: Material
    citation: AiCitation | None


def _material(title: str, element_id: str | None, anchors: tuple[Anchor, ...]) -> Material | None:
    # The same objects as durable skills: no lists, no "topics", no qualities in work slots.
    obj, kind = usable_object(object_of(title))
    act = trim_purpose(action_of(title, LONG_ACT))
    if obj is None and act is None:
        return None
    return Material(obj, act, element_id, anchors, 0, kind)


def _aei_grounds(brief: Brief, evidence: AiEvidence) -> list[_Ground]:
    """The occupation's AEI-recorded tasks, most used first, each with its materials."""
    tasks = {t.id: t for t in brief.tasks}
    rel = brief.release
    per_task: list[list[_Ground]] = []
    for use in evidence.tasks:
        task = tasks.get(use.task_id)
        if task is None:
            continue
        citation = AiCitation(
            task_id=use.task_id, task_text=task.text, pct=use.pct, aei_release=use.aei_release
        )
        task_anchor = Anchor(kind="task", id=str(task.id), release=rel)
        own = [
            m
            for d in task.dwas
            if (
                m := _material(
                    d.title, d.element_id, (task_anchor, Anchor(kind="dwa", id=d.id, release=rel))
                )
            )
        ]
        # The task itself too, after its DWAs: more ways to say what the recorded work is.
        # It does the kind of work its first DWA does: "@" and "#" templates read it so.
        kind_of_work = task.dwas[0].element_id if task.dwas else None
        whole = _material(task.text, kind_of_work, (task_anchor,))
        if whole and whole.act not in {m.act for m in own}:
            own.append(whole)
        own.sort(key=lambda m: m.element_id not in INFORMATION_WORK)
        per_task.append([_Ground(m, citation) for m in own])
    # Round robin over the tasks (first DWA of each, then the second …), so that consecutive
    # statements cite different AEI records.
    depth = max((len(g) for g in per_task), default=0)
    return [g[i] for i in range(depth) for g in per_task if i < len(g)]


def _task_grounds(facts: Facts) -> list[_Ground]:
    """Without AEI evidence: the occupation's information work, where AI help is plausible
    without usage evidence; its other work too only when it has little information work."""
    info = [m for m in facts.materials if m.element_id in INFORMATION_WORK]
    rest = [m for m in facts.materials if m.element_id not in INFORMATION_WORK]
    return [_Ground(m, None) for m in (info if len(info) >= MIN_INFO_GROUNDS else info + rest)]


def _fits(template: str, traits: frozenset[str], ground: _Ground) -> str | None:
    """The template without its markers if it fits the occupation and the ground, else None."""
    gate = _GATE.match(template)
    if gate:
        if (gate.group(1) == "!") == ("pro" in traits):
            return None
        template = template[gate.end() :]
    element = ground.material.element_id
    if template.startswith("@"):
        if element is not None and element not in INFORMATION_WORK:
            return None
        template = template[1:]
    elif template.startswith("#"):
        if element not in HANDS_ON_WORK:
            return None
        template = template[1:]
    return template


def _fill(template: str, facts: Facts, ground: _Ground) -> tuple[str, list[Anchor]] | None:
    body = _fits(template, facts.traits, ground)
    if body is None:
        return None
    material = ground.material
    anchors = list(material.anchors)
    values: dict[str, str] = {}
    for slot in set(_SLOT.findall(body)):
        if slot in _KINDS:
            if not material.obj or material.kind not in _KINDS[slot]:
                return None
            value = material.obj
        elif slot in ("act", "acting"):
            if not material.act:
                return None
            value = material.act if slot == "act" else material.acting  # type: ignore[assignment]
        elif slot == "people":
            if not facts.people:
                return None
            value, anchor = facts.people
            anchors.append(anchor)
        elif slot == "peers":
            value, peer_anchor = facts.peers
            if peer_anchor:
                anchors.append(peer_anchor)
        else:  # pragma: no cover - a template typo
            raise KeyError(f"unknown slot {{{slot}}} in AI-use template {template!r}")
        values[slot] = value
    # "review every AI-generated draft used in reviewing blueprints": the template's own verb
    # again in the work it names.
    if repeats_root(verb_roots(body), " ".join(values.values())):
        return None
    text = _SLOT.sub(lambda m: values[m.group(1)], body)
    return text[:1].upper() + text[1:], list(dict.fromkeys(anchors))


def _rotated(templates: tuple[str, ...], soc: str, level: Level) -> list[str]:
    """The level's templates rotated by occupation, then its fallbacks (without their "~")."""
    main = [t for t in templates if not t.startswith("~")]
    k = (sum(map(ord, soc)) + len(level.value)) % len(main)
    return main[k:] + main[:k] + [t[1:] for t in templates if t.startswith("~")]


def _pick(
    template: str,
    facts: Facts,
    grounds: list[_Ground],
    cursor: int,
    seen: set[str],
    used: Counter[int],
    acts: Counter[str],
    limit: int | None,
) -> tuple[int, str, list[Anchor]] | None:
    """The least-used ground (by position from the cursor) that fills the template anew,
    without naming one piece of work more than ``limit`` times on the page."""
    n = len(grounds)
    names_act = "{act" in template
    order = sorted(range(n), key=lambda i: (used[(cursor + i) % n], i))
    for i in order:
        index = (cursor + i) % n
        act = grounds[index].material.act
        if names_act and act and limit is not None and acts[act] >= limit:
            continue
        filled = _fill(template, facts, grounds[index])
        if filled and filled[0] not in seen:
            return index, *filled
    return None


@dataclass
class _Page:
    """What the statements composed so far have used: texts, grounds, named work."""

    seen: set[str]
    used: Counter[int]
    acts: Counter[str]
    cursor: int = 0


def _passes(level: Level, soc: str) -> list[tuple[list[str], int | None]]:
    """(templates, limit on naming one piece of work) to try in turn until a level is full:
    the level's own templates, then its fallbacks, then its own again with no limit."""
    main = _rotated(TEMPLATES[level], soc, level)
    fallbacks = [t[1:] for t in TEMPLATES[level] if t.startswith("~")]
    main = main[: len(main) - len(fallbacks)]
    return [(main, MAX_SAME_ACT), (fallbacks, MAX_SAME_ACT), (main, None)]


def _level(
    level: Level, count: int, facts: Facts, grounds: list[_Ground], page: _Page, has_aei: bool
) -> list[AiStatement]:
    out: list[AiStatement] = []
    for templates, limit in _passes(level, facts.brief.soc):
        if len(out) >= MIN_PER_LEVEL:
            break
        for template in templates:
            if len(out) == count or not grounds:
                break
            picked = _pick(
                template, facts, grounds, page.cursor, page.seen, page.used, page.acts, limit
            )
            if picked is None:
                continue
            index, text, anchors = picked
            ground = grounds[index]
            page.seen.add(text)
            page.used[index] += 1
            if "{act" in template and ground.material.act:
                page.acts[ground.material.act] += 1
            page.cursor = index + 1
            subject, action = text.split(" — ", 1)
            out.append(
                AiStatement(
                    level=level,
                    order=len(out) + 1,
                    subject=subject,
                    action=action,
                    anchors=anchors,
                    evidence=[ground.citation] if ground.citation else [],
                    confidence="standard" if has_aei else "lower",
                )
            )
    return out


def compose_ai_use(brief: Brief, evidence: AiEvidence) -> AiUse:
    """AI-use statements for the four levels, each citing the evidence behind it."""
    facts = gather_facts(brief)
    grounds = _aei_grounds(brief, evidence)
    has_aei = bool(grounds)
    if not has_aei:
        grounds = _task_grounds(facts)
    page = _Page(set(), Counter(), Counter())
    statements = [
        s
        for level, count in COUNTS.items()
        for s in _level(level, count, facts, grounds, page, has_aei)
    ]
    return AiUse(
        soc=brief.soc,
        release=brief.release,
        aei_release=evidence.aei_release,
        has_aei=has_aei,
        note=_note(brief, evidence, has_aei),
        statements=statements,
    )


def _note(brief: Brief, evidence: AiEvidence, has_aei: bool) -> str:
    if evidence.aei_release is None:
        return (
            "No Anthropic Economic Index release is loaded in this store; these statements are"
            f" grounded in the O*NET {brief.release} tasks of this occupation only, with lower"
            " confidence."
        )
    if not has_aei:
        return (
            f"The Anthropic Economic Index (release {evidence.aei_release}) records none of this"
            f" occupation's O*NET {brief.release} tasks. These statements are grounded in its"
            " information-handling tasks only and carry lower confidence."
        )
    n = len({g.task_id for g in evidence.tasks})
    return (
        f"Grounded in the {n} of {len(brief.tasks)} O*NET {brief.release} tasks of this"
        f" occupation that the Anthropic Economic Index (release {evidence.aei_release})"
        " records; each statement cites its AEI record and O*NET task."
    )
