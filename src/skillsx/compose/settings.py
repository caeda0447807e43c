"""Settings drawn from an occupation's own data: its unit of work, places, technology, tools."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

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
    "sales": ("customer relationship", "point of sale", "sales and marketing"),
    "inventory": ("inventory management", "enterprise resource"),
    "design": ("computer aided design", "graphics"),
    "drawings": ("computer aided design",),
    "blueprints": ("computer aided design",),
    "presentations": ("presentation",),
    "correspondence": ("electronic mail", "word processing"),
    "software": ("development environment", "object or component", "program testing"),
    "code": ("development environment", "object or component"),
    "debug": ("development environment", "program testing"),
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
    "devices device machines machine systems system software kit kits set sets unit units "
    "supplies accessories products product materials material general purpose personal "
    "use using type types hand power electric manual portable special".split()
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
    counts: Counter[str] = Counter()
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


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem, so "welders", "welding" and "weld" compare equal."""
    w = word.lower().strip("'’")
    for suffix in ("ing", "ers", "er", "ies", "es", "ed", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    return w


@lru_cache(maxsize=16384)
def content_stems(text: str) -> frozenset[str]:
    """Stems of the content words of a text."""
    return frozenset(stem(w) for w in words(text) if w.lower() not in _STOP and len(w) > 2)


@lru_cache(maxsize=16384)
def tool_heads(title: str, example: str) -> frozenset[str]:
    """What a tool is: the last content word of its commodity title and of its example."""
    heads = set()
    for name in (title, example):
        toks = [w for w in words(name) if not w.isupper()]
        # "Ventricular assist devices" is a kind of device: its head says nothing of the task.
        if toks and toks[-1].lower() not in _STOP and len(toks[-1]) > 3:
            heads.add(stem(toks[-1]))
    return frozenset(heads)


def plausible_tool(text: str, title: str, example: str, *, software: bool) -> bool:
    """Whether naming this tool or technology in a statement about ``text`` makes sense.

    A tool fits when the task (or its activities) names what the tool is ("weld" for
    "wirefeed welders"); software fits when the task's words cue its kind of software
    (records -> database software), from the curated ``_TECH_CUES`` map.
    """
    if software:
        low = title.lower()
        return any(cue in low for w in words(text.lower()) for cue in _TECH_CUES.get(w, ()))
    return bool(tool_heads(title, example) & content_stems(text))


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
    """A tool of this occupation whose kind the text names (see ``plausible_tool``)."""
    task = content_stems(text)
    best: tuple[int, str, Tool] | None = None
    for tool in brief.tools:
        if not plausible_tool(text, tool.commodity_title, tool.example, software=False):
            continue
        shared = len(task & content_stems(f"{tool.commodity_title} {tool.example}"))
        if best is None or (shared, tool.example) > (best[0], best[1]):
            best = (shared, tool.example, tool)
    return best[2] if best else None


def _acronym_tail(name: str) -> str | None:
    """O*NET's "Programmable logic controllers PLC" as "programmable logic controllers
    (PLC)", "Global positioning system GPS receivers" as "global positioning system (GPS)
    receivers": a sentence-case name with its acronym after the words it stands for.
    None for anything else."""
    parts = name.split()
    found = [
        i for i, w in enumerate(parts) if i >= 2 and w.isalpha() and w.isupper() and len(w) > 1
    ]
    if len(found) != 1:
        return None
    at = found[0]
    if any(not w.islower() for i, w in enumerate(parts[1:], 1) if i != at):
        return None  # "Microsoft Visual Basic VB" is a product name: left as it is
    parts[at] = f"({parts[at]})"
    return lower_first(" ".join(parts))


def tech_phrase(tech: Technology) -> str:
    """'in Salesforce' style phrase naming a product, or the kind of software."""
    example = tech.example.strip()
    if len(words(example)) > 4 or example.lower() == tech.commodity_title.lower():
        return f"using {_acronym_tail(tech.commodity_title) or lower_first(tech.commodity_title)}"
    return f"using {_acronym_tail(example) or example}"


def tool_phrase(tool: Tool) -> str:
    """'using arc welders' style phrase naming a tool of the occupation."""
    example = tool.example.strip()
    if len(words(example)) > 4:
        example = tool.commodity_title
    if spelt := _acronym_tail(example):
        return f"using {spelt}"
    # "Swan Ganz artery catheters" is a name; "Wirefeed welders" is O*NET's sentence case.
    if any(w[:1].isupper() for w in example.split()[1:]):
        return f"using {example}"
    return f"using {lower_first(example)}"
