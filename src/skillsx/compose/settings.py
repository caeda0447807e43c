"""Settings drawn from an occupation's own data: its unit of work, places, technology, tools."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from skillsx.compose.lexicon import UNIT_NOUNS
from skillsx.compose.phrases import find_place, lower_first, words
from skillsx.models import Brief, Technology, Tool

# Words of a task that point at a kind of software (matched against commodity titles).
_TECH_CUES = {
    "record": ("data base", "spreadsheet", "medical", "document management"),
    "records": ("data base", "spreadsheet", "medical", "document management"),
    "data": ("data base", "spreadsheet", "analytical"),
    "database": ("data base",),
    "report": ("spreadsheet", "word processing", "presentation"),
    "reports": ("spreadsheet", "word processing", "presentation"),
    "schedule": ("calendar and scheduling", "project management"),
    "schedules": ("calendar and scheduling", "project management"),
    "budget": ("accounting", "financial analysis", "spreadsheet"),
    "budgets": ("accounting", "financial analysis", "spreadsheet"),
    "financial": ("accounting", "financial analysis"),
    "accounts": ("accounting", "customer relationship"),
    "customer": ("customer relationship",),
    "customers": ("customer relationship", "point of sale"),
    "sales": ("customer relationship", "point of sale", "sales and marketing"),
    "inventory": ("inventory management", "enterprise resource"),
    "design": ("computer aided design", "graphics"),
    "drawings": ("computer aided design",),
    "blueprints": ("computer aided design",),
    "presentations": ("presentation",),
    "correspondence": ("electronic mail", "word processing"),
    "software": ("development environment", "object or component", "program testing"),
    "code": ("development environment", "object or component"),
    "program": ("development environment", "object or component"),
    "programs": ("development environment", "object or component"),
    "patient": ("medical",),
    "patients": ("medical",),
    "maps": ("geographic information", "map creation", "route navigation"),
    "routes": ("route navigation", "geographic information"),
    "orders": ("inventory management", "point of sale", "enterprise resource"),
    "payments": ("point of sale", "accounting"),
    "project": ("project management",),
    "projects": ("project management",),
    "statistical": ("analytical", "spreadsheet"),
    "analysis": ("analytical", "spreadsheet"),
}
_STOP = frozenset(
    "and or of the a an to for in on with by from as at other such equipment tools tool "
    "devices device machines machine systems system".split()
)


@dataclass(frozen=True)
class Setting:
    """A phrase that says where or with what the work happens, and the record behind it."""

    text: str
    kind: str  # "technology", "tool", "place", "purpose", "task"
    anchor_id: str = ""


def unit_nouns(brief: Brief) -> str:
    """The occupation's unit of work ("patients", "accounts"), from its own task texts."""
    text = " ".join(t.text.lower() for t in brief.tasks)
    counts = Counter()
    for sing, plur in UNIT_NOUNS:
        counts[plur] = len(re.findall(rf"\b(?:{sing}|{plur})\b", text))
    best = [p for p, n in counts.most_common() if n >= 2]
    return best[0] if best else "jobs"


def places(brief: Brief) -> list[str]:
    """Workplace phrases ("in restaurants") from the description and tasks, most common first."""
    found: Counter[str] = Counter()
    for text in [brief.description, *(t.text for t in brief.tasks)]:
        place = find_place(text)
        if place and len(words(place)) <= 5:
            found[place] += 1
    return [p for p, _ in sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))]


def tech_for(brief: Brief, text: str) -> Technology | None:
    """The technology of this occupation that a task's words point at, hot technology first."""
    cues = [c for w in words(text.lower()) for c in _TECH_CUES.get(w, ())]
    if not cues:
        return None
    ranked = sorted(brief.technology, key=lambda t: (not t.hot, not t.in_demand, t.example))
    for cue in cues:
        for tech in ranked:
            if cue in tech.commodity_title.lower():
                return tech
    return None


def tool_for(brief: Brief, text: str) -> Tool | None:
    """A tool of this occupation that shares a content word with the text."""
    task_words = {w.lower().rstrip("s") for w in words(text)} - _STOP
    best: tuple[int, str, Tool] | None = None
    for tool in brief.tools:
        tool_words = {w.lower().rstrip("s") for w in words(tool.commodity_title)} - _STOP
        shared = len(task_words & tool_words)
        if shared and (best is None or (shared, tool.example) > (best[0], best[1])):
            best = (shared, tool.example, tool)
    return best[2] if best else None


def tech_phrase(tech: Technology) -> str:
    """'in Salesforce' style phrase naming a product, or the kind of software."""
    example = tech.example.strip()
    if len(words(example)) > 4 or example.lower() == tech.commodity_title.lower():
        return f"using {lower_first(tech.commodity_title)}"
    return f"using {example}"


def tool_phrase(tool: Tool) -> str:
    """'using arc welders' style phrase naming a tool of the occupation."""
    example = tool.example.strip()
    if len(words(example)) > 4:
        example = tool.commodity_title
    return f"using {lower_first(example)}"
