"""Shared fixtures: small stores cut at test time from ../shared/data, on SQLite and PostgreSQL."""

from __future__ import annotations

import fcntl
import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import Engine, create_engine, text

from skillsx.ingest.evidence import load_aei, load_cip
from skillsx.ingest.load import load_release
from skillsx.ingest.read import read_release
from skillsx.store.db import open_engine

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("SKILLSX_DATA", ROOT.parent / "shared" / "data"))
ONET = DATA / "onet" / "db_30_1_text"
ONET_29 = DATA / "onet" / "db_29_x_excel_subset"
AEI = DATA / "anthropic_economic_index" / "release_2025_02_10"
CIP = DATA / "crosswalks" / "cip_soc"
POSTGRES_URL = os.environ.get(
    "SKILLSX_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)

#: A handful of occupations of different groups and job zones, plus codes without tasks.
FIXTURE_SOCS = (
    "11-2022.00",  # Sales Managers (zone 4)
    "15-1252.00",  # Software Developers
    "29-1141.00",  # Registered Nurses
    "41-2031.00",  # Retail Salespersons (zone 2)
    "41-3091.00",  # the reference brief
    "51-4121.00",  # Welders, Cutters, Solderers, and Brazers
    "15-1299.00",  # Computer Occupations, All Other: no task data
    "15-1299.08",  # Computer Systems Engineers/Architects
)


#: Per-occupation files kept whole: every code needs them (titles, Job Zone inference).
KEEP_WHOLE = {"Occupation Data.txt", "Job Zones.txt"}


def cut_release(src: Path, dest: Path, socs: tuple[str, ...]) -> Path:
    """Copy a release keeping only the rows of ``socs`` in per-occupation files.

    A file left without rows is left out (a release lacks it): ingest refuses empty files.
    """
    dest.mkdir(parents=True, exist_ok=True)
    prefixes = tuple(f"{soc}\t".encode() for soc in socs)
    for path in sorted(src.iterdir()):
        raw = path.read_bytes()
        lines = raw.split(b"\r\n")
        header = lines[0]
        if header.startswith(b"O*NET-SOC Code\t") and path.name not in KEEP_WHOLE:
            kept = [header] + [ln for ln in lines[1:] if ln.startswith(prefixes)]
            if len(kept) > 1:
                (dest / path.name).write_bytes(b"\r\n".join(kept) + b"\r\n")
        else:
            shutil.copyfile(path, dest / path.name)
    return dest


@pytest.fixture(scope="session")
def release_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return cut_release(ONET, tmp_path_factory.mktemp("onet") / "db_30_1_text", FIXTURE_SOCS)


@pytest.fixture(scope="session")
def extra_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return cut_release(
        ONET_29, tmp_path_factory.mktemp("onet29") / "db_29_x_excel_subset", FIXTURE_SOCS
    )


#: The argon2id hasher the tests sign in with: the same algorithm and hash format as the
#: site's (``store.accounts``), at the lowest cost argon2 allows instead of the RFC 9106
#: profile's 64 MiB and three passes (a quarter of a second per hash or check here, and the
#: suite makes a few hundred). Hashes of either kind verify with the other.
TEST_HASHER_COST = {"time_cost": 1, "memory_cost": 8, "parallelism": 1}


@pytest.fixture(scope="session", autouse=True)
def production_hasher() -> Iterator[PasswordHasher]:
    """The site's own argon2 hasher, put aside while the tests use a cheap one; a test that
    checks hashing itself puts it back with ``use_production_hasher``."""
    from skillsx.store import accounts

    real = accounts._hasher
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "_hasher", PasswordHasher(**TEST_HASHER_COST))
        yield real


@pytest.fixture()
def use_production_hasher(
    production_hasher: PasswordHasher, monkeypatch: pytest.MonkeyPatch
) -> PasswordHasher:
    """This test hashes and checks passwords with the site's own hasher and cost."""
    from skillsx.store import accounts

    monkeypatch.setattr(accounts, "_hasher", production_hasher)
    return production_hasher


