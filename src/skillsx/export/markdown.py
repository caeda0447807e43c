"""Markdown: the whole occupation page, section by section, with citations as inline code."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from skillsx.compose.evidence import format_share
from skillsx.export.sections import Page, anchor_text, read_page, source_lines
from skillsx.models import ROLE_BANDS, DurableLevel, Level

#: Characters that start Markdown (CommonMark, GFM) markup anywhere in a line: escaped.
_INLINE = re.compile(r"([\\`*_\[\]<>|#~!])")
#: Line breaks of every kind: user text stays on its line, so it cannot open a block.
_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")
#: What would open a block at the start of a line: a list item, a setext underline, a
#: thematic break, an ordered list ("1." / "1)").
_LEADING = re.compile(r"^([+\-=]|\d{1,9}(?=[.)]))")


def _escape(text: str) -> str:
    """Text (O*NET's, or a user's: an accepted correction, an imported title) as literal
    Markdown: no raw HTML, headings, links (``javascript:`` or any), images, emphasis, code,
    tables or new lines come through; each special character is backslash-escaped."""
    flat = _BREAKS.sub(" ", str(text)).strip()
    flat = _INLINE.sub(r"\\\1", flat)
    match = _LEADING.match(flat)
    if match:
        end = match.end()
        flat = flat[:end] + "\\" + flat[end:] if match[1][0].isdigit() else "\\" + flat
    return flat


def _code(text: str) -> str:
    """Text inside a code span: backticks and line breaks cannot end or break it."""
    return "`" + _BREAKS.sub(" ", str(text)).replace("`", "'") + "`"


def header_line(page: Page, build_version: str, escape: Callable[[str], str] = str) -> str:
    """The line under the title; ``escape`` is applied to the text read from the data."""
    occ = page.occupation
    zone = occ.get("job_zone")
    zone_text = "Job Zone not rated" if zone is None else f"Job Zone {zone}"
    if zone is not None and occ.get("job_zone_name"):
        zone_text += f" · {escape(occ['job_zone_name'])}"
    if occ.get("job_zone_inferred"):
        zone_text += " (inferred)"
    return f"O*NET-SOC {escape(page.soc)} · {zone_text} · framework {escape(build_version)}"


def _framework(page: Page) -> list[str]:
    themes = {t.id: t.label for t in page.framework.themes}
    out = ["## Proficiency framework", ""]
    for level in Level:
        out += [f"### {level.label} — {ROLE_BANDS[level]}", ""]
        for s in page.framework.level(level):
            out.append(
                f"{s.order}. **{_escape(s.subject)}** — {_escape(s.action)}  \n"
                f"   _{_escape(themes.get(s.theme, s.theme))}_ · {_code(anchor_text(s.anchors))}"
            )
        out.append("")
    return out


def _ai_use(page: Page) -> list[str]:
    if page.ai_use is None:
        return []
    out = ["## AI use by level", ""]
    if page.ai_use.note:
        out += [_escape(page.ai_use.note), ""]
    for level in Level:
        statements = page.ai_use.level(level)
        if not statements:
            continue
        out += [f"### {level.label}", ""]
        for a in statements:
            cites = ", ".join(f"AEI task {c.task_id} ({format_share(c.pct)})" for c in a.evidence)
            out.append(
                f"- **{_escape(a.subject)}** — {_escape(a.action)}"
                + (f" {_code(cites)}" if cites else "")
            )
        out.append("")
    return out


def _evidence(page: Page) -> list[str]:
    if page.evidence is None:
        return []
    out = ["## Evidence pack", "", "| Figure | Value | Source |", "|---|---|---|"]
    for f in [*page.evidence.figures, *page.evidence.interactions]:
        value = f.display if f.available else f"unavailable{': ' + f.note if f.note else ''}"
        out.append(
            f"| {_escape(f.label)} | {_escape(value)} | {_escape(f'{f.source} {f.release}')} |"
        )
    if page.evidence.top_tasks:
        out += ["", "Top tasks by AI usage:", ""]
        for t in page.evidence.top_tasks:
            out.append(f"- {_escape(t.text)} (task {t.task_id}, {format_share(t.share)})")
    return [*out, ""]


def _durable(page: Page) -> list[str]:
    if page.durable is None:
        return []
    out = ["## Durable skills", ""]
    for domain in sorted(page.durable.domains, key=lambda d: d.rank):
        out += [f"### {domain.rank}. {domain.name}", "", _escape(domain.description), ""]
        for dlevel in DurableLevel:
            for d in domain.level(dlevel):
                out.append(
                    f"- {dlevel.label}: **{_escape(d.title)}** — {_escape(d.behaviour)} "
                    f"{_code(anchor_text(d.anchors))}"
                )
        out.append("")
    return out


def _enrichment(page: Page) -> list[str]:
    if page.enrichment is None:
        return []
    out = [
        "## O*NET enrichment",
        "",
        f"Source anchors: {page.enrichment.source_anchors}",
        "",
    ]
    for section in page.enrichment.sections:
        out += [f"### {_escape(section.label)}", ""]
        if not section.available or not section.items:
            out += [_escape(section.note or "Not in this release."), ""]
            continue
        for item in section.items:
            ident = f" {_code(item.id)}" if item.id else ""
            detail = f" — {_escape(item.detail)}" if item.detail else ""
            out.append(f"- {_escape(item.label)}{ident}{detail}")
        out.append("")
    return out


def render_markdown(page: Page, build_version: str) -> str:
    out = [
        f"# {_escape(page.title)}",
        "",
        header_line(page, build_version, _escape),
        "",
        f"**Context covered:** {_escape(page.framework.context_covered)}",
        "",
        *_framework(page),
        *_ai_use(page),
        *_evidence(page),
        *_durable(page),
        *_enrichment(page),
        "## Sources",
        "",
        *(f"- {_escape(line)}" for line in source_lines(page)),
        "",
    ]
    return "\n".join(out)


def export_markdown(document: dict[str, Any], build_version: str) -> bytes:
    """Write one stored page document as Markdown."""
    return render_markdown(read_page(document), build_version).encode()
