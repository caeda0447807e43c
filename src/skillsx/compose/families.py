"""Verb families: how the same kind of work reads at each level.

A task's verb puts it in a family ("inspect", "record", "manage" ...); each family says, per
level, which verb phrases express that work under guidance, independently, as an expert and
as the one who sets direction. Every phrase opens with a base-form verb, and the four levels
of one family open with different verbs, so a theme read up the ladder changes its verb.

Placeholders: ``{it}`` names the subject again ("them"/"it"), ``{v}`` is the task's own verb,
``{ving}`` its gerund.
"""

from __future__ import annotations

from skillsx.models import Level

E, D, P, A = Level.EMERGING, Level.DEVELOPING, Level.PROFICIENT, Level.ADVANCED

FAMILY_VERBS: dict[str, frozenset[str]] = {
    "inspect": frozenset(
        "inspect examine check test verify monitor observe measure weigh gauge audit scan detect "
        "watch look count sample taste listen feel".split()
    ),
    "analyze": frozenset(
        "analyze review evaluate assess study research investigate interpret calculate compute "
        "estimate forecast compare project appraise identify diagnose predict quantify "
        "characterize correlate explore experiment model simulate survey read".split()
    ),
    "record": frozenset(
        "record document enter file log compile report transcribe input post update chart "
        "note type list track archive catalogue itemize register".split()
    ),
    "communicate": frozenset(
        "advise confer consult inform explain discuss answer contact communicate meet notify "
        "present respond refer interview counsel greet talk represent promote correspond "
        "liaise collaborate cooperate brief relay describe recommend suggest persuade speak "
        "tell visit call network testify advocate interact converse".split()
    ),
    "manage": frozenset(
        "direct supervise oversee manage coordinate plan organize administer lead assign "
        "schedule hire recruit allocate control delegate arrange dispatch prioritize conduct "
        "chair facilitate head evaluate".split()
    ),
    "produce": frozenset(
        "prepare produce create develop design write draft compose draw generate formulate "
        "devise program code edit sketch outline propose publish script diagram plot "
        "photograph conceptualize invent".split()
    ),
    "make": frozenset(
        "assemble install fabricate build construct cut weld attach connect mount lay fit drill "
        "paint spray mix shape sew finish grind polish erect splice fasten bolt nail pour "
        "spread smooth trim solder braze cook bake season roast broil fry boil steam grill "
        "position align place apply cover seal wrap pack stitch glue cast mold saw machine "
        "wire form bend join insert thread tie stack arrange garnish portion plant harvest "
        "dig fill blend carve slice peel wash label tag mark".split()
    ),
    "repair": frozenset(
        "repair maintain service replace clean lubricate troubleshoot overhaul dismantle "
        "disassemble reassemble restore fix sharpen adjust calibrate tune sanitize sterilize "
        "disinfect remove debug upgrade modify rebuild recondition patch refinish".split()
    ),
    "operate": frozenset(
        "operate drive run start use tend feed signal turn activate regulate steer pilot fly "
        "navigate maneuver load unload move transport haul lift deliver carry set push pull "
        "hoist tow dock park ride switch stop".split()
    ),
    "care": frozenset(
        "treat administer care serve assist bathe dress escort comfort prescribe immunize "
        "inject massage provide help support aid accompany reassure rescue restrain".split()
    ),
    "teach": frozenset(
        "teach train instruct educate demonstrate coach mentor guide tutor orient lecture "
        "encourage".split()
    ),
    "sell": frozenset(
        "sell negotiate purchase order quote requisition procure buy rent solicit market "
        "price bill collect receive process issue distribute supply stock obtain acquire "
        "pay cash".split()
    ),
    "comply": frozenset(
        "ensure enforce comply follow adhere implement protect secure patrol guard obey "
        "conform prevent apprehend inspect".split()
    ),
    "decide": frozenset(
        "determine select recommend approve authorize establish decide specify choose define "
        "grant judge classify sort grade prioritize".split()
    ),
    "resolve": frozenset("resolve handle settle mediate solve correct address".split()),
    "learn": frozenset("participate attend learn keep stay maintain".split()),
}

