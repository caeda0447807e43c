"""The ``skillsx`` command: thin calls into the library."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy import Engine

from skillsx.compose.brief import render_brief_text
from skillsx.config import Settings
from skillsx.errors import SkillsxError
from skillsx.ingest.bundle import load_data_folder
from skillsx.ingest.evidence import AeiResult, load_aei, load_cip
from skillsx.ingest.load import load_release
from skillsx.ingest.read import read_release
from skillsx.store.db import open_engine
from skillsx.store.migrations import migrate
from skillsx.store.queries import get_brief, list_occupations, list_releases

app = typer.Typer(
    help="Skills Exchange: proficiency frameworks from O*NET.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
err = Console(stderr=True)
F = TypeVar("F", bound=Callable[..., Any])
_state = {"debug": False}


def friendly(fn: F) -> F:
    """Turn library errors into `Error: …` and exit 1; tracebacks only with --debug."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except SkillsxError as exc:
            if _state["debug"]:
                raise
            err.print(f"Error: {exc}", markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def engine() -> Engine:
    settings = Settings.from_env()
    eng = open_engine(settings.database_url)
    migrate(eng)
    return eng


@app.callback()
def main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    _state["debug"] = debug


@app.command()
@friendly
def ingest(
    path: Annotated[Path, typer.Argument(help="O*NET text release folder or db_XX_X_text.zip")],
    extra: Annotated[
        list[Path] | None,
        typer.Option(
            help="Folder of another release that fills files this one lacks (e.g. 29.x Skills)."
        ),
    ] = None,
    release: Annotated[
        str | None, typer.Option(help="Release name when it cannot be read from the files.")
    ] = None,
) -> None:
    """Check and load an O*NET release; the store is unchanged if any file is bad."""
    data = read_release(path, extra or [], release)
    result = load_release(engine(), data)
    verb = "Loaded" if result.changed else "Already loaded (unchanged)"
    console.print(
        f"{verb} O*NET {result.release}: {result.files} files, {result.rows:,} rows; now current."
    )
    for name, fr in sorted(data.files.items()):
        if fr.release != data.name:
            console.print(f"  {name}: from O*NET {fr.release} (--extra)")
    for name in result.absent:
        console.print(f"  {name}: not in this release")


@app.command("ingest-evidence")
@friendly
def ingest_evidence(
    kind: Annotated[
        str, typer.Argument(help="aei (Anthropic Economic Index) or cip (CIP–SOC crosswalk)")
    ],
    path: Annotated[Path, typer.Argument(help="The release folder, e.g. .../release_2025_02_10")],
) -> None:
    """Load evidence beside O*NET: AEI task usage (matched to the current release) or CIP."""
    if kind == "aei":
        _print_aei(load_aei(engine(), path))
    elif kind == "cip":
        n = load_cip(engine(), path)
        console.print(f"CIP 2020 ↔ SOC 2018 crosswalk: {n:,} programme–occupation pairs.")
    else:
        raise SkillsxError(f'Unknown evidence kind "{kind}"; use aei or cip.')


def _print_aei(r: AeiResult) -> None:
    console.print(
        f"AEI {r.release}: {r.aei_tasks:,} task texts; matched exactly {r.exact:,} "
        f"({r.exact / r.aei_tasks:.1%}), after normalising {r.normalised:,} "
        f"({r.normalised / r.aei_tasks:.1%}), by Task ID via the AEI's own O*NET copy "
        f"{r.by_task_id:,} ({r.by_task_id / r.aei_tasks:.1%}); unmatched {r.unmatched:,}. "
        f"Match rate {r.match_rate:.1%}: {r.onet_tasks_matched:,} O*NET tasks in "
        f"{r.occupations:,} occupations."
    )


@app.command("ingest-all")
@friendly
def ingest_all(
    data: Annotated[Path, typer.Argument(help="The shared data folder (onet/, anthropic_economic_index/, crosswalks/)")],
) -> None:
    """Ingest O*NET 30.1 (+29.x Skills/Knowledge), the AEI and the CIP crosswalk from one folder."""
    result = load_data_folder(engine(), data)
    o = result.onet
    verb = "Loaded" if o.changed else "Already loaded (unchanged)"
    console.print(f"{verb} O*NET {o.release}: {o.files} files, {o.rows:,} rows; now current.")
    _print_aei(result.aei)
    console.print(f"CIP 2020 ↔ SOC 2018 crosswalk: {result.cip_pairs:,} programme–occupation pairs.")


@app.command()
@friendly
def releases() -> None:
    """List the O*NET releases in the store."""
    with engine().connect() as conn:
        rows = list_releases(conn)
    table = Table("release", "current", "loaded", "files", "absent", "extra")
    for r in rows:
        table.add_row(
            r.name,
            "yes" if r.current else "",
            r.loaded_at,
            str(sum(f.status != "absent" for f in r.files)),
            ", ".join(f.name for f in r.files if f.status == "absent"),
            ", ".join(f"{f.name} ({f.release})" for f in r.files if f.status == "extra"),
        )
    console.print(table)


@app.command()
@friendly
def occupations(
    group: Annotated[str | None, typer.Option(help="SOC major group, e.g. 41")] = None,
    job_zone: Annotated[int | None, typer.Option(help="Job Zone 1-5")] = None,
    with_tasks: Annotated[bool | None, typer.Option("--with-tasks/--without-tasks")] = None,
) -> None:
    """List occupations of the current release."""
    with engine().connect() as conn:
        rows = list_occupations(conn, group=group, job_zone=job_zone, with_tasks=with_tasks)
    table = Table("SOC", "Title", "Group", "Job Zone", "Tasks", title=f"{len(rows)} occupations")
    for o in rows:
        jz = (
            ""
            if o.job_zone is None
            else f"{o.job_zone}{' (inferred)' if o.job_zone_inferred else ''}"
        )
        table.add_row(o.soc, o.title, o.group_name, jz, str(o.tasks))
    console.print(table)


@app.command()
@friendly
def brief(
    soc: Annotated[str, typer.Argument(help="O*NET-SOC code, e.g. 41-3091.00")],
    format: Annotated[str, typer.Option("--format", help="text or json")] = "text",
    release: Annotated[str | None, typer.Option(help="Release (default: current)")] = None,
) -> None:
    """Print the occupation brief the composer reads."""
    if format not in ("text", "json"):
        raise SkillsxError(f'--format "{format}" is not text or json.')
    with engine().connect() as conn:
        b = get_brief(conn, soc, release)
    if format == "json":
        sys.stdout.write(json.dumps(b.model_dump(mode="json"), indent=2) + "\n")
    else:
        sys.stdout.write(render_brief_text(b) + "\n")