class PostgresSchema:
    """A throwaway schema on the PostgreSQL server, dropped afterwards."""

    def __init__(self) -> None:
        self.name = f"skillsx_test_{uuid.uuid4().hex[:10]}"
        self.admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{self.name}"'))
        sep = "&" if "?" in POSTGRES_URL else "?"
        self.url = f"{POSTGRES_URL}{sep}options=-csearch_path%3D{self.name}"

    def drop(self) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{self.name}" CASCADE'))
        self.admin.dispose()


def _new_url(kind: str, tmp: Path) -> tuple[str, PostgresSchema | None]:
    if kind == "sqlite":
        return f"sqlite:///{tmp / f'{uuid.uuid4().hex[:8]}.db'}", None
    schema = PostgresSchema()
    return schema.url, schema


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def empty_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A new, empty store on each backend."""
    url, schema = _new_url(request.param, tmp_path)
    engine = open_engine(url)
    yield engine
    engine.dispose()
    if schema:
        schema.drop()


@pytest.fixture(scope="session", params=BACKENDS)
def store(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    release_dir: Path,
    extra_dir: Path,
) -> Iterator[Engine]:
    """A store holding the fixture release (+29.x extra), AEI evidence and CIP, per backend."""
    url, schema = _new_url(request.param, tmp_path_factory.mktemp("store"))
    engine = open_engine(url)
    load_release(engine, read_release(release_dir, [extra_dir]))
    load_aei(engine, AEI)
    load_cip(engine, CIP)
    yield engine
    engine.dispose()
    if schema:
        schema.drop()


@pytest.fixture(scope="session")
def built_store(store: Engine) -> Engine:
    """The fixture store with one complete build of its occupations (do not build again)."""
    from skillsx.build import run_build

    run_build(store, workers=1)
    return store


def _run_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of this run that every xdist worker sees: the controller's base temp folder
    (each worker's own is a child of it), or this process's own without xdist."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock on ``path`` between the processes of this run (released on exit,
    also when the holder dies)."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture(scope="session")
def full_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """The whole of ../shared/data ingested into SQLite and built: every occupation.

    Built once per test run: the first xdist worker to need it ingests and builds it in a
    folder of the run, under a file lock; a worker that needs it meanwhile waits for that
    build rather than making its own. Each worker then reads its own copy of the finished
    file, so no worker sees another's connections. Tests using it carry
    ``@pytest.mark.xdist_group("full")`` or ``("full-exports")``: at most two workers use it.
    """
    from skillsx.build import run_build
    from skillsx.ingest.bundle import load_data_folder

    shared = _run_dir(tmp_path_factory) / "full-store"
    shared.mkdir(exist_ok=True)
    built = shared / "full.db"
    with _locked(shared / "lock"):
        failed = shared / "failed"
        if failed.exists():
            # Another worker's build failed: its error is reported there; do not build again.
            pytest.fail(f"the full build failed in another worker: {failed.read_text()}")
        if not (shared / "done").exists():
            for stale in shared.glob("full.db*"):  # a worker killed part-way through
                stale.unlink()
            try:
                engine = open_engine(f"sqlite:///{built}")
                load_data_folder(engine, DATA)
                run_build(engine, workers=2)
                engine.dispose()
            except BaseException as exc:
                failed.write_text(f"{type(exc).__name__}: {exc}"[:2000])
                raise
            (shared / "done").touch()
    own = tmp_path_factory.mktemp("full") / "full.db"
    # SQLite's online backup: a complete copy whatever is still in the source's WAL file.
    with sqlite3.connect(built) as source, sqlite3.connect(own) as copy:
        source.backup(copy)
    source.close()
    copy.close()
    engine = open_engine(f"sqlite:///{own}")
    yield engine
    engine.dispose()


def framework_only(conn: object, soc: str) -> dict:  # type: ignore[type-arg]
    """A stored page reduced to what a framework-only document holds (occupation, framework,
    the brief's source labels): for exports that must skip absent sections cleanly."""
    from skillsx.store.builds import get_document
    from skillsx.store.queries import get_brief

    doc = get_document(conn, soc)  # type: ignore[arg-type]
    keep = {k: doc[k] for k in ("occupation", "framework", "content_hash") if k in doc}
    return keep | {"sources": dict(sorted(get_brief(conn, soc).sources.items()))}  # type: ignore[arg-type]
