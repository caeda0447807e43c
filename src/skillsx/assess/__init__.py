"""Self-assessment against a framework: ratings, the level rule, saved assessments, the gap.

ratings.py   the four answers, a framework's statements as rated (a snapshot), revisits
rules.py     the level rule, overall and per theme, stated in words (``RULE``)
store.py     saved assessments (table ``assessments``), owner-only, with limits
document.py  an assessment as a plain dict (API, pages, credentials)
gap.py       another occupation's framework marked covered by the anchors held
"""

from __future__ import annotations

from skillsx.assess.document import assessment_document, rated_document
from skillsx.assess.gap import COVER_RULE, gap
from skillsx.assess.ratings import (
    HELD,
    RATING_LABELS,
    RATINGS,
    RatedStatement,
    Revisit,
    held_anchors,
    rate,
    revisit,
    snapshot,
)
from skillsx.assess.rules import RULE, THEME_RULE, Result, Standing, derive_levels, required
from skillsx.assess.store import (
    Assessment,
    FrameworkRef,
    create_assessment,
    delete_assessment,
    get_assessment,
    list_assessments,
    update_assessment,
)

__all__ = [
    "COVER_RULE",
    "HELD",
    "RATINGS",
    "RATING_LABELS",
    "RULE",
    "THEME_RULE",
    "Assessment",
    "FrameworkRef",
    "RatedStatement",
    "Result",
    "Revisit",
    "Standing",
    "assessment_document",
    "create_assessment",
    "delete_assessment",
    "derive_levels",
    "gap",
    "get_assessment",
    "held_anchors",
    "list_assessments",
    "rate",
    "rated_document",
    "required",
    "revisit",
    "snapshot",
    "update_assessment",
]
