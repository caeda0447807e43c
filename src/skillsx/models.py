"""Data shapes shared by every stage: the occupation brief, frameworks, problems."""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


# ---------------------------------------------------------------- releases


class ReleaseFile(_Model):
    """One O*NET file of a release: loaded, loaded from an extra release, or absent."""

    name: str
    status: Literal["loaded", "extra", "absent"]
    release: str  # the O*NET release the rows come from, e.g. "30.1" or "29.x"
    rows: int = 0


class Release(_Model):
    id: int
    name: str
    label: str
    current: bool
    loaded_at: str
    content_hash: str
    files: list[ReleaseFile] = Field(default_factory=list)


# ---------------------------------------------------------------- the brief


class Dwa(_Model):
    """A Detailed Work Activity linked to a task, with its IWA and work-activity element."""

    id: str
    title: str
    iwa_id: str
    iwa_title: str
    element_id: str
    element_name: str | None = None


class Task(_Model):
    id: int
    text: str
    type: Literal["Core", "Supplemental"] | None
    dwas: list[Dwa] = Field(default_factory=list)


class RatedElement(_Model):
    """A skill or knowledge area with O*NET importance (1-5) and level (0-7)."""

    element_id: str
    name: str
    importance: float | None
    level: float | None
    release: str


class WorkStyle(_Model):
    element_id: str
    name: str
    impact: float | None  # WI scale, -3..+3 (30.x) or importance 1-5 (older releases)
    distinctiveness_rank: float | None  # DR scale; 0 = not ranked
    scale: str


class Technology(_Model):
    commodity_code: int
    commodity_title: str
    example: str
    hot: bool
    in_demand: bool


class Tool(_Model):
    commodity_code: int
    commodity_title: str
    example: str


class Interest(_Model):
    element_id: str
    name: str
    score: float


class RelatedOccupation(_Model):
    soc: str
    title: str
    tier: str
    index: int


class Cip(_Model):
    code: str
    title: str


class Education(_Model):
    """The most common required level of education (RL scale), with its share of respondents."""

    category: int
    label: str
    percent: float


class JobZone(_Model):
    zone: int
    name: str
    inferred: bool
    basis: str  # "rated by O*NET" or how it was inferred


class Brief(_Model):
    """The structured occupation brief: the composer's only input."""

    soc: str
    title: str
    description: str
    release: str
    group_code: str
    group_name: str
    job_zone: JobZone | None
    has_task_data: bool
    tasks: list[Task]
    knowledge: list[RatedElement]
    skills: list[RatedElement]
    technology: list[Technology]
    tools: list[Tool]
    work_styles: list[WorkStyle]
    abilities: list[RatedElement] = Field(default_factory=list)
    work_activities: list[RatedElement] = Field(default_factory=list)
    work_context: list[RatedElement] = Field(default_factory=list)
    interests: list[Interest]
    related: list[RelatedOccupation]
    alternate_titles: list[str]
    reported_titles: list[str]
    cip: list[Cip]
    education: Education | None
    # Section name -> why it is empty ("not in this release", "no rows for this occupation").
    absent: dict[str, str] = Field(default_factory=dict)
    sources: dict[str, str] = Field(default_factory=dict)


class OccupationSummary(_Model):
    soc: str
    title: str
    group_code: str
    group_name: str
    job_zone: int | None
    job_zone_inferred: bool
    tasks: int


# ---------------------------------------------------------------- frameworks


class Level(str, Enum):
    EMERGING = "emerging"
    DEVELOPING = "developing"
    PROFICIENT = "proficient"
    ADVANCED = "advanced"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def band(self) -> str:
        return ROLE_BANDS[self]


ROLE_BANDS = {
    Level.EMERGING: "Entry / Apprentice",
    Level.DEVELOPING: "Mid-level / Established",
    Level.PROFICIENT: "Senior / Expert IC",
    Level.ADVANCED: "Lead / Principal / Executive",
}


class Anchor(_Model):
    """An O*NET record of this occupation that grounds a statement."""

    kind: Literal["task", "dwa", "element", "technology", "tool"]
    id: str
    release: str


class Statement(_Model):
    level: Level
    order: int
    theme: str
    subject: str
    action: str
    anchors: list[Anchor]

    @property
    def text(self) -> str:
        return f"{self.subject} — {self.action}"


class Theme(_Model):
    id: str
    label: str
    anchors: list[Anchor]


class Framework(_Model):
    soc: str
    title: str
    release: str
    engine: str
    context_covered: str
    description: str
    themes: list[Theme]
    statements: list[Statement]

    def level(self, level: Level) -> list[Statement]:
        return sorted((s for s in self.statements if s.level == level), key=lambda s: s.order)


class Problem(_Model):
    """A quality problem found by a rule: data, never an exception."""

    rule: str
    severity: Literal["error", "warning"]
    soc: str
    where: str
    message: str
