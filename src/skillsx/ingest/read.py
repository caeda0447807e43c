"""Read an O*NET text release (folder or .zip) into checked rows: file → rows, nothing stored."""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from skillsx.errors import IngestError
from skillsx.ingest.specs import (
    EXPECTED,
    OCCUPATION_DATA,
    README_FILE,
    SPECS,
    Column,
    FileSpec,
)

SOC_RE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
DATE_RE = re.compile(r"^(0[1-9]|1[0-2])/\d{4}$")
README_RE = re.compile(r"O\*NET\s+(\d+\.\d+)\s+Database")
FOLDER_RE = re.compile(r"db_(\d+)_(\d+|x)", re.IGNORECASE)
MISSING = {"n/a", ""}

Row = dict[str, Any]


@dataclass
class FileRows:
    """The checked rows of one file."""

    spec: FileSpec
    rows: list[Row]
    sha256: str
    release: str  # the release the rows come from (an --extra release keeps its own)


@dataclass
class ReleaseData:
    """Everything read from one release (plus extras), checked and ready to load."""

    name: str
    source: str
    files: dict[str, FileRows] = field(default_factory=dict)
    absent: list[str] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        digest = hashlib.sha256(self.name.encode())
        for name in sorted(self.files):
            digest.update(f"{name}:{self.files[name].release}:{self.files[name].sha256}".encode())
        return digest.hexdigest()


class _Source:
    """A release folder or zip: lists its files and returns their bytes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self._members: dict[str, str] = {}
        if not path.exists():
            raise IngestError(f"{path} does not exist. Give an O*NET text release folder or .zip.")
        if path.is_dir():
            self._members = {p.name: str(p) for p in sorted(path.iterdir()) if p.is_file()}
        elif zipfile.is_zipfile(path):
            try:
                self._zip = zipfile.ZipFile(path)
                names = self._zip.namelist()
            except (zipfile.BadZipFile, OSError) as exc:
                raise IngestError(
                    f"{path.name}: the zip is damaged ({exc}). Download the release again."
                ) from None
            self._members = {n.rsplit("/", 1)[-1]: n for n in names if not n.endswith("/")}
        elif path.suffix.lower() == ".zip":
            raise IngestError(
                f"{path.name}: not a readable zip (truncated or damaged). Download it again."
            )
        else:
            raise IngestError(f"{path}: expected an O*NET text release folder or .zip file.")

    def names(self) -> set[str]:
        return set(self._members)

    def read(self, name: str) -> bytes:
        member = self._members[name]
        if self._zip is None:
            return Path(member).read_bytes()
        try:
            return self._zip.read(member)
        except (zipfile.BadZipFile, EOFError, OSError, zipfile.LargeZipFile) as exc:
            raise IngestError(
                f"{self.path.name}: cannot read {name} from the zip ({exc}); the zip is "
                "truncated or damaged. Download the release again."
            ) from None


def release_name(path: Path, readme: bytes | None) -> str | None:
    """Tell the release from O*NET's Read Me ("O*NET 30.1 Database") or the folder name."""
    if readme:
        match = README_RE.search(readme.decode("utf-8", "replace"))
        if match:
            return match.group(1)
    match = FOLDER_RE.search(path.name)
    if match:
        return f"{match.group(1)}.{match.group(2).lower()}"
    return None


