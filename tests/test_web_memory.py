"""skillsx.web.memory: the malloc arena limit a web worker sets for itself."""

from __future__ import annotations

import platform

import pytest
from sqlalchemy import Engine

from skillsx.web.memory import limit_arenas


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc only")
def test_glibc_accepts_the_arena_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    assert limit_arenas() is True


def test_the_environment_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert limit_arenas() is False


def test_the_site_cache_takes_its_budget_from_the_settings(built_store: Engine) -> None:
    from skillsx.config import Settings
    from skillsx.web.app import create_app

    app = create_app(Settings(cache_mb=3), engine=built_store)
    assert app.state.skillsx.cache._budget == 3 << 20
