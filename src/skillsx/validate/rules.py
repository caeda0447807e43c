"""Quality rules over a composed framework; each finding is a ``Problem``, never an exception.

Rule ids (severity):
    structure.levels (error)          four levels, ten statements each, orders 1-10
    structure.dash (error)            exactly one spaced em dash, between subject and action
    structure.period (error)          the statement ends with one period
    structure.words (error)           13-24 words
    structure.chars (error)           40-260 characters
    grammar.doubled (error)           a word repeated ("the the")
    grammar.dangling (error)          a conjunction or preposition before the dash or period
    grammar.case (error)              subject starts in lower case
    grammar.na (error)                "n/a", empty (), double spaces, space before punctuation
    grammar.qualifier (warning)       the same qualifier twice in one statement
    subject.verb (error)              the subject opens with a base-form verb
    subject.task (error)              the subject is a task statement of the brief
    action.verb (error)               the action does not open with a base-form verb
    duplicate.action (error)          two action phrases nearly the same (token Jaccard)
    duplicate.theme (error)           one theme at two levels with the same verb or scope
    level.marker (error)              a phrase that contradicts the statement's level
    level.generic (error)             an Advanced action that names no concrete object ("shape
                                      policy on them") or reads as boilerplate
    grammar.phrasal (error)           a pronoun after a phrasal verb's particle ("set up them")
    grammar.vague (error)             "lead/manage/coordinate it/them" when the subject names people
    grammar.capital (error)           a capitalised common noun mid-sentence ("using Blenders")
    subject.leftover (error)          a subject carrying a verb or list leftover ("Examinations and
                                      make diagnoses", "Programs, advising or consulting")
    style.closer (error)              the same closing phrase twice within one level
    level.scope (error)               two scope phrases in one action ("for the whole team across
                                      several teams"), or one unit twice ("on simple tasks on own
                                      tasks")
    grammar.stacked (error)           two prepositions in a row ("the budget for on vessels")
    level.zone (error)                boardroom wording ("the board", "the executive team") for an
                                      occupation of Job Zone 1-3, whose top level runs the work
    grammar.echo (error)              the action's verb echoed by its own nominal ("prepare simple
                                      preparation")
    subject.nominal (error)           a light verb turned into a noun ("Assistance provision",
                                      "Research conduct", "Upkeep", "Provision of patients")
    subject.credential (warning)      the subject is a licence, card or certificate, not work
    subject.people (error)            the subject names people and no work ("Chefs or caterers")
    subject.list (error)              an unfinished comma list ("Tonnage, hold capacities, volumes")
    subject.clause (error)            a clause inside the subject ("Clients improve reasoning")
    setting.unrelated (error)         a tool or technology the statement's task does not call for
    context.case (error)              a capitalised common noun in "context covered"
    build.position (warning)          across a build, the same closer or action skeleton at the
                                      same level and position in over 10% of frameworks
                                      (``validate_build``)
    coverage.core (warning)           under 90% of Core tasks anchored
    anchors.missing (error)           a statement without anchors
    anchors.foreign (error)           an anchor that is not a record of this brief
    anchors.release (error)           an anchor of another release
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import combinations
from typing import Any, Protocol

from skillsx.compose.levels import PROFILES, hands_on, unit_of
from skillsx.compose.lexicon import BASE_VERBS, NOMINALS, NOUNISH_VERBS
from skillsx.compose.phrases import (
    ADJECTIVE_VERBS,
    ADJECTIVES,
    clause_inside,
    light_nominal,
    loose_list,
    names_people,
    opens_with_verb,
    people_only,
)
from skillsx.compose.settings import plausible_tool
from skillsx.models import Brief, Framework, Level, Problem, Statement
from skillsx.validate.text import form_findings, words

MIN_WORDS, MAX_WORDS = 13, 24
MIN_CHARS, MAX_CHARS = 40, 260
PER_LEVEL = 10
JACCARD_LIMIT = 0.6
COVERAGE_WARN = 0.9

_QUALIFIERS = (
    "independently",
    "under direct guidance",
    "without supervision",
    "across the organisation",
    "organisation-wide",
    "across the organization",
    "organization-wide",
    "routine",
    "following set procedures",
)
_STOPWORDS = frozenset("a an the and or of to for in on at with by from as own their its".split())


_words = words


@lru_cache(maxsize=1024)
def _phrase_re(phrase: str) -> re.Pattern[str]:
    """A phrase as a whole-word pattern (compiled once)."""
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}\b")


def _problem(rule: str, severity: str, fw: Framework, where: str, message: str) -> Problem:
    return Problem(rule=rule, severity=severity, soc=fw.soc, where=where, message=message)  # type: ignore[arg-type]


def _where(s: Statement) -> str:
    return f"{s.level.value}#{s.order}"


def check_structure(fw: Framework) -> list[Problem]:
    """Four levels of exactly ten statements, ordered 1 to 10."""
    out = []
    for level in Level:
        stmts = fw.level(level)
        if len(stmts) != PER_LEVEL:
            out.append(
                _problem(
                    "structure.levels",
                    "error",
                    fw,
                    level.value,
                    f"{level.label} has {len(stmts)} statements; expected {PER_LEVEL}.",
                )
            )
        elif [s.order for s in stmts] != list(range(1, PER_LEVEL + 1)):
            out.append(
                _problem(
                    "structure.levels",
                    "error",
                    fw,
                    level.value,
                    f"{level.label} statements are not numbered 1 to {PER_LEVEL}.",
                )
            )
    return out


# The shared form checks (``validate.text.form_findings``) under this module's rule ids.
_FORM_RULES = {
    "dash": "structure.dash",
    "period": "structure.period",
    "words": "structure.words",
    "chars": "structure.chars",
    "doubled": "grammar.doubled",
    "dangling": "grammar.dangling",
    "seam": "grammar.na",
}


def check_statement(fw: Framework, s: Statement, brief: Brief | None = None) -> list[Problem]:
    """Form, grammar, subject and action rules for one statement."""
    out: list[Problem] = []
    where = _where(s)
    text = s.text

    def add(rule: str, severity: str, message: str) -> None:
        out.append(_problem(rule, severity, fw, where, message))

    for check, message in form_findings(
        text,
        (("subject", s.subject), ("action", s.action)),
        (MIN_WORDS, MAX_WORDS),
        (MIN_CHARS, MAX_CHARS),
    ):
        add(_FORM_RULES[check], "error", message)
    if s.subject[:1].islower() or not s.subject[:1].isalnum():
        add("grammar.case", "error", f"Subject must start with a capital: {s.subject!r}.")
    for q in _QUALIFIERS:
        if len(_phrase_re(q).findall(text.lower())) > 1:
            add("grammar.qualifier", "warning", f"Qualifier {q!r} repeated.")
    if opens_with_verb(s.subject):
        add("subject.verb", "error", f"Subject opens with a verb: {s.subject!r}.")
    if brief is not None:
        tasks = {t.text.rstrip(". ").lower() for t in brief.tasks}
        if s.subject.rstrip(". ").lower() in tasks:
            add("subject.task", "error", "Subject repeats a task statement word for word.")
    verb = _words(s.action)[0] if _words(s.action) else ""
    if verb.lower() not in BASE_VERBS or verb[:1].isupper():
        add("action.verb", "error", f"Action must open with a lower-case base-form verb: {verb!r}.")
    for phrase in PROFILES[s.level].forbidden:
        # The subject names the work ("Coaching of new staff"); the action carries the level.
        if _phrase_re(phrase).search(s.action.lower()):
            add("level.marker", "error", f"{phrase!r} contradicts the {s.level.label} level.")
    for rule, message in check_wording(s, brief):
        add(rule, "error", message)
    for rule, severity, message in check_form(s, brief):
        add(rule, severity, message)
    return out


# Scope phrases; an action says its scope once (the composer's ``SCOPE_MARKER``).
_SCOPE = re.compile(
    r"\b(?:for the whole|across (?:the|all|several|every|own|a)\b|organi[sz]ation-wide|"
    r"for own|on assigned|within own|on own (?!initiative))"
)
# A prepositional phrase's unit ("on simple tasks", "for own jobs", "across the team's
# vehicles"): one unit twice in an action is its scope said twice.
_UNIT = re.compile(
    r"\b(?:on|for|across|within)\s+(?:(?:the team's|own|assigned|simple|standard|routine|"
    r"simple, well-defined|a full|a normal|the whole)\s+)?([a-z]+s|work|workload)\b"
)
# Two prepositions in a row ("plan the budget for on vessels"); "out of", "up to", "as
# for" are fine English, so only these pairs are flagged.
_STACKED = re.compile(
    r"\b(?:for|to|with|of|on|in|across|within) (?:on|in|for|across|within)(?![\w-])"
)
_BOARDROOM = re.compile(r"\b(?:the board|executive team|c-suite|shareholders)\b")
_CREDENTIAL = frozenset(
    "license licenses licence licences card cards certificate certificates certification "
    "permit permits credential credentials".split()
)


def check_form(s: Statement, brief: Brief | None = None) -> list[tuple[str, str, str]]:
    """Scope said twice, boardroom words in hands-on work, echoes and nominalised light verbs."""
    out: list[tuple[str, str, str]] = []
    action = s.action.lower()
    scopes = _SCOPE.findall(action)
    if len(scopes) > 1:
        out.append(("level.scope", "error", f"Scope said twice: {scopes!r}."))
    units = Counter(unit_of(unit) for unit in _UNIT.findall(action))
    if twice := [unit for unit, n in units.items() if n > 1]:
        out.append(("level.scope", "error", f"The scope said twice ({twice[0]}): {s.action!r}."))
    if m := _STACKED.search(action):
        out.append(("grammar.stacked", "error", f"Two prepositions in a row: {m[0]!r}."))
    zone = brief.job_zone.zone if brief is not None and brief.job_zone else None
    m = _BOARDROOM.search(action)
    if m and hands_on(zone):
        out.append(("level.zone", "error", f"{m[0]!r} does not fit a Job Zone {zone} occupation."))
    verb = _words(action)[0] if _words(action) else ""
    noun = NOMINALS.get(verb, "")
    head = " ".join(_words(action)[1:6])
    if noun and noun != verb and not noun.endswith("ing") and re.search(rf"\b{noun}\b", head):
        out.append(("grammar.echo", "error", f"{verb!r} echoed by {noun!r}: {s.action!r}."))
    if light_nominal(s.subject):
        out.append(("subject.nominal", "error", f"A verb made into a noun: {s.subject!r}."))
    if loose_list(s.subject):
        out.append(("subject.list", "error", f"An unfinished comma list: {s.subject!r}."))
    if clause_inside(s.subject):
        out.append(("subject.clause", "error", f"A clause inside the subject: {s.subject!r}."))
    if people_only(s.subject):
        out.append(("subject.people", "error", f"Names people, not work: {s.subject!r}."))
    last = _words(s.subject)[-1].lower() if _words(s.subject) else ""
    if last in _CREDENTIAL:
        out.append(("subject.credential", "warning", f"Names a credential: {s.subject!r}."))
    return out


_PHRASAL = re.compile(r"\b([a-z]+) (up|out|off|down|away|back|over) (it|them)\b")
_LEAD_PRONOUN = re.compile(
    r"\b(lead|manage|coordinate|direct|supervise|oversee|organise|organize|run|head) (it|them)\b"
)
_BOILERPLATE = (
    "represent the organisation in high-level",
    "represent the organization in high-level",
    "shape policy on it",
    "shape policy on them",
    "learn to handle",
)


def closer(action: str) -> str:
    """The closing phrase of an action: what follows its last comma ("" if none)."""
    body = action.rstrip(".")
    return body.rsplit(", ", 1)[1].strip().lower() if ", " in body else ""


def check_wording(s: Statement, brief: Brief | None = None) -> list[tuple[str, str]]:
    """Wording that would embarrass a reader: pronoun order, vague objects, leftovers."""
    out: list[tuple[str, str]] = []
    action = s.action.lower()
    m = _PHRASAL.search(action)
    if m:
        out.append(("grammar.phrasal", f"Write '{m[1]} {m[3]} {m[2]}', not {m[0]!r}."))
    m = _LEAD_PRONOUN.search(action)
    if m and names_people(s.subject):
        out.append(("grammar.vague", f"{m[0]!r} about people: name them ('lead the team')."))
    if s.level == Level.ADVANCED:
        head = action.split(",")[0]
        if re.search(r"\b(it|them)\b", head):
            out.append(("level.generic", f"Advanced action names no concrete object: {head!r}."))
    for phrase in _BOILERPLATE:
        if phrase in action:
            out.append(("level.generic", f"Boilerplate phrase {phrase!r}."))
    toks = _words(s.subject)
    for i, (a, b) in enumerate(zip(toks, toks[1:], strict=False)):
        if (
            a.lower() in {"and", "or"}
            and b.lower() in BASE_VERBS
            and b.lower() not in NOUNISH_VERBS
            and not (i and toks[i - 1].lower() in ADJECTIVES and b.lower() in ADJECTIVE_VERBS)
        ):
            out.append(("subject.leftover", f"Subject carries a verb: {s.subject!r}."))
            break
    leftover = toks and toks[0].lower() in {"other", "such", "them", "those", "these", "it"}
    if re.search(r", [a-z]+ing\b|\b(and|or) [a-z]+ (them|it)$", s.subject) or leftover:
        out.append(("subject.leftover", f"Subject carries a list leftover: {s.subject!r}."))
    for w in _words(s.action)[1:]:
        if w[:1].isupper() and not _proper(w, brief):
            out.append(("grammar.capital", f"Capitalised common noun {w!r} mid-sentence."))
            break
    if brief is not None:
        problem = _unrelated_setting(s, brief)
        if problem:
            out.append(("setting.unrelated", problem))
    return out


def _proper_names(brief: Brief | None) -> set[str]:
    """Words that may stay capitalised: product names from the brief's technology."""
    if brief is None:
        return set()
    names = {w for t in brief.technology for w in _words(t.example) if w[:1].isupper()}
    # A tool example with capitals past its first word is a name ("Swan Ganz catheters").
    for tool in brief.tools:
        toks = _words(tool.example)
        if any(w[:1].isupper() for w in toks[1:]):
            names |= {w for w in toks if w[:1].isupper()}
    # O*NET's own capitals in this occupation's task and DWA texts ("Congressional Record").
    for t in brief.tasks:
        toks = _words(t.text)
        names |= {w for w in toks[1:] if w[:1].isupper()}
    return names | set(_words(brief.title)) | _LANGUAGES


