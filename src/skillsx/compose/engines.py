"""Engines that compose frameworks; "grounded" is the offline, deterministic default."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from skillsx.models import Brief, Framework


@dataclass(frozen=True)
class Engine:
    """A named composer with a version, recorded on every framework it writes."""

    name: str
    version: str
    run: Callable[[Brief, str], Framework]

    @property
    def label(self) -> str:
        return f"skillsx-{self.name} {self.version}"

    def compose(self, brief: Brief) -> Framework:
        return self.run(brief, self.label)


def _grounded(brief: Brief, label: str) -> Framework:
    from skillsx.compose.ladder import compose_ladder

    return compose_ladder(brief, label)


def _grounded_v1(brief: Brief, label: str) -> Framework:
    from skillsx.compose.framework import compose_grounded

    return compose_grounded(brief, label)


# "grounded" is composer v2 (the ladder, 0.2); "grounded-v1" keeps the theme-by-theme composer
# of 0.1 for comparison (`skillsx build --engine grounded-v1`).
_ENGINES: dict[str, Engine] = {
    "grounded": Engine("grounded", "0.2", _grounded),
    "grounded-v1": Engine("grounded-v1", "0.1", _grounded_v1),
}


def register_engine(engine: Engine) -> None:
    """Add an engine (an LLM engine, say) under its name."""
    _ENGINES[engine.name] = engine


def get_engine(name: str) -> Engine:
    """The engine of that name; ``KeyError`` names the known engines."""
    try:
        return _ENGINES[name]
    except KeyError:
        known = ", ".join(sorted(_ENGINES))
        raise KeyError(f"unknown engine {name!r}; known engines: {known}") from None


def list_engines() -> list[str]:
    """Names of the registered engines."""
    return sorted(_ENGINES)
