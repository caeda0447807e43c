"""Writing export files: a clear ``ExportError`` for a missing or unwritable folder, and no
half-written file left behind (each file is written beside its target, then renamed)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from skillsx.errors import ExportError


def cannot_write(path: Path, exc: OSError) -> ExportError:
    """An ``OSError`` met while writing ``path`` as one line saying what to do."""
    why = exc.strerror or type(exc).__name__
    return ExportError(
        f"Cannot write {path}: {why.lower()}. Give --out a folder that exists and that you "
        "can write to, or a file in one."
    )


def target_for(out: Path, name: str) -> Path:
    """Where ``--out OUT`` puts a file called ``name``: inside OUT if it is a folder, else OUT.

    The folder the file goes into must exist; it is not created."""
    if out.is_dir():
        return out / name
    folder = out.parent
    if not folder.exists():
        raise ExportError(
            f"Cannot write {out}: the folder {folder} does not exist. Create it first, or "
            "give --out an existing folder or a file in one."
        )
    if not folder.is_dir():
        raise ExportError(f"Cannot write {out}: {folder} is a file, not a folder.")
    return out


def write_file(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` whole or not at all (the old file stays on failure)."""
    part = target.with_name(f".{target.name}.{os.getpid()}.part")
    try:
        with open(part, "wb") as fh:
            fh.write(data)
        os.replace(part, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        raise cannot_write(target, exc) from None


def write_export(out: Path, name: str, data: bytes) -> Path:
    """Write one exported file to ``--out OUT`` (a folder, or a file path); return its path."""
    target = target_for(out, name)
    write_file(target, data)
    return target
