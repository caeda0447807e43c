"""Compose the ten durable-skill domains for one occupation, each at four levels.

The domain names are those of the Pathsmith Durable Skills Framework (America Succeeds with
CompTIA); only the names are used. Descriptions and statements are ours. Each statement is a
``Title — behaviour.`` template of ours filled from this occupation's own records: the work
named by a Detailed Work Activity (DWA) of one of its tasks, the people its tasks serve, the
colleagues its tasks name, its technology. Each domain is weighted from the occupation's work
styles (O*NET 30.1 impact), skills (O*NET 29.x importance) and RIASEC interests, and keeps the
reason. See docs/durable-and-ai.md.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from skillsx.models import (
    Anchor,
    Brief,
    DurableDomain,
    DurableLevel,
    DurableSkills,
    DurableStatement,
    Technology,
)

FRAMEWORK = "Pathsmith Durable Skills Framework (America Succeeds with CompTIA)"
DURABLE_LEVELS = tuple(DurableLevel)
# Statements per level by domain rank: the three heaviest domains get 12, the lightest 10.
COUNTS = {
    "high": (2, 3, 4, 3),
    "mid": (2, 3, 3, 3),
    "low": (2, 2, 3, 3),
}
MAX_OBJ_WORDS, MAX_ACT_WORDS = 6, 9


# ------------------------------------------------------------------ domains (ours)


@dataclass(frozen=True)
class DomainSpec:
    """A domain: its name (the framework's), our description, and the O*NET signals behind it."""

    id: str
    name: str
    description: str
    styles: tuple[str, ...]  # O*NET work-style element IDs (30.1)
    skills: tuple[str, ...]  # O*NET skill element IDs (29.x)
    interests: tuple[str, ...]  # RIASEC interest names
    activities: tuple[str, ...]  # work-activity elements whose DWAs ground its statements


DOMAINS = (
    DomainSpec(
        "communication",
        "Communication",
        "Getting information across accurately and listening well, in speech and in writing.",
        ("1.D.2.f", "1.D.2.b"),
        ("2.A.1.d", "2.A.1.b", "2.A.1.c", "2.A.1.a"),
        ("Social", "Enterprising"),
        ("4.A.4.a.1", "4.A.4.a.2", "4.A.4.a.3", "4.A.3.b.6", "4.A.4.a.8", "4.A.4.b.6"),
    ),
    DomainSpec(
        "leadership",
        "Leadership",
        "Owning outcomes and helping others do their best work, from own tasks to a whole "
        "organisation.",
        ("1.D.1.i", "1.D.1.e"),
        ("2.B.5.d", "2.B.1.b", "2.B.1.e", "2.B.1.c"),
        ("Enterprising",),
        ("4.A.4.b.1", "4.A.4.b.2", "4.A.4.b.4", "4.A.4.b.5", "4.A.4.c.2", "4.A.4.c.3", "4.A.2.b.4"),
    ),
    DomainSpec(
        "metacognition",
        "Metacognition",
        "Knowing how one thinks and learns: planning, checking and adjusting one's own approach.",
        ("1.D.1.c", "1.D.2.a"),
        ("2.A.2.b", "2.A.2.c", "2.A.2.d", "2.B.5.a"),
        ("Investigative",),
        ("4.A.2.b.6", "4.A.2.b.5", "4.A.2.a.2"),
    ),
    DomainSpec(
        "critical-thinking",
        "Critical Thinking",
        "Weighing evidence and reasoning carefully to understand problems and reach sound "
        "decisions.",
        ("1.D.1.d", "1.D.3.b"),
        ("2.A.2.a", "2.B.2.i", "2.B.4.e", "2.B.4.g", "2.B.4.h", "2.B.3.k", "2.B.3.m"),
        ("Investigative",),
        ("4.A.2.a.4", "4.A.2.b.1", "4.A.2.a.3", "4.A.2.a.1", "4.A.1.b.3", "4.A.1.a.1"),
    ),
    DomainSpec(
        "collaboration",
        "Collaboration",
        "Working with others toward shared goals: coordinating, sharing and settling differences.",
        ("1.D.2.d", "1.D.2.f"),
        ("2.B.1.b", "2.B.1.a", "2.B.1.d"),
        ("Social",),
        ("4.A.4.a.2", "4.A.4.a.4", "4.A.4.b.1", "4.A.4.b.6", "4.A.4.a.7"),
    ),
    DomainSpec(
        "character",
        "Character",
        "Acting with honesty, reliability and respect, and owning the results of one's work.",
        ("1.D.3.d", "1.D.3.c", "1.D.2.b"),
        ("2.B.1.f",),
        ("Conventional", "Social"),
        ("4.A.2.a.3", "4.A.3.b.6", "4.A.4.c.1"),
    ),
    DomainSpec(
        "creativity",
        "Creativity",
        "Finding and testing new ideas and better ways to get the work done.",
        ("1.D.1.a",),
        ("2.B.3.b", "2.B.3.a"),
        ("Artistic",),
        ("4.A.2.b.2", "4.A.3.b.2", "4.A.2.b.4"),
    ),
    DomainSpec(
        "growth-mindset",
        "Growth Mindset",
        "Treating ability as something that grows through effort, feedback and learning.",
        ("1.D.1.b", "1.D.1.f", "1.D.1.c"),
        ("2.A.2.b", "2.A.2.c"),
        ("Investigative",),
        ("4.A.2.b.3", "4.A.4.b.3"),
    ),
    DomainSpec(
        "mindfulness",
        "Mindfulness",
        "Paying deliberate attention to the work, the people involved and one's own reactions.",
        ("1.D.4.b", "1.D.3.a", "1.D.2.c", "1.D.3.b"),
        ("2.B.1.a", "2.B.3.g"),
        ("Social",),
        ("4.A.1.a.2", "4.A.1.b.2", "4.A.4.a.5", "4.A.1.b.1"),
    ),
    DomainSpec(
        "fortitude",
        "Fortitude",
        "Staying steady and persistent through pressure, difficulty and setbacks.",
        ("1.D.4.a", "1.D.1.h", "1.D.1.g", "1.D.2.e"),
        (),
        ("Realistic",),
        ("4.A.3.a.1", "4.A.3.a.2", "4.A.3.a.4", "4.A.4.a.7", "4.A.4.a.5"),
    ),
)


# ------------------------------------------------------------------ statement templates (ours)
# One template per entry: "E|D|A|X Title — behaviour." (Emerging, Developing, Applying,
# Exceeding); indented lines continue the entry. Slots: {obj} the thing a DWA of this
# occupation acts on, {act} the DWA itself as a verb phrase, {people} whom its tasks serve,
# {peers} the colleagues its tasks name, {tech} one of its technologies.

_TEXT = {
    "communication": """
E Clarifying questions on {obj} — ask a supervisor to explain unclear instructions about {obj}
  and repeat the key points back before starting.
E Accurate notes on {obj} — write short, factual notes on {obj} in the agreed format so the
  next person can follow them.
E Attentive listening to {people} — listen to {people} without interrupting, note what they
  ask for and pass on requests beyond own role to a supervisor.
E Timely updates to {peers} — tell {peers} promptly when work to {act} is finished, delayed or
  needs their input.
D Plain explanations of {obj} — explain {obj} to {people} in everyday words, checking that
  they have understood before going further.
D Handover notes on {obj} — record {obj} clearly enough that {peers} can act on the notes
  without follow-up questions.
D Tone matched to the listener — adjust wording and detail when the same point about {obj}
  goes to {peers} and to {people}.
D Concise written messages — write messages about work to {act} that state the point, the
  deadline and who must act.
A Difficult conversations with {people} — stay clear and calm when {people} are upset,
  confirm their concern and explain the next step on {obj}.
A Briefings for {peers} — brief {peers} on {obj}, leading with what has changed and what
  they must do differently.
A Records that stand up to review — keep records of {obj} complete and precise enough to
  serve as evidence in an audit, complaint or handover.
A Listening for the real need — ask open questions and summarise back until the need behind
  a request to {act} is clear.
X Reporting standards for the team — set shared formats and routines for reporting on {obj}
  so information reaches {peers} complete and on time.
X Coaching clear explanation — review how junior colleagues explain {obj} and give specific
  feedback on clarity and tone.
X The team's voice beyond the team — represent the team's view on {obj} to managers,
  partners or the public with accurate, balanced messages.
X Clear messages when things go wrong — lead communication with {people} and {peers} when
  problems with {obj} arise, stating facts, impact and next steps.
""",
    "leadership": """
E Ownership of assigned tasks — take responsibility for finishing assigned work to {act}, and
  flag early to a supervisor when it is at risk.
E Raising small problems — point out a problem with {obj} to a supervisor and offer a
  possible fix rather than waiting to be asked.
E Example set on routine work — follow agreed procedures for {obj} consistently, including
  when no one is checking.
E Help for newer colleagues — show a newer colleague where to find what they need to {act},
  within the limits of own training.
D Leading small pieces of work — organise the steps to {act} with one or two {peers},
  agreeing who does what and by when.
D Proposals for improvement — raise a practical improvement to how the team handles {obj},
  with a reason and a way to test it.
D Showing others how — demonstrate to a trainee how to {act} and watch them try it before
  leaving them to work alone.
D Reliable follow-through — keep commitments made to {peers} on {obj} and report progress
  without being chased.
A Coordinating the team's work — plan and assign work on {obj} across the team, balancing
  workload and skills and adjusting as priorities change.
A Decisions under pressure — make and explain timely calls about {obj} when the situation is
  unclear, and take responsibility for the outcome.
A Developing colleagues — coach {peers} through harder cases involving {obj}, giving them
  more responsibility as they show competence.
A Clear expectations — agree expectations for work to {act} with the team and address slips
  promptly and fairly.
X Direction for the function — set goals and priorities for how the organisation handles
  {obj}, and explain the reasons to everyone affected.
X Building future leaders — identify colleagues with potential and give them stretch
  responsibility for {obj} with structured support.
X Leading change — lead the adoption of new methods or tools such as {tech} across teams,
  addressing concerns and tracking the results.
X Accountability across teams — hold teams, own included, to agreed standards for {obj},
  and change systems when the standards keep being missed.
""",
    "metacognition": """
E Checking own understanding — restate the steps needed to {act} before starting and ask
  about any gap in own understanding.
E Noticing own mistakes — review finished work on {obj} against the instructions and note
  where and why errors occurred.
E Planning the working day — list the day's tasks, including work to {act}, in order of
  urgency and check the plan with a supervisor.
E Learning from feedback — write down feedback received on {obj} and try the suggested
  change on the next similar task.
D Self-checks before sign-off — use a personal checklist to verify work on {obj} before
  passing it on, and refine the checklist as errors appear.
D Knowing when to ask — recognise the limits of own knowledge of {obj} and seek advice before
  a guess becomes a risk.
D Prioritising competing demands — weigh urgency and impact when requests to {act} clash with
  other work, and explain the order chosen.
D Reflection after unusual cases — after an unusual case involving {obj}, note what worked,
  what did not and what to do differently.
A Reasoning made visible — explain to {peers} the reasoning behind a judgement about {obj},
  including the evidence weighed and the doubts remaining.
A Checking first impressions — test first impressions about {obj} against data or a second
  opinion before acting on them.
A Methods adapted to the case — change approach when the usual way to {act} is not working,
  and record why the change was needed.
A Managing attention and load — schedule demanding work on {obj} for when focus is highest,
  and add checks when fatigue or interruptions rise.
X Reviews that improve practice — run structured reviews of work on {obj} so the team learns
  from both successes and errors.
X Teaching how to learn — help {peers} build their own methods for learning new procedures to
  {act} rather than memorising steps.
X Questioning established routines — examine whether long-standing ways of handling {obj}
  still fit current evidence, and lead changes where they do not.
X Judgement under uncertainty — decide complex questions about {obj} with explicit
  assumptions, and revisit them as results arrive.
""",
    "critical-thinking": """
E Checking facts before acting — compare {obj} with the instructions or records provided and
  report any mismatch to a supervisor.
E Recognising the unusual — notice when something about {obj} looks different from normal
  and describe the difference precisely.
E Understanding the reasons for steps — learn why each step to {act} is done, not just the
  order of the steps.
E Reliable sources — look up standards, manuals or records to answer routine questions about
  {obj} instead of relying on memory.
D Causes of routine problems — trace a recurring problem with {obj} back to its likely cause
  before applying a fix.
D Weighing options — compare two or three ways to {act}, noting the cost, risk and benefit of
  each before choosing.
D Careful reading of data — interpret figures and readings about {obj}, separating clear
  trends from one-off variation.
D Questioning incomplete information — ask for the missing detail when information about
  {obj} is incomplete or conflicting, rather than assuming.
A Diagnosing complex problems — analyse problems with {obj} that have several possible
  causes, testing each in turn against the evidence.
A Decisions with partial data — make sound judgements on {obj} when information is partial,
  stating the assumptions and the risk accepted.
A Evaluating results — check whether work to {act} achieved its purpose, using measurable
  evidence rather than impressions.
A Challenging weak arguments — point out gaps or bias in proposals about {obj}, and say what
  evidence would settle the question.
X Analysis that shapes decisions — frame the key questions about {obj} for leaders and bring
  together evidence from several sources to answer them.
X Testing assumptions at scale — review the assumptions behind standard practice for {obj}
  and commission checks where the evidence is weak.
X A systems view of problems — map how work to {act} affects other teams and outcomes, and
  redesign processes to remove root causes.
X Building analytical habits — teach {peers} structured methods for solving problems and
  reviewing decisions about {obj}.
""",
    "collaboration": """
E A fair share of the work — complete own part of shared work to {act} on time so {peers} are
  not left waiting.
E Offering help — offer help to {peers} with {obj} when own tasks are done, asking how they
  want it done.
E Knowing who does what — learn what {peers} are responsible for and route questions about
  {obj} to the right person.
E Sharing information — pass on information about {obj} that others need, promptly and
  accurately.
D Coordinating with other roles — agree timing and handoffs with {peers} when work to {act}
  depends on theirs.
D Working through disagreement — raise disagreements about {obj} directly and respectfully,
  and look for a solution both sides can accept.
D Working relationships — keep regular, constructive contact with {peers} and {people}
  involved in {obj}.
D Taking on team feedback — accept input from {peers} on own work with {obj} and act on it
  without defensiveness.
A Joint problem solving — bring {peers} and other specialists together to solve problems with
  {obj} that no single role can solve alone.
A Resolving team conflict — help colleagues settle conflicts over priorities or methods for
  {obj} by focusing on shared goals.
A Partnering with {people} — involve {people} in decisions about {obj} that affect them, and
  explain the options and trade-offs.
A Smooth handoffs between teams — design handoff routines for {obj} with neighbouring teams
  so nothing is lost or duplicated.
X Partnerships across organisations — build lasting partnerships with other organisations or
  departments around {obj}, with shared goals and clear roles.
X A culture of mutual support — shape team norms where asking for and giving help with {obj}
  is expected and recognised.
X Structures for teamwork — set up shared plans, meetings and tools such as {tech} so teams
  can coordinate their work on {obj}.
X Negotiating across interests — broker agreements on {obj} between groups with competing
  interests, keeping relationships intact.
""",
    "character": """
E Honesty about own work — report own errors with {obj} promptly and truthfully, even when no
  one else has noticed.
E Dependable effort — arrive ready, follow through on work to {act}, and tell a supervisor
  early if plans change.
E Respect for the rules — follow safety, privacy and quality rules for {obj} as written, and
  ask when a rule is unclear.
E Courtesy to everyone — treat {people} and {peers} with the same respect, whoever they are
  and however they behave.
D Keeping confidences — protect confidential information met while working on {obj}, sharing
  it only with those entitled to it.
D Owning outcomes — take responsibility for the results of own work to {act}, including
  fixing what went wrong.
D Fair treatment — give all {people} the same standard of work on {obj}, whatever their
  background.
D Consistent standards — meet the same quality standard on {obj} whether the work is watched,
  rushed or routine.
A Speaking up about concerns — raise concerns about unsafe, unfair or dishonest practice with
  {obj} through the proper channels, even when it is uncomfortable.
A Ethical judgement in grey areas — weigh duties to {people}, colleagues and the organisation
  when the rules on {obj} give no clear answer.
A Trust built over time — keep promises to {peers} and {people}, and say plainly what cannot
  be delivered.
A Transparent records — keep records of {obj} that are complete and true, never adjusted to
  look better.
X Setting the ethical tone — model and reinforce integrity in how the team handles {obj}, and
  act on breaches fairly and visibly.
X Policies that protect people — shape policies on {obj} that protect {people}, staff and the
  public, and check that they work in practice.
X Accountability at the top — accept responsibility for failures in the team's work on {obj},
  and lead the response rather than assigning blame.
X Guidance on professional conduct — guide {peers} through the ethical dilemmas they meet when
  they {act}.
""",
    "creativity": """
E Noticing better ways — note small ideas for making work to {act} easier or safer and share
  them with a supervisor.
E Curiosity about methods — ask why the team handles {obj} the way it does, to understand the
  purpose behind the method.
E Trying suggested improvements — try a new method for {obj} when asked, and report honestly
  how it worked.
E Resourceful fixes — find a simple, safe workaround when the usual materials or tools for
  {obj} are missing, and check it with a supervisor.
D More than one option — come up with more than one way to {act} when the standard approach
  does not fit the case.
D Approaches tailored to {people} — adapt standard approaches to {obj} to fit the needs of
  individual {people}.
D Small experiments — test a change to how the team handles {obj} on a small scale and compare
  the result with the usual method.
D Inventive use of tools — find new uses of {tech} that save time or improve quality in work
  on {obj}.
A Solutions for new problems — design workable solutions for problems with {obj} that
  existing procedures do not cover.
A Ideas from elsewhere — borrow methods from other fields or teams and adapt them to improve
  how the team works to {act}.
A Better processes — redesign a routine for {obj} to remove waste or risk, and win support
  from {peers} for the change.
A Room for others' ideas — invite and build on ideas from {peers} about {obj} instead of
  defaulting to the familiar method.
X Innovation with purpose — lead the development of new services, methods or products around
  {obj} that meet emerging needs.
X Safe ways to experiment — create safe ways for teams to try new approaches to {obj}, with
  clear limits and honest review.
X Strategic reinvention — rethink how the organisation delivers work on {obj} in response to
  new technology, demand or regulation.
X Ideas into practice — take promising ideas about {obj} from pilot to standard practice,
  securing resources and training.
""",
    "growth-mindset": """
E Welcoming correction — accept corrections on work with {obj} as a chance to improve, and ask
  how to do it better next time.
E Building the basics — practise the core steps to {act} until they are reliable, seeking
  extra practice where needed.
E Learning the tools — learn the basic functions of {tech} used in daily work through guides,
  training and practice.
E Persisting while learning — keep trying when a new skill for {obj} is hard at first, asking
  for help rather than giving up.
D Seeking feedback — ask {peers} for specific feedback on own work with {obj} and use it to
  set a learning goal.
D Keeping knowledge current — follow updates to procedures, standards or products that affect
  {obj} and apply them promptly.
D Stretch assignments — volunteer for less familiar work to {act} in order to widen own range.
D Learning from setbacks — treat a failed attempt with {obj} as information, working out what
  to change rather than whom to blame.
A Planned development — set and pursue own development goals, such as a credential or a new
  technique for {obj}.
A Sharing what is learned — pass on new knowledge about {obj} to {peers} through
  demonstrations, notes or short briefings.
A Adapting to change — adjust quickly when methods, tools or rules for {obj} change, and help
  others through the transition.
A Raising own standard — compare own results on {obj} with the best practice available and
  close the gap.
X A learning team — build routines such as case reviews and peer teaching so the whole team
  keeps improving its work on {obj}.
X Developing others' potential — give {peers} stretch opportunities with {obj} and support
  them through early mistakes.
X Anticipating future skills — identify the skills that changes in {obj} will demand and plan
  training before the need arrives.
X Modelling lifelong learning — show openly how own practice on {obj} keeps developing,
  including what is still being learned.
""",
    "mindfulness": """
E Full attention on the task — keep attention on the task while working on {obj}, setting
  aside distractions such as phones.
E Noticing own reactions — recognise signs of own frustration or fatigue during work to {act}
  and pause briefly before continuing.
E Awareness of surroundings — stay aware of people, equipment and hazards nearby while working
  on {obj}.
E Attentive presence with {people} — give {people} full attention when they speak, noticing
  tone and body language as well as words.
D Steadiness when rushed — stay calm and deliberate when work to {act} becomes rushed, keeping
  to safe steps.
D Reading the room — notice how {peers} and {people} are reacting and adjust own approach to
  {obj} accordingly.
D Careful observation — watch {obj} closely for early signs of change or trouble, and record
  what is seen.
D A pause before responding — take a moment to consider before responding to criticism or
  complaints about {obj}.
A Composure in critical moments — keep own emotions in check during tense or urgent
  situations involving {obj}, so judgement stays clear.
A Empathy with restraint — acknowledge the feelings of {people} while keeping decisions about
  {obj} fair and professional.
A Sustained vigilance — keep careful attention through long or repetitive work to {act}, using
  short checks to stay alert.
A Managing own wellbeing — use rest, reflection and support to keep the energy needed for
  demanding work on {obj}.
X A calm team climate — model and encourage calm, respectful behaviour during high-pressure
  work on {obj}.
X Attention to team wellbeing — notice signs of stress or burnout among {peers} working on
  {obj}, and adjust workload or support early.
X Unhurried high-stakes decisions — slow down decisions about {obj} when the stakes are high,
  consulting and reflecting before committing.
X Routines that protect focus — design schedules, breaks and handoffs for work on {obj} that
  reduce errors from fatigue and distraction.
""",
    "fortitude": """
E Staying with hard tasks — keep going with tiring or repetitive work to {act} until it is
  done properly, asking for help when needed.
E Coping with setbacks — recover from a mistake or a bad day with {obj} and return to work
  ready to try again.
E Handling criticism — hear criticism of own work on {obj} without losing motivation, and take
  away the useful part.
E Working through discomfort — keep to safe practice on {obj} in uncomfortable conditions,
  and report when they become unsafe.
D Resilience in busy periods — keep up quality on {obj} through peaks in workload, pacing
  effort across the day.
D Handling difficult encounters — stay professional with {people} who are angry or
  distressed, and keep the work on track.
D Persistence on stubborn problems — keep working at a problem with {obj} through several
  failed attempts, changing tactics each time.
D Confidence in own competence — carry out work to {act} with confidence once trained, while
  still checking the critical steps.
A Steadiness in emergencies — act decisively and safely when urgent problems with {obj}
  arise, keeping priorities clear under pressure.
A Holding a position — stand by a well-founded judgement on {obj} when challenged, while
  staying open to new evidence.
A Support for others under strain — help {peers} through stressful periods of work on {obj},
  sharing the load and keeping morale up.
A Recovery from serious setbacks — recover from a serious setback with {obj}, learn from it
  and rebuild confidence in the work.
X Leading through adversity — keep teams focused and steady through crises, staff shortages or
  major failures affecting {obj}.
X Courage for unpopular calls — take and explain unpopular decisions about {obj} when they
  are right for {people} and the organisation.
X Building team resilience — put in place support, debriefs and fair workloads that help
  {peers} recover from demanding work on {obj}.
X Commitment to long-term goals — sustain effort on difficult, long-term improvements to
  {obj} despite slow progress and setbacks.
""",
}
_LEVEL_CODES = {
    "E": DurableLevel.EMERGING,
    "D": DurableLevel.DEVELOPING,
    "A": DurableLevel.APPLYING,
    "X": DurableLevel.EXCEEDING,
}


def _parse_templates(text: str) -> dict[DurableLevel, list[str]]:
    out: dict[DurableLevel, list[str]] = {level: [] for level in DurableLevel}
    current: list[str] | None = None
    for line in text.strip().splitlines():
        if line.startswith("  ") and current is not None:
            current[-1] += " " + line.strip()
        else:
            current = out[_LEVEL_CODES[line[0]]]
            current.append(line[2:].strip())
    return out


TEMPLATES = {domain: _parse_templates(text) for domain, text in _TEXT.items()}

# ------------------------------------------------------------------ the occupation's words

_STOP = frozenset(
    "to for in on at during using with by from into according as that through within under "
    "while when before after via about based throughout across against among between so "
    "including such onto upon where without per if toward towards around over".split()
)
_PARTICLES = frozenset({"up", "out", "down", "off", "back"})
_PARTICIPLES = frozenset("regarding concerning providing following involving containing".split())
_TRAILING = frozenset(
    "and or of the a an other related new specific own various all any each".split()
)
# Objects too vague to carry a statement on their own.
_VAGUE = frozenset(
    "research counsel items trash work activities tasks information duties services it them "
    "others people things assistance help support care advice".split()
)

#: People the work serves, as tasks name them -> how statements name them.
SERVED = {
    "patients": "patients",
    "customers": "customers",
    "clients": "clients",
    "students": "students",
    "children": "children",
    "passengers": "passengers",
    "guests": "guests",
    "patrons": "patrons",
    "residents": "residents",
    "visitors": "visitors",
    "users": "users",
    "families": "families",
    "parents": "parents",
    "participants": "participants",
    "athletes": "athletes",
    "audiences": "audiences",
    "buyers": "buyers",
    "tenants": "tenants",
    "inmates": "inmates",
    "offenders": "offenders",
    "consumers": "consumers",
    "travelers": "travellers",
    "shoppers": "shoppers",
    "diners": "diners",
    "callers": "callers",
    "applicants": "applicants",
    "claimants": "claimants",
    "borrowers": "borrowers",
    "investors": "investors",
    "donors": "donors",
    "the public": "the public",
    "members of the public": "the public",
}
#: Colleagues named by tasks. Generic words (staff, personnel, workers) are left to the
#: fallback "co-workers", which every occupation has.
PEERS = {
    "physicians": "physicians",
    "nurses": "nurses",
    "engineers": "engineers",
    "technicians": "technicians",
    "supervisors": "supervisors",
    "team members": "team members",
    "teachers": "teachers",
    "managers": "managers",
    "developers": "developers",
    "programmers": "programmers",
    "designers": "designers",
    "architects": "architects",
    "scientists": "scientists",
    "researchers": "researchers",
    "contractors": "contractors",
    "operators": "operators",
    "crew members": "crew members",
    "crews": "crew members",
    "pharmacists": "pharmacists",
    "therapists": "therapists",
    "attorneys": "attorneys",
    "editors": "editors",
    "producers": "producers",
    "chefs": "chefs",
    "cooks": "cooks",
    "dispatchers": "dispatchers",
    "drivers": "drivers",
    "officers": "officers",
}
FALLBACK_PEERS = "co-workers"


def object_of(title: str) -> str | None:
    """The noun phrase a task or DWA acts on: "Record patient histories." -> "patient histories"."""
    toks = title.rstrip(". ").replace(",", " ,").replace(";", " ,").split()
    i = 1
    # Coordinated verbs: "Clean and maintain tools".
    while i + 1 < len(toks) and toks[i] in ("and", "or") and toks[i + 1][:1].islower() and i < 4:
        i += 2
    if i < len(toks) and (toks[i] in _PARTICLES or toks[i] == "of"):  # "Dispose of trash"
        i += 1
    if i >= len(toks) or toks[i] in _STOP or toks[i] == ",":
        return None
    out: list[str] = []
    for j, w in enumerate(toks[i:], start=i):
        if w == ",":
            # "Maintain forestry, hunting, or agricultural equipment": the list is the object.
            if out and {"or", "and"} & set(toks[j + 1 : j + 4]):
                out[-1] += ","
                continue
            break
        if w in _STOP or "(" in w or ")" in w or w in _PARTICIPLES:
            break
        if out and w.endswith("ly"):  # "Prepare patients physically"
            break
        out.append(w)
    while out and out[-1].lower().rstrip(",") in _TRAILING:
        out.pop()
    if out and out[-1].endswith(","):
        return None
    if not out or len(out) > MAX_OBJ_WORDS + ("," in " ".join(out)):
        return None
    phrase = " ".join(out)
    if phrase.lower() in _VAGUE or _head_is_person(phrase):
        return None
    return phrase


#: Head nouns that name people: an object like "healthcare practitioners" is not a thing.
_PERSON_HEADS = frozenset(
    "staff personnel workers employees individuals others people public colleagues management "
    "subordinates students animals practitioners professionals caregivers members "
    "representatives providers specialists agents assistants aides owners officials groups "
    "teams victims suspects communities coaches trainers".split()
)


def _head_is_person(phrase: str) -> bool:
    """Whether any head of the phrase names people ("communities or institutions": yes)."""
    main = phrase.split(" of ")[0].lower()
    heads = [part.split()[-1] for part in re.split(r",? (?:or|and) |, ", main) if part.split()]
    return any(h in SERVED or h in PEERS or h in _PERSON_HEADS for h in heads)


def action_of(title: str, max_words: int = MAX_ACT_WORDS) -> str | None:
    """A task or DWA as a verb phrase ("record patient histories"), if short and comma-free."""
    text = title.strip().rstrip(".").strip()
    if not text or len(text.split()) > max_words or any(c in text for c in "(;,"):
        return None
    return text[:1].lower() + text[1:]


@dataclass(frozen=True)
class Material:
    """One piece of this occupation's work a statement can be about, and what it cites."""

    obj: str | None
    act: str | None
    element_id: str | None
    anchors: tuple[Anchor, ...]
    rank: int


@dataclass
class Facts:
    """What the occupation's records give the templates, computed once per brief."""

    brief: Brief
    materials: list[Material]
    people: tuple[str, Anchor] | None
    peers: tuple[str, Anchor | None]
    tech: tuple[str, Anchor] | None
    used: Counter[str] = field(default_factory=Counter)


def _noun_counts(brief: Brief, lexicon: dict[str, str]) -> tuple[str, Anchor] | None:
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for rank, task in enumerate(brief.tasks):
        text = task.text.lower()
        for word, name in lexicon.items():
            if re.search(rf"\b{re.escape(word)}\b", text):
                # Core tasks count double: they say most about the work.
                counts[name] += 2 if task.type == "Core" else 1
                first.setdefault(name, task.id)
        del rank
    if not counts:
        return None
    name = max(counts, key=lambda n: (counts[n], -first[n]))
    return name, Anchor(kind="task", id=str(first[name]), release=brief.release)


def gather_facts(brief: Brief) -> Facts:
    """The occupation's materials, people, colleagues and technology, with their anchors."""
    rel = brief.release
    materials: list[Material] = []
    seen: set[str] = set()
    for rank, task in enumerate(brief.tasks):
        task_anchor = Anchor(kind="task", id=str(task.id), release=rel)
        for dwa in task.dwas:
            if dwa.id in seen:
                continue
            obj, act = object_of(dwa.title), action_of(dwa.title)
            if obj is None and act is None:
                continue
            seen.add(dwa.id)
            dwa_anchor = Anchor(kind="dwa", id=dwa.id, release=rel)
            materials.append(Material(obj, act, dwa.element_id, (task_anchor, dwa_anchor), rank))
        if not task.dwas:
            obj, act = object_of(task.text), action_of(task.text)
            if obj or act:
                materials.append(Material(obj, act, None, (task_anchor,), rank))
    people = _noun_counts(brief, SERVED)
    peers_found = _noun_counts(brief, PEERS)
    if peers_found and people and peers_found[0] == people[0]:
        peers_found = None
    peers: tuple[str, Anchor | None] = peers_found or (FALLBACK_PEERS, None)
    return Facts(brief, materials, people, peers, _main_technology(brief))


def _main_technology(brief: Brief) -> tuple[str, Anchor] | None:
    """The occupation's most represented kind of technology, by a hot example where it has one."""
    by_code: dict[int, list[Technology]] = {}
    for t in brief.technology:
        by_code.setdefault(t.commodity_code, []).append(t)
    if not by_code:
        return None
    code = max(by_code, key=lambda c: (len(by_code[c]), sum(t.hot for t in by_code[c]), -c))
    examples = sorted(by_code[code], key=lambda t: (not t.hot, not t.in_demand, t.example.lower()))
    best = examples[0]
    name = best.commodity_title.lower()
    if (best.hot or best.in_demand) and len(best.example.split()) <= 4 and "(" not in best.example:
        name = best.example
    return name, Anchor(kind="technology", id=str(code), release=brief.release)


# ------------------------------------------------------------------ weighting


def _style_score(impact: float | None, scale: str) -> float:
    if impact is None:
        return 0.0
    if scale == "WI":  # impact, -3..+3
        return max(0.0, min(1.0, (impact + 3) / 6))
    return max(0.0, min(1.0, (impact - 1) / 4))  # older importance scale 1-5


def weigh_domain(spec: DomainSpec, brief: Brief) -> tuple[float, str, list[str]]:
    """(weight 0-1, reason, element IDs used) of one domain for this occupation."""
    styles = {w.element_id: w for w in brief.work_styles}
    skills = {s.element_id: s for s in brief.skills}
    parts: list[tuple[float, str, str]] = []  # (score, phrase, element id)
    for eid in spec.styles:
        w = styles.get(eid)
        if w is None:
            continue
        bonus = 0.1 * (11 - w.distinctiveness_rank) / 10 if w.distinctiveness_rank else 0.0
        rank = f", distinctive rank {w.distinctiveness_rank:.0f}" if w.distinctiveness_rank else ""
        phrase = f"{w.name} (work style impact {w.impact:.2f}{rank})"
        parts.append((_style_score(w.impact, w.scale) + bonus, phrase, eid))
    style_scores = [p[0] for p in parts]
    skill_parts: list[tuple[float, str, str]] = []
    for eid in spec.skills:
        s = skills.get(eid)
        if s is None or s.importance is None:
            continue
        phrase = f"{s.name} (skill importance {s.importance:.2f}, O*NET {s.release})"
        skill_parts.append(((s.importance - 1) / 4, phrase, eid))
    skill_scores = [p[0] for p in skill_parts]
    interest_bonus, interest_phrase = 0.0, ""
    for position, interest in enumerate(brief.interests[:3]):
        if interest.name in spec.interests:
            interest_bonus = (0.08, 0.05, 0.03)[position]
            interest_phrase = f"{interest.name} interest (high point {position + 1})"
            break
    means = [sum(v) / len(v) for v in (style_scores, skill_scores) if v]
    weight = (sum(means) / len(means) if means else 0.0) + interest_bonus
    weight = round(min(1.0, weight), 3)
    best = sorted(parts + skill_parts, key=lambda p: -p[0])[:3]
    bits = [p[1] for p in best] + ([interest_phrase] if interest_phrase else [])
    if bits:
        reason = "Weighted by " + "; ".join(bits) + "."
    else:
        reason = "No work style, skill or interest of this occupation bears on it; ranked last."
    used = [p[2] for p in parts + skill_parts]
    used += [i.element_id for i in brief.interests if i.name in spec.interests]
    return weight, reason, used


def _top_element(spec: DomainSpec, brief: Brief) -> Anchor | None:
    """The work style or skill that grounds the domain most for this occupation."""
    rel = {s.element_id: s.release for s in brief.skills}
    candidates: list[tuple[float, str]] = []
    for w in brief.work_styles:
        if w.element_id in spec.styles:
            candidates.append((_style_score(w.impact, w.scale), w.element_id))
    for s in brief.skills:
        if s.element_id in spec.skills and s.importance is not None:
            candidates.append(((s.importance - 1) / 4, s.element_id))
    if not candidates:
        return None
    _score, eid = max(candidates)
    return Anchor(kind="element", id=eid, release=rel.get(eid, brief.release))


# ------------------------------------------------------------------ statements

_SLOT = re.compile(r"\{(\w+)\}")


def _materials_for(spec: DomainSpec, facts: Facts) -> list[Material]:
    """This domain's work first (DWAs of its activities), then the rest, least-used first."""
    own = [m for m in facts.materials if m.element_id in spec.activities]
    rest = [m for m in facts.materials if m.element_id not in spec.activities]
    rest.sort(key=lambda m: (facts.used[m.anchors[-1].id], m.rank))
    return own + rest


def _fill(
    template: str, facts: Facts, material: Material | None
) -> tuple[str, list[Anchor]] | None:
    """The template filled in, with the anchors of what filled it; None if a slot is missing."""
    anchors: list[Anchor] = []
    values: dict[str, str] = {}
    for slot in _SLOT.findall(template):
        if slot in values:
            continue
        if slot in ("obj", "act"):
            value = getattr(material, slot) if material else None
            if not value:
                return None
            anchors += [a for a in material.anchors if a not in anchors]  # type: ignore[union-attr]
        elif slot == "people":
            if not facts.people:
                return None
            value, anchor = facts.people
            anchors.append(anchor)
        elif slot == "peers":
            value, peer_anchor = facts.peers
            if peer_anchor:
                anchors.append(peer_anchor)
        elif slot == "tech":
            if not facts.tech:
                return None
            value, anchor = facts.tech
            anchors.append(anchor)
        else:  # pragma: no cover - a template typo
            raise KeyError(f"unknown slot {{{slot}}} in durable template {template!r}")
        values[slot] = value
    text = _SLOT.sub(lambda m: values[m.group(1)], template)
    return text[:1].upper() + text[1:], anchors


def _level_statements(
    spec: DomainSpec,
    level: DurableLevel,
    count: int,
    facts: Facts,
    pool: list[Material],
    cursor: list[int],
    seen_texts: set[str],
) -> list[tuple[str, list[Anchor]]]:
    templates = TEMPLATES[spec.id][level]
    # Rotate by occupation so neighbouring occupations do not all open with the same template.
    start = sum(map(ord, facts.brief.soc)) % len(templates)
    ordered = templates[start:] + templates[:start]
    out: list[tuple[str, list[Anchor]]] = []
    for template in ordered:
        if len(out) == count:
            break
        needs_material = "{obj}" in template or "{act}" in template
        tried = 0
        while True:
            material = pool[cursor[0] % len(pool)] if (needs_material and pool) else None
            filled = _fill(template, facts, material)
            tried += 1
            if filled and filled[0] not in seen_texts:
                break
            filled = None
            if not needs_material or not pool or tried > len(pool):
                break
            cursor[0] += 1
        if filled is None:
            continue
        if needs_material:
            cursor[0] += 1
            facts.used[material.anchors[-1].id] += 1  # type: ignore[union-attr]
        seen_texts.add(filled[0])
        out.append(filled)
    return out


def _split(text: str) -> tuple[str, str]:
    title, behaviour = text.split(" — ", 1)
    return title, behaviour


def compose_durable(brief: Brief) -> DurableSkills:
    """The ten domains for this occupation, heaviest first, with statements at four levels."""
    facts = gather_facts(brief)
    weighed = []
    for spec in DOMAINS:
        weight, reason, used = weigh_domain(spec, brief)
        weighed.append((spec, weight, reason, used))
    # Ties keep the framework's own order of the domains.
    weighed.sort(key=lambda w: -w[1])
    seen_texts: set[str] = set()
    domains = []
    for rank, (spec, weight, reason, used) in enumerate(weighed, start=1):
        band = "high" if rank <= 3 else "mid" if rank <= 7 else "low"
        element = _top_element(spec, brief)
        pool = _materials_for(spec, facts)
        cursor = [0]
        statements: list[DurableStatement] = []
        for level, count in zip(DURABLE_LEVELS, COUNTS[band], strict=True):
            filled = _level_statements(spec, level, count, facts, pool, cursor, seen_texts)
            for order, (text, anchors) in enumerate(filled, start=1):
                if element and element not in anchors:
                    anchors = [*anchors, element]
                title, behaviour = _split(text)
                statements.append(
                    DurableStatement(
                        domain=spec.id,
                        level=level,
                        order=order,
                        title=title,
                        behaviour=behaviour,
                        framework=FRAMEWORK,
                        anchors=anchors,
                    )
                )
        domains.append(
            DurableDomain(
                id=spec.id,
                name=spec.name,
                description=spec.description,
                rank=rank,
                weight=weight,
                reason=reason,
                element_ids=used,
                statements=statements,
            )
        )
    return DurableSkills(
        soc=brief.soc,
        title=brief.title,
        release=brief.release,
        framework=FRAMEWORK,
        domains=domains,
    )
