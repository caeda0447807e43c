"""PDF: the whole page as a printable A4 document (WeasyPrint), header and footer on each page."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from skillsx.export.json_v1 import ONET_ATTRIBUTION
from skillsx.export.markdown import header_line
from skillsx.export.sections import anchor_text, read_page, source_lines
from skillsx.models import DurableLevel, Level

HEADER_TITLE = 60  # characters of the title in the running header


def _short(title: str) -> str:
    return title if len(title) <= HEADER_TITLE else title[: HEADER_TITLE - 1].rstrip(" ,") + "…"


@cache
def _template() -> Any:
    env = Environment(
        loader=PackageLoader("skillsx.export", "templates"),
        autoescape=select_autoescape(["html"]),
    )
    return env.get_template("print.html")


def render_html(document: dict[str, Any], build_version: str) -> str:
    """The print HTML of one stored page document."""
    page = read_page(document)
    return str(
        _template().render(
            page=page,
            version=build_version,
            short_title=_short(page.title),
            header=header_line(page, build_version),
            themes={t.id: t.label for t in page.framework.themes},
            levels=[(level, page.framework.level(level)) for level in Level],
            level_enum=list(Level),
            durable_levels=list(DurableLevel),
            durable_domains=sorted(page.durable.domains, key=lambda d: d.rank)
            if page.durable
            else [],
            anchor_text=anchor_text,
            sources=source_lines(page),
            attribution=ONET_ATTRIBUTION.format(release=page.occupation["release"]),
        )
    )


def export_pdf(document: dict[str, Any], build_version: str) -> bytes:
    """Write one stored page document as PDF."""
    # Imported here: WeasyPrint loads Pango at import, which only this format needs.
    from weasyprint import HTML

    html = render_html(document, build_version)
    pdf: bytes = HTML(string=html).write_pdf(font_config=_font_config())
    return pdf


@cache
def _font_config() -> Any:
    """One font configuration per process: reading the system fonts again costs ~10%."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()
