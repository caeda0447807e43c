"""Composers: turn an occupation brief into a framework (engines in ``engines``)."""

from skillsx.compose.engines import get_engine, list_engines
from skillsx.compose.framework import compose_framework

__all__ = ["compose_framework", "get_engine", "list_engines"]
