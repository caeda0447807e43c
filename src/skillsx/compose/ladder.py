"""The ladder composer (grounded engine 0.2): each level draws its own ten statements.

Every level has its own pool, chosen from the whole O*NET record of the occupation:

- Emerging: routine core tasks, the tools and software of daily work, reading and listening,
  checking own work and reporting problems, the basics of the main knowledge area;
- Developing: the core tasks done independently, the occupation's working skills, the main
  software, sound working knowledge;
- Proficient: judgement work (analyse, assess, diagnose, plan, negotiate), coaching and
  instructing, coordination, quality, in-depth knowledge;
- Advanced: leading the work (direct, supervise, establish, plan programmes), managing
  people, money and materials; where the occupation's own tasks hold little leadership work,
  the tasks of the occupation that supervises it, cited as that occupation's records.

A task's or DWA's verb phrase is carried whole (``wording.verb_phrase``), followed by the
level's phrase about autonomy and scope, in the occupation's own words: who directs the work
(from its O*NET description), its people and its unit of work. A statement that cannot be
written cleanly within 13-24 words is dropped, never forced.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from skillsx.compose import settings as st
from skillsx.compose.elements import (
    KNOWLEDGE,
    KNOWLEDGE_ACTIONS,
    KNOWLEDGE_GRADUATE_ENTRY,
    KNOWLEDGE_GRADUATE_SITUATED,
    KNOWLEDGE_SITUATED,
    KNOWLEDGE_SITUATED_ACTIONS,
    SITUATED,
    SITUATED_CUES,
    SITUATED_FITS,
    SITUATED_KINDS,
    SITUATED_TASK_VERBS,
    SITUATED_VERBS,
    SKILLS,
    STYLES_SITUATED,
    TECH_USES,
    WORK_STYLES,
)
from skillsx.compose.levels import PROFILES, hands_on
from skillsx.compose.lexicon import BASE_VERBS, NOUNISH_VERBS, PERSON_NOUNS, all_lemmas
from skillsx.compose.phrases import (
    capitalize,
    clause_inside,
    loose_list,
    nominal,
    opens_with_verb,
    parse_task,
    subject_for,
)
from skillsx.compose.themes import _unfit, task_facet
from skillsx.compose.wording import (
    american,
    gerund_phrase,
    occupation_noun,
    plural_noun,
    supervised_by,
    verb_phrase,
)
from skillsx.models import (
    Anchor,
    Brief,
    Dwa,
    Framework,
    Level,
    RatedElement,
    Statement,
    Task,
    Theme,
)

MIN_WORDS, MAX_WORDS = 13, 24
PER_LEVEL = 10
LEVELS = (Level.EMERGING, Level.DEVELOPING, Level.PROFICIENT, Level.ADVANCED)
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’/\-]*")

# ---------------------------------------------------------------- what a task asks for

_LEAD = frozenset(
    "direct supervise manage oversee lead establish formulate allocate assign hire recruit "
    "approve authorize delegate represent budget administer".split()
)
_LEAD_OBJECTS = re.compile(
    r"\b(?:polic(?:y|ies)|programs?|programmes?|standards|procedures|budgets?|strateg(?:y|ies)|"
    r"goals|objectives|operations|activities|staff|personnel|workers|employees|crews?|"
    r"departments?|units?|teams?|subordinates|schedules)\b"
)
_JUDGE = frozenset(
    "analyze analyse assess evaluate diagnose investigate determine interpret advise consult "
    "recommend resolve negotiate estimate troubleshoot modify prescribe research study design "
    "develop plan formulate audit review identify select confer devise appraise forecast "
    "coordinate negotiate mediate arbitrate counsel".split()
)
_COACH = frozenset("train instruct teach mentor coach demonstrate orient".split())
_COACHED = re.compile(
    r"\b(?:workers|staff|employees|personnel|apprentices|trainees|helpers|assistants|"
    r"crews?|new|others|subordinates|volunteers|aides)\b"
)
_STAFF = re.compile(
    r"(?:the )?(?:work of |performance of )?(?:[a-z]+ )?(?:nurses|workers|staff|employees|"
    r"personnel|subordinates|crews?|assistants|aides|technicians|operators|attendants)\b"
)
_ROUTINE = frozenset(
    "clean record maintain prepare assist load unload operate tend measure mark collect file "
    "answer greet stock sort count move lubricate observe follow read check wash help "
    "transport deliver enter compile copy apply mix position store carry lift pack label "
    "weigh receive distribute attend replenish fill set keep obtain gather log sweep wipe "
    "dispose verify type post issue retrieve fold wrap serve cut place notify report "
    "answer escort open close turn start stop adjust feed".split()
)
# Preference of each kind of work for each level (E, D, P, A).
_PREFERENCE = {
    "learn": (1.4, 2.2, 0.0, 0.0),
    "routine": (3.0, 2.0, 0.3, 0.0),
    "core": (1.6, 3.0, 1.2, 0.0),
    "judge": (0.7, 1.4, 3.0, 1.0),
    "coach": (0.0, 0.4, 3.0, 2.0),
    "lead": (0.0, 0.2, 1.5, 3.0),
}

# Occupations whose own work is leading (managers, supervisors, heads of a function): their
# tasks as O*NET states them are the Proficient rung ("team / accounts / function" in the level
# model), and the top rung is the organisation-wide part of that leading work.
SENIOR_LEAD_TASKS = 4  # own leading tasks that make an occupation's work a leading one
_SENIOR_PREFERENCE = {
    "learn": (1.4, 2.2, 0.0, 0.0),
    "routine": (3.0, 2.0, 0.3, 0.0),
    "core": (2.0, 3.0, 1.0, 0.0),
    "judge": (1.0, 2.6, 2.6, 0.6),
    "coach": (0.0, 1.0, 3.0, 1.5),
    "lead": (0.0, 0.6, 3.0, 1.2),  # leading a team, a unit, a caseload of accounts
    "lead_org": (0.0, 0.2, 1.6, 3.0),  # policy, strategy, budgets, programmes, representation
}
_ORGANISATION_WORK = re.compile(
    r"\b(?:polic(?:y|ies)|strateg(?:y|ies|ic)|budgets?|programs?|programmes?|objectives|goals|"
    r"represent\w*|long-range|long-term|organization(?:al)?-?wide|mission|capital|"
    r"expansion|acquisitions?|mergers?)\b",
    re.IGNORECASE,
)


def preferences(text: str, senior: bool) -> tuple[float, float, float, float]:
    """How well a task or DWA sentence suits each rung (E, D, P, A)."""
    kind = work_kind(text)
    if not senior:
        return _PREFERENCE[kind]
    if kind == "lead" and _ORGANISATION_WORK.search(text):
        kind = "lead_org"
    return _SENIOR_PREFERENCE[kind]


SENIOR_LEAD_SHARE = (
    0.25  # … and at least this share of its tasks (not engineers who also supervise)
)


def leads_own_work(brief: Brief) -> bool:
    """Whether the occupation's own tasks are mostly about leading others' work."""
    leading = sum(work_kind(t.text) == "lead" for t in brief.tasks)
    return leading >= SENIOR_LEAD_TASKS and leading >= SENIOR_LEAD_SHARE * len(brief.tasks)


# Keeping up to date: the learner's own development, never a rung's leading work.
_LEARN = re.compile(
    r"^(?:attend|read|study|learn|stay|remain (?:current|abreast)|"
    r"keep (?:abreast|up|informed|current)|"
    r"(?:maintain|update|develop|expand|improve) (?:[a-z]+ ){0,3}"
    r"(?:knowledge|currency|awareness|certification|licensure|expertise|skills)|"
    r"participate in (?:[a-z]+ )?(?:training|education|workshops|seminars|conferences))\b"
    r"|\b(?:trade (?:journals|magazines|publications|shows)|continuing education|"
    r"professional development|professional (?:journals|literature|publications))\b",
    re.IGNORECASE,
)


_ESTIMATES = re.compile(r"\b(?:estimates|budgets?|forecasts?|bids|proposals|feasibility)\b")
_DIRECTED_PUBLIC = frozenset(
    """patrons customers passengers visitors guests traffic vehicles callers people public
    clients students spectators drivers""".split()
)


@lru_cache(maxsize=131072)
def work_kind(text: str) -> str:
    """What kind of work an O*NET task or DWA sentence describes (learn, routine … lead)."""
    toks = [w.lower() for w in _WORD.findall(text)]
    if not toks:
        return "core"
    if _LEARN.search(text):
        return "learn"
    verb = toks[0]
    rest = " ".join(toks[1:8])
    if verb == "direct" and toks[1:2] and toks[1] in _DIRECTED_PUBLIC:
        return "routine"  # "direct patrons to rides": showing the way, not leading
    if verb in _LEAD and (
        verb not in {"administer", "assign", "establish", "formulate", "allocate", "lead"}
        or _LEAD_OBJECTS.search(rest)
    ):
        return "lead"  # not "assign class work to students", "establish rapport", "lead
        # tours" (a reviewer's quote: "lead tours … across the organization")
    if re.search(r"\b(?:and|or) (?:approve|authorize|direct|supervise|hire|allocate)\b", text):
        return "lead"  # "prepare budgets and approve budget expenditures": the decision leads
    if verb in {"coordinate", "plan", "develop", "design", "implement", "direct"} and (
        _LEAD_OBJECTS.search(rest)
    ):
        return "lead"
    if verb in _COACH and _COACHED.search(rest):
        return "coach"
    if verb in {"observe", "monitor", "evaluate", "review", "check", "inspect"} and _STAFF.match(
        " ".join(toks[1:3])
    ):
        return "lead"  # "observe nurses", "evaluate the work of staff": watching over others
    if verb in _JUDGE or (verb == "prepare" and _ESTIMATES.search(rest)):
        return "judge"  # "prepare cost and labor estimates" is no apprentice's own work
    if verb in _ROUTINE:
        return "routine"
    return "core"


# ---------------------------------------------------------------- level phrases

# Each phrase starts with its own joiner (", " or " "). Slots: {senior} who directs the work,
# {unit} the unit of work, {peers} colleagues of the same occupation, {noun} one of them.
_EMERGING_HANDS_ON = (
    " under the direction of {senior}",
    ", as directed by {senior} and following set procedures",
    ", following set procedures, with {senior} checking the work",
    " under close supervision",
    ", asking {senior} whenever anything is unclear",
    " under supervision, reporting problems promptly to {senior}",
    ", following written instructions and checklists",
    " with guidance from {senior} while learning the job",
    ", with an experienced colleague close at hand",
    ", with each step checked by {senior}",
    ", following the instructions given",
)
_EMERGING_QUALIFIED = (
    " with guidance from {senior}",
    ", with {senior} reviewing the results",
    ", following established protocols and seeking advice on anything unusual",
    " within established procedures, raising concerns with {senior}",
    " with close review by {senior}",
    " while building experience, with support from experienced colleagues",
    ", with an experienced colleague close at hand",
    " under guidance, checking conclusions with {senior}",
    ", with {senior} signing off the finished work",
)
_DEVELOPING = (
    " without close supervision",
    " independently, referring exceptions to {senior}",
    " with periodic review by {senior}",
    " with moderate independence, escalating unusual cases",
    " within established procedures, using own judgement on everyday cases",
    " as a fully trained {noun}, referring non-routine problems to {senior}",
    " independently, keeping {senior} informed of problems",
    " without day-to-day supervision",
    " as a reliable, fully trained member of the team",
)
_PROFICIENT_HANDS_ON = (
    " as an experienced hand, showing newer {peers} how it is done",
    " and show less experienced {peers} how to do it well",
    " to a high standard without supervision, checking others' work",
    " without supervision, spotting and fixing problems early",
    " and check that others' work meets the standard",
    " and pass on the practical tricks of the trade to newer {peers}",
    ", meeting the standard consistently",
    " and help colleagues when they get stuck",
    " and spot problems before they hold up the work",
)
# Hands-on skilled work at Proficient: the hard jobs are what the experience is for (not
# "shovel snow on the most difficult jobs").
_PROFICIENT_HANDS_ON_SKILLED = (
    " on the most difficult jobs, without supervision",
    ", including difficult or unusual jobs",
    ", taking on the jobs that need the most experience",
    " as an experienced hand, showing newer {peers} how it is done",
    " to a high standard without supervision, checking others' work",
)
# Proficient everyday work: done to standard and taught; no "most demanding cases" for
# depositing valuables.
_PROFICIENT = (
    " and guide less experienced {peers} through difficult cases",
    " to a consistently high standard, coaching newer {peers} in the method",
    ", setting the example for less experienced {peers}",
    ", handling the full range of cases without supervision",
    " without supervision, including the less common cases",
    " and help colleagues with the cases they find hard",
)
# Proficient leading work: a team, a unit or a set of accounts, inside the organisation's plan.
_PROFICIENT_LEAD = (
    " for own team or unit, within the goals the organisation sets",
    " day to day, reporting results and risks to senior leaders",
    " across own team, adjusting plans as the results show",
    " for a team or function, balancing workload and priorities",
    " within own area of responsibility, escalating what exceeds it",
)
# Proficient judgement work: the hard cases are what the judgement is for.
_PROFICIENT_JUDGE = (
    ", including complex and non-routine cases",
    " in difficult or unusual cases, as the person colleagues consult",
    " in complex cases, coordinating with other specialists",
    " and mentor newer {peers} in the judgement this work needs",
)
_ADVANCED_HANDS_ON = (
    " as lead hand, setting the team's working standards",
    " as the supervisor responsible for the team's results",
    ", taking charge of the team's priorities and standards",
    " and decide how the team's work is organised and checked",
    " and train new workers in the methods and safety rules",
    " as the senior hand whose lead others follow",
    " and answer for the quality and safety of the team's work",
    " and decide who does what on each job",
    " as the person accountable for the work on site",
    " and settle problems the team cannot resolve itself",
    " as lead hand, checking the team's work before sign-off",
    ", keeping the team's work on schedule and within the rules",
)
_ADVANCED_ORGANISATION = (
    ", setting direction and standards across the organisation",
    " and set the policies and standards others follow",
    " at organisation level, shaping practice across teams",
    " and represent the work to senior leaders and outside bodies",
    " and develop the next generation of {peers}",
    " across the organisation, accountable for the results",
    " and decide how the function is organised and resourced",
    ", aligning the work with the organisation's strategy",
    " as the senior leader accountable for this work",
    ", building the capability of the wider team",
    " and champion improvements across departments",
)
_ADVANCED_OFFICE = (
    " as team lead, setting the team's working standards",
    " and decide how the team's work is organised and checked",
    " as the supervisor responsible for the team's results",
    " and coach new staff in the methods and standards",
    " and settle problems the team cannot resolve itself",
    ", keeping the team's work on schedule and to standard",
    " and review the team's output before release",
    " and plan the team's priorities week by week",
    " as the senior member whose lead others follow",
)
_ADVANCED_SUPERVISED_JUDGE = (
    " as the senior {noun} others consult on hard cases",
    " and set the method other {peers} follow in this work",
    " and review the hardest cases colleagues bring",
    " and check the soundness of colleagues' conclusions",
)
# Advanced statements built on judgement work: the leader sets how it is done.
_ADVANCED_JUDGE = (
    " and set the method the whole team follows",
    " and decide the approach the team takes on difficult cases",
    " and own the team's standards for this work",
    " and check the soundness of colleagues' conclusions",
    " and review the hardest cases colleagues bring",
)
_ADVANCED_SUPERVISED = (
    " as the senior {noun}, within the authority delegated by {senior}",
    " while leading other {peers}, within the limits set by {senior}",
    " and set the team's working standards, answering to {senior}",
    " as lead {noun}, with {senior} keeping final responsibility",
)


# Short level tags for statements whose own words carry the work (skills).
_TAGS = {
    # (", as directed" read as a stray tail: "finish assigned work as promised, as directed")
    Level.EMERGING: (", with guidance from {senior}", ", under supervision"),
    # (", independently", ", as a matter of routine", ", autonomously" and ", across the team"
    # read as bolted on: "keep working through obstacles …, independently")
    Level.DEVELOPING: (", without close supervision",),
    Level.PROFICIENT: (", in complex situations",),  # (", coaching others by example" was
    # quoted on statements that already coach)
    Level.ADVANCED: (", setting the example for the team",),
}


# SOC major groups of manual work (protective service to transportation): their top rung is
# the lead hand on site; office, sales and professional groups lead a team or a function.
MANUAL_GROUPS = frozenset("33 35 37 39 45 47 49 51 53".split())


# The top rung of an occupation that is itself first-line supervision: a manager over
# several supervisors' teams, never the "lead hand" it already outranks (reviewers quoted
# "plan and prepare employee work schedules as lead hand" for housekeeping supervisors).
_ADVANCED_SUPERVISOR = (
    " across several teams or shifts, setting the standards each follows",
    " for the whole department, answering to senior management",
    " and develop the supervisors who run each team or shift",
    " across the department, accountable for its results",
    " and decide how the work is split between teams and shifts",
    " as the senior supervisor other supervisors consult",
    " and set the department's procedures for this work",
)


def level_phrases(
    level: Level,
    zone: int | None,
    supervised: bool,
    kind: str = "core",
    manual: bool = False,
    supervisor: bool = False,
) -> tuple[str, ...]:
    """The level phrases that suit an occupation's Job Zone, kind of work and supervision;
    ``supervisor`` for an occupation that is itself first-line supervision."""
    if supervisor and level is Level.ADVANCED and kind != "judge":
        return _ADVANCED_SUPERVISOR
    if level is Level.EMERGING:
        return _EMERGING_QUALIFIED if (zone or 0) >= 4 else _EMERGING_HANDS_ON
    if level is Level.DEVELOPING:
        return _DEVELOPING
    if level is Level.PROFICIENT:
        if manual and hands_on(zone):
            return _PROFICIENT_HANDS_ON_SKILLED if kind == "judge" else _PROFICIENT_HANDS_ON
        if kind == "lead":
            return _PROFICIENT_LEAD
        return _PROFICIENT_JUDGE if kind in {"judge", "coach"} else _PROFICIENT
    if kind == "judge":
        return _ADVANCED_SUPERVISED_JUDGE if supervised else _ADVANCED_JUDGE
    if kind in {"core", "routine", "learn"}:
        # Everyday work at the top rung: the lead hand organises and checks it; no
        # "final point of escalation" for moving stock.
        if supervised:
            return _ADVANCED_SUPERVISED
        return _ADVANCED_HANDS_ON if manual else _ADVANCED_OFFICE
    if supervised:
        return _ADVANCED_SUPERVISED
    if not hands_on(zone):
        return _ADVANCED_ORGANISATION
    return _ADVANCED_HANDS_ON if manual else _ADVANCED_OFFICE


# ---------------------------------------------------------------- candidates


@dataclass
class Candidate:
    """One statement the occupation's records can give, before its level phrase."""

    subject: str
    core: str  # verb phrase, lower case, no final period
    anchors: list[Anchor]
    theme: str
    kind: str  # task, dwa, supervisor, skill, knowledge, technology, tool
    prefs: tuple[float, float, float, float]
    key: str  # stable identity for hashing
    fixed: bool = False  # the core already says its level; add no level phrase
    levels: tuple[Level, ...] = field(default_factory=tuple)


