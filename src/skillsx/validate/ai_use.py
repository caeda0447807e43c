"""Quality rules over AI-use statements; each finding is a ``Problem``.

Rule ids (severity), besides the text, grammar and cite rules of ``validate/durable.py`` (whose
text checks are the shared functions of ``validate/text.py``):
    ai.count (error)            2-4 statements at each of the four levels, orders 1..n
    ai.verb (error)             the action does not open with a lower-case verb
    ai.evidence (error)         a standard-confidence statement without an AEI record, or a
                                lower-confidence one with one
    ai.evidence.foreign (error) an AEI record whose task is not a task of this occupation
    ai.confidence (error)       lower-confidence statements where AEI evidence exists, or the
                                reverse, or no note saying why
    duplicate.text (error)      the same statement twice

Over the evidence pack (``validate_evidence``):
    evidence.display (error)    a figure shown as nothing or as the impossible: a share rounded
                                to zero ("0.00%", "0.000%") or shown as 0 when its value is not,
                                a percentile outside 1st-99th ("0th", "100th"), an available
                                figure with no display or an unavailable one with a value
"""

from __future__ import annotations

import re

from skillsx.models import AiUse, Brief, EvidencePack, Level, Problem
from skillsx.validate.durable import Add, check_anchors, check_text, valid_records
from skillsx.validate.text import words

PER_LEVEL = (2, 4)
#: Opening verbs of the AI-use templates: an action must open with one of them.
OPENING_VERBS = frozenset(
    "prepare ask keep flag use give check note show decide set plan test draw review judge "
    "redesign apply compare treat".split()
)


def validate_ai_use(a: AiUse, brief: Brief) -> list[Problem]:
    """Run every AI-use rule over one occupation's statements."""
    out: list[Problem] = []

    def adder(where: str) -> Add:
        def add(rule: str, severity: str, message: str) -> None:
            out.append(
                Problem(rule=rule, severity=severity, soc=a.soc, where=where, message=message)  # type: ignore[arg-type]
            )

        return add

    valid = valid_records(brief)
    tasks = {t.id for t in brief.tasks}
    seen: dict[str, str] = {}
    if not a.note:
        adder("ai")("ai.confidence", "error", "No note says what grounds the statements.")
    for level in Level:
        stmts = a.level(level)
        if not PER_LEVEL[0] <= len(stmts) <= PER_LEVEL[1]:
            adder(f"ai/{level.value}")(
                "ai.count", "error", f"{level.label} has {len(stmts)} statements; 2-4."
            )
        if [s.order for s in stmts] != list(range(1, len(stmts) + 1)):
            adder(f"ai/{level.value}")("ai.count", "error", f"{level.label} is not numbered 1..n.")
        for s in stmts:
            at = f"ai/{level.value}#{s.order}"
            add = adder(at)
            check_text(s.subject, s.action, add)
            verb = next(iter(words(s.action)), "")
            if verb not in OPENING_VERBS:
                add("ai.verb", "error", f"Action opens with {verb!r}, not a known verb.")
            if s.text.lower() in seen:
                add("duplicate.text", "error", f"Same statement as {seen[s.text.lower()]}.")
            seen.setdefault(s.text.lower(), at)
            if not s.anchors:
                add("cite.missing", "error", "No O*NET task grounds this statement.")
            check_anchors(s.anchors, brief, valid, add)
            if s.confidence == "standard" and not s.evidence:
                add("ai.evidence", "error", "No AEI record cited.")
            if s.confidence == "lower" and s.evidence:
                add("ai.evidence", "error", "Lower-confidence statement cites an AEI record.")
            if (s.confidence == "lower") == a.has_aei:
                add(
                    "ai.confidence",
                    "error",
                    f"Confidence {s.confidence!r} but has_aei={a.has_aei}.",
                )
            for e in s.evidence:
                if e.task_id not in tasks:
                    add("ai.evidence.foreign", "error", f"AEI task {e.task_id} is not of {a.soc}.")
                elif str(e.task_id) not in {x.id for x in s.anchors if x.kind == "task"}:
                    add("ai.evidence", "error", f"AEI task {e.task_id} is not among the anchors.")
                if e.aei_release != a.aei_release:
                    add("ai.evidence", "error", f"AEI record of release {e.aei_release}.")
    return out


#: A percentage written with digits that are all zero: "0.00%", "0.000%" (but not "0%").
_ZERO_SHOWN = re.compile(r"^0\.0+%$")
_PERCENTILE = re.compile(r"^(\d+)(?:st|nd|rd|th) percentile$")


def display_problem(value: object, display: str, available: bool) -> str | None:
    """Why a figure's display misleads, or None."""
    if not available:
        return "An unavailable figure carries a value." if value is not None else None
    if not display or display == "unavailable":
        return "An available figure has no display."
    if _ZERO_SHOWN.match(display):
        return f"{display!r} shows a share rounded to nothing."
    if display.startswith("0%") and isinstance(value, float | int) and value > 0:
        return f"{display!r} shows {value} as zero."
    m = _PERCENTILE.match(display)
    if m and not 1 <= int(m.group(1)) <= 99:
        return f"{display!r} is no percentile."
    return None


def validate_evidence(pack: EvidencePack) -> list[Problem]:
    """Every figure of the evidence pack shown as a reader can take it."""
    out = []
    for f in [*pack.figures, *pack.interactions]:
        message = display_problem(f.value, f.display, f.available)
        if message:
            out.append(
                Problem(
                    rule="evidence.display",
                    severity="error",
                    soc=pack.soc,
                    where=f"evidence/{f.key}",
                    message=message,
                )
            )
    return out
