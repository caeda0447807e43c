"""Per-app state (settings, engine, caches, title index) and the typed dependencies over it."""

from __future__ import annotations

import gc
import logging
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated, Any

import jinja2
from fastapi import Depends, HTTPException, Request
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import Connection, Engine

from skillsx.config import Settings
from skillsx.errors import StoreError
from skillsx.models import OccupationSummary
from skillsx.search import SearchHit, TitleIndex
from skillsx.search.normalise import clear_caches
from skillsx.store.accounts import User, get_session_user
from skillsx.store.builds import BuildInfo, get_build
from skillsx.store.queries import list_occupations
from skillsx.store.titles import list_title_records
from skillsx.web.cache import BuildCache

SESSION_COOKIE = "skillsx_session"
CSRF_COOKIE = "skillsx_csrf"
SESSION_DAYS = 14
log = logging.getLogger(__name__)


@dataclass
class AppState:
    """Everything one app instance holds; made in ``create_app``, never at import time."""

    settings: Settings
    engine: Engine
    templates: jinja2.Environment
    serializer: URLSafeTimedSerializer
    # How long a worker trusts its idea of the current build before asking the store again.
    build_ttl: float = 1.0
    # The store's URL when the app opened it itself: a child process may then build the
    # title index (``_build_index``). None when an engine was handed in.
    database_url: str | None = None
    cache: BuildCache = field(default_factory=BuildCache)
    _build: tuple[float, BuildInfo | None] = (0.0, None)
    _index: tuple[int, TitleIndex] | None = None
    _index_lock: threading.Lock = field(default_factory=threading.Lock)

    def current_build(self) -> BuildInfo | None:
        """The current build (None before the first), re-read at most every ``build_ttl`` s."""
        checked, build = self._build
        now = time.monotonic()
        if now - checked >= self.build_ttl or build is None:
            with self.engine.connect() as conn:
                try:
                    build = get_build(conn)
                except StoreError:
                    build = None
            self._build = (now, build)
        return build

    def build_key(self) -> int:
        build = self.current_build()
        return build.id if build else 0

    def occupations(self) -> list[OccupationSummary]:
        def make() -> list[OccupationSummary]:
            with self.engine.connect() as conn:
                return list_occupations(conn)

        return self.cache.get_or_make(("occupations", self.build_key()), make)

    def index(self) -> TitleIndex:
        """The title index of the current build's release, built once per build.

        A served site builds it at start-up (``skillsx.web.app.warm_search``); otherwise,
        and after a new build, the first search builds it.
        """
        key = self.build_key()
        with self._index_lock:
            if self._index is None or self._index[0] != key:
                self._index = None  # let the old index go before the new one is made
                self._index = (key, _build_index(self.engine, self.database_url))
            return self._index[1]

    def search(self, q: str, limit: int) -> list[SearchHit]:
        key = ("search", self.build_key(), " ".join(q.lower().split()), limit)
        return self.cache.get_or_make(key, lambda: self.index().search(q, limit))

    def listed_under(self, q: str) -> list[str]:
        """SOC codes that list ``q`` itself as a title (``TitleIndex.listed_under``)."""
        key = ("listed-under", self.build_key(), " ".join(q.lower().split()))
        return self.cache.get_or_make(key, lambda: self.index().listed_under(q))

    def session_token(self, request: Request) -> str | None:
        raw = request.cookies.get(SESSION_COOKIE)
        if not raw:
            return None
        try:
            return str(self.serializer.loads(raw, salt="session", max_age=SESSION_DAYS * 86400))
        except BadSignature:
            return None


def _build_index(engine: Engine, database_url: str | None) -> TitleIndex:
    """Build the title index of the current release, leaving as little memory behind as can be.

    Building reads the ~83,000 records of the full release and analyses them through
    ~100 MB of short-lived objects, while the index itself is ~11 MB of flat arrays and
    strings. Done in a worker, the short-lived objects leave its heap fragmented: it kept
    ~30 MB more than the index. So when the app opened the store itself from
    ``database_url``, a child process reads the records and builds the index, and the
    worker only allocates the index, from the child's bytes. With an engine handed to
    ``create_app`` (tests, embedding), or if the child fails, it is built in place.
    """
    blob = _bytes_from_child(database_url) if database_url else None
    if blob is not None:
        return TitleIndex.from_bytes(blob)
    with engine.connect() as conn:
        records = list_title_records(conn)
    index = TitleIndex.build(records)
    del records
    clear_caches()
    gc.collect()
    return index


# A fresh interpreter, not multiprocessing: a threaded server must not fork, and spawn
# re-imports the parent's __main__, which breaks any embedding script without a guard.
# The store's URL comes on stdin, so a password in it never shows in a process list.
_CHILD = """
import sys
from skillsx.search.index import index_bytes
from skillsx.store.db import open_engine
from skillsx.store.titles import list_title_records
engine = open_engine(sys.stdin.read())
with engine.connect() as conn:
    records = list_title_records(conn)
engine.dispose()
sys.stdout.buffer.write(index_bytes(records))
"""


def _bytes_from_child(database_url: str) -> bytes | None:
    """The index of the store at ``database_url``, built in a child Python, as bytes.

    None if the child fails (its error is logged).
    """
    done = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=database_url.encode(),
        capture_output=True,
        check=False,
    )
    if done.returncode != 0 or not done.stdout:
        error = done.stderr.decode(errors="replace").strip().splitlines()
        log.warning("Building the title index in a child failed: %s", error[-1:] or "no output")
        return None
    return done.stdout


def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.skillsx
    return state


StateDep = Annotated[AppState, Depends(get_state)]


def get_conn(state: StateDep) -> Iterator[Connection]:
    with state.engine.connect() as conn:
        yield conn


ConnDep = Annotated[Connection, Depends(get_conn)]


def optional_user(request: Request, state: StateDep) -> User | None:
    """The signed-in user, or None; cached on the request."""
    if hasattr(request.state, "user"):
        cached: User | None = request.state.user
        return cached
    token = state.session_token(request)
    user = None
    if token:
        with state.engine.connect() as conn:
            user = get_session_user(conn, token)
    request.state.user = user
    return user


OptionalUser = Annotated[User | None, Depends(optional_user)]


def current_user(user: OptionalUser) -> User:
    if user is None:
        raise HTTPException(401, "Sign in to do this.")
    return user


CurrentUser = Annotated[User, Depends(current_user)]


def _role(role: str) -> Any:
    def check(user: CurrentUser) -> User:
        if not user.can(role):
            raise HTTPException(403, f"This needs the {role} role; you are a {user.role}.")
        return user

    return check


Contributor = Annotated[User, Depends(_role("contributor"))]
Curator = Annotated[User, Depends(_role("curator"))]
Admin = Annotated[User, Depends(_role("admin"))]
