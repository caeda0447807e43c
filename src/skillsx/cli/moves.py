"""``skillsx compare``, ``skillsx similar`` and ``skillsx pathways``: career moves.

``register(app, friendly, engine)`` adds the commands to the main app; it takes the main
module's error wrapper and store opener so this module never imports ``cli.main``.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer
from sqlalchemy import Engine

from skillsx import moves
from skillsx.errors import SkillsxError
from skillsx.moves.similar import MAX_LIMIT

SOC = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
SocArg = Annotated[str, typer.Argument(help="O*NET-SOC code, e.g. 41-2031.00")]
FormatOpt = Annotated[str, typer.Option("--format", help="text or json")]


def _check(format: str, *socs: str) -> None:
    if format not in ("text", "json"):
        raise SkillsxError(f'--format "{format}" is not text or json; use --format text or json.')
    for soc in socs:
        if not SOC.match(soc):
            raise SkillsxError(
                f'"{soc}" is not an O*NET-SOC code; codes look like 41-2031.00 '
                "(`skillsx occupations` lists them)."
            )


def _run(engine: Callable[[], Engine], call: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    """``call(conn)`` on the store, the engine disposed after (no pooled connection left)."""
    eng = engine()
    try:
        with eng.connect() as conn:
            return call(conn)
    finally:
        eng.dispose()


def _json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def compare_text(c: dict[str, Any]) -> str:
    """The comparison as plain text."""
    a, b, score = c["from"], c["to"], c["score"]
    lines = [
        f"From {a['title']} ({a['soc']}) to {b['title']} ({b['soc']}), O*NET {c['release']}",
        "",
        f"Transferability score: {score['value']:.2f} of 1",
        score["basis"],
    ]
    for p in score["components"]:
        value = "no data" if p["value"] is None else f"{p['value']:.3f}"
        lines.append(
            f"  {p['label']:<30} weight {p['weight']:.3f} × {value:>7} = {p['contribution']:.3f}"
        )
    lines += ["", "Biggest gaps:"]
    lines += [f"  {i}. {g['text']}" for i, g in enumerate(c["gaps"], 1)] or ["  none"]
    cov = c["coverage"]
    lines += ["", f"The framework of {b['title']}, level by level:"]
    if cov:
        for level in cov["levels"]:
            lines.append(
                f"  {level['label']:<11} {level['covered']} covered, {level['partial']} partly, "
                f"{level['new']} new"
            )
            for s in level["statements"]:
                held = [r["id"] for r in s["records"] if r["held"]]
                missing = [r["id"] for r in s["records"] if not r["held"]]
                lines.append(f"    [{s['status']:<7}] {s['text']}")
                if held:
                    lines.append(f"              held: {', '.join(held)}")
                if missing:
                    lines.append(f"              not held: {', '.join(missing)}")
    else:
        lines.append(f"  {c.get('coverage_missing') or 'no framework'}")
    act = c["activities"]
    lines += [
        "",
        f"Shared DWAs: {len(act['shared_dwas'])} of {act['to_dwas']} of {b['title']}",
    ]
    lines += [f"  {d['id']} {d['title']} (weight {d['to_weight']})" for d in act["shared_dwas"]]
    lines.append(f"Shared IWAs: {', '.join(i['title'] for i in act['shared_iwas']) or 'none'}")
    lines.append(
        f"Software shared: {', '.join(s['name'] for s in c['software']['shared']) or 'none'}"
    )
    lines.append(f"Tools shared: {', '.join(t['title'] for t in c['tools']['shared']) or 'none'}")
    for key in ("knowledge", "skills"):
        rows = [r for r in c[key] if r["level_difference"] is not None]
        if not rows:
            lines.append(f"{key.capitalize()}: not rated for both in this release")
            continue
        lines.append(
            f"{key.capitalize()} (O*NET {c['ratings_release']}): importance from/to, "
            "level from/to, difference"
        )
        for r in rows[:12]:
            lines.append(
                f"  {r['name']:<34} {r['from_importance']:.2f}/{r['to_importance']:.2f}  "
                f"{r['from_level']:.2f}/{r['to_level']:.2f}  {r['level_difference']:+.2f}"
            )
    styles = [w for w in c["work_styles"] if w["difference"] is not None][:8]
    if styles:
        lines.append("Work styles (impact from/to, difference):")
        lines += [
            f"  {w['name']:<34} {w['from_impact']:+.2f}/{w['to_impact']:+.2f}  "
            f"{w['difference']:+.2f}"
            for w in styles
        ]
    zone, edu = c["job_zone"], c["education"]
    lines.append(f"Job Zone: {zone['from']} -> {zone['to']}")
    if edu["from"] and edu["to"]:
        lines.append(f"Education: {edu['from']['label']} -> {edu['to']['label']}")
    return "\n".join(lines)


def similar_text(s: dict[str, Any]) -> str:
    lines = [f"Closest moves from {s['title']} ({s['soc']}), O*NET {s['release']}:"]
    for i, r in enumerate(s["results"], 1):
        shared = r.get("shared", {}).get("dwas", {}).get("count", 0)
        lines.append(
            f"{i:>3}. {r['score']:.3f}  {r['soc']}  {r['title']}  (Job Zone {r['job_zone']}, "
            f"{shared} shared DWAs)"
        )
    weights = ", ".join(f"{w['label']} {w['weight']:.2f}" for w in s["weights"])
    lines.append(f"Score weights: {weights}")
    return "\n".join(lines)


def pathways_text(p: dict[str, Any]) -> str:
    lines = [f"Career pathways of {p['title']} ({p['soc']}), Job Zone {p['job_zone']}:"]
    for key, label in (
        ("next_steps", "Next steps"),
        ("lateral", "Lateral moves"),
        ("feeders", "Feeders"),
    ):
        lines.append(f"{label}:")
        lines += [
            f"  {x['score']:.3f}  {x['soc']}  {x['title']}  ({x['reason']})" for x in p[key]
        ] or ["  none"]
    lines += p["notes"]
    return "\n".join(lines)


def register(
    app: typer.Typer, friendly: Callable[[Any], Any], engine: Callable[[], Engine]
) -> None:
    """Add ``compare``, ``similar`` and ``pathways`` to ``app``."""

    @app.command("compare")
    @friendly
    def compare_command(from_soc: SocArg, to_soc: SocArg, format: FormatOpt = "text") -> None:
        """Compare two occupations: what carries over, the score and its basis, the gaps."""
        _check(format, from_soc, to_soc)
        result = _run(engine, lambda conn: moves.compare(conn, from_soc, to_soc))
        _json(result) if format == "json" else sys.stdout.write(compare_text(result) + "\n")

    @app.command("similar")
    @friendly
    def similar_command(
        soc: SocArg,
        limit: Annotated[int, typer.Option(min=1, max=MAX_LIMIT, help="How many")] = 20,
        format: FormatOpt = "text",
    ) -> None:
        """Occupations ranked by the transferability score from this one."""
        _check(format, soc)
        result = _run(engine, lambda conn: moves.similar(conn, soc, limit))
        _json(result) if format == "json" else sys.stdout.write(similar_text(result) + "\n")

    @app.command("pathways")
    @friendly
    def pathways_command(soc: SocArg, format: FormatOpt = "text") -> None:
        """Career pathways: next steps, lateral moves and feeder occupations."""
        _check(format, soc)
        result = _run(engine, lambda conn: moves.pathways(conn, soc))
        _json(result) if format == "json" else sys.stdout.write(pathways_text(result) + "\n")
