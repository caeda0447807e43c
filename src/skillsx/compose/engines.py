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
    from skillsx.compose.framework import compose_grounded

    return compose_grounded(brief, label)


def _ladder(brief: Brief, label: str) -> Framework:
    from skillsx.compose.ladder import compose_ladder

    return compose_ladder(brief, label)


# "ladder" (composer v2) is opt-in (`skillsx build --engine ladder`) until the exports and
# their schemas accept its new anchor kinds (supervisor_task, scale_anchor); see the README.
_ENGINES: dict[str, Engine] = {
    "grounded": Engine("grounded", "0.1", _grounded),
    "ladder": Engine("ladder", "0.2", _ladder),
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
