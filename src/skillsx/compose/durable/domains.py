"""The ten durable-skill domains (Pathsmith names, our descriptions) and their weights.

Each domain lists the O*NET signals that bear on it: work styles (30.1 impact), skills (29.x
importance), RIASEC interests, and the work activities whose DWAs ground its statements. A
domain's weight for an occupation comes from those signals; see docs/durable-and-ai.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from skillsx.models import Anchor, Brief

FRAMEWORK = "Pathsmith Durable Skills Framework (America Succeeds with CompTIA)"


@dataclass(frozen=True)
class DomainSpec:
    """A domain: its name (the framework's), our description, and the O*NET signals behind it."""

    id: str
    name: str
    description: str
    styles: tuple[str, ...]  # O*NET work-style element IDs (30.1)
    skills: tuple[str, ...]  # O*NET skill element IDs (29.x)
    interests: tuple[str, ...]  # RIASEC interest names
    activities: tuple[str, ...]  # work-activity elements whose DWAs ground its statements


DOMAINS = (
    DomainSpec(
        "communication",
        "Communication",
        "Getting information across accurately and listening well, in speech and in writing.",
        ("1.D.2.f", "1.D.2.b"),
        ("2.A.1.d", "2.A.1.b", "2.A.1.c", "2.A.1.a"),
        ("Social", "Enterprising"),
        ("4.A.4.a.1", "4.A.4.a.2", "4.A.4.a.3", "4.A.3.b.6", "4.A.4.a.8", "4.A.4.b.6"),
    ),
    DomainSpec(
        "leadership",
        "Leadership",
        "Owning outcomes and helping others do their best work, from own tasks to a whole "
        "organisation.",
        ("1.D.1.i", "1.D.1.e"),
        ("2.B.5.d", "2.B.1.b", "2.B.1.e", "2.B.1.c"),
        ("Enterprising",),
        ("4.A.4.b.1", "4.A.4.b.2", "4.A.4.b.4", "4.A.4.b.5", "4.A.4.c.2", "4.A.4.c.3", "4.A.2.b.4"),
    ),
    DomainSpec(
        "metacognition",
        "Metacognition",
        "Knowing how one thinks and learns: planning, checking and adjusting one's own approach.",
        ("1.D.1.c", "1.D.2.a"),
        ("2.A.2.b", "2.A.2.c", "2.A.2.d", "2.B.5.a"),
        ("Investigative",),
        ("4.A.2.b.6", "4.A.2.b.5", "4.A.2.a.2"),
    ),
    DomainSpec(
        "critical-thinking",
        "Critical Thinking",
        "Weighing evidence and reasoning carefully to understand problems and reach sound "
        "decisions.",
        ("1.D.1.d", "1.D.3.b"),
        ("2.A.2.a", "2.B.2.i", "2.B.4.e", "2.B.4.g", "2.B.4.h", "2.B.3.k", "2.B.3.m"),
        ("Investigative",),
        ("4.A.2.a.4", "4.A.2.b.1", "4.A.2.a.3", "4.A.2.a.1", "4.A.1.b.3", "4.A.1.a.1"),
    ),
    DomainSpec(
        "collaboration",
        "Collaboration",
        "Working with others toward shared goals: coordinating, sharing and settling differences.",
        ("1.D.2.d", "1.D.2.f"),
        ("2.B.1.b", "2.B.1.a", "2.B.1.d"),
        ("Social",),
        ("4.A.4.a.2", "4.A.4.a.4", "4.A.4.b.1", "4.A.4.b.6", "4.A.4.a.7"),
    ),
    DomainSpec(
        "character",
        "Character",
        "Acting with honesty, reliability and respect, and owning the results of one's work.",
        ("1.D.3.d", "1.D.3.c", "1.D.2.b"),
        ("2.B.1.f",),
        ("Conventional", "Social"),
        ("4.A.2.a.3", "4.A.3.b.6", "4.A.4.c.1"),
    ),
    DomainSpec(
        "creativity",
        "Creativity",
        "Finding and testing new ideas and better ways to get the work done.",
        ("1.D.1.a",),
        ("2.B.3.b", "2.B.3.a"),
        ("Artistic",),
        ("4.A.2.b.2", "4.A.3.b.2", "4.A.2.b.4"),
    ),
    DomainSpec(
        "growth-mindset",
        "Growth Mindset",
        "Treating ability as something that grows through effort, feedback and learning.",
        ("1.D.1.b", "1.D.1.f", "1.D.1.c"),
        ("2.A.2.b", "2.A.2.c"),
        ("Investigative",),
        ("4.A.2.b.3", "4.A.4.b.3"),
    ),
    DomainSpec(
        "mindfulness",
        "Mindfulness",
        "Paying deliberate attention to the work, the people involved and one's own reactions.",
        ("1.D.4.b", "1.D.3.a", "1.D.2.c", "1.D.3.b"),
        ("2.B.1.a", "2.B.3.g"),
        ("Social",),
        ("4.A.1.a.2", "4.A.1.b.2", "4.A.4.a.5", "4.A.1.b.1"),
    ),
    DomainSpec(
        "fortitude",
        "Fortitude",
        "Staying steady and persistent through pressure, difficulty and setbacks.",
        ("1.D.4.a", "1.D.1.h", "1.D.1.g", "1.D.2.e"),
        (),
        ("Realistic",),
        ("4.A.3.a.1", "4.A.3.a.2", "4.A.3.a.4", "4.A.4.a.7", "4.A.4.a.5"),
    ),
)


# ------------------------------------------------------------------ weighting


def _style_score(impact: float | None, scale: str) -> float:
    if impact is None:
        return 0.0
    if scale == "WI":  # impact, -3..+3
        return max(0.0, min(1.0, (impact + 3) / 6))
    return max(0.0, min(1.0, (impact - 1) / 4))  # older importance scale 1-5


def weigh_domain(spec: DomainSpec, brief: Brief) -> tuple[float, str, list[str]]:
    """(weight 0-1, reason, element IDs used) of one domain for this occupation."""
    styles = {w.element_id: w for w in brief.work_styles}
    skills = {s.element_id: s for s in brief.skills}
    parts: list[tuple[float, str, str]] = []  # (score, phrase, element id)
    for eid in spec.styles:
        w = styles.get(eid)
        if w is None:
            continue
        bonus = 0.1 * (11 - w.distinctiveness_rank) / 10 if w.distinctiveness_rank else 0.0
        rank = f", distinctive rank {w.distinctiveness_rank:.0f}" if w.distinctiveness_rank else ""
        phrase = f"{w.name} (work style impact {w.impact:.2f}{rank})"
        parts.append((_style_score(w.impact, w.scale) + bonus, phrase, eid))
    style_scores = [p[0] for p in parts]
    skill_parts: list[tuple[float, str, str]] = []
    for eid in spec.skills:
        s = skills.get(eid)
        if s is None or s.importance is None:
            continue
        phrase = f"{s.name} (skill importance {s.importance:.2f}, O*NET {s.release})"
        skill_parts.append(((s.importance - 1) / 4, phrase, eid))
    skill_scores = [p[0] for p in skill_parts]
    interest_bonus, interest_phrase = 0.0, ""
    for position, interest in enumerate(brief.interests[:3]):
        if interest.name in spec.interests:
            interest_bonus = (0.08, 0.05, 0.03)[position]
            interest_phrase = f"{interest.name} interest (high point {position + 1})"
            break
    means = [sum(v) / len(v) for v in (style_scores, skill_scores) if v]
    weight = (sum(means) / len(means) if means else 0.0) + interest_bonus
    weight = round(min(1.0, weight), 3)
    best = sorted(parts + skill_parts, key=lambda p: -p[0])[:3]
    bits = [p[1] for p in best] + ([interest_phrase] if interest_phrase else [])
    if bits:
        reason = "Weighted by " + "; ".join(bits) + "."
    else:
        reason = "No work style, skill or interest of this occupation bears on it; ranked last."
    used = [p[2] for p in parts + skill_parts]
    used += [i.element_id for i in brief.interests if i.name in spec.interests]
    return weight, reason, used


def top_element(spec: DomainSpec, brief: Brief) -> Anchor | None:
    """The work style or skill that grounds the domain most for this occupation."""
    rel = {s.element_id: s.release for s in brief.skills}
    candidates: list[tuple[float, str]] = []
    for w in brief.work_styles:
        if w.element_id in spec.styles:
            candidates.append((_style_score(w.impact, w.scale), w.element_id))
    for s in brief.skills:
        if s.element_id in spec.skills and s.importance is not None:
            candidates.append(((s.importance - 1) / 4, s.element_id))
    if not candidates:
        return None
    _score, eid = max(candidates)
    return Anchor(kind="element", id=eid, release=rel.get(eid, brief.release))
