"""Settings: the only reader of ``os.environ``."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from skillsx.errors import ConfigError

PREFIX = "SKILLSX_"


@dataclass(frozen=True)
class Settings:
    """Runtime settings, read from ``SKILLSX_*`` environment variables."""

    database_url: str = "sqlite:///skillsx.db"
    data_dir: Path | None = None
    secret_key: str = field(default="", repr=False)
    workers: int = 2
    #: Where the site is published: the base of the URIs in CASE, CTDL-ASN and RSD exports.
    public_url: str = "http://localhost:8000"
    #: Per web worker: the budget, in MB, of its cache of rendered pages and exports.
    cache_mb: int = 16
    #: The Ed25519 key that signs credentials (``skillsx keys create``); None: not set up.
    issuer_key: Path | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Build settings from the environment (or the mapping given)."""
        env = os.environ if environ is None else environ
        url = env.get(PREFIX + "DATABASE_URL", cls.database_url)
        if not url.startswith(("sqlite", "postgresql")):
            raise ConfigError(
                f'SKILLSX_DATABASE_URL: "{url}" is not a sqlite:/// or postgresql:// URL.'
            )
        data = env.get(PREFIX + "DATA")
        workers = _positive_int(env, "WORKERS", cls.workers)
        cache_mb = _positive_int(env, "CACHE_MB", cls.cache_mb)
        issuer_key = env.get(PREFIX + "ISSUER_KEY", "").strip()
        return cls(
            cache_mb=cache_mb,
            public_url=_public_url(env.get(PREFIX + "PUBLIC_URL", cls.public_url)),
            database_url=normalise_url(url),
            data_dir=Path(data) if data else None,
            secret_key=env.get(PREFIX + "SECRET_KEY", ""),
            workers=workers,
            issuer_key=Path(issuer_key) if issuer_key else None,
        )


def _positive_int(env: Mapping[str, str], name: str, default: int) -> int:
    """``SKILLSX_<name>`` as a whole number of 1 or more (``default`` when unset)."""
    raw = env.get(PREFIX + name, str(default))
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f'{PREFIX}{name}: "{raw}" is not a whole number.') from None
    if value < 1:
        raise ConfigError(f'{PREFIX}{name}: "{raw}" must be 1 or more.')
    return value


def _public_url(url: str) -> str:
    """An absolute http(s) URL with a host, without its trailing slash."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(
            f'SKILLSX_PUBLIC_URL: "{url}" is not an absolute http:// or https:// URL '
            "(e.g. https://skills.example.org)."
        )
    if parts.query or parts.fragment:
        raise ConfigError(f'SKILLSX_PUBLIC_URL: "{url}" must not have a query or a fragment.')
    return url.strip().rstrip("/")


def normalise_url(url: str) -> str:
    """Use psycopg 3 for plain ``postgresql://`` URLs."""
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url[len("postgresql://") :]
    return url