# Level -> verb phrases. Each list is rotated by theme, so two themes of one family differ.
TEMPLATES: dict[str, dict[Level, tuple[str, ...]]] = {
    "inspect": {
        E: (
            "carry out routine checks on {it}",
            "check {it} against a set checklist",
            "take and log readings on {it}",
        ),
        D: (
            "{v} {it} and record the results",
            "{v} {it} and report any faults",
            "{v} {it} and act on common findings",
        ),
        P: (
            "diagnose the problems found in {it}",
            "investigate unusual results on {it}",
            "judge borderline findings on {it}",
        ),
        A: (
            "set the inspection standards and frequencies for {obj}",
            "define the acceptance criteria for {obj}",
            "run the quality-control programme for {obj}",
        ),
    },
    "analyze": {
        E: (
            "gather the data needed to {v} {it}",
            "compile figures for {it}",
            "collect and sort information on {it}",
        ),
        D: (
            "{v} {it} and report the findings",
            "{v} {it} and draw practical conclusions",
            "{v} {it} and recommend next steps",
        ),
        P: (
            "interpret complex or conflicting evidence on {it}",
            "lead the analysis of {it}",
            "weigh competing options for {it}",
        ),
        A: (
            "set the methods and criteria for {ving} {obj}",
            "turn findings on {obj} into plans and budgets",
            "decide which questions about {obj} get priority and funding",
        ),
    },
    "record": {
        E: (
            "enter {it} accurately in the set format",
            "log {it} using standard forms",
            "file {it} as instructed",
        ),
        D: (
            "keep {it} complete and up to date",
            "{v} {it} and correct gaps promptly",
            "maintain {it} accurately",
        ),
        P: (
            "audit the {obj} kept by colleagues and fix recurring gaps",
            "review the quality of {it}",
            "streamline how the team keeps {it}",
        ),
        A: (
            "set the record-keeping standards for {obj}",
            "define what {obj} must capture and who has access",
            "set the retention and privacy policy for {obj}",
        ),
    },
    "communicate": {
        E: (
            "take part in {it} and relay questions to a senior colleague",
            "prepare notes and answers for {it}",
            "support {it} with prepared information",
        ),
        D: (
            "handle {it} from start to finish",
            "lead routine {obj}",
            "manage {it} and follow up on agreed actions",
        ),
        P: (
            "handle difficult or sensitive {obj}",
            "lead {it} on complex matters",
            "resolve disagreements arising in {it}",
        ),
        A: (
            "set the protocol and standards for {obj}",
            "decide who handles {obj} and to what standard",
            "write the organisation's policy on {obj}",
        ),
    },
    "manage": {
        E: (
            "keep the schedules and records behind {it}",
            "track progress on {it} and report it to a manager",
            "support {it} by preparing the paperwork",
        ),
        D: (
            "coordinate {it} day to day",
            "plan and track {it} for a small group",
            "organise {it} and keep the work on schedule",
        ),
        P: (
            "lead {it} and resolve escalated issues",
            "balance {it} across competing demands",
            "direct {it} and develop the people involved",
        ),
        A: (
            "set direction, budgets and standards for {obj}",
            "define the structure and staffing of {obj}",
            "plan the multi-year budget for {obj}",
        ),
    },
    "produce": {
        E: (
            "draft {it} from templates",
            "help {v} {it} from worked examples",
            "prepare simple {obj} from set formats",
        ),
        D: (
            "{v} {it} to the required standard",
            "{v} {it} from brief to finished work",
            "produce {it} and revise {it} after review",
        ),
        P: (
            "design {it} for complex or unusual needs",
            "review and improve others' {obj}",
            "take on the hardest {obj}",
        ),
        A: (
            "set the house standards and templates for {obj}",
            "decide the range and standard of {obj} on offer",
            "define the methods used to {v} {obj}",
        ),
    },
    "make": {
        E: (
            "prepare materials and help {v} {it}",
            "{v} {it} on simple, well-defined jobs",
            "carry out basic steps in {ving} {it}",
        ),
        D: (
            "{v} {it} to specification",
            "{v} {it} on standard jobs and check own work",
            "complete {it} to quality and time targets",
        ),
        P: (
            "tackle difficult or non-standard {obj}",
            "plan the sequence and methods for complex {obj}",
            "solve fit and quality problems with {it}",
        ),
        A: (
            "set workmanship and safety standards for {obj}",
            "choose the methods and equipment used for {obj}",
            "introduce new techniques for {obj} and train staff in their use",
        ),
    },
    "repair": {
        E: (
            "help keep {it} in good order",
            "help {v} {it} using a standard checklist",
            "perform basic upkeep of {it}",
        ),
        D: (
            "{v} {it} and find common faults",
            "keep {it} in working order",
            "{v} {it} and log the work done",
        ),
        P: (
            "diagnose and fix difficult faults in {it}",
            "troubleshoot recurring problems with {it}",
            "plan major work on {it}",
        ),
        A: (
            "set the maintenance programme and budget for {obj}",
            "decide the replacement and upgrade plan for {obj}",
            "define the upkeep strategy and spares policy for {obj}",
        ),
    },
    "operate": {
        E: (
            "{v} {it} on routine work",
            "help {v} {it} safely",
            "practise {ving} {it} on simple tasks",
        ),
        D: (
            "handle {it} safely in normal conditions",
            "{v} {it} and adjust for normal variation",
            "manage {it} through full routine shifts",
        ),
        P: (
            "handle {it} in difficult or unusual conditions",
            "troubleshoot problems with {it}",
            "improve how the team uses {it}",
        ),
        A: (
            "set operating procedures and safety rules for {obj}",
            "make the investment case for new {obj}",
            "set performance targets for {obj}",
        ),
    },
    "care": {
        E: (
            "assist with {it}",
            "help deliver {it} to set protocols",
            "support {it} by preparing what is needed",
        ),
        D: (
            "deliver {it}",
            "provide {it} and adjust to each person's needs",
            "carry out {it} and record the response",
        ),
        P: (
            "manage complex or high-risk {obj}",
            "lead {it} in difficult situations",
            "review the {obj} colleagues deliver",
        ),
        A: (
            "set the protocols and quality standards for {obj}",
            "write the organisation's policy on {obj}",
            "decide the staffing and budget for {obj}",
        ),
    },
    "teach": {
        E: (
            "support {it} by preparing materials",
            "help deliver {it} from prepared plans",
            "assist with {it} in small groups",
        ),
        D: (
            "deliver {it}",
            "plan and run {it} for small groups",
            "adapt {it} to each learner's progress",
        ),
        P: (
            "design {it} for varied needs",
            "lead {it} for the whole team",
            "assess and improve the {obj} others deliver",
        ),
        A: (
            "set the curriculum and standards for {obj}",
            "decide the training budget and programme for {obj}",
            "write the organisation's policy on {obj}",
        ),
    },
    "sell": {
        E: (
            "process routine {obj} by the set procedure",
            "help {v} {it} within set limits",
            "prepare paperwork for {it}",
        ),
        D: (
            "handle {it} within agreed limits",
            "{v} {it} and follow up with customers",
            "manage {it} from request to completion",
        ),
        P: (
            "negotiate complex or high-value {obj}",
            "resolve disputes over {it}",
            "structure non-standard {obj}",
        ),
        A: (
            "set the policy and authority limits for {obj}",
            "define the commercial strategy for {obj}",
            "decide the supplier and pricing approach for {obj}",
        ),
    },
    "comply": {
        E: (
            "follow the rules for {it} in own work",
            "apply the set procedures for {it}",
            "report lapses in {it} to a supervisor",
        ),
        D: (
            "apply {it} consistently",
            "check compliance with {it} in daily work",
            "correct routine lapses in {it}",
        ),
        P: (
            "interpret {it} in unclear cases",
            "audit the application of {it}",
            "advise colleagues on {it}",
        ),
        A: (
            "set the policy and controls for {obj}",
            "define how breaches of {obj} are handled",
            "represent the organisation to regulators on {obj}",
        ),
    },
    "decide": {
        E: (
            "gather the information needed to {v} {it}",
            "apply set rules to {it}",
            "prepare options on {it} for a supervisor",
        ),
        D: (
            "{v} {it} within set limits",
            "decide on {it} for routine cases",
            "{v} {it} and explain the choice",
        ),
        P: (
            "make difficult judgements on {it}",
            "resolve disputed decisions on {it}",
            "weigh trade-offs in {it}",
        ),
        A: (
            "set the policy and criteria for {obj}",
            "define who decides on {obj} and how",
            "set the limits of authority for {obj}",
        ),
    },
    "resolve": {
        E: (
            "log {it} and pass {it} to a supervisor",
            "gather the facts about {it}",
            "handle simple {obj} from set scripts",
        ),
        D: (
            "resolve routine {obj}",
            "settle {it} within agreed limits",
            "work through {it} and confirm the outcome",
        ),
        P: (
            "handle escalated or disputed {obj}",
            "untangle complex {obj}",
            "find root causes behind recurring {obj}",
        ),
        A: (
            "set the standards for handling {obj}",
            "write policy that prevents {obj}",
            "define escalation rules for {obj}",
        ),
    },
    "learn": {
        E: (
            "take part in {it} to build knowledge",
            "attend {it} and apply what is learned",
            "keep up with {it} as directed",
        ),
        D: (
            "use {it} to improve own practice",
            "keep current with {it}",
            "share useful points from {it} with peers",
        ),
        P: (
            "bring lessons from {it} into team practice",
            "lead {it} for colleagues",
            "present at {it} and guide peers",
        ),
        A: (
            "decide how the organisation invests in {obj}",
            "represent the organisation at {obj}",
            "set expectations for staff taking part in {obj}",
        ),
    },
}
TEMPLATES["do"] = {
    E: ("help {v} {it}", "carry out simple parts of {it}", "prepare the groundwork for {it}"),
    D: (
        "{v} {it} as a regular part of the job",
        "carry out {it} from start to finish",
        "plan own work on {it}",
    ),
    P: (
        "take on the most demanding {obj}",
        "improve how the team handles {it}",
        "solve non-routine problems in {it}",
    ),
    A: (
        "set the standards and procedures for {obj}",
        "define the programme and budget for {obj}",
        "write the organisation's policy on {obj}",
    ),
}

# The order in which a verb's families are tried; the first that holds the verb wins.
_PRIORITY = (
    "resolve",
    "teach",
    "record",
    "inspect",
    "manage",
    "communicate",
    "decide",
    "analyze",
    "sell",
    "care",
    "repair",
    "make",
    "operate",
    "produce",
    "comply",
    "learn",
)


def family_of(verb: str) -> str:
    """The family of a base verb ("inspect" for "examine"), or "do" if none holds it."""
    base = verb.split(" ")[0]
    for name in _PRIORITY:
        if base in FAMILY_VERBS[name]:
            return name
    return "do"


# How senior a family reads: used to place a theme's tasks on the ladder.
SENIORITY = {
    "record": 0,
    "operate": 0,
    "make": 0,
    "learn": 0,
    "care": 1,
    "repair": 1,
    "inspect": 1,
    "sell": 1,
    "comply": 1,
    "do": 1,
    "communicate": 2,
    "resolve": 2,
    "teach": 2,
    "produce": 2,
    "analyze": 2,
    "decide": 3,
    "manage": 3,
}
