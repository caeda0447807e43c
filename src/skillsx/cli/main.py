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
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn
from rich.table import Table
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from skillsx.build import recheck, run_build
from skillsx.cli import moves as moves_cli
from skillsx.compose.brief import render_brief_text
from skillsx.config import Settings
from skillsx.errors import SkillsxError
from skillsx.export import FORMATS, export_document, filename
from skillsx.ingest.bundle import load_data_folder
from skillsx.ingest.evidence import AeiResult, load_aei, load_cip
from skillsx.ingest.load import LoadResult, load_release
from skillsx.ingest.read import read_release
from skillsx.models import Level
from skillsx.store.builds import (
    get_build,
    get_document,
    get_framework,
    list_builds,
    list_problems,
)
from skillsx.store.db import describe_store_failure, open_store
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
_state: dict[str, Any] = {"debug": False, "url": None}


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
        except (typer.Exit, typer.Abort, SystemExit, KeyboardInterrupt):
            raise
        except DBAPIError as exc:  # the store failed (server gone, disk full, locked)
            if _state["debug"] or not _state["url"]:
                raise
            err.print(
                f"Error: {describe_store_failure(_state['url'], exc)}",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
            raise typer.Exit(1) from None
        except Exception as exc:  # a bug: still no traceback unless asked for
            if _state["debug"]:
                raise
            err.print(
                f"Error: unexpected failure ({type(exc).__name__}: {exc}). Run again with "
                "--debug for the traceback and report it.",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def engine(create: bool = False) -> Engine:
    """The store, migrated. Only commands that write (``create``) may create a SQLite file:
    the others refuse a store that does not exist, so a mistyped path is never a new one."""
    settings = Settings.from_env()
    _state["url"] = settings.database_url
    eng = open_store(settings.database_url, create=create)
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
    result = load_release(engine(create=True), data)
    verb = "Loaded" if result.changed else "Already loaded (unchanged)"
    console.print(
        f"{verb} O*NET {result.release}: {result.files} files, {result.rows:,} rows; now current."
    )
    for name, fr in sorted(data.files.items()):
        if fr.release != data.name:
            console.print(f"  {name}: from O*NET {fr.release} (--extra)")
    for name in result.absent:
        console.print(f"  {name}: not in this release")
    _print_rematch(result)


def _print_rematch(result: LoadResult) -> None:
    """Say what became of the AEI evidence when a release's content was replaced."""
    r = result.aei
    if r is None:
        return
    line = (
        f"AEI {r.aei_release} evidence matched again to the new content of O*NET "
        f"{result.release}: {r.tasks_after:,} of {r.tasks_before:,} AEI task texts, "
        f"{r.after:,} task matches (before: {r.before:,})."
    )
    if r.after < r.before:
        line += (
            " Texts the new content no longer holds lost their match; run `skillsx "
            "ingest-evidence aei FOLDER` to match the AEI release afresh."
        )
    console.print(line)


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
    data: Annotated[
        Path,
        typer.Argument(
            help="The shared data folder (onet/, anthropic_economic_index/, crosswalks/)"
        ),
    ],
) -> None:
    """Ingest O*NET 30.1 (+29.x Skills/Knowledge), the AEI and the CIP crosswalk from one folder."""
    result = load_data_folder(engine(create=True), data)
    o = result.onet
    verb = "Loaded" if o.changed else "Already loaded (unchanged)"
    console.print(f"{verb} O*NET {o.release}: {o.files} files, {o.rows:,} rows; now current.")
    _print_aei(result.aei)
    console.print(
        f"CIP 2020 ↔ SOC 2018 crosswalk: {result.cip_pairs:,} programme–occupation pairs."
    )


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


@app.command()
@friendly
def build(
    soc: Annotated[list[str] | None, typer.Option("--soc", help="Only these occupations")] = None,
    engine_name: Annotated[str, typer.Option("--engine", help="Composer engine")] = "grounded",
    workers: Annotated[int, typer.Option(help="Worker processes")] = 2,
    allow_errors: Annotated[
        bool,
        typer.Option(
            "--allow-errors", help="Make the build current even if its checks find errors"
        ),
    ] = False,
    allow_shrink: Annotated[
        bool,
        typer.Option(
            "--allow-shrink",
            help="Build even when it would hold under 90% of the current build's frameworks",
        ),
    ] = False,
) -> None:
    """Compose, check and store a new build; it becomes current only when complete (and,
    unless --allow-errors, only if its checks find no errors)."""
    eng = engine()
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task("Composing", total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        info = run_build(
            eng,
            socs=soc,
            engine_name=engine_name,
            workers=workers,
            progress=progress,
            allow_errors=allow_errors,
            allow_shrink=allow_shrink,
        )
    console.print(
        f"Build {info.label} ({info.engine}, O*NET {info.release}): {info.frameworks} frameworks, "
        f"{info.errors} errors, {info.warnings} warnings; now current."
    )


@app.command()
@friendly
def builds() -> None:
    """List builds; the current one is marked."""
    with engine().connect() as conn:
        rows = list_builds(conn)
    table = Table(
        "id", "build", "current", "status", "engine", "release", "frameworks", "errors", "warnings"
    )
    for b in rows:
        table.add_row(
            str(b.id),
            b.label,
            "yes" if b.current else "",
            b.status,
            b.engine,
            b.release,
            str(b.frameworks),
            str(b.errors),
            str(b.warnings),
        )
    console.print(table)


@app.command()
@friendly
def framework(
    soc: Annotated[str, typer.Argument(help="O*NET-SOC code")],
    anchors: Annotated[
        bool, typer.Option("--anchors", help="Show each statement's anchors")
    ] = False,
) -> None:
    """Print an occupation's framework from the current build."""
    with engine().connect() as conn:
        info = get_build(conn)
        fw = get_framework(conn, soc)
    out = [
        f"{fw.title} ({fw.soc}) · framework {info.version} · {fw.engine}",
        "",
        fw.context_covered,
    ]
    for level in Level:
        out += ["", f"{level.label} — {level.band}"]
        for s in fw.level(level):
            out.append(f"  {s.order}. {s.text}")
            if anchors:
                out.append("     anchors: " + ", ".join(f"{a.kind}:{a.id}" for a in s.anchors))
    sys.stdout.write("\n".join(out) + "\n")


@app.command()
@friendly
def check(
    soc: Annotated[str | None, typer.Option("--soc", help="Only this occupation")] = None,
    build_id: Annotated[
        int | None, typer.Option("--build", help="Build id (default: current)")
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every problem")] = False,
    worst: Annotated[int, typer.Option(help="How many worst occupations to list")] = 10,
    again: Annotated[
        bool,
        typer.Option(
            "--recheck",
            help="Run today's checks over the stored pages again (changes nothing) instead "
            "of reporting what the build found",
        ),
    ] = False,
) -> None:
    """Report the quality problems of the current build; exit 1 if there are errors."""
    store = engine()
    with store.connect() as conn:
        info = get_build(conn, build_id)
        problems = list_problems(conn, info.id, soc=soc)
    if info.frameworks == 0:
        raise SkillsxError(
            f"Build {info.label} holds no frameworks: nothing would be served. Check the "
            "release (`skillsx releases`) and run `skillsx build` again."
        )
    if again:
        problems = recheck(store, build_id=info.id, socs=[soc] if soc else None)
    counts = soc is None
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    scope = soc or f"{info.frameworks} frameworks"
    console.print(f"Build {info.label}, {scope}: {len(errors)} errors, {len(warnings)} warnings.")
    if counts:
        by_rule: dict[tuple[str, str], int] = {}
        for p in problems:
            by_rule[(p.severity, p.rule)] = by_rule.get((p.severity, p.rule), 0) + 1
        table = Table("severity", "rule", "count", title="By rule")
        for (severity, rule), n in sorted(by_rule.items(), key=lambda kv: (kv[0][0], -kv[1])):
            table.add_row(severity, rule, str(n))
        console.print(table)
        per_soc: dict[str, int] = {}
        for p in errors:
            per_soc[p.soc] = per_soc.get(p.soc, 0) + 1
        if per_soc:
            table = Table("SOC", "errors", title="Worst offenders")
            for code, n in sorted(per_soc.items(), key=lambda kv: -kv[1])[:worst]:
                table.add_row(code, str(n))
            console.print(table)
    if verbose or soc:
        for p in problems:
            console.print(f"{p.severity:7} {p.soc} {p.rule} {p.where}: {p.message}", markup=False)
    if errors:
        raise typer.Exit(1)


@app.command()
@friendly
def export(
    soc: Annotated[str | None, typer.Argument(help="O*NET-SOC code")] = None,
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help=f"One of: {', '.join(FORMATS)} (default: json-1.0; an import's own format)",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            help="File or folder to write (default: standard output); with --all, "
            "a folder or a .zip"
        ),
    ] = None,
    all_: Annotated[
        bool, typer.Option("--all", help="Every framework of the build, into --out")
    ] = False,
    build_id: Annotated[
        int | None, typer.Option("--build", help="Build id (default: current)")
    ] = None,
    external: Annotated[
        int | None, typer.Option("--external", help="An imported framework, by its number")
    ] = None,
    workers: Annotated[int, typer.Option(help="Worker processes for --all")] = 2,
) -> None:
    """Export one occupation's framework (or --all of them) from the current build."""
    from skillsx.export import get_format
    from skillsx.export.bulk import export_build
    from skillsx.export.external import export_external
    from skillsx.export.output import write_export
    from skillsx.store.external import get_external

    if format is not None:
        get_format(format)
    # CASE, CTDL-ASN and RSD links start with the site's public address.
    public_url = Settings.from_env().public_url
    if sum([soc is not None, all_, external is not None]) != 1:
        raise SkillsxError("Give one of: a SOC code, --all, or --external NUMBER.")
    if all_:
        format = format or "json-1.0"
        if out is None:
            raise SkillsxError("--all needs --out: a folder, or a file ending in .zip.")
        with Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as bar:
            task = bar.add_task(f"Exporting {format}", total=None)

            def progress(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            eng = engine()
            try:
                result = export_build(
                    eng, build_id, format, out, workers, progress, base_url=public_url
                )
            finally:
                eng.dispose()
        console.print(
            f"Wrote {result.files} {format} files of build {result.build} to {result.path} "
            f"({result.bytes / 1e6:.1f} MB in {result.seconds:.1f} s).",
            soft_wrap=True,
        )
        for code, why in result.skipped:
            console.print(f"  skipped {code}: {why}", markup=False)
        return
    eng = engine()
    try:
        with eng.connect() as conn:
            if external is not None:
                ext, document = get_external(conn, external)
                format = format or ext.kind
                data = export_external(ext.kind, document, format)
                name = filename(ext.soc or ext.identifier, format)
            else:
                assert soc is not None
                format = format or "json-1.0"
                info = get_build(conn, build_id)
                data = export_document(
                    format, get_document(conn, soc, info.id), info.version, base_url=public_url
                )
                name = filename(soc, format)
    finally:
        eng.dispose()
    if out is None:
        sys.stdout.buffer.write(data)
    else:
        target = write_export(out, name, data)
        console.print(f"Wrote {target} ({len(data):,} bytes).")


@app.command("import")
@friendly
def import_(
    path: Annotated[Path, typer.Argument(help="A json-1.0 export or a CASE CFPackage (.json)")],
) -> None:
    """Check a framework file and store it as an imported framework (nothing stored if bad)."""
    from skillsx.ingest.imports import read_framework_file
    from skillsx.store.external import load_external

    found = read_framework_file(path)
    eng = engine(create=True)
    try:
        info, replaced = load_external(
            eng,
            kind=found.kind,
            identifier=found.identifier,
            title=found.title,
            soc=found.soc,
            version=found.version,
            document=found.document,
            source_name=path.name,
        )
    finally:
        eng.dispose()
    console.print(
        f'Imported {info.kind} framework "{info.title}" ({info.identifier}) as number '
        f"{info.id}" + ("; it replaces the earlier import." if replaced else "."),
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


def _bootstrap(eng: Engine, data: Path) -> None:
    """Ingest ``data`` if no release is loaded, and build if there is no build yet."""
    with eng.connect() as conn:
        has_release = bool(list_releases(conn))
        has_build = any(b.current for b in list_builds(conn))
    if not has_release:
        console.print(f"Empty store: ingesting {data} …")
        load_data_folder(eng, data)
    if not has_build:
        console.print("No build yet: composing every framework (about two minutes on 2 cores) …")
        info = run_build(eng, workers=Settings.from_env().workers)
        console.print(f"Build {info.label}: {info.frameworks} frameworks, {info.errors} errors.")


@app.command()
@friendly
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
    workers: Annotated[
        int | None, typer.Option(help="Worker processes (default: SKILLSX_WORKERS)")
    ] = None,
    reload: Annotated[bool, typer.Option(help="Reload on code changes (development)")] = False,
    data: Annotated[
        Path | None,
        typer.Option(help="Data folder to ingest and build from when the store is empty"),
    ] = None,
) -> None:
    """Serve the site and the JSON API with uvicorn (migrates the store first).

    With --data, an empty store is first filled from that folder and built.
    """
    import uvicorn

    from skillsx.web.server import server_options

    settings = Settings.from_env()
    eng = engine(create=data is not None)  # migrate once here, so the workers never race to do it
    if data is not None:
        _bootstrap(eng, data)
    eng.dispose()
    count = 1 if reload else (workers or settings.workers)
    console.print(f"Serving on http://{host}:{port} with {count} worker(s); Ctrl+C stops.")
    uvicorn.run(
        "skillsx.web.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=count,
        reload=reload,
        proxy_headers=True,
        log_level="warning",
        **server_options(),  # header size, request timeout, connection caps: docs/reliability.md
    )


moves_cli.register(app, friendly, engine)  # compare, similar, pathways (skillsx.cli.moves)

user_app = typer.Typer(help="Manage accounts.", no_args_is_help=True)
app.add_typer(user_app, name="user")


@user_app.command("create")
@friendly
def user_create(
    email: Annotated[str, typer.Argument(help="The account's email address")],
    role: Annotated[str, typer.Option(help="viewer, contributor, curator or admin")] = "viewer",
    password: Annotated[
        str | None, typer.Option(help="Password (asked for when not given)")
    ] = None,
) -> None:
    """Create an account."""
    from skillsx.store.accounts import create_user

    if password is None:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    with engine(create=True).begin() as conn:
        made = create_user(conn, email, password, role)
    console.print(f"Created {made.role} {made.email} (id {made.id}).")


@user_app.command("list")
@friendly
def user_list() -> None:
    """List accounts."""
    from skillsx.store.accounts import list_users

    with engine().connect() as conn:
        rows = list_users(conn)
    table = Table("id", "email", "role", "active", "created")
    for u in rows:
        table.add_row(str(u.id), u.email, u.role, "yes" if u.active else "no", u.created_at)
    console.print(table)


@user_app.command("role")
@friendly
def user_role(
    email: Annotated[str, typer.Argument(help="The account's email address")],
    role: Annotated[str, typer.Argument(help="viewer, contributor, curator or admin")],
) -> None:
    """Give an account another role (audit-logged; the last admin cannot step down).

    The operator's way back in: `skillsx user role EMAIL admin` makes an admin even when no
    admin can sign in.
    """
    from skillsx.store.accounts import get_user_by_email, set_role

    with engine().begin() as conn:
        before = get_user_by_email(conn, email)
        after = set_role(conn, None, before.id, role)
    if before.role == after.role:
        console.print(f"{after.email} is already {after.role}.")
    else:
        console.print(f"{after.email} is now {after.role} (was {before.role}).")


from skillsx.cli import credentials as _credentials  # noqa: E402  (uses friendly and engine)

_credentials.install(app, friendly, engine)