def _hash(*parts: str) -> int:
    return int(hashlib.sha1("|".join(parts).encode()).hexdigest()[:8], 16)


def _count(text: str) -> int:
    return len(_WORD.findall(text))


class _Occupation:
    """Occupation-wide words the statements use."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.zone = brief.job_zone.zone if brief.job_zone else None
        # Manual groups at Job Zones 1-3: the top rung is a lead hand; detectives and other
        # Job Zone 4-5 work in those groups lead as professionals ("lead hand" was quoted).
        self.manual = brief.soc[:2] in MANUAL_GROUPS and (self.zone is None or hands_on(self.zone))
        self.noun = occupation_noun(brief)
        self.peers = plural_noun(self.noun)
        self.supervisor_words = supervised_by(brief)
        self.leads = leads_own_work(brief)
        self.first_line = brief.title.startswith("First-Line Supervisors")
        self.loose = False  # a record too sparse for the one-statement-a-rung rules
        # Work the occupation does under a licensed practitioner's direction or in personal
        # care: clinical work stays at the entry rungs, with that direction named.
        self.clinical_limit = (
            self.supervisor_words is not None
            or brief.soc[:2] in {"31", "39"}
            or brief.soc.startswith("29-2")  # health technologists and technicians
        )
        if self.supervisor_words:
            self.senior = self.supervisor_words
        elif brief.title.startswith("First-Line Supervisors"):
            self.senior = "a manager"  # not "help a supervisor" for the supervisors
        elif (self.zone or 0) <= 2:
            self.senior = "a supervisor"
        else:
            lead = "an experienced" if (self.zone or 0) == 3 else "a senior"
            self.senior = f"{lead} {self.noun}"
        unit = st.unit_nouns(brief)
        self.unit = "assignments" if unit == "jobs" else unit
        self.people = _people(brief)
        self.docs = _documents(brief)
        self.places = st.places(brief)

    def fill(self, text: str) -> str:
        out = text.format(
            senior=self.senior,
            unit=self.unit,
            peers=self.peers,
            noun=self.noun,
            people=self.people,
            docs=self.docs,
        )
        return re.sub(r"\ba ([aeiou])", r"an \1", out)


_PEOPLE = (
    "patients",
    "customers",
    "clients",
    "students",
    "children",
    "residents",
    "passengers",
    "guests",
    "patrons",
    "users",
    "visitors",
    "members",
)


def _people(brief: Brief) -> str:
    text = " ".join(t.text.lower() for t in brief.tasks)
    counts = [(len(re.findall(rf"\b{p[:-1]}s?\b", text)), p) for p in _PEOPLE]
    n, best = max(counts)
    return best if n >= 2 else "co-workers"


_DOCS = (
    "blueprints",
    "specifications",
    "work orders",
    "drawings",
    "charts",
    "manuals",
    "orders",
    "prescriptions",
    "schedules",
    "contracts",
    "plans",
    "policies",
    "regulations",
    "records",
    "reports",
    "instructions",
)


def _documents(brief: Brief) -> str:
    text = " ".join(t.text.lower() for t in brief.tasks)
    found = sorted(
        ((-len(re.findall(rf"\b{d[:-1]}s?\b", text)), i, d) for i, d in enumerate(_DOCS)),
    )
    names = [d for n, _, d in found if n <= -1][:2]
    if not names:
        return "work instructions and procedures"
    if len(names) == 1:
        return f"{names[0]} and work instructions" if names[0] != "instructions" else names[0]
    return f"{names[0]} and {names[1]}"


def _task_anchors(task: Task, release: str) -> list[Anchor]:
    out = [Anchor(kind="task", id=str(task.id), release=release)]
    out += [Anchor(kind="dwa", id=d.id, release=release) for d in task.dwas]
    if task.dwas:
        out.append(Anchor(kind="element", id=task.dwas[0].element_id, release=release))
    return out


def _theme_of(task: Task) -> str:
    return task.dwas[0].iwa_title if task.dwas else "Other work"


def _task_candidates(brief: Brief, strict: bool = True) -> list[Candidate]:
    out = []
    senior = leads_own_work(brief)
    for rank, task in enumerate(brief.tasks):
        core = verb_phrase(dwa_text(task.text, brief), 15)
        if core is None:
            continue
        subject = _plain(task_facet(task, rank, brief.release).subject)
        if strict:
            subject = _own_words(subject, task.text)
        if _unfit(subject) or not subject:
            continue
        prefs = list(preferences(task.text, senior))
        if task.type == "Core":
            prefs[0] += 0.3
            prefs[1] += 0.3
        out.append(
            Candidate(
                subject=capitalize(subject),
                core=core,
                anchors=_task_anchors(task, brief.release),
                theme=_theme_of(task),
                kind="task",
                prefs=(prefs[0], prefs[1], prefs[2], prefs[3]),
                key=f"task:{task.id}",
            )
        )
    return out


def _own_words(subject: str, text: str) -> str:
    """The task's own object as its subject when the namer's subject shares no word with the
    task ("Fencing or other barriers" for tying rebar, "Medical devices" for checking lenses):
    a label must name the work it heads; with no clean object of its own, no subject ("")."""
    if st.content_stems(subject) & st.content_stems(text):
        return subject
    clauses = parse_task(text)
    own = _plain(subject_for(clauses[0])) if clauses else ""
    words = own.lower().split()
    verb = text.split(" ", 1)[0].rstrip(",").lower()
    if (
        not own
        or len(words) > 6
        or len(set(words)) < len(words)  # "Development development"
        or opens_with_verb(own)
        or not st.content_stems(own) - st.content_stems(verb)
        or words[-1] in _DANGLING_SUBJECT  # "Construction or"
        # one nominalised verb says no object: "Direction", "Verification", "Responses"
        or (len(words) == 1 and re.search(r"(?:tions?|sions?|ments?|ances?|ences?|ing|ses)$", own))
        or (len(words) == 1 and not own.endswith("s"))  # "Upkeep", "Order", "Leadership"
        or words[0].endswith("ing")  # "Lifting others", "Picking passengers"
        or "," in own
        or {"how", "what", "others"} & set(words)
    ):
        return ""  # no label of its own: the task is not stated rather than mislabelled
    return own


def _plain(subject: str) -> str:
    """A subject without a leading level word ("Routine maintenance" -> "Maintenance")."""
    return capitalize(
        re.sub(r"^(?:routine|basic|simple|complex|advanced) ", "", subject, flags=re.I)
    )


GENERIC_SPREAD = 6  # SOC major groups sharing a DWA that make it everyone's work
_PRACTITIONER_VERBS = frozenset("diagnose prescribe treat".split())

# DWA titles name a category of workers or subjects for many occupations at once ("direct
# construction or extraction personnel" for sheet metal workers, "monitor health or behavior
# of people or animals" for probation officers); the occupation's own side of it is used.
_EXTRACTION_WORK = re.compile(
    r"\b(?:extract\w*|min(?:e|es|ing)|quarr\w*|oil|wellheads?|petroleum|blast\w*)\b", re.I
)
_ANIMAL_WORK = re.compile(r"\b(?:animals?|pets?|livestock|veterinar\w*|wildlife|cattle)\b", re.I)


_WORKS_WITH: dict[tuple[str, str, str], tuple[bool, bool]] = {}


def dwa_text(title: str, brief: Brief) -> str:
    """A DWA title narrowed to this occupation where it names a category for many."""
    if "extract" not in title and "or animals" not in title:
        return title
    key = (brief.soc, brief.release, brief.title)
    if key not in _WORKS_WITH:
        text = " ".join(t.text for t in brief.tasks)
        _WORKS_WITH[key] = (bool(_EXTRACTION_WORK.search(text)), bool(_ANIMAL_WORK.search(text)))
    extraction, animals = _WORKS_WITH[key]
    if not extraction:
        title = re.sub(r"\b(construction),? or extract(?:ion|ive)\b", r"\1", title, flags=re.I)
    if not animals:
        title = title.replace("people or animals", "people")
    return title


def _dwa_candidates(brief: Brief) -> list[Candidate]:
    """Each DWA of the occupation once, as a second, plainer statement of its work."""
    out = []
    supervised = supervised_by(brief) is not None
    senior = leads_own_work(brief)
    seen: set[str] = set()
    for task in brief.tasks:
        for dwa in task.dwas:
            if dwa.id in seen:
                continue
            seen.add(dwa.id)
            title = dwa_text(dwa.title, brief)
            if supervised and title.split(" ", 1)[0].lower() in _PRACTITIONER_VERBS:
                continue  # a technologist does not "diagnose medical conditions": the DWA is
                # the licensed practitioner's, whom the occupation works under
            if work_kind(title) == "lead" and work_kind(task.text) != "lead":
                continue  # the DWA makes leading of work its task does not lead: "direct
                # construction personnel" for carpenters who "dig or direct digging of post
                # holes", "establish standards for medical care" for geneticists
            core = verb_phrase(title, 12)
            clauses = parse_task(title)
            if core is None or not clauses:
                continue
            subject = _plain(subject_for(clauses[0]))
            if not subject or _unfit(subject):
                continue
            # a plainer restatement of a task comes after it; one that occupations of many
            # groups share ("Maintain operational records") after the occupation's own
            penalty = 0.4 + (0.4 if dwa.spread >= GENERIC_SPREAD else 0.0)
            out.append(
                Candidate(
                    subject=capitalize(subject),
                    core=core,
                    anchors=[
                        Anchor(kind="dwa", id=dwa.id, release=brief.release),
                        Anchor(kind="task", id=str(task.id), release=brief.release),
                        Anchor(kind="element", id=dwa.element_id, release=brief.release),
                    ],
                    theme=dwa.iwa_title,
                    kind="dwa",
                    prefs=tuple(p - penalty for p in preferences(dwa.title, senior)),  # type: ignore[arg-type]
                    key=f"dwa:{dwa.id}",
                )
            )
    return out


_PEOPLE_WORK = re.compile(
    r"\b(?:staff|workers|employees|personnel|crews?|subordinates|trainees|team)\b", re.I
)


# Plural nouns that may name a trade or the people it serves ("firefighters", "stylists",
# "prisoners", "flight or car attendants"): a supervisor task naming one the occupation's own
# title and tasks never use supervises other work. Generic staff and objects pass.
_ROLE_NOUN = re.compile(r"\b[a-z]+(?:ers|ists|ians|ants|ents|ors|ives)\b")
_GENERIC_PEOPLE = frozenset(
    """workers others members customers supervisors employers managers users visitors orders
    matters centers computers materials containers procedures papers meters numbers letters
    records partners volunteers passengers suppliers vendors contractors operators
    subordinates helpers laborers trainees consumers officers clients patients students
    residents employees departments requirements documents equipments incidents accidents
    agents assignments adjustments improvements payments shipments instruments developments
    establishments standards reports hazards programs facilities activities problems
    schedules transfers factors indicators agreements initiatives errors arrangements
    objectives tractors events quarters fertilizers lubricants ladders implements lists
    leaders ingredients superiors contents carriers stakeholders detectors doors treatments
    dispensers hoppers behaviors trailers plants harvesters representatives applicants
    inspectors""".split()
)


SUPERVISOR_TASKS = 12  # the supervising occupation's tasks a framework may draw on
SUPERVISOR_MOST = 5  # of which a framework states at most this many


# People and things a supervisor's task may be about that an occupation under it may never
# meet: "supervise or perform searches of inmates" for customs officers, "coordinate the
# selection and movement of logs" for agricultural inspectors (reviewers' quotes).
_SERVED_PEOPLE = frozenset(
    """inmates inmate offenders offender prisoners patients students passengers guests
    children residents clients customers patrons visitors diners shakedowns riot cells
    logs livestock crops""".split()
)


def _supervisor_candidates(brief: Brief, own_lead: int) -> list[Candidate]:
    """The supervising occupation's leading tasks, for occupations that lead little work."""
    sup = brief.supervisor
    if sup is None or own_lead >= 4:
        return []
    mine = st.content_stems(" ".join(t.text for t in brief.tasks))
    own_words = set(
        re.findall(r"[a-z]+", f"{brief.title} {' '.join(t.text for t in brief.tasks)}".lower())
    )
    scored = []
    for task in sup.tasks:
        named = set(_ROLE_NOUN.findall(task.text.lower())) - _GENERIC_PEOPLE - own_words
        named |= {
            w
            for w in re.findall(r"[a-z]+", task.text.lower())
            if w in _SERVED_PEOPLE and w not in own_words
        }
        if named:
            continue  # "direct firefighters in station maintenance duties" for game wardens
        kind = work_kind(task.text)
        if kind not in {"lead", "coach", "judge"}:
            continue
        if re.match(r"(?:design|develop|plan and develop|invent)\b", task.text, re.I):
            continue  # "design equipment configurations", "develop new products": not a lead hand's
        core = verb_phrase(dwa_text(task.text, brief), 14)
        clauses = parse_task(dwa_text(task.text, brief))
        if core is None or not clauses:
            continue
        subject = subject_for(clauses[0])
        if not subject or _unfit(subject):
            continue
        overlap = len(st.content_stems(task.text) & mine)
        if overlap == 0 and not _PEOPLE_WORK.search(task.text):
            continue  # the supervisor's other work ("stopping the spread of infections")
        # Ties go by occupation, so trades under one supervisor do not share one block
        # (reviewers found six Advanced statements word for word in tile setters and sheet
        # metal workers).
        rank = (-(overlap + (2 if kind == "lead" else 0)), _hash(brief.soc, str(task.id)))
        scored.append((*rank, task, core, subject))
    out = []
    for n, (_, _, task, core, subject) in enumerate(sorted(scored)[:SUPERVISOR_TASKS]):
        out.append(
            Candidate(
                subject=capitalize(subject),
                core=core,
                anchors=[
                    Anchor(kind="supervisor_task", id=f"{sup.soc}:{task.id}", release=brief.release)
                ],
                theme="Leading the work",
                kind="supervisor",
                prefs=(0.0, 0.0, 0.5, 2.6 - 0.05 * n),
                key=f"supervisor:{task.id}",
            )
        )
    return out


