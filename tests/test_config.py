"""Settings from SKILLSX_* variables, with errors that name the key and the bad value."""

from __future__ import annotations

import pytest

from skillsx.config import Settings
from skillsx.errors import ConfigError


def test_defaults_and_postgres_url() -> None:
    s = Settings.from_env({})
    assert s.database_url == "sqlite:///skillsx.db" and s.workers == 2
    pg = Settings.from_env({"SKILLSX_DATABASE_URL": "postgresql://postgres@127.0.0.1/test"})
    assert pg.database_url == "postgresql+psycopg://postgres@127.0.0.1/test"


def test_cache_budget() -> None:
    assert Settings.from_env({}).cache_mb == 16
    assert Settings.from_env({"SKILLSX_CACHE_MB": "64"}).cache_mb == 64


def test_public_url() -> None:
    assert Settings.from_env({}).public_url == "http://localhost:8000"
    env = {"SKILLSX_PUBLIC_URL": " https://skills.example.org/exchange/ "}
    assert Settings.from_env(env).public_url == "https://skills.example.org/exchange"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SKILLSX_DATABASE_URL": "mysql://x"}, 'SKILLSX_DATABASE_URL: "mysql://x" is not a'),
        ({"SKILLSX_WORKERS": "two"}, 'SKILLSX_WORKERS: "two" is not a whole number.'),
        ({"SKILLSX_WORKERS": "0"}, 'SKILLSX_WORKERS: "0" must be 1 or more.'),
        ({"SKILLSX_CACHE_MB": "lots"}, 'SKILLSX_CACHE_MB: "lots" is not a whole number.'),
        ({"SKILLSX_CACHE_MB": "0"}, 'SKILLSX_CACHE_MB: "0" must be 1 or more.'),
        (
            {"SKILLSX_PUBLIC_URL": "skills.example.org"},
            'SKILLSX_PUBLIC_URL: "skills.example.org" is not an absolute http:// or https:// URL',
        ),
        (
            {"SKILLSX_PUBLIC_URL": "https://x.org/?a=1"},
            'SKILLSX_PUBLIC_URL: "https://x.org/?a=1" must not have a query or a fragment.',
        ),
    ],
)
def test_bad_values(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError) as info:
        Settings.from_env(env)
    assert str(info.value).startswith(message)


def test_issuer_key() -> None:
    assert Settings.from_env({}).issuer_key is None
    env = {"SKILLSX_ISSUER_KEY": " /etc/skillsx/issuer.jwk "}
    assert str(Settings.from_env(env).issuer_key) == "/etc/skillsx/issuer.jwk"
