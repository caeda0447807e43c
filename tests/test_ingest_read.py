"""Reading and checking O*NET files: every kind of bad input gets one clear message."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from skillsx.errors import IngestError
from skillsx.ingest.read import read_file, read_release, release_name
from skillsx.ingest.specs import SPECS_BY_FILE

TASKS = SPECS_BY_FILE["Task Statements.txt"]
HEADER = "O*NET-SOC Code\tTask ID\tTask\tTask Type\tIncumbents Responding\tDate\tDomain Source"
GOOD = "15-1252.00\t16363\tModify existing software.\tCore\t48\t08/2023\tIncumbent"


def rows(*lines: str) -> bytes:
    return ("\r\n".join(lines) + "\r\n").encode()


def test_good_rows_are_converted() -> None:
    [row] = read_file(TASKS, rows(HEADER, GOOD))
    assert row == {
        "soc": "15-1252.00",
        "task_id": 16363,
        "task": "Modify existing software.",
        "task_type": "Core",
        "incumbents_responding": 48,
        "date": "08/2023",
        "domain_source": "Incumbent",
        "_line": 2,
    }


def test_na_becomes_none_where_allowed() -> None:
    [row] = read_file(TASKS, rows(HEADER, GOOD.replace("Core\t48", "n/a\tn/a")))
    assert row["task_type"] is None and row["incumbents_responding"] is None


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            (HEADER.replace("Task ID", "TaskID"), GOOD),
            'Task Statements.txt, line 1, column "TaskID": unknown column "TaskID"; expected',
        ),
        (
            (HEADER.replace("\tTask Type", ""), GOOD),
            'Task Statements.txt, line 1, column "Task Type": the header has no column '
            '"Task Type". Use the release\'s original file.',
        ),
        (
            (HEADER, GOOD, "15-1252.00\t16364\tToo short"),
            "Task Statements.txt, line 3: the row has 3 tab-separated fields, expected 7",
        ),
        (
            (HEADER, GOOD.replace("15-1252.00", "15-12")),
            'Task Statements.txt, line 2, column "O*NET-SOC Code": "15-12" is not an O*NET-SOC '
            'code like "15-1252.00".',
        ),
        (
            (HEADER, GOOD.replace("16363", "ab12")),
            'Task Statements.txt, line 2, column "Task ID": "ab12" is not a whole number.',
        ),
        (
            (HEADER, GOOD.replace("08/2023", "2023-08")),
            'Task Statements.txt, line 2, column "Date": "2023-08" is not a date like "08/2023"',
        ),
        (
            (HEADER, GOOD.replace("16363", "n/a")),
            'Task Statements.txt, line 2, column "Task ID": "n/a" is missing; expected a whole '
            "number.",
        ),
    ],
)
def test_bad_rows_name_file_line_column_value(lines: tuple[str, ...], message: str) -> None:
    with pytest.raises(IngestError) as info:
        read_file(TASKS, rows(*lines))
    assert str(info.value).startswith(message)


def test_bad_encoding_names_the_line() -> None:
    raw = rows(HEADER, GOOD) + b"15-1252.00\t1\tCaf\xe9\tCore\t1\t08/2023\tX\r\n"
    with pytest.raises(IngestError) as info:
        read_file(TASKS, raw)
    assert str(info.value) == (
        "Task Statements.txt, line 3: byte 0xe9 is not valid UTF-8. Save the file as UTF-8 "
        "(O*NET text releases are UTF-8)."
    )


def test_empty_file() -> None:
    with pytest.raises(IngestError) as info:
        read_file(TASKS, b"")
    assert str(info.value).startswith(
        'Task Statements.txt: the file is empty; expected a header line with the columns "O*NET-SOC'
    )


def test_work_styles_loads_both_layouts() -> None:
    spec = SPECS_BY_FILE["Work Styles.txt"]
    new = rows(
        "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tDate\tDomain Source",
        "11-1011.00\t1.D.1.a\tInnovation\tDR\t7.00\t12/2025\tAI/Expert",
    )
    old = rows(
        "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error\t"
        "Lower CI Bound\tUpper CI Bound\tRecommend Suppress\tDate\tDomain Source",
        "11-1011.00\t1.C.1.a\tAchievement/Effort\tIM\t4.47\t26\t0.1169\t4.2272\t4.7112\tN\t"
        "07/2014\tIncumbent",
    )
    [a], [b] = read_file(spec, new), read_file(spec, old)
    assert (a["data_value"], a["n"], a["recommend_suppress"]) == (7.0, None, None)
    assert (b["data_value"], b["n"], b["recommend_suppress"]) == (4.47, 26, False)


def test_release_name_from_readme_or_folder(tmp_path: Path) -> None:
    assert release_name(tmp_path / "x", b"O*NET 30.1 Database\r\nDecember 2025") == "30.1"
    assert release_name(tmp_path / "db_29_x_excel_subset", None) == "29.x"
    assert release_name(tmp_path / "db_28_3_text", None) == "28.3"
    assert release_name(tmp_path / "somewhere", None) is None


def test_unknown_soc_in_child_file(release_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "db_30_1_text"
    shutil.copytree(release_dir, bad)
    path = bad / "Tasks to DWAs.txt"
    path.write_bytes(path.read_bytes() + b"99-9999.00\t1\t4.A.1.a.1.I01.D01\t07/2014\tAnalyst\r\n")
    lines = path.read_bytes().count(b"\n")
    with pytest.raises(IngestError) as info:
        read_release(bad)
    assert str(info.value) == (
        f'Tasks to DWAs.txt, line {lines}, column "O*NET-SOC Code": "99-9999.00" is not an '
        "occupation in Occupation Data.txt. Remove the row or use the Occupation Data file of "
        "the same release."
    )


def test_release_reads_folder_and_zip_alike(release_dir: Path, tmp_path: Path) -> None:
    archive = tmp_path / "db_30_1_text.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in release_dir.iterdir():
            zf.write(p, f"db_30_1_text/{p.name}")
    folder, zipped = read_release(release_dir), read_release(archive)
    assert zipped.name == folder.name == "30.1"
    assert zipped.content_hash == folder.content_hash
    assert sorted(folder.absent) == [
        "Abilities.txt",
        "Knowledge.txt",
        "Skills.txt",
        "Task Ratings.txt",
        "Work Activities.txt",
        "Work Context.txt",
    ]


def test_truncated_zip(release_dir: Path, tmp_path: Path) -> None:
    archive = tmp_path / "db_30_1_text.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in release_dir.iterdir():
            zf.write(p, f"db_30_1_text/{p.name}")
    raw = archive.read_bytes()
    archive.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(IngestError) as info:
        read_release(archive)
    assert str(info.value) == (
        "db_30_1_text.zip: not a readable zip (truncated or damaged). Download it again."
    )


def test_missing_path_and_unknown_release(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="does not exist"):
        read_release(tmp_path / "nowhere")
    (tmp_path / "Occupation Data.txt").write_text("O*NET-SOC Code\tTitle\tDescription\r\n")
    with pytest.raises(IngestError, match="cannot tell which O\\*NET release this is"):
        read_release(tmp_path)


def test_extra_fills_absent_files_with_its_own_release(release_dir: Path, extra_dir: Path) -> None:
    data = read_release(release_dir, [extra_dir])
    assert data.files["Skills.txt"].release == "29.x"
    assert data.files["Task Statements.txt"].release == "30.1"
    assert "Skills.txt" not in data.absent


# ----------------------------------------------------------------------------------------
# Corrupt releases (issue 11, items 1-5 and 7): each is an error naming the file and line.


def copy_release(release_dir: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "db_30_1_text"
    shutil.copytree(release_dir, dest)
    return dest


def set_field(path: Path, line: int, column: str, value: str) -> None:
    """Set one field of a release file (``line`` counts the header as line 1)."""
    lines = path.read_bytes().split(b"\r\n")
    index = lines[0].split(b"\t").index(column.encode())
    fields = lines[line - 1].split(b"\t")
    fields[index] = value.encode()
    lines[line - 1] = b"\t".join(fields)
    path.write_bytes(b"\r\n".join(lines))


def error_of(path: Path) -> str:
    with pytest.raises(IngestError) as info:
        read_release(path)
    return str(info.value)


def zip_release(folder: Path, archive: Path, replace: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in sorted(folder.iterdir()):
            zf.writestr(f"db_30_1_text/{p.name}", (replace or {}).get(p.name, p.read_bytes()))
    return archive


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda p: p.mkdir(),
            "Task Statements.txt: is a folder, not a file. Put the release's file in its place "
            "(a folder of that name is never read as the file).",
        ),
        (
            lambda p: p.symlink_to("nowhere.txt"),
            'Task Statements.txt: is a symbolic link to "nowhere.txt", which does not exist. Fix '
            "the link or put the release's file in its place.",
        ),
        (
            lambda p: p.symlink_to(p.name),
            "Task Statements.txt: is a symbolic link that leads back to itself (a loop), so it "
            "cannot be read. Replace it with the release's file.",
        ),
    ],
    ids=["directory", "dangling-symlink", "symlink-loop"],
)
def test_a_file_present_but_unreadable_is_an_error(
    release_dir: Path, tmp_path: Path, make: Any, message: str
) -> None:
    bad = copy_release(release_dir, tmp_path)
    (bad / "Task Statements.txt").unlink()
    make(bad / "Task Statements.txt")
    assert error_of(bad) == message


NO_ROWS = (
    "Task Statements.txt: the file has a header but no rows, as when its data was lost in a "
    "copy. Use the release's original file (a file the release lacks is left out, not emptied)."
)


def test_a_file_without_rows_is_an_error(release_dir: Path, tmp_path: Path) -> None:
    bad = copy_release(release_dir, tmp_path)
    tasks = bad / "Task Statements.txt"
    header = tasks.read_bytes().split(b"\r\n")[0]
    tasks.write_bytes(header + b"\r\n")
    assert error_of(bad) == NO_ROWS
    # A zip member of the header and blank lines.
    archive = zip_release(
        release_dir, tmp_path / "db_30_1_text.zip", {tasks.name: header + b"\r\n" * 50}
    )
    assert error_of(archive) == NO_ROWS
    # Blank lines only.
    archive = zip_release(release_dir, tmp_path / "blank.zip", {tasks.name: b"\r\n" * 50})
    assert error_of(archive).startswith("Task Statements.txt: the file is empty;")


def test_a_truncated_file_is_an_error(release_dir: Path, tmp_path: Path) -> None:
    bad = copy_release(release_dir, tmp_path)
    tasks = bad / "Task Statements.txt"
    raw = tasks.read_bytes()
    # Cut inside the last field ("Domain Source") of a row: every field is still there.
    cut = raw.index(b"\r\n", len(raw) // 2) - 3
    tasks.write_bytes(raw[:cut])
    line = raw[:cut].count(b"\n") + 1
    assert error_of(bad) == (
        f"Task Statements.txt, line {line}: the file ends inside this line (no line break "
        "after it): the file is cut short, as by an interrupted download or copy. Use the "
        "release's original file."
    )


def test_a_release_without_a_core_file_is_refused(release_dir: Path, tmp_path: Path) -> None:
    bad = copy_release(release_dir, tmp_path)
    (bad / "Job Zones.txt").unlink()
    assert error_of(bad) == (
        "db_30_1_text: has no Job Zones.txt; frameworks are composed from Occupation Data.txt, "
        "Task Statements.txt, Tasks to DWAs.txt and Job Zones.txt, so a release without them "
        "is refused. Give the folder or zip of a complete O*NET text release."
    )


NOT_FINITE = (
    "is not a finite number (not-a-number, infinity and numbers too large to hold are refused)."
)


@pytest.mark.parametrize(
    ("file", "line", "column", "value", "message"),
    [
        ("Interests.txt", 2, "Data Value", "NaN", f'"NaN" {NOT_FINITE}'),
        ("Interests.txt", 2, "Data Value", "inf", f'"inf" {NOT_FINITE}'),
        ("Interests.txt", 2, "Data Value", "1e400", f'"1e400" {NOT_FINITE}'),
        (
            "Interests.txt",
            2,
            "Data Value",
            "-2.00",
            "-2 is outside the scale OI (Occupational Interests), which runs from 1 to 7 in "
            "Scales Reference.txt. Use the release's original file.",
        ),
        (
            "Work Values.txt",
            8,
            "Data Value",
            "7.00",
            "7 is outside the scale VH (Work Value High-Point), which runs from 1 to 6 in "
            "Scales Reference.txt. Use the release's original file.",
        ),
        (
            "Interests.txt",
            2,
            "Scale ID",
            "ZZ",
            '"ZZ" is not a scale in Scales Reference.txt. Use the files of one release.',
        ),
        (
            "Job Zones.txt",
            2,
            "Job Zone",
            "9",
            "9 is not a Job Zone in Job Zone Reference.txt (1, 2, 3, 4, 5). Use the release's "
            "original file.",
        ),
        (
            "Task Statements.txt",
            2,
            "Task ID",
            "99999999999999999999",
            '"99999999999999999999" is too large; a whole number here lies between '
            "-9223372036854775808 and 9223372036854775807.",
        ),
    ],
    ids=["nan", "inf", "1e400", "below-scale", "above-scale", "unknown-scale", "zone-9", "huge"],
)
def test_values_out_of_range_are_errors(
    release_dir: Path,
    tmp_path: Path,
    file: str,
    line: int,
    column: str,
    value: str,
    message: str,
) -> None:
    bad = copy_release(release_dir, tmp_path)
    set_field(bad / file, line, column, value)
    assert error_of(bad) == f'{file}, line {line}, column "{column}": {message}'


def test_a_high_point_of_zero_means_none(release_dir: Path, tmp_path: Path) -> None:
    # O*NET's data dictionary: a Work Value high-point of 0.00 is "no high point available",
    # below the VH scale's minimum of 1.
    ok = copy_release(release_dir, tmp_path)
    set_field(ok / "Work Values.txt", 8, "Data Value", "0.00")
    assert read_release(ok).files["Work Values.txt"].rows[6]["data_value"] == 0.0


@pytest.mark.parametrize(
    ("file", "change", "message"),
    [
        (
            "Occupation Data.txt",
            lambda row: row,
            'the same O*NET-SOC Code "11-1011.00" as line 2; each O*NET-SOC Code appears once '
            "in this file.",
        ),
        (
            "Task Statements.txt",
            lambda row: row.replace(b"Oversee regional", b"Oversee national"),
            'the same Task ID "14" as line 2; each Task ID appears once in this file.',
        ),
        (
            "Job Zones.txt",
            lambda row: row.replace(b"\t5\t", b"\t3\t"),
            'the same O*NET-SOC Code "11-1011.00" as line 2; each O*NET-SOC Code appears once '
            "in this file.",
        ),
        (
            "Interests.txt",
            lambda row: row.replace(b"1.49", b"2.50"),
            'the same O*NET-SOC Code "11-2022.00", Element ID "1.B.1.a" and Scale ID "OI" as '
            "line 2; each (O*NET-SOC Code, Element ID, Scale ID) appears once in this file.",
        ),
    ],
    ids=["occupation", "task-id", "job-zone", "rated"],
)
def test_duplicate_keys_name_both_lines(
    release_dir: Path, tmp_path: Path, file: str, change: Any, message: str
) -> None:
    bad = copy_release(release_dir, tmp_path)
    raw = (bad / file).read_bytes()
    lines = raw.split(b"\r\n")
    (bad / file).write_bytes(raw + change(lines[1]) + b"\r\n")
    assert error_of(bad) == (f"{file}, line {len(lines)}: {message} Remove one of the two rows.")


def test_zip_with_two_members_of_one_name(release_dir: Path, tmp_path: Path) -> None:
    archive = zip_release(release_dir, tmp_path / "db_30_1_text.zip")
    with zipfile.ZipFile(archive, "a") as zf:
        zf.writestr("copy/Job Zones.txt", (release_dir / "Job Zones.txt").read_bytes())
    assert error_of(archive) == (
        'db_30_1_text.zip: the zip holds two entries named "Job Zones.txt" ("db_30_1_text/Job '
        'Zones.txt" and "copy/Job Zones.txt"); a release has one of each. Remove the one that '
        "does not belong."
    )


def test_limits_on_line_and_field_length() -> None:
    line = GOOD.replace("Modify existing software.", "x" * 60_000)
    with pytest.raises(IngestError) as info:
        read_file(TASKS, rows(HEADER, line))
    assert str(info.value) == (
        "Task Statements.txt, line 2: the line has 60,043 characters, over the limit of 50,000 "
        "(O*NET's longest line has about 1,000)."
    )
    field = GOOD.replace("Modify existing software.", "x" * 12_000)
    with pytest.raises(IngestError) as info:
        read_file(TASKS, rows(HEADER, GOOD, field))
    assert str(info.value) == (
        'Task Statements.txt, line 3, column "Task": the field has 12,000 characters, over the '
        "limit of 10,000 (O*NET's longest field has under 1,000)."
    )


TOO_BIG = (
    "Task Statements.txt: the file holds {:,} bytes, over the limit of 104,857,600 bytes for "
    "one file, far above any O*NET file. Check that this is an O*NET text release."
)


def test_limit_on_expanded_size(release_dir: Path, tmp_path: Path) -> None:
    size = 100 * 1024 * 1024 + 1  # the limit, MAX_FILE_BYTES, and one byte
    # A zip bomb: 100 MiB of line breaks compress to about 100 KB.
    with zipfile.ZipFile(tmp_path / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        for p in sorted(release_dir.iterdir()):
            if p.name != "Task Statements.txt":
                zf.writestr(f"db_30_1_text/{p.name}", p.read_bytes())
        with zf.open("db_30_1_text/Task Statements.txt", "w") as member:
            chunk = b"\r\n" * (1 << 19)
            for _ in range(100):
                member.write(chunk)
            member.write(b"\n")
    assert (tmp_path / "bomb.zip").stat().st_size < 1_000_000
    assert error_of(tmp_path / "bomb.zip") == TOO_BIG.format(size)
    # A file in a folder: a sparse file, never read.
    bad = copy_release(release_dir, tmp_path)
    with (bad / "Task Statements.txt").open("r+b") as fh:
        fh.truncate(size)
    assert error_of(bad) == TOO_BIG.format(size)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            rows(HEADER, GOOD.replace("Modify", "Mod\x00ify")),
            'Task Statements.txt, line 2, column "Task": the line holds a NUL byte (U+0000); '
            "O*NET text files hold none. Use the release's original file.",
        ),
        (
            rows(HEADER, GOOD, GOOD.replace("Core", "Co\x1bre")),
            'Task Statements.txt, line 3, column "Task Type": the line holds the control '
            "character U+001B; O*NET text files hold none. Use the release's original file.",
        ),
        (
            rows(HEADER, GOOD.replace("16363", "16\u0663")),
            'Task Statements.txt, line 2, column "Task ID": "16\u0663" is not a whole number.',
        ),
        (
            rows(HEADER, GOOD).replace(b"\r\n", b"\r"),
            "Task Statements.txt: lines end in a carriage return (CR) alone, the old Mac OS "
            "line ending, so the whole file reads as one line. Save it with LF or CR LF line "
            "endings (O*NET text releases use CR LF).",
        ),
        (
            rows(HEADER, GOOD, GOOD.replace("Modify", "Mod\rify")),
            "Task Statements.txt, line 3: a carriage return (CR) stands inside the line, not at "
            "its end. Remove it or save the file with LF or CR LF line endings.",
        ),
    ],
    ids=["nul", "escape", "arabic-digit", "cr-only", "lone-cr"],
)
def test_characters_no_store_holds_alike(raw: bytes, message: str) -> None:
    with pytest.raises(IngestError) as info:
        read_file(TASKS, raw)
    assert str(info.value) == message
