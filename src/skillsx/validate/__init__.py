"""Quality rules over composed frameworks, returning problems as data."""

from skillsx.validate.independent import validate_build_independent, validate_independent
from skillsx.validate.rules import validate_framework

__all__ = ["validate_build_independent", "validate_framework", "validate_independent"]
