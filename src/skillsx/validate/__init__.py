"""Quality rules over composed frameworks, returning problems as data."""

from skillsx.validate.rules import validate_framework

__all__ = ["validate_framework"]
