"""Reading and checking O*NET files: every kind of bad input gets one clear message."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

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
