"""The public API is exactly ``skillsx.__all__``; the exception tree is as documented."""

from __future__ import annotations

import skillsx
from skillsx import errors


def test_all_is_exact_and_importable() -> None:
    assert sorted(skillsx.__all__) == skillsx.__all__
    for name in skillsx.__all__:
        assert getattr(skillsx, name) is not None
    public = {n for n in dir(skillsx) if not n.startswith("_")}
    # Subpackages appear as attributes once imported; anything else must be in __all__.
    modules = {"build", "cli", "compose", "config", "errors", "export", "ingest", "models"}
    modules |= {"assess", "bidi", "moves", "passwords", "search", "store", "validate", "web"}
    modules |= {"credentials"}
    assert public - modules == set(skillsx.__all__)


def test_exception_tree() -> None:
    for exc in (
        errors.ConfigError,
        errors.IngestError,
        errors.NotFound,
        errors.StoreError,
        errors.ExportError,
        errors.CredentialError,
        errors.InvalidCredential,
    ):
        assert issubclass(exc, errors.SkillsxError)
        assert exc.__name__ in errors.__doc__