def _nearest_anchor(brief: Brief, element_id: str, target: float) -> Anchor | None:
    anchors = [a for a in brief.scale_anchors if a.element_id == element_id]
    if not anchors:
        return None
    best = min(anchors, key=lambda a: (abs(a.value - target), a.value))
    return Anchor(kind="scale_anchor", id=f"{element_id}@{best.value:g}", release=brief.release)


_SHIFT = {Level.EMERGING: -2.0, Level.DEVELOPING: -1.0, Level.PROFICIENT: 0.0, Level.ADVANCED: 1.0}


def _rated_anchors(
    brief: Brief, element_id: str, level: Level, rating: float | None
) -> list[Anchor]:
    release = next(
        (e.release for e in (*brief.skills, *brief.knowledge) if e.element_id == element_id),
        brief.release,
    )
    out = [Anchor(kind="element", id=element_id, release=release)]
    if rating is not None:
        target = min(7.0, max(0.0, rating + _SHIFT[level]))
        if anchor := _nearest_anchor(brief, element_id, target):
            out.append(anchor.model_copy(update={"release": brief.release}))
    return out


def _only(level: Level, weight: float) -> tuple[float, float, float, float]:
    """Preferences of a statement that belongs at one level only."""
    prefs = [weight if lv is level else 0.0 for lv in LEVELS]
    return (prefs[0], prefs[1], prefs[2], prefs[3])


def _distinct(brief: Brief, element: RatedElement) -> float:
    """How far above the release's typical importance this occupation rates an element:
    what sets the occupation apart comes first, not what every occupation rates highly."""
    importance = element.importance or 0.0
    typical = brief.typical_importance.get(element.element_id)
    return importance - typical if typical is not None else importance - 3.0


def _skill_candidates(
    brief: Brief, occ: _Occupation, used: set[str] | None = None
) -> list[Candidate]:
    used = set() if used is None else used
    out = []
    rated = sorted(
        (s for s in brief.skills if s.element_id in SKILLS and (s.importance or 0) >= 2.75),
        key=lambda s: (-_distinct(brief, s), s.element_id),
    )
    for rank, skill in enumerate(rated):
        level, subject, action = SKILLS[skill.element_id]
        anchors = _rated_anchors(brief, skill.element_id, level, skill.level)
        core = occ.fill(action)
        plain = Candidate(
            subject=capitalize(occ.fill(subject)),
            core=core,
            anchors=anchors,
            theme=f"Skill: {skill.name}",
            kind="skill",
            prefs=_only(level, 2.4 - 0.1 * rank),
            key=f"skill:{skill.element_id}",
            levels=(level,),
        )
        linked = set(brief.skill_activities.get(skill.element_id, ()))
        entry = SITUATED.get(skill.element_id)
        out += _with_situated(
            brief,
            occ,
            plain,
            entry,
            level,
            used,
            linked,
            SITUATED_VERBS.get(skill.element_id),
            SITUATED_FITS.get(skill.element_id),
            SITUATED_TASK_VERBS.get(skill.element_id),
            SITUATED_CUES.get(skill.element_id),
            SITUATED_KINDS.get(skill.element_id),
        )
        if level is Level.ADVANCED and not occ.leads and hands_on(occ.zone) and not occ.loose:
            # "Negotiation of agreements — bring parties … together, setting the example for
            # the team" for bailiffs and practical nurses: a leader's skill, in the plain form,
            # reads as stock management text in frontline work (shown in its own work only)
            out = [c for c in out if c is not plain or occ.first_line]
    return out


def _with_situated(
    brief: Brief,
    occ: _Occupation,
    plain: Candidate,
    entry: tuple[str, tuple[str, ...]] | None,
    level: Level,
    used: set[str],
    linked: set[str] | None = None,
    verbs: frozenset[str] | None = None,
    fits: re.Pattern[str] | None = None,
    task_verbs: frozenset[str] | None = None,
    cues: re.Pattern[str] | None = None,
    kinds: frozenset[str] | None = None,
) -> list[Candidate]:
    """A skill's or style's candidates: shown in the occupation's own work where a DWA fits
    (preferred), else in one of its tasks whose verb the skill is the point of, then the
    plain form for where that one cannot be placed (one subject, so at most one of them is
    taken)."""
    found = _situated(brief, occ, entry, level, used, linked, verbs, fits)
    if not entry:
        return [plain]
    if found is None:
        # Shown in a task's own words: up to three tasks, the first the rung can take.
        tasks = _situated_task(brief, occ, entry, level, task_verbs, fits, cues=cues, kinds=kinds)
        fixed = level is not Level.EMERGING
        return [_situated_candidate(occ, entry[0], f, plain, fixed) for f in tasks] + [plain]
    used.add(_work_key(found))
    return [_situated_candidate(occ, entry[0], found, plain, level is not Level.EMERGING), plain]


def _situated_candidate(
    occ: _Occupation,
    template: str,
    found: tuple[str, Dwa | None, Task],
    plain: Candidate,
    fixed: bool,
) -> Candidate:
    """A skill, style or knowledge area shown in the occupation's own work: more its own
    than the plain form (preferred before it); ``fixed`` when it says its level in the work
    it names and takes no level tag."""
    if "{people}" in template and occ.people == "co-workers":
        template = template.replace("{people}", "people")  # _situated_task: the people met
    core, anchors = _situate(occ, template, found, plain.anchors)
    bonus = tuple(p + 0.3 if p else p for p in plain.prefs)
    return _replace(
        plain,
        core=core,
        anchors=anchors,
        prefs=bonus,
        key=f"{plain.key}:in:{_work_key(found)}",
        fixed=fixed,
    )


SITUATED_WORDS = 8  # the longest DWA a skill statement shows its skill in


def _names_others(work: str) -> bool:
    """Whether work names people of its own ("advising medical personnel", "advising
    educators"): a skill about the occupation's people is not shown in it ("read how
    patients react when advising medical personnel", a reviewer's quote)."""
    return any(w in PERSON_NOUNS for w in re.findall(r"[a-z]+", work.lower()))


# Verbs of work done with people face to face: a skill about the people served is shown
# only in such work.
# People a task names as met face to face (for a skill about people where the occupation
# serves no one group: _situated_task).
_MET_PEOPLE = re.compile(
    r"\b(?:persons|people|public|jur(?:y|ors?)|prisoners?|inmates?|offenders?|suspects?|"
    r"visitors?|passengers?|guests?|patrons?|customers?|clients?|patients?|students?|"
    r"children|residents?|callers?|applicants?|audiences?|crowds?|travelers?|tourists?|"
    r"families|family members|parents|shoppers|diners|spectators|witnesses|victims)\b",
    re.I,
)
_WITH_PEOPLE = frozenset(
    """advise assist greet help interview counsel teach instruct explain inform answer respond
    sell serve comfort console discuss consult confer talk meet negotiate persuade resolve
    promote recommend provide refer care escort guide reassure encourage collaborate
    communicate demonstrate present screen warn seat usher""".split()
)


def _situated(
    brief: Brief,
    occ: _Occupation,
    entry: tuple[str, tuple[str, ...]] | None,
    level: Level,
    used: set[str],
    linked: set[str] | None = None,
    verbs: frozenset[str] | None = None,
    fits: re.Pattern[str] | None = None,
) -> tuple[str, Dwa, Task] | None:
    """The occupation's own work a skill or work style is shown in: its first DWA (tasks in
    O*NET's order) under one of the entry's work activities (for a skill, only those O*NET
    links to it: ``linked``), as a gerund phrase for ``{doing}`` ("resolving customer
    complaints or problems") or its verb phrase for ``{vp}``; None when no DWA reads
    cleanly there. Entry rungs never show a skill in leading or training work; a DWA already
    used by another statement of this kind, naming people again, or opening on a verb the
    action already says, is passed over; a skill about the people served needs the
    occupation to have such people (not the fallback "co-workers")."""
    if entry is None:
        return None
    template, activities = entry
    if "{people}" in template and occ.people == "co-workers":
        return None
    said = {
        w[:5] for w in _lower_words(occ.fill(template.replace("{doing}", "").replace("{vp}", "")))
    }
    for activity in (a for a in activities if linked is None or a in linked):
        for task in brief.tasks:
            for dwa in task.dwas:
                if dwa.element_id != activity or dwa.id in used or "(" in dwa.title:
                    continue
                own = dwa_text(dwa.title, brief)
                title = own[:1].lower() + own[1:]
                verb = title.split(" ", 1)[0].rstrip(",")
                if verbs is not None and verb not in verbs:
                    continue
                if fits is not None and not fits.search(title):
                    continue  # the work lacks what the skill acts on (elements.SITUATED_FITS)
                vp = verb_phrase(own, 12)
                if vp is None or (verbs is None and verb[:5] in said):
                    continue
                if "{people}" in template and verb not in _WITH_PEOPLE:
                    continue  # "listen closely to patients when maintaining sterile fields"
                named = {p for p in _PEOPLE if re.search(rf"\b{p[:-1]}s?\b", title)}
                if "{people}" in template and (named or _names_others(title)):
                    continue  # "brings clients round when counseling clients", "listen to
                    # patients when responding to customer inquiries"
                if {w[:5] for w in st.content_stems(title)} & said - {"when"} and verbs is None:
                    continue  # "read plans and reports closely before reviewing … plans"
                if level in (Level.EMERGING, Level.DEVELOPING) and work_kind(title) in {
                    "lead",
                    "coach",
                }:
                    continue  # no "listen closely to customers when supervising employees"
                if "{vp}" in template:
                    return vp, dwa, task
                doing = gerund_phrase(title)
                if _broken_gerund(doing):
                    continue
                if _count(doing) > SITUATED_WORDS or doing.split(" ", 1)[0] == verb:
                    continue
                return doing, dwa, task
    return None


def _work_key(found: tuple[str, Dwa | None, Task]) -> str:
    """The DWA (or, shown in a task's own words, the task) a situated statement uses."""
    return found[1].id if found[1] is not None else f"task:{found[2].id}"


_MACHINERY = re.compile(
    r"\b(?:equipment|machine\w*|tools?|vehicles?|engines?|systems?|pumps?|motors?|devices?|"
    r"instruments?|appliances?|components?|units?|controls?|mechanisms?|trucks?|cranes?|"
    r"boilers?|generators?|compressors?|valves?|conveyors?|presses|lathes?|hoists?)\b",
    re.IGNORECASE,
)


def _situated_task(
    brief: Brief,
    occ: _Occupation,
    entry: tuple[str, tuple[str, ...]] | None,
    level: Level,
    verbs: frozenset[str] | None,
    fits: re.Pattern[str] | None = None,
    most: int = 3,
    cues: re.Pattern[str] | None = None,
    kinds: frozenset[str] | None = None,
) -> list[tuple[str, None, Task]]:
    """The occupation's own task a skill or work style is shown in where none of its DWAs
    can carry it: the first task (O*NET's order) that opens on one of ``verbs`` (the work
    the skill is the point of: elements.SITUATED_TASK_VERBS), in its own words cut to a
    short phrase; the same checks as for a DWA. Up to ``most`` of them, in that order.
    A core task whose own words name what the skill acts on (``cues``:
    elements.SITUATED_CUES, "disturb court procedure" for self-control) serves too, whatever
    its verb."""
    found: list[tuple[str, None, Task]] = []
    if entry is None or not (verbs or cues or kinds):
        return found
    template = entry[0]
    # An occupation with no one group of people it serves ("co-workers") shows a skill about
    # people only in a task that names the people met ("people": "read how people react
    # when escorting prisoners to and from courthouse").
    anyone = "{people}" in template and occ.people == "co-workers"
    said = {
        w[:5] for w in _lower_words(occ.fill(template.replace("{doing}", "").replace("{vp}", "")))
    }
    for task in brief.tasks:
        if len(found) >= most:
            break
        if anyone and (task.type == "Supplemental" or not _MET_PEOPLE.search(task.text)):
            continue
        if "(" in task.text:
            continue
        vp = verb_phrase(task.text, SITUATED_WORDS)
        if vp is None or _flawed(vp):
            continue
        verb = vp.split(" ", 1)[0].rstrip(",")
        cued = (
            cues is not None
            and task.type != "Supplemental"
            and bool(cues.search(vp.split(" ", 1)[-1]))  # in the object, not the verb
            and work_kind(vp) not in {"learn", "lead", "coach"}
        )
        cued = cued or (
            kinds is not None
            and task.type != "Supplemental"
            and work_kind(vp) in kinds
            and verb not in _SMALL_WORK
            and verb not in _NOT_WIDENED
        )
        if not cued and (verb not in (verbs or ()) or (fits is not None and not fits.search(vp))):
            continue
        if "{vp}" in template and not _MACHINERY.search(vp):
            continue  # "Equipment maintenance — maintain supply of fluids on schedule"
        if "{people}" in template and verb not in _WITH_PEOPLE:
            continue
        if (
            "{people}" in template
            and not anyone
            and (any(re.search(rf"\b{p[:-1]}s?\b", vp) for p in _PEOPLE) or _names_others(vp))
        ):
            continue
        if anyone and not _MET_PEOPLE.search(vp):
            continue
        stems = {w[:5] for w in st.content_stems(vp)}
        if cued and verb not in (verbs or ()):
            stems = {verb[:5]}  # the cue is in the object: only the verb may not echo
        if "{vp}" not in template and stems & said - {"when"}:
            continue  # "plan own time when planning …"
        if level in (Level.EMERGING, Level.DEVELOPING) and work_kind(vp) in {"lead", "coach"}:
            continue
        if "{vp}" in template:
            found.append((vp, None, task))
            continue
        doing = gerund_phrase(vp)
        if _broken_gerund(doing) or doing.split(" ", 1)[0] == verb:
            continue
        found.append((doing, None, task))
    return found


def _situate(
    occ: _Occupation, template: str, found: tuple[str, Dwa | None, Task], anchors: list[Anchor]
) -> tuple[str, list[Anchor]]:
    """The action with the work filled in, and the anchors with its DWA and task added."""
    work, dwa, task = found
    slot = "{vp}" if "{vp}" in template else "{doing}"
    core = occ.fill(template.replace(slot, "@WORK@")).replace("@WORK@", work)
    release = occ.brief.release
    shown = [Anchor(kind="task", id=str(task.id), release=release)]
    if dwa is not None:
        shown.insert(0, Anchor(kind="dwa", id=dwa.id, release=release))
    return core, anchors + shown


def _style_candidates(
    brief: Brief, occ: _Occupation, used: set[str] | None = None
) -> list[Candidate]:
    """Work styles O*NET rates as shaping this occupation's work (positive impact), shown in
    the occupation's own work where STYLES_SITUATED links the style to one of its DWAs."""
    used = set() if used is None else used
    out = []
    for rank, style in enumerate(w for w in brief.work_styles if (w.impact or 0) > 1.0):
        if style.name not in WORK_STYLES:
            continue
        level, subject, action = WORK_STYLES[style.name]
        plain = Candidate(
            subject=subject,
            core=occ.fill(action),
            anchors=[Anchor(kind="element", id=style.element_id, release=brief.release)],
            theme=f"Work style: {style.name}",
            kind="skill",
            prefs=_only(level, 1.2 - 0.05 * rank),
            key=f"style:{style.element_id}",
            levels=(level,),
        )
        out += _with_situated(
            brief,
            occ,
            plain,
            STYLES_SITUATED.get(style.name),
            level,
            used,
            fits=SITUATED_FITS.get(style.name),
            task_verbs=SITUATED_TASK_VERBS.get(style.name),
            cues=SITUATED_CUES.get(style.name),
        )
    return out


