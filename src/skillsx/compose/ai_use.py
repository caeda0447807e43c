"""Compose "AI use by level": how a worker at each level uses, directs and evaluates AI tools.

Statements are grounded in the occupation's tasks that the Anthropic Economic Index (AEI)
records, and cite those AEI records (task, share of conversations, release) and the O*NET
tasks. Where the AEI records none of the occupation's tasks, the statements are grounded in
its information-handling tasks only, say so, and carry ``confidence="lower"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from skillsx.compose.durable import Facts, Material, action_of, gather_facts, object_of
from skillsx.models import AiCitation, AiEvidence, AiStatement, AiUse, Anchor, Brief, Level

LONG_ACT = 12  # words of a task used whole when none of its DWAs reads well
#: Statements per level.
COUNTS = {Level.EMERGING: 2, Level.DEVELOPING: 3, Level.PROFICIENT: 3, Level.ADVANCED: 2}
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

# "Subject — action." templates (ours). {obj}: what the cited task works on; {act}: the work
# as a verb phrase; {people}: whom the occupation serves; {peers}: its colleagues. "@" marks a
# template that only fits information work (drafts, records): it is used only with a DWA of
# information work, or a task that has no DWA.
TEMPLATES: dict[Level, tuple[str, ...]] = {
    Level.EMERGING: (
        "Guided AI help with routine work — use an approved AI assistant only as instructed when"
        " asked to {act}, and report any doubtful output.",
        "@First drafts of {obj} — prepare routine drafts with an approved AI assistant under"
        " guidance, and have a supervisor check each draft before it is used.",
        "Steps explained by AI — ask an AI assistant to explain the steps needed to {act}, then"
        " confirm them with a supervisor.",
        "Background questions on {obj} — ask an AI assistant to explain unfamiliar terms and"
        " steps, then confirm each answer against workplace procedures.",
        "Confidential details in prompts — keep personal details of {people} out of AI prompts,"
        " following the employer's rules on approved tools.",
        "Doubtful AI output on {obj} — flag to a supervisor any AI answer that conflicts with"
        " records, instructions or own observation.",
    ),
    Level.DEVELOPING: (
        "@Own review of AI drafts — review every AI-generated draft used to {act}, correcting"
        " facts, figures and tone before it goes further.",
        "@Routine AI support for {obj} — draw on AI tools independently on routine work, checking"
        " facts, figures and wording against the source records.",
        "Prompts with context — give an AI assistant the context, limits and format it needs for"
        " work to {act}, and refine the request when the output misses.",
        "Checked AI suggestions — compare AI suggestions on how to {act} with procedures and"
        " own training before applying any of them.",
        "Verified AI answers on {obj} — check AI answers against manuals, standards or a"
        " qualified colleague before acting on them.",
        "Traceable AI contributions — note where AI tools contributed to work on {obj}, so"
        " others can trace and review that part.",
    ),
    Level.PROFICIENT: (
        "Non-routine cases of {obj} — apply AI to compare options or summarise evidence, while"
        " making and documenting the final judgement personally.",
        "Evaluation of AI tools — test AI tools on real examples of work to {act}, recording"
        " where they are reliable and where they fail.",
        "Limits of AI in practice — judge when AI output is unsafe to rely on in work to {act},"
        " and explain the reasons to {peers}.",
        "Coaching colleagues on AI use — show {peers} how to prompt, check and correct AI output"
        " on {obj}, using examples of common errors.",
        "Human judgement on {obj} — decide which steps stay with people and which AI may"
        " support, weighing the risk of errors to {people}.",
    ),
    Level.ADVANCED: (
        "Standards for AI use on {obj} — set rules on when AI tools may be used, how output is"
        " reviewed and disclosed, and how data is protected.",
        "AI adoption strategy — decide where AI can improve work to {act} across the"
        " organisation, using usage evidence and pilot results.",
        "Redesigned workflows — redesign how the organisation works to {act}, so that AI handles"
        " routine steps and people keep the judgement.",
        "Accountability for AI-assisted work — keep human accountability for AI-assisted"
        " decisions on {obj} clear in policy, audits and training.",
        "Workforce readiness for AI — plan training so {peers} can use, direct and evaluate AI"
        " tools safely as work on {obj} changes.",
    ),
}
_SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class _Ground:
    """One task a statement stands on: its material and the AEI record that cites it."""

    material: Material
    citation: AiCitation | None


def _aei_grounds(brief: Brief, evidence: AiEvidence, facts: Facts) -> list[_Ground]:
    """The occupation's AEI-recorded tasks, most used first, each with a material."""
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
        own = []
        for dwa in task.dwas:
            obj, act = object_of(dwa.title), action_of(dwa.title)
            if obj or act:
                anchors = (task_anchor, Anchor(kind="dwa", id=dwa.id, release=rel))
                own.append(Material(obj, act, dwa.element_id, anchors, 0))
        if not own:
            # Fall back on the task itself, or a longer DWA: the AEI evidence is worth keeping.
            longer = [(d, action_of(d.title, LONG_ACT)) for d in task.dwas]
            if object_of(task.text) or action_of(task.text, LONG_ACT):
                obj, act = object_of(task.text), action_of(task.text, LONG_ACT)
                own = [Material(obj, act, None, (task_anchor,), 0)]
            elif any(act for _d, act in longer):
                d, act = next((d, act) for d, act in longer if act)
                anchors = (task_anchor, Anchor(kind="dwa", id=d.id, release=rel))
                own = [Material(None, act, d.element_id, anchors, 0)]
        own.sort(key=lambda m: m.element_id not in INFORMATION_WORK)
        per_task.append([_Ground(m, citation) for m in own])
    # Round robin over the tasks (first DWA of each, then the second …), so that consecutive
    # statements cite different AEI records.
    depth = max((len(g) for g in per_task), default=0)
    return [g[i] for i in range(depth) for g in per_task if i < len(g)]


