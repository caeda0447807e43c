"""PDF: the whole page as a printable A4 document, with a header and footer on every page.

The content is the Markdown export's, section by section, laid out by ``export/typeset.py`` and
drawn by ReportLab's canvas in the PDF standard fonts (Helvetica, Courier). Standard fonts are
never embedded, so nothing is subset and the files stay small. They draw the WinAnsi characters
(Latin-1 plus dashes, quotes, bullet, ellipsis), which hold every character of the O*NET 30.1
text; any other character is printed as "?" (``printable``).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from typing import Any

from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from skillsx.compose.evidence import format_share
from skillsx.export.json_v1 import ONET_ATTRIBUTION
from skillsx.export.markdown import header_line
from skillsx.export.sections import Page, anchor_text, read_page, source_lines
from skillsx.export.typeset import Block, Font, Frame, Pages, Run, Table
from skillsx.models import ROLE_BANDS, DurableLevel, Level

# Page streams as plain deflate: ReportLab's default ASCII85 armour over them makes the files
# a quarter larger and took a fifth of the render time. Only this module uses ReportLab.
rl_config.useA85 = 0

HEADER_TITLE = 60  # characters of the title in the running header
MARGINS = (22 * mm, 16 * mm, 20 * mm, 16 * mm)  # top, right, bottom, left
ACCENT, MUTED, GREY = "#1f4e79", "#555555", "#777777"
WINANSI = "cp1252"  # the encoding of the standard fonts' characters

BODY = Font("Helvetica", 9.5)
BOLD = Font("Helvetica-Bold", 9.5)
ITALIC = Font("Helvetica-Oblique", 9.5, MUTED)
CODE = Font("Courier", 7, MUTED)
META = Font("Helvetica", 9.5, "#444444")
NA = Font("Helvetica-Oblique", 9.5, GREY)
H1 = Font("Helvetica-Bold", 18, ACCENT)
H2 = Font("Helvetica-Bold", 13, ACCENT)
H3 = Font("Helvetica-Bold", 10.5)
CELL, CELL_BOLD = Font("Helvetica", 8.5), Font("Helvetica-Bold", 8.5, "#ffffff")
CELL_NA = Font("Helvetica-Oblique", 8.5, GREY)
SMALL = Font("Helvetica", 8)
RUNNING = Font("Helvetica", 8, MUTED)
LEADING = 12.8
INDENT = 6 * mm


def printable(text: str) -> str:
    """``text`` with each character the standard fonts cannot draw replaced by "?"."""
    try:
        text.encode(WINANSI)
        return text
    except UnicodeEncodeError:
        return text.encode(WINANSI, errors="replace").decode(WINANSI)


def _short(title: str) -> str:
    return title if len(title) <= HEADER_TITLE else title[: HEADER_TITLE - 1].rstrip(" ,") + "…"


def _runs(*parts: tuple[Font, str]) -> list[Run]:
    return [Run(font, printable(text)) for font, text in parts if text]


def _h2(text: str) -> Block:
    return Block(
        _runs((H2, text)),
        16,
        space_before=5 * mm,
        space_after=2 * mm,
        keep_with_next=True,
        rule_below=ACCENT,
    )


def _h3(text: str) -> Block:
    return Block(
        _runs((H3, text)), 13, space_before=3 * mm, space_after=1 * mm, keep_with_next=True
    )


def _text(font: Font, text: str, keep_with_next: bool = False) -> Block:
    return Block(_runs((font, text)), LEADING, space_after=2 * mm, keep_with_next=keep_with_next)


def _items(items: Iterable[list[Run]], numbered: bool = False) -> list[Block]:
    return [
        Block(runs, LEADING, indent=INDENT, bullet=f"{n}." if numbered else "•", space_after=3.4)
        for n, runs in enumerate(items, 1)
    ]


def _heading(page: Page, build_version: str) -> list[Block | Table]:
    context = Block(
        _runs((BOLD, "Context covered: "), (BODY, page.framework.context_covered)),
        LEADING,
        indent=3 * mm,
        right=3 * mm,
        space_before=8,
        space_after=8 + 2 * mm,
        background="#eef3f8",
        bar=ACCENT,
    )
    return [
        Block(_runs((H1, page.title)), 22, space_after=2 * mm),
        _text(META, header_line(page, build_version)),
        context,
    ]


def _framework(page: Page) -> list[Block | Table]:
    themes = {t.id: t.label for t in page.framework.themes}
    out: list[Block | Table] = [_h2("Proficiency framework")]
    for level in Level:
        out.append(_h3(f"{level.label} — {ROLE_BANDS[level]}"))
        out += _items(
            (
                _runs(
                    (BOLD, s.subject),
                    (BODY, f" — {s.action}"),
                    (ITALIC, "\n" + themes.get(s.theme, s.theme)),  # theme on a line of its own
                    (CODE, " " + anchor_text(s.anchors)),
                )
                for s in page.framework.level(level)
            ),
            numbered=True,
        )
    return out


def _ai_use(page: Page) -> list[Block | Table]:
    if page.ai_use is None:
        return []
    out: list[Block | Table] = [_h2("AI use by level")]
    if page.ai_use.note:
        out.append(_text(BODY, page.ai_use.note, keep_with_next=True))
    for level in Level:
        statements = page.ai_use.level(level)
        if not statements:
            continue
        out.append(_h3(level.label))
        out += _items(
            _runs(
                (BOLD, a.subject),
                (BODY, f" — {a.action}"),
                *((CODE, f" AEI task {c.task_id} ({format_share(c.pct)})") for c in a.evidence),
            )
            for a in statements
        )
    return out


def _evidence(page: Page) -> list[Block | Table]:
    if page.evidence is None:
        return []
    rows = [[_runs((CELL_BOLD, head)) for head in ("Figure", "Value", "Source")]]
    for f in [*page.evidence.figures, *page.evidence.interactions]:
        value = (
            _runs((CELL, f.display))
            if f.available
            else _runs((CELL_NA, "unavailable" + (f": {f.note}" if f.note else "")))
        )
        rows.append([_runs((CELL, f.label)), value, _runs((CELL, f"{f.source} {f.release}"))])
    table = Table(
        rows,
        widths=[0.40, 0.32, 0.28],
        leading=10.5,
        header_fill=ACCENT,
        grid="#bbbbbb",
        space_after=2 * mm,
    )
    out: list[Block | Table] = [_h2("Evidence pack"), table]
    if page.evidence.top_tasks:
        out.append(_h3("Top tasks by AI usage"))
        out += _items(
            _runs((BODY, t.text), (CODE, f" task {t.task_id} · {format_share(t.share)}"))
            for t in page.evidence.top_tasks
        )
    return out


def _durable(page: Page) -> list[Block | Table]:
    if page.durable is None:
        return []
    out: list[Block | Table] = [_h2("Durable skills")]
    for domain in sorted(page.durable.domains, key=lambda d: d.rank):
        out.append(_h3(f"{domain.rank}. {domain.name}"))
        out.append(_text(BODY, domain.description, keep_with_next=True))
        out += _items(
            _runs(
                (BODY, f"{dlevel.label}: "),
                (BOLD, d.title),
                (BODY, f" — {d.behaviour}"),
                (CODE, " " + anchor_text(d.anchors)),
            )
            for dlevel in DurableLevel
            for d in domain.level(dlevel)
        )
    return out


def _enrichment(page: Page) -> list[Block | Table]:
    if page.enrichment is None:
        return []
    out: list[Block | Table] = [
        _h2("O*NET enrichment"),
        _text(BODY, f"Source anchors: {page.enrichment.source_anchors}"),
    ]
    for section in page.enrichment.sections:
        out.append(_h3(section.label))
        if not section.available or not section.items:
            out.append(_text(NA, section.note or "Not in this release."))
            continue
        out += _items(
            _runs(
                (BODY, item.label),
                (CODE, f" {item.id}" if item.id else ""),
                (BODY, f" — {item.detail}" if item.detail else ""),
            )
            for item in section.items
        )
    return out


def _sources(page: Page) -> list[Block | Table]:
    lines = [*source_lines(page), ONET_ATTRIBUTION.format(release=page.occupation["release"])]
    items = [
        Block(_runs((SMALL, line)), 10, indent=INDENT, bullet="•", space_after=2) for line in lines
    ]
    return [_h2("Sources"), *items]


def layout(page: Page, build_version: str) -> list[Block | Table]:
    """The blocks of one page document, top to bottom; absent sections are left out."""
    return [
        *_heading(page, build_version),
        *_framework(page),
        *_ai_use(page),
        *_evidence(page),
        *_durable(page),
        *_enrichment(page),
        *_sources(page),
    ]


def _running(page: Page, build_version: str) -> Callable[[Canvas, int, int], None]:
    top_left = printable(f"{_short(page.title)} · {page.soc}")
    top_right = f"Proficiency framework {build_version}"
    bottom_left = f"Skills Exchange · O*NET {page.occupation['release']} (CC BY 4.0)"
    width, height = A4
    top, right, bottom, left = MARGINS

    def draw(canvas: Canvas, number: int, total: int) -> None:
        canvas.setFont(RUNNING.name, RUNNING.size)
        canvas.setFillColor(HexColor(RUNNING.color))
        canvas.drawString(left, height - top + 8 * mm, top_left)
        canvas.drawRightString(width - right, height - top + 8 * mm, top_right)
        canvas.drawString(left, bottom - 10 * mm, bottom_left)
        canvas.drawRightString(width - right, bottom - 10 * mm, f"Page {number} of {total}")

    return draw


def render_pdf(page: Page, build_version: str) -> bytes:
    """Lay out one page as A4 PDF; byte-identical for the same page and build."""
    width, height = A4
    top, right, bottom, left = MARGINS
    pages = Pages(Frame(left, bottom, width - left - right, height - top - bottom))
    pages.add(layout(page, build_version))
    buffer = io.BytesIO()
    # invariant: no creation date or random file id, so the same input gives the same bytes.
    canvas = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
    canvas.setTitle(printable(f"{page.title} ({page.soc}) proficiency framework {build_version}"))
    canvas.setAuthor("Skills Exchange")
    canvas.setSubject(f"O*NET-SOC {page.soc}")
    canvas.setCreator("Skills Exchange")
    pages.draw(canvas, _running(page, build_version))
    canvas.save()
    return buffer.getvalue()


def export_pdf(document: dict[str, Any], build_version: str) -> bytes:
    """Write one stored page document as PDF."""
    return render_pdf(read_page(document), build_version)
