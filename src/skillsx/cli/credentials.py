"""``skillsx keys`` and ``skillsx credential``: the issuer's key, issuing and verifying.

``install`` adds both to the main app with its error handling (``friendly``) and store
opener (``engine``), so this module never imports ``skillsx.cli.main``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from sqlalchemy import Engine

from skillsx.config import Settings
from skillsx.credentials import (
    create_key,
    issue_statement_credential,
    issue_theme_credential,
    jwks,
    read_key,
    read_public_keys,
    verify_credential,
    write_key,
)
from skillsx.credentials.keys import DEFAULT_VALID_DAYS, IssuerKey, PublicKey
from skillsx.errors import ConfigError, CredentialError
from skillsx.export.output import target_for, write_file
from skillsx.store.builds import get_build, get_document

console = Console()
_MAX_FILE = 1 << 20


def _issuer_key(path: Path | None) -> IssuerKey:
    chosen = path or Settings.from_env().issuer_key
    if chosen is None:
        raise ConfigError(
            "SKILLSX_ISSUER_KEY is not set: create a key with `skillsx keys create --out "
            "issuer.jwk`, then `export SKILLSX_ISSUER_KEY=$PWD/issuer.jwk` (or pass --key)."
        )
    return read_key(chosen, "--key" if path else "SKILLSX_ISSUER_KEY")


def _trusted(keys: Path | None) -> list[PublicKey]:
    if keys is not None:
        return read_public_keys(keys)
    if Settings.from_env().issuer_key is None:
        raise ConfigError(
            "No key to verify against: pass --keys FILE (the issuer's /.well-known/jwks.json, "
            "saved) or set SKILLSX_ISSUER_KEY to this site's key."
        )
    return [_issuer_key(None).public]


def _when(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M UTC")


def install(
    app: typer.Typer, friendly: Callable[[Any], Any], engine: Callable[..., Engine]
) -> None:
    """Add ``keys`` and ``credential`` to ``app``."""
    keys_app = typer.Typer(help="The key that signs credentials.", no_args_is_help=True)
    credential_app = typer.Typer(
        help="Open Badges 3.0 credentials of self-assessed skills.", no_args_is_help=True
    )
    app.add_typer(keys_app, name="keys")
    app.add_typer(credential_app, name="credential")

    @keys_app.command("create")
    @friendly
    def keys_create(
        out: Annotated[
            Path, typer.Option(help="New file for the private key (never overwritten)")
        ] = Path("issuer-key.jwk"),
        valid_days: Annotated[
            int, typer.Option(help="Days the key may sign; credentials expire with it")
        ] = DEFAULT_VALID_DAYS,
    ) -> None:
        """Create the Ed25519 key that signs credentials (a JWK file, mode 0600)."""
        key = create_key(valid_days)
        write_key(key, out)
        console.print(
            f"Wrote {out} (Ed25519, key {key.thumbprint}), valid until {_when(key.expires)}.\n"
            f"Keep it private. Point the site at it: export SKILLSX_ISSUER_KEY={out.resolve()}",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )

    @keys_app.command("public")
    @friendly
    def keys_public(
        key: Annotated[
            Path | None, typer.Option(help="Private key file (default: SKILLSX_ISSUER_KEY)")
        ] = None,
    ) -> None:
        """Print the public key set verifiers need (what /.well-known/jwks.json serves)."""
        issuer = _issuer_key(key)
        public_url = Settings.from_env().public_url
        typer.echo(json.dumps(jwks([issuer.public], public_url), indent=2))

    @credential_app.command("issue")
    @friendly
    def credential_issue(
        soc: Annotated[str, typer.Option(help="O*NET-SOC code, e.g. 41-3091.00")],
        subject: Annotated[str, typer.Option(help="The holder: an email address or a DID")],
        statement: Annotated[
            str | None, typer.Option(help="A statement, LEVEL:ORDER (e.g. proficient:3)")
        ] = None,
        theme: Annotated[
            str | None, typer.Option(help="A theme id (e.g. T02); with --level")
        ] = None,
        level: Annotated[
            str | None, typer.Option(help="emerging, developing, proficient or advanced")
        ] = None,
        rating: Annotated[
            str, typer.Option(help="The holder's own rating: with_help, independently, can_teach")
        ] = "independently",
        out: Annotated[
            Path | None, typer.Option(help="File or folder to write (default: standard output)")
        ] = None,
        key: Annotated[
            Path | None, typer.Option(help="Private key file (default: SKILLSX_ISSUER_KEY)")
        ] = None,
    ) -> None:
        """Issue a signed, self-assessed credential for a statement or a theme at a level."""
        if (statement is None) == (theme is None):
            raise CredentialError(
                "Give one of: --statement LEVEL:ORDER, or --theme T with --level."
            )
        if theme is not None and level is None:
            raise CredentialError(
                "--theme needs --level (emerging, developing, proficient, advanced)."
            )
        if statement is not None and level is not None:
            raise CredentialError("--level goes with --theme; a --statement names its own level.")
        issuer = _issuer_key(key)
        public_url = Settings.from_env().public_url
        store = engine()
        try:
            with store.connect() as conn:
                build = get_build(conn)
                document = get_document(conn, soc, build.id)
        finally:
            store.dispose()  # no connection left open (PostgreSQL warns of those)
        if statement is not None:
            token = issue_statement_credential(
                document, build.version, statement, subject, issuer, public_url, rating=rating
            )
            name = f"skillsx-credential-{soc}-{statement.replace(':', '-')}.jwt"
        else:
            assert theme is not None and level is not None
            token = issue_theme_credential(
                document, build.version, theme, level, subject, issuer, public_url, rating=rating
            )
            name = f"skillsx-credential-{soc}-{theme}-{level}.jwt"
        if out is None:
            typer.echo(token)
            return
        target = target_for(out, name)
        write_file(target, (token + "\n").encode())
        console.print(f"Wrote {target}", markup=False, highlight=False)

    @credential_app.command("verify")
    @friendly
    def credential_verify(
        file: Annotated[Path, typer.Argument(help="A credential (VC-JWT) file; - for stdin")],
        keys: Annotated[
            Path | None,
            typer.Option(
                help="Trusted keys: a saved jwks.json or a JWK (default: SKILLSX_ISSUER_KEY)"
            ),
        ] = None,
        subject: Annotated[
            str | None, typer.Option(help="Refuse unless it is about this email or DID")
        ] = None,
        show: Annotated[bool, typer.Option(help="Print the credential's JSON too")] = False,
    ) -> None:
        """Check a credential: signature, key validity, dates, schema, claims, JSON-LD, subject."""
        token = _read_token(file)
        verified = verify_credential(token, _trusted(keys), subject=subject)
        until = verified.valid_until.strftime("%Y-%m-%d") if verified.valid_until else "no end"
        console.print(
            f"Valid: {verified.name}\n"
            f"  issuer {verified.credential['issuer']['id']}, key {verified.key.thumbprint} "
            f"(valid until {verified.key.expires_text()})\n"
            f"  subject {verified.subject}"
            + (" (matches --subject)" if subject else "")
            + f"\n  valid {verified.valid_from.strftime('%Y-%m-%d')} to {until}\n"
            "  self-assessed: the holder's own rating, verified by no one",
            markup=False,
            highlight=False,
            soft_wrap=True,
        )
        if show:
            typer.echo(json.dumps(verified.credential, indent=2, ensure_ascii=False))


def _read_token(file: Path) -> str:
    if str(file) == "-":
        import sys

        return sys.stdin.read(_MAX_FILE + 1)
    try:
        with open(file, "rb") as fh:
            raw = fh.read(_MAX_FILE + 1)
    except FileNotFoundError:
        raise CredentialError(f"{file} does not exist.") from None
    except IsADirectoryError:
        raise CredentialError(f"{file} is a folder; give the credential file.") from None
    except OSError as exc:
        raise CredentialError(f"Cannot read {file} ({exc.strerror}).") from None
    try:
        return raw.decode("ascii")
    except UnicodeDecodeError:
        raise CredentialError(f"{file} is not a VC-JWT (it holds non-ASCII bytes).") from None
