"""Quality rules over durable skills; each finding is a ``Problem``, never an exception.

Rule ids (severity):
    durable.domains (error)     the ten domains, once each, ranked 1-10
    durable.count (error)       2-4 statements per level, 9-12 per domain, orders 1..n
    text.dash (error)           exactly one spaced em dash, between title and behaviour
    text.period (error)         ends with one period
    text.words (error)          10-40 words
    text.chars (error)          40-300 characters
    grammar.doubled (error)     a word repeated ("the the")
    grammar.dangling (error)    a conjunction or preposition before the dash or the period
    grammar.case (error)        title starts in lower case, or behaviour in upper case
    grammar.na (error)          "n/a", empty parentheses, doubled spaces, space before a comma
    duplicate.text (error)      the same statement (or title) twice on the page
    cite.framework (error)      no durable-skills framework named
    cite.foreign (error)        an anchor that is not a record of this occupation
    cite.release (error)        an anchor of another release
    cite.missing (warning)      a statement with no O*NET anchor

The text and grammar checks are the shared plain functions of ``validate/text.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from skillsx.models import Anchor, Brief, DurableLevel, DurableSkills, Problem
from skillsx.validate.text import form_findings

DOMAIN_NAMES = (
    "Communication",
    "Leadership",
    "Metacognition",
    "Critical Thinking",
    "Collaboration",
    "Character",
    "Creativity",
    "Growth Mindset",
    "Mindfulness",
    "Fortitude",
)
MIN_WORDS, MAX_WORDS = 10, 40
MIN_CHARS, MAX_CHARS = 40, 300
PER_LEVEL = (2, 4)
PER_DOMAIN = (9, 12)
#: Records a problem: ``add(rule, severity, message)``.
Add = Callable[[str, str, str], None]


#: Key of ``valid_records`` holding the releases an anchor may cite.
RELEASES = "release"
_last_valid: list[tuple[Brief, dict[str, set[str]]]] = []


def valid_records(brief: Brief) -> dict[str, set[str]]:
    """Record IDs of this occupation that a statement may cite, by anchor kind, and under
    ``RELEASES`` the releases they may come from (the brief's and its extra 29.x files)."""
    # The durable and AI-use checks of one page ask for the same brief in turn.
    last = _last_valid[0] if _last_valid else None  # read once: another thread may replace it
    if last is not None and last[0] is brief:
        return last[1]
    valid = {
        "task": {str(t.id) for t in brief.tasks},
        "dwa": {d.id for t in brief.tasks for d in t.dwas},
        "element": {d.element_id for t in brief.tasks for d in t.dwas}
        | {e.element_id for e in [*brief.skills, *brief.knowledge, *brief.abilities]}
        | {w.element_id for w in brief.work_styles},
        "technology": {str(t.commodity_code) for t in brief.technology},
        "tool": {str(t.commodity_code) for t in brief.tools},
        RELEASES: {brief.release} | {e.release for e in [*brief.skills, *brief.knowledge]},
    }
    _last_valid[:] = [(brief, valid)]
    return valid


# The shared form checks (``validate.text.form_findings``) under this module's rule ids.
_FORM_RULES = {
    "dash": "text.dash",
    "period": "text.period",
    "words": "text.words",
    "chars": "text.chars",
    "doubled": "grammar.doubled",
    "dangling": "grammar.dangling",
    "seam": "grammar.na",
}


def check_text(title: str, body: str, add: Add) -> None:
    """Form and grammar rules shared by durable and AI-use statements."""
    text = f"{title} — {body}"
    for check, message in form_findings(
        text,
        (("title", title), ("behaviour", body)),
        (MIN_WORDS, MAX_WORDS),
        (MIN_CHARS, MAX_CHARS),
    ):
        add(_FORM_RULES[check], "error", message)
    if not title[:1].isupper():
        add("grammar.case", "error", f"Title must start with a capital: {title!r}.")
    if body[:1].isupper():
        add("grammar.case", "error", f"Behaviour must start in lower case: {body!r}.")


def check_anchors(
    anchors: Iterable[Anchor], brief: Brief, valid: dict[str, set[str]], add: Add
) -> None:
    """Every anchor a record of this occupation, of the brief's release (or its extra one)."""
    releases = valid[RELEASES]
    for a in anchors:
        if a.id not in valid.get(a.kind, set()):
            add("cite.foreign", "error", f"{a.kind} {a.id} is not a record of {brief.soc}.")
        elif a.release not in releases:
            add("cite.release", "error", f"{a.kind} {a.id} cites release {a.release}.")


def validate_durable(d: DurableSkills, brief: Brief) -> list[Problem]:
    """Run every durable-skills rule over one occupation's domains."""
    out: list[Problem] = []

    def adder(where: str) -> Add:
        def add(rule: str, severity: str, message: str) -> None:
            out.append(
                Problem(rule=rule, severity=severity, soc=d.soc, where=where, message=message)  # type: ignore[arg-type]
            )

        return add

    names = [dom.name for dom in d.domains]
    if sorted(names) != sorted(DOMAIN_NAMES):
        adder("durable")("durable.domains", "error", f"Domains are {names}; expected the ten.")
    if [dom.rank for dom in d.domains] != list(range(1, len(d.domains) + 1)):
        adder("durable")("durable.domains", "error", "Domains are not ranked 1 to 10 in order.")
    valid = valid_records(brief)
    seen_text: dict[str, str] = {}
    seen_title: dict[str, str] = {}
    for dom in d.domains:
        total = len(dom.statements)
        if not PER_DOMAIN[0] <= total <= PER_DOMAIN[1]:
            adder(dom.id)("durable.count", "error", f"{dom.name} has {total} statements; 9-12.")
        for level in DurableLevel:
            stmts = dom.level(level)
            where = f"{dom.id}/{level.value}"
            if not PER_LEVEL[0] <= len(stmts) <= PER_LEVEL[1]:
                adder(where)(
                    "durable.count", "error", f"{level.label} has {len(stmts)} statements; 2-4."
                )
            if [s.order for s in stmts] != list(range(1, len(stmts) + 1)):
                adder(where)("durable.count", "error", f"{level.label} is not numbered 1..n.")
            for s in stmts:
                at = f"{where}#{s.order}"
                add = adder(at)
                check_text(s.title, s.behaviour, add)
                key = s.text.lower()
                if key in seen_text:
                    add("duplicate.text", "error", f"Same statement as {seen_text[key]}.")
                seen_text.setdefault(key, at)
                if s.title.lower() in seen_title:
                    add("duplicate.text", "error", f"Same title as {seen_title[s.title.lower()]}.")
                seen_title.setdefault(s.title.lower(), at)
                if not s.framework:
                    add("cite.framework", "error", "No durable-skills framework is named.")
                if not s.anchors:
                    add("cite.missing", "warning", "No O*NET record grounds this statement.")
                check_anchors(s.anchors, brief, valid, add)
    return out
