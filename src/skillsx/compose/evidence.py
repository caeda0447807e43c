"""The evidence pack: figures computed from the data, each with its source and release.

Figures the data cannot support are kept, marked ``available=False`` with the reason, so a
page shows them as unavailable instead of inventing them.

How the figures are computed (see docs/durable-and-ai.md):

* **Tasks matched**: the occupation's O*NET tasks that carry an AEI record / all its tasks.
* **Share of AEI usage**: the AEI gives each task *text* a share (pct) of all conversations.
  When several O*NET tasks carry the same text (``shared_by``), the pct is divided equally
  among them; the occupation's share is the sum over its tasks.
* **Percentile**: the percentage of occupations with task data whose share is lower (the
  occupations the AEI does not record count as 0).
* **Automation / augmentation**: economy-wide only in this AEI release. Automation is the
  directive and feedback-loop patterns; augmentation is task iteration, learning and
  validation (the AEI paper's grouping); each is given as a share of the classified
  conversations (those two groups).
* **Skill cluster**: the O*NET content-model group (2.A.1 Content, 2.A.2 Process, 2.B.1
  Social, …) with the highest mean importance among the occupation's 29.x skills.
"""

from __future__ import annotations

from skillsx.models import AiEvidence, Brief, EvidencePack, Figure, TopTask

AEI_NAME = "Anthropic Economic Index"
TOP_TASKS = 5
AUTOMATION = ("directive", "feedback loop")
AUGMENTATION = ("task iteration", "learning", "validation")
#: O*NET's own grouping of skills (content model 2.A / 2.B).
SKILL_CLUSTERS = {
    "2.A.1": "Content skills",
    "2.A.2": "Process skills",
    "2.B.1": "Social skills",
    "2.B.2": "Complex problem solving skills",
    "2.B.3": "Technical skills",
    "2.B.4": "Systems skills",
    "2.B.5": "Resource management skills",
}
_UNSUPPORTED = (
    (
        "time_saved",
        "Time saved",
        "The AEI 2025-02-10 release has no time-saving measure; no source in this store gives one.",
    ),
    (
        "ai_autonomy",
        "AI autonomy",
        "The AEI 2025-02-10 release has no task-level autonomy measure.",
    ),
    (
        "automation_feasibility",
        "Automation feasibility score",
        "Proprietary automation-feasibility scores are not among this project's open data sources.",
    ),
)


def _pct(value: float, digits: int = 2) -> str:
    return f"{value:.{digits}f}%"


#: Shares below this are shown as "under 0.0001%": three significant digits would need an
#: exponent.
SMALLEST_SHOWN = 0.0001


def format_share(pct: float) -> str:
    """A share of all AEI usage, in percent, to three significant digits and never rounded to
    nothing: 0.000586 -> "0.000586%", 0.01689 -> "0.0169%", 1.234 -> "1.23%", 0 -> "0%".

    AEI shares are small (a task is a tiny part of all conversations), so a fixed number of
    decimals shows most of them as "0.00%".
    """
    if pct <= 0:
        return "0%"
    if pct < SMALLEST_SHOWN:
        return f"under {SMALLEST_SHOWN:g}%"
    if pct >= 100:
        return "100%"
    return f"{pct:.3g}%"


def percentile_display(percentile: float) -> str:
    """ "23rd percentile" … "99th percentile": rounded down, so the highest reads 99th, never
    an impossible 100th, and the lowest with any usage reads 1st or above."""
    return f"{ordinal(max(1, min(99, int(percentile))))} percentile"