# The occupation's own O*NET level rating (0-7) a knowledge area needs before a rung may
# call it working (D), expert (P) or the team's authority (A).
_KNOWLEDGE_FLOOR = {
    Level.EMERGING: 0.0,
    Level.DEVELOPING: 3.0,
    Level.PROFICIENT: 4.0,
    Level.ADVANCED: 4.5,
}


# Work that moves, files or books things: no knowledge area is shown in it ("symptoms,
# treatments and drugs when scheduling patient procedures").
_LOGISTICS = frozenset(
    "transport deliver schedule order file store ship distribute move carry collect".split()
)


def _broken_gerund(g: str) -> bool:
    """A gerund phrase whose coordinated verbs came out in two forms: "computing formulas to
    develop and designing specifications", "developing tools to diagnose and assessing
    needs", "documenting activities and record information"."""
    if re.search(r"\bto \w+ (?:and|or) \w+ing\b", g):
        return True
    toks = g.lower().replace(",", "").split()
    if not toks or not toks[0].endswith("ing"):
        return False
    return any(
        a in {"and", "or"}
        and b in BASE_VERBS
        and not b.endswith(("ing", "s"))
        and (b not in NOUNISH_VERBS or c in {"information", "data", "the", "a", "an"})
        for a, b, c in zip(toks, toks[1:], [*toks[2:], ""], strict=False)
    )


def _knowledge_work(
    brief: Brief, element_id: str, used: set[str], most: int = 3
) -> list[tuple[str, Dwa | None, Task]]:
    """The occupation's own work a knowledge area is shown in: its first DWA (tasks in
    O*NET's order) whose title has words that call for the area (KNOWLEDGE_SITUATED), as a
    short gerund phrase; never leading or training work, a DWA another skill or knowledge
    statement already shows, or one the gerund form cannot carry."""
    entry = KNOWLEDGE_SITUATED.get(element_id)
    found: list[tuple[str, Dwa | None, Task]] = []
    if entry is None:
        return found
    words = re.compile(rf"\b(?:{entry[1]})\b", re.IGNORECASE)
    for task in brief.tasks:
        for dwa in task.dwas:
            if dwa.id in used or "(" in dwa.title or not words.search(dwa.title):
                continue
            if any(f[1] is not None and f[1].id == dwa.id for f in found):
                continue
            own = dwa_text(dwa.title, brief)
            title = own[:1].lower() + own[1:]
            if title.split(" ", 1)[0] in _LOGISTICS:
                continue  # "biology when transporting biological materials"
            if work_kind(title) in {"lead", "coach", "learn"} or (
                element_id != "2.C.6" and re.match(r"(?:train|teach|instruct)", title)
            ):
                continue  # not "… on symptoms and drugs for training medical providers"
            doing = gerund_phrase(title)
            if _broken_gerund(doing):
                continue
            verb = title.split(" ", 1)[0].rstrip(",")
            if _count(doing) > SITUATED_WORDS or doing.split(" ", 1)[0] == verb:
                continue
            found.append((doing, dwa, task))
            if len(found) >= most:
                return found
    # Then core tasks whose own words call for it ("laws and regulations when
    # enforcing courtroom rules of behavior"), in its own words cut short.
    for task in brief.tasks:
        if task.type == "Supplemental" or "(" in task.text or f"task:{task.id}" in used:
            continue
        vp = verb_phrase(task.text, SITUATED_WORDS)
        if vp is None or _flawed(vp) or not words.search(vp):
            continue
        verb = vp.split(" ", 1)[0].rstrip(",")
        if verb in _LOGISTICS or work_kind(vp) in {"lead", "coach", "learn"}:
            continue
        if element_id != "2.C.6" and verb in {"train", "teach", "instruct"}:
            continue
        doing = gerund_phrase(vp)
        if _broken_gerund(doing) or doing.split(" ", 1)[0] == verb:
            continue
        if all(f[2].id != task.id for f in found):
            found.append((doing, None, task))
        if len(found) >= most:
            break
    return found


def _knowledge_candidates(
    brief: Brief, occ: _Occupation, used: set[str] | None = None
) -> list[Candidate]:
    """The occupation's most distinctive knowledge areas, each at the rungs its O*NET level
    rating reaches; shown in one of the occupation's DWAs where its words call for the
    area (preferred), else in the plain form."""
    used = set() if used is None else used
    out = []
    rated = sorted(
        (k for k in brief.knowledge if k.element_id in KNOWLEDGE and (k.importance or 0) >= 3.0),
        key=lambda k: (-_distinct(brief, k), k.element_id),
    )[:6]
    for rank, area in enumerate(rated):
        subject, what = KNOWLEDGE[area.element_id]
        works = _knowledge_work(brief, area.element_id, used)
        if works:
            used.add(_work_key(works[0]))
        for level in LEVELS:
            if level is Level.ADVANCED and area.element_id != "2.C.1.a" and rank > 0:
                continue
            if (area.level or 0.0) < _KNOWLEDGE_FLOOR[level]:
                continue  # no "expert knowledge of mathematics" for a helper
            graduate = level is Level.EMERGING and not hands_on(occ.zone) and occ.zone is not None
            options = KNOWLEDGE_GRADUATE_ENTRY if graduate else KNOWLEDGE_ACTIONS[level]
            action = options[_hash(brief.soc, area.element_id, level.value) % len(options)]
            plain = Candidate(
                subject=subject,
                core=occ.fill(action.replace("{what}", what)),
                anchors=_rated_anchors(brief, area.element_id, level, area.level),
                theme=f"Knowledge: {area.name}",
                kind="knowledge",
                prefs=_only(level, 1.9 - 0.3 * rank),
                key=f"knowledge:{area.element_id}:{level.value}",
                fixed=True,
                levels=(level,),
            )
            for found in works:  # the first its rung can take (up to three)
                situated = (
                    KNOWLEDGE_GRADUATE_SITUATED if graduate else KNOWLEDGE_SITUATED_ACTIONS[level]
                )
                template = situated.replace("{k}", KNOWLEDGE_SITUATED[area.element_id][0])
                out.append(_situated_candidate(occ, template, found, plain, fixed=True))
            out.append(plain)
    return out


_OFFICE_SOFTWARE = ("spreadsheet", "word processing", "presentation", "electronic mail")


# The work a kind of software does must be work the occupation's own tasks name: CAD only
# where the tasks speak of drawings or designs, route software where they drive routes.
_CODING = (
    "coding|programming|debug|"
    "(?:write|develop|modify|test) (?:computer )?(?:software|code|programs)"
)
_TECH_NEEDS = {
    "medical": "patients?|medical records|health records|charts?",
    "customer relationship": "customer|client|account",
    "enterprise resource": "orders?\\b|invoice|inventor|shipment|procurement",
    "inventory": "stock|inventor|suppl|merchandise",
    "point of sale": "sale|payment|cash|purchase",
    "time accounting": "hours worked|payroll|timesheet|attendance|time records",
    "accounting": "ledger|bookkeep|accounts (?:payable|receivable)|reconcil|invoic|billing",
    "financial analysis": "financial|budget|revenue|profit",
    "calendar and scheduling": "schedul|appointment|calendar",
    "project management": "project|schedul|timeline",
    "computer aided design": (
        "drafting|cad\\b|(?:prepar|draw|creat|design|draft|revis)\\w*[^.]{0,40}"
        "(?:drawings|diagrams|schematics|layouts|plans)"
    ),
    "analytical or scientific": "statistic|experiment|laborator|analy[sz]e data|scientific data",
    "database user interface": "database|data entry|enter data|computer records",
    "database management": "database",
    "geographic information": "map|spatial|survey|geograph|gis",
    "map creation": "map",
    "industrial control": "control (?:panels?|rooms?|systems?|boards?)|process control|automat|"
    "programmable|computeri[sz]ed control",
    "graphics or photo": "photo|graphic|artwork|illustrat|layout",
    "video creation": "video|film|footage",
    "development environment": _CODING,
    "object or component oriented": _CODING,
    "web platform": "web ?sites?|web pages?",
    "data base reporting": "database|reports? from",
    "business intelligence": "dashboards?|metrics|business data|sales data|performance data",
    "human resources": "personnel records|payroll|hiring|recruit|employee records|benefits",
    "route navigation": "route|driv|deliver|travel|vehicle|navigat",
    "facilities management": "maintenance|facilit|building",
    "tax preparation": "tax",
    "legal": "legal|court|case|law|contract",
    "instructional": "course|students?|lessons?|curricul",
    "computer based training": "course|students?|lessons?|curricul|e-learning",
    "music or sound editing": "sound|music|audio|record",
}


def _tech_fits(title: str, work: str) -> bool:
    need = next((n for cue, n in _TECH_NEEDS.items() if cue in title), None)
    return need is None or re.search(rf"\b(?:{need})", work) is not None


def _generic_product(example: str) -> bool:
    """An example that names a kind of software, not a product: "Inventory tracking
    software", "Credit reporting software", "Customer information databases" — ordinary
    English words, capitalised only at the start. "Salesforce software", "SAP software",
    "Epic Systems" and "Tailor Master" name products."""
    words = example.rstrip(".").split()
    if len(words) == 1 and re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[0]):
        return True  # "Analyze-it" reads as a capitalised verb mid-sentence
    if len(words) < 2 or words[0].isupper() or any(ch.isdigit() for ch in example):
        return False
    if any(w[:1].isupper() for w in words[1:]):
        return False
    return all(all_lemmas(w.lower().strip(",()")) for w in words)


def _abbreviated(example: str) -> str:
    """O*NET's "Cascading style sheets CSS" as "CSS": a name followed by its own acronym."""
    words = example.split()
    last = words[-1] if words else ""
    if len(words) > 2 and last.isupper() and last.isalpha() and last[0] == words[0][0].upper():
        rest = iter(last)  # the initials in order ("Hypertext markup language HTML")
        if all(w[0].upper() in rest for w in words[:-1]):
            return last
    return example


def _technology_candidates(brief: Brief) -> list[Candidate]:
    out: list[Candidate] = []
    # the occupation's own task sentences (not the DWAs many occupations share) must call
    # for the kind of software: no EMR for eligibility interviewers, no CAD for assemblers
    work = " ".join(t.text for t in brief.tasks).lower()
    ordered = sorted(brief.technology, key=lambda t: (not t.hot, not t.in_demand, t.example))
    seen: set[int] = set()
    for tech in ordered:
        if tech.commodity_code in seen:
            continue
        title = tech.commodity_title.lower()
        use = next((u for cue, u in TECH_USES if cue in title), None)
        if use is None or any(cue in title for cue in _OFFICE_SOFTWARE):
            continue  # office software every desk job lists says nothing of this work
        if not _tech_fits(title, work):
            continue  # no drawings in a mover's work: no CAD statement
        seen.add(tech.commodity_code)
        examples = [
            t.example
            for t in ordered
            if t.commodity_code == tech.commodity_code
            and len(t.example.split()) <= 4
            and t.example.lower() != tech.commodity_title.lower()
            and not _generic_product(t.example)
        ][:2]
        if not examples:
            continue  # only kinds of software ("Inventory tracking software"): nothing to name
        named = " and ".join(_abbreviated(e.rstrip(".")) for e in examples)
        kind_name = st._acronym_tail(tech.commodity_title) or tech.commodity_title
        out.append(
            Candidate(
                subject=capitalize(kind_name),
                core=f"{use} {named}",
                anchors=[
                    Anchor(kind="technology", id=str(tech.commodity_code), release=brief.release)
                ],
                theme="Technology",
                kind="technology",
                prefs=(1.8, 1.7, 0.0, 0.0) if len(out) < 2 else (0.8, 0.8, 0.0, 0.0),
                key=f"technology:{tech.commodity_code}",
            )
        )
        if len(out) == 4:
            break
    return out


# ---------------------------------------------------------------- assembly

# How many statements of each kind a level takes at most.
_CAPS = {
    Level.EMERGING: {"skill": 1, "knowledge": 1, "technology": 1, "tool": 1},
    Level.DEVELOPING: {"skill": 1, "knowledge": 1, "technology": 1, "tool": 0},
    Level.PROFICIENT: {"skill": 1, "knowledge": 1, "technology": 0, "tool": 0},
    Level.ADVANCED: {"skill": 1, "knowledge": 1, "technology": 0, "tool": 0, "supervisor": 4},
}
# Skill, work-style and knowledge statements a level may hold before its last resort: the
# occupation's own work comes first, and such statements read alike across occupations.
GENERAL_PER_LEVEL = 1
_GENERAL = frozenset({"skill", "knowledge"})


def _plain_general(cand: Candidate) -> bool:
    """A skill, work style or knowledge statement not shown in any of the occupation's work
    ("Time management — plan own time across competing tasks …"): it reads the same in every
    framework, so it comes only after the occupation's own work and its widenings."""
    return cand.kind in _GENERAL and not any(a.kind == "dwa" for a in cand.anchors)


_PURPOSE = re.compile(r"\b(?:to|so that|in order to) ([a-z]+)\b")


def _purpose(core: str) -> bool:
    """Whether a core carries a purpose clause ("conduct tests to ensure iron levels are
    normal"): a level phrase after it would attach to the purpose ("… are normal under
    supervision", a reviewer's quote)."""
    return any(
        m.group(1) in BASE_VERBS or m.group(1) == "be"
        for m in _PURPOSE.finditer(core.split(" ", 1)[-1])
    )


def _join(core: str, phrase: str) -> str:
    """Core + level phrase; a core that is itself a list, or carries a purpose clause, takes
    a comma before the phrase."""
    if ("," in core or _purpose(core)) and phrase.startswith(" "):
        # A list in the core would swallow the phrase: "programs, such as regimens, and …".
        return f"{core},{phrase}"
    return f"{core}{phrase}"


SENIOR_PER_LEVEL = 3  # a level names the person who directs the work at most this often
HELPS_PER_LEVEL = 3  # judgement work an entry rung shares with the person who decides
_HELP = (
    "help {senior} {vp}",
    "work alongside {senior} to {vp}",
    "support {senior} as they {vp}",
    "assist {senior} to {vp}",
)


