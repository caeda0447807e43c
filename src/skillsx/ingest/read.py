"""Read an O*NET text release (folder or .zip) into checked rows: file → rows, nothing stored.

Everything a store could refuse is refused here first, with the file and line, so SQLite and
PostgreSQL never see a bad value and both backends give the same message: sizes (see the
limits below), NUL and other control characters, whole numbers beyond 64 bits, non-finite
numbers, duplicate keys, values outside their scale and unknown Job Zones.
"""

from __future__ import annotations

import errno
import hashlib
import math
import os
import re
import stat
import zipfile
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from skillsx.errors import IngestError
from skillsx.ingest.specs import (
    CORE_FILES,
    EXPECTED,
    JOB_ZONE_REFERENCE_FILE,
    JOB_ZONES_FILE,
    OCCUPATION_DATA,
    README_FILE,
    SCALE_SENTINELS,
    SCALES_REFERENCE_FILE,
    SPECS,
    Column,
    FileSpec,
)

SOC_RE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
DATE_RE = re.compile(r"^(0[1-9]|1[0-2])/\d{4}$")
README_RE = re.compile(r"O\*NET\s+(\d+\.\d+)\s+Database")
FOLDER_RE = re.compile(r"db_(\d+)_(\d+|x)", re.IGNORECASE)
MISSING = {"n/a", ""}
# Control characters other than tab, line feed and carriage return (a CR is checked apart).
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Every byte but those: deleting them from a file leaves its control characters (a fast test;
# UTF-8 never uses these bytes inside a multi-byte character).
NOT_CONTROL = bytes(b for b in range(256) if not CONTROL_RE.match(chr(b)))

#: Limits, far above O*NET's own files. The largest of O*NET 30.1 and the 29.x subset: a
#: file of 5,550,164 bytes (29.x Skills.txt), a line of 1,053 characters (Job Zone
#: Reference.txt), a field of 812 characters (an Occupation Data description). A release
#: is held in memory while it is checked, so the file limit also bounds memory.
MAX_FILE_BYTES = 100 * 1024 * 1024  # one file, or one zip member once expanded
MAX_LINE_CHARS = 50_000
MAX_FIELD_CHARS = 10_000
#: Whole numbers both stores hold (a 64-bit BIGINT).
INT_MIN, INT_MAX = -(2**63), 2**63 - 1
#: Values longer than this are shortened in messages.
SHOWN_CHARS = 60

#: Every file name a release is read for.
KNOWN_FILES = frozenset({spec.file for spec in SPECS} | {README_FILE})

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


def _too_big(name: str, size: int) -> IngestError:
    return IngestError(
        f"the file holds {size:,} bytes, over the limit of {MAX_FILE_BYTES:,} bytes for one "
        "file, far above any O*NET file. Check that this is an O*NET text release.",
        file=name,
    )


def _read_path(path: Path, name: str) -> bytes:
    """The bytes of one file of a release folder; anything but a readable file is an error."""
    try:
        info = path.stat()  # follows symbolic links
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise IngestError(
                "is a symbolic link that leads back to itself (a loop), so it cannot be "
                "read. Replace it with the release's file.",
                file=name,
            ) from None
        if path.is_symlink():
            raise IngestError(
                f'is a symbolic link to "{os.readlink(path)}", which does not exist. Fix the '
                "link or put the release's file in its place.",
                file=name,
            ) from None
        raise IngestError(f"cannot be read ({exc.strerror}).", file=name) from None
    if stat.S_ISDIR(info.st_mode):
        raise IngestError(
            "is a folder, not a file. Put the release's file in its place (a folder of that "
            "name is never read as the file).",
            file=name,
        )
    if not stat.S_ISREG(info.st_mode):
        raise IngestError(
            "is not a regular file (a device, pipe or socket). Put the release's file in "
            "its place.",
            file=name,
        )
    if info.st_size > MAX_FILE_BYTES:
        raise _too_big(name, info.st_size)
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise IngestError(
            f"cannot be read ({exc.strerror}). Check the file's permissions.", file=name
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise _too_big(name, len(raw))
    return raw


class _Source:
    """A release folder or zip: lists its files and returns their bytes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        self._members: dict[str, str] = {}
        self._infos: dict[str, zipfile.ZipInfo] = {}
        if not path.exists():
            if path.is_symlink():
                raise IngestError(
                    f'{path} is a symbolic link to "{os.readlink(path)}", which does not '
                    "exist (or leads back to itself). Give an O*NET text release folder or .zip."
                )
            raise IngestError(f"{path} does not exist. Give an O*NET text release folder or .zip.")
        if path.is_dir():
            try:
                entries = sorted(path.iterdir())
            except OSError as exc:
                raise IngestError(
                    f"{path}: cannot list the folder ({exc.strerror}). Check its permissions."
                ) from None
            # Every entry, not only regular files: a folder or a broken link that stands in
            # for a release file is an error when read, never "not in this release".
            self._members = {p.name: str(p) for p in entries}
        elif zipfile.is_zipfile(path):
            try:
                self._zip = zipfile.ZipFile(path)
                infos = self._zip.infolist()
            except (zipfile.BadZipFile, OSError) as exc:
                raise IngestError(
                    f"{path.name}: the zip is damaged ({exc}). Download the release again."
                ) from None
            for info in infos:
                name = info.filename.rstrip("/").rsplit("/", 1)[-1]
                if name not in KNOWN_FILES:
                    continue
                if name in self._infos:
                    raise IngestError(
                        f'{path.name}: the zip holds two entries named "{name}" '
                        f'("{self._infos[name].filename}" and "{info.filename}"); a release '
                        "has one of each. Remove the one that does not belong."
                    )
                self._infos[name] = info
                self._members[name] = info.filename
        elif path.suffix.lower() == ".zip":
            raise IngestError(
                f"{path.name}: not a readable zip (truncated or damaged). Download it again."
            )
        else:
            raise IngestError(f"{path}: expected an O*NET text release folder or .zip file.")

    def names(self) -> set[str]:
        return set(self._members)

    def read(self, name: str) -> bytes:
        if self._zip is None:
            return _read_path(Path(self._members[name]), name)
        info = self._infos[name]
        if info.is_dir():
            raise IngestError(
                "is a folder inside the zip, not a file. Use the release's original zip.",
                file=name,
            )
        if info.file_size > MAX_FILE_BYTES:
            raise _too_big(name, info.file_size)
        try:
            with self._zip.open(info) as member:
                raw = member.read(MAX_FILE_BYTES + 1)
        except (zipfile.BadZipFile, EOFError, OSError, zipfile.LargeZipFile) as exc:
            raise IngestError(
                f"{self.path.name}: cannot read {name} from the zip ({exc}); the zip is "
                "truncated or damaged. Download the release again."
            ) from None
        if len(raw) > MAX_FILE_BYTES:
            raise _too_big(name, len(raw))
        return raw


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


def _show(value: str) -> str:
    """A value as messages quote it: long ones shortened."""
    if len(value) <= SHOWN_CHARS:
        return value
    return f"{value[:SHOWN_CHARS]}… ({len(value):,} characters)"


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
            if not value.isascii() or "_" in value:
                raise ValueError
            number = int(value)
            if not INT_MIN <= number <= INT_MAX:
                raise IngestError(
                    f'"{_show(value)}" is too large; a whole number here lies between '
                    f"{INT_MIN} and {INT_MAX}.",
                    file=name,
                    line=line,
                    column=col.header,
                    value=value,
                )
            return number
        if col.type == "float":
            if not value.isascii() or "_" in value:
                raise ValueError
            real = float(value)
            if not math.isfinite(real):
                raise IngestError(
                    f'"{_show(value)}" is not a finite number (not-a-number, infinity and '
                    "numbers too large to hold are refused).",
                    file=name,
                    line=line,
                    column=col.header,
                    value=value,
                )
            return real
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
        f'"{_show(value)}" is not {EXPECTED[col.type]}.',
        file=name,
        line=line,
        column=col.header,
        value=value,
    )


def _header(spec: FileSpec, text_line: str, name: str) -> list[Column]:
    headers = [h.strip() for h in text_line.split("\t")]
    known = {c.header: c for c in spec.columns}
    for h in headers:
        if h not in known:
            raise IngestError(
                f'unknown column "{_show(h)}"; expected the columns '
                + ", ".join(f'"{c.header}"' for c in spec.columns)
                + ". Check that this is the right file and release.",
                file=name,
                line=1,
                column=_show(h),
                value=h,
            )
    if len(set(headers)) != len(headers):
        raise IngestError("the header repeats a column.", file=name, line=1)
    for col in spec.columns:
        if col.required and col.header not in headers:
            raise IngestError(
                f'the header has no column "{col.header}". Use the release\'s original file.',
                file=name,
                line=1,
                column=col.header,
            )
    return [known[h] for h in headers]


def _line_at(text: str, pos: int) -> tuple[int, str]:
    """The line number and text of the line holding ``text[pos]``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text.count("\n", 0, pos) + 1, text[start : len(text) if end < 0 else end]


def _check_characters(text: str, name: str, control: bool) -> None:
    """Refuse lone carriage returns and control characters, naming the line (and column).

    ``text`` has its CR LF line endings already turned into LF: any CR left is a lone one.
    ``control`` says whether the raw bytes hold a control character at all.
    """
    lone = text.find("\r")
    if lone >= 0:
        if "\n" not in text:
            raise IngestError(
                "lines end in a carriage return (CR) alone, the old Mac OS line ending, so "
                "the whole file reads as one line. Save it with LF or CR LF line endings "
                "(O*NET text releases use CR LF).",
                file=name,
            )
        number, _ = _line_at(text, lone)
        raise IngestError(
            "a carriage return (CR) stands inside the line, not at its end. Remove it or "
            "save the file with LF or CR LF line endings.",
            file=name,
            line=number,
        )
    bad = CONTROL_RE.search(text) if control else None
    if bad:
        number, _ = _line_at(text, bad.start())
        char = bad.group()
        what = f"the control character U+{ord(char):04X}"
        if char == "\x00":
            what = "a NUL byte (U+0000)"
        column = None
        if number > 1:
            index = text.count("\t", text.rfind("\n", 0, bad.start()) + 1, bad.start())
            header = text[: text.find("\n")].split("\t")
            column = header[index].strip() if index < len(header) else None
        raise IngestError(
            f"the line holds {what}; O*NET text files hold none. Use the release's original file.",
            file=name,
            line=number,
            column=column,
        )


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _duplicate(spec: FileSpec, row: Row, first_line: int, name: str) -> IngestError:
    """The error for a row whose key an earlier row (``first_line``) already has."""
    parts = []
    for key in spec.key:
        value = row[key]
        shown = "n/a" if value is None else _show(str(value))
        parts.append(f'{spec.column(key).header} "{shown}"')
    headers = [spec.column(k).header for k in spec.key]
    each = headers[0] if len(headers) == 1 else "(" + ", ".join(headers) + ")"
    return IngestError(
        f"the same {_and(parts)} as line {first_line}; each {each} appears once in this "
        "file. Remove one of the two rows.",
        file=name,
        line=row["_line"],
    )


def read_file(spec: FileSpec, raw: bytes, name: str | None = None) -> list[Row]:
    """Check one file against its spec and return its rows as dicts keyed by our names."""
    name = name or spec.file
    if len(raw) > MAX_FILE_BYTES:
        raise _too_big(name, len(raw))
    text = _decode(name, raw)
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise IngestError(
            "the file is empty; expected a header line with the columns "
            + ", ".join(f'"{c.header}"' for c in spec.columns if c.required)
            + ".",
            file=name,
        )
    text = text.replace("\r\n", "\n")
    _check_characters(text, name, bool(raw.translate(None, NOT_CONTROL)))
    if not text.endswith("\n"):
        raise IngestError(
            "the file ends inside this line (no line break after it): the file is cut short, "
            "as by an interrupted download or copy. Use the release's original file.",
            file=name,
            line=text.count("\n") + 1,
        )
    lines = text.split("\n")
    first = lines[0]
    if not first.strip():
        raise IngestError(
            "the first line is blank; expected the header line with the columns "
            + ", ".join(f'"{c.header}"' for c in spec.columns if c.required)
            + ".",
            file=name,
            line=1,
        )
    if len(first) > MAX_LINE_CHARS:
        raise IngestError(
            f"the line has {len(first):,} characters, over the limit of {MAX_LINE_CHARS:,}.",
            file=name,
            line=1,
        )
    columns = _header(spec, first, name)
    width = len(columns)
    absent = [c.name for c in spec.columns if c not in columns]
    # (name, is plain text, column): plain text needs no conversion unless it is "n/a".
    plan = [(col.name, col.type == "text", col) for col in columns]
    key_of = itemgetter(*spec.key)
    key_seen: dict[Any, int] = {}
    rows: list[Row] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line:
            continue  # the trailing newline, or a blank line
        if len(line) > MAX_LINE_CHARS:
            raise IngestError(
                f"the line has {len(line):,} characters, over the limit of "
                f"{MAX_LINE_CHARS:,} (O*NET's longest line has about 1,000).",
                file=name,
                line=number,
            )
        fields = line.split("\t")
        if len(fields) != width:
            raise IngestError(
                f"the row has {len(fields)} tab-separated fields, expected {width} "
                f"({', '.join(c.header for c in columns)}). Remove stray tabs or fill the "
                "missing fields with n/a.",
                file=name,
                line=number,
            )
        if len(line) > MAX_FIELD_CHARS:
            for col, value in zip(columns, fields, strict=True):
                if len(value) > MAX_FIELD_CHARS:
                    raise IngestError(
                        f"the field has {len(value):,} characters, over the limit of "
                        f"{MAX_FIELD_CHARS:,} (O*NET's longest field has under 1,000).",
                        file=name,
                        line=number,
                        column=col.header,
                    )
        row = {
            key: value if text and value not in MISSING else _convert(col, value, name, number)
            for (key, text, col), value in zip(plan, fields, strict=True)
        }
        for missing in absent:
            row[missing] = None
        row["_line"] = number
        first_line = key_seen.setdefault(key_of(row), number)
        if first_line != number:
            raise _duplicate(spec, row, first_line, name)
        rows.append(row)
    if not rows:
        raise IngestError(
            "the file has a header but no rows, as when its data was lost in a copy. Use "
            "the release's original file (a file the release lacks is left out, not emptied).",
            file=name,
        )
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


def _number(value: float) -> str:
    return f"{value:g}"


def _check_ranges(files: dict[str, FileRows]) -> None:
    """Rated values within their scale's range (Scales Reference.txt); Job Zones known."""
    scaled = [fr for fr in files.values() if any(c.name == "scale_id" for c in fr.spec.columns)]
    scaled = [fr for fr in scaled if fr.spec.file != SCALES_REFERENCE_FILE]
    if scaled and SCALES_REFERENCE_FILE not in files:
        raise IngestError(
            f"{scaled[0].spec.file} rates its values on O*NET scales, but the release has no "
            f"{SCALES_REFERENCE_FILE} to check them against. Add it from the same release."
        )
    scales: dict[str, Row] = {}
    if SCALES_REFERENCE_FILE in files:
        for row in files[SCALES_REFERENCE_FILE].rows:
            if row["minimum"] > row["maximum"]:
                raise IngestError(
                    f"the minimum {_number(row['minimum'])} is above the maximum "
                    f"{_number(row['maximum'])}. Use the release's original file.",
                    file=SCALES_REFERENCE_FILE,
                    line=row["_line"],
                )
            scales[row["scale_id"]] = row
    for fr in scaled:
        spec = fr.spec
        for row in fr.rows:
            scale = scales.get(row["scale_id"])
            if scale is None:
                raise IngestError(
                    f'"{_show(row["scale_id"])}" is not a scale in {SCALES_REFERENCE_FILE}. '
                    "Use the files of one release.",
                    file=spec.file,
                    line=row["_line"],
                    column=spec.column("scale_id").header,
                    value=row["scale_id"],
                )
            low, high = scale["minimum"], scale["maximum"]
            for column in spec.rated:
                value = row[column]
                if value is None or low <= value <= high:
                    continue
                if value in SCALE_SENTINELS.get(row["scale_id"], ()):
                    continue
                raise IngestError(
                    f"{_number(value)} is outside the scale {row['scale_id']} "
                    f"({scale['scale_name']}), which runs from {_number(low)} to "
                    f"{_number(high)} in {SCALES_REFERENCE_FILE}. Use the release's original "
                    "file.",
                    file=spec.file,
                    line=row["_line"],
                    column=spec.column(column).header,
                    value=_number(value),
                )
    if JOB_ZONES_FILE in files:
        if JOB_ZONE_REFERENCE_FILE not in files:
            raise IngestError(
                f"{JOB_ZONES_FILE} rates occupations on Job Zones, but the release has no "
                f"{JOB_ZONE_REFERENCE_FILE} to check them against. Add it from the same "
                "release."
            )
        zones = sorted(row["job_zone"] for row in files[JOB_ZONE_REFERENCE_FILE].rows)
        for row in files[JOB_ZONES_FILE].rows:
            if row["job_zone"] not in zones:
                raise IngestError(
                    f"{row['job_zone']} is not a Job Zone in {JOB_ZONE_REFERENCE_FILE} "
                    f"({', '.join(map(str, zones))}). Use the release's original file.",
                    file=JOB_ZONES_FILE,
                    line=row["_line"],
                    column="Job Zone",
                    value=str(row["job_zone"]),
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
    lacking = [file for file in CORE_FILES if file not in data.files]
    if lacking:
        raise IngestError(
            f"{path.name}: has no {' and no '.join(lacking)}; frameworks are composed from "
            f"{_and(list(CORE_FILES))}, so a release without them is refused. Give the "
            "folder or zip of a complete O*NET text release."
        )
    occupations = {row["soc"] for row in data.files[OCCUPATION_DATA.file].rows}
    _check_socs(data.files, occupations)
    _check_ranges(data.files)
    data.absent = [spec.file for spec in SPECS if spec.file not in data.files]
    return data
