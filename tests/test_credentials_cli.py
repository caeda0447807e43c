"""``skillsx keys`` and ``skillsx credential``: messages, exit codes and files, on each backend."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from skillsx.cli.main import app

from .credentials_support import PUBLIC_URL, SOC, body, payload

runner = CliRunner()


@pytest.fixture()
def env(built_store: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A built store, this site's public URL, and a new issuer key in SKILLSX_ISSUER_KEY."""
    monkeypatch.setenv(
        "SKILLSX_DATABASE_URL", built_store.url.render_as_string(hide_password=False)
    )
    monkeypatch.setenv("SKILLSX_PUBLIC_URL", PUBLIC_URL)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["keys", "create", "--out", "issuer.jwk", "--valid-days", "90"])
    assert result.exit_code == 0, result.output
    monkeypatch.setenv("SKILLSX_ISSUER_KEY", str(tmp_path / "issuer.jwk"))
    return tmp_path


def test_keys_create(env: Path) -> None:
    key = env / "issuer.jwk"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    result = runner.invoke(app, ["keys", "create", "--out", "issuer.jwk"])
    assert result.exit_code == 1
    assert "Error: --out: issuer.jwk already exists; a key file is never overwritten" in (
        result.output
    )
    result = runner.invoke(app, ["keys", "public"])
    assert result.exit_code == 0
    (entry,) = json.loads(result.output)["keys"]
    assert entry["kid"].startswith(f"{PUBLIC_URL}/api/v1/credentials/keys/") and "d" not in entry
    assert entry["exp"] - entry["iat"] == 90 * 86400


def test_issue_and_verify(env: Path) -> None:
    result = runner.invoke(
        app,
        ["credential", "issue", "--soc", SOC, "--statement", "developing:2",
         "--subject", "ada@example.org", "--out", "."],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    written = env / f"skillsx-credential-{SOC}-developing-2.jwt"
    assert result.output.strip() == f"Wrote {written.name}" and written.exists()
    result = runner.invoke(
        app, ["credential", "verify", str(written), "--subject", "ada@example.org"]
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Valid: Self-assessed: ")
    assert "subject emailAddress (hashed) (matches --subject)" in result.output
    assert "self-assessed: the holder's own rating, verified by no one" in result.output

    # Standard output, a theme at a level, a DID; checked against the published key set.
    result = runner.invoke(
        app,
        ["credential", "issue", "--soc", SOC, "--theme", "T01", "--level", "emerging",
         "--subject", "did:web:holder.example", "--rating", "with_help"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    token = result.output.strip()
    assert payload(token)["sub"] == "did:web:holder.example"
    (env / "t.jwt").write_text(token)
    (env / "jwks.json").write_text(runner.invoke(app, ["keys", "public"]).output)
    result = runner.invoke(app, ["credential", "verify", "t.jwt", "--keys", "jwks.json", "--show"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output[result.output.index("{") :])
    assert shown == body(token)


def test_refusals(env: Path) -> None:
    def run(*args: str) -> str:
        result = runner.invoke(app, list(args))
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        return result.output.strip()

    issue = ["credential", "issue", "--soc", SOC, "--subject", "ada@example.org"]
    assert run(*issue) == (
        "Error: Give one of: --statement LEVEL:ORDER, or --theme T with --level."
    )
    assert run(*issue, "--theme", "T01").startswith("Error: --theme needs --level")
    assert run(*issue, "--statement", "advanced:11").startswith(
        f"Error: --statement: {SOC} has no statement advanced:11"
    )
    assert run("credential", "issue", "--soc", "99-9999.00", "--statement", "emerging:1",
               "--subject", "a@b.org").startswith("Error: ")  # fmt: skip
    assert run(*issue, "--statement", "emerging:1", "--subject", "nobody").startswith(
        'Error: --subject: "nobody" is neither an email address nor a DID'
    )
    token = runner.invoke(app, [*issue, "--statement", "emerging:1"]).output.strip()
    (env / "c.jwt").write_text(token)
    assert run("credential", "verify", "c.jwt", "--subject", "bob@example.org") == (
        "Error: Credential refused (subject): it is not about bob@example.org."
    )
    head, body_part, sig = token.split(".")
    (env / "tampered.jwt").write_text(f"{head}.{body_part[:-4]}AAAA.{sig}")
    assert "Error: Credential refused (" in run("credential", "verify", "tampered.jwt")
    assert run("credential", "verify", "missing.jwt") == "Error: missing.jwt does not exist."


def test_no_key_set_up(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SKILLSX_ISSUER_KEY")
    result = runner.invoke(
        app, ["credential", "issue", "--soc", SOC, "--statement", "emerging:1",
              "--subject", "a@b.org"],
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.output.startswith("Error: SKILLSX_ISSUER_KEY is not set: create a key with")
    monkeypatch.setenv("SKILLSX_ISSUER_KEY", str(env / "gone.jwk"))
    result = runner.invoke(app, ["keys", "public"])
    assert result.exit_code == 1
    assert "gone.jwk does not exist; create a key with `skillsx keys create" in result.output