def _write(cand: Candidate, level: Level, occ: _Occupation, state: dict[str, object]) -> str | None:
    """The action (with its final period) for one level, or None if nothing fits."""
    core = cand.core
    base = _count(cand.subject) + _count(core)
    used = state.setdefault("phrases", set())
    assert isinstance(used, set)
    seniors = int(state.get("seniors", 0))  # type: ignore[call-overload]
    if (
        level is Level.EMERGING
        and cand.kind in {"task", "dwa"}
        and work_kind(core) == "judge"
        and not cand.fixed
        and core.split(" ", 1)[0] not in _TOGETHER | _ALONE_AT_CONTROLS
        and int(state.get("helps", 0)) < HELPS_PER_LEVEL  # type: ignore[call-overload]
        and occ.senior not in core
    ):
        # Judgement work at the entry rung: the learner works beside the person who decides.
        helps = int(state.get("helps", 0))  # type: ignore[call-overload]
        frames = state.setdefault("help_frames", set())
        assert isinstance(frames, set)
        for k in range(len(_HELP)):
            frame = _HELP[(_hash(occ.brief.soc, cand.key) + k) % len(_HELP)]
            if frame in frames or _lower_words(frame) & _lower_words(core) - {"to"}:
                continue  # each frame once a rung; never "work alongside … to work"
            text = occ.fill(frame.replace("{vp}", "@VP@")).replace("@VP@", core)
            if MIN_WORDS <= _count(cand.subject) + _count(text) <= MAX_WORDS:
                state["helps"] = helps + 1
                frames.add(frame)
                return f"{text}."
        # No frame fits: the ordinary entry phrases below.
    if cand.key.startswith("style:") and not cand.fixed and level is not Level.EMERGING:
        # "act honestly and ethically … without close supervision" implies honesty was
        # supervised below (a reviewer's quote): a work style takes no autonomy tag.
        return f"{core}." if MIN_WORDS <= base <= MAX_WORDS else None
    if cand.kind == "skill" and not cand.fixed:
        options: tuple[str, ...] = _TAGS[level]
    elif cand.fixed:
        return f"{core}." if MIN_WORDS <= base <= MAX_WORDS else None
    else:
        kind = "lead" if cand.kind == "supervisor" else work_kind(core)
        if kind == "learn":
            # Keeping up to date has no exceptions to refer and nobody to sign it off.
            return f"{core}." if MIN_WORDS <= base <= MAX_WORDS else None
        options = level_phrases(
            level,
            occ.zone,
            occ.supervisor_words is not None,
            kind,
            occ.manual,
            occ.first_line,
        )
    start = _hash(occ.brief.soc, cand.key, level.value) % len(options)
    fallback = None
    for k in range(len(options)):
        phrase = options[(start + k) % len(options)]
        names_senior = "{senior}" in phrase
        if names_senior and (occ.senior in core or seniors >= SENIOR_PER_LEVEL):
            continue
        if names_senior and re.search(r"\b(?:supervisors?|managers?)\b", core):
            continue  # "report malfunctioning equipment to supervisor, … referring exceptions
            # to an experienced radiologic technologist": one person to escalate to
        filled = occ.fill(phrase)
        if not MIN_WORDS <= base + _count(filled) <= MAX_WORDS:
            continue
        if _doubles(f"{cand.subject} {core}", filled):
            continue
        if _UNIT_WORDS & _lower_words(filled) and _UNIT_WORDS & _lower_words(core):
            continue  # the unit said twice ("for work activities … on routine work")
        if _DOUBLED.search(filled):
            continue  # "problems other other … mechanics bring"
        if re.search(r"routine|straightforward|each step", filled) and _URGENT.search(core):
            continue  # no "emergencies on routine work", no cardiac arrest "step by step"
        if not _phrase_fits(filled, core):
            continue  # "negotiate … and check the soundness of colleagues' conclusions"
        if " and " in core and filled.startswith(" and "):
            continue  # "… and prepare reports, and show newer clerks …": an and-chain
        if _RELATIVE.search(core) and not filled.startswith((",", " and ")):
            continue  # "workers who perform duties for the whole crew": it would attach there
        if phrase.strip(", ") in used:
            fallback = fallback or (phrase, filled)
            continue
        used.add(phrase.strip(", "))
        state["seniors"] = seniors + names_senior
        return f"{_join(core, filled)}."
    if cand.kind == "skill" and MIN_WORDS <= base <= MAX_WORDS:
        return f"{core}."
    if level is Level.EMERGING and cand.kind in {"task", "dwa", "supervisor"}:
        if (
            MIN_WORDS <= base + 2 <= MAX_WORDS
            and not _RELATIVE.search(core)
            and "under supervision" not in used
        ):
            used.add("under supervision")  # the shortest limit, once a rung, rather than none
            return f"{_join(core, ' under supervision')}."
        if work_kind(core) in {"judge", "lead", "coach"}:
            return None  # no bare "choose routes, altitudes, and speeds" for a learner
    if (
        level in (Level.PROFICIENT, Level.ADVANCED)
        and cand.kind in {"task", "dwa"}
        and work_kind(core) not in {"judge", "lead", "coach"}
    ):
        return None  # "Patient rooms — clean patient rooms." says no senior rung
    if state.get("last_resort") and MIN_WORDS <= base <= MAX_WORDS:
        return f"{core}."
    return None


_UNIT_WORDS = frozenset("work works job jobs task tasks".split())
# Work that reaches conclusions, and work that comes as cases: the verbs whose tasks a
# phrase about "colleagues' conclusions" or "the hardest cases" may follow.
_CONCLUDING = frozenset(
    "analyze analyse assess evaluate review investigate examine interpret diagnose determine "
    "estimate calculate test research audit inspect appraise identify compare verify".split()
)
_CASEWORK = _CONCLUDING | frozenset(
    "advise counsel treat resolve refer interview negotiate handle represent prescribe "
    "consult recommend mediate arbitrate adjudicate approve authorize decide".split()
)


_JOINT = frozenset(
    "collaborate confer consult cooperate coordinate assist help participate partner "
    "accompany attend interact liaise meet".split()
)
_ALONE = re.compile(r"\b(?:independently|autonomy|unsupervised|without (?:close )?supervision)\b")


# Phrases about running a unit's work fit only work that runs it.
_RUNNING = re.compile(
    r"day to day|workload|across own team|function is organi[sz]ed|capability of the wider "
    r"team|champion improvements|for own team or unit"
)
_RUNS = frozenset("direct supervise manage oversee coordinate lead run administer".split())
_STRATEGIC = re.compile(r"strategy|organi[sz]ation level|accountable for|policies and standards")
_SETS = frozenset("establish develop plan formulate set determine approve implement".split())


# Phrases that check or sign off a finished product fit only work that leaves one; phrases
# that give a team its method or standards, or escalate exceptions, do not fit talking with
# people or sending things on. Reviewers quoted "deliver presentations … with a senior …
# signing off the finished work", "confer with legal authorities and set the method the
# whole team follows", "establish interpersonal business relationships … escalating what
# exceeds it", "send defective units … and check that others' work meets the standard".
_CHECKS_OUTPUT = re.compile(
    r"finished work|reviewing the results|checking the work|output before release|"
    r"before sign-off|others' work|each step checked"
)
_TEAM_METHOD = re.compile(
    r"method the whole team|team's standards for|approach the team takes|who does what|"
    r"team's working standards|method other|escalat|referring exceptions|non-routine problems|"
    r"whose lead others follow|as lead hand|as team lead"
)
_SPOKEN = frozenset(
    """answer explain inform advise present deliver talk greet notify speak interview counsel
    lecture brief establish maintain participate attend send ship transport obtain remove
    relay refer contact communicate discuss""".split()
)


def _phrase_fits(phrase: str, core: str) -> bool:
    verb = core.split(" ", 1)[0].strip(",").lower()
    if "conclusions" in phrase and verb not in _CONCLUDING:
        return False
    if _CHECKS_OUTPUT.search(phrase) and verb not in _OUTPUT_VERBS:
        return False
    if _TEAM_METHOD.search(phrase) and (verb in _JOINT or verb in _SPOKEN):
        return False
    if _ALONE.search(phrase) and (verb in _JOINT or core.lower().startswith("work with")):
        return False  # not "collaborate with others … independently"
    if _RUNNING.search(phrase) and verb not in _RUNS:
        return False  # not "hire personnel day to day", "represent … balancing workload"
    if _STRATEGIC.search(phrase) and verb not in _RUNS | _SETS:
        return False  # not "review records or reports, aligning the work with … strategy"
    return not (re.search(r"\bcases\b", phrase) and verb not in _CASEWORK)


_RELATIVE = re.compile(
    r"\b(?:who|that|which|whose|where|how|after|before|when|while|until|whether|if)\b"
)
_URGENT = re.compile(
    r"\b(?:emergenc\w*|crisis|crises|urgent|disasters?|injur\w*|cardiac|arrest|"
    r"life-threatening|resuscitat\w*|trauma\w*)\b",
    re.I,
)


def _lower_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _doubles(core: str, phrase: str) -> bool:
    """The phrase repeats a content word (or its stem) the core or subject already says
    ("routine … routine", "supervise … without supervision")."""
    low = {w.lower()[:6] for w in _WORD.findall(core) if len(w) > 4}
    return any(w.lower()[:6] in low for w in _WORD.findall(phrase) if len(w) > 4)


def _echoes(core: str) -> bool:
    """The core's verb echoed by its own noun ("develop … the development of")."""
    verb = core.split(" ", 1)[0].strip(",").lower()
    noun = nominal(verb).lower()
    return noun != verb and re.search(rf"\b{re.escape(noun)}\b", core.lower()) is not None


# Widenings of named work, by rung. Only those that read as the rung's own work; the
# filler forms reviewers quoted ("Planning of own … work", "Basics of … work", "Resources
# for … work") are kept in _WIDEN_SPARE for a record that nothing else can fill.
_WIDEN = {
    Level.EMERGING: (),
    Level.DEVELOPING: (),
    Level.PROFICIENT: (
        (
            "Quality of {x}",
            "check the quality of colleagues' work when {g} and help put problems right",
        ),
        (
            "Difficult {x} cases",
            "take on the hardest cases when {g} and advise colleagues on method",
        ),
        ("Coaching in {x}", "show newer {peers} how to handle the harder parts of {g}"),
        # ("Problems with {x}" — "find out why problems arise when inspecting motor vehicles"
        # — and "Reviews of {x}" next to "Quality of {x}" read as stock to every reviewer.)
    ),
    Level.ADVANCED: (
        ("Standards for {x}", "set the standards other {peers} follow when {g}"),
        ("Training in {x}", "train and assess newer {peers} in {g}"),
        ("Methods for {x}", "decide the methods and checks the team uses when {g}"),
        ("Improvements to {x}", "find better ways of {g} and agree the changes with the team"),
    ),
}
_WIDEN_SPARE = {
    Level.EMERGING: (
        (
            "Basics of {x} work",
            "learn the steps and checks involved in {g}, working beside {senior}",
        ),
        (
            "Set steps for {x}",
            "follow the set steps when {g} and ask {senior} before departing from them",
        ),
    ),
    # ("Planning own work in …" was read as filler in five files of one review: only the
    # sparsest records use it.)
    Level.DEVELOPING: (
        ("Planning of own {x} work", "plan and organise own work when {g}"),
        ("Accuracy of {x} work", "check own results for accuracy and completeness when {g}"),
    ),
    Level.PROFICIENT: _WIDEN[Level.PROFICIENT]
    + (
        ("Efficiency in {x}", "find quicker, safer ways of {g} without any loss of quality"),
        (
            "Safe practice in {x}",
            "keep to safe practice when {g} and correct unsafe habits in others",
        ),
        ("Advice on {x}", "advise colleagues on {g} when they are unsure of the method"),
        (
            "Checks on {x}",
            "check finished work in {g} against the standard before it leaves own hands",
        ),
    ),
    Level.ADVANCED: (
        ("Sign-off of {x}", "check the team's work in {g} before sign-off"),
        ("Instruction in {x}", "teach newer {peers} the safe, correct way of {g}"),
        ("Oversight of {x}", "watch over newer {peers} while they are {g} and step in when needed"),
        ("Resources for {x} work", "estimate the time, people and materials needed for {g}"),
        # ("decide who takes on each piece of {g}" read "each piece of installing …")
        ("Allocation of {x} work", "decide who handles {g} and check progress"),
        ("Daily plan for {x} work", "plan who handles {g} each day and check the results"),
    ),
}


# The top rung of an occupation that leads by trade: its work seen across the organisation.
_WIDEN_ORGANISATION = (
    (
        "Organisation-wide policy on {x}",
        "set the organisation's policy and long-term targets for {g}",
    ),
    (
        "Strategy for {x}",
        "decide the long-term direction and resources for {g} across the organisation",
    ),
    ("Performance measures for {x}", "set the measures the organisation uses to judge {g}"),
    ("Future leaders in {x}", "develop the managers who will take over {g} in future"),
    (
        "Outside standing in {x}",
        "explain the organisation's approach to {g} to partners and industry bodies",
    ),
)


# ("Outside standing in labor requirements" read as nonsense to every reviewer: spare only.)
_WIDEN_STRATEGY = (_WIDEN_ORGANISATION[1],)


def _comma_list(action: str, g: str) -> str:
    """Put ``g`` into the action; a list in ``g`` takes a comma before the action's own "and"
    ("when observing patients, charting and reporting changes, and help put problems right")."""
    if "," in g:
        action = action.replace("{g} and ", "{g}, and ")
    return action.replace("{g}", g)


def _widen_table(
    level: Level, occ: _Occupation, spare: bool = False
) -> tuple[tuple[str, str], ...]:
    if spare:
        if level is Level.ADVANCED and occ.leads:
            return _WIDEN_ORGANISATION + _WIDEN_SPARE[level]
        if level is Level.ADVANCED:
            return _WIDEN_SPARE[level] + _WIDEN[level]  # a record of four tasks (shampooers)
        return _WIDEN_SPARE[level]
    if level is Level.ADVANCED and occ.leads:
        # The two organisation widenings reviewers read as real (on judgement work only:
        # "Strategy for price schedules", never "Strategy for directing operations").
        return _WIDEN_STRATEGY + _WIDEN[level]
    return _WIDEN[level]


# Work a senior rung does not widen: done alone or simply attended ("check the quality of
# colleagues' work when driving", "set the standards other dancers follow when auditioning").
_NOT_WIDENED = frozenset(
    """attend participate travel drive answer greet watch observe confer collaborate testify
    act guide
    communicate consult read stay remain serve wear walk climb ride sit stand listen
    audition perform rehearse exchange meet discuss relay""".split()
)
# Work whose product a colleague can check or review.
_OUTPUT_VERBS = frozenset(
    """make prepare build install repair assemble cut write draft design construct produce
    bake mix apply paint clean inspect test calculate record compile process fabricate weld
    finish lay set fit measure mark shape form cook package pack load label grade sort
    sew trim align adjust mount connect wire draw document enter code program
    analyze estimate verify examine evaluate review edit compose translate transcribe
    plan schedule order treat dispense administer""".split()
)

# Widenings about a product someone can check, and about hands-on work one can be shown,
# plan resources for or share out: not for consulting, receiving or answering.
_CHECKED_OUTPUT = ("Efficiency in", "Sign-off of", "Checks on", "Accuracy of")
_HANDS_ON_HEADS = (
    "Instruction in",
    "Safe practice in",
    "Oversight of",
    "Resources for",
    "Allocation of",
    "Daily plan for",
)
# Widenings whose subject names the work as a gerund ("Standards for drawing illustrations").
_GERUND_HEADS = {
    "Training in": "Training in",
    "Standards for": "Standards for",
    "Methods for": "Methods for",
    "Improvements to": "Better ways of",
    "Coaching in": "Coaching in",
    "Quality of": "Quality of colleagues' work in",
    "Difficult": "Difficult cases in",
    "Basics of": "Basics of",
    "Set steps for": "Set steps for",
    "Planning of own": "Planning own work in",
    "Accuracy of": "Accuracy in",
    "Efficiency in": "Efficiency in",
    "Safe practice in": "Safe practice in",
    "Advice on": "Advice on",
    "Checks on": "Checks on",
    "Sign-off of": "Final checks on",  # "Sign-off of calculating load weights" garbled
    "Instruction in": "Instruction in",
    "Oversight of": "Oversight of",
    "Resources for": "Resources for",
    "Allocation of": "Allocating work in",
    "Daily plan for": "Daily plan for",
}
# Office routine no senior rung coaches, checks colleagues in or sets standards for:
# reviewers would rewrite "Coaching in filing and maintaining records", "Methods for
# scheduling medical appointments", "Standards for calculating data".
_CLERICAL = frozenset(
    """file record maintain keep transmit organize organise compile promote post obtain
    schedule book consult classify locate type enter proofread copy mail process sort
    calculate compute tabulate log""".split()
)
_PAPERWORK = re.compile(
    r"\b(?:records?|files?|documents?|forms?|data|paperwork|logs?|reports?|correspondence|"
    r"appointments?|bibliograph\w+|materials)\b",
    re.IGNORECASE,
)
# Small steps of the work that no senior rung trains, sets standards for or improves.
_SMALL_WORK = frozenset(
    """clean wash sweep wipe lubricate oil climb lift carry move fill empty remove idle raise
    lower turn push pull open close load unload stack requisition order answer greet deliver
    fetch count stock change sharpen refill replenish dust mop tidy store retrieve drape pin
    photocopy copy distribute collect obtain scrape vacuum depress press refuel attach wet
    unclamp clamp signal hand pass wrap fold hang hold hose rinse shovel bag issue stamp
    supply reproduce deposit""".split()
)

# Work too slight for a senior rung to coach, improve or set standards for, whatever its
# verb: "fixing minor problems", "renewing domain name registrations", "providing
# information to coworkers", "inspecting facilities for cleanliness" (reviewers' quotes).
_TRIVIAL_WORK = re.compile(
    r"\b(?:minor|registrations?|renew\w*|cleanliness|announc\w*|"
    r"(?:provide|present|relay|give|pass) (?:\w+ )?information to|"
    r"to ensure proper (?:operation|functioning)|supplies? (?:are|is) available)\b",
    re.IGNORECASE,
)
# Hands-on work with its own hazards, where safe practice is part of doing it well.
_HAZARD_VERBS = frozenset(
    """operate lift cut handle install repair clean mix load unload weld spray apply lay
    assemble dismantle administer dispense inject cook fry bake climb drill blast grind
    saw stack move transport restrain sterilize dispose connect wire mount hoist rig
    demolish excavate dig pour spread""".split()
)


