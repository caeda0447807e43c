"""The occupation brief in its text form (the form of shared/reference/occupation-brief-*.txt)."""

from __future__ import annotations

from skillsx.models import Brief, RatedElement

SCALES = "(Scale definitions: Importance is rated 1-5. Level is rated 0-7.)"
RANKS = ("Primary", "Secondary", "Tertiary")


def _rated(items: list[RatedElement], release: str, empty: str) -> list[str]:
    lines = [SCALES]
    if not items:
        return [*lines, f"- {empty}"]
    if items[0].release != release:
        # Rows borrowed from another release (e.g. 29.x Skills beside 30.1) say so.
        lines.append(f"(Source: O*NET {items[0].release}, not {release}.)")
    for item in items:
        importance = "n/a" if item.importance is None else f"{item.importance:.2f}"
        level = "n/a" if item.level is None else f"{item.level:.2f}"
        lines.append(f"- {item.name} (Importance: {importance}, Level: {level})")
    return lines


def render_brief_text(brief: Brief) -> str:
    """Render the brief exactly in the reference text layout."""
    out = [f"Job Title: {brief.title}", f"O*NET-SOC Code: {brief.soc}", ""]
    out += ["# DESCRIPTION", brief.description, ""]
    out += ["# TASKS"]
    out += [f"- {t.text}" for t in brief.tasks] or ["- No specific tasks listed."]
    out += ["", "# KNOWLEDGE"]
    out += _rated(brief.knowledge, brief.release, "No specific knowledge areas listed.")
    out += ["", "# SKILLS"]
    out += _rated(brief.skills, brief.release, "No specific skills listed.")
    out += ["", "# TECHNOLOGY SKILLS & TOOLS"]
    out += [f"- {t.example} (Tech skill type: {t.commodity_title})" for t in brief.technology] or [
        "- No specific technology skills listed."
    ]
    out += [f"- {t.example} (Tool type: {t.commodity_title})" for t in brief.tools] or [
        "- No specific tools listed."
    ]
    out += ["", "# WORK CONTEXT"]
    out += [
        f"- {c.name} (Context: {c.importance:.2f})"
        for c in brief.work_context
        if c.importance is not None
    ] or ["- No specific work context listed."]
    out += ["", "# INTERESTS (RIASEC)"]
    out += [
        f"- {rank} Interest: {i.name}" for rank, i in zip(RANKS, brief.interests, strict=False)
    ] or ["- No specific interests listed."]
    out += ["", "# RELATED OCCUPATIONS"]
    out += [f"- {r.title}" for r in brief.related] or ["- No specific related occupations listed."]
    return "\n".join(out)
