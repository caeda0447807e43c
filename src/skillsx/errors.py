"""Exceptions raised by skillsx.

    SkillsxError                 base: every error a user can see
    ├── ConfigError              a SKILLSX_* setting has a bad value
    ├── IngestError              an input file is malformed (names file, line, column, value, fix)
    ├── NotFound                 a requested occupation, release or build does not exist
    ├── StoreError               the store is missing, unmigrated or holds no current release
    │                            (or is busy: another build, ingest or import holds its lock)
    ├── BuildNotCurrent          a build found check errors and was kept from becoming current
    ├── ExportError              a framework cannot be written in the requested format
    └── CredentialError          a credential cannot be issued (bad subject, key, target)
        └── InvalidCredential    a credential failed verification (signature, dates, schema…)

Content problems (a weak statement) are not exceptions: they are ``Problem`` values.
"""

from __future__ import annotations


class SkillsxError(Exception):
    """Base class of every error shown to a user."""


class ConfigError(SkillsxError):
    """A setting has a bad value."""


class IngestError(SkillsxError):
    """An input file is malformed; the message says where and how to fix it."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: str | None = None,
        value: str | None = None,
    ) -> None:
        parts = []
        if file:
            parts.append(file)
        if line is not None:
            parts.append(f"line {line}")
        if column:
            parts.append(f'column "{column}"')
        prefix = ", ".join(parts)
        super().__init__(f"{prefix}: {message}" if prefix else message)
        self.file, self.line, self.column, self.value = file, line, column, value


class NotFound(SkillsxError):
    """A requested record does not exist."""


class StoreError(SkillsxError):
    """The store cannot answer (not initialised, nothing ingested)."""


class BuildNotCurrent(SkillsxError):
    """A build completed with check errors and was not made current (``build`` describes it)."""

    def __init__(self, message: str, *, build: object = None) -> None:
        super().__init__(message)
        self.build = build


class ExportError(SkillsxError):
    """A framework cannot be exported in the requested format."""


class CredentialError(SkillsxError):
    """A credential cannot be issued: the subject, the key or what it is for is wrong."""


class InvalidCredential(CredentialError):
    """A credential failed verification; the message says which check and why."""