def _widened(
    tasks: list[Candidate], level: Level, occ: _Occupation, spare: bool = False
) -> list[Candidate]:
    """Task work seen from a wider rung, for records too sparse to fill that rung."""
    out = []
    for n, (subject_t, action_t) in enumerate(_widen_table(level, occ, spare)):
        for cand in tasks:
            task = next(a for a in cand.anchors if a.kind == "task")
            text = next(t.text for t in occ.brief.tasks if str(t.id) == task.id)
            if cand.kind == "dwa":
                dwa = next(a for a in cand.anchors if a.kind == "dwa")
                text = dwa_text(
                    next(d.title for t in occ.brief.tasks for d in t.dwas if d.id == dwa.id),
                    occ.brief,
                )
            short = verb_phrase(text, 7)
            if short is None or _broken_gerund(gerund_phrase(short)):
                continue
            if (
                not spare
                and level in (Level.PROFICIENT, Level.ADVANCED)
                and (_task_type(occ.brief, task.id) == "Supplemental")
            ):
                continue  # "Coaching in lost or broken keys": only core work is widened upward
            if subject_t.startswith("Difficult") and work_kind(text) != "judge" and not occ.loose:
                continue  # "take on the hardest cases when maintaining treatment records"
            if (subject_t, action_t) in _WIDEN_STRATEGY and work_kind(text) != "judge":
                continue  # "Strategy for expenditure approval" reads as nonsense
            if not spare and level is Level.ADVANCED and work_kind(text) in {"routine", "learn"}:
                continue  # "Standards for work orders": reading work orders sets no standard
            x_words = cand.subject.split()
            if not spare and (len(x_words) > 5 or x_words[-1].lower() == "work"):
                continue  # "Quality of sales slips in customers' ledgers work"
            verb = text.split(" ", 1)[0].lower().strip(",")
            if not spare and verb in _NOT_WIDENED:
                continue  # "Quality of rail-guided transportation" (driving is done alone),
                # "Standards for auditioning for roles", "Efficiency in staying informed"
            if action_t.startswith(("check the quality", "review colleagues")) and (
                verb not in _OUTPUT_VERBS
            ):
                continue  # nothing to check: "… when participating in training sessions"
            if not spare and subject_t.startswith("Safe practice") and verb not in _HAZARD_VERBS:
                continue  # "Safe practice in referrals of customers": no hazard in referring
            if subject_t.startswith("Planning of own") and not occ.loose:
                continue
            if (
                subject_t.startswith(_CHECKED_OUTPUT)
                and verb not in _OUTPUT_VERBS
                and not occ.loose
            ):
                continue  # "Efficiency in customer problems or complaints", "check the team's
                # work in consulting tax law handbooks before sign-off"
            if (
                subject_t.startswith(_HANDS_ON_HEADS)
                and verb not in _HAZARD_VERBS | _OUTPUT_VERBS
                and not occ.loose
            ):
                continue  # "teach … the safe, correct way of consulting with hospitalists",
                # "decide who handles receiving information or instructions"
            if x_words[0].lower() in subject_t.lower().split() or _lower_words(action_t) & {verb}:
                continue  # "Quality of quality of raw materials", "check … when checking"
            if work_kind(text) == "lead" and not (level is Level.ADVANCED and occ.leads):
                continue  # "follow the set steps when directing foreign sales", "Training in
                # directing operational or production activities": leading is not widened
            if (
                level is Level.ADVANCED
                and occ.leads
                and (_ORGANISATION_WORK.search(text) or work_kind(text) not in {"lead", "judge"})
            ):
                # already organisation-wide ("policy on establishing objectives"), or too
                # small for it ("strategy for checking spa equipment")
                continue
            if spare and n == 1 and level is Level.DEVELOPING and work_kind(text) != "routine":
                continue  # "check own results for accuracy" fits records, not counselling
            x = cand.subject if cand.subject.split(" ", 1)[0].isupper() else cand.subject.lower()
            if "," in x:
                continue  # "Basics of laws, rulings and regulations work" reads as a list
            if work_kind(text) == "learn":
                continue  # "Problems in maintaining medical or professional knowledge"
            if (
                not spare
                and level in (Level.PROFICIENT, Level.ADVANCED)
                and (verb in _SMALL_WORK or _TRIVIAL_WORK.search(text))
            ):
                continue  # "Training in raising levers", "Methods for idling motors",
                # "Standards for renewing domain name registrations"
            if (
                not occ.loose
                and level in (Level.PROFICIENT, Level.ADVANCED)
                and (
                    verb in _CLERICAL or (verb in {"prepare", "write"} and _PAPERWORK.search(text))
                )
                and work_kind(text) != "judge"
            ):
                continue  # "Coaching in transmitting information or documents to customers"
            if subject_t.startswith("Quality of") and not occ.manual:
                continue  # "Quality of colleagues' work in preparing tests": teachers do not
                # check each other's tests; a bench or site hand's work is checked
            subject = subject_t.format(x=x)
            head = _GERUND_HEADS.get(subject_t.split(" {", 1)[0])
            if head:
                brief_g = verb_phrase(text, 6)
                if brief_g is None:
                    continue
                # the work as a gerund, not its object: "Training in trimming wood parts",
                # never "Training in wood parts" or "Improvements to market conditions"
                named = f"{head} {gerund_phrase(brief_g)}"
                toks = named.lower().split()
                if (
                    clause_inside(named)
                    or loose_list(named)
                    or {"it", "them", "they"} & set(toks)
                    or any(
                        a in {"and", "or"} and b in BASE_VERBS and not b.endswith("ing")
                        for a, b in zip(toks, toks[1:], strict=False)
                    )
                    or any(  # "feeling and visually examine gums"
                        a in {"and", "or"} and b.endswith("ly") and c in BASE_VERBS
                        for a, b, c in zip(toks, toks[1:], toks[2:], strict=False)
                    )
                ):
                    # not "Coaching in dressing bodies and place them"; and no fallback to
                    # the object ("Coaching in objects and places", "Improvements to
                    # passengers' questions and requests"): the widening is not written
                    # The work up to its first list ("Coaching in breaking up rock", not
                    # "Coaching in rock and asphalt"), else, for the sparsest records only,
                    # the object.
                    first = brief_g.split(",", 1)[0]
                    if (
                        "," in brief_g
                        and len(first.split()) >= 2
                        and not ({"and", "or"} & set(first.split()))
                    ):
                        named = f"{head} {gerund_phrase(first)}"
                    elif not occ.loose:
                        continue
                    else:
                        named = subject
                subject = named
            out.append(
                Candidate(
                    subject=capitalize(re.sub(r"\bwork work\b", "work", subject)),
                    core=occ.fill(_comma_list(action_t, gerund_phrase(short))),
                    anchors=cand.anchors,
                    theme=cand.theme,
                    kind="widened",
                    prefs=(0.0, 0.0, 0.0, 0.0),
                    key=f"widened{'-spare' if spare else ''}:{level.value}:{n}:{cand.key}",
                    fixed=True,
                )
            )
    return out


_STACKED = re.compile(r"\b(?:for|to|with|of|on|in|across|within) (?:on|in|for|across|within)\b")
_DOUBLED = re.compile(r"\b(\w+)\W+\1\b", re.IGNORECASE)
_VAGUE_PEOPLE = re.compile(r"\b(?:direct|lead|manage|coordinate|supervise) (?:it|them)\b")


_SCOPE_TWICE = re.compile(
    r"\b(?:for|to|with) (" + "|".join(_PEOPLE) + r")\b.*\b(?:for|to|with) \1\b"
)


def _flawed(core: str) -> bool:
    """O*NET wording the checks reject when carried whole ("blood, blood products", "come
    in on time", "for clients … for clients"): such a phrase is not used rather than
    published with the seam."""
    return bool(
        _STACKED.search(core)
        or _DOUBLED.search(core)
        or _VAGUE_PEOPLE.search(core)
        or _SCOPE_TWICE.search(core)
        or _GARBLED_ONET.search(core)
    )


# O*NET sentences that read as garbled when carried whole ("coordinate completion of work bid
# from contractors", quoted in five reviews).
_GARBLED_ONET = re.compile(r"\bcompletion of work bid\b|\bresponding to and resolve\b")


def _good_subject(subject: str, core: str) -> bool:
    """A subject that names work cleanly and does not echo the action's opening verb."""
    toks = subject.lower().split()
    if not toks or toks[-1].strip(",") in _DANGLING_SUBJECT or subject.endswith(","):
        return False
    if opens_with_verb(subject) or toks[0] in {"and", "or", "but", "of", "in"}:
        return False
    # A cut-off participle or a vague tail: "Employees engaged", "Activities associated",
    # "Programs in cases", "Worker training in areas".
    if len(toks) > 1 and (toks[-1].endswith("ed") or toks[-1] in _VAGUE_TAILS):
        return False
    # A cut-off clause: "Mold areas not", "Requirements applying", "Clients get".
    if len(toks) > 1 and (
        toks[-1] in _CUT_WORDS
        or (set(all_lemmas(toks[-1])) == {"VERB"} and not toks[-1].endswith(("ing", "s")))
        # "Groundwater contamination reports on known": a preposition left on an adjective
        or (
            toks[-2] in _DANGLING_SUBJECT - {"the", "a", "an"}
            and not toks[-1].endswith(("ing", "s"))
            and _not_noun(toks[-1])
        )
        or (toks[-1].endswith("ing") and toks[-2].endswith("s") and not toks[-2].endswith("ss"))
    ):
        return False
    # A second clause left in the label: "Containers and re-pack damaged containers",
    # "Defective products and readjust equipment".
    for n, (prev, tok) in enumerate(zip(toks, toks[1:], strict=False), start=1):
        redo = tok not in BASE_VERBS and tok.startswith("re") and tok[2:].lstrip("-") in BASE_VERBS
        if prev in {"and", "or"} and redo:
            return False  # "Containers and re-pack damaged containers": no noun is "re-pack"
        if prev not in {"and", "or"} or tok not in BASE_VERBS:
            continue
        last = n == len(toks) - 1
        if (
            tok not in NOUNISH_VERBS
            or (last and tok in {"check", "schedule", "record", "report"})
            or (not last and (toks[n + 1].endswith("s") or toks[n + 1] in {"work", "the"}))
        ):
            return False  # "… and check", "Patients and schedule appointments"
    if toks[-1] in {"relevant", "responsible", "ways", "movement"}:
        return False  # "Data relevant", "Determinants responsible", "Devising ways"
    if len(toks) > 1 and (toks[-1].endswith("ly") or toks[-1] in _ADVERB_TAILS):
        return False  # "Semen microscopically", "Inner coils of springs away"
    if toks[0] in {"using", "motivate", "informed"} or "any" in toks:
        return False  # "Informed about current developments", "Service departments any problems"
    if _ADJECTIVE_OF.search(subject.lower()):
        return False  # "Using brush", "Local and regional of materials"
    if len(toks) > 1 and toks[-2] in {"various", "several", "many"} and not toks[-1].endswith("s"):
        return False  # "Adaptability of various animal"
    if (
        len(toks) > 1
        and (toks[0] in BASE_VERBS or toks[0] in all_lemmas(toks[0]).get("VERB", ()))
        and "NOUN" not in all_lemmas(toks[0])
        and not toks[0].endswith(("ed", "en"))
    ):
        return False  # "Renegotiate negotiation", "Withhold and account": a verb as label
    if any(a == "to" and b in BASE_VERBS for a, b in zip(toks[-3:], toks[-2:], strict=False)):
        return False  # "Annual and interim to ensure conformance", "Hearings to review"
    if toks[0] in _PREPOSITIONS or (len(toks) > 1 and toks[-2:] == ["as", "part"]):
        return False  # "Behind a gaming table", "Working as part"
    if any(
        tok in {"the", "a", "an"} and prev not in _PREPOSITIONS | {"and", "or"}
        for prev, tok in zip(toks, toks[1:], strict=False)
    ):
        return False  # "Planning officials the purpose": two noun phrases run together
    if (
        len(toks) > 1
        and not toks[-1].endswith("ing")
        and set(all_lemmas(toks[-1])) & {"ADJ", "ADV"}
        and "NOUN" not in all_lemmas(toks[-1])
    ):
        return False  # "Data pertinent", "Performance of electrical", "Proof sheets aloud"
    if len(toks) > 1 and toks[-2] in {"and", "or"} and toks[-1] in _ADJECTIVE_TAILS:
        return False
    if toks[0] in {"how", "what", "which", "whether", "when", "where", "who", "why"}:
        return False  # "How many gaming tables"
    if toks[0] in _VAGUE_HEADS or toks[:2] in (["service", "of"], ["greeting", "of"]):
        return False  # "Manner determination", "Issue testing", "Service of committees"
    if len(toks) <= 3 and toks[-1] in _PERSON_SUBJECTS:
        return False  # "Truck driver": a label names work, not the person it is done with
    if _cut_short(toks, core):
        return False  # "Forensic investigations of operating", "Evaluation of potential"
    if any(
        prev in {"and", "or"}
        and (
            (set(all_lemmas(tok)) == {"VERB"} and tok in all_lemmas(tok)["VERB"])
            or (not all_lemmas(tok) and nxt.endswith("ed"))
        )
        for prev, tok, nxt in zip(toks, toks[1:], [*toks[2:], ""], strict=False)
    ):
        return False  # "Data or decrypt seized data"
    first = core.split(" ", 1)[0].lower().strip(",")
    # "Operations review — review operations": the subject's noun is the action's verb.
    return toks[-1] != first and toks[0] != first


# Head nouns that say nothing until their complement: a heading that ends on one, with its
# "of"/"for" phrase cut off, names nothing ("Evaluation of potential").
_NEEDS_COMPLEMENT = frozenset(
    """potential factors impact impacts operating feasibility suitability
    effectiveness availability adequacy extent nature causes types kinds""".split()
)
# Words O*NET uses as modifiers of a noun that a list shares ("diagnostic or care
# activities", "chemical processing or water treatment systems"), though also nouns.
_MODIFIERS = frozenset(
    """diagnostic chemical electrical mechanical medical technical clinical agricultural
    industrial commercial financial artistic administrative architectural operating
    structural environmental residential""".split()
)


def _cut_short(toks: list[str], core: str) -> bool:
    """Whether a heading stops inside the noun phrase its action goes on with: its last word
    is followed in the action by more of the same list ("Manual agricultural and aquacultural"
    from "manual agricultural, aquacultural, or horticultural tasks"; "Coaching in rock and
    asphalt" from "rock, asphalt, or concrete"), or is a noun that needs its cut complement
    ("Calculation of potential" from "potential for energy savings")."""
    if len(toks) < 2:
        return False
    words = core.lower().split()
    last = toks[-1].strip(",")
    for n, raw in enumerate(words[:-1]):
        if raw.strip(",.") != last:
            continue
        nxt = words[n + 1].strip(",.")
        lemmas = all_lemmas(last)
        adjective = (
            last in _MODIFIERS
            or ("ADJ" in lemmas and "NOUN" not in lemmas)
            or (not lemmas and last.endswith(("al", "ic", "ive")))  # "aquacultural"
        )
        if raw.endswith(",") and adjective:
            return True  # "manual agricultural, aquacultural, or horticultural tasks"
        if nxt in {"or", "and"} and adjective:
            return True  # "patient diagnostic or care activities": a modifier of a shared noun
        if last in _NEEDS_COMPLEMENT and nxt in {"of", "for", "on", "in"}:
            return True
        return False
    return False


_VAGUE_HEADS = frozenset(
    "manner issue issues need needs backing collection duties taking".split()
)  # "Duties — perform duties", "Taking actions — take actions"
_PERSON_SUBJECTS = frozenset(
    """driver operator worker attendant technician manager supervisor customer client patient
    officer clerk assistant employee visitor guest passenger student nurse physician doctor
    engineer contractor inspector owner buyer seller vendor supplier person""".split()
)
_PREPOSITIONS = frozenset(
    """of to for in on at with from by into onto during under over about after before behind
    between among through across within without upon against toward towards""".split()
)
_ADJECTIVE_TAILS = frozenset("social still cultural recreational other related".split())


