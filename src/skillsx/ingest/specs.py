"""One declared ``FileSpec`` per O*NET text file: the only place O*NET's own headers appear.

A spec lists the columns of the file (header text, our snake_case name, type, whether the
column must be present, whether ``n/a`` is allowed). Optional columns cover layout changes
between releases: 30.1 removed N / Standard Error / CI bounds / Recommend Suppress from
Work Styles, so those columns are optional and both layouts load.

Each spec also declares its key (the columns no two rows share; a second row with the same
key is refused) and its rated columns (values checked against the minimum and maximum of
the row's scale in Scales Reference.txt). The keys hold on every row of O*NET 30.1 and the
29.x Skills and Knowledge.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ColumnType = Literal["soc", "text", "int", "float", "flag", "date"]

#: What each type accepts, for error messages.
EXPECTED = {
    "soc": 'an O*NET-SOC code like "15-1252.00"',
    "text": "text",
    "int": "a whole number",
    "float": "a number",
    "flag": '"Y" or "N"',
    "date": 'a date like "08/2023" (MM/YYYY)',
}


@dataclass(frozen=True)
class Column:
    header: str
    name: str
    type: ColumnType = "text"
    required: bool = True  # the column must be in the header
    nullable: bool = False  # the value may be "n/a" or empty


@dataclass(frozen=True)
class FileSpec:
    file: str  # file name inside the release, e.g. "Task Statements.txt"
    table: str  # store table, e.g. "onet_task_statements"
    columns: tuple[Column, ...]
    # Whether each row belongs to an occupation (first column is the O*NET-SOC code).
    per_occupation: bool = False
    # Columns naming an occupation that must exist in Occupation Data.
    soc_columns: tuple[str, ...] = ()
    # The columns that identify a row: no two rows of the file share them.
    key: tuple[str, ...] = ()
    # Columns rated on the row's "Scale ID": each value lies within that scale's minimum and
    # maximum in Scales Reference.txt.
    rated: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        names = {c.name for c in self.columns}
        unknown = [n for n in (*self.key, *self.rated, *self.soc_columns) if n not in names]
        if not self.key or unknown:
            raise ValueError(f"{self.file}: no key, or unknown key/rated columns {unknown}")

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        raise KeyError(name)


def _c(header: str, name: str, type: ColumnType = "text", **kw: bool) -> Column:
    return Column(header, name, type, **kw)


SOC = _c("O*NET-SOC Code", "soc", "soc")
DATE = _c("Date", "date", "date", nullable=True)
SOURCE = _c("Domain Source", "domain_source", nullable=True)
ELEMENT_ID = _c("Element ID", "element_id")
ELEMENT_NAME = _c("Element Name", "element_name")
SCALE = _c("Scale ID", "scale_id")
VALUE = _c("Data Value", "data_value", "float")
# Statistics columns of rated files; optional because releases drop or add them.
STATS = (
    _c("N", "n", "int", required=False, nullable=True),
    _c("Standard Error", "standard_error", "float", required=False, nullable=True),
    _c("Lower CI Bound", "lower_ci", "float", required=False, nullable=True),
    _c("Upper CI Bound", "upper_ci", "float", required=False, nullable=True),
    _c("Recommend Suppress", "recommend_suppress", "flag", required=False, nullable=True),
    _c("Not Relevant", "not_relevant", "flag", required=False, nullable=True),
)
#: The key of a rated file: one value per occupation, element and scale.
RATED_KEY = ("soc", "element_id", "scale_id")


def _occ(
    file: str,
    table: str,
    *columns: Column,
    key: tuple[str, ...],
    extra_soc: tuple[str, ...] = (),
    rated: tuple[str, ...] = (),
) -> FileSpec:
    return FileSpec(file, table, (SOC, *columns), True, ("soc", *extra_soc), key, rated)


def _ref(
    file: str, table: str, *columns: Column, key: tuple[str, ...], rated: tuple[str, ...] = ()
) -> FileSpec:
    return FileSpec(file, table, tuple(columns), key=key, rated=rated)


def _rated(file: str, table: str) -> FileSpec:
    return _occ(
        file,
        table,
        ELEMENT_ID,
        ELEMENT_NAME,
        SCALE,
        VALUE,
        *STATS,
        DATE,
        SOURCE,
        key=RATED_KEY,
        rated=("data_value",),
    )


OCCUPATION_DATA = FileSpec(
    "Occupation Data.txt",
    "onet_occupations",
    (SOC, _c("Title", "title"), _c("Description", "description")),
    key=("soc",),
)
SCALES_REFERENCE_FILE = "Scales Reference.txt"
JOB_ZONE_REFERENCE_FILE = "Job Zone Reference.txt"
JOB_ZONES_FILE = "Job Zones.txt"
#: A release whose core files are absent or hold no rows is refused: no framework can be
#: composed without them.
CORE_FILES = (OCCUPATION_DATA.file, "Task Statements.txt", "Tasks to DWAs.txt", JOB_ZONES_FILE)
#: Values outside a scale's range that the O*NET data dictionary defines: a high-point of
#: 0.00 means "no high point available" (Work Values' VH runs 1-6 otherwise).
SCALE_SENTINELS = {"VH": frozenset({0.0})}

SPECS: tuple[FileSpec, ...] = (
    OCCUPATION_DATA,
    _ref(
        "Content Model Reference.txt",
        "onet_content_model",
        ELEMENT_ID,
        ELEMENT_NAME,
        _c("Description", "description"),
        key=("element_id",),
    ),
    _ref(
        JOB_ZONE_REFERENCE_FILE,
        "onet_job_zone_reference",
        _c("Job Zone", "job_zone", "int"),
        _c("Name", "name"),
        _c("Experience", "experience"),
        _c("Education", "education"),
        _c("Job Training", "job_training"),
        _c("Examples", "examples"),
        _c("SVP Range", "svp_range"),
        key=("job_zone",),
    ),
    _ref(
        SCALES_REFERENCE_FILE,
        "onet_scales",
        SCALE,
        _c("Scale Name", "scale_name"),
        _c("Minimum", "minimum", "float"),
        _c("Maximum", "maximum", "float"),
        key=("scale_id",),
    ),
    _ref(
        "IWA Reference.txt",
        "onet_iwa_reference",
        ELEMENT_ID,
        _c("IWA ID", "iwa_id"),
        _c("IWA Title", "iwa_title"),
        key=("iwa_id",),
    ),
    _ref(
        "DWA Reference.txt",
        "onet_dwa_reference",
        ELEMENT_ID,
        _c("IWA ID", "iwa_id"),
        _c("DWA ID", "dwa_id"),
        _c("DWA Title", "dwa_title"),
        key=("dwa_id",),
    ),
    _ref(
        "UNSPSC Reference.txt",
        "onet_unspsc_reference",
        _c("Commodity Code", "commodity_code", "int"),
        _c("Commodity Title", "commodity_title"),
        _c("Class Code", "class_code", "int"),
        _c("Class Title", "class_title"),
        _c("Family Code", "family_code", "int"),
        _c("Family Title", "family_title"),
        _c("Segment Code", "segment_code", "int"),
        _c("Segment Title", "segment_title"),
        key=("commodity_code",),
    ),
    _ref(
        "Task Categories.txt",
        "onet_task_categories",
        SCALE,
        _c("Category", "category", "int"),
        _c("Category Description", "category_description"),
        key=("scale_id", "category"),
    ),
    _ref(
        "Education, Training, and Experience Categories.txt",
        "onet_ete_categories",
        ELEMENT_ID,
        ELEMENT_NAME,
        SCALE,
        _c("Category", "category", "int"),
        _c("Category Description", "category_description"),
        key=("element_id", "scale_id", "category"),
    ),
    _ref(
        "Work Context Categories.txt",
        "onet_work_context_categories",
        ELEMENT_ID,
        ELEMENT_NAME,
        SCALE,
        _c("Category", "category", "int"),
        _c("Category Description", "category_description"),
        key=("element_id", "scale_id", "category"),
    ),
    _ref(
        "Level Scale Anchors.txt",
        "onet_level_scale_anchors",
        ELEMENT_ID,
        ELEMENT_NAME,
        SCALE,
        _c("Anchor Value", "anchor_value", "float"),
        _c("Anchor Description", "anchor_description"),
        key=("element_id", "scale_id", "anchor_value"),
        rated=("anchor_value",),
    ),
    _ref(
        "Survey Booklet Locations.txt",
        "onet_survey_booklet_locations",
        ELEMENT_ID,
        ELEMENT_NAME,
        _c("Survey Item Number", "survey_item_number"),
        SCALE,
        key=("element_id", "scale_id"),
    ),
    _ref(
        "RIASEC Keywords.txt",
        "onet_riasec_keywords",
        ELEMENT_ID,
        ELEMENT_NAME,
        _c("Keyword", "keyword"),
        _c("Keyword Type", "keyword_type"),
        key=("element_id", "keyword", "keyword_type"),
    ),
    _ref(
        "Basic Interests to RIASEC.txt",
        "onet_basic_interests_to_riasec",
        _c("Basic Interests Element ID", "basic_element_id"),
        _c("Basic Interests Element Name", "basic_element_name"),
        _c("RIASEC Element ID", "riasec_element_id"),
        _c("RIASEC Element Name", "riasec_element_name"),
        key=("basic_element_id", "riasec_element_id"),
    ),
    _ref(
        "Interests Illustrative Activities.txt",
        "onet_interests_activities",
        ELEMENT_ID,
        ELEMENT_NAME,
        _c("Interest Type", "interest_type"),
        _c("Activity", "activity"),
        key=("element_id", "interest_type", "activity"),
    ),
    FileSpec(
        "Interests Illustrative Occupations.txt",
        "onet_interests_occupations",
        (ELEMENT_ID, ELEMENT_NAME, _c("Interest Type", "interest_type"), SOC),
        False,
        ("soc",),
        key=("element_id", "interest_type", "soc"),
    ),
    *(
        _ref(
            f"{left} to {right}.txt",
            f"onet_{left.lower()}_to_{'_'.join(right.lower().split())}",
            _c(f"{left} Element ID", "from_element_id"),
            _c(f"{left} Element Name", "from_element_name"),
            _c(f"{right} Element ID", "to_element_id"),
            _c(f"{right} Element Name", "to_element_name"),
            key=("from_element_id", "to_element_id"),
        )
        for left in ("Abilities", "Skills")
        for right in ("Work Activities", "Work Context")
    ),
    # ------------------------------------------------------------ per occupation
    _occ(
        "Task Statements.txt",
        "onet_task_statements",
        _c("Task ID", "task_id", "int"),
        _c("Task", "task"),
        _c("Task Type", "task_type", nullable=True),
        _c("Incumbents Responding", "incumbents_responding", "int", nullable=True),
        DATE,
        SOURCE,
        key=("task_id",),  # O*NET's Task IDs are unique across occupations
    ),
    _occ(
        "Tasks to DWAs.txt",
        "onet_tasks_to_dwas",
        _c("Task ID", "task_id", "int"),
        _c("DWA ID", "dwa_id"),
        DATE,
        SOURCE,
        key=("soc", "task_id", "dwa_id"),
    ),
    _occ(
        "Task Ratings.txt",
        "onet_task_ratings",
        _c("Task ID", "task_id", "int"),
        SCALE,
        _c("Category", "category", "int", nullable=True),
        VALUE,
        *STATS,
        DATE,
        SOURCE,
        key=("soc", "task_id", "scale_id", "category"),
        rated=("data_value",),
    ),
    _occ(
        "Emerging Tasks.txt",
        "onet_emerging_tasks",
        _c("Task", "task"),
        _c("Category", "category"),
        _c("Original Task ID", "original_task_id", "int", nullable=True),
        _c("Original Task", "original_task", nullable=True),
        DATE,
        SOURCE,
        key=("soc", "task"),
    ),
    _occ(
        JOB_ZONES_FILE,
        "onet_job_zones",
        _c("Job Zone", "job_zone", "int"),
        DATE,
        SOURCE,
        key=("soc",),
    ),
    _occ(
        "Alternate Titles.txt",
        "onet_alternate_titles",
        _c("Alternate Title", "alternate_title"),
        _c("Short Title", "short_title", nullable=True),
        _c("Source(s)", "sources"),
        key=("soc", "alternate_title"),
    ),
    _occ(
        "Sample of Reported Titles.txt",
        "onet_reported_titles",
        _c("Reported Job Title", "reported_title"),
        _c("Shown in My Next Move", "shown_in_my_next_move", "flag"),
        key=("soc", "reported_title"),
    ),
    _occ(
        "Related Occupations.txt",
        "onet_related_occupations",
        _c("Related O*NET-SOC Code", "related_soc", "soc"),
        _c("Relatedness Tier", "tier"),
        _c("Index", "index", "int"),
        extra_soc=("related_soc",),
        key=("soc", "related_soc"),
    ),
    _occ(
        "Technology Skills.txt",
        "onet_technology_skills",
        _c("Example", "example"),
        _c("Commodity Code", "commodity_code", "int"),
        _c("Commodity Title", "commodity_title"),
        _c("Hot Technology", "hot_technology", "flag"),
        _c("In Demand", "in_demand", "flag", required=False, nullable=True),
        key=("soc", "example", "commodity_code"),
    ),
    _occ(
        "Tools Used.txt",
        "onet_tools_used",
        _c("Example", "example"),
        _c("Commodity Code", "commodity_code", "int"),
        _c("Commodity Title", "commodity_title"),
        key=("soc", "example", "commodity_code"),
    ),
    _occ(
        "Occupation Level Metadata.txt",
        "onet_occupation_metadata",
        _c("Item", "item"),
        _c("Response", "response", nullable=True),
        _c("N", "n", "int", nullable=True),
        _c("Percent", "percent", "float", nullable=True),
        DATE,
        key=("soc", "item", "response"),
    ),
    _occ(
        "Education, Training, and Experience.txt",
        "onet_education",
        ELEMENT_ID,
        ELEMENT_NAME,
        SCALE,
        _c("Category", "category", "int", nullable=True),
        VALUE,
        *STATS,
        DATE,
        SOURCE,
        key=("soc", "element_id", "scale_id", "category"),
        rated=("data_value",),
    ),
    _occ(
        "Interests.txt",
        "onet_interests",
        ELEMENT_ID,
        ELEMENT_NAME,
        SCALE,
        VALUE,
        DATE,
        SOURCE,
        key=RATED_KEY,
        rated=("data_value",),
    ),
    _occ(
        "Work Values.txt",
        "onet_work_values",
        ELEMENT_ID,
        ELEMENT_NAME,
        SCALE,
        VALUE,
        DATE,
        SOURCE,
        key=RATED_KEY,
        rated=("data_value",),
    ),
    _rated("Work Styles.txt", "onet_work_styles"),
    _rated("Skills.txt", "onet_skills"),
    _rated("Knowledge.txt", "onet_knowledge"),
    _rated("Abilities.txt", "onet_abilities"),
    _rated("Work Activities.txt", "onet_work_activities"),
    _occ(
        "Work Context.txt",
        "onet_work_context",
        ELEMENT_ID,
        ELEMENT_NAME,
        SCALE,
        _c("Category", "category", "int", nullable=True),
        VALUE,
        *STATS,
        DATE,
        SOURCE,
        key=("soc", "element_id", "scale_id", "category"),
        rated=("data_value",),
    ),
)

SPECS_BY_FILE = {spec.file: spec for spec in SPECS}
SPECS_BY_TABLE = {spec.table: spec for spec in SPECS}

# Files that carry no rows: read for the release name only.
README_FILE = "Read Me.txt"