_LANGUAGES = frozenset({"English", "Spanish", "French", "American", "Sign"})


def _proper(word: str, brief: Brief | None) -> bool:
    if word.isupper() or any(c.isupper() for c in word[1:]) or any(c.isdigit() for c in word):
        return True
    if re.match(r"^[A-Z]-", word):  # "C-clamps", "T-squares"
        return True
    return word in _proper_names(brief)


def _unrelated_setting(s: Statement, brief: Brief) -> str:
    """A named tool or technology whose kind the statement's tasks and activities never call for."""
    tasks = {str(t.id): t for t in brief.tasks}
    dwas = {d.id: d.title for t in brief.tasks for d in t.dwas}
    text = " ".join(
        [tasks[a.id].text for a in s.anchors if a.kind == "task" and a.id in tasks]
        + [dwas[a.id] for a in s.anchors if a.kind == "dwa" and a.id in dwas]
    )
    if not text:
        return ""
    # Several tools can share a commodity code ("wheel balancers", "wheel aligners"): the one
    # the action names is the one to judge.
    items: dict[tuple[str, str], list[Any]] = {}
    for t in brief.tools:
        items.setdefault(("tool", str(t.commodity_code)), []).append(t)
    for tech in brief.technology:
        items.setdefault(("technology", str(tech.commodity_code)), []).append(tech)
    action = s.action.lower()
    for a in s.anchors:
        for item in items.get((a.kind, a.id), []):
            named = item.example.lower() in action or item.commodity_title.lower() in action
            if named and not plausible_tool(
                text, item.commodity_title, item.example, software=a.kind == "technology"
            ):
                return f"{item.example!r} ({item.commodity_title}) does not serve this task."
            if named:
                break
    return ""


