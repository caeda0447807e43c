"""Request and response schemas of the self-assessment API (``skillsx.web.assess``).

They document the API (``/api/v1/openapi.json``) and check what goes in and out: the
responses are the view dicts of ``skillsx.web.assess``, validated against these.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from skillsx.assess.store import MAX_NOTE

SOC = r"^\d{2}-\d{4}\.\d{2}$"
#: Statement ids as the API takes them: every framework has ten statements a level.
STATEMENT_KEY = r"^(emerging|developing|proficient|advanced):([1-9]|10)$"
#: No control characters (tab and line breaks allowed) in a note.
NOTE = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]*$"

Soc = Annotated[str, Field(pattern=SOC, examples=["41-2031.00"])]
RatingValue = Literal["not_yet", "with_help", "independently", "can_teach"]
Ratings = Annotated[
    dict[Annotated[str, StringConstraints(pattern=STATEMENT_KEY)], RatingValue],
    Field(
        max_length=40,
        description='Statement id ("emerging:1" … "advanced:10") → rating; others unrated.',
        examples=[{"emerging:1": "independently", "emerging:2": "can_teach"}],
        # Only statement ids are keys: say so, so no client takes other keys for valid.
        json_schema_extra={"additionalProperties": False},
    ),
]
Note = Annotated[str, Field(max_length=MAX_NOTE, pattern=NOTE, description="Private to you.")]


class AssessmentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    soc: Soc
    ratings: Ratings
    note: Note = ""


class AssessmentUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ratings: Ratings
    note: Note = ""


class AssessmentTry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ratings: Ratings
    to: Soc | None = Field(None, description="Also compare with this occupation's framework.")


class Tally(BaseModel):
    key: str
    label: str
    statements: int
    held: int
    required: int
    to_go: int
    met: bool
    reached: bool


class LevelRef(BaseModel):
    key: str
    label: str


class StandingOut(BaseModel):
    level: str | None
    label: str
    next: LevelRef | None
    levels: list[Tally]


class ThemeStandingOut(StandingOut):
    theme: str
    theme_label: str


class LevelsOut(BaseModel):
    overall: StandingOut
    themes: list[ThemeStandingOut]
    rated: int
    total: int
    counts: dict[str, int]
    rule: str
    theme_rule: str


class RatingOut(BaseModel):
    id: str
    level: str
    level_label: str
    order: int
    theme: str
    theme_label: str
    text: str
    anchors: list[str]
    rating: RatingValue | None
    rating_label: str


class FrameworkOut(BaseModel):
    soc: str
    title: str
    version: str
    build_id: int
    build_label: str
    release: str
    content_hash: str


class AssessmentDocument(BaseModel):
    id: str | None
    type: Literal["self-assessment"]
    self_assessed: bool
    soc: str
    title: str
    framework: FrameworkOut
    ratings: list[RatingOut]
    levels: LevelsOut
    created_at: str | None
    updated_at: str | None


class Moved(BaseModel):
    model_config = ConfigDict(populate_by_name=True)
    from_: str = Field(alias="from")
    to: str


class OldRating(BaseModel):
    id: str
    text: str
    rating: RatingValue
    now: str | None = None


class RevisitOut(BaseModel):
    current_build_id: int | None
    current_build_label: str | None
    up_to_date: bool
    rated: int
    matching: int
    moved: list[Moved]
    changed: list[OldRating]
    gone: list[OldRating]
    unrated_now: int
    message: str


class Links(BaseModel):
    page: str
    edit: str
    gap: str
    api: str
    framework: str


class AssessmentPublic(AssessmentDocument):
    id: str
    note: str
    links: Links
    revisit: RevisitOut


class AssessmentSummary(BaseModel):
    id: str
    soc: str
    title: str
    build_label: str
    framework_version: str
    level: str | None
    level_label: str
    rated: int
    total: int
    note: str
    created_at: str
    updated_at: str
    href: str
    api: str


class AssessmentList(BaseModel):
    results: list[AssessmentSummary]


class GapStatement(BaseModel):
    id: str
    text: str
    theme: str
    theme_label: str
    anchors: list[str]
    covered: bool
    covered_by: list[str]


class GapLevel(BaseModel):
    key: str
    label: str
    band: str
    statements: list[GapStatement]
    total: int
    covered: int
    required: int
    to_go: int
    met: bool
    reached: bool


class GapEnd(BaseModel):
    soc: str
    title: str
    id: str | None = None
    href: str | None = None
    build_label: str | None = None


class GapOut(BaseModel):
    from_: GapEnd = Field(alias="from")
    to: GapEnd
    held_statements: int
    held_anchors: int
    soc: str
    title: str
    level: str | None
    level_label: str
    covered: int
    total: int
    levels: list[GapLevel]
    cover_rule: str
    level_rule: str


class TryOut(AssessmentDocument):
    gap: GapOut | None
