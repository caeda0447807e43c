"""`skillsx user create` and `skillsx user list`: thin calls into store/accounts."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from skillsx.cli.main import app
from skillsx.store.accounts import check_password
from skillsx.store.db import open_engine


def test_user_create_and_list(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'users.db'}"
    env = {"SKILLSX_DATABASE_URL": url}
    runner = CliRunner()
    made = runner.invoke(
        app,
        ["user", "create", "Ada@Example.org", "--role", "admin", "--password", "long enough pw"],
        env=env,
    )
    assert made.exit_code == 0, made.output
    assert made.output.startswith("Created admin ada@example.org (id 1).")
    again = runner.invoke(
        app, ["user", "create", "ada@example.org", "--password", "long enough pw"], env=env
    )
    assert again.exit_code == 1
    assert 'Error: An account for "ada@example.org" already exists.' in again.output
    bad = runner.invoke(
        app, ["user", "create", "bo@example.org", "--role", "boss", "--password", "x" * 9], env=env
    )
    assert bad.exit_code == 1
    assert 'Role "boss" is not one of: viewer, contributor, curator, admin.' in bad.output
    prompted = runner.invoke(
        app, ["user", "create", "cy@example.org"], input="quiet lamp 77\nquiet lamp 77\n", env=env
    )
    assert prompted.exit_code == 0, prompted.output
    listed = runner.invoke(app, ["user", "list"], env=env)
    assert "ada@example.org" in listed.output and "cy@example.org" in listed.output
    engine = open_engine(url)
    with engine.connect() as conn:
        assert check_password(conn, "cy@example.org", "quiet lamp 77").role == "viewer"
    engine.dispose()
