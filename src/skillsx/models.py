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
    # In how many SOC major groups of the release occupations have this DWA (0 when
    # unknown): "Maintain records, documents, or other files" is everyone's work,
    # "Administer blood or blood products" is health care's.
    spread: int = 0


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


class Supervisor(_Model):
    """The occupation that supervises this one (its first-line supervisors), with its tasks.

    The top level of frontline work may draw on these tasks, cited as that occupation's
    records (anchor kind ``supervisor_task``), never as this occupation's own.
    """

    soc: str
    title: str
    basis: str  # how it was found ("related occupation", "same SOC major group")
    tasks: list[Task]


class ScaleAnchor(_Model):
    """O*NET's behavioural example of a skill or knowledge level (Level Scale Anchors)."""

    element_id: str
    value: float
    text: str


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
    supervisor: Supervisor | None = None
    # Level scale anchors of this occupation's skills and knowledge areas, by element.
    scale_anchors: list[ScaleAnchor] = Field(default_factory=list)
    # Content-model descriptions of this occupation's skills and knowledge areas.
    element_descriptions: dict[str, str] = Field(default_factory=dict)
    # Mean importance of each skill and knowledge area over all occupations of the release:
    # what sets this occupation apart is its importance above the typical one.
    typical_importance: dict[str, float] = Field(default_factory=dict)
    # O*NET's Skills to Work Activities: each rated skill's work-activity elements, the most
    # specific first (linked to the fewest skills), so a skill can be shown in the
    # occupation's own work (its DWAs under those elements).
    skill_activities: dict[str, list[str]] = Field(default_factory=dict)


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

    # supervisor_task: a task of the supervising occupation, id "SOC:TASKID"; scale_anchor:
    # an O*NET level scale anchor, id "ELEMENT@VALUE".
    kind: Literal["task", "dwa", "element", "technology", "tool", "supervisor_task", "scale_anchor"]
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


# ---- durable skills, AI use, evidence pack, enrichment


class DurableLevel(str, Enum):
    """The four levels of the durable-skills domains (not the framework's levels)."""

    EMERGING = "emerging"
    DEVELOPING = "developing"
    APPLYING = "applying"
    EXCEEDING = "exceeding"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class DurableStatement(_Model):
    """``Title — behaviour.`` for one domain at one level, with what grounds it."""

    domain: str
    level: DurableLevel
    order: int
    title: str
    behaviour: str
    # The durable-skills framework the domain comes from, by name only.
    framework: str
    anchors: list[Anchor]

    @property
    def text(self) -> str:
        return f"{self.title} — {self.behaviour}"


class DurableDomain(_Model):
    id: str
    name: str
    description: str  # ours, one line
    rank: int  # 1 = weighs most for this occupation
    weight: float  # 0-1, from work styles, skills and interests
    reason: str  # why it ranks where it does
    element_ids: list[str]  # the O*NET elements the weight was computed from
    statements: list[DurableStatement]

    def level(self, level: DurableLevel) -> list[DurableStatement]:
        return sorted((s for s in self.statements if s.level == level), key=lambda s: s.order)


class DurableSkills(_Model):
    soc: str
    title: str
    release: str
    framework: str
    domains: list[DurableDomain]


class AeiTaskUse(_Model):
    """One O*NET task of an occupation that the Anthropic Economic Index records."""

    task_id: int
    task_text: str  # the O*NET task statement
    aei_task_name: str  # the AEI's (lower-cased, possibly older) task text
    pct: float  # % of all AEI conversations for that task text
    shared_by: int  # O*NET tasks (any occupation) that share the text
    match: str  # exact | normalised | task_id
    aei_release: str

    @property
    def share(self) -> float:
        """This task's part of the text's usage: pct divided equally among its tasks."""
        return self.pct / self.shared_by if self.shared_by else 0.0


class AiEvidence(_Model):
    """What the AEI holds for one occupation, plus the economy-wide figures it is read against."""

    soc: str
    aei_release: str | None
    aei_source: str | None
    tasks: list[AeiTaskUse]
    # Occupation share (sum of task shares) of every occupation with task data, AEI or not.
    shares: dict[str, float]
    interactions: dict[str, float]  # economy-wide collaboration pattern -> % of conversations


class AiCitation(_Model):
    """An AEI record cited by an AI-use statement."""

    task_id: int
    task_text: str
    pct: float
    aei_release: str


class AiStatement(_Model):
    level: Level
    order: int
    subject: str
    action: str
    anchors: list[Anchor]
    evidence: list[AiCitation]
    confidence: Literal["standard", "lower"]

    @property
    def text(self) -> str:
        return f"{self.subject} — {self.action}"


class AiUse(_Model):
    soc: str
    release: str
    aei_release: str | None
    has_aei: bool
    note: str
    statements: list[AiStatement]

    def level(self, level: Level) -> list[AiStatement]:
        return sorted((s for s in self.statements if s.level == level), key=lambda s: s.order)


class Figure(_Model):
    """One figure of the evidence pack, or the reason it cannot be given."""

    key: str
    label: str
    value: float | int | str | None
    display: str
    available: bool
    scope: Literal["occupation", "economy"]
    source: str
    release: str
    note: str = ""


class TopTask(_Model):
    task_id: int
    text: str
    share: float  # % of all AEI conversations, after dividing shared texts
    pct: float  # the AEI's pct for the task text


class EvidencePack(_Model):
    soc: str
    figures: list[Figure]
    top_tasks: list[TopTask]
    interactions: list[Figure]


class EnrichmentItem(_Model):
    label: str
    id: str | None = None
    detail: str | None = None


class EnrichmentSection(_Model):
    key: str
    label: str
    source: str
    available: bool
    note: str
    items: list[EnrichmentItem]


class Enrichment(_Model):
    soc: str
    source_anchors: int
    anchor_counts: dict[str, int]
    sections: list[EnrichmentSection]


class SourceCredit(_Model):
    key: str
    name: str
    release: str
    licence: str
    attribution: str
    url: str


class OccupationPage(_Model):
    """Everything one occupation page shows; the build stores it per occupation."""

    soc: str
    title: str
    release: str
    framework: Framework
    durable: DurableSkills
    ai_use: AiUse
    evidence: EvidencePack
    enrichment: Enrichment
    sources: list[SourceCredit]