def check_closers(fw: Framework) -> list[Problem]:
    """The same closing phrase used twice within one level."""
    out = []
    for level in Level:
        seen: dict[str, Statement] = {}
        for s in fw.level(level):
            c = closer(s.action)
            if c and c in seen:
                out.append(
                    _problem(
                        "style.closer",
                        "error",
                        fw,
                        f"{_where(seen[c])}~{_where(s)}",
                        f"Closer {c!r} repeated within {level.label}.",
                    )
                )
            seen.setdefault(c, s)
    return out


def check_context(fw: Framework, brief: Brief) -> list[Problem]:
    """Capitalised common nouns inside the "context covered" sentences."""
    names = _proper_names(brief)
    out = []
    for sentence in re.split(r"(?<=[.:])\s+", fw.context_covered):
        for w in _words(sentence)[1:]:
            if w[:1].isupper() and w not in names and not _proper(w, None):
                out.append(_problem("context.case", "error", fw, "context", f"Capitalised {w!r}."))
                break
    return out


_TEMPLATE_SHARE = 0.2
POSITION_LIMIT = 0.1


class _Statements(Protocol):
    @property
    def soc(self) -> str: ...

    @property
    def statements(self) -> list[Statement]: ...


def validate_build(frameworks: Sequence[_Statements]) -> list[Problem]:
    """Across a build: a closer or action skeleton that recurs at one position everywhere.

    Takes frameworks, or anything with their ``soc`` and ``statements``.
    """
    from collections import Counter

    n = len(frameworks)
    if n < 20:
        return []
    df: Counter[str] = Counter()
    for fw in frameworks:
        df.update({w.lower() for s in fw.statements for w in _words(s.action)})
    common = {w for w, c in df.items() if c >= _TEMPLATE_SHARE * n}

    def skeleton(action: str) -> str:
        toks = [w.lower() if w.lower() in common else "_" for w in _words(action.split(",")[0])]
        return re.sub(r"(_ )+_", "_", " ".join(toks))

    keys: dict[tuple[str, int, str], list[str]] = {}
    for fw in frameworks:
        for s in fw.statements:
            for kind, value in (("closer", closer(s.action)), ("skeleton", skeleton(s.action))):
                if value and value != "_":
                    keys.setdefault((s.level.value, s.order, f"{kind} {value!r}"), []).append(
                        fw.soc
                    )
    out = []
    for (level, order, what), socs in sorted(keys.items()):
        if len(socs) > POSITION_LIMIT * n:
            message = f"{what} at {level}#{order} in {len(socs)} of {n} frameworks."
            out += [
                Problem(
                    rule="build.position",
                    severity="warning",
                    soc=soc,
                    where=f"{level}#{order}",
                    message=message,
                )
                for soc in socs
            ]
    return out