_ADVERB_TAILS = frozenset("away together apart up out off down back".split())
_ADJECTIVE_OF = re.compile(r"\b(?:local|regional|global|national|various|linear)\s+of\b")


_VERB_IN_LIST = re.compile(
    r"\b(?:and|or) (?:"
    + "|".join(sorted(v for v in BASE_VERBS if v not in NOUNISH_VERBS))
    + r")\b",
    re.IGNORECASE,
)


def _not_noun(word: str) -> bool:
    """A word lemminflect knows only as an adjective or verb ("electrical"), or a verb's
    participle ("known")."""
    lemmas = all_lemmas(word)
    if word not in lemmas.get("VERB", (word,)):
        return True  # a participle: "reports on known"
    return bool(lemmas) and "NOUN" not in lemmas and "PROPN" not in lemmas


_CUT_WORDS = frozenset("not no only also than such very".split())
_VAGUE_TAILS = frozenset("areas cases matters aimed pertaining involving accordance".split())
_DANGLING_SUBJECT = frozenset(
    "and or of to for in on at by with from as the a an near into onto".split()
)


def _tokens(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if len(w) > 3}


def _too_alike(core: str, others: list[str], limit: float = 0.45) -> bool:
    mine = _tokens(core)
    for other in others:
        theirs = _tokens(other)
        if mine and theirs and len(mine & theirs) / len(mine | theirs) >= limit:
            return True
    return False


def _near(home: int, level: int, key: str) -> bool:
    """Whether a skill (up to two rungs up) or work style (one either way) fits a level."""
    if key.startswith("style:"):
        return abs(home - level) <= 1
    return 0 <= level - home <= 1


REPEATS = 3  # statements a framework may give a subject already said at another level


_WORK = frozenset({"task", "dwa", "widened", "tool"})  # statements of a task's own work
_CLINICAL = re.compile(
    r"\b(?:medications?|medicines?|drugs?|diagnos\w*|prescri\w*|treatment (?:plans?|goals?)|"
    r"medical (?:or \w+ )?advice|injections?|intravenous\w*)\b",
    re.I,
)
# Clinical decisions (a pharmacy technician preparing medications is its own work; giving
# them, judging a condition or advising on treatment is the licensed practitioner's).
_CLINICAL_VERBS = frozenset(
    "administer give assess diagnose prescribe treat provide recommend advise evaluate "
    "determine select inject".split()
)
_CLINICAL_GERUNDS = re.compile(
    r"\b(?:administering|giving|assessing|diagnosing|prescribing|treating|providing|"
    r"recommending|advising|evaluating|determining|selecting|injecting)\b"
)


def _clinical_decision(core: str) -> bool:
    """Whether a statement's work is a clinical decision: giving medication, judging a
    condition, advising on treatment (the verb itself or, in a widening, its gerund)."""
    if not _CLINICAL.search(core):
        return False
    return (
        core.split(" ", 1)[0] in _CLINICAL_VERBS
        or bool(_CLINICAL_GERUNDS.search(core))
        or bool(re.search(r"\bto (?:determine|assess|diagnose|prescribe|select)\b", core))
    )  # "analyze patient data to determine patient needs or treatment goals"


TASK_USES = 3  # statements one task may give a framework (at different rungs)
# Decisions no entrant takes, with or without a supervisor checking each step.
_SENIOR_CALLS = re.compile(
    r"\b(?:staffing decisions|hiring|hire|personnel actions|disciplinary|plant shutdowns?|"
    r"shutdowns? of|terminat\w+ (?:employees|staff|workers)|assign this work to others)\b",
    re.IGNORECASE,
)


class _Picker:
    """Chooses each level's statements, keeping subjects and keys unique in the framework."""

    def __init__(self, occ: _Occupation) -> None:
        self.occ = occ
        self.chosen: dict[Level, list[tuple[Candidate, str]]] = {lv: [] for lv in LEVELS}
        self.states: dict[Level, dict[str, object]] = {lv: {} for lv in LEVELS}
        self.level_tasks: dict[Level, set[str]] = {lv: set() for lv in LEVELS}
        self.level_dwas: dict[Level, set[str]] = {lv: set() for lv in LEVELS}
        self.skill_dwas: dict[Level, set[str]] = {lv: set() for lv in LEVELS}
        self.skill_tasks: dict[Level, set[str]] = {lv: set() for lv in LEVELS}
        self.work_dwas: dict[Level, set[str]] = {lv: set() for lv in LEVELS}
        self.work_tasks: dict[Level, set[str]] = {lv: set() for lv in LEVELS}
        self.used_keys: set[str] = set()
        self.used_subjects: set[str] = set()
        self.task_uses: dict[str, int] = {}
        self.repeats = 0
        self.carry = 0  # repeats the carry-forward pass may add beyond REPEATS
        self.relaxed = False
        self.generic_ok = False  # more than one plain statement a rung (after all else)
        self.alike = 0.0  # a floor under the likeness limit, raised for the sparsest records

    def full(self, level: Level) -> bool:
        return len(self.chosen[level]) >= PER_LEVEL

    def take(self, cand: Candidate, level: Level, repeat: bool = False) -> bool:
        if repeat:
            # A sparse record may say one subject at a second level (at most REPEATS times),
            # never twice within a level.
            mine = {c.subject.lower() for c, _ in self.chosen[level]}
            if (
                self.repeats >= REPEATS + 4 * (self.occ.loose and self.alike >= 1.0) + self.carry
                or cand.subject.lower() in mine
            ):
                return False
        elif cand.key in self.used_keys or cand.subject.lower() in self.used_subjects:
            return False
        if not _good_subject(cand.subject, cand.core) or _echoes(cand.core):
            return False
        if (
            _plain_general(cand)
            and not (self.occ.loose or self.relaxed or self.generic_ok)
            and any(_plain_general(c) for c, _ in self.chosen[level])
        ):
            return False  # one statement a rung that fits any job, at most (reviewers'
            # most quoted filler: "Critical thinking — weigh the strengths and weaknesses
            # of alternative approaches before settling on one")
        if (
            _plain_general(cand)
            and level is Level.ADVANCED
            and not (self.occ.leads or self.occ.first_line or self.occ.loose)
            and hands_on(self.occ.zone)
        ):
            return False  # "Critical thinking — …, setting the example for the team" is no
            # lead hand's mark in frontline work
        if cand.kind == "tool" and _VERB_IN_LIST.search(cand.subject):
            return False  # "Bench voltmeters and clamp voltmeters" reads as a verb
        if level is Level.ADVANCED and re.search(r"\b(?:it|them)\b", cand.core):
            return False  # the top rung names what it governs
        if _flawed(cand.core) or any(
            re.search(rf"\b{re.escape(m)}\b", cand.core.lower()) for m in PROFILES[level].forbidden
        ):
            return False
        if (
            level in (Level.PROFICIENT, Level.ADVANCED)
            and cand.kind in {"task", "dwa"}
            and cand.core.split(" ", 1)[0].lower() in _SMALL_WORK
            and not self.states[level].get("last_resort")
        ):
            return False  # "clean facilities or equipment as team lead"
        if (
            cand.kind == "supervisor"
            and not self.occ.loose
            and sum(c.kind == "supervisor" for c, _ in self.chosen[level]) >= SUPERVISOR_MOST
        ):
            return False  # the top rung keeps room for the occupation's own work
        task_ids = [a.id for a in cand.anchors if a.kind == "task"]
        if cand.kind in {"dwa", "tool"} and (
            any(self.task_uses.get(t, 0) >= 2 for t in task_ids)
            or self.level_tasks[level] & set(task_ids)
        ):
            return False
        if (
            cand.kind in _WORK
            and level in (Level.PROFICIENT, Level.ADVANCED)
            and self.occ.clinical_limit
            and _clinical_decision(cand.core)
        ):
            return False  # "administer medications or treatments, setting the example for
            # less experienced nursing assistants"; "provide medical or cosmetic advice"
        uses = TASK_USES + 2 * self.relaxed + 10 * self.occ.loose  # few tasks: more often
        if (
            level is Level.EMERGING
            and cand.kind in {"task", "dwa"}
            and _SENIOR_CALLS.search(cand.core)
            and not cand.fixed
        ):
            return False  # "participate in staffing decisions, with each step checked",
            # "order plant shutdowns in emergency situations" at the entry rung
        if (
            level in (Level.EMERGING, Level.DEVELOPING)
            and cand.kind in {"task", "dwa"}
            and cand.core.startswith("testify")
        ):
            return False  # testimony is given by the witness alone: no "testify … under
            # supervision" or "independently, referring exceptions"
        if cand.kind in _WORK and (
            (self.work_tasks[level] & set(task_ids) and not (self.relaxed or self.occ.loose))
            or any(self.task_uses.get(t, 0) >= uses for t in task_ids)
        ):
            # One statement of a task per rung, and a task in at most TASK_USES statements:
            # reviewers found "trimming excess rubber" eight times in one framework, run
            # through the quality, review, coaching and standards patterns of one rung.
            return False
        dwa_ids = {a.id for a in cand.anchors if a.kind == "dwa"}
        if cand.kind in {"task", "dwa"} and dwa_ids & self.work_dwas[level]:
            return False  # "Hire personnel" and "recruit and hire staff" in one rung
        if cand.kind in _GENERAL and (
            dwa_ids & self.level_dwas[level] or set(task_ids) & self.level_tasks[level]
        ):
            return False  # a skill shown in work its level already states, twice over
        if cand.kind in _WORK and set(task_ids) & self.skill_tasks[level]:
            return False  # and a task stated where a skill is already shown in it
        if cand.kind == "widened" and dwa_ids & self.skill_dwas[level]:
            return False  # and the other way round
        if cand.kind == "widened":
            head = cand.subject.split()[:2]
            alike = sum(
                c.kind == "widened" and c.subject.split()[:2] == head for c, _ in self.chosen[level]
            )
            if alike >= 1 + 2 * self.occ.loose and self.alike < 1.0:
                return False  # one "Coaching in …" a rung: three read as a template
        limit = 0.5 if cand.kind == "widened" else 0.45
        if self.relaxed:
            limit = 0.55  # a record of four tasks: its widenings share their words
        limit = max(limit, self.alike)
        if _too_alike(cand.core, [c.core for c, _ in self.chosen[level]], limit):
            return False
        action = _write(cand, level, self.occ, self.states[level])
        if action is None:
            return False
        if ", " in action and _closing(action) in {_closing(a) for _, a in self.chosen[level]}:
            return False  # "…, or defective mechanical parts" twice in a rung
        self.chosen[level].append((cand, action))
        self.repeats += cand.subject.lower() in self.used_subjects
        self.used_keys.add(cand.key)
        self.used_subjects.add(cand.subject.lower())
        self.level_tasks[level].update(task_ids)
        self.level_dwas[level].update(dwa_ids)
        if cand.kind in _GENERAL:
            self.skill_dwas[level].update(dwa_ids)
            self.skill_tasks[level].update(task_ids)
        if cand.kind in {"task", "dwa"}:
            self.work_dwas[level].update(dwa_ids)
        if cand.kind in _WORK:
            self.work_tasks[level].update(task_ids)
        for t in task_ids:
            self.task_uses[t] = self.task_uses.get(t, 0) + 1
        return True


def _closing(action: str) -> str:
    """What follows an action's last comma (the phrase a reader hears as its ending)."""
    body = action.rstrip(".")
    return body.rsplit(", ", 1)[1].strip().lower() if ", " in body else ""


def _fill(pick: _Picker, pool: list[Candidate], last_resort: bool, any_rung: bool = False) -> None:
    """Fill each level still short of ten with any unused statement the records give, at
    any preference; as a ``last_resort`` general statements are not capped and a level
    phrase may repeat within the level."""
    for level in LEVELS:
        if pick.full(level):
            continue
        i = LEVELS.index(level)
        pick.states[level]["last_resort"] = last_resort
        rest = sorted(
            (c for c in pool if c.key not in pick.used_keys),
            key=lambda c: (c.kind in _GENERAL, -c.prefs[i], -max(c.prefs), c.key),
        )
        for cand in rest:
            if pick.full(level):
                break
            if cand.kind == "supervisor" and i == 2:
                continue  # the supervisor's own work is the top rung's, never Proficient's
            if i <= 1 and (
                cand.kind == "supervisor"
                or (cand.kind in {"task", "dwa"} and work_kind(cand.core) in {"lead", "coach"})
            ):
                continue  # supervising and training others is no learner's work, ever
            if (
                cand.kind in _GENERAL
                and not last_resort
                and (
                    _plain_general(cand)
                    or sum(c.kind in _GENERAL for c, _ in pick.chosen[level]) >= GENERAL_PER_LEVEL
                )
            ):
                continue
            if i >= 2 and cand.kind in {"task", "dwa"} and work_kind(cand.core) == "learn":
                continue  # keeping up to date is not a senior rung's work
            if i >= 2 and cand.kind == "technology":
                continue  # software use is no senior rung's mark
            if not last_resort and cand.kind in {"task", "dwa"}:
                kind = work_kind(cand.core)
                if i == 3 and kind in {"routine", "core", "learn"}:
                    continue  # the top rung widens everyday work before it repeats it
                if i == 2 and kind in {"routine", "learn"}:
                    continue
            if cand.kind == "knowledge" and level not in cand.levels:
                continue
            home = LEVELS.index(cand.levels[0]) if cand.levels else i
            if (
                not pick.relaxed
                and cand.levels
                and not _near(home, i, cand.key)
                and not (
                    last_resort
                    and cand.kind == "skill"
                    and (pick.occ.loose or home <= i <= home + (3 if any_rung else 2))
                )
            ):
                continue  # a skill shows at its rung or up to two above; a style one
            if cand.key.startswith("style:") and i > home + 1 and not pick.occ.loose:
                continue  # "Honesty and integrity" or "Initiative" is no top rung's mark
            if cand.kind == "skill" and home <= 1 and i == 3 and not pick.occ.loose:
                continue  # "Time management — plan own time when cleaning windshields" at
                # the top rung (a reviewer's quote)
            pick.take(cand, level)


LADDER_THEMES = 3  # subjects a framework follows down from its senior rungs
# The established worker's share of judgement work a senior rung holds: its everyday cases.
_STRAIGHTFORWARD = {
    "judge": (
        "handle the straightforward cases when {g}, referring complex ones to {senior}",
        "deal with everyday cases when {g} and pass difficult ones to {senior}",
    ),
    "core": (
        "deal with the usual situations when {g}, referring unusual ones to {senior}",
        "handle the common variations in {g}, asking {senior} about anything unusual",
    ),
}
# A subject said at another rung, restated at this one (the sparsest records only).
_AGAIN = {
    Level.EMERGING: ("learn the steps and checks of {g}, working beside {senior}",),
    Level.DEVELOPING: _STRAIGHTFORWARD["core"],
    Level.PROFICIENT: (
        "take on the hardest cases when {g} and advise colleagues on method",
        "answer colleagues' questions on {g} and show them the quicker, surer way",
    ),
    Level.ADVANCED: (
        "set the standards other {peers} follow when {g}",
        "decide the methods and checks the team uses when {g}",
    ),
}


# The subject a restated task takes at a rung (the sparsest records' last resort).
_AGAIN_HEADS = {
    Level.EMERGING: "Basics of",
    Level.PROFICIENT: "Difficult cases in",
    Level.ADVANCED: "Standards for",
}


# Work one person does at the controls: nobody "helps an experienced worker drive trucks".
_ALONE_AT_CONTROLS = frozenset("drive pilot fly steer navigate ride".split())
# Work done with others, not for them: "help an assistant confer with coworkers" is nonsense.
_TOGETHER = frozenset(
    "confer consult collaborate communicate meet discuss liaise cooperate coordinate "
    "participate attend interact network correspond".split()
)