def _decode(name: str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        byte = raw[exc.start : exc.start + 1].hex()
        raise IngestError(
            f"byte 0x{byte} is not valid UTF-8. Save the file as UTF-8 (O*NET text "
            "releases are UTF-8).",
            file=name,
            line=line,
        ) from None


def _convert(col: Column, value: str, name: str, line: int) -> Any:
    if value in MISSING:
        if col.nullable:
            return None
        raise IngestError(
            f'"{value}" is missing; expected {EXPECTED[col.type]}.',
            file=name,
            line=line,
            column=col.header,
            value=value,
        )
    try:
        if col.type == "text":
            return value
        if col.type == "int":
            return int(value)
        if col.type == "float":
            return float(value)
        if col.type == "flag":
            if value not in ("Y", "N"):
                raise ValueError
            return value == "Y"
        if col.type == "soc":
            if not SOC_RE.match(value):
                raise ValueError
            return value
        if col.type == "date":
            if not DATE_RE.match(value):
                raise ValueError
            return value
    except ValueError:
        pass
    raise IngestError(
        f'"{value}" is not {EXPECTED[col.type]}.',
        file=name,
        line=line,
        column=col.header,
        value=value,
    )


def _header(spec: FileSpec, text_line: str) -> list[Column]:
    headers = [h.strip() for h in text_line.split("\t")]
    known = {c.header: c for c in spec.columns}
    for h in headers:
        if h not in known:
            raise IngestError(
                f'unknown column "{h}"; expected the columns '
                + ", ".join(f'"{c.header}"' for c in spec.columns)
                + ". Check that this is the right file and release.",
                file=spec.file,
                line=1,
                column=h,
                value=h,
            )
    if len(set(headers)) != len(headers):
        raise IngestError("the header repeats a column.", file=spec.file, line=1)
    for col in spec.columns:
        if col.required and col.header not in headers:
            raise IngestError(
                f'the header has no column "{col.header}". Use the release\'s original file.',
                file=spec.file,
                line=1,
                column=col.header,
            )
    return [known[h] for h in headers]


def _lines(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.split("\n"), start=1):
        yield number, line.rstrip("\r")


def read_file(spec: FileSpec, raw: bytes, name: str | None = None) -> list[Row]:
    """Check one file against its spec and return its rows as dicts keyed by our names."""
    name = name or spec.file
    text = _decode(name, raw)
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = _lines(text)
    first = next(lines, None)
    if first is None or not first[1].strip():
        raise IngestError(
            "the file is empty; expected a header line with the columns "
            + ", ".join(f'"{c.header}"' for c in spec.columns if c.required)
            + ".",
            file=name,
        )
    columns = _header(spec, first[1])
    width = len(columns)
    absent = [c.name for c in spec.columns if c not in columns]
    rows: list[Row] = []
    for number, line in lines:
        if not line:
            continue  # the trailing newline, or a blank line
        fields = line.split("\t")
        if len(fields) != width:
            raise IngestError(
                f"the row has {len(fields)} tab-separated fields, expected {width} "
                f"({', '.join(c.header for c in columns)}). Remove stray tabs or fill the "
                "missing fields with n/a.",
                file=name,
                line=number,
            )
        row = {
            col.name: _convert(col, value, name, number)
            for col, value in zip(columns, fields, strict=True)
        }
        for missing in absent:
            row[missing] = None
        row["_line"] = number
        rows.append(row)
    return rows


def _check_socs(files: dict[str, FileRows], occupations: set[str]) -> None:
    for fr in files.values():
        for column_name in fr.spec.soc_columns:
            header = fr.spec.column(column_name).header
            for row in fr.rows:
                soc = row[column_name]
                if soc not in occupations:
                    raise IngestError(
                        f'"{soc}" is not an occupation in {OCCUPATION_DATA.file}. Remove the '
                        "row or use the Occupation Data file of the same release.",
                        file=fr.spec.file,
                        line=row["_line"],
                        column=header,
                        value=soc,
                    )


def read_release(
    path: Path, extras: list[Path] | None = None, name: str | None = None
) -> ReleaseData:
    """Read and check every known file of a release; ``extras`` fill files it lacks."""
    source = _Source(path)
    readme = source.read(README_FILE) if README_FILE in source.names() else None
    release = name or release_name(path, readme)
    if not release:
        raise IngestError(
            f"{path.name}: cannot tell which O*NET release this is (no Read Me.txt naming it "
            "and the name is not like db_30_1_text). Pass --release, e.g. --release 30.1."
        )
    if OCCUPATION_DATA.file not in source.names():
        raise IngestError(
            f"{path.name}: has no {OCCUPATION_DATA.file}; every release needs it. Give the "
            "folder that holds the O*NET text files."
        )
    data = ReleaseData(name=release, source=str(path))
    for spec in SPECS:
        if spec.file in source.names():
            raw = source.read(spec.file)
            data.files[spec.file] = FileRows(
                spec, read_file(spec, raw), hashlib.sha256(raw).hexdigest(), release
            )
    for extra_path in extras or []:
        extra = _Source(extra_path)
        extra_readme = extra.read(README_FILE) if README_FILE in extra.names() else None
        extra_release = release_name(extra_path, extra_readme)
        if not extra_release:
            raise IngestError(
                f"{extra_path.name}: cannot tell which O*NET release the extra folder is; "
                "name it like db_29_x_text or include its Read Me.txt."
            )
        for spec in SPECS:
            if spec.file in extra.names() and spec.file not in data.files:
                raw = extra.read(spec.file)
                data.files[spec.file] = FileRows(
                    spec, read_file(spec, raw), hashlib.sha256(raw).hexdigest(), extra_release
                )
    occupations = {row["soc"] for row in data.files[OCCUPATION_DATA.file].rows}
    _check_socs(data.files, occupations)
    data.absent = [spec.file for spec in SPECS if spec.file not in data.files]
    return data