def compose_evidence(brief: Brief, evidence: AiEvidence) -> EvidencePack:
    """The figures behind the AI-use statements, for one occupation."""
    release = evidence.aei_release or "not loaded"
    aei_source = f"{AEI_NAME} (Handa et al., 2025)"
    onet_source = f"O*NET {brief.release} Task Statements"
    figures: list[Figure] = []

    def add(key: str, label: str, value: float | int | str | None, display: str, **kw: str) -> None:
        figures.append(
            Figure(
                key=key,
                label=label,
                value=value,
                display=display,
                available=value is not None,
                scope=kw.get("scope", "occupation"),  # type: ignore[arg-type]
                source=kw.get("source", aei_source),
                release=kw.get("release", release),
                note=kw.get("note", ""),
            )
        )

    task_ids = {t.id for t in brief.tasks}
    recorded = [t for t in evidence.tasks if t.task_id in task_ids]
    total = len(brief.tasks)
    if evidence.aei_release is None:
        missing = "No AEI release is loaded in this store."
        add("tasks_matched", "Tasks recorded by the AEI", None, "unavailable", note=missing)
        add("usage_share", "Share of all AEI usage", None, "unavailable", note=missing)
        add("usage_percentile", "Usage percentile", None, "unavailable", note=missing)
    else:
        add(
            "tasks_matched",
            "Tasks recorded by the AEI",
            len(recorded),
            f"{len(recorded)} of {total} tasks",
            note=f"Matched to {onet_source} by task text (or Task ID where O*NET reworded it).",
        )
        share = sum(t.share for t in recorded)
        add(
            "usage_share",
            "Share of all AEI usage",
            round(share, 6),
            format_share(share),
            note="Sum of its tasks' shares; a task text shared by several tasks is divided "
            "equally among them."
            if recorded
            else "The AEI records none of this occupation's tasks.",
        )
        peers = [v for soc, v in evidence.shares.items() if soc != brief.soc]
        if not recorded:
            # Every occupation without recorded usage ties at 0: a rank among them says nothing.
            add(
                "usage_percentile",
                "Usage percentile",
                None,
                "unavailable",
                note="Not ranked: the AEI records none of this occupation's tasks.",
            )
        elif peers:
            lower = sum(v < share for v in peers)
            percentile = round(100 * lower / len(peers), 1)
            add(
                "usage_percentile",
                "Usage percentile",
                percentile,
                percentile_display(percentile),
                note=f"Higher than {lower} of the {len(peers)} other occupations with task "
                "data (those the AEI does not record count as 0).",
            )
        else:
            add("usage_percentile", "Usage percentile", None, "unavailable", note="No peers.")
    top = [
        TopTask(task_id=t.task_id, text=t.task_text, share=round(t.share, 6), pct=t.pct)
        for t in recorded[:TOP_TASKS]
    ]
    skill = brief.skills[0] if brief.skills else None
    if skill:
        add(
            "top_skill",
            "Top O*NET skill",
            skill.name,
            f"{skill.name} (importance {skill.importance:.2f})" if skill.importance else skill.name,
            source=f"O*NET {skill.release} Skills",
            release=skill.release,
            note=f"From O*NET {skill.release}, not {brief.release}: the {brief.release} "
            "release has no Skills file.",
        )
        cluster = skill_cluster(brief)
        add(
            "skill_cluster",
            "Skill cluster",
            cluster,
            cluster or "unavailable",
            source=f"O*NET {skill.release} Skills, grouped by the O*NET content model",
            release=skill.release,
            note="The content-model group with the highest mean importance.",
        )
    else:
        reason = brief.absent.get("skills", "no skills for this occupation")
        for key, label in (("top_skill", "Top O*NET skill"), ("skill_cluster", "Skill cluster")):
            add(
                key,
                label,
                None,
                "unavailable",
                source="O*NET Skills",
                release=brief.release,
                note=reason,
            )
    for key, label, reason in _UNSUPPORTED:
        add(key, label, None, "unavailable", note=reason)
    return EvidencePack(
        soc=brief.soc,
        figures=figures,
        top_tasks=top,
        interactions=_interactions(evidence, aei_source, release),
    )


def ordinal(n: int) -> str:
    """1 -> "1st", 12 -> "12th", 23 -> "23rd"."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def skill_cluster(brief: Brief) -> str | None:
    """The O*NET skill group with the highest mean importance for this occupation."""
    groups: dict[str, list[float]] = {}
    for s in brief.skills:
        prefix = s.element_id[:5]
        if prefix in SKILL_CLUSTERS and s.importance is not None:
            groups.setdefault(prefix, []).append(s.importance)
    if not groups:
        return None
    best = max(groups, key=lambda g: (sum(groups[g]) / len(groups[g]), g))
    return SKILL_CLUSTERS[best]


def _interactions(evidence: AiEvidence, source: str, release: str) -> list[Figure]:
    """The economy-wide automation / augmentation split: this release has no per-occupation one."""
    data = evidence.interactions
    note = "Economy-wide: this AEI release has no per-occupation split."
    automation = sum(data.get(k, 0.0) for k in AUTOMATION)
    augmentation = sum(data.get(k, 0.0) for k in AUGMENTATION)
    classified = automation + augmentation
    if not classified:
        return [
            Figure(
                key=key,
                label=label,
                value=None,
                display="unavailable",
                available=False,
                scope="economy",
                source=source,
                release=release,
                note="No AEI interaction data is loaded.",
            )
            for key, label in (("automation", "Automation"), ("augmentation", "Augmentation"))
        ]
    out = []
    for key, label, value, parts in (
        ("automation", "Automation", automation, AUTOMATION),
        ("augmentation", "Augmentation", augmentation, AUGMENTATION),
    ):
        share = 100 * value / classified
        out.append(
            Figure(
                key=key,
                label=label,
                value=round(share, 1),
                display=_pct(share, 1),
                available=True,
                scope="economy",
                source=source,
                release=release,
                note=f"{note} {' + '.join(parts)} = {value:.1f}% of all conversations.",
            )
        )
    return out