def _follow_down(pick: _Picker, occ: _Occupation) -> None:
    """Fill short lower rungs with work a senior rung already holds, at the lower rung's
    size: "help a senior chemist design experiments" (Emerging), "handle the straightforward
    cases when designing experiments, referring complex ones to a senior chemist"
    (Developing). Leading work never comes down; the subject stays the same (a repeated
    subject, at most LADDER_THEMES in a framework) and the verb changes."""
    if pick.full(Level.EMERGING) and pick.full(Level.DEVELOPING):
        return
    sources = [
        cand
        for level in (Level.PROFICIENT, Level.ADVANCED)
        for cand, _ in pick.chosen[level]
        if cand.kind in {"task", "dwa"} and work_kind(cand.core) in {"judge", "core"}
    ]
    sources.sort(key=lambda c: (work_kind(c.core) != "judge", _hash(occ.brief.soc, c.key)))
    followed = 0
    for cand in sources:
        if followed >= LADDER_THEMES:
            break
        if occ.senior in cand.core or cand.core.split(" ", 1)[0] in _TOGETHER | _ALONE_AT_CONTROLS:
            continue
        took = False
        if not pick.full(Level.EMERGING) and (
            work_kind(cand.core) == "judge" or occ.noun in occ.senior
        ):
            # Everyday work is shared with an experienced member of the trade ("help an
            # experienced electrician install wiring"), never with a supervisor who does not
            # do it ("help a supervisor seal or open envelopes").
            frames = pick.states[Level.EMERGING].setdefault("help_frames", set())
            assert isinstance(frames, set)
            for k in range(len(_HELP)):
                frame = _HELP[(_hash(occ.brief.soc, cand.key) + k) % len(_HELP)]
                if frame in frames or _lower_words(frame) & _lower_words(cand.core) - {"to"}:
                    continue
                core = occ.fill(frame.replace("{vp}", "@VP@")).replace("@VP@", cand.core)
                helped = _replace(cand, core=core, key=f"help:{cand.key}", fixed=True)
                if pick.take(helped, Level.EMERGING, repeat=True):
                    frames.add(frame)
                    took = True
                    break
        short = verb_phrase(cand.core, 9)
        if short is not None and _broken_gerund(gerund_phrase(short)):
            short = None
        if not took and not pick.full(Level.DEVELOPING) and short is not None:
            used = pick.states[Level.DEVELOPING].setdefault("frames", set())
            assert isinstance(used, set)
            for k, frame in enumerate(_STRAIGHTFORWARD.get(work_kind(cand.core), ())):
                if frame in used:
                    continue
                core = occ.fill(frame.replace("{g}", gerund_phrase(short)))
                plain = _replace(cand, core=core, key=f"plain:{k}:{cand.key}", fixed=True)
                if pick.take(plain, Level.DEVELOPING, repeat=True):
                    used.add(frame)
                    took = True
                    break
        followed += took


def _carry_forward(pick: _Picker, occ: _Occupation) -> None:
    """Fill a short Developing (and Proficient) rung with the rung below's own work, one
    step up, before any skill or knowledge statement that names none of the occupation's
    work: "Test administration — administer tests … under supervision" (Emerging) ->
    "handle the common variations in administering tests, asking … about anything unusual"
    (Developing); judgement work from Developing to Proficient ("take on the hardest cases
    when …"). The subject stays, the verb changes, within the REPEATS a framework allows.
    Reviewers would rewrite a generic statement ("Time management — plan own time across
    competing tasks …") sooner than a task one rung further on."""
    steps = (
        (Level.EMERGING, Level.DEVELOPING, {"core", "routine", "judge"}),
        (Level.DEVELOPING, Level.PROFICIENT, {"judge"}),
    )
    for lower, upper, kinds in steps:
        used = pick.states[upper].setdefault("frames", set())
        assert isinstance(used, set)
        for cand, _ in list(pick.chosen[lower]):
            if pick.full(upper) or pick.repeats >= REPEATS:
                break
            kind = work_kind(cand.core)
            if cand.kind not in {"task", "dwa"} or cand.fixed or kind not in kinds:
                continue
            if occ.senior in cand.core or cand.core.split(" ", 1)[0] in _TOGETHER | _SMALL_WORK:
                continue
            short = verb_phrase(cand.core, 9)
            if short is None or _broken_gerund(gerund_phrase(short)):
                continue
            frames = (
                _STRAIGHTFORWARD["judge" if kind == "judge" else "core"]
                if upper is Level.DEVELOPING
                else _AGAIN[Level.PROFICIENT]
            )
            for k, frame in enumerate(frames):
                if frame in used:
                    continue
                core = occ.fill(frame.replace("{g}", gerund_phrase(short)))
                up = _replace(
                    cand, core=core, key=f"carry:{upper.value}:{k}:{cand.key}", fixed=True
                )
                if pick.take(up, upper, repeat=True):
                    used.add(frame)
                    break


def _replace(cand: Candidate, **changes: object) -> Candidate:
    return dataclasses.replace(cand, **changes)  # type: ignore[arg-type]


def _task_type(brief: Brief, task_id: str) -> str | None:
    return next((t.type for t in brief.tasks if str(t.id) == task_id), None)


def _widen_pass(
    pick: _Picker, sources: list[Candidate], occ: _Occupation, spare: bool = False
) -> None:
    """Fill short rungs with widenings of named work, each pattern once, then more often."""
    for level in LEVELS:
        if pick.full(level):
            continue
        widened = _widened(sources, level, occ, spare)
        table = _widen_table(level, occ, spare)
        more = (5, 6) if occ.loose else ()
        for per_pattern in (1, 2, 3, 4, *more):  # each pattern once, then more often
            for cand in widened:
                if pick.full(level):
                    break
                family = ":".join(cand.key.split(":", 3)[:3])
                source = cand.key.split(":", 3)[3]
                mine = [c.key for c, _ in pick.chosen[level] if c.kind == "widened"]
                pattern = table[int(family.rsplit(":", 1)[1])][1]
                if any(k.endswith(":" + source) for k in mine) and (
                    per_pattern < 3 or pattern.endswith("{g}")
                ):
                    continue  # one widening of a task per rung: its closing words would repeat
                if sum(k.startswith(family + ":") for k in mine) >= (
                    1 if level is Level.EMERGING else per_pattern
                ):
                    continue
                closing = pattern.rsplit("{g}", 1)[-1].strip(" ,")
                if closing and any(
                    action.rstrip(".").endswith(closing) for _, action in pick.chosen[level]
                ):
                    continue  # the main pass already closed a statement this way
                pick.take(cand, level)


def compose_ladder(brief: Brief, engine_label: str) -> Framework:
    """Compose the framework of one occupation, level by level, from its whole record.

    Tasks whose subject names other work are left out; a record too sparse to fill every
    level without them takes them back (a handful of occupations)."""
    framework = _compose(brief, engine_label, strict=True)
    if len(framework.statements) < PER_LEVEL * len(LEVELS):
        framework = _compose(brief, engine_label, strict=False)
    if len(framework.statements) < PER_LEVEL * len(LEVELS):
        # A handful of records (models, shampooers: four to ten tasks) cannot fill four rungs
        # with each task stated once a rung: they may repeat a task within a rung.
        framework = _compose(brief, engine_label, strict=False, loose=True)
    return framework


def composed_loose(brief: Brief) -> bool:
    """Whether the record is so sparse that its framework is the ``loose`` composition
    (four to ten tasks: a task may repeat within a rung, and the level limits relax)."""
    return all(
        len(_compose(brief, "probe", strict=strict).statements) < PER_LEVEL * len(LEVELS)
        for strict in (True, False)
    )


def _compose(brief: Brief, engine_label: str, strict: bool, loose: bool = False) -> Framework:
    occ = _Occupation(brief)
    occ.loose = loose
    tasks = _task_candidates(brief, strict)
    own_lead = sum(1 for c in tasks if work_kind(c.core) in {"lead"})
    shown: set[str] = set()  # DWAs a skill, style or knowledge statement is shown in
    pool = (
        tasks
        + _dwa_candidates(brief)
        + _supervisor_candidates(brief, own_lead)
        + _skill_candidates(brief, occ, shown)
        + _style_candidates(brief, occ, shown)
        + _knowledge_candidates(brief, occ, shown)
        + _technology_candidates(brief)
    )
    # Tool statements ("use these tools safely … when …") are no longer written: reviewers
    # found cranes called tools and tools named for work they play no part in.
    pick = _Picker(occ)
    # The scarcest rungs choose first: the top needs leading work, Proficient judgement work.
    # An occupation that leads by trade fills its Proficient rung with that leading first.
    first = (Level.PROFICIENT, Level.ADVANCED) if leads_own_work(brief) else LEVELS[:1:-1]
    for level in (*first, Level.EMERGING, Level.DEVELOPING):
        i = LEVELS.index(level)
        caps = _CAPS[level]
        taken: dict[str, int] = {}
        ranked = sorted(
            (c for c in pool if c.prefs[i] > 0.5 and (not c.levels or level in c.levels)),
            key=lambda c: (-c.prefs[i], c.key),
        )
        for cand in ranked:
            if pick.full(level):
                break
            if taken.get(cand.kind, 0) >= caps.get(cand.kind, PER_LEVEL):
                continue
            if _plain_general(cand):
                continue  # fits any job: only where the record has nothing of its own
            if pick.take(cand, level):
                taken[cand.kind] = taken.get(cand.kind, 0) + 1
    # A level still short of ten takes any unused statement the records give.
    _fill(pick, pool, last_resort=False)
    # Then the senior rungs' own work followed down the ladder: the learner helps with it,
    # the established worker takes its straightforward cases (the same subject, at most
    # LADDER_THEMES of them in a framework).
    _follow_down(pick, occ)
    # Then a sparse record widens work already named into the team's standard
    # (Advanced) or its quality (Proficient).
    sources = tasks + [c for c in pool if c.kind == "dwa"]
    _widen_pass(pick, sources, occ)
    # Then the rung below's own work, one step up (a repeated subject, within REPEATS).
    _carry_forward(pick, occ)
    # As a last resort a level phrase may repeat within the level; a record that still
    # cannot fill a rung takes the plainest widenings (planning own work, its basics).
    _fill(pick, pool, last_resort=True)
    _widen_pass(pick, sources, occ, spare=True)
    # Only then a second statement in a rung that names none of the occupation's work.
    pick.generic_ok = True
    _fill(pick, pool, last_resort=True)
    _fill(pick, pool, last_resort=True, any_rung=True)  # a record of four tasks (shampooers)
    if not all(pick.full(level) for level in LEVELS):
        pick.relaxed = True
        _widen_pass(pick, sources, occ)
        _widen_pass(pick, sources, occ, spare=True)
        _fill(pick, pool, last_resort=True, any_rung=True)
    if occ.loose and not all(pick.full(level) for level in LEVELS):
        pick.alike = 1.0  # the sparsest records: widenings of one task may share its words
        _widen_pass(pick, sources, occ)
        _widen_pass(pick, sources, occ, spare=True)
        _fill(pick, pool, last_resort=True, any_rung=True)
        for level in LEVELS:  # and, last, a subject said at another rung (REPEATS at most)
            for cand in sorted(pool, key=lambda c: (c.kind in _GENERAL, c.key)):
                if pick.full(level):
                    break
                short = verb_phrase(cand.core, 9)
                frames = [
                    f
                    for f in _AGAIN[level]
                    if not any(a.startswith(" ".join(f.split()[:4])) for _, a in pick.chosen[level])
                ]
                if not frames:
                    break  # each frame is said once a rung
                if short and _broken_gerund(gerund_phrase(short)):
                    continue
                if cand.kind in {"task", "dwa"} and cand.key in pick.used_keys and short:
                    core = occ.fill(frames[0].replace("{g}", gerund_phrase(short)))
                    head = _AGAIN_HEADS.get(level)
                    subject = (
                        capitalize(f"{head} {gerund_phrase(verb_phrase(cand.core, 6) or short)}")
                        if head and "," not in (verb_phrase(cand.core, 6) or short)
                        else cand.subject
                    )  # a subject of its own where the frame has one: not a fourth repeat
                    again = _replace(
                        cand, subject=subject, core=core, key=f"again:{level.value}:{cand.key}"
                    )
                    pick.take(_replace(again, fixed=True), level, True)
    chosen = pick.chosen
    statements: list[Statement] = []
    labels = _theme_labels(chosen)
    themes: dict[str, list[Anchor]] = {}
    for level in LEVELS:
        picked = chosen[level]
        # Order within a level: the occupation's own work first, then skills and knowledge.
        order = {
            "task": 0,
            "dwa": 0,
            "supervisor": 0,
            "widened": 0,
            "tool": 1,
            "technology": 1,
            "skill": 2,
            "knowledge": 3,
        }
        picked.sort(key=lambda ca: order[ca[0].kind])
        for n, (cand, action) in enumerate(picked, start=1):
            label = labels[cand.key]
            statements.append(
                Statement(
                    level=level,
                    order=n,
                    theme=label,
                    subject=american(cand.subject),
                    action=american(re.sub(r"\.\.$", ".", action)),  # "… leaving U.S.."
                    anchors=cand.anchors,
                )
            )
            bucket = themes.setdefault(label, [])
            for a in cand.anchors:
                if a not in bucket:
                    bucket.append(a)
    ids = {label: f"T{n:02d}" for n, label in enumerate(themes, start=1)}
    statements = [s.model_copy(update={"theme": ids[s.theme]}) for s in statements]
    theme_list = [
        Theme(id=ids[label], label=label, anchors=anchors) for label, anchors in themes.items()
    ]
    return Framework(
        soc=brief.soc,
        title=brief.title,
        release=brief.release,
        engine=engine_label,
        context_covered=american(_context_covered(brief, occ, chosen)),
        description=_description(brief, statements),
        themes=theme_list,
        statements=statements,
    )


MAX_THEMES = 10
_KIND_THEMES = {
    "skill": "Skills and work styles",
    "knowledge": "Knowledge",
    "technology": "Technology and tools",
    "tool": "Technology and tools",
    "supervisor": "Leading the work",
}


def _theme_labels(chosen: dict[Level, list[tuple[Candidate, str]]]) -> dict[str, str]:
    """At most ten themes: the occupation's most frequent kinds of work (O*NET IWAs), then
    skills, knowledge, technology and leading the work; the rest join "Other work"."""
    raw = {
        c.key: _KIND_THEMES.get(c.kind, c.theme.rstrip(". "))
        for lv in LEVELS
        for c, _ in chosen[lv]
    }
    counts: dict[str, int] = {}
    for label in raw.values():
        counts[label] = counts.get(label, 0) + 1
    fixed = [lb for lb in dict.fromkeys(_KIND_THEMES.values()) if lb in counts]
    work = sorted((lb for lb in counts if lb not in fixed), key=lambda lb: (-counts[lb], lb))
    room = MAX_THEMES - len(fixed)
    keep = set(work[: room - 1] if len(work) > room else work) | set(fixed)
    return {k: (lb if lb in keep else "Other work") for k, lb in raw.items()}


def _context_covered(
    brief: Brief, occ: _Occupation, chosen: dict[Level, list[tuple[Candidate, str]]]
) -> str:
    from skillsx.compose.framework import _common_noun, _tools_in_use

    subjects = [
        _common_noun(c.subject)
        for c, _ in chosen[Level.DEVELOPING]
        if c.kind in {"task", "dwa"} and _count(c.subject) <= 5 and "," not in c.subject
    ][:3]
    work = (
        ", ".join(subjects[:-1]) + f" and {subjects[-1]}"
        if len(subjects) > 1
        else "".join(subjects)
    )
    where = f", {occ.places[0]}" if occ.places else ""
    kit = [_common_noun(t.example) for t in _tools_in_use(brief)[:2]]
    tools = f", using tools such as {' and '.join(kit)}" if kit else ""
    if occ.supervisor_words:
        top = f"leading the work as a senior {occ.noun}, within the authority of {occ.senior}"
    elif hands_on(occ.zone):
        top = "running the team's work as lead hand or supervisor"
    else:
        top = "setting direction and standards across the organisation"
    lead = f"Covers the work of {brief.title}{where}"
    lead += f": {work}{tools}." if work else f"{tools}."
    return f"{lead} Levels run from supervised, routine work on own {occ.unit} to {top}."


def _description(brief: Brief, statements: list[Statement]) -> str:
    n = len({(a.kind, a.id) for s in statements for a in s.anchors})
    return (
        f"{capitalize(brief.description.strip())} This framework describes the work at four "
        f"levels, each with its own statements, grounded in {n} O*NET records of release "
        f"{brief.release}."
    )