def _task_grounds(facts: Facts) -> list[_Ground]:
    """Without AEI evidence: the occupation's information work first, then its other work."""
    info = [m for m in facts.materials if m.element_id in INFORMATION_WORK]
    rest = [m for m in facts.materials if m.element_id not in INFORMATION_WORK]
    return [_Ground(m, None) for m in info + rest]


def _fill(template: str, facts: Facts, ground: _Ground) -> tuple[str, list[Anchor]] | None:
    if template.startswith("@"):
        element = ground.material.element_id
        if element is not None and element not in INFORMATION_WORK:
            return None
        template = template[1:]
    anchors = list(ground.material.anchors)
    values: dict[str, str] = {}
    for slot in set(_SLOT.findall(template)):
        if slot in ("obj", "act"):
            value = getattr(ground.material, slot)
            if not value:
                return None
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
    text = _SLOT.sub(lambda m: values[m.group(1)], template)
    return text[:1].upper() + text[1:], list(dict.fromkeys(anchors))


def compose_ai_use(brief: Brief, evidence: AiEvidence) -> AiUse:
    """AI-use statements for the four levels, each citing the evidence behind it."""
    facts = gather_facts(brief)
    grounds = _aei_grounds(brief, evidence, facts)
    has_aei = bool(grounds)
    if not has_aei:
        grounds = _task_grounds(facts)
    statements: list[AiStatement] = []
    seen: set[str] = set()
    cursor = 0
    for level, count in COUNTS.items():
        made = 0
        for template in TEMPLATES[level]:
            if made == count or not grounds:
                break
            for step in range(len(grounds)):
                ground = grounds[(cursor + step) % len(grounds)]
                filled = _fill(template, facts, ground)
                if filled and filled[0] not in seen:
                    break
            else:
                continue
            text, anchors = filled
            seen.add(text)
            cursor += step + 1
            made += 1
            subject, action = text.split(" — ", 1)
            statements.append(
                AiStatement(
                    level=level,
                    order=made,
                    subject=subject,
                    action=action,
                    anchors=anchors,
                    evidence=[ground.citation] if ground.citation else [],
                    confidence="standard" if has_aei else "lower",
                )
            )
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