def _tokens(action: str) -> set[str]:
    return {w.lower() for w in _words(action)} - _STOPWORDS


def check_duplicates(fw: Framework) -> list[Problem]:
    """Near-duplicate actions within a level; a theme that only swaps a qualifier up the ladder."""
    out = []
    for level in Level:
        for a, b in combinations(fw.level(level), 2):
            ta, tb = _tokens(a.action), _tokens(b.action)
            jac = len(ta & tb) / max(1, len(ta | tb))
            if jac >= JACCARD_LIMIT or a.text == b.text:
                out.append(
                    _problem(
                        "duplicate.action",
                        "error",
                        fw,
                        f"{_where(a)}~{_where(b)}",
                        f"Actions are {jac:.0%} alike.",
                    )
                )
    by_theme: dict[tuple[str, str], list[Statement]] = {}
    for s in fw.statements:
        by_theme.setdefault((s.theme, s.subject), []).append(s)
    for stmts in by_theme.values():
        for a, b in combinations(stmts, 2):
            if a.level == b.level:
                continue
            if _words(a.action)[:1] == _words(b.action)[:1]:
                out.append(
                    _problem(
                        "duplicate.theme",
                        "error",
                        fw,
                        f"{_where(a)}~{_where(b)}",
                        f"Theme {a.theme} opens with the same verb at two levels.",
                    )
                )
            elif _tokens(a.action) == _tokens(b.action):
                out.append(
                    _problem(
                        "duplicate.theme",
                        "error",
                        fw,
                        f"{_where(a)}~{_where(b)}",
                        f"Theme {a.theme} repeats its action at two levels.",
                    )
                )
    return out


def check_anchors(fw: Framework, brief: Brief) -> list[Problem]:
    """Every statement anchored, only to records of this brief and release."""
    valid = {
        "task": {str(t.id) for t in brief.tasks},
        "dwa": {d.id for t in brief.tasks for d in t.dwas},
        "element": {d.element_id for t in brief.tasks for d in t.dwas}
        | {e.element_id for e in [*brief.skills, *brief.knowledge]}
        | {w.element_id for w in brief.work_styles},
        "technology": {str(t.commodity_code) for t in brief.technology},
        "tool": {str(t.commodity_code) for t in brief.tools},
        # A task of the supervising occupation: cited as that occupation's record.
        "supervisor_task": (
            {f"{brief.supervisor.soc}:{t.id}" for t in brief.supervisor.tasks}
            if brief.supervisor
            else set()
        ),
        "scale_anchor": {f"{a.element_id}@{a.value:g}" for a in brief.scale_anchors},
    }
    releases = {brief.release} | {e.release for e in [*brief.skills, *brief.knowledge]}
    out = []
    for s in fw.statements:
        if not s.anchors:
            out.append(_problem("anchors.missing", "error", fw, _where(s), "No anchors."))
        for a in s.anchors:
            if a.id not in valid.get(a.kind, set()):
                out.append(
                    _problem(
                        "anchors.foreign",
                        "error",
                        fw,
                        _where(s),
                        f"{a.kind} {a.id} is not a record of {brief.soc}.",
                    )
                )
            elif a.release not in releases:
                out.append(
                    _problem(
                        "anchors.release",
                        "error",
                        fw,
                        _where(s),
                        f"{a.kind} {a.id} cites release {a.release}; brief is {brief.release}.",
                    )
                )
    return out


def check_coverage(fw: Framework, brief: Brief) -> list[Problem]:
    """Warn when under 90% of Core tasks (all tasks, if none is typed) are anchored."""
    core = [t for t in brief.tasks if t.type == "Core"] or list(brief.tasks)
    if not core:
        return []
    cited = {a.id for s in fw.statements for a in s.anchors if a.kind == "task"}
    share = sum(str(t.id) in cited for t in core) / len(core)
    if share < COVERAGE_WARN:
        return [
            _problem(
                "coverage.core",
                "warning",
                fw,
                "framework",
                f"{share:.0%} of {len(core)} Core tasks are anchored; aim for 90%.",
            )
        ]
    return []


def validate_framework(framework: Framework, brief: Brief) -> list[Problem]:
    """Run every rule over one framework and its brief."""
    problems = check_structure(framework)
    for s in sorted(framework.statements, key=lambda s: (list(Level).index(s.level), s.order)):
        problems += check_statement(framework, s, brief)
    problems += check_duplicates(framework)
    problems += check_closers(framework)
    problems += check_context(framework, brief)
    problems += check_anchors(framework, brief)
    problems += check_coverage(framework, brief)
    return problems
